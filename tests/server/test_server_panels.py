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
from tests.server.conftest import COMMUNE_A, COMMUNE_B, PASSWORD

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


@pytest.fixture(scope="module")
def inside(panels_demo) -> dict[str, shapely.Point]:
    """A point well inside Phú Hội and inside Vĩnh Ninh (from the demo's commune polygons)."""
    with connect_lite(panels_demo, read_only=True) as lite:
        rows = lite.execute("SELECT name, AsBinary(geom) FROM communes WHERE name IN (?, ?)",
                            (COMMUNE_A, COMMUNE_B)).fetchall()
    return {name: shapely.point_on_surface(shapely.from_wkb(wkb).buffer(-30)) for name, wkb in rows}


@pytest.mark.parametrize("login", ["phu_hoi", "dispatcher"])
def test_each_login_sees_in_the_panels_what_the_policy_allows(qtbot, settings, pg_cluster, panels_db, panels_demo,
                                                              tmp_path, login):
    commune = OFFICERS[login][1]
    n_incidents, n_tasks = expected(panels_demo, commune)  # the rule: a commune officer reads their commune
    assert 0 < n_incidents < 2000 if commune else n_incidents == 2000
    win = open_window(qtbot, settings, url_of(pg_cluster, panels_db, login), tmp_path)
    assert all(win.plugin_host.docks[p].widget().isEnabled() for p in ("incidents.panel", "tasks.panel",
                                                                        "dashboards.panel"))

    incidents = panel(win, "incidents.panel")
    assert incidents.isEnabled() and incidents.list.model.rowCount() == n_incidents
    communes = {inc.commune for inc in incidents.list.model.rows}
    assert communes == {COMMUNE_A} if commune else len(communes) > 5
    draw = incidents.tool_actions["incidents.draw_point"]
    assert draw.isEnabled()  # both may report incidents (the policy), on the server as on a file

    tasks = panel(win, "tasks.panel")
    readable = tasks.ctx.tasks.tasks()
    assert len(readable) == n_tasks > 0
    assert {t.commune for t in readable} == {COMMUNE_A} if commune else len({t.commune for t in readable}) > 1
    assert tasks.inbox.tasks and all(t.commune == COMMUNE_A for t in tasks.inbox.tasks) if commune else True
    assert tasks.new_button.isEnabled() == (commune is None)  # only the city creates tasks

    dash = panel(win, "dashboards.panel")
    dash.reload(False)
    assert len(dash.model.cols) == n_incidents and dash.model.loaded_from == "server"
    assert "server" in dash.status.text()
    assert dash.commune_box.isEnabled() == (commune is None)  # a commune officer's view is locked to theirs
    assert all(card.value.text() not in ("", "…") for card in dash.cards.values())
    win.close()


def test_another_workstations_change_shows_up_without_restart(qtbot, settings, pg_cluster, panels_db, inside,
                                                              tmp_path):
    from gisdesk.store.incidents_store import IncidentStore
    from gisdesk.store.tasks_store import TaskStore

    win = open_window(qtbot, settings, url_of(pg_cluster, panels_db, "phu_hoi"), tmp_path)
    incidents, tasks = panel(win, "incidents.panel"), panel(win, "tasks.panel")
    before, tasks_before = incidents.list.model.rowCount(), len(tasks.inbox.tasks)
    layer = next(lyr for lyr in win.model.layers if getattr(lyr, "name", "") == "incidents")
    win.open_attribute_table(layer.id)
    table = win.attribute_docks[layer.id].widget()
    assert table.query.total == before
    qtbot.waitUntil(lambda: not win.canvas.rendering, timeout=30000)  # the first drawing is done
    updated, drawn = [], []
    win.server_updates.updated.connect(updated.append)
    win.canvas.rendered.connect(drawn.append)
    other = url_of(pg_cluster, panels_db, "dispatcher")  # another workstation: the city's dispatcher
    with IncidentStore(other, None) as city:
        mine = city.create(Incident("flooding", inside[COMMUNE_A], severity=3, description="water on Lê Lợi",
                                    channel="hotline"))
        city.create(Incident("flooding", inside[COMMUNE_B], severity=3, description="not Phú Hội's",
                             channel="hotline"))
    qtbot.waitUntil(lambda: incidents.list.model.rowCount() == before + 1, timeout=15000)
    assert mine in {inc.uuid for inc in incidents.list.model.rows}
    assert updated[-1] == {"incidents": 1}  # the Vĩnh Ninh incident never reaches Phú Hội's window
    assert "Updated from the server: 1 incident changed" in win.statusBar().currentMessage()
    assert table.query.total == before + 1  # the open attribute table of incidents is read again
    qtbot.waitUntil(lambda: bool(drawn), timeout=15000)  # and the map drawn again

    with TaskStore(other, None) as city:
        task = city.create_from_incident(mine)
        city.transition(task.uuid, "assign", task.version, commune=COMMUNE_A)
    qtbot.waitUntil(lambda: len(tasks.inbox.tasks) == tasks_before + 1, timeout=15000)
    assert task.uuid in {t.uuid for t in tasks.inbox.tasks}
    assert "1 task changed" in win.statusBar().currentMessage()

    n = len(updated)  # this window's own change is not announced as another's
    incidents.ctx.incidents.update(mine, {"address": "Cầu Trường Tiền"})
    qtbot.wait(2500)
    assert len(updated) == n
    win.close()


