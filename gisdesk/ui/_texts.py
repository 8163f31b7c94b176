"""Texts the window shows from data (roles, colour ramps, marker shapes, geometry types), registered
for the translation catalogues. Nothing imports this module: ``gisdesk i18n update`` reads it."""

from gisdesk.core.i18n import translate_noop as _

# the signed-in user's role in the status bar (MainWindow)
_("MainWindow", "administrator"), _("MainWindow", "city dispatcher"), _("MainWindow", "department officer")
_("MainWindow", "commune officer"), _("MainWindow", "viewer")
# colour ramps (the RAMPS names) in the style dialog and the raster ramp editor
_("StyleDialog", "Blues"), _("StyleDialog", "Reds"), _("StyleDialog", "Viridis"), _("StyleDialog", "Red-yellow-green")
_("RampEditor", "Blues"), _("RampEditor", "Reds"), _("RampEditor", "Viridis"), _("RampEditor", "Red-yellow-green")
# marker shapes (core.style.MARKER_SHAPES)
_("StyleDialog", "circle"), _("StyleDialog", "square"), _("StyleDialog", "triangle"), _("StyleDialog", "diamond")
_("StyleDialog", "cross")
# geometry types of the layers of a file (import dialog)
_("ImportDialogs", "Point"), _("ImportDialogs", "LineString"), _("ImportDialogs", "Polygon")
_("ImportDialogs", "MultiPoint"), _("ImportDialogs", "MultiLineString"), _("ImportDialogs", "MultiPolygon")
_("ImportDialogs", "GeometryCollection"), _("ImportDialogs", "Unknown")
# the window's menus (actions.MENUS, translated as "&" + name) and the plugin host's menu
_("Commands", "&File"), _("Commands", "&View"), _("Commands", "&Features"), _("Commands", "&Plugins")
# Qt's own dialog buttons (QDialogButtonBox standard buttons, context QPlatformTheme): Qt ships no
# Vietnamese catalogue, so gisdesk's carries these texts (see gisdesk.ui.language)
_("QPlatformTheme", "OK"), _("QPlatformTheme", "Cancel"), _("QPlatformTheme", "Close"), _("QPlatformTheme", "Apply")
_("QPlatformTheme", "Save"), _("QPlatformTheme", "&Yes"), _("QPlatformTheme", "&No"), _("QPlatformTheme", "Reset")
_("QPlatformTheme", "Help"), _("QPlatformTheme", "Discard"), _("QPlatformTheme", "Open")
