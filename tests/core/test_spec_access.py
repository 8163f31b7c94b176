"""The access policy against its specification, written out by hand (issue 12, item 1, and the
table in the docstring of :mod:`gisdesk.core.access`).

Every expected answer below is copied from the rule in words, never from the policy's own tables:
a viewer changes nothing; a commune officer reads and changes the cases of their own commune (and
creates new ones anywhere); a department officer works on its department's cases city-wide; the
dispatcher and the administrator everything; a deactivated account reads nothing and does nothing.
Mutation testing (``reliability/mutation.sh access``) checks that these tests catch a wrong rule.
"""

from __future__ import annotations

import pytest

from gisdesk.core.access import (
    CASE_LAYERS,
    Decision,
    RowFilter,
    answers_side,
    asks,
    decide,
    holds,
    may_read,
    read_filter,
    require,
)
from gisdesk.core.users import PermissionDenied, User

VIEWER = User("viewer", "Viewer", "viewer")
PHU_HOI = User("phu_hoi", "Officer Phú Hội", "commune_officer", commune="Phú Hội")
XAY_DUNG = User("xaydung", "Officer Xây dựng", "department_officer", department="Sở Xây dựng")
DISPATCHER = User("dispatcher", "IOC", "city_dispatcher")
ADMIN = User("admin", "Admin", "administrator")
GONE_OFFICER = User("old_phu_hoi", "Former officer", "commune_officer", commune="Phú Hội", active=False)
GONE_ADMIN = User("old_admin", "Former admin", "administrator", active=False)
#: Malformed accounts (a role without its unit): they answer for nothing.
NO_COMMUNE = User("nobody", "No commune", "commune_officer")
NO_DEPARTMENT = User("nodept", "No department", "department_officer")

#: A case of Phú Hội routed to Sở Xây dựng, and one of another commune and another department.
OWN = {"commune": "Phú Hội", "department": "Sở Xây dựng", "to_department": "Sở Xây dựng"}
OTHER = {"commune": "Vĩnh Ninh", "department": "Công an thành phố", "to_department": "Công an thành phố"}
CASES = ("incident", "incident_shape", "attachment")
CITY = (DISPATCHER, ADMIN)
EVERY_KIND = ("incident", "incident_shape", "attachment", "task", "question", "notification", "layer", "style",
              "routing_rule", "user")
EVERY_ACTION = ("read", "create", "edit", "change_status", "reroute", "delete", "import", "restyle", "administer")


def allowed(user, action, kind, record=None) -> bool:
    decision = decide(user, action, kind, record)
    assert isinstance(decision, Decision)
    assert bool(decision) is decision.allowed
    if decision.allowed:
        assert decision.reason == ""
    else:
        assert decision.reason.strip(), "a refusal says why"
    return decision.allowed


def reason(user, action, kind, record=None) -> str:
    decision = decide(user, action, kind, record)
    assert not decision.allowed
    return decision.reason


# --- read filters ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("kind", ["incident", "incident_shape", "attachment", "task", "question"])
def test_viewer_and_city_read_every_case(kind):
    for user in (VIEWER, DISPATCHER, ADMIN):
        f = read_filter(user, kind)
        assert f == RowFilter("all") and f.everything and not f.nothing


@pytest.mark.parametrize("kind", ["incident", "incident_shape", "attachment", "task", "question", "notification"])
def test_commune_officer_reads_own_commune_only(kind):
    f = read_filter(PHU_HOI, kind)
    assert f == RowFilter("eq", "commune", "Phú Hội")
    assert not f.everything and not f.nothing
    assert f.matches(OWN) and not f.matches(OTHER)
    assert not f.matches({"commune": None}) and not f.matches({})


@pytest.mark.parametrize("kind", ["incident", "incident_shape", "attachment", "task", "notification"])
def test_department_officer_reads_own_department_city_wide(kind):
    assert read_filter(XAY_DUNG, kind) == RowFilter("eq", "department", "Sở Xây dựng")


def test_department_officer_reads_the_questions_addressed_to_it():
    f = read_filter(XAY_DUNG, "question")
    assert f == RowFilter("eq", "to_department", "Sở Xây dựng")
    assert not f.matches({"department": "Sở Xây dựng", "to_department": None})


