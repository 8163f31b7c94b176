"""How an offline change meets the other side's changes: merge by the case rules, never by the last writer.

Qt-free and SQL-free. :mod:`gisdesk.store.sync_apply` asks :func:`judge_task_change` before it
replays a task transition that was made offline, and stores what it says.

The rules (docs/sync.md has the matrix with examples)
-----------------------------------------------------
A change is judged against the task as the receiving side has it now and against the
*concurrent* events: those the receiving side wrote after the version the change was
based on, that did not come from the same package. Nothing depends on anyone's clock.

1. **No concurrent change**: the change is replayed through the store; what the store
   refuses (the access policy, or the workflow: "cannot cancel a task that is closed")
   comes back as *refused* with the store's reason.
2. **Identical**: a concurrent event took the same step with the same values (same
   action, same resulting state, same unit, deadline and percent): not a conflict; the
   change is counted as applied once.
3. **Assignment belongs to the city**: an ``assign``/``reassign`` made offline while the
   city assigned the task differently meanwhile is a conflict; the city's assignment stays.
4. **Jurisdiction moved**: the change's user may no longer take the step (the task was
   given to another unit meanwhile) but could at the base version: a conflict, the
   city's assignment stays. Could not even then: refused.
5. **No longer valid**: the task's state does not allow the step any more (the commune
   completed a task the city cancelled meanwhile): a conflict; the state stays.
6. **States only move forward** unless the city moves them: an assignee's step that
   would move the task back past what happened concurrently (a return after the office
   started the work) is a conflict.
7. Otherwise the change is replayed after the concurrent ones (evidence and progress
   belong to the assignee: an offline report lands on top of the city's new deadline).

Every conflict keeps the losing change whole (who, what, when on the device) where the
city sees it; nothing is dropped.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Mapping, Sequence

from gisdesk.core.tasks import TRANSITIONS, Task

#: How far along the work a state is; an assignee never moves a task to a lower rank concurrently.
STATE_RANK: dict[str, int] = {"created": 0, "returned": 1, "assigned": 1, "accepted": 2, "in_progress": 3,
                              "done": 4, "closed": 5, "cancelled": 5}
#: Results a change can have at the receiving side.
RESULTS: tuple[str, ...] = ("applied", "identical", "conflict", "refused", "duplicate")
#: The values of an event that make two steps "the same".
_SAME_KEYS: tuple[str, ...] = ("commune", "department", "deadline", "percent")


@dataclass(frozen=True)
class Verdict:
    """What to do with one incoming change: ``apply``, ``identical``, ``conflict`` or ``refused``;
    ``reason`` says why (empty for ``apply``)."""

    outcome: str
    reason: str = ""


def _same(incoming: Mapping[str, Any], other: Mapping[str, Any]) -> bool:
    if incoming.get("action") != other.get("action") or incoming.get("to_state") != other.get("to_state"):
        return False
    a, b = incoming.get("data") or {}, other.get("data") or {}
    return all(a.get(k) == b.get(k) for k in _SAME_KEYS)


def _who(events: Sequence[Mapping[str, Any]]) -> str:
    last = events[-1]
    return f"{last.get('action')} by {last.get('who')}"


def judge_task_change(incoming: Mapping[str, Any], task: Task, concurrent: Sequence[Mapping[str, Any]],
                      allowed_now: Any, allowed_at_base: Any) -> Verdict:
    """Judge one offline task transition against the receiving side's task.

    Parameters
    ----------
    incoming : mapping
        The offline event: ``action``, ``from_state``, ``to_state``, ``who``, ``data``.
    task : Task
        The task as the receiving side has it now.
    concurrent : sequence of mappings
        The receiving side's events on this task after the change's base version that
        did not come from the same package, oldest first (``action``, ``to_state``,
        ``who``, ``data``).
    allowed_now, allowed_at_base : Decision
        :func:`gisdesk.core.tasks.decide` for the change's user on the task now, and on
        the task's unit at the base version.

    Returns
    -------
    Verdict
        ``apply`` (replay it through the store), ``identical``, ``conflict`` or ``refused``.
    """
    action = incoming.get("action")
    rule = TRANSITIONS.get(action or "")
    who = incoming.get("who")
    if rule is None:
        return Verdict("refused", f"{action!r} is not a task step that travels between packages")
    if not concurrent:
        return Verdict("apply")
    if any(_same(incoming, e) for e in concurrent):
        return Verdict("identical", f"the same {action} was already made at the other side")
    assignments = [e for e in concurrent if e.get("action") in ("assign", "reassign")]
    if action in ("assign", "reassign") and assignments:
        return Verdict("conflict", f"offline {action} by {who} lost: the task was assigned meanwhile "
                                   f"({_who(assignments)}); assignment belongs to the city's latest decision")
    if not allowed_now:
        if allowed_at_base:
            return Verdict("conflict", f"offline {action} by {who} lost: the task changed hands meanwhile "
                                       f"({_who(concurrent)}): {allowed_now.reason}")
        return Verdict("refused", allowed_now.reason)
    if task.state not in rule.sources:
        return Verdict("conflict", f"offline {action} by {who} no longer applies: the task is now "
                                   f"{task.state.replace('_', ' ')} ({_who(concurrent)})")
    if rule.actor == "assignee" and rule.target is not None and \
            STATE_RANK[rule.target] < STATE_RANK.get(task.state, 0):
        return Verdict("conflict", f"offline {action} by {who} would move the task back from "
                                   f"{task.state.replace('_', ' ')} ({_who(concurrent)}); states only move forward")
    return Verdict("apply")
