"""The row-level-security matrix on the city server, through plain SQL as each officer's own login role.

Every expected cell is written by hand from the table in docs/security.md (not read from
the policy code): role x table x SELECT/INSERT/UPDATE/DELETE x own/other unit. Each cell
runs in a transaction that is rolled back, so the cells do not depend on each other.
"""

from __future__ import annotations

import uuid

import psycopg
import pytest

from tests.server.conftest import COMMUNE_A, COMMUNE_B, DEPT_1, DEPT_2, ROWS

#: Unit of each sample row (commune, department / to_department, to_role).
UNIT = {"IA": (COMMUNE_A, DEPT_1, None), "IB": (COMMUNE_B, DEPT_2, None),
        "TA": (COMMUNE_A, None, None), "TB": (COMMUNE_B, None, None),
        "TD1": (None, DEPT_1, None), "TD2": (None, DEPT_2, None),
        "QA": (COMMUNE_A, DEPT_1, None), "QB": (COMMUNE_B, DEPT_2, None),
        "NA": (COMMUNE_A, None, None), "NB": (COMMUNE_B, None, None), "ND1": (None, DEPT_1, None),
        "ND2": (None, DEPT_2, None), "NC": (None, None, "city_dispatcher")}
FAMILY = {"incidents": "I", "incident_events": "I", "tasks": "T", "task_events": "T",
          "task_questions": "Q", "task_notifications": "N"}
#: (own, other) sample row per login and family of records.
TARGETS = {
    "phu_hoi": {"I": ("IA", "IB"), "T": ("TA", "TB"), "Q": ("QA", "QB"), "N": ("NA", "NB")},
    "vinh_ninh": {"I": ("IB", "IA"), "T": ("TB", "TA"), "Q": ("QB", "QA"), "N": ("NB", "NA")},
    "xaydung": {"I": ("IA", "IB"), "T": ("TD1", "TD2"), "Q": ("QA", "QB"), "N": ("ND1", "ND2")},
    "moitruong": {"I": ("IB", "IA"), "T": ("TD2", "TD1"), "Q": ("QB", "QA"), "N": ("ND2", "ND1")},
    "viewer": {"I": ("IA", "IB"), "T": ("TA", "TB"), "Q": ("QA", "QB"), "N": ("NA", "NB")},
    "dispatcher": {"I": ("IA", "IB"), "T": ("TA", "TB"), "Q": ("QA", "QB"), "N": ("NC", "NA")},
    "admin": {"I": ("IA", "IB"), "T": ("TA", "TB"), "Q": ("QA", "QB"), "N": ("NC", "NA")},
}
Y, N = True, False
#: docs/security.md, cell by cell: {table: {op: (own, other)}} per kind of role.
EXPECTED = {
    "viewer": {
        "incidents": {"SELECT": (Y, Y), "INSERT": (N, N), "UPDATE": (N, N), "DELETE": (N, N)},
        "tasks": {"SELECT": (Y, Y), "INSERT": (N, N), "UPDATE": (N, N), "DELETE": (N, N)},
        "task_questions": {"SELECT": (Y, Y), "INSERT": (N, N), "UPDATE": (N, N), "DELETE": (N, N)},
        "task_notifications": {"SELECT": (N, N), "INSERT": (N, N), "UPDATE": (N, N), "DELETE": (N, N)},
        "incident_events": {"SELECT": (Y, Y), "INSERT": (N, N), "UPDATE": (N, N), "DELETE": (N, N)},
        "task_events": {"SELECT": (Y, Y), "INSERT": (N, N), "UPDATE": (N, N), "DELETE": (N, N)},
    },
    "commune": {
        # creates incidents anywhere (routed by location); edits and deletes only its own
        "incidents": {"SELECT": (Y, N), "INSERT": (Y, Y), "UPDATE": (Y, N), "DELETE": (Y, N)},
        # tasks: only the city creates; the assignee's steps on own tasks; never deleted
        "tasks": {"SELECT": (Y, N), "INSERT": (N, N), "UPDATE": (Y, N), "DELETE": (N, N)},
        # asks for its own commune, replies and closes its own
        "task_questions": {"SELECT": (Y, N), "INSERT": (Y, N), "UPDATE": (Y, N), "DELETE": (N, N)},
        "task_notifications": {"SELECT": (Y, N), "INSERT": (N, N), "UPDATE": (Y, N), "DELETE": (N, N)},
        # history: appended where the officer may act, never changed or removed
        "incident_events": {"SELECT": (Y, N), "INSERT": (Y, N), "UPDATE": (N, N), "DELETE": (N, N)},
        "task_events": {"SELECT": (Y, N), "INSERT": (Y, N), "UPDATE": (N, N), "DELETE": (N, N)},
    },
    "department": {
        "incidents": {"SELECT": (Y, N), "INSERT": (Y, Y), "UPDATE": (Y, N), "DELETE": (Y, N)},
        "tasks": {"SELECT": (Y, N), "INSERT": (N, N), "UPDATE": (Y, N), "DELETE": (N, N)},
        # answers the questions addressed to it; does not ask
        "task_questions": {"SELECT": (Y, N), "INSERT": (N, N), "UPDATE": (Y, N), "DELETE": (N, N)},
        "task_notifications": {"SELECT": (Y, N), "INSERT": (N, N), "UPDATE": (Y, N), "DELETE": (N, N)},
        "incident_events": {"SELECT": (Y, N), "INSERT": (Y, N), "UPDATE": (N, N), "DELETE": (N, N)},
        "task_events": {"SELECT": (Y, N), "INSERT": (Y, N), "UPDATE": (N, N), "DELETE": (N, N)},
    },
    "city": {
        "incidents": {"SELECT": (Y, Y), "INSERT": (Y, Y), "UPDATE": (Y, Y), "DELETE": (Y, Y)},
        "tasks": {"SELECT": (Y, Y), "INSERT": (Y, Y), "UPDATE": (Y, Y), "DELETE": (N, N)},
        # the city answers and closes; it does not ask
        "task_questions": {"SELECT": (Y, Y), "INSERT": (N, N), "UPDATE": (Y, Y), "DELETE": (N, N)},
        # own = the city's notifications, other = a commune's
        "task_notifications": {"SELECT": (Y, N), "INSERT": (N, N), "UPDATE": (Y, N), "DELETE": (N, N)},
        "incident_events": {"SELECT": (Y, Y), "INSERT": (Y, Y), "UPDATE": (N, N), "DELETE": (N, N)},
        "task_events": {"SELECT": (Y, Y), "INSERT": (Y, Y), "UPDATE": (N, N), "DELETE": (N, N)},
    },
}
KIND_OF = {"viewer": "viewer", "phu_hoi": "commune", "vinh_ninh": "commune", "xaydung": "department",
           "moitruong": "department", "dispatcher": "city", "admin": "city"}
