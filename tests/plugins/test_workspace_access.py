"""ctx.workspace reads the incidents as the signed-in user may (issue 12: plugins saw every commune's).

The rule (gisdesk.core.access): a commune officer reads their commune's incidents and their shapes;
a viewer reads all. Free SQL (``read``/``table``) sees the user's rows only; reading around the
filter (``main.incidents``, the R*Tree) is refused. Expected counts are SQL written here.
"""

from __future__ import annotations

import textwrap

import pytest

from gisdesk.plugins.facades import User
from gisdesk.plugins.host import HeadlessHost
from gisdesk.plugins.manager import PluginManager
from gisdesk.store.connection import connect
from gisdesk.store.errors import StoreError

pytestmark = pytest.mark.usefixtures("forget_plugin_modules")


def context_as(workspace, tmp_path, user):
    folder = tmp_path / "plugins" / "probe"
    folder.mkdir(parents=True)
    (folder / "gisdesk-plugin.toml").write_text(textwrap.dedent("""\
        [plugin]
        name = "probe"
        version = "0.1.0"
        api_version = "1"
        activate = "probe_code:activate"
        """), encoding="utf-8")
    (folder / "probe_code.py").write_text("def activate(ctx):\n    pass\n", encoding="utf-8")
    manager = PluginManager(HeadlessHost(workspace=workspace, user=user), folders=[(folder.parent, "dir")],
                            entry_points=False, state_dir=tmp_path / "state", raise_errors=True)
    manager.start()
    return manager, manager.records[0].context


def count(workspace, where="1", params=()):
    conn = connect(workspace, read_only=True)
    try:
        return conn.execute(f"SELECT count(*) FROM incidents WHERE {where}", params).fetchone()[0]
    finally:
        conn.close()


def test_a_commune_officer_plugin_reads_only_the_communes_incidents(workspace, tmp_path):
    manager, ctx = context_as(workspace, tmp_path, User("phu_hoi", "phu_hoi", "commune_officer", commune="Phú Hội"))
    try:
        n = count(workspace, "commune = ?", ("Phú Hội",))
        assert n == 57
        ws = ctx.workspace
        assert ws.read("SELECT count(*) AS n FROM incidents") == [{"n": n}]
        assert ws.read("SELECT DISTINCT commune FROM incidents") == [{"commune": "Phú Hội"}]
        assert len(ws.table("incidents")) == n
        assert len(ws.features("incidents")) == n
        assert ws.read("SELECT count(*) AS n FROM communes")[0]["n"] == 40  # reference layers stay whole
        foreign = count(workspace, "commune <> ?", ("Phú Hội",))
        assert foreign > 0
        for around in ("SELECT count(*) FROM main.incidents", "SELECT * FROM idx_incidents_geom",
                       "SELECT count(*) FROM main.incident_shapes"):
            with pytest.raises(StoreError, match="not authorized|prohibited"):
                ws.read(around)
    finally:
        manager.shutdown()


def test_a_viewer_plugin_reads_every_incident(workspace, tmp_path):
    manager, ctx = context_as(workspace, tmp_path, User("viewer", "viewer", "viewer"))
    try:
        assert ctx.workspace.read("SELECT count(*) AS n FROM incidents") == [{"n": count(workspace)}]
        assert len(ctx.workspace.features("incidents")) == count(workspace) == 2000
    finally:
        manager.shutdown()


def test_the_summaries_kept_beside_the_incidents_follow_the_same_rule(workspace, tmp_path):
    # incident_codes (one row per incident) and incident_cells (counts per commune) cover every commune's
    # incidents: a commune officer may read neither; the city reads both whole.
    manager, ctx = context_as(workspace, tmp_path, User("phu_hoi", "phu_hoi", "commune_officer", commune="Phú Hội"))
    try:
        for table in ("incident_codes", "incident_cells"):
            for sql in (f"SELECT count(*) AS n FROM {table}", f"SELECT * FROM main.{table} LIMIT 1"):
                with pytest.raises(StoreError, match="not authorized|prohibited"):
                    ctx.workspace.read(sql)
    finally:
        manager.shutdown()
    manager, ctx = context_as(workspace, tmp_path / "city", User("dispatcher", "IOC", "city_dispatcher"))
    try:
        assert ctx.workspace.read("SELECT count(*) AS n FROM incident_codes") == [{"n": count(workspace)}]
        assert ctx.workspace.read("SELECT count(*) AS n FROM incident_cells")[0]["n"] > 0
    finally:
        manager.shutdown()
