"""Photos and files kept with incidents: type checks and the attachment half of the incident store.

``incident_attachments`` keeps the bytes inside the workspace (``data`` BLOB, at most
:data:`MAX_ATTACHMENT_BYTES`); images are checked by their first bytes, not by their name,
and only the types in :data:`ATTACHMENT_TYPES` are accepted. Reading an attachment needs
the right to read its incident; adding or removing one needs the right to edit it
(:mod:`gisdesk.core.access`, kind ``attachment``).
"""

from __future__ import annotations

import hashlib
import os
import uuid as _uuid
from typing import Any

from gisdesk.core import access
from gisdesk.core.incidents import ValidationError, iso_utc, utc_now
from gisdesk.core.users import PermissionDenied

#: The largest photo or file kept with an incident (bytes).
MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024
#: Accepted attachment types: MIME type -> the first bytes a file of that type starts with.
ATTACHMENT_TYPES: dict[str, tuple[bytes, ...]] = {
    "image/jpeg": (b"\xff\xd8\xff",), "image/png": (b"\x89PNG\r\n\x1a\n",),
    "image/gif": (b"GIF87a", b"GIF89a"), "image/webp": (b"RIFF",), "application/pdf": (b"%PDF-",),
    "text/plain": (),
}
_IMAGE_SUFFIXES = {".jpg": "image/jpeg", ".jpeg": "image/jpeg", ".png": "image/png", ".gif": "image/gif",
                   ".webp": "image/webp"}


def attachment_type(name: str, data: bytes, max_bytes: int = MAX_ATTACHMENT_BYTES) -> str:
    """The MIME type of an attachment, checked against its bytes; ValidationError when refused."""
    size = len(data)
    if size == 0:
        raise ValidationError(f"{name} is empty")
    if size > max_bytes:
        raise ValidationError(f"{name} is {size / 1048576:.1f} MB; attachments may be at most "
                              f"{max_bytes / 1048576:.0f} MB")
    head = bytes(data[:16])
    for mime, magics in ATTACHMENT_TYPES.items():
        if magics and head.startswith(magics):
            if mime == "image/webp" and head[8:12] != b"WEBP":
                continue
            claimed = _IMAGE_SUFFIXES.get(os.path.splitext(name)[1].lower())
            if claimed and claimed != mime:
                raise ValidationError(f"{name} is named {claimed.split('/')[1].upper()} but holds "
                                      f"{mime.split('/')[1].upper()}")
            return mime
    suffix = os.path.splitext(name)[1].lower()
    if suffix in _IMAGE_SUFFIXES:
        raise ValidationError(f"{name} is not a {suffix[1:].upper()} image (its bytes say otherwise)")
    if suffix in (".txt", ".csv", ".md", ".log", ""):
        try:
            bytes(data).decode("utf-8")
        except UnicodeDecodeError:
            raise ValidationError(f"{name} is not UTF-8 text") from None
        if b"\x00" not in data:
            return "text/plain"
    raise ValidationError(f"{name}: only JPEG, PNG, GIF and WebP photos, PDF and plain text files can be attached")


class AttachmentsMixin:
    """The attachment methods of :class:`~gisdesk.store.incidents_store.IncidentStore`.

    Uses the store's ``conn``, ``user``, ``transaction()``, ``_owner_row(c, uuid)`` (the
    incident's unit columns, KeyError/PermissionDenied as for reading it) and ``_event``.
    """

    conn: Any
    user: Any

    def attach(self, uuid: str, name: str, data: bytes, max_bytes: int = MAX_ATTACHMENT_BYTES) -> str:
        """Keep a photo or file with incident ``uuid``; returns the attachment id.

        Raises
        ------
        ValidationError
            Too big, empty, a type not in :data:`ATTACHMENT_TYPES`, or an image whose
            bytes are not the image its name says (nothing is written).
        PermissionDenied
            The user may not change this incident.
        """
        mime = attachment_type(name, data, max_bytes)
        att_id = str(_uuid.uuid4())
        with self.transaction() as c:
            row = self._owner_row(c, uuid)
            access.require(self.user, "edit", "attachment", row)
            c.execute("INSERT INTO incident_attachments VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                      (att_id, uuid, os.path.basename(name), mime, len(data), hashlib.sha256(data).hexdigest(),
                       bytes(data), iso_utc(utc_now()), self.user.username))
            self._event(c, uuid, row["version"], "attached", "attachment", None, os.path.basename(name), mime)
        return att_id

    def attachments(self, uuid: str) -> list[dict[str, Any]]:
        """The attachments of ``uuid`` (``id``, ``name``, ``mime``, ``size``, ``added_at``, ``added_by``),
        oldest first; KeyError/PermissionDenied as :meth:`get`."""
        self._owner_row(self.conn, uuid)
        cur = self.conn.execute("SELECT id, name, mime, size, added_at, added_by FROM incident_attachments "
                                f"WHERE incident_uuid = ? ORDER BY added_at, {self.sql.insert_order}", (uuid,))
        names = [d[0] for d in cur.description]
        return [dict(zip(names, r)) for r in cur]

    def _attachment_owner(self, c: Any, att_id: str) -> tuple[str, str, dict[str, Any]]:
        row = c.execute("SELECT incident_uuid, name FROM incident_attachments WHERE id = ?", (att_id,)).fetchone()
        if row is None:
            raise KeyError(f"no attachment {att_id}")
        try:
            return row[0], row[1], self._owner_row(c, row[0])
        except KeyError:  # its incident was deleted: only the city reads what stays of it
            if not access.read_filter(self.user, "attachment").everything:
                raise PermissionDenied(f"attachment {att_id} belongs to a deleted incident") from None
            return row[0], row[1], {"commune": None, "department": None, "version": None}

    def attachment_data(self, att_id: str) -> bytes:
        """The bytes of one attachment (KeyError if there is none, PermissionDenied if its incident
        is not the user's to read)."""
        self._attachment_owner(self.conn, att_id)
        row = self.conn.execute("SELECT data FROM incident_attachments WHERE id = ?", (att_id,)).fetchone()
        return bytes(row[0])

    def remove_attachment(self, att_id: str, reason: str = "") -> None:
        """Remove one attachment (an event on its incident says which)."""
        with self.transaction() as c:
            uuid, name, owner = self._attachment_owner(c, att_id)
            access.require(self.user, "edit", "attachment", owner)
            c.execute("DELETE FROM incident_attachments WHERE id = ?", (att_id,))
            self._event(c, uuid, owner["version"], "detached", "attachment", name, None, reason or None)
