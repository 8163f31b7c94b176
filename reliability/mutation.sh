#!/usr/bin/env bash
# Mutation testing (mutmut 2.x) of the modules issue 12 names: the access policy, the task state machine,
# KPIs, routing and duplicates, geometry decoding. A script, not CI. Figures and how to read them:
# benchmarks/README.md, "Mutation testing".
#
#   reliability/mutation.sh                  # all five modules
#   reliability/mutation.sh access tasks     # some of them (access tasks kpi incidents geoblob)
#
# Environment: PYTHON (default .venv/bin/python, else python3; needs mutmut<3: `pip install "mutmut<3"`),
# NICE (default 15), WORK (scratch folder; default a new one under $TMPDIR), RESUME=1 (with the WORK of an
# earlier run: keep its results, so only the mutants that were not killed are tested again), SHARDS=n (test
# each module's mutants in n parallel runs, each taking the mutants of every n-th source line).
#
# mutmut rewrites the module it mutates in place, so every run works on a copy of gisdesk/ and tests/ in the
# scratch folder: the checkout (and anything running from it) never sees a mutant, and an interrupted run
# leaves nothing behind in it. Each mutant is tested by the Qt-free tests of its module only (tests/core/
# test_*<module>.py); a test run that fails in any way (a failing test, an import error) kills the mutant.
# Equivalent mutants (no behaviour can tell them apart) are skipped by reliability/mutmut_config.py,
# each with its reason there.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
py=${PYTHON:-}
if [[ -z $py ]]; then
    if [[ -x $root/.venv/bin/python ]]; then py=$root/.venv/bin/python; else py=python3; fi
fi
"$py" -c 'import mutmut, sys; sys.exit(0 if mutmut.__version__.startswith("2.") else 1)' 2>/dev/null || {
    echo "mutation.sh: needs mutmut 2.x in $py: $py -m pip install 'mutmut<3'" >&2; exit 2; }

