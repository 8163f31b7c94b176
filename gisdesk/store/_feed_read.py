"""Reading incident feeds defensively: files, records and field values.

Everything here turns bad input into messages: :class:`FeedError` for a file that cannot
be read as a whole (missing, a folder, empty, not the expected shape, nested too deeply),
:class:`~gisdesk.core.incidents.ValidationError` for one bad record or value. Every message
that quotes input passes it through :func:`~gisdesk.core.text.printable`.
"""

from __future__ import annotations

import csv
import io
import json
import math
import os
import re
from collections.abc import Callable, Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

from gisdesk.core.incidents import ValidationError, to_utc
from gisdesk.core.text import has_undecodable, printable
from gisdesk.store.errors import StoreError

#: Years a feed's date may fall in; anything else is a typo or an overflow.
YEARS = (1900, 2100)
#: Largest feed file read (bytes).
MAX_BYTES = 512 * 2**20
#: Longest accepted text per kind of field (characters).
SHORT_TEXT, LONG_TEXT = 200, 20_000
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_CONTROL_OR_NEWLINE = re.compile("[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
Record = tuple[int, "dict[str, Any] | None", "str | None"]  # (position, record or None, why not)
StopCheck = Callable[[], bool]  # asked between records: True stops the import


class FeedError(StoreError):
    """The feed file cannot be read as a whole; nothing of it was imported.

    ``report`` is set when the import stopped part-way (what was imported before stays).
    """

    report: Any = None


def _json_type(value: Any) -> str:
    return {dict: "an object", list: "an array", str: "text", bool: "true/false", type(None): "null"}.get(
        type(value), "a number")


def read_text(path: str | os.PathLike[str]) -> tuple[Path, str]:
    """The file's text (UTF-8, a BOM allowed; bytes that are not UTF-8 kept as surrogates)."""
    path = Path(path)
    name = printable(path.name, 80)
    try:
        if path.exists() and not path.is_dir() and not path.is_file():  # a FIFO or a device would never end
            raise FeedError(f"'{name}' is not a regular file.", "Nothing was imported.")
        if path.is_file() and path.stat().st_size > MAX_BYTES:
            raise FeedError(f"'{name}' is {path.stat().st_size / 2**20:,.0f} MB; feeds of at most "
                            f"{MAX_BYTES // 2**20:,} MB are read.", "Split it; nothing was imported.")
        data = path.read_bytes()
    except FileNotFoundError:
        raise FeedError(f"'{name}': no such file.", "Nothing was imported.") from None
    except IsADirectoryError:
        raise FeedError(f"'{name}' is a folder, not a feed file.", "Nothing was imported.") from None
    except OSError as exc:
        raise FeedError(f"Cannot read '{name}': {printable(exc.strerror or exc)}.", "Nothing was imported.") from None
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):  # Windows tools write UTF-16 with a BOM
        text = data.decode("utf-16", errors="replace")
    else:
        text = data.decode("utf-8", errors="surrogateescape").removeprefix("\ufeff")
    if not text.strip():
        raise FeedError(f"'{name}' is empty.", "Nothing was imported.")
    return path, text


def loads(text: str, what: str) -> Any:
    """``json.loads`` whose failures are one-line :class:`ValidationError` messages."""
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise ValidationError(f"malformed JSON at line {exc.lineno}, column {exc.colno} ({exc.msg})") from None
    except RecursionError:
        raise ValidationError(f"{what} is nested too deeply to read") from None


def open311_records(path: str | os.PathLike[str]) -> list[tuple[int, Any]]:
    """(1-based position, request) for every element of a GeoReport v2 array (or ``service_requests``)."""
    path, text = read_text(path)
    name = printable(path.name, 80)
    try:
        data = loads(text, "the JSON")
    except ValidationError as exc:
        raise FeedError(f"'{name}': {exc}.", "Nothing was imported.") from None
    if isinstance(data, dict):
        data = data.get("service_requests", [data])
    if not isinstance(data, list):
        raise FeedError(f"'{name}': expected a JSON array of service requests, found {_json_type(data)}.",
                        "Nothing was imported.")
    return list(enumerate(data, 1))


def detection_records(path: str | os.PathLike[str], fields: tuple[str, ...]) -> Iterator[Record]:
    """(line, record or None, why not) for a CSV (with a header), JSON lines or a JSON array."""
    path, text = read_text(path)
    start = text.lstrip()
    if start.startswith("["):
        try:
            data = loads(text, "the JSON")
        except ValidationError as exc:
            raise FeedError(f"'{printable(path.name, 80)}': {exc}.", "Nothing was imported.") from None
        if isinstance(data, list):
            for n, rec in enumerate(data, 1):
                yield (n, rec, None) if isinstance(rec, dict) else (n, None, f"not a JSON object but {_json_type(rec)}")
            return
    if start.startswith(("{", "[")):
        for n, line in enumerate(text.splitlines(), 1):
            if not line.strip():
                continue
            bad = has_undecodable(line)
            if bad >= 0:
                yield n, None, f"not UTF-8 text (a byte that is not UTF-8 at column {bad + 1})"
                continue
            try:
                rec = loads(line, "the line")
            except ValidationError as exc:
                yield n, None, str(exc).replace("at line 1, column", "at column")
                continue
            yield (n, rec, None) if isinstance(rec, dict) else (n, None, f"not a JSON object but {_json_type(rec)}")
        return
    yield from _csv_records(path, text, fields)