def test_a_stale_edit_is_refused_with_the_reason_and_the_other_value_kept(qtbot, settings, pg_cluster, panels_db,
                                                                          inside, tmp_path):
    from gisdesk.store.incidents_store import IncidentStore

    other = url_of(pg_cluster, panels_db, "dispatcher")
    with IncidentStore(other, None) as city:
        uid = city.create(Incident("fallen tree", inside[COMMUNE_A], severity=2, description="a branch",
                                   channel="hotline"))
    win = open_window(qtbot, settings, url_of(pg_cluster, panels_db, "phu_hoi"), tmp_path)
    incidents = panel(win, "incidents.panel")
    incidents.open_incident(uid)
    form = incidents.form
    assert form.uuid == uid
    with IncidentStore(other, None) as city:  # the dispatcher changes it meanwhile, on their workstation
        city.update(uid, {"description": "a whole tree, road blocked"})
    qtbot.waitUntil(lambda: "Updated from the server" in win.statusBar().currentMessage(), timeout=15000)
    assert form.uuid == uid  # the live update re-read the list; the form stays as it was opened
    form.description.setPlainText("typed by phu_hoi")
    incidents.save()
    assert "dispatcher" in form.check.text() and "description" in form.check.text()
    assert form.description.toPlainText() == "typed by phu_hoi"  # nothing typed is lost
    with IncidentStore(other, None) as city:
        assert city.get(uid).description == "a whole tree, road blocked"  # nor the other user's value
    win.close()


def test_the_dispatcher_reports_undoes_and_picks_through_the_panels(qtbot, settings, pg_cluster, panels_db, inside,
                                                                     tmp_path):
    win = open_window(qtbot, settings, url_of(pg_cluster, panels_db, "dispatcher"), tmp_path)
    from gisdesk_plugin_dashboards.dashboards.tools import PickCommune  # the plugin's own namespace, once loaded

    incidents = panel(win, "incidents.panel")
    incidents.start_new(inside[COMMUNE_A])  # drawn on the map as a point
    incidents.form.category.setCurrentText("road damage")  # no other open one near: no duplicate question
    qtbot.waitUntil(incidents.form.save.isEnabled, timeout=5000)
    incidents.save()
    uid = incidents.undo_stack.command(0).uuid
    made = incidents.ctx.incidents.get(uid)
    assert (made.commune, made.category, made.status, made.version) == (COMMUNE_A, "road damage", "new", 1)
    incidents.undo_stack.undo()  # undo deletes it on the server, its history kept
    with pytest.raises(KeyError):
        incidents.ctx.incidents.get(uid)
    assert [e["action"] for e in incidents.ctx.incidents.events(uid)][-1] == "deleted"

    dash = panel(win, "dashboards.panel")
    dash.reload(False)
    x, y = dash.model.coords()  # the hotspots' coordinates, read from the server on demand
    assert len(x) == len(dash.model.cols) and (~(x != x)).all()
    communes = dash.ctx.workspace.read("SELECT fid FROM communes WHERE name = ?", [COMMUNE_A])
    assert PickCommune(dash.ctx).commune_at(inside[COMMUNE_A].x, inside[COMMUNE_A].y) == communes[0]["fid"]
    tasks = panel(win, "tasks.panel")
    assert tasks.open_rules() is not None  # the city's dispatch rules, read from the server
    from gisdesk.api import DispatchRule

    saved = tasks.ctx.tasks.save_dispatch_rule(DispatchRule(None, "hotline floods", source="hotline",
                                                            category="flooding", min_severity=3))
    assert saved.id is not None and saved in tasks.ctx.tasks.dispatch_rules()  # written as the dispatcher
    win.close()


