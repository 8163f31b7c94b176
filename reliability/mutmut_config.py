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

# Reasons shared by several geoblob.py mutants.
LASTWORD = ("only a 32-bit read of the last four bytes of all the blobs changes (it is read from one byte earlier); "
            "those bytes can only be a count that ends its blob (an empty line or polygon), and the shifted word is "
            "then 0 as well or a count the blob cannot hold, so the geometry decodes to nothing either way")
BIGENDIAN = ("the class type of a big-endian blob is never used: such a blob is not 'plain' and goes to the per-feature "
             "parser, which reads its own")
ENDBYTE = ("differs only for a blob that lacks its 0xFE end byte (the check asks for one byte more); every blob "
           "SpatiaLite writes ends with it")
U32CLIPS = "_Buffer.u32 clips every position into the buffer itself, so the clamp before it changes nothing"
SHORTCOUNT = ("reads another word only for a last blob shorter than 48 bytes, which holds no geometry and decodes to "
              "nothing either way")
SHORTPART = ("reads another word only for a last blob shorter than 53 bytes, too short for a one-part multi geometry; "
             "it decodes to nothing either way")
NOCLASS = "no SpatiaLite class type is exactly 1000000 (the compressed types start at 1000002)"
NEG = ("a compressed part is marked by any value other than 2 and 3 (the line and polygon types); -1, -2 and +1 are "
       "all such values")
ZEROS = "done starts as all False, so done |= x and done = x give the same array"
MBR = ("differs only when a blob of exactly 38 bytes (a header and no geometry) is among the blobs; the smallest blob "
       "with a geometry has 48 bytes")
TAG = ("_assemble tells only the 'xy' tag apart; any other tag means positions into the buffer, so the name of this "
       "one does not matter")
TAGEMPTY = "the empty result holds no coordinates: read as positions into the buffer it gives the same nothing"
TWO = ("a compressed path of two vertices holds both as doubles; read through the compressed branch with no deltas "
       "it gives the same two vertices")
FIELD = "only the x and y fields of a compressed vertex are read; the name of the z or m field is never used"
FALSE = "is_poly is a boolean array: None is stored in it as False"
SLOWLEN = ("the smallest SpatiaLite blob that holds a geometry has 48 bytes; a 44-byte blob is damaged and decodes to "
           "nothing either way")
DIMS = ("the default of _DIMS.get applies only to a class type with a dimension code above 3, which SpatiaLite never "
        "writes")
ENTITY = ("entity_type is used only for plain MultiLineString and MultiPolygon blobs (base 5 and 6); what it holds for "
          "other blobs is never read")
DEFAULT = "every call passes has_m explicitly; the default is never used"

SHORTGP = ("reads another byte or word only for a last blob too short to hold a GeoPackage header and a WKB type "
           "(13 bytes), which decodes to nothing either way")
GPENV = "envelope codes 5 to 7 are invalid in GeoPackage; no writer sets them"
NOTWKB = ("the type of a blob that is not little-endian WKB is never used: 'little' is false for it and every fast "
          "path requires it")
NORING = ("shapely.from_wkb never yields a LinearRing (WKB has no ring type), and the parts of a multi geometry are "
          "points, lines or polygons")
NOGEOMS = "with no geometry at all nothing is 'ok' either way and the result is empty"
RINGIDX = "ring_starts are ring indices, all below the number of rings, so < and <= agree"
ONEARRAY = "concatenating a single array gives the same array"
CUTPOINT = ("a point whose vertex is cut is decoded by neither path: marked done it is skipped, sent to the parser "
            "shapely refuses it")
POLYDEFAULT = "dims.get(t, 'polygon') names a MultiPolygon 'polygon' without its entry too"
OUTLINE = ("only the areas' outlines are taken (np.where on the polygon types), so taking them for a set that has "
           "no area changes nothing")
ONEPART = "reordering a single part, whose features are already in order, changes nothing (the sort is stable)"
NOBODY = ("a GeoPackage blob of 8 or 9 bytes, or a WKB of a bare header, holds no body: it fails the next check and "
          "decodes to nothing either way")
