"""QGIS's ``layer_styles`` table in SpatiaLite and GeoPackage files: styles both ways.

QGIS keeps a layer's saved styles in a ``layer_styles`` table of the same file (the
columns below; OGR creates the same table in GeoPackages), and opens a layer with the
row marked ``useAsDefault``. gisdesk

* **reads** it: a layer without a gisdesk style of its own (none saved in
  ``gisdesk_layer_state``) is shown with its QGIS default style (:func:`initial_style`);
* **writes** it: when the map's styles are saved to the workspace, each workspace layer's
  style is written as QML (and SLD) in a row named :data:`STYLE_NAME`, so QGIS opens the
  workspace with gisdesk's look. That row is the default only when no style saved from
  QGIS is already the default: a QGIS user's own choice is never replaced, nor any of
  their rows changed.
"""

from __future__ import annotations

from typing import Any

from gisdesk.core.default_styles import default_style
from gisdesk.core.qgis_style import geometry_of, style_from_qml, style_to_qml
from gisdesk.core.style import VectorStyle

#: The name of gisdesk's row per layer in ``layer_styles``.
STYLE_NAME = "gisdesk"
#: Default values QGIS fills in for features drawn there (QGIS expressions), per table: an incident
#: drawn in QGIS gets an id; gisdesk's triggers then record and route it (store/outside_edits.py).
QGIS_DEFAULTS = {"incidents": {"uuid": "uuid()", "status": "'new'", "severity": "2", "channel": "'officer'",
                               "reported_at": "''", "updated_at": "''"}}

CREATE = """CREATE TABLE IF NOT EXISTS layer_styles (
    id INTEGER PRIMARY KEY AUTOINCREMENT, f_table_catalog VARCHAR(256), f_table_schema VARCHAR(256),
    f_table_name VARCHAR(256), f_geometry_column VARCHAR(256), styleName TEXT, styleQML TEXT, styleSLD TEXT,
    useAsDefault BOOLEAN, description TEXT, owner VARCHAR(30), ui TEXT,
    update_time TIMESTAMP DEFAULT CURRENT_TIMESTAMP)"""


def _has_table(conn: Any) -> bool:
    return conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'layer_styles'").fetchone() \
        is not None


def default_qml(conn: Any, table: str) -> str | None:
    """The QML of ``table``'s default QGIS style (the ``useAsDefault`` row, newest first), if any."""
    if not _has_table(conn):
        return None
    row = conn.execute("SELECT styleQML FROM layer_styles WHERE lower(f_table_name) = lower(?) "
                       "AND styleQML IS NOT NULL AND styleQML <> '' "
                       "ORDER BY CASE WHEN useAsDefault THEN 0 ELSE 1 END, update_time DESC, id DESC LIMIT 1",
                       (table,)).fetchone()
    return row[0] if row else None


def initial_style(conn: Any, table: str, kind: str, fallback: VectorStyle | None = None,
                  warnings: list[str] | None = None) -> VectorStyle:
    """The style a layer opens with: its QGIS default style when the file has one gisdesk can read,
    else ``fallback`` (else :func:`~gisdesk.core.default_styles.default_style` of ``kind``).

    What did not cross from QGIS (and a style that could not be read at all) is added to ``warnings``.
    """
    base = fallback if fallback is not None else default_style(kind)
    qml = default_qml(conn, table)
    if qml is None:
        return base
    try:
        style, notes = style_from_qml(qml)
    except ValueError as exc:
        if warnings is not None:
            warnings.append(f"The QGIS style of '{table}' could not be used ({exc}); it has gisdesk's default style.")
        return base
    if warnings is not None:
        warnings.extend(f"QGIS style of '{table}': {n}" for n in notes)
    return style


def write_styles(conn: Any, styles: list[tuple[str, str, str, VectorStyle]], owner: str = "") -> int:
    """Write each ``(table, geometry column, kind, style)`` as gisdesk's QML row of that table.

    Runs inside the caller's transaction. gisdesk's row is replaced; QGIS users' rows stay. The
    row is the default unless another style of that table is already the default. Returns how
    many rows were written.
    """
    from gisdesk.core.sld_style import style_to_sld

    conn.execute(CREATE)
    n = 0
    for table, column, kind, style in styles:
        geometry = geometry_of(kind)
        qml = style_to_qml(style, geometry, defaults=QGIS_DEFAULTS.get(table.lower()))
        sld = style_to_sld(style, geometry, table)
        conn.execute("DELETE FROM layer_styles WHERE lower(f_table_name) = lower(?) AND styleName = ?",
                     (table, STYLE_NAME))
        theirs = conn.execute("SELECT 1 FROM layer_styles WHERE lower(f_table_name) = lower(?) AND useAsDefault",
                              (table,)).fetchone()
        conn.execute("INSERT INTO layer_styles (f_table_catalog, f_table_schema, f_table_name, f_geometry_column, "
                     "styleName, styleQML, styleSLD, useAsDefault, description, owner, ui, update_time) "
                     "VALUES ('', '', ?, ?, ?, ?, ?, ?, ?, ?, NULL, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))",
                     (table, column, STYLE_NAME, qml, sld, 0 if theirs else 1,
                      "Written by gisdesk when the map's styles were saved", owner))
        n += 1
    return n


__all__ = ["CREATE", "STYLE_NAME", "default_qml", "initial_style", "write_styles"]
