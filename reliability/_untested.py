"""Test the mutants that mutmut 2 lists but never runs, for reliability/mutation.sh.

mutmut 2 keys a mutant by the text of its line, so when the same line appears twice in a module
(``n = len(lengths)`` in two decoders) the mutants of one occurrence stay "untested" for ever. This
applies each of them with mutmut's own ``mutate``, runs the same test command, and records the result in
mutmut's cache like mutmut would.

    python _untested.py CACHE MODULE SHARD SHARDS RUNNER     (in the scratch copy)
"""

from __future__ import annotations

import shlex
import sqlite3
import subprocess
import sys


def main() -> None:
    cache, path, shard, shards, runner = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), sys.argv[5]
    sys.path.insert(0, ".")
    import mutmut_config
    from mutmut import Context, RelativeMutationID, mutate

    with open(path) as f:
        source = f.read()
    db = sqlite3.connect(cache)
    # mutmut keeps the hash of the tests each result was found with; a mutant it never runs keeps an old result
    # (a survivor may be killed by a test added since), so every such result is redone against these tests
    from mutmut.cache import hash_of_tests

    tests_hash = hash_of_tests(["tests/core"])
    rows = db.execute("select m.id, l.line, l.line_number, m.`index` from Mutant m join Line l on m.line = l.id "
                      "where m.status = 'untested' or (m.status in ('bad_survived', 'bad_timeout') "
                      "and coalesce(m.tested_against_hash, '') != ?)", (tests_hash,)).fetchall()
    try:
        for mid, line, number, index in rows:
            if number % shards != shard - 1:
                continue
            context = Context(source=source, mutation_id=RelativeMutationID(line, index, number, filename=path),
                              filename=path, dict_synonyms=[])
            mutated, count = mutate(context)
            if count == 0:
                continue
            old, new = mutmut_config.changed_lines(source, mutated)
            if mutmut_config.annotation_only(old, new) or (path, old, new) in mutmut_config.EQUIVALENT:
                status = "skipped"
            else:
                with open(path, "w") as f:
                    f.write(mutated)
                try:
                    code = subprocess.call(shlex.split(runner), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                           timeout=120)
                    status = "bad_survived" if code == 0 else "ok_killed"
                except subprocess.TimeoutExpired:
                    status = "bad_timeout"
            db.execute("update Mutant set status = ?, tested_against_hash = ? where id = ?", (status, tests_hash, mid))
            db.commit()
            print(f"{path}:{number + 1} mutant {index}: {status}  ({new})")
    finally:
        with open(path, "w") as f:
            f.write(source)


if __name__ == "__main__":
    main()
