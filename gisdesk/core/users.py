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
``scrypt$n$r$p$salt_hex$hash_hex``, and compared in constant time. New hashes use
N = 2^17, r = 8, p = 1 (128 MiB, OWASP's minimum for scrypt); older, cheaper hashes
still verify and are replaced at the next successful sign-in (:func:`needs_rehash`).
New passwords need at least :data:`MIN_PASSWORD_LENGTH` characters.

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
from dataclasses import dataclass

from gisdesk.core.incidents import ValidationError

ROLES: tuple[str, ...] = ("administrator", "city_dispatcher", "department_officer", "commune_officer", "viewer")
#: Roles that act for the city as a whole.
CITY_ROLES: frozenset[str] = frozenset({"administrator", "city_dispatcher"})
#: The shortest new password accepted (existing shorter ones still sign in).
MIN_PASSWORD_LENGTH = 10
#: scrypt cost parameters for new hashes: OWASP's minimum, 128 MiB and about 0.4 s per hash here.
SCRYPT_N, SCRYPT_R, SCRYPT_P = 2**17, 8, 1
#: The most a stored hash may ask for (1 GiB): a doctored ``pw_hash`` cannot exhaust memory.
_MAX_SCRYPT_MEMORY = 2**30
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


def hash_password(password: str, *, n: int = SCRYPT_N, r: int = SCRYPT_R, p: int = SCRYPT_P) -> str:
    """A new salted scrypt hash of a new ``password``: ``scrypt$n$r$p$salt_hex$hash_hex``.

    Raises
    ------
    ValidationError
        The password is shorter than :data:`MIN_PASSWORD_LENGTH`.

    Examples
    --------
    >>> hash_password("too-short")
    Traceback (most recent call last):
    ...
    gisdesk.core.incidents.ValidationError: a password needs at least 10 characters
    """
    check_new_password(password)
    return rehash(password, n=n, r=r, p=p)


def check_new_password(password: str) -> None:
    """Raise :class:`ValidationError` when ``password`` may not be chosen (under :data:`MIN_PASSWORD_LENGTH`)."""
    if not isinstance(password, str) or len(password) < MIN_PASSWORD_LENGTH:
        raise ValidationError(f"a password needs at least {MIN_PASSWORD_LENGTH} characters")


def rehash(password: str, *, n: int = SCRYPT_N, r: int = SCRYPT_R, p: int = SCRYPT_P) -> str:
    """A new hash of a password that already signed in, whatever its length (the upgrade of an old hash)."""
    salt = secrets.token_bytes(16)
    digest = hashlib.scrypt(str(password).encode("utf-8"), salt=salt, n=n, r=r, p=p, maxmem=_memory(n, r, p),
                            dklen=32)
    return f"scrypt${n}${r}${p}${salt.hex()}${digest.hex()}"


def _memory(n: int, r: int, p: int) -> int:
    """What OpenSSL's scrypt allocates, 128·r·(N + p + 2) bytes, with a little room (its ``maxmem``)."""
    return 128 * r * (n + p + 2) + 2**16


def _parse(stored: str) -> tuple[int, int, int, bytes, bytes] | None:
    """(n, r, p, salt, hash) of a well-formed scrypt hash within the memory cap, else None."""
    try:
        scheme, n, r, p, salt_hex, hash_hex = stored.split("$")
        n_, r_, p_ = int(n), int(r), int(p)
        salt, expected = bytes.fromhex(salt_hex), bytes.fromhex(hash_hex)
    except (ValueError, AttributeError):
        return None
    if scheme != "scrypt" or not expected or min(n_, r_, p_) < 1 or _memory(n_, r_, p_) > _MAX_SCRYPT_MEMORY:
        return None
    return n_, r_, p_, salt, expected


def verify_password(password: str, stored: str) -> bool:
    """Whether ``password`` matches the ``stored`` hash (constant-time compare; False for a malformed hash)."""
    parsed = _parse(stored)
    if parsed is None:
        return False
    n, r, p, salt, expected = parsed
    try:
        digest = hashlib.scrypt(str(password).encode("utf-8"), salt=salt, n=n, r=r, p=p, maxmem=_memory(n, r, p),
                                dklen=len(expected))
    except ValueError:  # N not a power of two, and the like
        return False
    return hmac.compare_digest(digest, expected)


def needs_rehash(stored: str) -> bool:
    """Whether ``stored`` is cheaper than new hashes (e.g. N = 2^14 from before): replace it after sign-in.

    Examples
    --------
    >>> needs_rehash("scrypt$16384$8$1$" + "00" * 16 + "$" + "00" * 32)
    True
    >>> needs_rehash(DUMMY_HASH)
    False
    """
    parsed = _parse(stored)
    return parsed is None or parsed[0] < SCRYPT_N or parsed[1] < SCRYPT_R


#: Failed sign-ins in a row a name may make freely; after them each attempt waits, from
#: :data:`FIRST_WAIT_S` doubling up to :data:`MAX_WAIT_S` seconds.
FREE_FAILURES, FIRST_WAIT_S, MAX_WAIT_S = 3, 1, 30


def sign_in_wait(failures: int) -> int:
    """Seconds to wait, after the last of ``failures`` failed sign-ins in a row, before the next try.

    Examples
    --------
    >>> [sign_in_wait(k) for k in range(10)]
    [0, 0, 0, 1, 2, 4, 8, 16, 30, 30]
    """
    if failures < FREE_FAILURES:
        return 0
    return min(MAX_WAIT_S, FIRST_WAIT_S * 2 ** min(failures - FREE_FAILURES, 16))


#: A hash of a random password, checked when a username is unknown so that a wrong
#: name takes as long as a wrong password.
DUMMY_HASH = f"scrypt${SCRYPT_N}${SCRYPT_R}${SCRYPT_P}$" + "00" * 16 + "$" + "00" * 32


def slug(name: str) -> str:
    """A username made from a place name: ``"Phú Hội"`` -> ``"phu_hoi"``."""
    text = name.replace("Đ", "D").replace("đ", "d")
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii").lower()
    return re.sub(r"[^a-z0-9]+", "_", text).strip("_")[:32]
