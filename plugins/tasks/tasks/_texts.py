"""Texts this panel shows from data (incident statuses and channels, as stored codes with "_" as a space),
registered for its translation catalogue. Nothing imports this module: ``gisdesk i18n update`` reads it."""

from PySide6.QtCore import QT_TRANSLATE_NOOP as _

# gisdesk.core.incidents.STATUSES, shown with "_" as a space
_("TasksPanel", "new"), _("TasksPanel", "assigned"), _("TasksPanel", "in progress"), _("TasksPanel", "resolved")
_("TasksPanel", "closed"), _("TasksPanel", "rejected"), _("TasksPanel", "duplicate")
# gisdesk.core.incidents.CHANNELS
_("TasksPanel", "officer"), _("TasksPanel", "hotline"), _("TasksPanel", "app"), _("TasksPanel", "camera"), _("TasksPanel", "sensor")
# gisdesk.core.users.ROLES (with "_" as a space) and User.unit for the city
_("TasksPanel", "administrator"), _("TasksPanel", "city dispatcher"), _("TasksPanel", "department officer")
_("TasksPanel", "commune officer"), _("TasksPanel", "viewer"), _("TasksPanel", "the city")
