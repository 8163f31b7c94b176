"""Find plugins: plugin folders and the ``gisdesk.plugins`` entry-point group. Never raises.

Sources, in order (the first plugin with a name wins):

1. ``plugins/`` shipped with gisdesk (source ``"builtin"``);
2. the user plugin folder, ``platformdirs.user_config_dir("gisdesk")/plugins`` (``"user"``);
3. folders given with ``--plugins-dir`` (``"dir"``);
4. installed packages declaring an entry point in group ``gisdesk.plugins`` whose value is
   the importable package holding ``gisdesk-plugin.toml`` (``"entry point"``).

A plugins folder holds one sub-folder per plugin; a folder that itself holds a manifest
is taken as one plugin. Nothing of a plugin is imported here.
"""

from __future__ import annotations

import importlib.metadata
import importlib.util
import logging
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from gisdesk.plugins.manifest import MANIFEST_NAME, Manifest, ManifestError, load_manifest, project_package

log = logging.getLogger("gisdesk.plugins")

#: The entry-point group installed plugins declare.
ENTRY_POINT_GROUP = "gisdesk.plugins"


@dataclass(frozen=True)
class Candidate:
    """One plugin found, or one place that should have held a plugin and did not.

    Attributes
    ----------
    name : str
        The manifest's name, or (without a valid manifest) the folder or entry-point name.
    source : str
        ``"builtin"``, ``"user"``, ``"dir"`` or ``"entry point"``.
    path : Path or None
        The plugin's folder (``sys.path`` gets this folder for folder plugins).
    manifest : Manifest or None
        ``None`` when ``error`` says why there is none.
    error : str
        Why this candidate cannot be used (phase ``discover``), or ``""``.
    entry_point : str
        ``"name = value"`` for entry-point plugins.
    """

    name: str
    source: str
    path: Path | None
    manifest: Manifest | None = None
    error: str = ""
    entry_point: str = ""

    @property
    def on_sys_path(self) -> bool:
        """Folder plugins need their folder on ``sys.path``; installed packages import already."""
        return self.source != "entry point"


def builtin_plugins_dir() -> Path:
    """The built-in panels: ``plugins/`` of the checkout, or their copy inside an installed wheel."""
    from gisdesk.core.shipped import plugins_dir

    return plugins_dir()


def user_plugins_dir() -> Path:
    """The user plugin folder: ``<user config dir>/gisdesk/plugins``."""
    import platformdirs

    return Path(platformdirs.user_config_dir("gisdesk")) / "plugins"


def default_folders(extra_dirs: Iterable[str | Path] = ()) -> list[tuple[Path, str]]:
    """The plugin folders to scan with their source names: built-in, user, then ``extra_dirs``."""
    return ([(builtin_plugins_dir(), "builtin"), (user_plugins_dir(), "user")]
            + [(Path(d), "dir") for d in extra_dirs])


def discover(folders: Iterable[tuple[str | Path, str]] | None = None, *,
             entry_points: bool | Iterable[importlib.metadata.EntryPoint] = True) -> list[Candidate]:
    """Find plugins. Never raises: problems come back as candidates with an ``error``.

    Parameters
    ----------
    folders : list of (folder, source), optional
        Plugin folders to scan in order (default: :func:`default_folders`). A missing
        built-in or user folder is normal; a missing ``"dir"`` folder is reported.
    entry_points : bool or iterable of EntryPoint
        ``True`` reads group ``gisdesk.plugins`` from the installed packages, ``False``
        skips it, an iterable gives the entry points to use.

    Returns
    -------
    list of Candidate
        In discovery order. A later candidate whose name is already taken has the error
        ``"duplicate plugin name, already provided by …"``.
    """
    found: list[Candidate] = []
    try:
        for folder, source in (default_folders() if folders is None else folders):
            found += _scan_folder(Path(folder).absolute(), source)
        if entry_points is True:
            eps = list(importlib.metadata.entry_points(group=ENTRY_POINT_GROUP))
        else:
            eps = list(entry_points or ())
        for ep in eps:
            found.append(_from_entry_point(ep))
    except Exception as exc:  # a broken environment must not stop the app
        log.exception("plugin discovery stopped early")
        found.append(Candidate("discovery", "", None, error=f"discovery stopped early: {exc!r}"))
    return _mark_duplicates(found)


