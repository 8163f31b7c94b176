"""The plugin manifest, ``gisdesk-plugin.toml``: read, validate, resolve ``module:attr`` targets.

A manifest is data: nothing of the plugin is imported to read it. Errors name the file
and the field (``ManifestError``), so a plugin author sees at once what to fix.

Examples
--------
>>> m = parse_manifest({"plugin": {"name": "demo", "version": "1.0", "api_version": "1"}})
>>> m.name, m.title, m.panels
('demo', 'demo', ())
"""

from __future__ import annotations

import importlib
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

#: The file that makes a folder a plugin.
MANIFEST_NAME = "gisdesk-plugin.toml"
#: Plugin API versions this gisdesk supports.
API_VERSIONS = frozenset({"1"})
#: Dock areas a panel may ask for.
PANEL_AREAS = ("left", "right", "bottom")

_NAME = re.compile(r"[a-z][a-z0-9_]*\Z")
_TARGET = re.compile(r"[A-Za-z_][\w.]*:[A-Za-z_][\w.]*\Z")

#: A ``"module:attr"`` string, or (for contributions registered from code) the callable itself.
Target = str | Callable[..., Any]


class ManifestError(ValueError):
    """A manifest that cannot be used; the message names the file and the field.

    Attributes
    ----------
    path : Path or None
        The manifest file.
    field : str
        Dotted field name (``plugin.version``, ``contributes.panels[0].factory``), or ``""``.
    """

    def __init__(self, path: Path | None, field_name: str, message: str) -> None:
        self.path = path
        self.field = field_name
        where = f"{path}: " if path else ""
        super().__init__(f"{where}{field_name}: {message}" if field_name else f"{where}{message}")


@dataclass(frozen=True)
class PanelSpec:
    """A dock panel: ``factory(ctx)`` returns the QWidget, ``area`` is left, right or bottom."""

    id: str
    title: str
    factory: Target
    area: str = "right"


@dataclass(frozen=True)
class CommandSpec:
    """A command: ``callback(ctx)``, shown under ``menu`` (a ``/``-separated path)."""

    id: str
    title: str
    callback: Target
    menu: str = ""
    shortcut: str = ""
    icon: str = ""
    requires: str = ""  #: "ACTION KIND" of the access policy (e.g. "create incident"): disabled when refused


@dataclass(frozen=True)
class MapToolSpec:
    """A map tool: ``factory(ctx)`` returns an object with optional ``on_*`` event methods."""

    id: str
    title: str
    factory: Target
    shortcut: str = ""
    icon: str = ""
    requires: str = ""  #: "ACTION KIND" of the access policy (e.g. "edit incident"): disabled when refused


@dataclass(frozen=True)
class ReaderSpec:
    """A layer reader for files with ``extensions``: ``reader(ctx, path)`` returns a table name."""

    id: str
    title: str
    reader: Target
    extensions: tuple[str, ...] = ()


#: Contribution kinds: manifest table name -> (spec class, required fields).
CONTRIBUTION_KINDS: dict[str, tuple[type, tuple[str, ...]]] = {
    "panels": (PanelSpec, ("id", "title", "factory")),
    "commands": (CommandSpec, ("id", "title", "callback")),
    "map_tools": (MapToolSpec, ("id", "title", "factory")),
    "readers": (ReaderSpec, ("id", "title", "reader", "extensions")),
}
_TARGET_FIELDS = {"factory", "callback", "reader"}


