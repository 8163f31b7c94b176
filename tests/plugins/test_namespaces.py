"""Each folder plugin's modules load under its own namespace: two plugins whose folders hold a
package of the same name both load, and each runs its own code (manifest targets, absolute and
relative imports of its own modules, modules imported later by commands)."""

from __future__ import annotations

import sys

from gisdesk.core.map_model import MapModel
from gisdesk.plugins.host import HeadlessHost

from .conftest import make_manager

MANIFEST = """\
[plugin]
name = "{name}"
version = "1"
api_version = "1"
activate = "panel:activate"

[[contributes.commands]]
id = "{name}.speak"
title = "Speak"
callback = "panel.commands:speak"

[[contributes.panels]]
id = "{name}.panel"
title = "Panel"
factory = "panel.view:make"
"""


def write_twin(root, name: str, word: str) -> None:
    """A plugin whose folder holds package ``panel`` (as its twin's does), with its own ``word``."""
    pkg = root / name / "panel"
    pkg.mkdir(parents=True)
    (root / name / "gisdesk-plugin.toml").write_text(MANIFEST.format(name=name), encoding="utf-8")
    (pkg / "__init__.py").write_text(
        "from panel.words import WORD  # an absolute import of its own module, the old way\n"
        "from . import words\n"
        "ACTIVATED = []\n\n"
        "def activate(ctx):\n    ACTIVATED.append(WORD)\n    ctx.notify('activated ' + words.WORD)\n",
        encoding="utf-8")
    (pkg / "words.py").write_text(f"WORD = {word!r}\n", encoding="utf-8")
    (pkg / "commands.py").write_text(
        "def speak(ctx):\n    import panel.words  # imported late, from inside a function\n"
        "    ctx.notify('says ' + panel.words.WORD)\n", encoding="utf-8")
    (pkg / "view.py").write_text("from .words import WORD\n\ndef make(ctx):\n    return {'panel_of': WORD}\n",
                                 encoding="utf-8")
    (root / name / "helpers.py").write_text(f"WHO = {word!r}\n", encoding="utf-8")


def test_two_plugins_with_the_same_package_name_each_run_their_own_code(tmp_path):
    first, second = tmp_path / "first", tmp_path / "second"
    write_twin(first, "gd_alpha", "alpha")
    write_twin(second, "gd_beta", "beta")
    before = set(sys.modules)
    host = HeadlessHost(model=MapModel())
    manager = make_manager(host, tmp_path / "state", first, second)
    manager.start()
    assert [(r.name, r.state, r.error) for r in manager.records] == [("gd_alpha", "active", ""),
                                                                      ("gd_beta", "active", "")]
    assert ("gd_alpha: activated alpha", "info", "") in host.notifications
    assert ("gd_beta: activated beta", "info", "") in host.notifications
    host.run_command("gd_beta.speak")
    host.run_command("gd_alpha.speak")
    assert [t for t, _, _ in host.notifications[-2:]] == ["gd_beta: says beta", "gd_alpha: says alpha"]
    assert host.panels["gd_alpha.panel"].call() == {"panel_of": "alpha"}
    assert host.panels["gd_beta.panel"].call() == {"panel_of": "beta"}
    assert manager.module("gd_alpha", "panel").ACTIVATED == ["alpha"]
    assert manager.module("gd_beta", "panel").ACTIVATED == ["beta"]
    assert manager.module("gd_beta", "helpers").WHO == "beta"
    new = set(sys.modules) - before
    assert "panel" not in new and "panel.words" not in new  # nothing of a plugin under a bare name
    assert {m.split(".")[0] for m in new if "panel" in m} == {"gisdesk_plugin_gd_alpha", "gisdesk_plugin_gd_beta"}
    assert str(first / "gd_alpha") not in sys.path and str(second / "gd_beta") not in sys.path


def test_a_failing_twin_does_not_take_the_other_down(tmp_path):
    first, second = tmp_path / "first", tmp_path / "second"
    write_twin(first, "gd_alpha", "alpha")
    write_twin(second, "gd_beta", "beta")
    (second / "gd_beta" / "panel" / "words.py").write_text("raise ImportError('beta is broken on purpose')\n")
    host = HeadlessHost(model=MapModel())
    manager = make_manager(host, tmp_path / "state", second, first)  # the broken one first
    manager.start()
    beta, alpha = manager.record("gd_beta"), manager.record("gd_alpha")
    assert (beta.state, beta.phase) == ("failed", "import") and "beta is broken on purpose" in beta.error
    assert alpha.state == "active"
    host.run_command("gd_alpha.speak")
    assert host.notifications[-1][0] == "gd_alpha: says alpha"


def test_a_plugin_of_the_same_name_from_another_folder_runs_its_own_code(tmp_path):
    """A later manager (e.g. the next test, or a reload from another checkout) finding a plugin of
    the same name in a different folder must not get the first folder's cached modules."""
    one, two = tmp_path / "one", tmp_path / "two"
    write_twin(one, "gd_same", "from one")
    write_twin(two, "gd_same", "from two")
    host1 = HeadlessHost(model=MapModel())
    make_manager(host1, tmp_path / "s1", one).start()
    host2 = HeadlessHost(model=MapModel())
    make_manager(host2, tmp_path / "s2", two).start()
    host2.run_command("gd_same.speak")
    assert host2.notifications[-1][0] == "gd_same: says from two"
