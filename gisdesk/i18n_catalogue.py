"""Qt translation catalogues without Qt: read and write ``.ts`` (Qt Linguist XML), write ``.qm``.

Standard library only, so ``setup.py`` can load this file by its path and build the ``.qm``
files of a wheel in an isolated build environment where neither gisdesk's dependencies nor
``pyside6-lrelease`` are installed. ``tests/test_i18n_catalogue.py`` checks that Qt's own
``QTranslator`` reads what :func:`write_qm` writes (and that ``pyside6-lrelease`` agrees).

The ``.qm`` layout is Qt's (``qtranslator.cpp``): a 16-byte magic, then tagged sections
``Hashes`` (sorted ``(elf hash of source+comment, offset)`` pairs) and ``Messages`` (per
message: translation as UTF-16BE, source text, context and comment as UTF-8, end tag).
"""

from __future__ import annotations

import struct
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path

QM_MAGIC = bytes([0x3C, 0xB8, 0x64, 0x18, 0xCA, 0xEF, 0x9C, 0x95, 0xCD, 0x21, 0x1C, 0xBF, 0x60, 0xA1, 0xBD, 0xDD])
_HASHES, _MESSAGES, _LANGUAGE = 0x42, 0x69, 0xA7
_TAG_END, _TAG_TRANSLATION, _TAG_SOURCE, _TAG_CONTEXT, _TAG_COMMENT = 1, 3, 6, 7, 8


@dataclass
class Message:
    """One translatable text: ``context`` + ``source`` (+ ``comment``, Qt's disambiguation)."""

    context: str
    source: str
    comment: str = ""
    translation: str = ""
    kind: str = "unfinished"  # "" (finished), "unfinished", "vanished" (no longer in the code)
    locations: list[str] = field(default_factory=list)

    @property
    def key(self) -> tuple[str, str, str]:
        return (self.context, self.source, self.comment)


@dataclass
class Catalogue:
    """The messages of one language, in context order as written to the ``.ts`` file."""

    language: str
    messages: dict[tuple[str, str, str], Message] = field(default_factory=dict)

    def finished(self) -> list[Message]:
        return [m for m in self.messages.values() if m.translation and m.kind != "vanished"]


def elf_hash(data: bytes) -> int:
    """Qt's ``elfHash`` of the UTF-8 bytes of source text + comment (never 0)."""
    h = 0
    for byte in data:
        h = ((h << 4) + byte) & 0xFFFFFFFF
        g = h & 0xF0000000
        if g:
            h ^= g >> 24
        h &= ~g & 0xFFFFFFFF
    return h or 1


def read_ts(path: Path) -> Catalogue:
    """The catalogue in the ``.ts`` file ``path``."""
    root = ET.parse(path).getroot()
    cat = Catalogue(root.get("language", ""))
    for ctx in root.iter("context"):
        name = ctx.findtext("name") or ""
        for m in ctx.iter("message"):
            tr = m.find("translation")
            msg = Message(name, m.findtext("source") or "", m.findtext("comment") or "",
                          (tr.text or "") if tr is not None else "", (tr.get("type", "") if tr is not None else ""),
                          [loc.get("filename", "") for loc in m.iter("location")])
            cat.messages[msg.key] = msg
    return cat


def write_ts(cat: Catalogue, path: Path) -> None:
    """Write ``cat`` as a Qt Linguist ``.ts`` file (contexts and messages sorted, so diffs stay small)."""
    root = ET.Element("TS", version="2.1", language=cat.language, sourcelanguage="en")
    by_context: dict[str, list[Message]] = {}
    for msg in cat.messages.values():
        by_context.setdefault(msg.context, []).append(msg)
    for name in sorted(by_context):
        ctx = ET.SubElement(root, "context")
        ET.SubElement(ctx, "name").text = name
        for msg in sorted(by_context[name], key=lambda m: (m.source, m.comment)):
            el = ET.SubElement(ctx, "message")
            for loc in sorted(set(msg.locations)):
                ET.SubElement(el, "location", filename=loc)
            ET.SubElement(el, "source").text = msg.source
            if msg.comment:
                ET.SubElement(el, "comment").text = msg.comment
            tr = ET.SubElement(el, "translation")
            if msg.kind:
                tr.set("type", msg.kind)
            tr.text = msg.translation
    ET.indent(root, space="    ")
    body = ET.tostring(root, encoding="unicode")
    Path(path).write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n", encoding="utf-8")


def merge(cat: Catalogue, extracted: list[Message]) -> tuple[int, int]:
    """Bring ``cat`` up to the ``extracted`` messages: new ones are added unfinished, ones no longer
    in the code are marked vanished (their translation is kept). Returns (added, vanished)."""
    seen = set()
    added = 0
    for ext in extracted:
        seen.add(ext.key)
        old = cat.messages.get(ext.key)
        if old is None:
            cat.messages[ext.key] = Message(ext.context, ext.source, ext.comment, "", "unfinished",
                                            list(ext.locations))
            added += 1
        else:
            old.locations = list(ext.locations)
            if old.kind == "vanished":
                old.kind = "" if old.translation else "unfinished"
    vanished = 0
    for key, msg in cat.messages.items():
        if key not in seen and msg.kind != "vanished":
            msg.kind = "vanished"
            vanished += 1
    return added, vanished


def _bytes_field(tag: int, data: bytes) -> bytes:
    return struct.pack(">BI", tag, len(data)) + data


def write_qm(cat: Catalogue, path: Path) -> int:
    """Write the finished translations of ``cat`` as a ``.qm`` file for ``QTranslator``; returns their count."""
    messages = bytearray()
    offsets: list[tuple[int, int]] = []
    done = cat.finished()
    for msg in done:
        offsets.append((elf_hash((msg.source + msg.comment).encode("utf-8")), len(messages)))
        messages += _bytes_field(_TAG_TRANSLATION, msg.translation.encode("utf-16-be"))
        messages += _bytes_field(_TAG_SOURCE, msg.source.encode("utf-8"))
        messages += _bytes_field(_TAG_CONTEXT, msg.context.encode("utf-8"))
        if msg.comment:
            messages += _bytes_field(_TAG_COMMENT, msg.comment.encode("utf-8"))
        messages.append(_TAG_END)
    hashes = b"".join(struct.pack(">II", h, o) for h, o in sorted(offsets))
    out = bytearray(QM_MAGIC)
    if cat.language:
        out += _bytes_field(_LANGUAGE, cat.language.encode("utf-8"))
    out += _bytes_field(_HASHES, hashes)
    out += _bytes_field(_MESSAGES, bytes(messages))
    Path(path).write_bytes(bytes(out))
    return len(done)


def compile_tree(root: Path) -> list[Path]:
    """Build ``NAME.qm`` beside every ``NAME.ts`` under ``root`` (gisdesk's and the plugins' catalogues)."""
    written = []
    for ts in sorted(Path(root).rglob("*.ts")):
        if any(part in ("tests", ".git", ".venv", "node_modules") for part in ts.relative_to(root).parts):
            continue
        qm = ts.with_suffix(".qm")
        write_qm(read_ts(ts), qm)
        written.append(qm)
    return written
