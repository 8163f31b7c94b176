"""The access matrix on a real workspace: every role x tasks, questions, notifications and users x action,
through the stores and through the plugin API (``ctx.tasks``), with 0 unauthorised actions and 0 leaked rows.

The expected cells are written by hand from the table in :mod:`gisdesk.core.access`'s
docstring (not read from the policy), and so are the SQL conditions that say which rows
each role must see.
"""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from gisdesk.api import Tasks
from gisdesk.core.users import PermissionDenied, User
from gisdesk.plugins.host import HeadlessHost
from gisdesk.plugins.manager import PluginManager
from gisdesk.store.connection import connect
from gisdesk.store.tasks_store import TaskStore
from gisdesk.store.users_store import UserStore

PH, VN = "Phú Hội", "Vĩnh Ninh"
XD, MT = "Sở Xây dựng", "Công ty Môi trường và Công trình đô thị"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64
ROLES = ("viewer", "phu_hoi", "vinh_ninh", "xaydung", "moitruong", "dispatcher", "admin")
CITY = {"dispatcher", "admin"}

# cell -> the users who may, by hand from the policy's table
EXPECTED: dict[str, set[str]] = {
    "task: read a task of Phú Hội": {"viewer", "phu_hoi", "dispatcher", "admin"},
    "task: read a task of Xây dựng": {"viewer", "xaydung", "dispatcher", "admin"},
    "task: read a file of a Xây dựng task": {"viewer", "xaydung", "dispatcher", "admin"},
    "task: create": CITY,
    "task: create from an incident": CITY,
    "task: accept (assignee) a task of Phú Hội": {"phu_hoi"},
    "task: accept (assignee) a task of Xây dựng": {"xaydung"},
    "task: cancel (city) a task of Phú Hội": CITY,
    "task: attach to a task of Phú Hội": {"phu_hoi", "dispatcher", "admin"},
    "task: escalate overdue": {"phu_hoi", "vinh_ninh", "xaydung", "moitruong", "dispatcher", "admin"},
    "question: read Phú Hội's question to the city": {"viewer", "phu_hoi", "dispatcher", "admin"},
    "question: read Phú Hội's question to Xây dựng": {"viewer", "phu_hoi", "xaydung", "dispatcher", "admin"},
    "question: ask about a place": {"phu_hoi", "vinh_ninh"},
    "question: ask about a task of Phú Hội": {"phu_hoi"},
    "question: answer the one to Xây dựng": {"phu_hoi", "xaydung", "dispatcher", "admin"},
    "question: answer the one to the city": {"phu_hoi", "dispatcher", "admin"},
    "question: close the one to the city": {"phu_hoi", "dispatcher", "admin"},
    "notification: mark one of Phú Hội read": {"phu_hoi"},
    "notification: mark one of Xây dựng read": {"xaydung"},
    "notification: mark one of the city read": CITY,
}
USER_CELLS: dict[str, set[str]] = {
    "user: read every account": {"admin"},
    "user: add an account": {"admin"},
    "user: disable an account": {"admin"},
}
# the rows each role must read, by hand: (tasks, questions, notifications) SQL conditions
ROWS = {
    "viewer": ("1", "1", "0"),
    "phu_hoi": (f"commune = '{PH}'", f"commune = '{PH}'", f"commune = '{PH}'"),
    "vinh_ninh": (f"commune = '{VN}'", f"commune = '{VN}'", f"commune = '{VN}'"),
    "xaydung": (f"department = '{XD}'", f"to_department = '{XD}'", f"department = '{XD}'"),
    "moitruong": (f"department = '{MT}'", f"to_department = '{MT}'", f"department = '{MT}'"),
    "dispatcher": ("1", "1", "to_role = 'city_dispatcher'"),
    "admin": ("1", "1", "to_role = 'city_dispatcher'"),
}


@pytest.fixture
def world(workspace):
    """Tasks of Phú Hội and of Xây dựng, a file, two questions of Phú Hội and the notifications they made."""
    city = TaskStore(workspace, User("dispatcher", "", "viewer"))
    officer = TaskStore(workspace, User("phu_hoi", "", "viewer"))
    inc = city.conn.execute("SELECT uuid FROM incidents WHERE commune = ? ORDER BY fid LIMIT 1", (PH,)).fetchone()[0]

    def assigned(**unit):
        t = city.create_from_incident(inc)
        return city.transition(t.uuid, "assign", t.version, **unit)

    w = {"inc": inc, "ph": assigned(commune=PH), "xd": assigned(department=XD), "accept_ph": assigned(commune=PH),
         "accept_xd": assigned(department=XD), "cancel_ph": assigned(commune=PH)}
    w["xd_file"] = city.attach(w["xd"].uuid, "site.png", PNG)
    w["q_city"] = officer.ask("Pump", "Which pump?", task_uuid=w["ph"].uuid)
    w["q_xd"] = officer.ask("Permit", "Do we need a permit?", to_department=XD, position=(775000.0, 1821000.0))
    conn = connect(workspace)
    for key, cond in (("n_ph", f"commune = '{PH}'"), ("n_xd", f"department = '{XD}'"),
                      ("n_city", "to_role = 'city_dispatcher'")):
        w[key] = conn.execute(f"SELECT id FROM task_notifications WHERE {cond} AND read_at IS NULL "
                              "ORDER BY at DESC LIMIT 1").fetchone()[0]
    conn.close()
    city.close()
    officer.close()
    return w


