"""The access policy, row by row of the table in :mod:`gisdesk.core.access` (expected cells written by hand).

Every cell names the users who may take the action; everyone else must be refused with
a one-line reason. The users are the demo city's: a viewer, two commune officers, two
department officers, the dispatcher, the administrator, and a deactivated administrator.
"""

from __future__ import annotations

import pytest

from gisdesk.core import access
from gisdesk.core.access import RowFilter, decide, read_filter, require
from gisdesk.core.users import PermissionDenied, User

PH, VN = "Phú Hội", "Vĩnh Ninh"
XD, MT = "Sở Xây dựng", "Công ty Môi trường và Công trình đô thị"
USERS = {
    "viewer": User("viewer", "Viewer", "viewer"),
    "phu_hoi": User("phu_hoi", "Officer Phú Hội", "commune_officer", commune=PH),
    "vinh_ninh": User("vinh_ninh", "Officer Vĩnh Ninh", "commune_officer", commune=VN),
    "xaydung": User("xaydung", "Officer Xây dựng", "department_officer", department=XD),
    "moitruong": User("moitruong", "Officer Môi trường", "department_officer", department=MT),
    "dispatcher": User("dispatcher", "IOC", "city_dispatcher"),
    "admin": User("admin", "Admin", "administrator"),
    "gone": User("gone", "Former admin", "administrator", active=False),
}
EVERYONE = frozenset(USERS) - {"gone"}
CITY = frozenset({"dispatcher", "admin"})
NOBODY: frozenset[str] = frozenset()

# records: an incident of Phú Hội routed to Xây dựng, one of Vĩnh Ninh routed to Môi trường
INC_PH = {"commune": PH, "department": XD}
INC_VN = {"commune": VN, "department": MT}
TASK_PH = {"commune": PH, "department": None}
TASK_XD = {"commune": None, "department": XD}
Q_CITY = {"commune": PH, "to_department": None}  # Phú Hội asks the city
Q_XD = {"commune": PH, "to_department": XD}  # Phú Hội asks Xây dựng
N_PH = {"to_role": None, "commune": PH, "department": None}
N_XD = {"to_role": None, "commune": None, "department": XD}
N_CITY = {"to_role": "city_dispatcher", "commune": None, "department": None}

