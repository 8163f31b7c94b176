"""Demo users and tasks for the demo city, written through the real user and task stores.

Users (password :data:`DEMO_PASSWORD` for all): ``admin`` (administrator),
``dispatcher`` (city dispatcher), ``viewer``, one commune officer for each commune in
:data:`DEMO_COMMUNES` named after it (``phu_hoi``, ``vinh_ninh``, ``thuan_hoa``, ``tay_loc``,
``dong_ba``), and the department officers ``moitruong`` and ``xaydung``.

Tasks: :data:`DEMO_TASKS` tasks made from recent incidents of those communes and
departments, each taken through a deterministic (by ``seed``) part of the workflow over
the 30 days before the demo's "now": closed on time or late, done and waiting for verification,
in progress, accepted, assigned (some overdue and escalated), returned, new, cancelled.
Times are relative to the demo's "now" (:func:`sample_layers.generate.demo_now`), so the
inbox shows overdue work and work due soon.

Dispatch (:func:`add_demo_dispatch`): :data:`DEMO_RULES`, and the open incidents of the last
week they match dispatched by them. Callbacks (:func:`add_demo_callbacks`): the
reporters of most closed tasks called back (satisfied, partly, not satisfied, not reached).
"""

from __future__ import annotations

import os
from datetime import datetime, timedelta

import numpy as np

from gisdesk.core.incidents import utc_now
from gisdesk.core.users import User, hash_password, slug

#: The one password of every demo account (public: it is printed in the README).
DEMO_PASSWORD = "hue-demo-2026"
DEMO_COMMUNES = ("Phú Hội", "Vĩnh Ninh", "Thuận Hòa", "Tây Lộc", "Đông Ba")
DEMO_DEPARTMENTS = {"moitruong": "Công ty Môi trường và Công trình đô thị", "xaydung": "Sở Xây dựng"}
DEMO_TASKS = 60
#: How far each demo task gets: the actions after ``create``, in order.
_PATHS = (
    ("assign", "accept", "start", "report", "complete", "verify"),
    ("assign", "accept", "start", "report", "complete", "verify"),
    ("assign", "accept", "start", "complete", "verify"),
    ("assign", "accept", "start", "report", "complete"),
    ("assign", "accept", "start", "report"),
    ("assign", "accept"),
    ("assign",),
    ("assign", "return"),
    (),
    ("assign", "cancel"),
)


def add_demo_users(path: str | os.PathLike[str]) -> dict[str, User]:
    """Write the demo users (see the module docstring); returns them by username."""
    from gisdesk.store.users_store import UserStore

    # One hash for all ten accounts: a hash costs about 0.4 s (scrypt N = 2^17), and the
    # password is public anyway, so separate salts would protect nothing here.
    pw = hash_password(DEMO_PASSWORD)
    users: dict[str, User] = {}
    with UserStore(path) as store:
        admin = store.create_first_admin("admin", DEMO_PASSWORD, "Quản trị viên", pw_hash=pw)
        users["admin"] = admin
        users["dispatcher"] = store.create_user(admin, "dispatcher", DEMO_PASSWORD, "city_dispatcher",
                                                "Trung tâm điều hành (IOC)", pw_hash=pw)
        users["viewer"] = store.create_user(admin, "viewer", DEMO_PASSWORD, "viewer", "Người xem", pw_hash=pw)
        for commune in DEMO_COMMUNES:
            name = slug(commune)
            users[name] = store.create_user(admin, name, DEMO_PASSWORD, "commune_officer", f"Cán bộ {commune}",
                                            commune=commune, pw_hash=pw)
        for name, department in DEMO_DEPARTMENTS.items():
            users[name] = store.create_user(admin, name, DEMO_PASSWORD, "department_officer", f"Cán bộ {department}",
                                            department=department, pw_hash=pw)
    return users


def add_demo_tasks(path: str | os.PathLike[str], users: dict[str, User], seed: int = 7,
                   n: int = DEMO_TASKS, now: datetime | None = None) -> int:
    """Write ``n`` demo tasks with their whole history up to ``now`` (default: the current time);
    returns how many were written."""
    from gisdesk.store.tasks_store import TaskStore

    rng = np.random.default_rng(seed + 606)
    build_time = now or utc_now()
    clock = {"t": build_time}
    stores = {}
    for name, user in users.items():
        store = TaskStore(path, user)
        store._now = lambda: clock["t"]  # write the history at demo times
        stores[name] = store
    try:
        city = stores["dispatcher"]
        departments = tuple(DEMO_DEPARTMENTS.values())
        marks = ", ".join("?" * len(DEMO_COMMUNES))
        rows = city.conn.execute(
            f"SELECT uuid, commune, department FROM incidents WHERE commune IN ({marks}) "
            f"ORDER BY reported_at DESC, fid LIMIT ?", (*DEMO_COMMUNES, n * 3)).fetchall()
        picks = rng.choice(len(rows), size=min(n, len(rows)), replace=False) if rows else []
        for k, i in enumerate(sorted(picks)):
            inc_uuid, commune, department = rows[i]
            to_department = department in departments and rng.random() < 0.3
            unit = ({"department": department} if to_department else {"commune": commune})
            officer = stores[next(u for u, d in DEMO_DEPARTMENTS.items() if d == department)] if to_department \
                else stores[slug(commune)]
            start = build_time - timedelta(days=float(rng.uniform(1, 30)))
            clock["t"] = start
            task = city.create_from_incident(inc_uuid)
            late = rng.random() < 0.25
            for action in _PATHS[k % len(_PATHS)]:
                gap = timedelta(hours=float(rng.uniform(2, 60 if late else 20)))
                clock["t"] = min(clock["t"] + gap, build_time - timedelta(minutes=5))
                actor = city if action in ("assign", "verify", "cancel", "reassign", "reopen") else officer
                fields: dict = {}
                if action == "assign":
                    fields = dict(unit)
                elif action == "return":
                    fields = {"reason": "Không thuộc thẩm quyền của đơn vị"}
                elif action == "cancel":
                    fields = {"reason": "Trùng với nhiệm vụ khác"}
                elif action == "report":
                    fields = {"percent": int(rng.integers(20, 90)), "note": "Đang xử lý"}
                elif action == "complete":
                    fields = {"note": "Đã xử lý xong", "position": tuple(task.area.representative_point().coords[0])}
                task = actor.transition(task.uuid, action, task.version, **fields)
        clock["t"] = build_time
        city.escalate_overdue(build_time)
        return len(picks)
    finally:
        for store in stores.values():
            store.close()


