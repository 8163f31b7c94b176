<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi" sourcelanguage="en">
    <context>
        <name>IncidentsPanel</name>
        <message>
            <location filename="/work/wt/i18n/plugins/incidents/incidents/form.py" />
            <source>&amp;Address</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/incidents/incidents/form.py" />
            <source>&amp;Category</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/incidents/incidents/form.py" />
            <source>&amp;Description</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/incidents/incidents/form.py" />
            <source>&amp;Happened at</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/incidents/incidents/form.py" />
            <source>&amp;Override the routing</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/incidents/incidents/form.py" />
            <source>&amp;Save</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/incidents/incidents/form.py" />
            <source>&amp;Severity</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/incidents/incidents/rules.py" />
            <source>A new incident goes to the department of its category. Add a row for a new category; change a department to re-route future incidents.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/incidents/incidents/form.py" />
            <source>A task about this incident, assigned to the routed unit</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/incidents/incidents/rules.py" />
            <source>Add a category</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/incidents/incidents/form.py" />
            <source>Add…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/incidents/incidents/listing.py" />
            <source>All categories</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/incidents/incidents/listing.py" />
            <source>All channels</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/incidents/incidents/listing.py" />
            <source>All communes</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/incidents/incidents/listing.py" />
            <source>All statuses</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/incidents/incidents/panel.py" />
            <source>An open {category} incident was reported {dist:.0f} m away at {when} ({n} candidate(s)). Link the new report to it as a duplicate?</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/incidents/incidents/listing.py" />
            <source>Any time</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/incidents/incidents/panel.py" />
            <source>Area</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/incidents/incidents/form.py" />
            <source>Attach photos or files</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/incidents/incidents/form.py" />
            <source>C&amp;hannel</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/incidents/incidents/feeds.py" />
            <location filename="/work/wt/i18n/plugins/incidents/incidents/form.py" />
            <source>Cancel</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/incidents/incidents/listing.py" />
            <location filename="/work/wt/i18n/plugins/incidents/incidents/rules.py" />
            <source>Category</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/incidents/incidents/panel.py" />
            <source>Change shape</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/incidents/incidents/listing.py" />
            <source>Channel</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/incidents/incidents/form.py" />
            <location filename="/work/wt/i18n/plugins/incidents/incidents/listing.py" />
            <source>Commune</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/incidents/incidents/listing.py" />
            <source>Create one task for the {n} selected incidents…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/incidents/incidents/form.py" />
            <location filename="/work/wt/i18n/plugins/incidents/incidents/listing.py" />
            <source>Create task…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/incidents/incidents/feeds.py" />
            <source>Created {created}, repeats of open incidents {duplicates}, rejected {rejected}.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/incidents/incidents/panel.py" />
            <source>Delete incident</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/incidents/incidents/form.py" />
            <source>Delete…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/incidents/incidents/form.py" />
            <location filename="/work/wt/i18n/plugins/incidents/incidents/rules.py" />
            <source>Department</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/incidents/incidents/feeds.py" />
            <source>Detection feeds (*.csv *.jsonl *.ndjson *.json);;All files (*)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/incidents/incidents/feeds.py" />
            <source>Detection review level</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/incidents/incidents/panel.py" />
            <source>Detection review level…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/incidents/incidents/panel.py" />
            <source>Draw a new incident as a point, a line or an area, or pick one in the list.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/incidents/incidents/panel.py" />
            <source>Draw a new incident on the map</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/incidents/incidents/form.py" />
            <source>Draw an incident on the map with the buttons above, or pick one in the list.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/incidents/incidents/rules.py" />
            <source>Each row needs a category and a department: </source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/incidents/incidents/panel.py" />
            <source>Edit shape</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/incidents/incidents/feeds.py" />
            <source>Export GeoJSON</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/incidents/incidents/feeds.py" />
            <source>Export Open311 GeoReport v2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/incidents/incidents/feeds.py" />
            <source>Export failed</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/incidents/incidents/panel.py" />
            <source>Export listed incidents as GeoJSON…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/incidents/incidents/panel.py" />
            <source>Export listed incidents as Open311…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/incidents/incidents/feeds.py" />
            <source>GeoReport v2 JSON (*.json);;All files (*)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/incidents/incidents/form.py" />
            <source>Give a reason to override the routing.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/incidents/incidents/listing.py" />
            <source>Happened</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/incidents/incidents/form.py" />
            <source>History</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/incidents/incidents/feeds.py" />
            <source>Import Open311 requests</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/incidents/incidents/panel.py" />
            <source>Import Open311 requests…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/incidents/incidents/feeds.py" />
            <source>Import camera AI detections</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/incidents/incidents/feeds.py" />
            <source>Import camera detections</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/incidents/incidents/panel.py" />
            <source>Import camera detections…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/incidents/incidents/panel.py" />
            <source>Import/Export</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/incidents/incidents/form.py" />
            <location filename="/work/wt/i18n/plugins/incidents/incidents/panel.py" />
            <source>Incident</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/incidents/incidents/rules.py" />
            <source>Incident categories and routing rules</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/incidents/incidents/form.py" />
            <source>JPEG, PNG, GIF or WebP photos, PDF or text files, up to 20 MB each; kept inside the workspace</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/incidents/incidents/listing.py" />
            <source>Last 12 months</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/incidents/incidents/listing.py" />
            <source>Last 24 hours</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/incidents/incidents/listing.py" />
            <source>Last 30 days</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/incidents/incidents/listing.py" />
            <source>Last 7 days</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/incidents/incidents/panel.py" />
            <source>Line</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/incidents/incidents/panel.py" />
            <source>Link as duplicate</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/incidents/incidents/panel.py" />
            <source>List</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/incidents/incidents/feeds.py" />
            <source>Mark detections below this confidence for review:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/incidents/incidents/form.py" />
            <source>Needs review</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/incidents/incidents/form.py" />
            <source>New incident</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/incidents/incidents/listing.py" />
            <source>Newest {shown} shown; more match the filters.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/incidents/incidents/form.py" />
            <location filename="/work/wt/i18n/plugins/incidents/incidents/panel.py" />
            <source>Not allowed: {reason}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/incidents/incidents/form.py" />
            <location filename="/work/wt/i18n/plugins/incidents/incidents/panel.py" />
            <source>Not attached: </source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/incidents/incidents/panel.py" />
            <source>Not deleted: </source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/incidents/incidents/form.py" />
            <source>Not removed: </source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/incidents/incidents/panel.py" />
            <source>Not saved: </source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/incidents/incidents/panel.py" />
            <source>Nothing changed.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/incidents/incidents/listing.py" />
            <source>Open</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/incidents/incidents/form.py" />
            <source>Photos and documents (*.jpg *.jpeg *.png *.gif *.webp *.pdf *.txt);;All files (*)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/incidents/incidents/form.py" />
            <source>Photos and files</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/incidents/incidents/form.py" />
            <source>Pick a category or type a new one; its department comes from the routing rules.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/incidents/incidents/panel.py" />
            <source>Pick an incident on the map and move, add or remove its corners</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/incidents/incidents/panel.py" />
            <source>Point</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/incidents/incidents/panel.py" />
            <source>Possible duplicate</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/incidents/incidents/form.py" />
            <source>Reason</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/incidents/incidents/panel.py" />
            <source>Redo</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/incidents/incidents/form.py" />
            <source>Remove</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/incidents/incidents/panel.py" />
            <source>Reported {category} in {commune}.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/incidents/incidents/form.py" />
            <source>Routing</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/incidents/incidents/panel.py" />
            <source>Routing rules…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/incidents/incidents/form.py" />
            <source>S&amp;tatus</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/incidents/incidents/panel.py" />
            <source>Save as a new incident</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/incidents/incidents/panel.py" />
            <source>Saved the changes.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/incidents/incidents/form.py" />
            <source>Send to commune</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/incidents/incidents/form.py" />
            <source>Send to department</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/incidents/incidents/listing.py" />
            <source>Severity</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/incidents/incidents/panel.py" />
            <source>Shape not changed: </source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/incidents/incidents/panel.py" />
            <source>Signed in as {name}: the list shows the incidents you may see.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/incidents/incidents/form.py" />
            <source>Someone should confirm this report (e.g. a low-confidence camera detection)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/incidents/incidents/listing.py" />
            <source>Status</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/incidents/incidents/form.py" />
            <source>Store the incident (Ctrl+Return)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/incidents/incidents/panel.py" />
            <source>Stored; it belongs to another unit now, so it is not shown to you.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/incidents/incidents/form.py" />
            <source>Street, landmark…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/incidents/incidents/panel.py" />
            <source>That incident no longer exists (deleted, or undone).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/incidents/incidents/panel.py" />
            <source>This workspace has no incidents and communes layers; open a city workspace.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/incidents/incidents/listing.py" />
            <source>This workspace has no incidents layer.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/incidents/incidents/panel.py" />
            <source>Undo</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/incidents/incidents/form.py" />
            <source>What is happening, who reported it…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/incidents/incidents/form.py" />
            <source>When it happened (local time; stored in UTC)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/incidents/incidents/form.py" />
            <source>Why (required to override)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/incidents/incidents/panel.py" />
            <source>Why delete this incident? (Its history is kept; Undo restores it.)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/incidents/incidents/feeds.py" />
            <source>Wrote {n} incidents to {name}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/incidents/incidents/_texts.py" />
            <source>app</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/incidents/incidents/form.py" />
            <source>area</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/incidents/incidents/_texts.py" />
            <source>assigned</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/incidents/incidents/_texts.py" />
            <source>camera</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/incidents/incidents/_texts.py" />
            <source>closed</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/incidents/incidents/form.py" />
            <location filename="/work/wt/i18n/plugins/incidents/incidents/listing.py" />
            <source>critical</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/incidents/incidents/_texts.py" />
            <source>duplicate</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/incidents/incidents/form.py" />
            <location filename="/work/wt/i18n/plugins/incidents/incidents/listing.py" />
            <source>high</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/incidents/incidents/_texts.py" />
            <source>hotline</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/incidents/incidents/_texts.py" />
            <source>in progress</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/incidents/incidents/feeds.py" />
            <location filename="/work/wt/i18n/plugins/incidents/incidents/form.py" />
            <source>line</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/incidents/incidents/form.py" />
            <location filename="/work/wt/i18n/plugins/incidents/incidents/listing.py" />
            <source>low</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/incidents/incidents/form.py" />
            <location filename="/work/wt/i18n/plugins/incidents/incidents/listing.py" />
            <source>medium</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/incidents/incidents/_texts.py" />
            <source>new</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/incidents/incidents/panel.py" />
            <source>no commune</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/incidents/incidents/form.py" />
            <source>no rule for this category</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/incidents/incidents/_texts.py" />
            <source>officer</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/incidents/incidents/form.py" />
            <source>outside every commune</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/incidents/incidents/form.py" />
            <source>point</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/incidents/incidents/_texts.py" />
            <source>rejected</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/incidents/incidents/feeds.py" />
            <source>request</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/incidents/incidents/_texts.py" />
            <source>resolved</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/incidents/incidents/panel.py" />
            <source>routing overridden: </source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/incidents/incidents/_texts.py" />
            <source>sensor</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/incidents/incidents/form.py" />
            <source>stored on save</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/incidents/incidents/form.py" />
            <source>the access policy says no</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>incidents</name>
        <message>
            <location filename="../gisdesk-plugin.toml" />
            <source>Draw incidents on the map; validation, routing to commune and department, duplicates, camera and Open311 feeds.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../gisdesk-plugin.toml" />
            <source>Edit incident shape</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../gisdesk-plugin.toml" />
            <source>Incident area</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../gisdesk-plugin.toml" />
            <source>Incident line</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../gisdesk-plugin.toml" />
            <source>Incident point</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../gisdesk-plugin.toml" />
            <source>Incidents</source>
            <translation type="unfinished" />
        </message>
    </context>
</TS>