@dataclass(frozen=True)
class Manifest:
    """What a plugin declares. Key names follow QGIS's ``metadata.txt``.

    Attributes
    ----------
    name : str
        The plugin id, ``[a-z][a-z0-9_]*``, unique among plugins.
    version, api_version : str
    title, author, about, tracker, repository, category, icon : str
    description, homepage, changelog : str
        A one-line description (QGIS's ``description``; ``about`` is the longer text), the
        plugin's web page and what changed in this version.
    min_gisdesk, max_gisdesk : str
        The gisdesk versions it works with (QGIS's ``qgisMinimumVersion``/``qgisMaximumVersion``),
        ``""`` for no bound; outside them the plugin is not activated, and says why.
    dependencies : tuple of str
        Other plugins (by name) it needs active first (QGIS's ``plugin_dependencies``).
    translations : str
        The folder (relative to the manifest) of its Qt translation files (``<name>_<lang>.qm``).
    tags : tuple of str
    experimental : bool
    activate, deactivate : str
        ``module:attr`` of ``callable(ctx)``, or ``""``.
    panels, commands, map_tools, readers : tuple
        The declared contributions.
    path : Path or None
        The manifest file.
    warnings : tuple of str
        Unknown keys (ignored, likely typos).
    """

    name: str
    version: str
    api_version: str
    title: str = ""
    author: str = ""
    about: str = ""
    tracker: str = ""
    repository: str = ""
    tags: tuple[str, ...] = ()
    category: str = ""
    icon: str = ""
    description: str = ""
    homepage: str = ""
    changelog: str = ""
    min_gisdesk: str = ""
    max_gisdesk: str = ""
    dependencies: tuple[str, ...] = ()
    translations: str = ""
    experimental: bool = False
    activate: str = ""
    deactivate: str = ""
    panels: tuple[PanelSpec, ...] = ()
    commands: tuple[CommandSpec, ...] = ()
    map_tools: tuple[MapToolSpec, ...] = ()
    readers: tuple[ReaderSpec, ...] = ()
    path: Path | None = None
    warnings: tuple[str, ...] = field(default=(), compare=False)

    @property
    def root(self) -> Path | None:
        """The plugin's folder (where the manifest is)."""
        return self.path.parent if self.path else None

    def contributions(self) -> list[tuple[str, Any]]:
        """All declared contributions as ``(kind, spec)``, in manifest order per kind."""
        return [(kind, spec) for kind in CONTRIBUTION_KINDS for spec in getattr(self, kind)]


_PLUGIN_STR_FIELDS = ("version", "api_version", "title", "author", "about", "tracker", "repository",
                      "category", "icon", "activate", "deactivate", "description", "homepage", "changelog",
                      "min_gisdesk", "max_gisdesk", "translations")
#: Every key of ``[plugin]`` (the JSON Schema ``gisdesk/plugins/manifest.schema.json`` lists the same).
PLUGIN_KEYS = frozenset({"name", "tags", "experimental", "dependencies", *_PLUGIN_STR_FIELDS})
_VERSION = re.compile(r"\d+(\.\d+){0,3}\Z")


def project_package(folder: Path) -> Path | None:
    """The plugin package of a plugin *project* folder (what ``gisdesk plugin new`` writes and
    ``pip install`` installs): ``folder`` holds a ``pyproject.toml`` and a package named like the
    folder whose ``gisdesk-plugin.toml`` sits inside it. None for any other folder."""
    package = folder / folder.name
    if (folder / "pyproject.toml").is_file() and (package / MANIFEST_NAME).is_file() \
            and (package / "__init__.py").is_file():
        return package
    return None


def load_manifest(path: str | Path) -> Manifest:
    """Read and validate a ``gisdesk-plugin.toml`` (or the one in a folder, or in a plugin project's package).

    Raises
    ------
    ManifestError
        The file is missing, unreadable, not TOML or not a valid manifest.
    """
    path = Path(path)
    if path.is_dir() and path.name != MANIFEST_NAME:
        path = (project_package(path) or path) / MANIFEST_NAME
    try:
        data = tomllib.loads(path.read_bytes().decode("utf-8"))
    except FileNotFoundError:
        raise ManifestError(path, "", "no such file") from None
    except UnicodeDecodeError as exc:
        raise ManifestError(path, "", f"not UTF-8 text ({exc.reason} at byte {exc.start})") from None
    except tomllib.TOMLDecodeError as exc:
        raise ManifestError(path, "", f"not valid TOML: {exc}") from None
    except OSError as exc:
        raise ManifestError(path, "", f"cannot read: {exc.strerror or exc}") from None
    return parse_manifest(data, path)


