"""The ``.gdsync`` changes file: what travels between a package and its source on a USB stick.

Format (version 1)
------------------
A zip archive with two members:

``changes.jsonl``
    One JSON object per line, in the order they must be applied. Every record has
    ``id`` (the change's UUID: the event's, the question's, the answer's or the
    attachment's own id, so the same change always has the same id), ``kind`` and the
    fields of that kind (docs/sync.md lists them). Attachment bytes are base64 in ``data``.
``manifest.json``
    ``format`` (``"gisdesk-changes"``), ``version`` (1), ``direction`` (``"up"``: from a
    package to its source; ``"down"``: from the source to the package), ``package_id``,
    ``user``, ``source``, ``written_at`` (the writer's clock, shown only), ``first_seq`` /
    ``last_seq`` / ``count`` (the package's sequence numbers in an ``up`` file), ``since``
    (``up``: the source time of the last ``down`` file the package applied; ``down``: the
    source time up to which this file is complete), ``changes_sha256`` (SHA-256 of
    ``changes.jsonl``) and ``signature``: HMAC-SHA256, with the package's key, of the
    manifest without ``signature`` (keys sorted, compact JSON).

Reading checks, in order, and refuses with one line: not a zip / no manifest, another
format or a newer version, a checksum that does not match (the file was altered or cut
short), a signature that does not match the package's key.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import zipfile
from pathlib import Path
from typing import Any, Iterable

from gisdesk.core.incidents import ValidationError

FORMAT = "gisdesk-changes"
VERSION = 1


class ChangesFileError(ValidationError):
    """A changes file that cannot be used; the message says why (nothing was applied)."""


def _canonical(manifest: dict[str, Any]) -> bytes:
    body = {k: v for k, v in manifest.items() if k != "signature"}
    return json.dumps(body, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()


def sign(manifest: dict[str, Any], key: str | None) -> str | None:
    """HMAC-SHA256 (hex) of ``manifest`` without its ``signature``, or ``None`` without a key."""
    if not key:
        return None
    return hmac.new(bytes.fromhex(key), _canonical(manifest), hashlib.sha256).hexdigest()


def write_changes(path: str | os.PathLike[str], manifest: dict[str, Any], records: Iterable[dict[str, Any]],
                  key: str | None) -> dict[str, Any]:
    """Write a changes file (a temporary file renamed over ``path`` in one step); returns the manifest."""
    lines = b"".join(json.dumps(r, ensure_ascii=False, separators=(",", ":")).encode() + b"\n" for r in records)
    manifest = dict(manifest, format=FORMAT, version=VERSION, changes_sha256=hashlib.sha256(lines).hexdigest())
    manifest["signature"] = sign(manifest, key)
    target = Path(path)
    tmp = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    try:
        with zipfile.ZipFile(tmp, "w", compression=zipfile.ZIP_DEFLATED) as z:
            z.writestr("manifest.json", json.dumps(manifest, ensure_ascii=False, indent=1))
            z.writestr("changes.jsonl", lines)
        with open(tmp, "rb") as fh:
            os.fsync(fh.fileno())
        os.replace(tmp, target)
    finally:
        tmp.unlink(missing_ok=True)
    return manifest


def read_manifest(path: str | os.PathLike[str]) -> dict[str, Any]:
    """The manifest of a changes file (format and version checked, nothing else)."""
    name = Path(path).name
    try:
        with zipfile.ZipFile(path) as z:
            manifest = json.loads(z.read("manifest.json"))
    except FileNotFoundError:
        raise
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as exc:
        raise ChangesFileError(f"'{name}' is not a gisdesk changes file ({type(exc).__name__}: {exc})") from None
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise ChangesFileError(f"'{name}' is not a gisdesk changes file")
    if manifest.get("version") != VERSION:
        raise ChangesFileError(f"'{name}' is a changes file of version {manifest.get('version')!r}; this gisdesk "
                               f"reads version {VERSION}: update gisdesk")
    return manifest


def read_changes(path: str | os.PathLike[str], key: str | None) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """The manifest and the records of a changes file, after checking its checksum and signature.

    ``key`` is the package's key (hex); without one the signature is not checked (a source
    that never learned the package's key refuses the file before calling this).
    """
    name = Path(path).name
    manifest = read_manifest(path)
    with zipfile.ZipFile(path) as z:
        try:
            lines = z.read("changes.jsonl")
        except (KeyError, zipfile.BadZipFile, OSError) as exc:
            raise ChangesFileError(f"'{name}' is damaged: its changes cannot be read ({exc})") from None
    if hashlib.sha256(lines).hexdigest() != manifest.get("changes_sha256"):
        raise ChangesFileError(f"'{name}' was altered or cut short: its checksum does not match; nothing applied")
    if key is not None:
        expected = sign(manifest, key)
        if not manifest.get("signature") or not hmac.compare_digest(str(manifest["signature"]), expected or ""):
            raise ChangesFileError(f"'{name}' is not signed with package {manifest.get('package_id')}'s key "
                                   "(altered, or made for another package); nothing applied")
    try:
        records = [json.loads(line) for line in lines.splitlines() if line.strip()]
    except ValueError as exc:
        raise ChangesFileError(f"'{name}' is damaged: {exc}") from None
    return manifest, records
