"""Reference-layer feature edits between a package and its source, merged per feature and attribute.

Up (``feature_change``)
-----------------------
What the package's feature log (:mod:`gisdesk.store.feature_log`) recorded since the last
collect, one change per feature: ``layer``, ``fkey`` (the feature's stable key), ``op``
(``insert``/``update``/``delete``), ``old`` and ``new`` (an update: the changed attributes
only, before and after; an insert: the whole new row; a delete: the whole row it had) and
``row`` (the whole feature as the package has it, so a losing change is kept whole). The
source judges it, as the package's user, by these rules (the matrix of docs/sync.md):

================================ ================================= =========================================
the package did                  the source did meanwhile          outcome
================================ ================================= =========================================
anything                         (the policy refuses the user the  **refused** with the policy's reason
                                 layer or the feature)
change attribute A from x to y   nothing to A                      **applied**
change A from x to y             A from x to y too                 **identical**
change A from x to y             A from x to z                     **conflict**: z stays; y kept in the record
change A                         changed attribute B               **applied**: both land
change (any attribute)           deleted the feature               **conflict**: the delete stays; the change
                                                                   (with the whole feature) kept in the record
delete                           nothing                           **applied**
delete                           changed it                        **conflict**: the feature stays as the
                                                                   source has it; the delete kept
delete                           deleted it                        **identical**
add a feature                    added one at the same place       **applied**: both kept (two features),
                                 (within :data:`SAME_PLACE_M`)     flagged in the conflict table for review
================================ ================================= =========================================

The one rule behind the table: what the source (the city) has stays; the package's losing
value is kept in ``gisdesk_sync_conflicts`` (``field`` = the attribute, ``kept``/``lost``) and
goes back to the package. No clock is compared.

Down (``feature``)
------------------
Every feature whose source log has an entry since the package last heard from the source,
and every feature named by a change of the package that was not simply applied: its whole
row as the source has it, or ``deleted``. The package makes its copy the source's (quietly:
this is not an edit of its own), except the attributes its own unanswered changes touch.
"""

from __future__ import annotations

import json
import uuid as _uuid
from typing import Any

from gisdesk.core import access
from gisdesk.core.incidents import iso_utc, utc_now
from gisdesk.store import feature_log as flog
from gisdesk.store._package_source import q

#: Two features added on both sides this close (map units; metres in a projected CRS) are "the same place".
SAME_PLACE_M = 1.0
#: The same in degrees, for a layer in a geographic CRS (about a metre).
SAME_PLACE_DEG = 1e-5


def collect_features(conn: Any, identity: dict[str, Any]) -> list[tuple[str, str, str, dict[str, Any]]]:
    """The package's feature changes since the last collect, as ``(change id, kind, record, payload)``."""
    if not flog.installed(conn):  # a package made before layer edits travelled: they are recorded from now on
        flog.install(conn, package=True)
        return []
    out = []
    for ch in flog.pending_log(conn):
        cid = str(_uuid.uuid4())
        feature = f"{ch['layer']}:{ch['fkey']}"
        out.append((cid, "feature_change", feature, {**ch, "id": cid, "feature": feature,
                                                      "who": identity.get("user")}))
    return out


# --- at the source --------------------------------------------------------------------------------
def _conflict(conn: Any, rec: dict[str, Any], package_id: str | None, field: str, kept: Any, lost: Any,
              reason: str, commune: Any, user: Any) -> str:
    """Keep a losing feature change; its unit (who sees it, besides the city) is the feature's commune where
    the layer has one, else the unit of the user who made it."""
    cid = str(_uuid.uuid4())
    commune = commune if isinstance(commune, str) else getattr(user, "commune", None)
    conn.execute("INSERT INTO gisdesk_sync_conflicts (id, at, package_id, change_id, kind, record_uuid, commune, "
                 "department, field, kept, kept_by, lost, lost_by, lost_at, reason) VALUES "
                 "(?, ?, ?, ?, 'feature_change', ?, ?, ?, ?, ?, 'source', ?, ?, ?, ?)",
                 (cid, iso_utc(utc_now()), package_id, rec["id"], rec["feature"], commune,
                  getattr(user, "department", None), field,
                  json.dumps(kept, ensure_ascii=False), json.dumps(lost, ensure_ascii=False), rec.get("who"),
                  rec.get("at"), reason))
    return cid