def probe_context(workspace: Path, tmp_path: Path, user: User):
    """A headless plugin's context on ``workspace`` with ``user`` signed in (the plugin API as plugins get it)."""
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
    return manager, manager.record("probe").context


@pytest.fixture(params=["store", "plugin API"])
def acting(request, workspace, tmp_path):
    """``open(name)`` gives the tasks of ``name`` through a TaskStore, or through ``ctx.tasks`` of a plugin."""
    opened = []

    def open_as(name: str):
        claimed = User(name, name, "administrator")  # a claim the workspace's users table overrides
        if request.param == "store":
            store = TaskStore(workspace, claimed)
            opened.append(store.close)
            return store
        manager, ctx = probe_context(workspace, tmp_path / name, claimed)
        opened.append(manager.shutdown)
        assert isinstance(ctx.tasks, Tasks)
        return ctx.tasks

    yield open_as
    for close in opened:
        close()


def _try(fn) -> bool:
    try:
        result = fn()
    except PermissionDenied as exc:
        assert str(exc) and "\n" not in str(exc) and "Traceback" not in str(exc)
        return False
    return result is not False


def _read_at(workspace: Path, note_id: str) -> str | None:
    conn = connect(workspace, read_only=True)
    try:
        return conn.execute("SELECT read_at FROM task_notifications WHERE id = ?", (note_id,)).fetchone()[0]
    finally:
        conn.close()


@pytest.mark.parametrize("who", ROLES)
def test_every_cell_for_every_role(world, acting, workspace, who):
    t = acting(who)
    w = world
    cells = {
        "task: read a task of Phú Hội": lambda: t.task(w["ph"].uuid) and t.timeline(w["ph"].uuid),
        "task: read a task of Xây dựng": lambda: t.task(w["xd"].uuid) and t.attachments(w["xd"].uuid),
        "task: read a file of a Xây dựng task": lambda: t.attachment_data(w["xd_file"]) == PNG,
        "task: create": lambda: t.create("Pothole on Lê Lợi") and True,
        "task: create from an incident": lambda: t.create_from_incident(w["inc"]) and True,
        "task: accept (assignee) a task of Phú Hội":
            lambda: t.transition(w["accept_ph"].uuid, "accept", w["accept_ph"].version).state == "accepted",
        "task: accept (assignee) a task of Xây dựng":
            lambda: t.transition(w["accept_xd"].uuid, "accept", w["accept_xd"].version).state == "accepted",
        "task: cancel (city) a task of Phú Hội":
            lambda: t.transition(w["cancel_ph"].uuid, "cancel", w["cancel_ph"].version,
                                 reason="duplicate").state == "cancelled",
        "task: attach to a task of Phú Hội": lambda: bool(t.attach(w["ph"].uuid, "p.png", PNG)),
        "task: escalate overdue": lambda: isinstance(t.escalate_overdue(), list),
        "question: read Phú Hội's question to the city": lambda: t.thread(w["q_city"])["uuid"] == w["q_city"],
        "question: read Phú Hội's question to Xây dựng": lambda: t.thread(w["q_xd"])["uuid"] == w["q_xd"],
        "question: ask about a place": lambda: bool(t.ask("Lane", "Who clears it?", position=(775100.0, 1821100.0))),
        "question: ask about a task of Phú Hội": lambda: bool(t.ask("Crane", "Monday?", task_uuid=w["ph"].uuid)),
        "question: answer the one to Xây dựng": lambda: bool(t.answer(w["q_xd"], "Yes")),
        "question: answer the one to the city": lambda: bool(t.answer(w["q_city"], "The depot's")),
        "question: close the one to the city": lambda: t.close_question(w["q_city"]) is None,
        "notification: mark one of Phú Hội read": lambda: t.mark_read([w["n_ph"]]) == 1,
        "notification: mark one of Xây dựng read": lambda: t.mark_read([w["n_xd"]]) == 1,
        "notification: mark one of the city read": lambda: t.mark_read([w["n_city"]]) == 1,
    }
    assert set(cells) == set(EXPECTED)
    got = {cell for cell, attempt in cells.items() if _try(attempt)}
    assert got == {cell for cell, who_may in EXPECTED.items() if who in who_may}
    # a refused mark-read changed nothing; an allowed one did
    for key, cell in (("n_ph", "notification: mark one of Phú Hội read"),
                      ("n_xd", "notification: mark one of Xây dựng read"),
                      ("n_city", "notification: mark one of the city read")):
        assert (_read_at(workspace, w[key]) is not None) == (who in EXPECTED[cell])