#: The demo's dispatch rules: (name, fields) in priority order.
DEMO_RULES = (
    ("sensor floods", {"source": "sensor", "category": "flooding", "unit": "department", "priority": 10}),
    ("camera detections", {"source": "camera", "priority": 20}),
    ("severe hotline calls", {"source": "hotline", "min_severity": 3, "action": "confirm", "unit": "department",
                              "priority": 30}),
    ("Phú Hội road damage", {"category": "road damage", "area": "Phú Hội", "priority": 40}),
    ("app requests", {"source": "open311", "min_severity": 2, "action": "confirm", "priority": 50}),
)


def add_demo_dispatch(path: str | os.PathLike[str], now: datetime | None = None, days: float = 7.0,
                      limit: int = 12) -> int:
    """Write :data:`DEMO_RULES` and let them dispatch (as on arrival) up to ``limit`` open incidents
    of the ``days`` before ``now`` that have no task yet; returns how many tasks they made."""
    from gisdesk.core.dispatch import DispatchRule, first_match
    from gisdesk.core.incidents import iso_utc
    from gisdesk.store.dispatch_store import DispatchStore, dispatch_incident

    now = now or utc_now()
    with DispatchStore(path, "dispatcher") as store:
        rules = [store.save(DispatchRule(None, name, **fields)) for name, fields in DEMO_RULES]
        cur = store.conn.execute(
            "SELECT uuid, channel, category, severity, commune, reported_at FROM incidents WHERE status IN "
            "('new', 'assigned', 'in_progress') AND reported_at >= ? AND reported_at < ? AND uuid NOT IN "
            "(SELECT incident_uuid FROM tasks WHERE incident_uuid IS NOT NULL) ORDER BY reported_at, fid",
            (iso_utc(now - timedelta(days=days)), iso_utc(now)))
        rows = [dict(zip([d[0] for d in cur.description], r)) for r in cur]
        taken = [r for r, k in zip(rows, first_match(rules, rows)) if k >= 0][:limit]
        for r in taken:
            arrived = min(datetime.fromisoformat(r["reported_at"].replace("Z", "+00:00")) + timedelta(minutes=1), now)
            dispatch_incident(store.conn, r["uuid"], rules, now=lambda t=arrived: t)
    return len(taken)


def add_demo_callbacks(path: str | os.PathLike[str], seed: int = 7, now: datetime | None = None) -> int:
    """Call back the reporters of most closed demo tasks, a few hours after each was verified (and mark
    the dispatcher's notifications older than three days read); returns how many callbacks were written."""
    from gisdesk.core.incidents import iso_utc
    from gisdesk.store.tasks_store import TaskStore

    rng = np.random.default_rng(seed + 707)
    now = now or utc_now()
    clock = {"t": now}
    with TaskStore(path, "dispatcher") as city:
        city._now = lambda: clock["t"]
        closed = sorted(city.tasks(state="closed"), key=lambda t: (t.closed_at, t.uuid))
        results = rng.choice(["satisfied", "partly", "not_satisfied", "not_reached"], size=len(closed),
                             p=[0.72, 0.12, 0.08, 0.08])
        delays = rng.uniform(1, 20, size=len(closed))
        written = 0
        for task, result, hours in zip(closed, results, delays):
            clock["t"] = min(task.closed_at + timedelta(hours=float(hours)), now - timedelta(minutes=1))
            note = {"satisfied": "Người dân hài lòng", "partly": "Còn một phần chưa xử lý",
                    "not_satisfied": "Chưa hài lòng", "not_reached": "Không liên lạc được"}[str(result)]
            city.record_callback(task.uuid, str(result), note)
            written += 1
        clock["t"] = now  # the dispatcher has read what came before the last three days
        city.mark_read([n["id"] for n in city.notifications(limit=10_000)
                        if n["at"] < iso_utc(now - timedelta(days=3))])
    return written
