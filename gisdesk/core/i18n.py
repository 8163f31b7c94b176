"""Which language gisdesk speaks (Qt-free): the languages with catalogues and how one is chosen.

The window installs the Qt translators (``gisdesk.ui.language``); this module only decides.
The choice, first match wins: ``--lang`` on the command line, the saved setting
(View › Language), the ``GISDESK_LANG`` environment variable, the system locale; a language
without a catalogue falls back to English.
"""

from __future__ import annotations

import locale
import os

#: Languages with a catalogue: code -> the language's own name (shown in View › Language).
LANGUAGES: dict[str, str] = {"en": "English", "vi": "Tiếng Việt", "zh_CN": "简体中文"}
DEFAULT = "en"
#: The QSettings key of the saved choice ("" or missing: follow the system).
SETTING = "ui/language"

_current = DEFAULT


def translate_noop(context: str, text: str) -> str:
    """Mark ``text`` for the catalogues under ``context`` without translating it (it is translated
    where it is shown, from a variable). Returns ``text`` unchanged.

    Examples
    --------
    >>> translate_noop("TaskStates", "overdue")
    'overdue'
    """
    return text


def normalise(code: str | None) -> str | None:
    """The catalogue language for a locale name, or None when gisdesk has no catalogue for it.

    Examples
    --------
    >>> normalise("vi_VN.UTF-8"), normalise("zh-Hans-CN"), normalise("zh_TW"), normalise("C")
    ('vi', 'zh_CN', None, None)
    """
    if not code:
        return None
    base = code.split(".")[0].split("@")[0].replace("-", "_")
    parts = base.split("_")
    lang = parts[0].lower()
    if lang == "en":
        return "en"
    if lang == "vi":
        return "vi"
    if lang == "zh":
        rest = {p.upper() for p in parts[1:]}
        if rest & {"TW", "HK", "MO", "HANT"}:
            return None  # traditional Chinese: no catalogue yet
        return "zh_CN"
    return None


def system_language() -> str | None:
    """The catalogue language of the system locale (``LANGUAGE``, ``LC_ALL``, ``LC_MESSAGES``, ``LANG``)."""
    for var in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        for value in (os.environ.get(var) or "").split(":"):
            if value and (found := normalise(value)):
                return found
    try:
        return normalise(locale.getlocale()[0])
    except ValueError:
        return None


def choose_language(cli: str | None = None, saved: str | None = None) -> str:
    """The language to use: ``cli`` (``--lang``), else ``saved`` (the setting), else ``GISDESK_LANG``,
    else the system locale, else English. Unknown codes are skipped.

    Examples
    --------
    >>> choose_language("vi", "zh_CN")
    'vi'
    >>> choose_language(None, "zh_CN")
    'zh_CN'
    """
    for candidate in (cli, saved, os.environ.get("GISDESK_LANG")):
        if candidate and (found := normalise(candidate)):
            return found
    return system_language() or DEFAULT


def set_current(language: str) -> None:
    """Record the language in use (the window calls this when it installs the translators),
    so Qt-free code (sorting, the locator) follows it."""
    global _current
    _current = normalise(language) or DEFAULT


def current() -> str:
    """The language in use (``"en"`` until the window or a command sets one)."""
    return _current
