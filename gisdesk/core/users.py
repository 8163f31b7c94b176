"""Users and roles: who is signed in, and their password hashes.

Qt-free and SQL-free: :mod:`gisdesk.store.users_store` keeps the users in the workspace.
What each role may see and do is decided by :mod:`gisdesk.core.access` alone.

Roles
-----
``administrator``
    Manages users and rules; may do everything a city dispatcher may.
``city_dispatcher``
    The city operations centre: creates, assigns, verifies, reopens and cancels tasks
    anywhere, answers questions addressed to the city.
``department_officer``
    Bound to one city department: works on the tasks assigned to that department and
    answers the questions addressed to it.
``commune_officer``
    Bound to one commune or ward: works on the tasks assigned to that commune and asks
    the city or a department questions.
``viewer``
    Reads everything, changes nothing.

The role and the commune or department are attributes of the signed-in :class:`User`
(read from the ``users`` table after :func:`verify_password`), never a setting.

Passwords are kept only as salted scrypt hashes (:func:`hash_password`), in the form
``scrypt$n$r$p$salt_hex$hash_hex``, and compared in constant time.

Examples
--------
>>> officer = User("phu_hoi", "Officer Phú Hội", "commune_officer", commune="Phú Hội")
>>> officer.unit
'Phú Hội'
"""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets
import unicodedata
import warnings
from dataclasses import dataclass

from gisdesk.core.incidents import ValidationError

ROLES: tuple[str, ...] = ("administrator", "city_dispatcher", "department_officer", "commune_officer", "viewer")
#: Roles that act for the city as a whole.
CITY_ROLES: frozenset[str] = frozenset({"administrator", "city_dispatcher"})
#: The shortest password accepted (the demo users use ``demo``).
MIN_PASSWORD_LENGTH = 4
#: scrypt cost parameters for new hashes (about 50 ms per hash here).
SCRYPT_N, SCRYPT_R, SCRYPT_P = 2**14, 8, 1
_USERNAME = re.compile(r"^[a-z0-9][a-z0-9_.-]{1,31}$")


class AuthError(Exception):
    """Sign-in refused. The message never says whether the name or the password was wrong."""


class PermissionDenied(Exception):
    """The user's role or jurisdiction does not allow the action; nothing was changed."""


@dataclass(frozen=True)
class User:
    """A signed-in person: the one user class of gisdesk (plugins get it as ``gisdesk.api.User``).

    ``commune`` is set exactly for commune officers, ``department`` exactly for
    department officers. Stores re-read role and unit from the workspace's ``users``
    table (:func:`gisdesk.store.users_store.resolve_user`); what the user may do is
    asked of :mod:`gisdesk.core.access`.
    """

    username: str
    display_name: str
    role: str
    commune: str | None = None
    department: str | None = None
    active: bool = True

    def check(self) -> None:
        """Raise :class:`ValidationError` naming the first attribute that is wrong."""
        if not isinstance(self.username, str) or not _USERNAME.match(self.username):
            raise ValidationError(f"username {self.username!r} must be 2-32 characters: lower-case letters, "
                                  "digits, '_', '.' or '-', starting with a letter or digit")
        if self.role not in ROLES:
            raise ValidationError(f"role must be one of {', '.join(ROLES)}, not {self.role!r}")
        if self.role == "commune_officer" and not self.commune:
            raise ValidationError("a commune officer needs a commune")
        if self.role == "department_officer" and not self.department:
            raise ValidationError("a department officer needs a department")
        if self.commune and self.role != "commune_officer":
            raise ValidationError(f"only a commune officer is bound to a commune, not a {self.role}")
        if self.department and self.role != "department_officer":
            raise ValidationError(f"only a department officer is bound to a department, not a {self.role}")

    @property
    def name(self) -> str:
        """Deprecated alias of :attr:`username` (the plugin API's old ``User.name``)."""
        return self.username

    @property
    def is_city(self) -> bool:
        """Whether the role acts for the whole city (for display; permissions ask :mod:`gisdesk.core.access`)."""
        return self.role in CITY_ROLES

    @property
    def unit(self) -> str:
        """What the user answers for, in words: ``the city``, a commune or a department."""
        return self.commune or self.department or ("the city" if self.is_city else "nothing (read-only)")


def can_read(user: User, commune: str | None, department: str | None) -> bool:
    """Deprecated: ask :func:`gisdesk.core.access.decide` (``"read"``, ``"task"``) instead."""
    from gisdesk.core.access import may_read

    warnings.warn("gisdesk.core.users.can_read is deprecated: use gisdesk.core.access", DeprecationWarning, 2)
    return may_read(user, "task", {"commune": commune, "department": department})


def holds(user: User, commune: str | None, department: str | None) -> bool:
    """Deprecated: use :func:`gisdesk.core.access.holds`."""
    from gisdesk.core import access

    warnings.warn("gisdesk.core.users.holds is deprecated: use gisdesk.core.access.holds", DeprecationWarning, 2)
    return access.holds(user, {"commune": commune, "department": department})


def hash_password(password: str, *, n: int = SCRYPT_N, r: int = SCRYPT_R, p: int = SCRYPT_P) -> str:
    """A new salted scrypt hash of ``password``: ``scrypt$n$r$p$salt_hex$hash_hex``.

    Raises
    ------
    ValidationError
        The password is shorter than :data:`MIN_PASSWORD_LENGTH`.
    """
    if not isinstance(password, str) or len(password) < MIN_PASSWORD_LENGTH:
        raise ValidationError(f"a password needs at least {MIN_PASSWORD_LENGTH} characters")
    salt = secrets.token_bytes(16)
    digest = hashlib.scrypt(password.encode("utf-8"), salt=salt, n=n, r=r, p=p, maxmem=128 * r * n * 2, dklen=32)
    return f"scrypt${n}${r}${p}${salt.hex()}${digest.hex()}"


def verify_password(password: str, stored: str) -> bool:
    """Whether ``password`` matches the ``stored`` hash (constant-time compare; False for a malformed hash)."""
    try:
        scheme, n, r, p, salt_hex, hash_hex = stored.split("$")
        n_, r_, p_ = int(n), int(r), int(p)
        salt, expected = bytes.fromhex(salt_hex), bytes.fromhex(hash_hex)
    except (ValueError, AttributeError):
        return False
    if scheme != "scrypt" or not expected:
        return False
    digest = hashlib.scrypt(str(password).encode("utf-8"), salt=salt, n=n_, r=r_, p=p_,
                            maxmem=128 * r_ * n_ * 2, dklen=len(expected))
    return hmac.compare_digest(digest, expected)


#: A hash of a random password, checked when a username is unknown so that a wrong
#: name takes as long as a wrong password.
DUMMY_HASH = "scrypt$16384$8$1$" + "00" * 16 + "$" + "00" * 32


def slug(name: str) -> str:
    """A username made from a place name: ``"Phú Hội"`` -> ``"phu_hoi"``."""
    text = name.replace("Đ", "D").replace("đ", "d")
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii").lower()
    return re.sub(r"[^a-z0-9]+", "_", text).strip("_")[:32]