@pytest.mark.parametrize("kind", ["layer", "style", "routing_rule"])
@pytest.mark.parametrize("user", [VIEWER, PHU_HOI, XAY_DUNG, DISPATCHER, ADMIN])
def test_reference_data_is_read_by_everybody(user, kind):
    assert read_filter(user, kind).everything
    assert allowed(user, "read", kind, {"name": "flood_extents"})


def test_notifications_go_to_their_unit_and_the_city_reads_the_citys():
    assert read_filter(VIEWER, "notification").nothing
    assert not allowed(VIEWER, "read", "notification")
    for user in CITY:
        assert read_filter(user, "notification") == RowFilter("eq", "to_role", "city_dispatcher")
    assert read_filter(NO_COMMUNE, "notification").nothing


@pytest.mark.parametrize("user", [VIEWER, PHU_HOI, XAY_DUNG, DISPATCHER])
def test_users_read_only_themselves(user):
    f = read_filter(user, "user")
    assert f == RowFilter("eq", "username", user.username)
    assert allowed(user, "read", "user", {"username": user.username})
    assert not allowed(user, "read", "user", {"username": "someone_else"})


def test_the_administrator_reads_every_account():
    assert read_filter(ADMIN, "user").everything
    assert allowed(ADMIN, "read", "user", {"username": "someone_else"})


def test_a_deactivated_account_reads_nothing():
    for kind in EVERY_KIND:
        for user in (GONE_OFFICER, GONE_ADMIN):
            assert read_filter(user, kind).nothing
            assert not read_filter(user, kind).matches(OWN)
            assert "deactivated" in reason(user, "read", kind, OWN)


def test_a_deactivated_account_does_nothing():
    for kind in EVERY_KIND:
        for action in EVERY_ACTION:
            for user in (GONE_OFFICER, GONE_ADMIN):
                text = reason(user, action, kind, OWN)
                assert "deactivated" in text and user.username in text
    assert not holds(GONE_OFFICER, OWN)
    assert not asks(GONE_OFFICER, OWN)
    assert not answers_side(GONE_ADMIN, OWN)


@pytest.mark.parametrize("kind", ["incident", "task", "question"])
def test_an_officer_without_a_unit_reads_no_case(kind):
    assert read_filter(NO_COMMUNE, kind).nothing
    assert read_filter(NO_DEPARTMENT, kind).nothing
    assert "cannot read" in reason(NO_COMMUNE, "read", kind)


def test_row_filter_matching():
    eq = RowFilter("eq", "commune", "A")
    assert eq.matches({"commune": "A"}) and not eq.matches({"commune": "B"}) and not eq.matches({"commune": None})
    assert not RowFilter("eq", None, None).matches({"commune": None})
    assert RowFilter("all").matches({}) and not RowFilter("none").matches({"commune": "A"})
    assert RowFilter("none").nothing and not RowFilter("none").everything
    assert RowFilter("eq", "c", "v").column == "c" and RowFilter("all").column is None


def test_unknown_kinds_and_actions_are_errors_not_answers():
    with pytest.raises(ValueError, match="parcel"):
        read_filter(PHU_HOI, "parcel")
    with pytest.raises(ValueError, match="parcel"):
        decide(ADMIN, "read", "parcel")
    with pytest.raises(ValueError, match="teleport"):
        decide(ADMIN, "teleport", "incident")
    for kind in EVERY_KIND:  # every kind of the table is known, to every action
        for action in EVERY_ACTION:
            decide(ADMIN, action, kind, OWN)


# --- reading one record -------------------------------------------------------------------------------------


def test_reading_one_case():
    assert allowed(PHU_HOI, "read", "incident", OWN)
    assert may_read(PHU_HOI, "incident", OWN) and not may_read(PHU_HOI, "incident", OTHER)
    text = reason(PHU_HOI, "read", "incident", OTHER)
    assert "phu_hoi" in text and "Vĩnh Ninh" in text and "incident" in text
    assert "incident shape" in reason(PHU_HOI, "read", "incident_shape", OTHER)
    assert allowed(PHU_HOI, "read", "incident")  # some incident: yes (the menus)
    assert allowed(XAY_DUNG, "read", "task", OWN) and not allowed(XAY_DUNG, "read", "task", OTHER)
    assert allowed(VIEWER, "read", "task", OTHER)


