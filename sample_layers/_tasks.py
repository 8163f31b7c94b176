"""Demo users and tasks for the demo city, written through the real user and task stores.

Users (password :data:`DEMO_PASSWORD` for all): ``admin`` (administrator),
``dispatcher`` (city dispatcher), ``viewer``, one commune officer for each commune in
:data:`DEMO_COMMUNES` named after it (``phu_hoi``, ``vinh_ninh``, ``thuan_hoa``, ``tay_loc``,
``dong_ba``), and the department officers ``moitruong`` and ``xaydung``.

Tasks: :data:`DEMO_TASKS` tasks made from recent incidents of those communes and
departments, each taken through a deterministic (by ``seed``) part of the workflow over
the 30 days before the build: closed on time or late, done and waiting for verification,
in progress, accepted, assigned (some overdue and escalated), returned, new, cancelled.
Times are relative to when the demo is built, so the inbox shows overdue work.
"""

from __future__ import annotations

import os
from datetime import timedelta

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
                   n: int = DEMO_TASKS) -> int:
    """Write ``n`` demo tasks with their whole history; returns how many were written."""
    from gisdesk.store.tasks_store import TaskStore

    rng = np.random.default_rng(seed + 606)
    build_time = utc_now()
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
        city.escalate_overdue()
        return len(picks)
    finally:
        for store in stores.values():
            store.close()