def _same_place(conn: Any, shape: flog.LayerShape, geom_hex: Any, package_id: str) -> str | None:
    """The key of a feature added at the source since the package was made, within :data:`SAME_PLACE_M`."""
    gcol = shape.geometry
    if gcol is None or not isinstance(geom_hex, str):
        return None
    made = conn.execute("SELECT created_at FROM gisdesk_sync_peers WHERE package_id = ?", (package_id,)).fetchone()
    geo = conn.execute("SELECT 1 FROM geometry_columns g JOIN spatial_ref_sys s ON s.srid = g.srid WHERE "
                       "lower(g.f_table_name) = lower(?) AND s.proj4text LIKE '%longlat%'", (shape.layer,)).fetchone()
    tol = SAME_PLACE_DEG if geo else SAME_PLACE_M
    lit = shape.layer
    idx = f"idx_{lit}_{gcol}"
    near = "1"
    if conn.execute("SELECT 1 FROM sqlite_master WHERE name = ?", (idx,)).fetchone():  # the R*Tree first
        near = (f"t.rowid IN (SELECT pkid FROM {q(idx)} WHERE xmin <= MbrMaxX(n.g) + {tol!r} AND xmax >= "
                f"MbrMinX(n.g) - {tol!r} AND ymin <= MbrMaxY(n.g) + {tol!r} AND ymax >= MbrMinY(n.g) - {tol!r})")
    row = conn.execute(
        f"SELECT {flog.key_sql(lit, 't.rowid')} FROM {q(lit)} AS t, (SELECT ? AS g) AS n WHERE {near} "
        f"AND ST_Distance(t.{q(gcol)}, n.g) <= ? AND EXISTS (SELECT 1 FROM gisdesk_sync_feature_log l WHERE "
        "l.layer = ? AND l.fid = t.rowid AND l.op = 'insert' AND l.at >= ?) AND NOT EXISTS (SELECT 1 FROM "
        "gisdesk_sync_feature_keys k WHERE k.layer = ? AND k.fid = t.rowid AND k.package_id IS ?) "
        "ORDER BY t.rowid LIMIT 1",
        (bytes.fromhex(geom_hex), tol, lit, (made[0] if made else "") or "", lit, package_id)).fetchone()
    return row[0] if row else None