def test_a_refusal_names_who_asked_in_words():
    assert "phu_hoi (commune officer of Phú Hội)" in reason(PHU_HOI, "edit", "incident", OTHER)
    assert "xaydung (department officer of Sở Xây dựng)" in reason(XAY_DUNG, "edit", "incident", OTHER)
    assert "viewer (viewer)" in reason(VIEWER, "edit", "incident", OWN)
    assert "dispatcher (city dispatcher)" in reason(DISPATCHER, "administer", "user")


def test_the_owner_named_in_a_refusal():
    assert reason(PHU_HOI, "read", "incident", {"commune": "Vĩnh Ninh"}).endswith("belongs to Vĩnh Ninh")
    assert reason(PHU_HOI, "read", "incident", {"department": "Sở Y tế"}).endswith("belongs to Sở Y tế")
    assert reason(XAY_DUNG, "read", "question", {"to_department": "Sở Y tế"}).endswith("belongs to Sở Y tế")
    assert reason(PHU_HOI, "read", "incident", {"commune": None}).endswith("belongs to the city")


# --- incidents, their shapes and attachments ------------------------------------------------------------------


@pytest.mark.parametrize("kind", CASES)
@pytest.mark.parametrize("action", ["create", "edit", "change_status", "reroute", "delete"])
def test_a_viewer_changes_no_case(kind, action):
    for record in (None, OWN, OTHER):
        assert "may look but not change anything" in reason(VIEWER, action, kind, record)


@pytest.mark.parametrize("kind", CASES)
@pytest.mark.parametrize("action", ["create", "edit", "change_status", "reroute", "delete"])
def test_the_city_changes_every_case(kind, action):
    for user in CITY:
        for record in (None, OWN, OTHER):
            assert allowed(user, action, kind, record)


@pytest.mark.parametrize("kind", CASES)
def test_officers_create_cases_anywhere(kind):
    for user in (PHU_HOI, XAY_DUNG):
        for record in (None, OWN, OTHER):
            assert allowed(user, "create", kind, record)


@pytest.mark.parametrize("kind", CASES)
@pytest.mark.parametrize("action", ["edit", "change_status", "delete"])
def test_officers_change_the_cases_of_their_own_unit_only(kind, action):
    for user in (PHU_HOI, XAY_DUNG):
        assert allowed(user, action, kind, OWN)
        assert allowed(user, action, kind)  # some case (menus): yes
        assert not allowed(user, action, kind, OTHER)
    assert not allowed(PHU_HOI, action, kind, {"commune": "Vĩnh Ninh", "department": "Sở Xây dựng"})
    assert allowed(XAY_DUNG, action, kind, {"commune": "Vĩnh Ninh", "department": "Sở Xây dựng"})
    assert not allowed(NO_COMMUNE, action, kind, OWN)


def test_an_officers_refusal_says_whose_case_it_is():
    text = reason(PHU_HOI, "change_status", "incident", OTHER)
    assert text == ("phu_hoi (commune officer of Phú Hội) may change the status of only the incidents of Phú Hội; "
                    "this one belongs to Vĩnh Ninh")
    assert "may delete only the incident shapes of Phú Hội" in reason(PHU_HOI, "delete", "incident_shape", OTHER)
    assert "may edit only the attachments of Sở Xây dựng" in reason(XAY_DUNG, "edit", "attachment", OTHER)
    assert "cannot edit incidents" in reason(NO_COMMUNE, "edit", "incident", OWN)


@pytest.mark.parametrize("kind", CASES)
def test_only_the_city_reroutes_a_case(kind):
    for user in (PHU_HOI, XAY_DUNG):
        for record in (None, OWN, OTHER):
            text = reason(user, "reroute", kind, record)
            assert "only the city" in text and user.username in text


@pytest.mark.parametrize("action", ["import", "restyle", "administer"])
@pytest.mark.parametrize("kind", CASES + ("task", "question"))
def test_actions_outside_the_table_are_refused_to_officers(kind, action):
    for user in (PHU_HOI, XAY_DUNG):
        text = reason(user, action, kind, OWN)
        assert action in text