def test_a_commune_acts_and_asks_and_the_city_answers_across_two_windows(qtbot, settings, pg_cluster, panels_db,
                                                                        tmp_path):
    from PySide6.QtCore import Qt

    from gisdesk.store.tasks_store import TaskStore

    with TaskStore(url_of(pg_cluster, panels_db, "dispatcher"), None) as city:
        task = city.create("Clear the drain on Lê Lợi", category="flooding", severity=2)
        task = city.transition(task.uuid, "assign", task.version, commune=COMMUNE_A)
    commune_win = open_window(qtbot, settings, url_of(pg_cluster, panels_db, "phu_hoi"), tmp_path / "a")
    city_win = open_window(qtbot, settings, url_of(pg_cluster, panels_db, "dispatcher"), tmp_path / "b")
    commune, city = panel(commune_win, "tasks.panel"), panel(city_win, "tasks.panel")
    city_heard = []
    city_win.server_updates.updated.connect(city_heard.append)

    commune.open_task(task.uuid)
    form = commune.action_form("accept")
    assert form.submit(), form.message.text()
    qtbot.waitUntil(lambda: {"tasks": 1} in city_heard, timeout=15000)  # the city's window hears of it
    assert "1 task changed" in city_win.statusBar().currentMessage()

    qtbot.mouseClick(commune.detail.ask_button, Qt.MouseButton.LeftButton)
    ask = commune.questions.form
    ask.subject.setText("Xe cẩu cho cống Phú Hội?")
    ask.body.setPlainText("Can the city send a crane truck on Monday?")
    assert ask.submit(), ask.message.text()
    question = commune.questions.question["uuid"]
    questions_tab = city.tabs.indexOf(city.questions)
    qtbot.waitUntil(lambda: city.tabs.tabText(questions_tab).endswith("(1)"), timeout=15000)  # live, no restart
    row = [r["uuid"] for r in city.questions.rows].index(question)
    city.questions.table.selectRow(row)
    city.questions.reply.setPlainText("Yes, Monday 8:00.")
    assert city.questions.send_answer(), city.questions.message.text()
    qtbot.waitUntil(lambda: any(r["uuid"] == question and r["status"] == "answered" for r in commune.questions.rows),
                    timeout=15000)  # and the commune's window sees the answer
    commune_win.close()
    city_win.close()


def test_the_search_box_finds_on_the_server_what_the_login_may_read(qtbot, settings, pg_cluster, panels_db,
                                                                     panels_demo, tmp_path):
    from PySide6.QtCore import Qt

    with connect_lite(panels_demo, read_only=True) as lite:
        mine, theirs = (lite.execute("SELECT substr(uuid, 1, 8) FROM incidents WHERE commune = ? ORDER BY fid LIMIT 1",
                                     (c,)).fetchone()[0] for c in (COMMUNE_A, COMMUNE_B))
    win = open_window(qtbot, settings, url_of(pg_cluster, panels_db, "phu_hoi"), tmp_path)
    bar = win.locator
    assert bar.isEnabled()

    def search(text):
        bar.setFocus()
        bar.clear()
        with qtbot.waitSignal(bar.results_shown, timeout=30000):
            qtbot.keyClicks(bar, text)
        return {kind: [r.title for r in results] for kind, results in bar.groups}

    found = search("phu hoi")  # accents and letter case folded, as in a workspace file
    assert found["commune"][0] == COMMUNE_A and bar.popup.current_result().title == COMMUNE_A
    commune = bar.popup.current_result().bbox
    with qtbot.waitSignal(win.canvas.extent_changed, timeout=5000):
        qtbot.keyClick(bar, Qt.Key.Key_Return)
    x0, y0, x1, y1 = win.canvas.view().bbox
    assert x0 <= commune[0] and y0 <= commune[1] and x1 >= commune[2] and y1 >= commune[3]
    assert [t.split(" ")[0] for t in search(mine).get("incident", [])] == [mine]  # by its number
    assert "incident" not in search(theirs)  # Vĩnh Ninh's incident: row-level security hides it
    win.close()


