"""The access matrix through the stores, as every demo account: 0 leaked rows, 0 unauthorised changes.

The rule is written here by hand, independently of gisdesk/core/access.py: a commune
officer may read and change only the incidents and tasks of their commune, a department
officer only those of their department, a viewer reads everything and changes nothing,
the dispatcher and the administrator read and change everything.

``python -m reliability.matrix WORKSPACE`` prints the figures.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass, field


@dataclass
class Figures:
    accounts: int = 0
    rows_read: int = 0
    leaked: int = 0
    writes_tried: int = 0
    unauthorised: int = 0
    refused_wrongly: int = 0
    failures: list[str] = field(default_factory=list)


def _may_see(user, row: dict) -> bool:
    if user.role in ("viewer", "city_dispatcher", "administrator"):
        return True
    if user.role == "commune_officer":
        return row["commune"] == user.commune
    if user.role == "department_officer":
        return row["department"] == user.department
    return False


def _may_change(user, row: dict) -> bool:
    return user.role != "viewer" and _may_see(user, row)


def run(workspace: str) -> Figures:
    from gisdesk.core.users import PermissionDenied
    from gisdesk.store.incidents_store import IncidentStore
    from gisdesk.store.tasks_store import TaskStore
    from gisdesk.store.users_store import UserStore

    fig = Figures()
    with UserStore(workspace) as users:
        accounts = users.all_users()
    fig.accounts = len(accounts)
    for user in accounts:
        with IncidentStore(workspace, user.username) as store:
            seen = store.list()
            fig.rows_read += len(seen)
            for inc in seen:
                if not _may_see(user, {"commune": inc.commune, "department": inc.department}):
                    fig.leaked += 1
            # one write on an incident of every commune: allowed exactly where the rule says
            probes = store.conn.execute(
                "SELECT uuid, commune, department, description, version FROM incidents WHERE status = 'new' "
                "OR status = 'assigned' GROUP BY commune").fetchall()
        for uuid, commune, department, description, version in probes:
            fig.writes_tried += 1
            allowed = _may_change(user, {"commune": commune, "department": department})
            with IncidentStore(workspace, user.username) as store:
                try:
                    store.update(uuid, {"description": (description or "") + " ·"})
                    done = True
                except PermissionDenied:
                    done = False
            if done and not allowed:
                fig.unauthorised += 1
                fig.failures.append(f"{user.username} changed an incident of {commune}/{department}")
            if allowed and not done:
                fig.refused_wrongly += 1
                fig.failures.append(f"{user.username} was refused an incident of {commune}/{department}")
        with TaskStore(workspace, user) as tasks:
            for task in tasks.tasks():
                fig.rows_read += 1
                if not _may_see(user, {"commune": task.commune, "department": task.department}):
                    fig.leaked += 1
    return fig


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m reliability.matrix", description=__doc__.splitlines()[0])
    parser.add_argument("workspace", help="a copy of the demo workspace (the run changes descriptions)")
    args = parser.parse_args(argv)
    fig = run(args.workspace)
    print(f"access matrix: {fig.accounts} accounts, rows read {fig.rows_read}, leaked {fig.leaked}, "
          f"writes tried {fig.writes_tried}, unauthorised {fig.unauthorised}, wrongly refused {fig.refused_wrongly}")
    for f in fig.failures[:10]:
        print("  " + f)
    return 0 if not fig.failures and fig.leaked == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
