"""``gisdesk tasks list|show|act`` run as a script would: a round trip on a real workspace, refusals exit 2."""

from __future__ import annotations

import json
import subprocess
import sys

from gisdesk.store.tasks_store import TaskStore
from sample_layers._tasks import DEMO_PASSWORD


def gisdesk(*args, stdin=None):
    return subprocess.run([sys.executable, "-m", "gisdesk.cli", "tasks", *map(str, args)], capture_output=True,
                          text=True, timeout=180, input=stdin)


def assigned_case(workspace, user, commune):
    listed = gisdesk("list", workspace, "--user", user, "--state", "assigned", "--json")
    assert listed.returncode == 0, listed.stderr
    rows = json.loads(listed.stdout)
    return [r for r in rows if r["commune"] == commune], rows


def one_line_refusal(result):
    assert result.returncode == 2 and result.stdout == ""
    assert result.stderr.startswith("gisdesk tasks: ") and result.stderr.count("\n") == 1, result.stderr
    return result.stderr


def test_list_show_and_act_as_the_commune_officer(workspace):
    mine, rows = assigned_case(workspace, "phu_hoi", "Phú Hội")
    assert mine and len(mine) == len(rows)  # the officer reads only the commune's tasks
    case = mine[0]["case_no"]
    assert case.startswith("HUE-2026-")
    text = gisdesk("list", workspace, "--user", "phu_hoi", "--search", case)
    assert text.returncode == 0 and text.stdout.split()[0] == case and len(text.stdout.splitlines()) == 1

    shown = gisdesk("show", workspace, case.lower(), "--json")
    assert shown.returncode == 0, shown.stderr
    doc = json.loads(shown.stdout)
    assert doc["task"]["case_no"] == case and doc["task"]["state"] == "assigned"
    assert doc["timeline"][0]["action"] == "create" and "assign" in [e["action"] for e in doc["timeline"]]
    assert doc["callbacks"] == []

    done = gisdesk("act", workspace, case, "accept", "--user", "phu_hoi")
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == f"{case}: accept -> accepted"
    start = gisdesk("act", workspace, doc["task"]["uuid"], "start", "--user", "phu_hoi", "--password-stdin",
                    stdin=DEMO_PASSWORD + "\n")
    assert start.returncode == 0, start.stderr
    with TaskStore(workspace, "phu_hoi") as store:
        task = store.find(case)
        x, y = task.area.representative_point().coords[0]
    complete = gisdesk("act", workspace, case, "complete", "--user", "phu_hoi", "--note", "drain cleared",
                       "--position", f"{x},{y}")
    assert complete.returncode == 0, complete.stderr
    verify = gisdesk("act", workspace, case, "verify", "--user", "dispatcher")
    assert verify.stdout.strip() == f"{case}: verify -> closed"
    after = json.loads(gisdesk("show", workspace, case, "--json", "--user", "phu_hoi").stdout)
    assert [(e["action"], e["who"]) for e in after["timeline"][-4:]] == [
        ("accept", "phu_hoi"), ("start", "phu_hoi"), ("complete", "phu_hoi"), ("verify", "dispatcher")]


def test_act_refused_for_another_commune_changes_nothing(workspace):
    theirs, _ = assigned_case(workspace, "dispatcher", "Vĩnh Ninh")
    case = theirs[0]["case_no"]
    refused = gisdesk("act", workspace, case, "accept", "--user", "phu_hoi")
    assert "phu_hoi" in one_line_refusal(refused)
    doc = json.loads(gisdesk("show", workspace, case, "--json").stdout)
    assert doc["task"]["state"] == "assigned" and doc["task"]["version"] == theirs[0]["version"]
    assert "cannot see this task" in one_line_refusal(gisdesk("show", workspace, case, "--user", "phu_hoi"))


def test_bad_input_is_one_line_and_exit_2(workspace):
    mine, _ = assigned_case(workspace, "phu_hoi", "Phú Hội")
    case = mine[0]["case_no"]
    assert "wrong username or password" in one_line_refusal(
        gisdesk("act", workspace, case, "accept", "--user", "phu_hoi", "--password-stdin", stdin="guess\n"))
    assert "no task" in one_line_refusal(gisdesk("show", workspace, "HUE-2026-999999"))
    assert "neither a commune nor a department" in one_line_refusal(
        gisdesk("act", workspace, case, "reassign", "--user", "dispatcher", "--unit", "Atlantis", "--note", "x"))
    assert "cannot verify a task that is assigned" in one_line_refusal(
        gisdesk("act", workspace, case, "verify", "--user", "dispatcher"))
    assert "not an ISO 8601" in one_line_refusal(
        gisdesk("act", workspace, case, "reassign", "--user", "dispatcher", "--unit", "Vĩnh Ninh", "--note", "x",
                "--deadline", "tomorrow"))
    unknown = gisdesk("act", workspace, case, "fly", "--user", "phu_hoi")
    assert unknown.returncode == 2 and "invalid choice" in unknown.stderr
    assert json.loads(gisdesk("show", workspace, case, "--json").stdout)["task"]["state"] == "assigned"


def test_kpi_shows_the_satisfaction_rate_with_its_responses(workspace):
    with TaskStore(workspace, "dispatcher") as city:
        expected = city.satisfaction()
    assert expected["responses"] > 0  # the demo has callbacks
    run = subprocess.run([sys.executable, "-m", "gisdesk.cli", "kpi", str(workspace), "--json"], capture_output=True,
                         text=True, timeout=180)
    assert run.returncode == 0, run.stderr
    assert json.loads(run.stdout)["satisfaction"] == expected
    text = subprocess.run([sys.executable, "-m", "gisdesk.cli", "kpi", str(workspace)], capture_output=True,
                          text=True, timeout=180).stdout
    rate = f"{100 * expected['rate']:.1f} %"
    assert (f"satisfaction     {rate:>8}   of {expected['responses']} responses "
            f"(not reached {expected['not_reached']})") in text