def _csv_records(path: Path, text: str, fields: tuple[str, ...]) -> Iterator[Record]:
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = [h.strip() for h in next(reader)]
    except csv.Error as exc:
        raise FeedError(f"'{printable(path.name, 80)}': unreadable CSV header ({exc}).", "Nothing was imported.") from None
    missing = [f for f in fields if f not in header]
    if missing:
        raise FeedError(f"'{printable(path.name, 80)}' is not a detection feed: its first line has no "
                        f"{', '.join(missing)} column (found: {printable(', '.join(header), 80)}).",
                        "A feed is CSV with a header camera_id,type,time,confidence[,snapshot] or JSON lines; "
                        "nothing was imported.")
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            yield reader.line_num, None, f"unreadable CSV ({printable(exc)})"
            continue
        n = reader.line_num
        if not any(v.strip() for v in row):
            continue
        if len(row) > len(header):
            yield n, None, f"more values than columns ({len(row)} for {len(header)})"
            continue
        yield n, dict(zip(header, row)), None


# -- values ----------------------------------------------------------------------------

def text(rec: dict[str, Any], key: str, *, required: bool = False, limit: int = SHORT_TEXT,
         newlines: bool = False, numbers: bool = False) -> str:
    """The text value of ``rec[key]`` ('' when absent and not required; an integer becomes text if ``numbers``)."""
    value = rec.get(key)
    if value is None or value == "":
        if required:
            raise ValidationError(f"missing field: {key}")
        return ""
    if isinstance(value, bool) or not isinstance(value, (str, int) if numbers else str):
        raise ValidationError(f"wrong type: {key} must be text, not {_json_type(value)}")
    value = str(value)
    bad = has_undecodable(value)
    if bad >= 0:
        raise ValidationError(f"{key} is not UTF-8 text (a byte that is not UTF-8 at character {bad + 1})")
    if len(value) > limit:
        raise ValidationError(f"{key} is {len(value):,} characters long; at most {limit:,} are accepted")
    if (_CONTROL_OR_NEWLINE if not newlines else _CONTROL).search(value):
        raise ValidationError(f"{key} contains control characters: '{printable(value, 60)}'")
    return value


def number(rec: dict[str, Any], key: str, low: float, high: float) -> float:
    """A finite number within [low, high] from ``rec[key]`` (a JSON number or numeric text)."""
    value = rec.get(key)
    if value is None or value == "":
        raise ValidationError(f"missing field: {key}")
    if isinstance(value, bool) or not isinstance(value, (int, float, str)):
        raise ValidationError(f"wrong type: {key} must be a number, not {_json_type(value)}")
    try:
        x = float(value)
    except ValueError:
        raise ValidationError(f"wrong type: {key} must be a number, not '{printable(value, 40)}'") from None
    except OverflowError:
        raise ValidationError(f"{key} is far outside {low:g}..{high:g}") from None
    if not math.isfinite(x):
        raise ValidationError(f"{key} must be a finite number, not {printable(value, 40)}")
    if not low <= x <= high:
        raise ValidationError(f"{key} {x:g} is outside {low:g}..{high:g}")
    return x


def severity(rec: dict[str, Any], key: str = "severity", default: int = 2) -> int:
    """1..4 from ``rec[key]`` (an integer, or integer text); ``default`` when absent."""
    value = rec.get(key)
    if value is None or value == "":
        return default
    ok = not isinstance(value, bool) and (
        isinstance(value, int) or (isinstance(value, float) and value.is_integer())
        or (isinstance(value, str) and value.strip().isdigit()))
    if not ok or int(value) not in (1, 2, 3, 4):
        shown = f"'{printable(value, 40)}'" if isinstance(value, str) else printable(
            value if isinstance(value, (int, float)) else _json_type(value), 40)
        raise ValidationError(f"severity must be 1, 2, 3 or 4, not {shown}")
    return int(value)


def when(rec: dict[str, Any], key: str) -> datetime:
    """An aware UTC date-time from ISO 8601 text in ``rec[key]``, within :data:`YEARS`."""
    value = rec.get(key)
    if not isinstance(value, str):
        raise ValidationError(f"wrong type: {key} must be ISO 8601 text, not {_json_type(value)}")
    raw = text(rec, key, required=True)
    try:
        t = to_utc(raw)
    except ValidationError:
        raise ValidationError(f"{key} '{printable(raw, 60)}' is not an ISO 8601 date-time "
                              f"(e.g. 2026-05-01T08:30:00Z)") from None
    except (OverflowError, ValueError):
        raise ValidationError(f"{key} '{printable(raw, 60)}' is out of range") from None
    if not YEARS[0] <= t.year <= YEARS[1]:
        raise ValidationError(f"{key} '{printable(raw, 60)}' is outside the years {YEARS[0]}-{YEARS[1]}")
    return t


#: Exceptions that mean "this record is bad" (anything else stops the import: a locked or full
#: workspace, a refused permission).
RECORD_ERRORS = (ValidationError, ValueError, TypeError, ArithmeticError, RecursionError, KeyError, AttributeError)


def reason(exc: BaseException) -> str:
    """One printable line for a record error."""
    if isinstance(exc, ValidationError):
        return printable(str(exc), 300)
    if isinstance(exc, RecursionError):
        return "nested too deeply to read"
    return printable(f"{type(exc).__name__}: {exc}", 300)


def stopped(path: str | os.PathLike[str], unit: str, n: int, exc: BaseException, report: Any) -> FeedError:
    """The error for an import that stopped at record ``n`` for a reason not in the record."""
    msg = getattr(exc, "message", None) or str(exc) or type(exc).__name__
    err = FeedError(f"Import of '{printable(Path(path).name, 80)}' stopped at {unit} {n}: {printable(msg, 200)}",
                    f"{len(report.created)} incidents were imported before it; run the import again "
                    "to bring in the rest.")
    err.report = report
    return err