# --- tasks ---------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("action", ["create", "reroute"])
def test_only_the_city_creates_and_reroutes_tasks(action):
    for user in CITY:
        assert allowed(user, action, "task", OWN)
    for user in (PHU_HOI, XAY_DUNG):
        text = reason(user, action, "task", OWN)
        assert "only the city" in text and user.username in text
    assert "create tasks" in reason(PHU_HOI, "create", "task", OWN)
    assert "re-route tasks" in reason(PHU_HOI, "reroute", "task", OWN)
    assert "may look but not change" in reason(VIEWER, action, "task", OWN)


def test_tasks_are_never_deleted():
    for user in (DISPATCHER, ADMIN, PHU_HOI, XAY_DUNG, VIEWER):
        assert not allowed(user, "delete", "task", OWN)
    assert "cancel" in reason(DISPATCHER, "delete", "task", OWN)


def test_a_citys_transition_is_the_citys():
    step = dict(OWN, actor="city")
    for user in CITY:
        assert allowed(user, "change_status", "task", step)
    for user in (PHU_HOI, XAY_DUNG):  # even on the officer's own task
        text = reason(user, "change_status", "task", step)
        assert "only the city" in text and user.username in text


def test_an_assignees_transition_is_the_assigned_units():
    step = dict(OWN, actor="assignee")
    assert allowed(PHU_HOI, "change_status", "task", step)
    assert allowed(XAY_DUNG, "change_status", "task", step)
    other = dict(OTHER, actor="assignee")
    text = reason(PHU_HOI, "change_status", "task", other)
    assert "only the officers of Vĩnh Ninh" in text and "phu_hoi" in text
    for user in CITY:  # the city takes its own transitions, not the assignee's
        assert not allowed(user, "change_status", "task", step)
    assert not allowed(NO_COMMUNE, "change_status", "task", {"commune": None, "actor": "assignee"})


def test_some_transition_for_the_menus():
    for user in (PHU_HOI, XAY_DUNG, DISPATCHER, ADMIN):
        assert allowed(user, "change_status", "task")
    assert "works on no tasks" in reason(NO_COMMUNE, "change_status", "task")
    assert not allowed(VIEWER, "change_status", "task")


def test_reports_and_attachments_on_tasks():
    for user in CITY:
        assert allowed(user, "edit", "task", OTHER)
    assert allowed(PHU_HOI, "edit", "task", OWN) and not allowed(PHU_HOI, "edit", "task", OTHER)
    assert allowed(XAY_DUNG, "edit", "task", OWN) and not allowed(XAY_DUNG, "edit", "task", OTHER)
    assert "only the tasks of Phú Hội" in reason(PHU_HOI, "edit", "task", OTHER)


def test_holding_a_task():
    assert holds(PHU_HOI, OWN) and not holds(PHU_HOI, OTHER)
    assert not holds(PHU_HOI, {"commune": None}) and not holds(NO_COMMUNE, {"commune": None})
    assert holds(XAY_DUNG, {"department": "Sở Xây dựng"}) and not holds(XAY_DUNG, {"department": None})
    assert holds(XAY_DUNG, {"commune": "Phú Hội", "department": "Sở Xây dựng"})
    for user in (VIEWER, DISPATCHER, ADMIN):  # the city assigns tasks; it holds none
        assert not holds(user, OWN)
    assert holds(PHU_HOI, OWN) is True and holds(VIEWER, OWN) is False


# --- questions -----------------------------------------------------------------------------------------------


def test_a_commune_officer_asks_for_their_own_commune():
    assert allowed(PHU_HOI, "create", "question", OWN)
    assert allowed(PHU_HOI, "create", "question")
    text = reason(PHU_HOI, "create", "question", OTHER)
    assert "only a commune officer asks questions" in text and "phu_hoi" in text
    for user in (XAY_DUNG, DISPATCHER, ADMIN):  # the answering side does not ask
        assert not allowed(user, "create", "question", OWN)
        assert not allowed(user, "create", "question")
    assert not allowed(VIEWER, "create", "question", OWN)