def apply_feature(conn: Any, user: Any, rec: dict[str, Any], package_id: str) -> tuple[str, str | None, str | None]:
    """Judge and apply one ``feature_change`` at the source; returns ``(result, reason, conflict_id)``."""
    layer, fkey, op = rec["layer"], str(rec["fkey"]), rec["op"]
    rec = dict(rec, feature=f"{layer}:{fkey}")
    from gisdesk.store.dialect import dialect_of

    if dialect_of(conn).server:
        return "refused", "edits of reference layers do not travel to the city server yet: make them there", None
    if not flog.installed(conn):  # a source that registered its packages before layer edits travelled
        flog.install(conn, package=False)
    if layer not in flog.reference_layers(conn):
        return "refused", f"there is no reference layer {layer!r} here", None
    shape = flog.LayerShape(conn, layer)
    fid = flog.find(conn, layer, fkey)
    cur = flog.current(conn, shape, fid)
    record: dict[str, Any] = {"layer": layer}
    for values in (cur, rec.get("row"), rec.get("old")):
        if isinstance(values, dict) and "commune" in values:
            record["commune"] = values["commune"]  # the policy sees the feature's commune where the layer has one
            break
    what = {"insert": "create", "update": "edit", "delete": "delete"}.get(op)
    if what is None:
        raise ValueError(f"unknown feature change {op!r}")
    decision = access.decide(user, "edit", "layer", record)
    if decision.allowed and op == "update" and isinstance(rec.get("row"), dict) and "commune" in rec["row"]:
        decision = access.decide(user, "edit", "layer", {"layer": layer, "commune": rec["row"]["commune"]})
    if not decision.allowed:
        return "refused", decision.reason, None
    commune = (cur or rec.get("row") or rec.get("old") or {}).get("commune")
    if op == "insert":
        if cur is not None:
            return "identical", f"feature {fkey} of {layer} is already here", None
        row = {k: v for k, v in (rec.get("new") or {}).items() if k in shape.columns}
        other = _same_place(conn, shape, row.get(shape.geometry or ""), package_id)
        flog.write(conn, shape, fkey, row, None, package_id)
        if other is None:
            return "applied", None, None
        reason = (f"both kept: feature {other} of {layer} was added here at the same place (within "
                  f"{SAME_PLACE_M:g} m); flagged for review")
        cid = _conflict(conn, rec, package_id, "same_place", {"fkey": other}, {"fkey": fkey, "change": rec},
                        reason, commune, user)
        return "applied", reason, cid
    if cur is None:
        if op == "delete":
            return "identical", f"feature {fkey} of {layer} was deleted here too", None
        reason = (f"offline change of feature {fkey} of {layer} by {rec.get('who')} lost: the feature was deleted "
                  "here meanwhile; the delete stays, the change is kept with the whole feature")
        return "conflict", reason, _conflict(conn, rec, package_id, "deleted", None, {"change": rec}, reason,
                                             commune, user)
    old = rec.get("old") or {}
    if op == "delete":
        changed = sorted(k for k in set(old) | set(cur) if old.get(k) != cur.get(k))
        if not changed:
            flog.delete(conn, layer, fid)
            return "applied", None, None
        reason = (f"offline delete of feature {fkey} of {layer} by {rec.get('who')} lost: it was changed here "
                  f"meanwhile ({', '.join(changed)}); the feature stays as it is here")
        return "conflict", reason, _conflict(conn, rec, package_id, "deleted", cur, {"change": rec}, reason,
                                             commune, user)
    new = rec.get("new") or {}
    apply, lost = {}, []
    for attr in sorted(new):
        if attr not in shape.columns or cur.get(attr) == new[attr]:
            continue
        if cur.get(attr) == old.get(attr):
            apply[attr] = new[attr]
        else:
            lost.append(attr)
    if apply:
        flog.write(conn, shape, fkey, apply, fid)
    if not lost:
        return ("applied", None, None) if apply else ("identical", "the same values are here already", None)
    cids = []
    for attr in lost:
        reason = (f"offline change of {attr} of feature {fkey} of {layer} by {rec.get('who')} lost: it was changed "
                  f"here meanwhile; the value here stays")
        cids.append(_conflict(conn, rec, package_id, attr, cur.get(attr),
                              {"value": new[attr], "from": old.get(attr), "change": rec}, reason, commune, user))
    reason = (f"offline change of {', '.join(lost)} of feature {fkey} of {layer} lost: changed here meanwhile; the "
              "values here stay" + (f" ({', '.join(sorted(apply))} applied)" if apply else ""))
    return "conflict", reason, cids[0]


