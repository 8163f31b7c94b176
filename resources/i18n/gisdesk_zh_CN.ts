<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
    <context>
        <name>App</name>
        <message>
            <location filename="/work/wt/i18n/gisdesk/ui/app.py" />
            <source>Cannot open workspace</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>AttributeTable</name>
        <message>
            <location filename="/work/wt/i18n/gisdesk/ui/attribute_table.py" />
            <source>Clear selection</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/gisdesk/ui/attribute_table.py" />
            <source>Compare fields with = != &lt; &lt;= &gt; &gt;=, like / ilike (ignores case) with % and _, in (…), is [not] null, between … and …; combine with and, or, not and parentheses.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/gisdesk/ui/attribute_table.py" />
            <source>Copy value</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/gisdesk/ui/attribute_table.py" />
            <source>Filter, e.g. status = 'open' and severity &gt;= 3 (Enter applies)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/gisdesk/ui/attribute_table.py" />
            <source>Save as…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/gisdesk/ui/attribute_table.py" />
            <source>Save the rows shown (or the selected rows) to a file</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/gisdesk/ui/attribute_table.py" />
            <source>Selected only</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/gisdesk/ui/attribute_table.py" />
            <source>Zoom to feature</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/gisdesk/ui/attribute_table.py" />
            <source>{0} of {1} features</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/gisdesk/ui/attribute_table.py" />
            <source>{0} selected</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>AttributeTableModel</name>
        <message>
            <location filename="/work/wt/i18n/gisdesk/ui/attribute_table.py" />
            <source>&lt;{0} bytes&gt;</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/gisdesk/ui/attribute_table.py" />
            <source>Cancelled; the table shows the previous rows.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/gisdesk/ui/attribute_table.py" />
            <source>NULL</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/gisdesk/ui/attribute_table.py" />
            <source>Reading {name}…</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>ColorButton</name>
        <message>
            <location filename="/work/wt/i18n/gisdesk/ui/_style_widgets.py" />
            <source>Choose a colour</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>Commands</name>
        <message>
            <location filename="/work/wt/i18n/gisdesk/ui/actions.py" />
            <source>&amp;Deselect all</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/gisdesk/ui/actions.py" />
            <source>&amp;Export map to PNG or PDF…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/gisdesk/ui/actions.py" />
            <source>&amp;Identify features</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/gisdesk/ui/actions.py" />
            <source>&amp;Next extent</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/gisdesk/ui/actions.py" />
            <source>&amp;Open workspace…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/gisdesk/ui/actions.py" />
            <source>&amp;Pan</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/gisdesk/ui/actions.py" />
            <source>&amp;Quit</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/gisdesk/ui/actions.py" />
            <source>&amp;Save layers and styles</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/gisdesk/ui/actions.py" />
            <source>&amp;Select features</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/gisdesk/ui/actions.py" />
            <source>&amp;Zoom to box</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/gisdesk/ui/actions.py" />
            <source>Add &amp;raster layer…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/gisdesk/ui/actions.py" />
            <source>Add &amp;vector layer…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/gisdesk/ui/actions.py" />
            <source>Click a feature to see its attributes</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/gisdesk/ui/actions.py" />
            <source>Click or drag; Shift adds, Ctrl removes</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/gisdesk/ui/actions.py" />
            <source>Drag a box to zoom into it</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/gisdesk/ui/actions.py" />
            <source>Drag to move the map</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/gisdesk/ui/actions.py" />
            <source>Features</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/gisdesk/ui/actions.py" />
            <source>File</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/gisdesk/ui/actions.py" />
            <source>Map</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/gisdesk/ui/actions.py" />
            <source>Measure &amp;area</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/gisdesk/ui/actions.py" />
            <source>Measure &amp;distance</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/gisdesk/ui/actions.py" />
            <source>Open &amp;attribute table</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/gisdesk/ui/actions.py" />
            <source>P&amp;revious extent</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/gisdesk/ui/actions.py" />
            <source>View</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/gisdesk/ui/actions.py" />
            <source>Zoom &amp;in</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/gisdesk/ui/actions.py" />
            <source>Zoom &amp;out</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/gisdesk/ui/actions.py" />
            <source>Zoom to &amp;full extent</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/gisdesk/ui/actions.py" />
            <source>Zoom to &amp;layer</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/gisdesk/ui/actions.py" />
            <source>Zoom to &amp;selection</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>ExportDialog</name>
        <message>
            <location filename="/work/wt/i18n/gisdesk/ui/export_dialog.py" />
            <source> dpi</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/gisdesk/ui/export_dialog.py" />
            <source>&amp;Format:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/gisdesk/ui/export_dialog.py" />
            <source>&amp;Resolution:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/gisdesk/ui/export_dialog.py" />
            <source>&amp;Save to:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/gisdesk/ui/export_dialog.py" />
            <source>&amp;Title:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/gisdesk/ui/export_dialog.py" />
            <source>Browse…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/gisdesk/ui/export_dialog.py" />
            <source>Export</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/gisdesk/ui/export_dialog.py" />
            <source>Export Map</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/gisdesk/ui/export_dialog.py" />
            <source>Map title</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/gisdesk/ui/export_dialog.py" />
            <source>PDF document</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/gisdesk/ui/export_dialog.py" />
            <source>PDF documents (*.pdf)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/gisdesk/ui/export_dialog.py" />
            <source>PNG image</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/gisdesk/ui/export_dialog.py" />
            <source>PNG images (*.png)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/gisdesk/ui/export_dialog.py" />
            <source>The map could not be exported.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>IdentifyPanel</name>
        <message>
            <location filename="/work/wt/i18n/gisdesk/ui/identify.py" />
            <source>AI detection types</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/gisdesk/ui/identify.py" />
            <source>Feature</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/gisdesk/ui/identify.py" />
            <source>Feature {fid}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/gisdesk/ui/identify.py" />
            <source>Last detection</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/gisdesk/ui/identify.py" />
            <source>No features here</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/gisdesk/ui/identify.py" />
            <source>Status</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/gisdesk/ui/identify.py" />
            <source>Value</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/gisdesk/ui/identify.py" />
            <source>never</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>ImportDialogs</name>
        <message>
            <location filename="/work/wt/i18n/gisdesk/ui/import_dialogs.py" />
            <source>'{name}' does not say which coordinate reference system its coordinates are in. Choose one; nothing is imported until you do.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/gisdesk/ui/import_dialogs.py" />
            <source>'{name}' has {n} layers. Tick the ones to add to the workspace:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/gisdesk/ui/import_dialogs.py" />
            <source>Add</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/gisdesk/ui/import_dialogs.py" />
            <source>Cancel</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/gisdesk/ui/import_dialogs.py" />
            <source>Choose layers</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/gisdesk/ui/import_dialogs.py" />
            <source>Choose or type a coordinate reference system.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/gisdesk/ui/import_dialogs.py" />
            <source>Coordinate reference system</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/gisdesk/ui/_texts.py" />
            <source>GeometryCollection</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/gisdesk/ui/import_dialogs.py" />
            <source>Guessed from the coordinates: {label}.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/gisdesk/ui/import_dialogs.py" />
            <source>Import</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/gisdesk/ui/import_dialogs.py" />
            <source>It has no coordinates.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/gisdesk/ui/import_dialogs.py" />
            <source>Its coordinates reach {extent}.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/gisdesk/ui/_texts.py" />
            <source>LineString</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/gisdesk/ui/_texts.py" />
            <source>MultiLineString</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/gisdesk/ui/_texts.py" />
            <source>MultiPoint</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/gisdesk/ui/_texts.py" />
            <source>MultiPolygon</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/gisdesk/ui/_texts.py" />
            <source>Point</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/gisdesk/ui/_texts.py" />
            <source>Polygon</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/gisdesk/ui/import_dialogs.py" />
            <source>Select all</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/gisdesk/ui/import_dialogs.py" />
            <source>Select none</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/gisdesk/ui/import_dialogs.py" />
            <source>The coordinates fit no CRS gisdesk knows; type one (EPSG:n, WKT or a PROJ string).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/gisdesk/ui/_texts.py" />
            <source>Unknown</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/gisdesk/ui/import_dialogs.py" />
            <source>VN-2000 (longitude, latitude)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/gisdesk/ui/import_dialogs.py" />
            <source>VN-2000 / UTM zone 48N</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/gisdesk/ui/import_dialogs.py" />
            <source>VN-2000 / UTM zone 49N</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/gisdesk/ui/import_dialogs.py" />
            <source>WGS 84 (longitude, latitude)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/gisdesk/ui/import_dialogs.py" />
            <source>WGS 84 / UTM zone 48N</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/gisdesk/ui/import_dialogs.py" />
            <source>WGS 84 / UTM zone 49N</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/gisdesk/ui/import_dialogs.py" />
            <source>Web Mercator</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/gisdesk/ui/import_dialogs.py" />
            <source>no geometry</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/gisdesk/ui/import_dialogs.py" />
            <source>pyproj cannot read '{crs}'.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>LabelEditor</name>
        <message>
            <location filename="/work/wt/i18n/gisdesk/ui/_style_widgets.py" />
            <source> px</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/gisdesk/ui/_style_widgets.py" />
            <source>Bold</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/gisdesk/ui/_style_widgets.py" />
            <source>Colour</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/gisdesk/ui/_style_widgets.py" />
            <source>Field</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/gisdesk/ui/_style_widgets.py" />
            <source>Font size</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/gisdesk/ui/_style_widgets.py" />
            <source>Halo</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/gisdesk/ui/_style_widgets.py" />
            <source>Hide when zoomed in beyond 1:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/gisdesk/ui/_style_widgets.py" />
            <source>Hide when zoomed out beyond 1:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/gisdesk/ui/_style_widgets.py" />
            <source>Label the features of this layer</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/gisdesk/ui/_style_widgets.py" />
            <source>Labels of layers with a higher priority are placed first</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/gisdesk/ui/_style_widgets.py" />
            <source>Only features where</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/gisdesk/ui/_style_widgets.py" />
            <source>Priority</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/gisdesk/ui/_style_widgets.py" />
            <source>Repeat every</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/gisdesk/ui/_style_widgets.py" />
            <source>Text after</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/gisdesk/ui/_style_widgets.py" />
            <source>Text before</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/gisdesk/ui/_style_widgets.py" />
            <source>every feature, or e.g. class in ('primary', 'secondary')</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/gisdesk/ui/_style_widgets.py" />
            <source>no limit</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/gisdesk/ui/_style_widgets.py" />
            <source>once per line</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>Language</name>
        <message>
            <location filename="/work/wt/i18n/gisdesk/ui/language.py" />
            <source>&amp;Language</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/gisdesk/ui/language.py" />
            <source>System language</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/gisdesk/ui/language.py" />
            <source>The language changes when gisdesk starts next time.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>LayerTree</name>
        <message>
            <location filename="/work/wt/i18n/gisdesk/ui/layer_tree.py" />
            <source>Add layers…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/gisdesk/ui/layer_tree.py" />
            <source>Collapse all</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/gisdesk/ui/layer_tree.py" />
            <source>Expand all</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/gisdesk/ui/layer_tree.py" />
            <source>Hide all layers</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/gisdesk/ui/layer_tree.py" />
            <source>Not available: {reason}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/gisdesk/ui/layer_tree.py" />
            <source>Not done: {reason}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/gisdesk/ui/layer_tree.py" />
            <source>Opacity</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/gisdesk/ui/layer_tree.py" />
            <source>Open attribute table</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/gisdesk/ui/layer_tree.py" />
            <source>Remove '{title}' from the map?