def test_gisdesk_locate_on_the_server_answers_as_the_login(pg_cluster, panels_db, panels_demo, capsys):
    import json

    from gisdesk.locate_cli import locate_main

    with connect_lite(panels_demo, read_only=True) as lite:
        theirs = lite.execute("SELECT substr(uuid, 1, 8) FROM incidents WHERE commune = ? ORDER BY fid LIMIT 1",
                              (COMMUNE_B,)).fetchone()[0]
    url = url_of(pg_cluster, panels_db, "phu_hoi")
    assert locate_main([url, "vinh", "ninh", "--json"]) == 0  # the plugins start headless on the server too
    out = json.loads(capsys.readouterr().out)
    assert (out["user"], out["role"]) == ("phu_hoi", "commune_officer")
    groups = {g["kind"]: [r["title"] for r in g["results"]] for g in out["groups"]}
    assert groups["commune"][0] == COMMUNE_B  # reference layers: every officer reads them
    assert locate_main([url, theirs, "--no-plugins"]) == 1  # another commune's incident: not there for them
    assert "nothing found" in capsys.readouterr().out
    assert locate_main([url_of(pg_cluster, panels_db, "dispatcher"), theirs, "--no-plugins"]) == 0
    assert theirs in capsys.readouterr().out


XVFB_SCRIPT = r"""
import sys
from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication
from gisdesk.ui.app import open_window

url, out, ini, other = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4]
app = QApplication(sys.argv[:1])
win = open_window(url, QSettings(ini, QSettings.Format.IniFormat), plugin_dirs=[])
win.move(0, 0)
win.resize(1600, 900)
docks = win.plugin_host.docks
docks["incidents.panel"].widget().tabs.setCurrentIndex(1)  # the list of incidents
shots = []

def change_elsewhere():  # another workstation (the dispatcher) reports an incident in Phú Hội
    from shapely import Point
    from gisdesk.core.incidents import Incident
    from gisdesk.store.incidents_store import IncidentStore
    with IncidentStore(other, None) as city:
        city.create(Incident("water leak", Point(*map(float, sys.argv[5:7])), severity=2,
                             description="pipe burst on Lê Lợi", channel="hotline"))
    QTimer.singleShot(3000, shoot)

def shoot():
    app.primaryScreen().grabWindow(0).save(out)
    app.quit()

def rendered(result):
    if not shots:  # first the city, then Phú Hội and its neighbours, where the officer's rows show
        shots.append(1)
        win.canvas.set_extent(tuple(map(float, sys.argv[7:11])))
    elif len(shots) == 1:
        shots.append(2)
        QTimer.singleShot(1500, change_elsewhere)

win.canvas.rendered.connect(rendered)
QTimer.singleShot(90000, app.quit)
sys.exit(app.exec())
"""


@pytest.mark.skipif(shutil.which("xvfb-run") is None, reason="xvfb-run (Debian xvfb) is not installed")
@pytest.mark.parametrize("login", ["dispatcher", "phu_hoi"])
def test_the_panels_on_the_server_under_xvfb(pg_cluster, panels_db, panels_demo, inside, tmp_path, login):
    import os
    import subprocess
    import sys

    import numpy as np
    from PySide6.QtGui import QImage

    out = ARTIFACTS / f"xvfb_server_panels_{login}.png"
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    out.unlink(missing_ok=True)
    script = tmp_path / "shot.py"
    script.write_text(XVFB_SCRIPT)
    env = {k: v for k, v in os.environ.items() if k != "QT_QPA_PLATFORM"}
    env.update(XDG_STATE_HOME=str(tmp_path / "state"), XDG_CACHE_HOME=str(tmp_path / "cache"),
               XDG_CONFIG_HOME=str(tmp_path / "config"), XDG_DATA_HOME=str(tmp_path / "data"))
    where = inside[COMMUNE_A]
    with connect_lite(panels_demo, read_only=True) as lite:
        box = lite.execute("SELECT MbrMinX(geom), MbrMinY(geom), MbrMaxX(geom), MbrMaxY(geom) FROM communes "
                           "WHERE name = ?", (COMMUNE_A,)).fetchone()
    pad = 600.0
    box = (box[0] - pad, box[1] - pad, box[2] + pad, box[3] + pad)
    proc = subprocess.run(["xvfb-run", "-a", "-s", "-screen 0 1600x900x24", sys.executable, str(script),
                           url_of(pg_cluster, panels_db, login), str(out), str(tmp_path / "s.ini"),
                           url_of(pg_cluster, panels_db, "dispatcher"), str(where.x + 40), str(where.y + 40),
                           *map(str, box)],
                          capture_output=True, text=True, timeout=180, env=env)
    assert proc.returncode == 0, proc.stderr[-3000:]
    img = QImage(str(out)).convertToFormat(QImage.Format.Format_RGB32)
    arr = np.frombuffer(img.constBits(), np.uint8, count=img.sizeInBytes()).reshape(img.height(), -1, 4)
    assert len(np.unique(arr[::8, : img.width():8, :3].reshape(-1, 3), axis=0)) > 200  # a styled map, not blank
