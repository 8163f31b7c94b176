"""Plugins that kill, interrupt or hang the process while they are imported: the real thing, in
subprocesses running ``gisdesk plugins``. The app starts every time (at worst the next start,
with the faulty plugin disabled and the reason shown) and the good plugin stays active.

Each run is bounded: the plugin time limit is 1 s (``GISDESK_PLUGIN_TIMEOUT``) and every
subprocess is killed after :data:`RUN_LIMIT` seconds.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

import gisdesk

RUN_LIMIT = 60  # seconds for one `gisdesk plugins` run (a slow, shared CI machine)
HUNG_LIMIT = 12  # seconds we wait for a run that hangs on purpose before killing it
IMPORT_CRASH = "gisdesk crashed or hung while importing it at the last start"

#: module code of each faulty plugin, run when its package is imported
FAULTS = {
    "gd_keyboard": "raise KeyboardInterrupt\n",
    "gd_sys_exit": "import sys\nsys.exit(4)\n",
    "gd_os_exit": "import os\nos._exit(7)\n",
    "gd_segfault": "import ctypes\nctypes.string_at(0)\n",
    "gd_busy_loop": "while True:\n    try:\n        pass\n    except BaseException:\n        pass\n",
    "gd_sleeps": "import time\ntime.sleep(3600)\n",
    "gd_deaf_hang": ("import signal, time\nsignal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGALRM})\n"
                     "time.sleep(3600)\n"),
}


def write_plugin(root: Path, name: str, body: str, extra: str = "") -> Path:
    pkg = root / name / name
    pkg.mkdir(parents=True)
    (root / name / "gisdesk-plugin.toml").write_text(
        f'[plugin]\nname = "{name}"\nversion = "1"\napi_version = "1"\nactivate = "{name}:activate"\n{extra}',
        encoding="utf-8")
    (pkg / "__init__.py").write_text(body + "\ndef activate(ctx):\n    pass\n", encoding="utf-8")
    return root / name


def good_plugin(root: Path) -> None:
    write_plugin(root, "gd_good", "", '\n[[contributes.commands]]\nid = "gd_good.hi"\ntitle = "Hi"\n'
                                      'callback = "gd_good:activate"\n')


def run_plugins(plugins: Path, home: Path, timeout: float = RUN_LIMIT) -> tuple[int | None, dict | None, str]:
    """``gisdesk plugins --json --plugins-dir plugins``: (exit code or None when killed, report, stderr)."""
    env = dict(os.environ, XDG_STATE_HOME=str(home / "state"), XDG_CONFIG_HOME=str(home / "config"),
               XDG_DATA_HOME=str(home / "data"), GISDESK_PLUGIN_TIMEOUT="1", QT_QPA_PLATFORM="offscreen",
               PYTHONPATH=str(Path(gisdesk.__file__).resolve().parents[1]))
    env.pop("PYTHONFAULTHANDLER", None)
    cmd = [sys.executable, "-m", "gisdesk.cli", "plugins", "--json", "--plugins-dir", str(plugins)]
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env,
                            start_new_session=True)
    try:
        out, err = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:  # hung for good: the user closes it (here: kill)
        os.killpg(proc.pid, signal.SIGKILL)
        _, err = proc.communicate()
        return None, None, err
    report = json.loads(out) if proc.returncode in (0, 1) and out.strip() else None
    return proc.returncode, report, err


def states(report: dict) -> dict[str, dict]:
    return {p["name"]: p for p in report["plugins"]}


def sentinel(home: Path) -> dict:
    return json.loads((home / "state" / "gisdesk" / "plugins" / "activating.json").read_text())


@pytest.mark.parametrize("name", ["gd_keyboard", "gd_sys_exit"])
def test_keyboard_interrupt_and_system_exit_at_import_fail_only_that_plugin(tmp_path, name):
    plugins = tmp_path / "plugins"
    good_plugin(plugins)
    write_plugin(plugins, name, FAULTS[name])
    code, report, err = run_plugins(plugins, tmp_path)
    assert code == 1, err  # the run finished and reports a failed plugin
    got = states(report)
    assert (got[name]["state"], got[name]["phase"]) == ("failed", "import")
    interrupt = "KeyboardInterrupt" if name == "gd_keyboard" else "SystemExit(4)"
    assert got[name]["error"] == f"{interrupt} while importing {name}"
    assert got["gd_good"]["state"] == "active"
    assert {got[b]["state"] for b in ("incidents", "tasks", "dashboards")} == {"active"}


@pytest.mark.parametrize("name, died_with", [("gd_os_exit", 7), ("gd_segfault", -signal.SIGSEGV)])
def test_a_plugin_killing_the_process_at_import_is_off_at_the_next_start(tmp_path, name, died_with):
    plugins = tmp_path / "plugins"
    good_plugin(plugins)
    write_plugin(plugins, name, FAULTS[name])
    code, _, err = run_plugins(plugins, tmp_path)
    assert code == died_with, err  # cannot be caught: the process is gone
    assert sentinel(tmp_path) == {"name": name, "phase": "import"}  # written before its code ran

    code, report, err = run_plugins(plugins, tmp_path)
    assert code == 0, err
    got = states(report)
    assert (got[name]["state"], got[name]["reason"]) == ("disabled", IMPORT_CRASH)
    assert got["gd_good"]["state"] == "active"

    code, report, _ = run_plugins(plugins, tmp_path)  # stays off (remembered) until the user enables it
    assert code == 0 and states(report)[name]["state"] == "disabled"


@pytest.mark.parametrize("name", ["gd_busy_loop", "gd_sleeps"])
def test_a_plugin_hanging_at_import_is_stopped_after_the_time_limit(tmp_path, name):
    plugins = tmp_path / "plugins"
    good_plugin(plugins)
    write_plugin(plugins, name, FAULTS[name])
    code, report, err = run_plugins(plugins, tmp_path)
    assert code == 1, err
    got = states(report)
    assert (got[name]["state"], got[name]["phase"]) == ("failed", "import")
    assert got[name]["error"] == f"importing {name} took longer than 1 s; it was stopped"
    assert got["gd_good"]["state"] == "active"
    assert not (tmp_path / "state" / "gisdesk" / "plugins" / "activating.json").exists()


def test_a_hang_that_cannot_be_interrupted_is_off_at_the_next_start(tmp_path):
    plugins = tmp_path / "plugins"
    good_plugin(plugins)
    write_plugin(plugins, "gd_deaf_hang", FAULTS["gd_deaf_hang"])
    code, _, err = run_plugins(plugins, tmp_path, timeout=HUNG_LIMIT)
    assert code is None  # it really hung, and was killed
    assert ("gisdesk: importing gd_deaf_hang has not finished after 6 s and cannot be interrupted; close gisdesk: "
            "it starts without this plugin next time") in err  # the 1 s limit + 5 s: said on the terminal
    assert sentinel(tmp_path) == {"name": "gd_deaf_hang", "phase": "import"}
    code, report, err = run_plugins(plugins, tmp_path)
    assert code == 0, err
    got = states(report)
    assert (got["gd_deaf_hang"]["state"], got["gd_deaf_hang"]["reason"]) == ("disabled", IMPORT_CRASH)
    assert got["gd_good"]["state"] == "active"


def test_a_crash_in_activate_is_named_with_its_step(tmp_path):
    plugins = tmp_path / "plugins"
    good_plugin(plugins)
    root = write_plugin(plugins, "gd_dies_activating", "")
    (root / "gd_dies_activating" / "__init__.py").write_text("import os\n\ndef activate(ctx):\n    os._exit(5)\n")
    code, _, err = run_plugins(plugins, tmp_path)
    assert code == 5, err
    assert sentinel(tmp_path) == {"name": "gd_dies_activating", "phase": "activate"}
    code, report, err = run_plugins(plugins, tmp_path)
    assert code == 0, err
    assert states(report)["gd_dies_activating"]["reason"] == \
        "gisdesk crashed or hung while activating it at the last start"


def test_every_faulty_plugin_together_the_app_starts_and_the_good_one_stays_active(tmp_path):
    """All of them in one folder: each start either finishes or dies in one plugin, which is off
    at the next start; after at most one start per killer the app starts cleanly, every time."""
    plugins = tmp_path / "plugins"
    good_plugin(plugins)
    for name, body in FAULTS.items():
        if name != "gd_deaf_hang":  # waiting for it to be killed is tested above
            write_plugin(plugins, name, body)
    killers = {"gd_os_exit", "gd_segfault"}
    runs = []
    for _ in range(len(killers) + 2):
        code, report, _ = run_plugins(plugins, tmp_path)
        runs.append(code)
        if report is not None:
            assert states(report)["gd_good"]["state"] == "active"
    assert runs[:len(killers)] != [1] * len(killers)  # they did kill some starts
    assert runs[-2:] == [1, 1]  # and now it starts every time (failed plugins reported: exit 1)
    code, report, _ = run_plugins(plugins, tmp_path)
    got = states(report)
    assert {n for n in killers if got[n]["state"] == "disabled"} == killers
    assert {got[n]["state"] for n in FAULTS if n not in killers and n != "gd_deaf_hang"} == {"failed"}


def test_gisdesk_plugins_reports_a_panel_whose_target_does_not_resolve(tmp_path):
    plugins = tmp_path / "plugins"
    good_plugin(plugins)
    root = write_plugin(plugins, "gd_bad_target", "", '\n[[contributes.panels]]\nid = "gd_bad_target.panel"\n'
                                                      'title = "Panel"\nfactory = "gd_bad_target.view:Panel"\n'
                                                      '\n[[contributes.commands]]\nid = "gd_bad_target.go"\n'
                                                      'title = "Go"\ncallback = "gd_bad_target:no_such_thing"\n')
    (root / "gd_bad_target" / "view.py").write_text("class Panal:  # the typo the manifest does not know\n    pass\n")
    code, report, err = run_plugins(plugins, tmp_path)
    assert code == 1, err
    got = states(report)["gd_bad_target"]
    assert (got["state"], got["phase"]) == ("failed", "import")
    assert got["error"] == ("AttributeError: gd_bad_target.panel: gd_bad_target.view:Panel: "
                            "module 'gd_bad_target.view' has no attribute 'Panel'")
    assert states(report)["gd_good"]["state"] == "active"