KEY = {"incidents": "uuid", "tasks": "uuid", "task_questions": "uuid", "task_notifications": "id",
       "incident_events": "incident_uuid", "task_events": "task_uuid"}


def _insert(conn, login: str, table: str, target: str) -> int:
    commune, dept, to_role = UNIT[target]
    new, t = str(uuid.uuid4()), "2026-11-02T08:00:00Z"
    if table == "incidents":
        sql = ("INSERT INTO incidents (uuid, category, severity, channel, status, reported_at, updated_at, commune, "
               "department) VALUES (%s, 'flooding', 2, 'app', 'new', %s, %s, %s, %s)", (new, t, t, commune, dept))
    elif table == "tasks":
        sql = ("INSERT INTO tasks (uuid, title, severity, state, commune, department, created_at, created_by, version) "
               "VALUES (%s, 'x', 2, 'assigned', %s, %s, %s, %s, 1)", (new, commune, dept, t, login))
    elif table == "task_questions":
        sql = ("INSERT INTO task_questions (uuid, asked_at, asked_by, commune, to_department, subject, body, status, "
               "updated_at) VALUES (%s, %s, %s, %s, %s, 's', 'b', 'open', %s)", (new, t, login, commune, dept, t))
    elif table == "task_notifications":
        sql = ("INSERT INTO task_notifications (id, at, to_role, commune, department, kind, message) "
               "VALUES (%s, %s, %s, %s, %s, 'k', 'm')", (new, t, to_role, commune, dept))
    elif table == "incident_events":
        sql = ("INSERT INTO incident_events (id, incident_uuid, at, who, action, field, from_state, to_state) "
               "VALUES (%s, %s, %s, %s, 'edit', 'status', 'new', 'in_progress')", (new, ROWS[target], t, login))
    else:
        sql = ("INSERT INTO task_events (id, task_uuid, version, at, who, action, from_state, to_state) "
               "VALUES (%s, %s, 99, %s, %s, 'start', 'accepted', 'in_progress')", (new, ROWS[target], t, login))
    return conn.execute(*sql).rowcount


SET = {"incidents": "status = 'in_progress'", "tasks": "progress = 50", "task_questions": "status = 'answered'",
       "task_notifications": "read_at = now(), read_by = current_user", "incident_events": "note = 'changed'",
       "task_events": "note = 'changed'"}


def attempt(conn, login: str, table: str, op: str, target: str) -> bool:
    """Whether ``op`` on ``table``'s row ``target`` takes effect for ``login`` (rolled back either way)."""
    key = KEY[table]
    try:
        with conn.transaction(force_rollback=True):
            if op == "SELECT":
                return conn.execute(f"SELECT count(*) FROM {table} WHERE {key} = %s", (ROWS[target],)).fetchone()[0] > 0
            if op == "INSERT":
                return _insert(conn, login, table, target) == 1
            if op == "UPDATE":
                return conn.execute(f"UPDATE {table} SET {SET[table]} WHERE {key} = %s", (ROWS[target],)).rowcount > 0
            return conn.execute(f"DELETE FROM {table} WHERE {key} = %s", (ROWS[target],)).rowcount > 0
    except psycopg.errors.InsufficientPrivilege:  # no grant, or a row refused by WITH CHECK
        return False


@pytest.mark.parametrize("op", ["SELECT", "INSERT", "UPDATE", "DELETE"])
@pytest.mark.parametrize("table", list(KEY))
@pytest.mark.parametrize("login", list(KIND_OF))
def test_rls_matrix_cell(as_role, login, table, op):
    own, other = TARGETS[login][FAMILY[table]]
    conn = as_role(login)
    got = (attempt(conn, login, table, op, own), attempt(conn, login, table, op, other))
    assert got == EXPECTED[KIND_OF[login]][table][op], f"{login} {op} {table} (own, other)"