declare -A module_path=(
    [access]=gisdesk/core/access.py
    [tasks]=gisdesk/core/tasks.py
    [kpi]=gisdesk/core/kpi.py
    [incidents]=gisdesk/core/incidents.py
    [geoblob]=gisdesk/store/geoblob.py
)
modules=("$@")
[[ ${#modules[@]} -gt 0 ]] || modules=(access tasks kpi incidents geoblob)
for m in "${modules[@]}"; do
    [[ -n ${module_path[$m]:-} ]] || { echo "mutation.sh: unknown module $m (use: ${!module_path[*]})" >&2; exit 2; }
done
shards=${SHARDS:-1}

work=${WORK:-$(mktemp -d "${TMPDIR:-/tmp}/gisdesk-mutation.XXXXXX")}
mkdir -p "$work"
echo "scratch copy and reports: $work"
printf '%-28s %8s %7s %9s %9s %8s %10s\n' module mutants killed survived timeouts skipped "kill rate" > "$work/summary.txt"

# run_shard MODULE NAME SHARD: mutmut on the mutants of MODULE whose source line number is SHARD-1 modulo
# $shards, in the copy $work/NAME.
run_shard() {
    local m=$1 name=$2 shard=$3 src=${module_path[$1]} copy=$work/$2
    # RESUME=1 (same WORK): keep the results; killed mutants stay killed, every other one is tested again.
    [[ ${RESUME:-0} == 1 && -f $copy/.mutmut-cache ]] && mv "$copy/.mutmut-cache" "$work/$name.mutmut-cache"
    rm -rf "$copy"
    mkdir -p "$copy"
    if [[ -f $work/$name.mutmut-cache ]]; then
        mv "$work/$name.mutmut-cache" "$copy/.mutmut-cache"
        # a run that timed out on a busy machine is tried again; a slow kill is a kill (mutmut would redo it)
        "$py" - "$copy/.mutmut-cache" <<'PYEOF'
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
db.execute("update Mutant set status = 'untested' where status in ('bad_timeout', 'skipped')")
db.execute("update Mutant set status = 'ok_killed' where status = 'ok_suspicious'")
db.commit()
PYEOF
    fi
    (cd "$root" && tar --exclude=__pycache__ --exclude=.pytest_cache -cf - gisdesk tests pyproject.toml) \
        | tar -xf - -C "$copy"
    cp "$root/reliability/mutmut_config.py" "$copy/"
    local tests pytest
    tests=$(cd "$copy" && ls tests/core/test_*"$m".py | tr '\n' ' ')
    pytest="$py -m pytest -x -q -p no:cacheprovider -p no:pytestqt -p no:gisdesk $tests"
    # Compile once (mutmut turns bytecode writing off for its runs): each run then compiles only the mutant.
    (cd "$copy" && env -u PYTHONDONTWRITEBYTECODE PYTHONPATH="$copy" nice -n "${NICE:-15}" $pytest >/dev/null 2>&1 &&
        env -u PYTHONDONTWRITEBYTECODE "$py" -m compileall -q gisdesk >/dev/null) ||
        { echo "mutation.sh: the tests of $m fail without any mutant: $pytest" >&2; return 1; }
    # One process imports numpy, shapely and pytest once and forks a test run per mutant (_test_server.py);
    # the runner mutmut calls only asks it over a loopback socket and exits 1 unless every test passed.
    rm -f "$work/$name.port"
    (cd "$copy" && PYTHONPATH=$copy exec nice -n "${NICE:-15}" "$py" "$root/reliability/_test_server.py" "$copy" \
        "$work/$name.port" -x -q -p no:cacheprovider -p no:pytestqt -p no:gisdesk $tests) \
        > "$work/$name.server.log" 2>&1 &
    local server=$!
    for _ in $(seq 300); do [[ -f $work/$name.port ]] && break; sleep 0.1; done
    [[ -f $work/$name.port ]] || { echo "mutation.sh: the test server did not start: $work/$name.server.log" >&2
                                   kill "$server"; return 1; }
    local runner="bash -c 'exec 3<>/dev/tcp/127.0.0.1/$(cat "$work/$name.port") && echo run >&3 && read -r rc <&3 && [ \$rc = 0 ] || exit 1'"
    echo "== $src ($shard/$shards): tests $tests"
    (cd "$copy" && PYTHONPATH=$copy MUTATION_SHARD=$shard/$shards nice -n "${NICE:-15}" "$py" -m mutmut run \
        --paths-to-mutate "$src" --tests-dir tests/core --runner "$runner" --simple-output --no-progress \
        > "$work/$name.log" 2>&1) || true
    # mutmut 2 never runs the mutants of a line that appears twice in the module: run those too.
    (cd "$copy" && PYTHONPATH=$copy nice -n "${NICE:-15}" "$py" "$root/reliability/_untested.py" .mutmut-cache "$src" \
        "$shard" "$shards" "$runner" >> "$work/$name.log" 2>&1) || true
    kill "$server" 2>/dev/null || true
    wait "$server" 2>/dev/null || true
    (cd "$copy" && "$py" -m mutmut show all > "$work/$name-mutants.diff" 2>&1 || true)
}

for m in "${modules[@]}"; do
    caches=()
    if [[ $shards == 1 ]]; then
        run_shard "$m" "$m" 1
        caches=("$work/$m/.mutmut-cache")
    else
        pids=()
        for k in $(seq "$shards"); do
            run_shard "$m" "$m.$k" "$k" &
            pids+=($!)
            caches+=("$work/$m.$k/.mutmut-cache")
        done
        for p in "${pids[@]}"; do wait "$p" || true; done
    fi
    # Each shard owns the mutants of its lines (0-based line number modulo the number of shards).
    "$py" - "${module_path[$m]}" "$shards" "${caches[@]}" >> "$work/summary.txt" <<'PYEOF'
import collections, sqlite3, sys
src, n, caches = sys.argv[1], int(sys.argv[2]), sys.argv[3:]
counts = collections.Counter()
for k, cache in enumerate(caches):
    rows = sqlite3.connect(cache).execute(
        "select l.line_number, m.status from Mutant m join Line l on m.line = l.id")
    counts.update(status for line, status in rows if line % n == k)
killed, survived = counts["ok_killed"] + counts["ok_suspicious"], counts["bad_survived"]
timeouts, skipped, untested = counts["bad_timeout"], counts["skipped"], counts["untested"]
tested = killed + survived + timeouts
rate = f"{100.0 * (killed + timeouts) / tested:.1f} %" if tested else "-"
print(f"{src:<28} {tested + skipped + untested:>8} {killed:>7} {survived:>9} {timeouts:>9} {skipped:>8} {rate:>10}"
      + (f"  ({untested} untested: the run stopped early)" if untested else ""))
PYEOF
    tail -1 "$work/summary.txt"
done
echo
cat "$work/summary.txt"
echo "kill rate = (killed + timeouts) / (mutants - skipped); the diffs of the timed-out, slow, surviving and" \
     "skipped mutants: $work/<module>[.<shard>]-mutants.diff"