# (kind, action, record, who may) -- one line per cell of the docstring's table
CELLS = [
    # incidents, their shapes and attachments
    *[(kind, action, rec, who) for kind in ("incident", "incident_shape", "attachment") for action, rec, who in (
        ("read", INC_PH, {"viewer", "phu_hoi", "xaydung", "dispatcher", "admin"}),
        ("read", INC_VN, {"viewer", "vinh_ninh", "moitruong", "dispatcher", "admin"}),
        ("create", None, {"phu_hoi", "vinh_ninh", "xaydung", "moitruong", "dispatcher", "admin"}),
        ("create", INC_VN, {"phu_hoi", "vinh_ninh", "xaydung", "moitruong", "dispatcher", "admin"}),  # anywhere
        ("edit", INC_PH, {"phu_hoi", "xaydung", "dispatcher", "admin"}),
        ("edit", INC_VN, {"vinh_ninh", "moitruong", "dispatcher", "admin"}),
        ("change_status", INC_PH, {"phu_hoi", "xaydung", "dispatcher", "admin"}),
        ("change_status", INC_VN, {"vinh_ninh", "moitruong", "dispatcher", "admin"}),
        ("delete", INC_PH, {"phu_hoi", "xaydung", "dispatcher", "admin"}),
        ("delete", INC_VN, {"vinh_ninh", "moitruong", "dispatcher", "admin"}),
        ("reroute", INC_PH, CITY),
        ("import", INC_PH, NOBODY), ("restyle", INC_PH, NOBODY), ("administer", INC_PH, NOBODY))],
    # tasks
    ("task", "read", TASK_PH, {"viewer", "phu_hoi", "dispatcher", "admin"}),
    ("task", "read", TASK_XD, {"viewer", "xaydung", "dispatcher", "admin"}),
    ("task", "create", None, CITY),
    ("task", "reroute", TASK_PH, CITY),
    ("task", "change_status", {**TASK_PH, "actor": "assignee"}, {"phu_hoi"}),
    ("task", "change_status", {**TASK_XD, "actor": "assignee"}, {"xaydung"}),
    ("task", "change_status", {**TASK_PH, "actor": "city"}, CITY),
    ("task", "change_status", {**TASK_XD, "actor": "city"}, CITY),
    ("task", "change_status", None, {"phu_hoi", "vinh_ninh", "xaydung", "moitruong", "dispatcher", "admin"}),
    ("task", "edit", TASK_PH, {"phu_hoi", "dispatcher", "admin"}),  # attachments and reports
    ("task", "edit", TASK_XD, {"xaydung", "dispatcher", "admin"}),
    ("task", "delete", TASK_PH, NOBODY),  # never deleted: the city cancels
    # questions
    ("question", "read", Q_CITY, {"viewer", "phu_hoi", "dispatcher", "admin"}),
    ("question", "read", Q_XD, {"viewer", "phu_hoi", "xaydung", "dispatcher", "admin"}),
    ("question", "create", {"commune": PH}, {"phu_hoi"}),
    ("question", "create", None, {"phu_hoi", "vinh_ninh"}),
    ("question", "edit", Q_CITY, {"phu_hoi", "dispatcher", "admin"}),
    ("question", "edit", Q_XD, {"phu_hoi", "xaydung", "dispatcher", "admin"}),
    ("question", "change_status", Q_CITY, {"phu_hoi", "dispatcher", "admin"}),
    ("question", "change_status", Q_XD, {"phu_hoi", "dispatcher", "admin"}),
    ("question", "delete", Q_CITY, NOBODY),
    # notifications
    ("notification", "read", N_PH, {"phu_hoi"}),
    ("notification", "read", N_XD, {"xaydung"}),
    ("notification", "read", N_CITY, CITY),
    ("notification", "edit", N_PH, {"phu_hoi"}),
    ("notification", "edit", N_CITY, CITY),
    ("notification", "delete", N_PH, NOBODY),
    # reference data
    ("layer", "read", None, EVERYONE),
    ("layer", "import", None, CITY),
    ("layer", "delete", None, CITY),
    ("style", "read", None, EVERYONE),
    ("style", "restyle", None, CITY),
    ("routing_rule", "read", None, EVERYONE),
    ("routing_rule", "edit", None, CITY),
    # accounts
    ("user", "read", {"username": "phu_hoi"}, {"phu_hoi", "admin"}),
    ("user", "read", {"username": "dispatcher"}, {"dispatcher", "admin"}),
    ("user", "administer", None, {"admin"}),
    ("user", "edit", {"username": "phu_hoi"}, {"admin"}),
]


@pytest.mark.parametrize("kind, action, record, allowed", CELLS,
                         ids=[f"{k}-{a}-{i}" for i, (k, a, _, _) in enumerate(CELLS)])
def test_every_cell_of_the_table(kind, action, record, allowed):
    got = {name for name, user in USERS.items() if decide(user, action, kind, record).allowed}
    assert got == set(allowed)
    for name in set(USERS) - set(allowed):
        d = decide(USERS[name], action, kind, record)
        assert not d and d.reason and "\n" not in d.reason, (name, d)
        with pytest.raises(PermissionDenied, match=".+"):
            require(USERS[name], action, kind, record)
    for name in allowed:
        require(USERS[name], action, kind, record)  # no exception


