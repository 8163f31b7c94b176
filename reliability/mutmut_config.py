"""mutmut 2.x hooks for reliability/mutation.sh: skip the equivalent mutants, each with its reason.

A mutant is equivalent when no behaviour can tell it from the original: a change inside a type
annotation (never evaluated: every module in scope has ``from __future__ import annotations``), a
guard that the line before already decided, a value no input can reach. Such a mutant is skipped,
not counted as killed; the kill rate is taken over the others.

Each entry of :data:`EQUIVALENT` names the module, the source line as written and the line as the
mutant writes it (both stripped; ``mutmut show`` prints the same diff), and says why no test can
tell them apart. A line that later changes simply stops matching, and its mutants are tested again.
"""

from __future__ import annotations

import difflib

ACCESS, TASKS, KPI, INCIDENTS, GEOBLOB = ("gisdesk/core/access.py", "gisdesk/core/tasks.py", "gisdesk/core/kpi.py",
                                          "gisdesk/core/incidents.py", "gisdesk/store/geoblob.py")

#: (module, line, mutated line) -> why the mutant cannot change behaviour
EQUIVALENT: dict[tuple[str, str, str], str] = {
    # access.py
    (ACCESS, 'if action != "administer" and user.role != "administrator":',
     'if action != "XXadministerXX" and user.role != "administrator":'):
        "the line before already refused 'administer' to everyone but the administrator, and the administrator "
        "is allowed either way",
    (ACCESS, 'unit = _unit_column(user, "task")', 'unit = _unit_column(user, "XXtaskXX")'):
        "_unit_column tells only 'question' from the other kinds; any other name gives the same column",
    (ACCESS, 'return _OK if _unit_column(user, "task") or city else Decision(False, f"{who} works on no tasks")',
     'return _OK if _unit_column(user, "XXtaskXX") or city else Decision(False, f"{who} works on no tasks")'):
        "_unit_column tells only 'question' from the other kinds; any other name gives the same column",
}


def annotation_only(line: str, mutated: str) -> bool:
    """A ``X | None`` annotation written ``X & None``: annotations are never evaluated here."""
    return "& None" in mutated and "& None" not in line and mutated.replace("& None", "| None") == line


def changed_lines(source: str, mutated: str) -> tuple[str, str]:
    """The removed and the added lines of a mutant, stripped and joined with `` / ``."""
    removed, added = [], []
    for row in difflib.ndiff(source.split("\n"), mutated.split("\n")):
        if row.startswith("- "):
            removed.append(row[2:].strip())
        elif row.startswith("+ "):
            added.append(row[2:].strip())
    return " / ".join(removed), " / ".join(added)


def pre_mutation(context) -> None:
    from mutmut import Context, mutate

    probe = Context(source=context.source, mutation_id=context.mutation_id, filename=context.filename,
                    dict_synonyms=context.dict_synonyms, config=context.config)
    mutated, _ = mutate(probe)
    line, new = changed_lines(context.source, mutated)
    if annotation_only(line, new) or (context.filename, line, new) in EQUIVALENT:
        context.skip = True
