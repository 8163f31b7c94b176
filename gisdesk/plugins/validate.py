"""``gisdesk plugin validate DIR``: check a plugin folder the way gisdesk will load it, without running it.

Checks, in order, each problem said in one line naming the file and the field:

* the manifest parses and validates (:func:`~gisdesk.plugins.manifest.load_manifest`);
* every ``module:attr`` target names a module file that exists in the plugin folder (the
  module is found, never imported: validating runs none of the plugin's code);
* the ``icon`` and ``translations`` it names exist;
* it runs on this gisdesk (``min_gisdesk``/``max_gisdesk``, ``api_version``);
* its name does not shadow a standard-library module.

Unknown keys are warnings (likely typos), not errors.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from pathlib import Path

import gisdesk
from gisdesk.plugins.manifest import (API_VERSIONS, MANIFEST_NAME, CONTRIBUTION_KINDS, Manifest, ManifestError,
                                      load_manifest, version_problem)


@dataclass
class Validation:
    """The outcome: ``errors`` (the plugin will not load) and ``warnings``."""

    manifest: Manifest | None = None
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors


def _module_file(root: Path, module: str) -> Path | None:
    """The file that ``module`` (dotted, relative to the plugin folder) would be imported from, if any."""
    base = root.joinpath(*module.split("."))
    for candidate in (base.with_suffix(".py"), base / "__init__.py"):
        if candidate.is_file():
            return candidate
    return None


def validate_plugin(folder: str | Path) -> Validation:
    """Check the plugin in ``folder`` (or the manifest file itself); never imports its code."""
    from gisdesk.plugins.discovery import project_package

    out = Validation()
    path = Path(folder)
    path = project_package(path) or path if path.is_dir() else path
    try:
        m = load_manifest(path)
    except ManifestError as exc:
        out.errors.append(str(exc))
        return out
    out.manifest = m
    out.warnings += list(m.warnings)
    root = m.root or (path if path.is_dir() else path.parent)
    where = m.path or root / MANIFEST_NAME
    # a plugin folder that is itself a package: its targets name the package, from the folder above
    code_root = root.parent if (root / "__init__.py").is_file() and root.name.isidentifier() else root
    targets = [("plugin.activate", m.activate), ("plugin.deactivate", m.deactivate)]
    for kind in CONTRIBUTION_KINDS:
        for i, spec in enumerate(getattr(m, kind)):
            for key in ("factory", "callback", "reader"):
                if isinstance(getattr(spec, key, None), str):
                    targets.append((f"contributes.{kind}[{i}].{key}", getattr(spec, key)))
    for name, target in targets:
        if target and _module_file(code_root, target.partition(":")[0]) is None:
            out.errors.append(f"{where}: {name}: no module {target.partition(':')[0]!r} in {code_root} "
                              f"(looked for {target.partition(':')[0].replace('.', '/')}.py or its __init__.py)")
    if m.icon and not (root / m.icon).is_file():
        out.errors.append(f"{where}: plugin.icon: {m.icon!r} is not a file in {root}")
    if m.translations and not (root / m.translations).is_dir():
        out.errors.append(f"{where}: plugin.translations: {m.translations!r} is not a folder in {root}")
    if m.api_version not in API_VERSIONS:
        out.errors.append(f"{where}: plugin.api_version: {m.api_version!r} is not supported by this gisdesk "
                          f"(it supports {', '.join(sorted(API_VERSIONS))})")
    problem = version_problem(m, gisdesk.__version__)
    if problem:
        out.errors.append(f"{where}: plugin.min_gisdesk/max_gisdesk: {problem}")
    if m.name in sys.stdlib_module_names:
        out.errors.append(f"{where}: plugin.name: {m.name!r} is a standard-library module; its package would "
                          "shadow it")
    return out


def validate_command(folder: str) -> int:
    """Print the result; exit 0 when valid (warnings allowed), 2 otherwise."""
    result = validate_plugin(folder)
    for w in result.warnings:
        print(f"warning: {w}", file=sys.stderr)
    for e in result.errors:
        print(f"gisdesk: {e}", file=sys.stderr)
    if result.ok:
        m = result.manifest
        print(f"{m.name} {m.version}: valid ({len(m.contributions())} contributions"
              f"{', ' + str(len(result.warnings)) + ' warnings' if result.warnings else ''})")
        return 0
    return 2


__all__ = ["Validation", "validate_command", "validate_plugin"]
