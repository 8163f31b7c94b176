"""The incident, task and dashboard panels in the window on the city server, with live updates.

Offscreen Qt (pytest-qt) on a real PostgreSQL/PostGIS: the demo city published to a fresh
database, and the sample officers ``phu_hoi`` (commune officer of Phú Hội) and ``dispatcher``
(city dispatcher) of the ``city`` fixture registered there (their login roles are the
cluster's). The expected rows come from the rule, read from the demo file with plain SQL:
a commune officer reads the incidents and tasks of their commune, the dispatcher all.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import shapely
from PySide6.QtCore import QSettings

from gisdesk.core.incidents import Incident
from gisdesk.store.connection import connect as connect_lite
from tests.server.conftest import COMMUNE_A, PASSWORD

ARTIFACTS = Path(__file__).resolve().parents[2] / "build" / "artifacts"
PLUGINS = Path(__file__).resolve().parents[2] / "plugins"
#: The ``city`` fixture's officers used here -> (role, commune).
OFFICERS = {"phu_hoi": ("commune_officer", COMMUNE_A), "dispatcher": ("city_dispatcher", None)}


@pytest.fixture(scope="module")
def panels_demo(gisdesk_demo_master, tmp_path_factory) -> Path:
    target = tmp_path_factory.mktemp("panels") / "hue.sqlite"
    for f in gisdesk_demo_master.parent.iterdir():
        if f.is_file():
            shutil.copy2(f, target.parent / f.name)
    return target


@pytest.fixture(scope="module")
def panels_db(pg_cluster, make_db, city, panels_demo) -> str:
    """The demo city on a fresh server database, with the ``city`` fixture's ``phu_hoi`` and ``dispatcher``
    login roles registered as its officers (roles are the cluster's; their officer rows are per database)."""
    from gisdesk.store.server import init_server
    from gisdesk.store.server_policy import OFFICERS_TABLE
    from gisdesk.store.server_publish import publish_workspace

    db = make_db("gisdesk_panels")
    su = pg_cluster.url(db)
    init_server(su)
    publish_workspace(panels_demo, su)
    with pg_cluster.connect(db, autocommit=True) as conn:
        for login, (role, commune) in OFFICERS.items():
            conn.execute(f"INSERT INTO {OFFICERS_TABLE} (login, role, commune) VALUES (%s, %s, %s)",
                         (login, role, commune))
            conn.execute("INSERT INTO users (username, display_name, role, commune, active, created_at) "
                         "VALUES (%s, %s, %s, %s, 1, now()) ON CONFLICT (username) DO UPDATE SET "
                         "role = EXCLUDED.role, commune = EXCLUDED.commune, department = NULL, active = 1",
                         (login, login, role, commune))
    return db


def url_of(pg_cluster, db: str, login: str) -> str:
    return pg_cluster.url(db, login) + "&password=" + PASSWORD.replace(" ", "%20")


def expected(demo: Path, commune: str | None) -> tuple[int, int]:
    """(incidents, tasks) the rule lets a reader of ``commune`` (None: the whole city) see, from the file."""
    where, params = ("WHERE commune = ?", (commune,)) if commune else ("", ())
    with connect_lite(demo, read_only=True) as lite:
        (n_inc,) = lite.execute(f"SELECT count(*) FROM incidents {where}", params).fetchone()
        (n_task,) = lite.execute(f"SELECT count(*) FROM tasks {where}", params).fetchone()
    return n_inc, n_task


@pytest.fixture
def settings(tmp_path):
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


def open_window(qtbot, settings, url: str, tmp_path: Path):
    """The window on ``url`` with the three shipped panels started (their errors re-raised)."""
    from gisdesk.ui.main_window import MainWindow
    from gisdesk.ui.plugin_host import start_plugins
    from gisdesk.ui.server_connect import open_server

    opened = open_server(url, None, settings)
    assert opened is not None
    address, officer = opened
    win = MainWindow(address, settings, user=officer)
    qtbot.addWidget(win)
    start_plugins(win, folders=[(PLUGINS / name, "dir") for name in ("incidents", "tasks", "dashboards")],
                  entry_points=False, state_dir=tmp_path / "plugin-state", raise_errors=True)
    win.resize(1500, 950)
    win.show()
    qtbot.waitExposed(win)
    return win


def panel(win, name: str):
    return win.plugin_host.docks[name].widget()


def test_explore(qtbot, settings, pg_cluster, panels_db, panels_demo, tmp_path):
    for who in ("phu_hoi", "dispatcher"):
        win = open_window(qtbot, settings, url_of(pg_cluster, panels_db, who), tmp_path)
        inc = panel(win, "incidents.panel")
        print(who, inc.list.model.rowCount(), inc.list.count.text(), expected(panels_demo, COMMUNE_A if who == "phu_hoi" else None))
        tasks = panel(win, "tasks.panel")
        print(len(tasks.inbox.tasks), tasks.overview.rowCount(), tasks.tabs.tabText(tasks.tabs.indexOf(tasks.overview)))
        dash = panel(win, "dashboards.panel")
        dash.reload(False)
        print(len(dash.model.cols), dash.model.loaded_from, {k: c.value.text() for k, c in dash.cards.items()}, dash.status.text())
        print(win.messages.text.text())
        win.grab().save(f"/tmp/panels/explore_{who}.png")
        win.close()
