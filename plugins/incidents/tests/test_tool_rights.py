"""The incident draw tools declare ``requires`` in the manifest and follow the access policy in the window:
disabled with the policy's reason for a user who may not, enabled for one who may (issue 12)."""

from __future__ import annotations

from gisdesk.api import User

VIEWER = User("viewer", "viewer", "viewer")
PHU_HOI = User("phu_hoi", "phu_hoi", "commune_officer", commune="Phú Hội")


def test_the_incident_draw_tools_follow_who_is_signed_in(main_window):
    tools = main_window.plugin_host.tools
    draw = [tools[t] for t in ("incidents.draw_point", "incidents.draw_line", "incidents.draw_polygon",
                               "incidents.edit_shape")]
    assert main_window.switch_user(VIEWER)
    assert [a.isEnabled() for a in draw] == [False, False, False, False]  # a viewer changes nothing
    assert "may look but not change anything" in draw[0].toolTip()
    assert main_window.switch_user(PHU_HOI)  # a commune officer reports anywhere and edits their own
    assert [a.isEnabled() for a in draw] == [True, True, True, True]
    assert "Ctrl+Alt+O" in draw[0].toolTip()