def parse_manifest(data: dict[str, Any], path: Path | None = None) -> Manifest:
    """Validate manifest data (a parsed TOML document) into a :class:`Manifest`."""
    warnings: list[str] = []
    unknown = set(data) - {"plugin", "contributes"}
    warnings += [f"unknown table [{k}] ignored" for k in sorted(unknown)]
    plugin = data.get("plugin")
    if not isinstance(plugin, dict):
        raise ManifestError(path, "plugin", "missing [plugin] table")
    name = plugin.get("name")
    if name is None:
        raise ManifestError(path, "plugin.name", "missing (the plugin id, e.g. name = \"flood_watch\")")
    if not isinstance(name, str) or not _NAME.match(name):
        raise ManifestError(path, "plugin.name",
                            f"{name!r} is not a plugin name: lower-case letters, digits and _, starting with a letter")
    values: dict[str, Any] = {"name": name}
    for key in ("version", "api_version"):
        if key not in plugin:
            raise ManifestError(path, f"plugin.{key}", "missing")
    for key in _PLUGIN_STR_FIELDS:
        if key in plugin:
            values[key] = _string(plugin[key], path, f"plugin.{key}")
    for key in ("activate", "deactivate"):
        if values.get(key) and not _TARGET.match(values[key]):
            raise ManifestError(path, f"plugin.{key}", f"{values[key]!r} is not \"module:function\"")
    if "tags" in plugin:
        values["tags"] = _strings(plugin["tags"], path, "plugin.tags")
    for key in ("min_gisdesk", "max_gisdesk"):
        if values.get(key) and not _VERSION.match(values[key]):
            raise ManifestError(path, f"plugin.{key}", f"{values[key]!r} is not a version like \"0.4\" or \"1.2.0\"")
    if "dependencies" in plugin:
        deps = _strings(plugin["dependencies"], path, "plugin.dependencies")
        bad = [d for d in deps if not _NAME.match(d) or d == name]
        if bad:
            raise ManifestError(path, "plugin.dependencies", f"{bad[0]!r} is not another plugin's name")
        values["dependencies"] = deps
    if "experimental" in plugin:
        if not isinstance(plugin["experimental"], bool):
            raise ManifestError(path, "plugin.experimental", f"must be true or false, not {plugin['experimental']!r}")
        values["experimental"] = plugin["experimental"]
    warnings += [f"unknown key plugin.{k} ignored" for k in sorted(set(plugin) - PLUGIN_KEYS)]
    values.setdefault("title", name)

    contributes = data.get("contributes", {})
    if not isinstance(contributes, dict):
        raise ManifestError(path, "contributes", "must be a table ([[contributes.panels]], …)")
    warnings += [f"unknown contribution kind contributes.{k} ignored" for k in sorted(set(contributes) - set(CONTRIBUTION_KINDS))]
    for kind in CONTRIBUTION_KINDS:
        entries = contributes.get(kind, [])
        if not isinstance(entries, list) or not all(isinstance(e, dict) for e in entries):
            raise ManifestError(path, f"contributes.{kind}", f"must be an array of tables ([[contributes.{kind}]])")
        values[kind] = tuple(_contribution(kind, e, name, path, f"contributes.{kind}[{i}]", warnings)
                             for i, e in enumerate(entries))
    return Manifest(**values, path=path, warnings=tuple(warnings))


