"""``requires = "ACTION KIND"`` on a command or map tool names an action of the access policy."""

from __future__ import annotations

import pytest

from gisdesk.plugins.manifest import ManifestError, load_manifest

HEAD = '[plugin]\nname = "gd_req"\nversion = "1"\napi_version = "1"\n'


def write(tmp_path, requires):
    path = tmp_path / "gisdesk-plugin.toml"
    path.write_text(HEAD + '[[contributes.map_tools]]\nid = "gd_req.go"\ntitle = "Go"\nfactory = "gd_req:go"\n'
                    f'requires = "{requires}"\n', encoding="utf-8")
    return path


def test_requires_is_kept_when_it_names_an_action_and_a_kind(tmp_path):
    assert load_manifest(write(tmp_path, "edit incident")).map_tools[0].requires == "edit incident"


@pytest.mark.parametrize("bad", ["fly incident", "edit dragon", "edit", "edit incident now"])
def test_a_requires_that_is_not_action_and_kind_is_a_manifest_error(tmp_path, bad):
    with pytest.raises(ManifestError, match="ACTION KIND"):
        load_manifest(write(tmp_path, bad))
