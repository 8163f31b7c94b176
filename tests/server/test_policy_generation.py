"""The server's policies come from the access policy, and nothing else (no PostgreSQL needed)."""

from __future__ import annotations

import pytest

from gisdesk.core import access
from gisdesk.store import server_policy as sp
from gisdesk.store.schema import CASE_TABLES, app_metadata


def test_every_application_table_has_a_rule_and_every_rule_a_table():
    assert set(sp.TABLE_RULES) == set(app_metadata().tables)
    assert CASE_TABLES <= set(sp.TABLE_RULES)


def test_jurisdiction_comes_from_current_user_never_from_a_session_setting():
    sql = " ".join(s for t in sp.TABLE_RULES for s in sp.security_sql(t)) + " ".join(sp.officers_security_sql())
    assert "current_setting" not in sql and "session_user" not in sql
    assert "current_user" in sql
    commune = next(p for p in sp.table_policies("incidents") if p.role == "commune_officer" and p.command == "SELECT")
    assert "incidents.commune = (SELECT o.commune FROM gisdesk_officers o WHERE o.login = current_user" in commune.using


def test_a_command_nobody_may_use_gets_no_grant_and_no_policy():
    cmds = {(p.role, p.command) for p in sp.table_policies("tasks")}
    assert not any(cmd == "DELETE" for _, cmd in cmds)  # tasks are never deleted
    assert {r for r, c in cmds if c == "INSERT"} == {"city_dispatcher", "administrator"}
    assert not any(p.command in ("UPDATE", "DELETE") for t in ("incident_events", "task_events", "task_answers")
                   for p in sp.table_policies(t))
    assert {p.role for p in sp.table_policies("task_notifications")} == {
        "commune_officer", "department_officer", "city_dispatcher", "administrator"}  # the viewer reads none


def test_a_rule_the_conditions_cannot_express_is_refused_not_approximated(monkeypatch):
    real = access.decide

    def either_unit(user, action, kind, record=None):  # "own commune OR own department": not a conjunction
        if user.role == "commune_officer" and kind == "incident" and action == "edit" and record is not None:
            ok = record.get("commune") == user.commune or record.get("department") == user.department
            return access.Decision(ok, "" if ok else "no")
        return real(user, action, kind, record)

    monkeypatch.setattr(access, "decide", either_unit)
    with pytest.raises(sp.PolicyNotExpressible):
        sp.table_policies("incidents")