def features_since(conn: Any, after: str, named: set[str], user: Any = None) -> list[dict[str, Any]]:
    """``feature`` records: every feature changed at the source since ``after`` (its time), and those
    ``named`` (``layer:fkey``): the row as the source has it, or ``deleted``. Nothing for a ``user``
    the policy lets read no layer (a deactivated account)."""
    if not flog.installed(conn) or (user is not None and access.read_filter(user, "layer").nothing):
        return []
    wanted: dict[str, set[str]] = {}
    for layer, fkey in conn.execute("SELECT DISTINCT layer, fkey FROM gisdesk_sync_feature_log WHERE at >= ?",
                                    (after,)):
        wanted.setdefault(layer, set()).add(str(fkey))
    for name in named:
        layer, _, fkey = str(name).partition(":")
        wanted.setdefault(layer, set()).add(fkey)
    layers = set(flog.reference_layers(conn))
    out = []
    for layer in sorted(wanted):
        if layer not in layers:
            continue
        shape = flog.LayerShape(conn, layer)
        for fkey in sorted(wanted[layer]):
            row = flog.current(conn, shape, flog.find(conn, layer, fkey))
            out.append({"kind": "feature", "id": f"{layer}:{fkey}", "layer": layer, "fkey": fkey, "row": row,
                        "deleted": row is None})
    return out


# --- in the package -------------------------------------------------------------------------------
def _pending(conn: Any) -> dict[str, set[str] | None]:
    """Per ``layer:fkey``: the attributes the package's unanswered changes touch (None: the whole feature)."""
    out: dict[str, set[str] | None] = {}
    for record, payload in conn.execute("SELECT record, payload FROM gisdesk_sync_out WHERE kind = 'feature_change' "
                                        "AND state = 'pending'"):
        p = json.loads(payload)
        if p.get("op") != "update" or out.get(record, set()) is None:
            out[record] = None
        else:
            out[record] = set(out.get(record) or set()) | set(p.get("new") or {})
    return out


def _area(conn: Any) -> tuple[int, bytes] | None:
    """The package's area (SRID, WKB) from its identity (``area``: ``"srid;hex"``), or None (a whole copy)."""
    row = conn.execute("SELECT value FROM gisdesk_package WHERE key = 'area'").fetchone()
    srid, _, wkb = str(row[0] if row else "").partition(";")
    try:
        return int(srid), bytes.fromhex(wkb)
    except ValueError:
        return None


def _inside(conn: Any, shape: flog.LayerShape, values: dict[str, Any], area: tuple[int, bytes]) -> bool:
    geom = values.get(shape.geometry) if shape.geometry else None
    if not isinstance(geom, str):
        return True
    row = conn.execute("SELECT ST_Intersects(Transform(?, ?), GeomFromWKB(?, ?))",
                       (bytes.fromhex(geom), area[0], area[1], area[0])).fetchone()
    return bool(row and row[0] == 1)


def apply_feature_records(conn: Any, records: list[dict[str, Any]]) -> int:
    """Make the package's features the source's (inside the caller's transaction); returns how many."""
    records = [r for r in records if r.get("kind") == "feature"]
    if not records or not flog.installed(conn):
        return 0
    pending = _pending(conn)
    layers = set(flog.reference_layers(conn))
    area = _area(conn)
    shapes: dict[str, flog.LayerShape] = {}
    done = 0
    conn.execute("INSERT INTO gisdesk_sync_feature_quiet (why) VALUES ('sync')")
    try:
        for rec in records:
            layer, fkey = rec["layer"], str(rec["fkey"])
            mine = pending.get(f"{layer}:{fkey}", set())
            if layer not in layers or mine is None:
                continue  # a layer the package does not have; or its own add/delete waits for the answer
            shape = shapes.setdefault(layer, flog.LayerShape(conn, layer))
            fid = flog.find(conn, layer, fkey)
            if rec.get("deleted"):
                if fid is not None:
                    flog.delete(conn, layer, fid)
                    done += 1
                continue
            values = {k: v for k, v in (rec.get("row") or {}).items() if k not in mine}
            if fid is None and area and not _inside(conn, shape, values, area):
                continue  # a feature the city added or changed outside the package's area
            flog.write(conn, shape, fkey, values, fid)
            done += 1
    finally:
        conn.execute("DELETE FROM gisdesk_sync_feature_quiet")
    return done


__all__ = ["SAME_PLACE_M", "collect_features", "apply_feature", "features_since", "apply_feature_records"]