def _contribution(kind: str, entry: dict[str, Any], plugin: str, path: Path | None, where: str,
                  warnings: list[str]) -> Any:
    cls, required = CONTRIBUTION_KINDS[kind]
    for key in required:
        if key not in entry:
            raise ManifestError(path, f"{where}.{key}", "missing")
    allowed = set(cls.__dataclass_fields__)
    warnings += [f"unknown key {where}.{k} ignored" for k in sorted(set(entry) - allowed)]
    values: dict[str, Any] = {}
    for key in allowed & set(entry):
        values[key] = (_strings(entry[key], path, f"{where}.{key}") if key == "extensions"
                       else _string(entry[key], path, f"{where}.{key}"))
    check_contribution_id(values["id"], plugin, path, f"{where}.id")
    for key in _TARGET_FIELDS & set(values):
        if not _TARGET.match(values[key]):
            raise ManifestError(path, f"{where}.{key}", f"{values[key]!r} is not \"module:attr\"")
    if values.get("requires"):
        from gisdesk.core.access import ACTIONS, KINDS

        parts = values["requires"].split()
        if len(parts) != 2 or parts[0] not in ACTIONS or parts[1] not in KINDS:
            raise ManifestError(path, f"{where}.requires", f"{values['requires']!r} is not \"ACTION KIND\" of the "
                                f"access policy (actions: {', '.join(ACTIONS)}; kinds: {', '.join(KINDS)})")
    if kind == "panels" and values.get("area", "right") not in PANEL_AREAS:
        raise ManifestError(path, f"{where}.area", f"{values['area']!r} is not one of {', '.join(PANEL_AREAS)}")
    if kind == "readers":
        bad = [e for e in values["extensions"] if not e.startswith(".")]
        if bad or not values["extensions"]:
            raise ManifestError(path, f"{where}.extensions", "give file extensions with their dot, e.g. [\".csv\"]")
        values["extensions"] = tuple(e.lower() for e in values["extensions"])
    return cls(**values)


def version_tuple(text: str) -> tuple[int, ...]:
    """``"1.2"`` -> ``(1, 2, 0, 0)`` (the numeric part of a version; letters after it are ignored)."""
    parts = [int(p) for p in re.findall(r"\d+", re.match(r"[\d.]*", text or "").group(0))][:4]
    return tuple(parts + [0] * (4 - len(parts)))


def version_problem(manifest: Manifest, gisdesk_version: str) -> str | None:
    """Why ``manifest`` does not run on ``gisdesk_version`` (outside its ``min_gisdesk``-``max_gisdesk``), or None."""
    have = version_tuple(gisdesk_version)
    if manifest.min_gisdesk and have < version_tuple(manifest.min_gisdesk):
        return f"needs gisdesk {manifest.min_gisdesk} or newer (this is {gisdesk_version})"
    if manifest.max_gisdesk and have > version_tuple(manifest.max_gisdesk):
        return f"works with gisdesk up to {manifest.max_gisdesk} (this is {gisdesk_version}); update the plugin"
    return None


def check_contribution_id(cid: Any, plugin: str, path: Path | None = None, where: str = "id") -> None:
    """Raise :class:`ManifestError` unless ``cid`` is a dotted id starting with ``plugin.``."""
    if not isinstance(cid, str) or not cid.startswith(plugin + ".") or not re.fullmatch(r"[\w.]+", cid) \
            or cid.endswith("."):
        raise ManifestError(path, where, f"{cid!r} is not a dotted id starting with the plugin name "
                                         f"(e.g. \"{plugin}.panel\")")


def _string(value: Any, path: Path | None, where: str) -> str:
    if not isinstance(value, str):
        hint = " (put it in quotes)" if isinstance(value, (int, float)) else ""
        raise ManifestError(path, where, f"must be a string, not {type(value).__name__} {value!r}{hint}")
    return value


def _strings(value: Any, path: Path | None, where: str) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ManifestError(path, where, f"must be a list of strings, not {value!r}")
    return tuple(value)


def resolve(target: Target) -> Any:
    """Import and return the object a ``"module:attr"`` string points at (a callable passes through).

    Raises whatever importing the module raises; ``AttributeError`` with the target when the
    module lacks the attribute.
    """
    if not isinstance(target, str):
        return target
    module_name, _, attr = target.partition(":")
    obj: Any = importlib.import_module(module_name)
    for part in attr.split("."):
        try:
            obj = getattr(obj, part)
        except AttributeError:
            raise AttributeError(f"{target}: module {module_name!r} has no attribute {attr!r}") from None
    return obj
