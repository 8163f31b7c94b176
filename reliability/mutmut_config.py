"""mutmut 2.x hooks for reliability/mutation.sh: skip the equivalent mutants, each with its reason.

A mutant is equivalent when no behaviour can tell it from the original: a change inside a type
annotation (never evaluated: every module in scope has ``from __future__ import annotations``), a
guard that the line before already decided, a value no input can reach. Such a mutant is skipped,
not counted as killed; the kill rate is taken over the others.

Each entry of :data:`EQUIVALENT` names the module, the source line as written and the line as the
mutant writes it (both stripped; ``mutmut show`` prints the same diff), and says why no test can
tell them apart. A line that later changes simply stops matching, and its mutants are tested again.
"""

from __future__ import annotations

import difflib

ACCESS, TASKS, KPI, INCIDENTS, GEOBLOB = ("gisdesk/core/access.py", "gisdesk/core/tasks.py", "gisdesk/core/kpi.py",
                                          "gisdesk/core/incidents.py", "gisdesk/store/geoblob.py")

#: (module, line, mutated line) -> why the mutant cannot change behaviour
EQUIVALENT: dict[tuple[str, str, str], str] = {
    # access.py
    (ACCESS, 'if action != "administer" and user.role != "administrator":',
     'if action != "XXadministerXX" and user.role != "administrator":'):
        "the line before already refused 'administer' to everyone but the administrator, and the administrator "
        "is allowed either way",
    (ACCESS, 'unit = _unit_column(user, "task")', 'unit = _unit_column(user, "XXtaskXX")'):
        "_unit_column tells only 'question' from the other kinds; any other name gives the same column",
    (ACCESS, 'return _OK if _unit_column(user, "task") or city else Decision(False, f"{who} works on no tasks")',
     'return _OK if _unit_column(user, "XXtaskXX") or city else Decision(False, f"{who} works on no tasks")'):
        "_unit_column tells only 'question' from the other kinds; any other name gives the same column",
    # access.py: the words of the reasons
    (ACCESS, 'return {"change_status": "change the status of", "reroute": "re-route", "edit": "edit", "delete": "delete",',
     'return {"change_status": "change the status of", "reroute": "re-route", "XXeditXX": "edit", "delete": "delete",'):
        '_verb(a) is .get(a, a): an entry that maps an action to itself gives the same word without its key',
    (ACCESS, 'return {"change_status": "change the status of", "reroute": "re-route", "edit": "edit", "delete": "delete",',
     'return {"change_status": "change the status of", "reroute": "re-route", "edit": "edit", "XXdeleteXX": "delete",'):
        '_verb(a) is .get(a, a): an entry that maps an action to itself gives the same word without its key',
    (ACCESS, '"create": "create", "import": "import", "restyle": "restyle", "administer": "administer"}.get(',
     '"XXcreateXX": "create", "import": "import", "restyle": "restyle", "administer": "administer"}.get('):
        '_verb(a) is .get(a, a): an entry that maps an action to itself gives the same word without its key',
    (ACCESS, '"create": "create", "import": "import", "restyle": "restyle", "administer": "administer"}.get(',
     '"create": "create", "XXimportXX": "import", "restyle": "restyle", "administer": "administer"}.get('):
        '_verb(a) is .get(a, a): an entry that maps an action to itself gives the same word without its key',
    (ACCESS, '"create": "create", "import": "import", "restyle": "restyle", "administer": "administer"}.get(',
     '"create": "create", "import": "import", "XXrestyleXX": "restyle", "administer": "administer"}.get('):
        '_verb(a) is .get(a, a): an entry that maps an action to itself gives the same word without its key',
    (ACCESS, '"create": "create", "import": "import", "restyle": "restyle", "administer": "administer"}.get(',
     '"create": "create", "import": "import", "restyle": "restyle", "XXadministerXX": "administer"}.get('):
        '_verb(a) is .get(a, a): an entry that maps an action to itself gives the same word without its key',
    (ACCESS, '"create": "create", "import": "import", "restyle": "restyle", "administer": "administer"}.get(',
     '"create": "create", "import": "XXimportXX", "restyle": "restyle", "administer": "administer"}.get('):
        'import, restyle and administer are refused before any reason that names a verb ("... does not apply to ..."), so this word is never shown',
    (ACCESS, '"create": "create", "import": "import", "restyle": "restyle", "administer": "administer"}.get(',
     '"create": "create", "import": "import", "restyle": "XXrestyleXX", "administer": "administer"}.get('):
        'import, restyle and administer are refused before any reason that names a verb ("... does not apply to ..."), so this word is never shown',
    (ACCESS, '"create": "create", "import": "import", "restyle": "restyle", "administer": "administer"}.get(',
     '"create": "create", "import": "import", "restyle": "restyle", "administer": "XXadministerXX"}.get('):
        'import, restyle and administer are refused before any reason that names a verb ("... does not apply to ..."), so this word is never shown',
    (ACCESS, 'return {"incident_shape": "incident shape", "routing_rule": "routing rule"}.get(kind, kind)',
     'return {"incident_shape": "incident shape", "XXrouting_ruleXX": "routing rule"}.get(kind, kind)'):
        'routing rules are read by everyone signed in and refused only as reference data ("only the city ... may change the routing rules"), so no reason names the kind in words',
    (ACCESS, 'return {"incident_shape": "incident shape", "routing_rule": "routing rule"}.get(kind, kind)',
     'return {"incident_shape": "incident shape", "routing_rule": "XXrouting ruleXX"}.get(kind, kind)'):
        'routing rules are read by everyone signed in and refused only as reference data ("only the city ... may change the routing rules"), so no reason names the kind in words',
    # kpi.py: rows are (created, deadline, done, cancelled, commune, department), six columns by contract
    (KPI, "cols = list(zip(*rows)) if rows else [()] * 6", "cols = list(zip(*rows)) if rows else [()] * 7"):
        "without rows only the first six (empty) columns are ever read",
    (KPI, "for c in cols[4:6]:", "for c in cols[4:7]:"):
        "a row has six columns, so cols[4:7] is cols[4:6]",
    (KPI, "codes.append(np.array([index.get(u, -1) if u else -1 for u in c], dtype=np.int64))",
     "codes.append(np.array([index.get(u, +1) if u else -1 for u in c], dtype=np.int64))"):
        "the index is built from the same column, so every non-empty unit is in it and the default is never used",
    (KPI, "codes.append(np.array([index.get(u, -1) if u else -1 for u in c], dtype=np.int64))",
     "codes.append(np.array([index.get(u, -2) if u else -1 for u in c], dtype=np.int64))"):
        "the index is built from the same column, so every non-empty unit is in it and the default is never used",
    # geoblob.py
    (GEOBLOB, 'self._f8 = np.ndarray((max(0, n - 7),), "<f8", buffer=data, strides=(1,)) if n >= 8 else np.empty(0)',
     'self._f8 = np.ndarray((max(1, n - 7),), "<f8", buffer=data, strides=(1,)) if n >= 8 else np.empty(0)'):
        'every read of a double is at a vertex of a blob of at least 44 bytes (a SpatiaLite blob) or 29 bytes (a GeoPackage point), so the view of a buffer shorter than 9 bytes is never indexed and max() never sees a negative length',
    (GEOBLOB, 'self._f8 = np.ndarray((max(0, n - 7),), "<f8", buffer=data, strides=(1,)) if n >= 8 else np.empty(0)',
     'self._f8 = np.ndarray((max(0, n - 7),), "<f8", buffer=data, strides=(1,)) if n > 8 else np.empty(0)'):
        'every read of a double is at a vertex of a blob of at least 44 bytes (a SpatiaLite blob) or 29 bytes (a GeoPackage point), so the view of a buffer shorter than 9 bytes is never indexed and max() never sees a negative length',
    (GEOBLOB, 'self._f8 = np.ndarray((max(0, n - 7),), "<f8", buffer=data, strides=(1,)) if n >= 8 else np.empty(0)',
     'self._f8 = np.ndarray((max(0, n - 7),), "<f8", buffer=data, strides=(1,)) if n >= 9 else np.empty(0)'):
        'every read of a double is at a vertex of a blob of at least 44 bytes (a SpatiaLite blob) or 29 bytes (a GeoPackage point), so the view of a buffer shorter than 9 bytes is never indexed and max() never sees a negative length',
    (GEOBLOB, 'self._f8 = np.ndarray((max(0, n - 7),), "<f8", buffer=data, strides=(1,)) if n >= 8 else np.empty(0)',
     'self._f8 = np.ndarray((max(0, n - 7),), "<f8", buffer=data, strides=(1,)) if n >= 8 else np.empty(1)'):
        'every read of a double is at a vertex of a blob of at least 44 bytes (a SpatiaLite blob) or 29 bytes (a GeoPackage point), so the view of a buffer shorter than 9 bytes is never indexed and max() never sees a negative length',
    (GEOBLOB, 'self._u4 = np.ndarray((max(0, n - 3),), "<u4", buffer=data, strides=(1,)) if n >= 4 else np.empty(0, np.uint32)',
     'self._u4 = np.ndarray((max(1, n - 3),), "<u4", buffer=data, strides=(1,)) if n >= 4 else np.empty(0, np.uint32)'):
        'every read of a 32-bit word is at a vertex of a blob of at least 44 bytes (a SpatiaLite blob) or 29 bytes (a GeoPackage point), so the view of a buffer shorter than 9 bytes is never indexed and max() never sees a negative length',
    (GEOBLOB, 'self._u4 = np.ndarray((max(0, n - 3),), "<u4", buffer=data, strides=(1,)) if n >= 4 else np.empty(0, np.uint32)',
     'self._u4 = np.ndarray((max(0, n - 3),), "<u4", buffer=data, strides=(1,)) if n > 4 else np.empty(0, np.uint32)'):
        'every read of a 32-bit word is at a vertex of a blob of at least 44 bytes (a SpatiaLite blob) or 29 bytes (a GeoPackage point), so the view of a buffer shorter than 9 bytes is never indexed and max() never sees a negative length',
    (GEOBLOB, 'self._u4 = np.ndarray((max(0, n - 3),), "<u4", buffer=data, strides=(1,)) if n >= 4 else np.empty(0, np.uint32)',
     'self._u4 = np.ndarray((max(0, n - 3),), "<u4", buffer=data, strides=(1,)) if n >= 5 else np.empty(0, np.uint32)'):
        'every read of a 32-bit word is at a vertex of a blob of at least 44 bytes (a SpatiaLite blob) or 29 bytes (a GeoPackage point), so the view of a buffer shorter than 9 bytes is never indexed and max() never sees a negative length',
    (GEOBLOB, 'self._u4 = np.ndarray((max(0, n - 3),), "<u4", buffer=data, strides=(1,)) if n >= 4 else np.empty(0, np.uint32)',
     'self._u4 = np.ndarray((max(0, n - 3),), "<u4", buffer=data, strides=(1,)) if n >= 4 else np.empty(1, np.uint32)'):
        'every read of a 32-bit word is at a vertex of a blob of at least 44 bytes (a SpatiaLite blob) or 29 bytes (a GeoPackage point), so the view of a buffer shorter than 9 bytes is never indexed and max() never sees a negative length',
    (GEOBLOB, 'return self._u4[np.clip(pos, 0, len(self._u4) - 1)]',
     'return self._u4[np.clip(pos, 1, len(self._u4) - 1)]'):
        'positions are never below 1 (the first read is at byte 39 of a SpatiaLite blob or byte 9 of a GeoPackage blob), so the lower bound of the clip never applies',
    (GEOBLOB, '_DIMS = {0: 2, 1: 3, 2: 3, 3: 4}',
     '_DIMS = {1: 2, 1: 3, 2: 3, 3: 4}'):
        '_DIMS is read with .get(code, 2): without the key 0 an XY code still gives 2',
    (GEOBLOB, 'self.data = data',
     'self.data = None'):
        '_Buffer.data is never read (the views keep the bytes alive)',
    (GEOBLOB, 'if total == 0:',
     'if total == 1:'):
        'the early return for no ranges is a shortcut: one range of one value goes through the general code to the same result',
    (GEOBLOB, 'plain = little & (dimcode <= 3) & (lengths >= 44)',
     'plain = little & (dimcode <= 3) & (lengths > 44)'):
        'the smallest SpatiaLite blob that holds a geometry has 48 bytes (an empty line: 43 header bytes, a count, 0xFE); a 44-47 byte blob is damaged and decodes to nothing on either path',
    (GEOBLOB, 'plain = little & (dimcode <= 3) & (lengths >= 44)',
     'plain = little & (dimcode <= 3) & (lengths >= 45)'):
        'the smallest SpatiaLite blob that holds a geometry has 48 bytes (an empty line: 43 header bytes, a count, 0xFE); a 44-47 byte blob is damaged and decodes to nothing on either path',
    (GEOBLOB, 'plain = little & (dimcode <= 3) & (lengths >= 44)',
     'plain = little & (dimcode <= 4) & (lengths >= 44)'):
        'no SpatiaLite class type has the dimension code 4; such a blob is garbage either way',
    (GEOBLOB, 'm = plain & (base == 1) & (body + 16 <= ends)',
     'm = plain & (base == 1) & (body + 17 <= ends)'):
        'a point blob has the 0xFE byte after its vertex, so body + 16 < end and body + 17 <= end hold exactly when the vertex is whole (body + 16 <= end) except for a blob cut right before that byte, whose vertex is whole and which the per-feature parser then decodes the same',
    (GEOBLOB, 'm = plain & (base == 1) & (body + 16 <= ends)',
     'm = plain & (base == 1) & (body + 16 < ends)'):
        'a point blob has the 0xFE byte after its vertex, so body + 16 < end and body + 17 <= end hold exactly when the vertex is whole (body + 16 <= end) except for a blob cut right before that byte, whose vertex is whole and which the per-feature parser then decodes the same',
    (GEOBLOB, '_BASE_KIND = {1: POINT, 2: LINE, 3: POLYGON, 4: POINT, 5: LINE, 6: POLYGON}',
     '_BASE_KIND = None'):
        '_BASE_KIND is not used anywhere (dead table; kept out of this change)',
    (GEOBLOB, '_BASE_KIND = {1: POINT, 2: LINE, 3: POLYGON, 4: POINT, 5: LINE, 6: POLYGON}',
     '_BASE_KIND = {2: POINT, 2: LINE, 3: POLYGON, 4: POINT, 5: LINE, 6: POLYGON}'):
        '_BASE_KIND is not used anywhere (dead table; kept out of this change)',
    (GEOBLOB, '_BASE_KIND = {1: POINT, 2: LINE, 3: POLYGON, 4: POINT, 5: LINE, 6: POLYGON}',
     '_BASE_KIND = {1: POINT, 3: LINE, 3: POLYGON, 4: POINT, 5: LINE, 6: POLYGON}'):
        '_BASE_KIND is not used anywhere (dead table; kept out of this change)',
    (GEOBLOB, '_BASE_KIND = {1: POINT, 2: LINE, 3: POLYGON, 4: POINT, 5: LINE, 6: POLYGON}',
     '_BASE_KIND = {1: POINT, 2: LINE, 4: POLYGON, 4: POINT, 5: LINE, 6: POLYGON}'):
        '_BASE_KIND is not used anywhere (dead table; kept out of this change)',
    (GEOBLOB, '_BASE_KIND = {1: POINT, 2: LINE, 3: POLYGON, 4: POINT, 5: LINE, 6: POLYGON}',
     '_BASE_KIND = {1: POINT, 2: LINE, 3: POLYGON, 5: POINT, 5: LINE, 6: POLYGON}'):
        '_BASE_KIND is not used anywhere (dead table; kept out of this change)',
    (GEOBLOB, '_BASE_KIND = {1: POINT, 2: LINE, 3: POLYGON, 4: POINT, 5: LINE, 6: POLYGON}',
     '_BASE_KIND = {1: POINT, 2: LINE, 3: POLYGON, 4: POINT, 6: LINE, 6: POLYGON}'):
        '_BASE_KIND is not used anywhere (dead table; kept out of this change)',
    (GEOBLOB, '_BASE_KIND = {1: POINT, 2: LINE, 3: POLYGON, 4: POINT, 5: LINE, 6: POLYGON}',
     '_BASE_KIND = {1: POINT, 2: LINE, 3: POLYGON, 4: POINT, 5: LINE, 7: POLYGON}'):
        '_BASE_KIND is not used anywhere (dead table; kept out of this change)',
    # tasks.py
    (TASKS, 'deadline = (sla or SlaRules(DEFAULT_SLA)).deadline(task.category or "*", task.severity, now)',
     'deadline = (sla or SlaRules(DEFAULT_SLA)).deadline(task.category or "XX*XX", task.severity, now)'):
        "SlaRules.hours_for falls back to the '*' rule for any category it has no rule for, so a task without a "
        "category gets the same deadline under any other unknown name",
    # incidents.py
    (INCIDENTS, 'if text.endswith(("Z", "z")):', 'if text.endswith(("XXZXX", "z")):'):
        "Python 3.11's datetime.fromisoformat reads a trailing upper-case Z itself (the project needs 3.11)",
    (INCIDENTS, 'elif kind.startswith("Multi") or kind == "GeometryCollection":', 'elif kind.startswith("Multi") or kind == "XXGeometryCollectionXX":'):
        "validate_geometry refuses a GeometryCollection before counting points, and no part of a Multi* "
        "geometry is a collection, so this branch is never reached by a collection",
    (INCIDENTS, 'best = np.full(len(geoms_arr), -1, dtype=np.int64)', 'best = np.full(len(geoms_arr), -2, dtype=np.int64)'):
        "'no commune' is any negative index (b >= 0 is the test), -1 or -2 alike",
    (INCIDENTS, 'if len(geoms_arr) and len(polys):', 'if len(geoms_arr) or len(polys):'):
        "the guard only saves work: with no geometry or no commune the queries find nothing and every answer "
        "stays 'no commune'",
    (INCIDENTS, 'dims = np.array([_DIMENSION.get(g.geom_type, 0) for g in geoms_arr])', 'dims = np.array([_DIMENSION.get(g.geom_type, 1) for g in geoms_arr])'):
        "incidents are routed after validate_geometry, which lets through only the types _DIMENSION names; "
        "the default is never used",
}


