"""mutmut 2.x hooks for reliability/mutation.sh: skip the equivalent mutants, each with its reason.

A mutant is equivalent when no behaviour can tell it from the original (a default that every caller
overrides, a guard the next line repeats). Each entry names the module, the source line (stripped) and
mutmut's index of the mutation on that line (0 = the first mutation mutmut makes on it; see
``mutmut show``), and says why the mutant cannot change behaviour.
"""

from __future__ import annotations

#: (module path, stripped source line, mutation index on the line) -> why the mutant is equivalent
EQUIVALENT: dict[tuple[str, str, int], str] = {}


def pre_mutation(context) -> None:
    mid = context.mutation_id
    key = (context.filename, mid.line.strip(), mid.index)
    if key in EQUIVALENT:
        context.skip = True
