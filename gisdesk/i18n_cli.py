"""``gisdesk i18n update|compile|stats``: keep the translation catalogues in step with the code.

- ``update`` extracts every translatable text (:mod:`gisdesk.i18n_extract`) of ``gisdesk/``
  into ``resources/i18n/gisdesk_<lang>.ts`` and of each shipped panel (its code and the
  titles of its manifest) into ``plugins/<name>/i18n/<name>_<lang>.ts``; new texts are added
  unfinished, texts no longer in the code are marked vanished, translations are kept.
  Translate the ``.ts`` files with Qt Linguist (``pyside6-linguist``) or any text editor.
- ``compile`` builds a ``.qm`` beside every ``.ts`` (the set-up and the wheel build run it;
  ``.qm`` files are build output and not committed).
- ``stats`` prints, per catalogue, how many texts are translated.

Works in a source checkout (the ``.ts`` files are sources there).
"""

from __future__ import annotations

import argparse
import sys
import tomllib
from pathlib import Path

from gisdesk.core.i18n import LANGUAGES
from gisdesk.i18n_catalogue import Catalogue, Message, compile_tree, merge, read_ts, write_ts
from gisdesk.i18n_extract import extract, python_files

CHECKOUT = Path(__file__).resolve().parents[1]
TRANSLATED = [code for code in LANGUAGES if code != "en"]


def manifest_messages(manifest: Path, where: str = "../gisdesk-plugin.toml") -> list[Message]:
    """The texts of a plugin manifest shown to users (title, about, contribution titles), under the plugin's name."""
    data = tomllib.loads(manifest.read_text(encoding="utf-8"))
    plugin = data.get("plugin", {})
    name = plugin.get("name", manifest.parent.name)
    texts = [plugin.get("title", ""), plugin.get("about", "")]
    for specs in (data.get("contributes") or {}).values():
        texts += [spec.get("title", "") for spec in specs if isinstance(spec, dict)]
    return [Message(name, t, locations=[where]) for t in dict.fromkeys(texts) if t]


def catalogues(root: Path = CHECKOUT) -> list[tuple[str, list[Path], list[Path], Path]]:
    """(name, files to scan, import roots, i18n folder) for gisdesk and each shipped plugin."""
    out = [("gisdesk", python_files(root / "gisdesk"), [root], root / "resources" / "i18n")]
    for manifest in sorted((root / "plugins").glob("*/gisdesk-plugin.toml")):
        folder = manifest.parent
        out.append((folder.name, python_files(folder), [folder], folder / "i18n"))
    return out


def update(root: Path = CHECKOUT, languages: list[str] | None = None) -> list[str]:
    """Bring every catalogue up to the code; returns one line per catalogue written."""
    lines = []
    for name, files, roots, folder in catalogues(root):
        found = extract(files, roots, folder)
        messages = list(found.messages.values())
        manifest = folder.parent / "gisdesk-plugin.toml"
        if manifest.is_file():
            messages += manifest_messages(manifest)
        folder.mkdir(parents=True, exist_ok=True)
        for lang in languages or TRANSLATED:
            path = folder / f"{name}_{lang}.ts"
            cat = read_ts(path) if path.exists() else Catalogue(lang)
            cat.language = lang
            added, vanished = merge(cat, messages)
            write_ts(cat, path)
            lines.append(f"{path.relative_to(root)}: {len(messages)} texts, {added} new, {vanished} vanished")
    return lines


def stats(root: Path = CHECKOUT) -> list[str]:
    lines = []
    for ts in sorted([*(root / "resources" / "i18n").glob("*.ts"), *(root / "plugins").glob("*/i18n/*.ts")]):
        cat = read_ts(ts)
        live = [m for m in cat.messages.values() if m.kind != "vanished"]
        done = [m for m in live if m.translation and m.kind == ""]
        lines.append(f"{ts.relative_to(root)}: {len(done)}/{len(live)} translated")
    return lines


def i18n_main(argv: list[str]) -> int:
    """Run ``gisdesk i18n …``; returns the exit status."""
    parser = argparse.ArgumentParser(prog="gisdesk i18n", description="Translation catalogues.")
    sub = parser.add_subparsers(dest="what", required=True)
    up = sub.add_parser("update", help="extract the texts of the code into the .ts catalogues")
    up.add_argument("--lang", action="append", choices=TRANSLATED, help="only this language (repeatable)")
    sub.add_parser("compile", help="build a .qm beside every .ts (resources/i18n and plugins/*/i18n)")
    sub.add_parser("stats", help="how many texts each catalogue translates")
    args = parser.parse_args(argv)
    if not (CHECKOUT / "resources" / "i18n").is_dir() and args.what != "compile":
        print("gisdesk i18n: run this in a source checkout (resources/i18n is not here)", file=sys.stderr)
        return 2
    if args.what == "update":
        lines = update(CHECKOUT, args.lang)
    elif args.what == "compile":
        from gisdesk.core.shipped import plugins_dir, resources_dir

        written = compile_tree(resources_dir() / "i18n") + compile_tree(plugins_dir())
        lines = [f"{len(written)} catalogues compiled"]
    else:
        lines = stats(CHECKOUT)
    print("\n".join(lines))
    return 0