def _scan_folder(folder: Path, source: str) -> list[Candidate]:
    try:
        if not folder.exists():
            if source == "dir":
                return [Candidate(folder.name or str(folder), source, folder,
                                  error=f"plugins folder {folder} does not exist")]
            return []
        if not folder.is_dir():
            return [Candidate(folder.name, source, folder, error=f"{folder} is a file, not a plugins folder")]
        if (folder / MANIFEST_NAME).exists():
            return [_from_folder(folder, source)]
        if project_package(folder) is not None:  # --plugins-dir pointing at one plugin project
            return [_from_folder(project_package(folder), source)]
        subdirs = sorted(p for p in folder.iterdir() if not p.name.startswith((".", "_")))
    except OSError as exc:
        return [Candidate(folder.name, source, folder, error=f"cannot read plugins folder {folder}: "
                                                             f"{exc.strerror or exc}")]
    out = []
    for sub in subdirs:
        try:
            if (sub / MANIFEST_NAME).exists() or (sub / MANIFEST_NAME).is_symlink():
                out.append(_from_folder(sub, source))
            elif sub.is_dir() and project_package(sub) is not None:
                out.append(_from_folder(project_package(sub), source))
            elif sub.is_dir() and any(p.suffix == ".py" or p.name.endswith(".toml") for p in sub.iterdir()):
                out.append(Candidate(sub.name, source, sub, error=f"{sub} has no {MANIFEST_NAME}"))
        except OSError as exc:
            out.append(Candidate(sub.name, source, sub, error=f"cannot read {sub}: {exc.strerror or exc}"))
    return out


def _from_folder(folder: Path, source: str) -> Candidate:
    try:
        manifest = load_manifest(folder / MANIFEST_NAME)
    except ManifestError as exc:
        return Candidate(folder.name, source, folder, error=str(exc))
    return Candidate(manifest.name, source, folder, manifest)


def _from_entry_point(ep: importlib.metadata.EntryPoint) -> Candidate:
    label = f"{ep.name} = {ep.value}"
    try:
        module = ep.value.partition(":")[0].strip()
        spec = importlib.util.find_spec(module)
        locations = list(spec.submodule_search_locations or []) if spec else []
        if not locations:
            why = "no such package installed" if spec is None else "is a module, not a package folder"
            return Candidate(ep.name, "entry point", None, error=f"entry point {label}: {module} {why}",
                             entry_point=label)
        folder = Path(locations[0])
        if not (folder / MANIFEST_NAME).exists():
            return Candidate(ep.name, "entry point", folder, error=f"entry point {label}: no {MANIFEST_NAME} in {folder}",
                             entry_point=label)
        cand = _from_folder(folder, "entry point")
        return Candidate(cand.name, cand.source, cand.path, cand.manifest, cand.error, label)
    except Exception as exc:  # find_spec imports parent packages, which may fail
        return Candidate(ep.name, "entry point", None, error=f"entry point {label}: {type(exc).__name__}: {exc}",
                         entry_point=label)


def _mark_duplicates(found: list[Candidate]) -> list[Candidate]:
    out: list[Candidate] = []
    first: dict[str, Candidate] = {}
    seen_paths: set[Path] = set()
    for cand in found:
        key = _resolved(cand.path)
        if key is not None and cand.manifest is not None and key in seen_paths:
            continue  # the same folder reached twice (e.g. --plugins-dir is the user folder)
        if cand.manifest is not None:
            if key is not None:
                seen_paths.add(key)
            if cand.name in first:
                winner = first[cand.name]
                cand = Candidate(cand.name, cand.source, cand.path, cand.manifest,
                                 f"duplicate plugin name {cand.name!r}, already provided by "
                                 f"{winner.path or winner.entry_point} ({winner.source})", cand.entry_point)
            else:
                first[cand.name] = cand
        out.append(cand)
    return out


def _resolved(path: Path | None) -> Path | None:
    try:
        return path.resolve() if path is not None else None
    except OSError:
        return path