WTYPEZERO = ("the type was already read as 0 for every blob that is not little-endian WKB, so no fast path takes "
             "such a blob whatever 'little' says afterwards")

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
    (GEOBLOB, 'self._u4 = np.ndarray((max(0, n - 3),), "<u4", buffer=data, strides=(1,)) if n >= 4 else np.empty(0, np.uint32)',
     'self._u4 = np.ndarray((max(0, n - 4),), "<u4", buffer=data, strides=(1,)) if n >= 4 else np.empty(0, np.uint32)'):
        LASTWORD,
    (GEOBLOB, 'return self._u4[np.clip(pos, 0, len(self._u4) - 1)]',
     'return self._u4[np.clip(pos, 0, len(self._u4) - 2)]'):
        LASTWORD,
    (GEOBLOB, 'ctype = np.where(little, buf.u32(starts + 39), 0).astype(np.int64)',
     'ctype = np.where(little, buf.u32(starts + 39), 1).astype(np.int64)'):
        BIGENDIAN,
    (GEOBLOB, 'cnt = np.where(body[m] + 4 + cnt * stride <= ends[m], cnt, 0)  # a count the blob cannot hold: skip',
     'cnt = np.where(body[m] + 5 + cnt * stride <= ends[m], cnt, 0)  # a count the blob cannot hold: skip'):
        ENDBYTE,
    (GEOBLOB, 'cnt = np.where(body[m] + 4 + cnt * stride <= ends[m], cnt, 0)  # a count the blob cannot hold: skip',
     'cnt = np.where(body[m] + 4 + cnt * stride < ends[m], cnt, 0)  # a count the blob cannot hold: skip'):
        ENDBYTE,
    (GEOBLOB, 'entity = buf.u32(np.minimum(body + 5, len(blob) - 4)).astype(np.int64)',
     'entity = buf.u32(np.minimum(body + 5, len(blob) + 4)).astype(np.int64)'):
        U32CLIPS,
    (GEOBLOB, 'entity = buf.u32(np.minimum(body + 5, len(blob) - 4)).astype(np.int64)',
     'entity = buf.u32(np.minimum(body + 5, len(blob) - 5)).astype(np.int64)'):
        SHORTPART,
    (GEOBLOB, 'np.where(entity < 1000000, entity % 1000, -1), base)',
     'np.where(entity <= 1000000, entity % 1000, -1), base)'):
        NOCLASS,
    (GEOBLOB, 'np.where(entity < 1000000, entity % 1000, -1), base)',
     'np.where(entity < 1000001, entity % 1000, -1), base)'):
        NOCLASS,
    (GEOBLOB, 'np.where(entity < 1000000, entity % 1000, -1), base)',
     'np.where(entity < 1000000, entity % 1000, +1), base)'):
        NEG,
    (GEOBLOB, 'np.where(entity < 1000000, entity % 1000, -1), base)',
     'np.where(entity < 1000000, entity % 1000, -2), base)'):
        NEG,
    (GEOBLOB, 'done |= plain & np.isin(base, (1, 4))',
     'done = plain & np.isin(base, (1, 4))'):
        ZEROS,
    (GEOBLOB, 'if little.all() and (lengths >= 38).all():',
     'if little.all() and (lengths > 38).all():'):
        MBR,
    (GEOBLOB, 'if little.all() and (lengths >= 38).all():',
     'if little.all() and (lengths >= 39).all():'):
        MBR,
    (GEOBLOB, 'return ("paths", feature, pos, cnt, np.full(len(feature), exterior))',
     'return ("XXpathsXX", feature, pos, cnt, np.full(len(feature), exterior))'):
        TAG,
    (GEOBLOB, 'if not compressed or count <= 2:',
     'if not compressed or count < 2:'):
        TWO,
    (GEOBLOB, 'fields.append(("m", e + "f8"))',
     'fields.append(("XXmXX", e + "f8"))'):
        FIELD,
    (GEOBLOB, 'return ("pts", feature, pos, np.ones(k, np.int64), np.ones(k, bool))',
     'return ("XXptsXX", feature, pos, np.ones(k, np.int64), np.ones(k, bool))'):
        TAG,
    (GEOBLOB, 'is_poly[np.flatnonzero(is_poly)[~simple]] = False',
     'is_poly[np.flatnonzero(is_poly)[~simple]] = None'):
        FALSE,
    (GEOBLOB, 'if len(data) < 44 or data[0] != 0 or data[38] != 0x7C:',
     'if len(data) <= 44 or data[0] != 0 or data[38] != 0x7C:'):
        SLOWLEN,
    (GEOBLOB, 'if len(data) < 44 or data[0] != 0 or data[38] != 0x7C:',
     'if len(data) < 45 or data[0] != 0 or data[38] != 0x7C:'):
        SLOWLEN,
    (GEOBLOB, 'compressed = ctype >= 1000000',
     'compressed = ctype > 1000000'):
        NOCLASS,
    (GEOBLOB, 'compressed = ctype >= 1000000',
     'compressed = ctype >= 1000001'):
        NOCLASS,
    (GEOBLOB, 'd = _DIMS.get(dimcode, 2)',
     'd = _DIMS.get(dimcode, 3)'):
        DIMS,
    (GEOBLOB, 'fields = [("x", e + "f4"), ("y", e + "f4")] + ([("z", e + "f4")] if d - has_m == 3 else [])',
     'fields = [("x", e + "f4"), ("y", e + "f4")] + ([("XXzXX", e + "f4")] if d - has_m == 3 else [])'):
        FIELD,
    (GEOBLOB, 'nparts = np.where(plain & np.isin(base, (5, 6)), buf.u32(np.minimum(body, len(blob) - 4)), 1)',
     'nparts = np.where(plain & np.isin(base, (5, 6)), buf.u32(np.minimum(body, len(blob) + 4)), 1)'):
        U32CLIPS,
    (GEOBLOB, 'nparts = np.where(plain & np.isin(base, (5, 6)), buf.u32(np.minimum(body, len(blob) - 4)), 1)',
     'nparts = np.where(plain & np.isin(base, (5, 6)), buf.u32(np.minimum(body, len(blob) - 5)), 1)'):
        SHORTCOUNT,
    (GEOBLOB, 'entity_type = np.where(plain & np.isin(base, (5, 6)) & (nparts == 1),',
     'entity_type = np.where(plain | np.isin(base, (5, 6)) & (nparts == 1),'):
        ENTITY,
    (GEOBLOB, 'entity_type = np.where(plain & np.isin(base, (5, 6)) & (nparts == 1),',
     'entity_type = np.where(plain & np.isin(base, (5, 6)) | (nparts == 1),'):
        ENTITY,
    (GEOBLOB, 'return ("xy", np.empty(0, np.int64), np.empty((0, 2)), np.empty(0, np.int64), np.empty(0, bool))',
     'return ("XXxyXX", np.empty(0, np.int64), np.empty((0, 2)), np.empty(0, np.int64), np.empty(0, bool))'):
        TAGEMPTY,
    (GEOBLOB, 'compressed = ctype >= 1000000',
     'compressed = ctype > 1000000'):
        NOCLASS,
    (GEOBLOB, 'compressed = ctype >= 1000000',
     'compressed = ctype >= 1000001'):
        NOCLASS,
    (GEOBLOB, 'yield from _parse_simple(data, pos + 4, e, base, _DIMS.get(dimcode, 2), compressed, dimcode >= 2)',
     'yield from _parse_simple(data, pos + 4, e, base, _DIMS.get(dimcode, 3), compressed, dimcode >= 2)'):
        DIMS,
    (GEOBLOB, 'def _read_vertices(data: bytes, pos: int, e: str, count: int, d: int, compressed: bool, has_m: bool = False):',
     'def _read_vertices(data: bytes, pos: int, e: str, count: int, d: int, compressed: bool, has_m: bool = True):'):
        DEFAULT,
    (GEOBLOB, 'def _parse_simple(data: bytes, pos: int, e: str, base: int, d: int, compressed: bool, has_m: bool = False):',
     'def _parse_simple(data: bytes, pos: int, e: str, base: int, d: int, compressed: bool, has_m: bool = True):'):
        DEFAULT,
    (GEOBLOB, '_GPKG_ENVELOPE = np.array([0, 32, 48, 48, 64, 0, 0, 0], np.int64)',
     '_GPKG_ENVELOPE = np.array([0, 32, 48, 48, 64, 1, 0, 0], np.int64)'):
        GPENV,
    (GEOBLOB, '_GPKG_ENVELOPE = np.array([0, 32, 48, 48, 64, 0, 0, 0], np.int64)',
     '_GPKG_ENVELOPE = np.array([0, 32, 48, 48, 64, 0, 1, 0], np.int64)'):
        GPENV,
    (GEOBLOB, '_GPKG_ENVELOPE = np.array([0, 32, 48, 48, 64, 0, 0, 0], np.int64)',
     '_GPKG_ENVELOPE = np.array([0, 32, 48, 48, 64, 0, 0, 1], np.int64)'):
        GPENV,
    (GEOBLOB, 'wtype = np.where(little, buf.u32(np.minimum(wkb + 1, len(blob) - 4)), 0).astype(np.int64)',
     'wtype = np.where(little, buf.u32(np.minimum(wkb + 1, len(blob) + 4)), 0).astype(np.int64)'):
        U32CLIPS,
    (GEOBLOB, 'wtype = np.where(little, buf.u32(np.minimum(wkb + 1, len(blob) - 4)), 0).astype(np.int64)',
     'wtype = np.where(little, buf.u32(np.minimum(wkb + 1, len(blob) - 5)), 0).astype(np.int64)'):
        SHORTGP,
    (GEOBLOB, 'wtype = np.where(little, buf.u32(np.minimum(wkb + 1, len(blob) - 4)), 0).astype(np.int64)',
     'wtype = np.where(little, buf.u32(np.minimum(wkb + 1, len(blob) - 4)), 1).astype(np.int64)'):
        NOTWKB,
    (GEOBLOB, 'part_le = np.where(is_multi, buf.u8[np.minimum(body + 4, len(blob) - 1)] == 1, True)',
     'part_le = np.where(is_multi, buf.u8[np.minimum(body + 4, len(blob) - 2)] == 1, True)'):
        SHORTGP,
    (GEOBLOB, 'elif t == "LineString" or t == "LinearRing":',
     'elif t == "LineString" or t == "XXLinearRingXX":'):
        NORING,
    (GEOBLOB, 'ok = ~(shapely.is_missing(geoms) | shapely.is_empty(geoms)) if n else np.zeros(0, bool)',
     'ok = ~(shapely.is_missing(geoms) | shapely.is_empty(geoms)) if n else np.zeros(1, bool)'):
        NOGEOMS,
    (GEOBLOB, 'exterior[ring_starts[ring_starts < len(exterior)]] = True',
     'exterior[ring_starts[ring_starts <= len(exterior)]] = True'):
        RINGIDX,
    (GEOBLOB, 'xy = np.concatenate(xys) if len(xys) > 1 else xys[0]',
     'xy = np.concatenate(xys) if len(xys) >= 1 else xys[0]'):
        ONEARRAY,
    (GEOBLOB, 'flags = buf.u8[np.minimum(starts + 3, len(blob) - 1)]',
     'flags = buf.u8[np.minimum(starts + 3, len(blob) - 2)]'):
        SHORTGP,
    (GEOBLOB, 'nparts = np.where(is_multi, buf.u32(np.minimum(body, len(blob) - 4)), 1)',
     'nparts = np.where(is_multi, buf.u32(np.minimum(body, len(blob) + 4)), 1)'):
        U32CLIPS,
    (GEOBLOB, 'nparts = np.where(is_multi, buf.u32(np.minimum(body, len(blob) - 4)), 1)',
     'nparts = np.where(is_multi, buf.u32(np.minimum(body, len(blob) - 5)), 1)'):
        SHORTGP,
    (GEOBLOB, 'done = (little & (base == 1) & (body + 16 <= ends)) | is_line | is_poly | empty',
     'done = (little & (base == 1) & (body - 16 <= ends)) | is_line | is_poly | empty'):
        CUTPOINT,
    (GEOBLOB, 'dims = {0: "point", 4: "point", 1: "line", 5: "line", 3: "polygon", 6: "polygon"}',
     'dims = {0: "point", 4: "point", 1: "line", 5: "line", 3: "polygon", 7: "polygon"}'):
        POLYDEFAULT,
    (GEOBLOB, 'if kind == "line" and any(dims.get(int(t)) != "line" for t in np.unique(types)):',
     'if kind == "line" and any(dims.get(int(t)) == "line" for t in np.unique(types)):'):
        OUTLINE,
    (GEOBLOB, 'if kind == "line" and any(dims.get(int(t)) != "line" for t in np.unique(types)):',
     'if kind == "line" and any(dims.get(int(t)) != "XXlineXX" for t in np.unique(types)):'):
        OUTLINE,
    (GEOBLOB, 'if len(parts) > 1:',
     'if len(parts) >= 1:'):
        ONEPART,
    (GEOBLOB, 'little = (buf.u8[np.minimum(wkb, len(blob) - 1)] == 1) & ~empty & (lengths > 8)',
     'little = (buf.u8[np.minimum(wkb, len(blob) - 2)] == 1) & ~empty & (lengths > 8)'):
        SHORTGP,
    (GEOBLOB, 'little = (buf.u8[np.minimum(wkb, len(blob) - 1)] == 1) & ~empty & (lengths > 8)',
     'little = (buf.u8[np.minimum(wkb, len(blob) - 1)] == 1) & ~empty & (lengths >= 8)'):
        NOBODY,
    (GEOBLOB, 'little = (buf.u8[np.minimum(wkb, len(blob) - 1)] == 1) & ~empty & (lengths > 8)',
     'little = (buf.u8[np.minimum(wkb, len(blob) - 1)] == 1) & ~empty & (lengths > 9)'):
        NOBODY,
    (GEOBLOB, 'little &= body <= ends',
     'little = body <= ends'):
        WTYPEZERO,
    (GEOBLOB, 'little &= body <= ends',
     'little |= body <= ends'):
        WTYPEZERO,
    (GEOBLOB, 'little &= body <= ends',
     'little &= body < ends'):
        NOBODY,
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
