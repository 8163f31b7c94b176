"""Satisfaction callbacks (the Beijing 12345 pattern): the reporter's answer after a case closed.

Qt-free and SQL-free: :mod:`gisdesk.store.task_callbacks` stores them.

When a task is closed (verified), the dispatcher calls the reporter back and records
one of :data:`RESULTS`. The **satisfaction rate** counts the people who answered::

    rate = satisfied / (satisfied + partly + not satisfied)

``not reached`` (nobody answered) is left out of the rate and counted apart, so a
rate always comes with its number of responses. Each task counts once, with its latest
callback (a case reopened and closed again is judged by the last call).

Examples
--------
>>> satisfaction({"satisfied": 3, "partly": 1, "not_satisfied": 0, "not_reached": 2})
{'rate': 0.75, 'responses': 4, 'satisfied': 3, 'partly': 1, 'not_satisfied': 0, 'not_reached': 2}
>>> satisfaction({})["rate"] is None
True
"""

from __future__ import annotations

from typing import Any, Mapping

#: Callback results, in the order a dialog offers them.
RESULTS: tuple[str, ...] = ("satisfied", "partly", "not_satisfied", "not_reached")
#: The results that count as an answer (the rate's denominator).
ANSWERED: tuple[str, ...] = ("satisfied", "partly", "not_satisfied")
#: People's words for each result.
RESULT_WORDS: dict[str, str] = {"satisfied": "satisfied", "partly": "partly satisfied",
                                "not_satisfied": "not satisfied", "not_reached": "not reached"}


def satisfaction(counts: Mapping[str, int]) -> dict[str, Any]:
    """``rate`` (None without responses), ``responses`` and the count of every result."""
    n = {r: int(counts.get(r, 0) or 0) for r in RESULTS}
    responses = sum(n[r] for r in ANSWERED)
    return {"rate": n["satisfied"] / responses if responses else None, "responses": responses, **n}


def check_result(result: str) -> str:
    """``result`` if it is one of :data:`RESULTS` (``not satisfied`` and ``not-reached`` spellings too)."""
    from gisdesk.core.incidents import ValidationError

    key = str(result or "").strip().lower().replace(" ", "_").replace("-", "_")
    if key not in RESULTS:
        raise ValidationError(f"callback result must be one of {', '.join(RESULTS)}, not {result!r}")
    return key