def test_who_replies_in_a_thread():
    assert allowed(PHU_HOI, "edit", "question", OWN)  # the asking commune
    assert not allowed(PHU_HOI, "edit", "question", OTHER)
    assert allowed(XAY_DUNG, "edit", "question", OWN)  # addressed to its department
    assert allowed(XAY_DUNG, "edit", "question")
    assert not allowed(XAY_DUNG, "edit", "question", {"commune": "Phú Hội", "department": "Sở Xây dựng",
                                                       "to_department": "Sở Y tế"})
    text = reason(XAY_DUNG, "edit", "question", OTHER)
    assert "neither the asking commune nor the side that answers" in text and "xaydung" in text
    for user in CITY:
        assert allowed(user, "edit", "question", OTHER)
    assert not allowed(VIEWER, "edit", "question", OWN)


def test_who_closes_a_question():
    assert allowed(PHU_HOI, "change_status", "question", OWN)
    assert "only Vĩnh Ninh or the city may close" in reason(PHU_HOI, "change_status", "question", OTHER)
    assert not allowed(XAY_DUNG, "change_status", "question", OWN)  # the department answers, does not close
    assert "only the asking commune or the city" in reason(XAY_DUNG, "change_status", "question")
    for user in CITY:
        assert allowed(user, "change_status", "question", OTHER)


@pytest.mark.parametrize("action", ["delete", "reroute"])
def test_questions_are_not_deleted_or_rerouted_by_officers(action):
    for user in (PHU_HOI, XAY_DUNG):
        text = reason(user, action, "question", OWN)
        assert "questions cannot be" in text and user.username in text
    assert "re-routed" in reason(PHU_HOI, "reroute", "question", OWN)
    assert "deleted" in reason(PHU_HOI, "delete", "question", OWN)


def test_the_sides_of_a_question():
    question = {"commune": "Phú Hội", "to_department": "Sở Xây dựng"}
    assert asks(PHU_HOI, question) and not asks(PHU_HOI, {"commune": "Vĩnh Ninh"})
    assert not asks(XAY_DUNG, question) and not asks(DISPATCHER, question) and not asks(VIEWER, question)
    assert answers_side(XAY_DUNG, question) and not answers_side(XAY_DUNG, {"to_department": "Sở Y tế"})
    assert answers_side(DISPATCHER, question) and answers_side(ADMIN, {"to_department": None})
    assert not answers_side(PHU_HOI, question) and not answers_side(VIEWER, question)
    assert not answers_side(User("x", "X", "commune_officer", department="Sở Xây dựng"), question)


# --- notifications ---------------------------------------------------------------------------------------------


def test_marking_ones_own_notifications_read():
    assert allowed(PHU_HOI, "edit", "notification", {"commune": "Phú Hội"})
    assert allowed(PHU_HOI, "edit", "notification")
    text = reason(PHU_HOI, "edit", "notification", {"commune": "Vĩnh Ninh"})
    assert "cannot change this notification" in text and "phu_hoi" in text
    assert allowed(DISPATCHER, "edit", "notification", {"to_role": "city_dispatcher"})
    assert not allowed(DISPATCHER, "edit", "notification", {"commune": "Phú Hội", "to_role": None})
    assert not allowed(VIEWER, "edit", "notification")


@pytest.mark.parametrize("action", ["create", "change_status", "delete", "reroute"])
def test_notifications_are_only_marked_read(action):
    for user in (PHU_HOI, XAY_DUNG, DISPATCHER, ADMIN):
        assert not allowed(user, action, "notification", {"commune": "Phú Hội", "department": "Sở Xây dựng",
                                                           "to_role": "city_dispatcher"})


# --- layers, styles, routing rules, accounts ---------------------------------------------------------------------


@pytest.mark.parametrize("kind, action, words", [
    ("layer", "import", "add or remove layers of the shared workspace"),
    ("layer", "delete", "add or remove layers of the shared workspace"),
    ("style", "restyle", "save styles for everyone"),
    ("routing_rule", "edit", "change the routing rules"),
])
def test_only_the_city_changes_the_shared_reference_data(kind, action, words):
    for user in CITY:
        assert allowed(user, action, kind)
    for user in (PHU_HOI, XAY_DUNG):
        text = reason(user, action, kind)
        assert text.startswith("only the city (dispatcher or administrator) may " + words)
        assert user.username in text
    assert not allowed(VIEWER, action, kind)