The data stays in its file.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/gisdesk/ui/layer_tree.py" />
            <source>Remove layer</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/gisdesk/ui/layer_tree.py" />
            <source>Remove layer…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/gisdesk/ui/layer_tree.py" />
            <source>Rename</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/gisdesk/ui/layer_tree.py" />
            <source>Save as…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/gisdesk/ui/layer_tree.py" />
            <source>Show all layers</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/gisdesk/ui/layer_tree.py" />
            <source>Style…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/gisdesk/ui/layer_tree.py" />
            <source>Zoom to layer</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>Legend</name>
        <message>
            <location filename="/work/wt/i18n/gisdesk/render/legend.py" />
            <source>other</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>Locator</name>
        <message>
            <location filename="/work/wt/i18n/gisdesk/ui/locator.py" />
            <source>Communes</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/gisdesk/ui/locator.py" />
            <source>Coordinates</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/gisdesk/ui/locator.py" />
            <source>Find communes, roads, places, planning projects, incidents, tasks or a coordinate (lon lat, UTM, VN-2000 x y)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/gisdesk/ui/locator.py" />
            <source>Incidents</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/gisdesk/ui/locator.py" />
            <source>Nothing found</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/gisdesk/ui/locator.py" />
            <source>Places</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/gisdesk/ui/locator.py" />
            <source>Planning projects</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/gisdesk/ui/locator.py" />
            <source>Roads</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/gisdesk/ui/locator.py" />
            <source>Search</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/gisdesk/ui/locator.py" />
            <source>Search (locator)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/gisdesk/ui/locator.py" />
            <source>Search failed: {error}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/gisdesk/ui/locator.py" />
            <source>Search places, incidents, x y… (Ctrl+K)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/gisdesk/ui/locator.py" />
            <source>Tasks</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/gisdesk/ui/locator.py" />
            <source>{title} has no place on the map.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <location filename="/work/wt/i18n/gisdesk/ui/main_window.py" />
            <source>&amp;Panels</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/gisdesk/ui/main_window.py" />
            <source>(none yet)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/gisdesk/ui/main_window.py" />
            <source>Add raster layer</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/gisdesk/ui/main_window.py" />
            <source>Add vector layer</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/gisdesk/ui/main_window.py" />
            <source>Attributes — {title}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/gisdesk/ui/main_window.py" />
            <source>Cancel</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/gisdesk/ui/main_window.py" />
            <source>GeoTIFF (*.tif *.tiff);;All files (*)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/gisdesk/ui/main_window.py" />
            <source>Identify results</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/gisdesk/ui/main_window.py" />
            <source>Imported {name} into the workspace as '{table}'.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/gisdesk/ui/main_window.py" />
            <source>Importing {name}…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/gisdesk/ui/main_window.py" />
            <source>Layers</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/gisdesk/ui/main_window.py" />
            <source>Layers and styles saved in {name}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/gisdesk/ui/main_window.py" />
            <source>Layers and styles were not saved: {error}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/gisdesk/ui/main_window.py" />
            <source>Not available: {reason}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/gisdesk/ui/main_window.py" />
            <source>Not done: {reason}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/gisdesk/ui/main_window.py" />
            <source>Nothing is selected.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/gisdesk/ui/main_window.py" />
            <source>Open &amp;recent</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/gisdesk/ui/main_window.py" />
            <source>Open workspace</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/gisdesk/ui/main_window.py" />
            <source>Pick a layer in the layer tree first.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/gisdesk/ui/main_window.py" />
            <source>Pick a vector layer in the layer tree first.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/gisdesk/ui/main_window.py" />
            <source>Rendered in {ms:.0f} ms</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/gisdesk/ui/main_window.py" />
            <source>S&amp;witch user…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/gisdesk/ui/main_window.py" />
            <source>Scale 1:{n:,.0f}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/gisdesk/ui/main_window.py" />
            <source>Signed in: {name} ({role}{where})</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/gisdesk/ui/main_window.py" />
            <source>SpatiaLite or GeoPackage (*.sqlite *.db *.gpkg);;All files (*)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/gisdesk/ui/main_window.py" />
            <source>Switch user (Ctrl+Alt+U)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/gisdesk/ui/main_window.py" />
            <source>The map could not be drawn: {error}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/gisdesk/ui/main_window.py" />
            <source>Vector data (*.geojson *.json *.shp *.gpkg *.sqlite *.kml *.kmz *.gml *.fgb *.dxf);;Tables with coordinates (*.csv *.xlsx);;All files (*)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/gisdesk/ui/_texts.py" />
            <source>administrator</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/gisdesk/ui/_texts.py" />
            <source>city dispatcher</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/gisdesk/ui/_texts.py" />
            <source>commune officer</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/gisdesk/ui/_texts.py" />
            <source>department officer</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/gisdesk/ui/main_window.py" />
            <source>gisdesk — {name}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/gisdesk/ui/_texts.py" />
            <source>viewer</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/gisdesk/ui/main_window.py" />
            <source>{n:,} feature(s) selected</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/gisdesk/ui/main_window.py" />
            <source>{name} was not imported: it needs a coordinate reference system.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/gisdesk/ui/main_window.py" />
            <source>{n} layer(s) could not be drawn</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>MapExport</name>
        <message>
            <location filename="/work/wt/i18n/gisdesk/render/layout.py" />
            <source>Coordinate system</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/gisdesk/render/layout.py" />
            <source>Date</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/gisdesk/render/layout.py" />
            <source>Legend</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/gisdesk/render/layout.py" />
            <source>Made with gisdesk</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/gisdesk/render/layout.py" />
            <source>Scale</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>Measure</name>
        <message>
            <location filename="/work/wt/i18n/gisdesk/ui/measure.py" />
            <source>Area {area}   perimeter {perimeter}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/gisdesk/ui/measure.py" />
            <source>Click to add points; right-click or double-click to finish</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/gisdesk/ui/measure.py" />
            <source>Distance {length}</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>MessageBar</name>
        <message>
            <location filename="/work/wt/i18n/gisdesk/ui/message_bar.py" />
            <source>Close</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/gisdesk/ui/message_bar.py" />
            <source>Details</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/gisdesk/ui/message_bar.py" />
            <source>The workspace is busy: another program is writing; try again.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>PluginHost</name>
        <message>
            <location filename="/work/wt/i18n/gisdesk/ui/plugin_host.py" />
            <source>&amp;Manage plugins…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/gisdesk/ui/plugin_host.py" />
            <source>Add layer</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/gisdesk/ui/plugin_host.py" />
            <source>Add layer with a plugin reader…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/gisdesk/ui/plugin_host.py" />
            <source>No plugin reads {name}.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/gisdesk/ui/plugin_host.py" />
            <source>Not available: {reason}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/gisdesk/ui/plugin_host.py" />
            <source>Plugin formats ({patterns});;All files (*)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/gisdesk/ui/plugin_host.py" />
            <source>Plugins</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/gisdesk/ui/plugin_host.py" />
            <source>Shortcut {key} of {id} is also used by {other}.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/gisdesk/ui/plugin_host.py" />
            <source>{reader} read {name} into the workspace as '{table}'.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/gisdesk/ui/plugin_host.py" />
            <source>{reader} wrote '{table}', which is not a map layer of the workspace.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>PluginManagerDialog</name>
        <message>
            <location filename="/work/wt/i18n/gisdesk/ui/plugin_manager.py" />
            <source>&amp;Disable</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/gisdesk/ui/plugin_manager.py" />
            <source>&amp;Enable</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/gisdesk/ui/plugin_manager.py" />
            <source>&amp;Reload from disk</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/gisdesk/ui/plugin_manager.py" />
            <source>API version</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/gisdesk/ui/plugin_manager.py" />
            <source>Adds</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/gisdesk/ui/plugin_manager.py" />
            <source>Author</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/gisdesk/ui/plugin_manager.py" />
            <source>Category</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/gisdesk/ui/plugin_manager.py" />
            <source>Disabled: {why}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/gisdesk/ui/plugin_manager.py" />
            <source>Experimental</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/gisdesk/ui/plugin_manager.py" />
            <source>Failed while: {phase}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/gisdesk/ui/plugin_manager.py" />
            <source>From {source}: {where}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/gisdesk/ui/plugin_manager.py" />
            <source>Manifest warnings</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/gisdesk/ui/plugin_manager.py" />
            <source>Name</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/gisdesk/ui/plugin_manager.py" />
            <source>Plugin</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/gisdesk/ui/plugin_manager.py" />
            <source>Plugins</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/gisdesk/ui/plugin_manager.py" />
            <source>Repository</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/gisdesk/ui/plugin_manager.py" />
            <source>Source</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/gisdesk/ui/plugin_manager.py" />
            <source>State</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/gisdesk/ui/plugin_manager.py" />
            <source>Tags</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/gisdesk/ui/plugin_manager.py" />
            <source>Traceback</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/gisdesk/ui/plugin_manager.py" />
            <source>Tracker</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/gisdesk/ui/plugin_manager.py" />
            <source>Unload the plugin, re-read its files and start it again</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/gisdesk/ui/plugin_manager.py" />
            <source>Version</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/gisdesk/ui/plugin_manager.py" />
            <source>turned off by you</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/gisdesk/ui/plugin_manager.py" />
            <source>yes</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>Progress</name>
        <message>
            <location filename="/work/wt/i18n/gisdesk/ui/progress.py" />
            <source>Cancel</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/gisdesk/ui/progress.py" />
            <source>Working…</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>RampEditor</name>
        <message>
            <location filename="/work/wt/i18n/gisdesk/ui/_style_widgets.py" />
            <source>Add stop</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/gisdesk/ui/_texts.py" />
            <source>Blues</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/gisdesk/ui/_style_widgets.py" />
            <source>Colour</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/gisdesk/ui/_style_widgets.py" />
            <source>Colour ramp</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/gisdesk/ui/_style_widgets.py" />
            <source>Preset…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/gisdesk/ui/_texts.py" />
            <source>Red-yellow-green</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/gisdesk/ui/_texts.py" />
            <source>Reds</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/gisdesk/ui/_style_widgets.py" />
            <source>Remove stop</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/gisdesk/ui/_style_widgets.py" />
            <source>Value</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/gisdesk/ui/_texts.py" />
            <source>Viridis</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>SaveAsDialog</name>
        <message>
            <location filename="/work/wt/i18n/gisdesk/ui/save_as_dialog.py" />
            <source>&amp;CRS:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/gisdesk/ui/save_as_dialog.py" />
            <source>&amp;Format:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/gisdesk/ui/save_as_dialog.py" />
            <source>&amp;Rows:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/gisdesk/ui/save_as_dialog.py" />
            <source>&amp;Save to:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/gisdesk/ui/save_as_dialog.py" />
            <source>'{name}' exists. Replace it?</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/gisdesk/ui/save_as_dialog.py" />
            <source>All features</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/gisdesk/ui/save_as_dialog.py" />
            <source>As WKT</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/gisdesk/ui/save_as_dialog.py" />
            <source>As lon/lat columns (WGS 84)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/gisdesk/ui/save_as_dialog.py" />
            <source>Browse…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/gisdesk/ui/save_as_dialog.py" />
            <source>CSV &amp;geometry:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/gisdesk/ui/save_as_dialog.py" />
            <source>Cancel</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/gisdesk/ui/save_as_dialog.py" />
            <source>Layer CRS (EPSG:{code})</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/gisdesk/ui/save_as_dialog.py" />
            <source>None</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/gisdesk/ui/save_as_dialog.py" />
            <source>Not saved: {reason}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/gisdesk/ui/save_as_dialog.py" />
            <source>Pick a CRS or type an EPSG code, e.g. EPSG:9210</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/gisdesk/ui/save_as_dialog.py" />
            <source>Rows of the filter ({n})</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/gisdesk/ui/save_as_dialog.py" />
            <source>Save</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/gisdesk/ui/save_as_dialog.py" />
            <source>Save “{title}” as</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/gisdesk/ui/save_as_dialog.py" />
            <source>Saved {n} features of “{title}” to {file} ({format}{crs}).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/gisdesk/ui/save_as_dialog.py" />
            <source>Saving {title}…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/gisdesk/ui/save_as_dialog.py" />
            <source>Selected features only ({n})</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/gisdesk/ui/save_as_dialog.py" />
            <source>VN-2000 / UTM 48N</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/gisdesk/ui/save_as_dialog.py" />
            <source>WGS 84</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/gisdesk/ui/save_as_dialog.py" />
            <source>WGS 84 / UTM 48N</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/gisdesk/ui/save_as_dialog.py" />
            <source>Web Mercator</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/gisdesk/ui/save_as_dialog.py" />
            <source>{label} ({pattern})</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>SignIn</name>
        <message>
            <location filename="/work/wt/i18n/gisdesk/ui/sign_in.py" />
            <source>&amp;Password</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/gisdesk/ui/sign_in.py" />
            <source>&amp;Repeat password</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/gisdesk/ui/sign_in.py" />
            <source>&amp;Username</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/gisdesk/ui/sign_in.py" />
            <source>At least {n} characters.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/gisdesk/ui/sign_in.py" />
            <source>Create</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/gisdesk/ui/sign_in.py" />
            <source>Create the administrator</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/gisdesk/ui/sign_in.py" />
            <source>Sign in</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/gisdesk/ui/sign_in.py" />
            <source>Sign in to gisdesk</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/gisdesk/ui/sign_in.py" />
            <source>Sign in to {name}. What you see and may change depends on your role and commune.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/gisdesk/ui/sign_in.py" />
            <source>This workspace has no administrator yet. Choose the administrator's username and password; the administrator then adds the other users.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/gisdesk/ui/sign_in.py" />
            <source>the two passwords differ</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>StyleDialog</name>
        <message>
            <location filename="/work/wt/i18n/gisdesk/ui/style_dialog.py" />
            <source>'{field}' has more than {n} values; the first {n} are shown, the others are drawn as 'other'.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/gisdesk/ui/style_dialog.py" />
            <source>'{field}' has no values in this layer.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/gisdesk/ui/style_dialog.py" />
            <source>'{field}' is not a numeric field; a graduated style needs numbers.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/gisdesk/ui/style_dialog.py" />
            <source>'{text}' is not a number.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/gisdesk/ui/style_dialog.py" />
            <source>Apply, and save the layers and styles in the workspace for everyone</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/gisdesk/ui/_texts.py" />
            <source>Blues</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/gisdesk/ui/style_dialog.py" />
            <source>Categories</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/gisdesk/ui/style_dialog.py" />
            <source>Categorized</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/gisdesk/ui/style_dialog.py" />
            <source>Change colour</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/gisdesk/ui/style_dialog.py" />
            <source>Class colour</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/gisdesk/ui/style_dialog.py" />
            <source>Classes</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/gisdesk/ui/style_dialog.py" />
            <source>Classify</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/gisdesk/ui/style_dialog.py" />
            <source>Delete</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/gisdesk/ui/style_dialog.py" />
            <source>Equal interval</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/gisdesk/ui/style_dialog.py" />
            <source>Every value of '{field}' is {v}; there is nothing to grade.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/gisdesk/ui/style_dialog.py" />
            <source>Field</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/gisdesk/ui/style_dialog.py" />
            <source>Fill colour</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/gisdesk/ui/style_dialog.py" />
            <source>Fill opacity</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/gisdesk/ui/style_dialog.py" />
            <source>Graduated</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/gisdesk/ui/style_dialog.py" />
            <source>Labels</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/gisdesk/ui/style_dialog.py" />
            <source>Labels: {problem}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/gisdesk/ui/style_dialog.py" />
            <source>Layer opacity</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/gisdesk/ui/style_dialog.py" />
            <source>Layer style — {title}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/gisdesk/ui/style_dialog.py" />
            <source>Legend</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/gisdesk/ui/style_dialog.py" />
            <source>Line colour</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/gisdesk/ui/style_dialog.py" />
            <source>Line width</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/gisdesk/ui/style_dialog.py" />
            <source>Marker shape</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/gisdesk/ui/style_dialog.py" />
            <source>Marker size</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/gisdesk/ui/style_dialog.py" />
            <source>Not available: {reason}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/gisdesk/ui/style_dialog.py" />
            <source>Press Classify to make classes for '{field}'.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/gisdesk/ui/style_dialog.py" />
            <source>Quantile (equal count)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/gisdesk/ui/style_dialog.py" />
            <source>Range</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/gisdesk/ui/_texts.py" />
            <source>Red-yellow-green</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/gisdesk/ui/_texts.py" />
            <source>Reds</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/gisdesk/ui/style_dialog.py" />
            <source>Save for everyone</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/gisdesk/ui/style_dialog.py" />
            <source>Single symbol</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/gisdesk/ui/style_dialog.py" />
            <source>Stroke colour</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/gisdesk/ui/style_dialog.py" />
            <source>Stroke width</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/gisdesk/ui/style_dialog.py" />
            <source>Style</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/gisdesk/ui/style_dialog.py" />
            <source>Symbol</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/gisdesk/ui/style_dialog.py" />
            <source>Symbology</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/gisdesk/ui/style_dialog.py" />
            <source>There are no classes yet: press Classify.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/gisdesk/ui/style_dialog.py" />
            <source>This layer has no fields to classify by.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/gisdesk/ui/style_dialog.py" />
            <source>Value</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/gisdesk/ui/_texts.py" />
            <source>Viridis</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/gisdesk/ui/style_dialog.py" />
            <source>Write a range as 'lower - upper', for example '0 - 100'.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/gisdesk/ui/_texts.py" />
            <location filename="/work/wt/i18n/gisdesk/ui/style_dialog.py" />
            <source>circle</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/gisdesk/ui/_texts.py" />
            <location filename="/work/wt/i18n/gisdesk/ui/style_dialog.py" />
            <source>cross</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/gisdesk/ui/_texts.py" />
            <location filename="/work/wt/i18n/gisdesk/ui/style_dialog.py" />
            <source>diamond</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/gisdesk/ui/_texts.py" />
            <location filename="/work/wt/i18n/gisdesk/ui/style_dialog.py" />
            <source>square</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/gisdesk/ui/_texts.py" />
            <location filename="/work/wt/i18n/gisdesk/ui/style_dialog.py" />
            <source>triangle</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/gisdesk/ui/style_dialog.py" />
            <source>{n} values of '{field}' are not numbers and are not drawn.</source>
            <translation type="unfinished" />
        </message>
    </context>
</TS>