@pytest.mark.parametrize("who", ROLES)
def test_no_role_reads_a_row_it_may_not(world, acting, workspace, who):
    t = acting(who)
    task_sql, question_sql, note_sql = ROWS[who]
    conn = connect(workspace, read_only=True)
    try:
        want_tasks = {r[0] for r in conn.execute(f"SELECT uuid FROM tasks WHERE {task_sql}")}
        want_questions = {r[0] for r in conn.execute(f"SELECT uuid FROM task_questions WHERE {question_sql}")}
        want_notes = {r[0] for r in conn.execute(f"SELECT id FROM task_notifications WHERE {note_sql}")}
        all_tasks = conn.execute("SELECT count(*) FROM tasks").fetchone()[0]
    finally:
        conn.close()
    assert {x.uuid for x in t.tasks()} == want_tasks
    assert {x.uuid for x in t.inbox(limit=100000)} <= want_tasks
    assert {q["uuid"] for q in t.questions()} == want_questions
    assert {n["id"] for n in t.notifications(unread_only=False, limit=100000)} == want_notes
    assert t.kpis(None, "2100-01-01")["tasks"] == len(want_tasks)
    # 0 leaked rows: a commune reads none of another commune's, a department none of another's
    unit = {"phu_hoi": ("commune", PH), "vinh_ninh": ("commune", VN),
            "xaydung": ("department", XD), "moitruong": ("department", MT)}.get(who)
    if unit is not None:
        column, mine = unit
        assert [x for x in t.tasks() if getattr(x, column) != mine] == []
        assert [q for q in t.questions() if q["commune" if column == "commune" else "to_department"] != mine] == []
        assert len(want_tasks) < all_tasks
    overview = [r["commune"] for r in t.overview()]
    one_unit = {"phu_hoi": [PH], "vinh_ninh": [VN], "xaydung": [], "moitruong": []}
    assert overview == one_unit[who] if who in one_unit else len(overview) == 40
    with TaskStore(workspace, User("admin", "", "viewer")) as city:
        hidden = sorted({x.uuid for x in city.tasks()} - want_tasks)
    for task_id in hidden[:3]:  # asking by id is refused too (the lists above cover every row)
        with pytest.raises(PermissionDenied):
            t.task(task_id)


@pytest.mark.parametrize("who", ROLES)
def test_users_as_each_role(workspace, who):
    with UserStore(workspace) as store:
        acting = User(who, who, "administrator")  # the claimed role is not believed
        cells = {
            "user: read every account": lambda: len(store.users(acting)) == 10,
            "user: add an account": lambda: store.create_user(acting, f"new_{who}", "a long password", "viewer")
            is not None,
            "user: disable an account": lambda: store.set_active(acting, "thuan_hoa", False) is None,
        }
        got = {cell for cell, attempt in cells.items() if _try(attempt)}
        assert got == {cell for cell, who_may in USER_CELLS.items() if who in who_may}
        seen = [u.username for u in store.users(acting)]
        assert seen == (sorted(seen) if who == "admin" else [who])  # others read only their own account
        assert store.get("thuan_hoa").active == (who != "admin")
        assert (f"new_{who}" in [u.username for u in store.users(store.get("admin"))]) == (who == "admin")


def test_the_facade_follows_whoever_signs_in_and_never_hands_out_the_store(world, workspace):
    signed_in = [User("dispatcher", "", "viewer")]
    facade = Tasks(workspace, lambda: signed_in[0])
    try:
        assert facade.user.role == "city_dispatcher" and facade.may("create", "task")
        city_rows = len(facade.tasks())
        signed_in[0] = User("phu_hoi", "", "administrator")  # File > Switch user
        assert (facade.user.role, facade.user.commune) == ("commune_officer", PH)
        assert not facade.may("create", "task") and "only the city" in facade.may("create", "task").reason
        assert {x.commune for x in facade.tasks()} == {PH} and len(facade.tasks()) < city_rows
        with pytest.raises(PermissionDenied):
            facade.create("Pothole")
        public = {name: getattr(facade, name) for name in dir(facade) if not name.startswith("_")}
        assert not any(isinstance(v, TaskStore) or hasattr(v, "execute") for v in public.values())
        assert "conn" not in public and "store" not in public
    finally:
        facade.close()
    with pytest.raises(RuntimeError, match="no workspace"):
        Tasks(None, lambda: signed_in[0]).inbox()