# read filters: what each store query applies, by hand
FILTERS = {
    ("viewer", "incident"): RowFilter("all"), ("viewer", "task"): RowFilter("all"),
    ("viewer", "question"): RowFilter("all"), ("viewer", "notification"): RowFilter("none"),
    ("viewer", "user"): RowFilter("eq", "username", "viewer"),
    ("phu_hoi", "incident"): RowFilter("eq", "commune", PH), ("phu_hoi", "task"): RowFilter("eq", "commune", PH),
    ("phu_hoi", "attachment"): RowFilter("eq", "commune", PH),
    ("phu_hoi", "question"): RowFilter("eq", "commune", PH),
    ("phu_hoi", "notification"): RowFilter("eq", "commune", PH),
    ("phu_hoi", "user"): RowFilter("eq", "username", "phu_hoi"),
    ("xaydung", "incident"): RowFilter("eq", "department", XD), ("xaydung", "task"): RowFilter("eq", "department", XD),
    ("xaydung", "question"): RowFilter("eq", "to_department", XD),
    ("xaydung", "notification"): RowFilter("eq", "department", XD),
    ("dispatcher", "incident"): RowFilter("all"), ("dispatcher", "task"): RowFilter("all"),
    ("dispatcher", "question"): RowFilter("all"),
    ("dispatcher", "notification"): RowFilter("eq", "to_role", "city_dispatcher"),
    ("dispatcher", "user"): RowFilter("eq", "username", "dispatcher"),
    ("admin", "notification"): RowFilter("eq", "to_role", "city_dispatcher"), ("admin", "user"): RowFilter("all"),
    **{(who, kind): RowFilter("all") for who in ("viewer", "phu_hoi", "xaydung", "dispatcher")
       for kind in ("layer", "style", "routing_rule")},
}


@pytest.mark.parametrize("who, kind", list(FILTERS), ids=[f"{w}-{k}" for w, k in FILTERS])
def test_read_filters(who, kind):
    assert read_filter(USERS[who], kind) == FILTERS[(who, kind)]


@pytest.mark.parametrize("kind", access.KINDS)
def test_a_deactivated_account_reads_nothing_and_does_nothing(kind):
    gone = USERS["gone"]
    assert read_filter(gone, kind).nothing
    for action in access.ACTIONS:
        d = decide(gone, action, kind, {"commune": PH})
        assert not d and "deactivated" in d.reason


def test_row_filters_match_records():
    own = read_filter(USERS["phu_hoi"], "task")
    assert own.matches(TASK_PH) and not own.matches({"commune": VN}) and not own.matches({"commune": None})
    assert not own.matches({})  # a row without the column is not theirs
    assert RowFilter("all").matches({}) and not RowFilter("none").matches(TASK_PH)


def test_question_sides():
    assert [n for n, u in USERS.items() if access.answers_side(u, Q_XD)] == ["xaydung", "dispatcher", "admin"]
    assert [n for n, u in USERS.items() if access.answers_side(u, Q_CITY)] == ["dispatcher", "admin"]
    assert [n for n, u in USERS.items() if access.asks(u, Q_XD)] == ["phu_hoi"]


def test_holds_is_the_assigned_unit_only():
    assert [n for n, u in USERS.items() if access.holds(u, TASK_PH)] == ["phu_hoi"]
    assert [n for n, u in USERS.items() if access.holds(u, TASK_XD)] == ["xaydung"]
    assert not any(access.holds(u, {"commune": None, "department": None}) for u in USERS.values())


def test_unknown_kinds_and_actions_are_errors_not_refusals():
    with pytest.raises(ValueError, match="unknown kind"):
        decide(USERS["admin"], "read", "spaceship")
    with pytest.raises(ValueError, match="unknown action"):
        decide(USERS["admin"], "launch", "task")
    with pytest.raises(ValueError, match="unknown kind"):
        read_filter(USERS["admin"], "spaceship")


def test_reasons_name_the_user_and_the_owner():
    d = decide(USERS["phu_hoi"], "edit", "incident", INC_VN)
    assert "phu_hoi" in d.reason and VN in d.reason
    d = decide(USERS["phu_hoi"], "read", "task", {"commune": VN})
    assert "cannot see" in d.reason and VN in d.reason
    assert "may look but not change" in decide(USERS["viewer"], "edit", "incident", INC_PH).reason