def test_only_the_administrator_manages_accounts():
    assert allowed(ADMIN, "administer", "user", {"username": "phu_hoi"})
    assert allowed(ADMIN, "edit", "user", {"username": "phu_hoi"})
    for user in (DISPATCHER, PHU_HOI, XAY_DUNG):
        assert "only an administrator manages accounts" in reason(user, "administer", "user")
        assert "only an administrator changes accounts" in reason(user, "edit", "user", {"username": user.username})
    assert not allowed(VIEWER, "administer", "user")


# --- require -----------------------------------------------------------------------------------------------------


def test_require_raises_with_the_reason_and_passes_silently():
    assert require(PHU_HOI, "edit", "incident", OWN) is None
    with pytest.raises(PermissionDenied) as caught:
        require(PHU_HOI, "edit", "incident", OTHER)
    assert str(caught.value) == decide(PHU_HOI, "edit", "incident", OTHER).reason
    assert "Vĩnh Ninh" in str(caught.value)


def test_the_incident_tables_hold_case_rows():
    # README: points live in `incidents`; lines and areas keep their shapes in `incident_lines`/`incident_areas`
    assert CASE_LAYERS["incidents"] == "incident"
    assert CASE_LAYERS["incident_lines"] == "incident_shape" and CASE_LAYERS["incident_areas"] == "incident_shape"
    assert "flood_extents" not in CASE_LAYERS


def test_case_kinds_are_the_ones_filtered_per_row():
    # "kinds whose rows belong to a commune or a department (read filtered per row)"
    from gisdesk.core.access import CASE_KINDS

    # a reporter's callback (issue 17) belongs to the case it is about, like the others
    assert CASE_KINDS == {"incident", "incident_shape", "attachment", "task", "question", "notification", "callback",
                          "conflict"}  # a sync conflict belongs to the case it is about (issue 14)
    for kind in CASE_KINDS:
        assert read_filter(PHU_HOI, kind).mode == "eq"
    assert CASE_LAYERS["incident_shapes"] == "incident_shape"


def test_answers_are_values():
    # a decision or a filter can be kept, compared and used as a key, never changed after the policy gave it
    import dataclasses

    with pytest.raises(dataclasses.FrozenInstanceError):
        decide(PHU_HOI, "edit", "incident", OTHER).allowed = True
    with pytest.raises(dataclasses.FrozenInstanceError):
        read_filter(PHU_HOI, "incident").value = "Vĩnh Ninh"
    assert len({read_filter(PHU_HOI, "incident"), read_filter(PHU_HOI, "task")}) == 1
    assert Decision(True) == Decision(True, "") and Decision(False, "x").reason == "x"
    assert RowFilter("eq", "commune").value is None and RowFilter("eq").column is None


# --- what a refused user reads, word for word --------------------------------------------------------------------

PHU = "phu_hoi (commune officer of Phú Hội)"
XD = "xaydung (department officer of Sở Xây dựng)"
CITY_ONLY = "only the city (dispatcher or administrator) may"