def annotation_only(line: str, mutated: str) -> bool:
    """A ``X | None`` annotation written ``X & None``: annotations are never evaluated here."""
    return "& None" in mutated and "& None" not in line and mutated.replace("& None", "| None") == line


def changed_lines(source: str, mutated: str) -> tuple[str, str]:
    """The removed and the added lines of a mutant, stripped and joined with `` / ``."""
    removed, added = [], []
    for row in difflib.ndiff(source.split("\n"), mutated.split("\n")):
        if row.startswith("- "):
            removed.append(row[2:].strip())
        elif row.startswith("+ "):
            added.append(row[2:].strip())
    return " / ".join(removed), " / ".join(added)


def pre_mutation(context) -> None:
    import os

    from mutmut import Context, mutate

    shard, _, shards = os.environ.get("MUTATION_SHARD", "1/1").partition("/")
    if context.mutation_id.line_number % int(shards) != int(shard) - 1:  # another shard's mutant
        context.skip = True
        return

    probe = Context(source=context.source, mutation_id=context.mutation_id, filename=context.filename,
                    dict_synonyms=context.dict_synonyms, config=context.config)
    mutated, _ = mutate(probe)
    line, new = changed_lines(context.source, mutated)
    if annotation_only(line, new) or (context.filename, line, new) in EQUIVALENT:
        context.skip = True
