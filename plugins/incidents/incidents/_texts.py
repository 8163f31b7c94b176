"""Texts this panel shows from data (incident statuses and channels, as stored codes with "_" as a space),
registered for its translation catalogue. Nothing imports this module: ``gisdesk i18n update`` reads it."""

from PySide6.QtCore import QT_TRANSLATE_NOOP as _

# gisdesk.core.incidents.STATUSES, shown with "_" as a space
_("IncidentsPanel", "new"), _("IncidentsPanel", "assigned"), _("IncidentsPanel", "in progress"), _("IncidentsPanel", "resolved")
_("IncidentsPanel", "closed"), _("IncidentsPanel", "rejected"), _("IncidentsPanel", "duplicate")
# gisdesk.core.incidents.CHANNELS
_("IncidentsPanel", "officer"), _("IncidentsPanel", "hotline"), _("IncidentsPanel", "app"), _("IncidentsPanel", "camera"), _("IncidentsPanel", "sensor")