@pytest.mark.parametrize("user, action, kind, record, words", [
    (GONE_OFFICER, "edit", "incident", OWN, "the account old_phu_hoi is deactivated"),
    (NO_COMMUNE, "read", "incident", None, "nobody (commune officer) cannot read incidents"),
    (PHU_HOI, "read", "incident", OTHER, f"{PHU} cannot see this incident: it belongs to Vĩnh Ninh"),
    (VIEWER, "delete", "incident", OWN, "viewer (viewer) may look but not change anything"),
    (DISPATCHER, "administer", "user", None, "only an administrator manages accounts; dispatcher (city dispatcher)"),
    (DISPATCHER, "edit", "user", None, "only an administrator changes accounts; dispatcher (city dispatcher)"),
    (PHU_HOI, "import", "layer", None, f"{CITY_ONLY} add or remove layers of the shared workspace; {PHU}"),
    (XAY_DUNG, "restyle", "style", None, f"{CITY_ONLY} save styles for everyone; {XD}"),
    (PHU_HOI, "edit", "routing_rule", None, f"{CITY_ONLY} change the routing rules; {PHU}"),
    (PHU_HOI, "edit", "notification", OTHER, f"{PHU} cannot change this notification"),
    (PHU_HOI, "import", "incident", OWN, "import does not apply to incidents"),
    (XAY_DUNG, "restyle", "incident_shape", OWN, "restyle does not apply to incident shapes"),
    (PHU_HOI, "reroute", "incident", OWN, f"{CITY_ONLY} send a case to another unit; {PHU}"),
    (PHU_HOI, "edit", "attachment", OTHER, f"{PHU} may edit only the attachments of Phú Hội; this one belongs to Vĩnh Ninh"),
    (NO_COMMUNE, "delete", "incident", OWN, "nobody (commune officer) cannot delete incidents"),
    (DISPATCHER, "delete", "task", OWN, "tasks are never deleted; the city cancels them"),
    (PHU_HOI, "create", "task", None, f"{CITY_ONLY} create tasks; {PHU}"),
    (XAY_DUNG, "reroute", "task", OWN, f"{CITY_ONLY} re-route tasks; {XD}"),
    (PHU_HOI, "change_status", "task", dict(OWN, actor="city"), f"{CITY_ONLY} take this step; {PHU}"),
    (NO_COMMUNE, "change_status", "task", None, "nobody (commune officer) works on no tasks"),
    (PHU_HOI, "change_status", "task", dict(OTHER, actor="assignee"),
     f"only the officers of Vĩnh Ninh may take this step; {PHU}"),
    (XAY_DUNG, "create", "question", None, f"only a commune officer asks questions, for their own commune; {XD}"),
    (XAY_DUNG, "edit", "question", OTHER, f"{XD} is neither the asking commune nor the side that answers"),
    (PHU_HOI, "change_status", "question", OTHER, f"only Vĩnh Ninh or the city may close this question; {PHU}"),
    (XAY_DUNG, "change_status", "question", None, f"only the asking commune or the city may close this question; {XD}"),
    (PHU_HOI, "delete", "question", OWN, f"questions cannot be deleted; {PHU}"),
    (PHU_HOI, "reroute", "question", OWN, f"questions cannot be re-routed; {PHU}"),
    (XAY_DUNG, "change_status", "attachment", OTHER,
     # a department officer is told the department the record belongs to, not its commune
     f"{XD} may change the status of only the attachments of Sở Xây dựng; this one belongs to Công an thành phố"),
])
def test_the_reason_a_refused_user_reads(user, action, kind, record, words):
    assert reason(user, action, kind, record) == words


def test_unknown_words_are_named_with_the_known_ones():
    with pytest.raises(ValueError) as caught:
        decide(ADMIN, "teleport", "incident")
    assert str(caught.value) == ("unknown action 'teleport': use one of read, create, edit, change_status, reroute, "
                                 "delete, import, restyle, administer")
    with pytest.raises(ValueError) as caught:
        read_filter(ADMIN, "parcel")
    assert str(caught.value) == ("unknown kind 'parcel': use one of incident, incident_shape, attachment, task, "
                                 "question, notification, layer, style, routing_rule, user, callback, package, conflict")


def test_a_filter_of_no_rows_matches_no_row_whatever_it_names():
    assert not RowFilter("none", "commune", "Phú Hội").matches({"commune": "Phú Hội"})
    assert RowFilter("all", "commune", "Phú Hội").matches({"commune": "Vĩnh Ninh"})


# --- offline packages ---------------------------------------------------------------------------------------------


def test_only_the_city_hands_out_offline_packages():
    for user in CITY:
        assert allowed(user, "create", "package")
    for user in (PHU_HOI, XAY_DUNG, VIEWER):
        assert not allowed(user, "create", "package")
    text = reason(PHU_HOI, "create", "package")
    assert text.startswith("only the city (dispatcher or administrator) hands out offline packages")
    assert "phu_hoi" in text
    assert "deactivated" in reason(GONE_ADMIN, "create", "package")
