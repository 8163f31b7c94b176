"""Bad feeds, record by record: every bad request or detection is reported with its position and
reason, every good one is imported, a re-run imports only what was left, and nothing from the
input reaches the terminal raw. The corpus is generated here (no data files)."""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
from pathlib import Path

import pytest

from gisdesk.core.text import printable
from gisdesk.store._feed_read import FeedError
from gisdesk.store.incident_io import import_detections, import_open311
from gisdesk.store.incidents_store import IncidentStore

GOOD = {"service_name": "noise", "lat": 16.46, "long": 107.58, "requested_datetime": "2026-11-01T10:00:00Z",
        "description": "loa kẹo kéo", "status": "open"}
RAW = "@@RAW@@"  # replaced by literal JSON text (1e999, NaN, huge integers, bytes that are not UTF-8)

# (what is wrong, the request (RAW stands for the raw text), raw text, a word the reason must contain)
BAD_REQUESTS: list[tuple[str, object, bytes, str]] = [
    ("severity is a word", {**GOOD, "severity": "high"}, b"", "severity"),
    ("severity 0", {**GOOD, "severity": 0}, b"", "severity"),
    ("severity 1e999", {**GOOD, "severity": RAW}, b"1e999", "severity"),
    ("severity true", {**GOOD, "severity": True}, b"", "severity"),
    ("severity 2.5", {**GOOD, "severity": 2.5}, b"", "severity"),
    ("lat is a word", {**GOOD, "lat": "north"}, b"", "lat"),
    ("lat 1e999", {**GOOD, "lat": RAW}, b"1e999", "lat"),
    ("lat NaN", {**GOOD, "lat": RAW}, b"NaN", "lat"),
    ("lat 91", {**GOOD, "lat": 91}, b"", "lat"),
    ("long -Infinity", {**GOOD, "long": RAW}, b"-Infinity", "long"),
    ("long 1e308", {**GOOD, "long": 1e308}, b"", "long"),
    ("lat an integer of 400 digits", {**GOOD, "lat": RAW}, b"1" * 400, "lat"),
    ("lat missing", {k: v for k, v in GOOD.items() if k != "lat"}, b"", "lat"),
    ("no service name", {k: v for k, v in GOOD.items() if k != "service_name"}, b"", "service_name"),
    ("service name an object", {**GOOD, "service_name": {"a": 1}}, b"", "service_name"),
    ("service name with a terminal escape", {**GOOD, "service_name": "noise\x1b[2J"}, b"", "control"),
    ("description an object", {**GOOD, "description": {"text": "x"}}, b"", "description"),
    ("description nested 500 levels", {**GOOD, "description": RAW}, b"[" * 500 + b"]" * 500, "description"),
    ("description 200,000 characters", {**GOOD, "description": "x" * 200_000}, b"", "description"),
    ("description not UTF-8", {**GOOD, "description": RAW}, b'"caf\xe9 \xff"', "UTF-8"),
    ("address a number", {**GOOD, "address": 42}, b"", "address"),
    ("date overflows before year 1", {**GOOD, "requested_datetime": "0001-01-01T00:00:00+05:00"}, b"",
     "requested_datetime"),
    ("date overflows after year 9999", {**GOOD, "requested_datetime": "9999-12-31T23:59:59-05:00"}, b"",
     "requested_datetime"),
    ("date in 1066", {**GOOD, "requested_datetime": "1066-10-14T09:00:00Z"}, b"", "requested_datetime"),
    ("date a word", {**GOOD, "requested_datetime": "yesterday"}, b"", "requested_datetime"),
    ("date a number", {**GOOD, "requested_datetime": 20261101}, b"", "requested_datetime"),
    ("request id an object", {**GOOD, "service_request_id": {"id": 1}}, b"", "service_request_id"),
    ("request is a number", 42, b"", "object"),
    ("request is null", None, b"", "object"),
]


def _doc(items: list[tuple[object, bytes]]) -> bytes:
    parts = []
    for rec, raw in items:
        text = json.dumps(rec, ensure_ascii=False).encode("utf-8")
        parts.append(text.replace(json.dumps(RAW).encode(), raw) if raw else text)
    return b"[\n" + b",\n".join(parts) + b"\n]\n"


def test_the_corpus_has_at_least_29_bad_values():
    assert len(BAD_REQUESTS) >= 29


def test_every_bad_request_is_reported_with_its_position_and_every_good_one_imports(workspace, tmp_path):
    rng = random.Random(12)
    items, bad_at, good_ids = [], {}, []
    for i, (what, rec, raw, word) in enumerate(BAD_REQUESTS):
        good = {**GOOD, "service_request_id": f"GOOD-{i}", "lat": 16.44 + rng.random() * 0.04}
        items.append((good, b""))
        good_ids.append(f"GOOD-{i}")
        items.append((rec, raw))
        bad_at[len(items)] = (what, word)  # positions are 1-based
    path = tmp_path / "requests.json"
    path.write_bytes(_doc(items))
    with IncidentStore(workspace, "dispatcher") as store:
        before = store.conn.execute("SELECT count(*) FROM incidents").fetchone()[0]
        report = import_open311(store, path)
        rejected = dict(report.rejected)
        assert sorted(rejected) == sorted(bad_at), {bad_at[n][0]: why for n, why in rejected.items() if n in bad_at}
        for n, (what, word) in bad_at.items():
            assert word.lower() in rejected[n].lower(), (what, rejected[n])
            assert printable(rejected[n]) == rejected[n], what  # no control character in any reason
        assert len(report.created) == len(good_ids)
        ids = {r[0] for r in store.conn.execute("SELECT external_id FROM incidents WHERE external_id LIKE 'GOOD-%'")}
        assert ids == set(good_ids)
        assert "\x1b" not in report.summary()
        again = import_open311(store, path)  # nothing new, the same bad requests
        assert len(again.created) == 0 and sorted(dict(again.rejected)) == sorted(bad_at)
        after = store.conn.execute("SELECT count(*) FROM incidents").fetchone()[0]
    assert after == before + len(good_ids)


def test_one_bad_severity_no_longer_stops_the_import_and_a_rerun_imports_the_rest(workspace, tmp_path):
    reqs = [{**GOOD, "service_request_id": f"HUE-{i}", "severity": 3} for i in range(6)]
    reqs[3]["severity"] = "high"
    path = tmp_path / "r.json"
    path.write_text(json.dumps(reqs), encoding="utf-8")
    with IncidentStore(workspace, "dispatcher") as store:
        report = import_open311(store, path)
        assert len(report.created) == 5 and [n for n, _ in report.rejected] == [4]
        assert "severity" in report.rejected[0][1] and "'high'" in report.rejected[0][1]
        reqs[3]["severity"] = 4  # fixed in the source: the re-run brings exactly the one that was left
        path.write_text(json.dumps(reqs), encoding="utf-8")
        again = import_open311(store, path)
        assert len(again.created) == 1 and len(again.duplicates) == 5 and not again.rejected
        n = store.conn.execute("SELECT count(*) FROM incidents WHERE external_id LIKE 'HUE-%'").fetchone()[0]
    assert n == 6


def test_requests_without_an_id_are_not_imported_twice(workspace, tmp_path):
    path = tmp_path / "r.json"
    path.write_text(json.dumps([GOOD, {**GOOD, "lat": 16.47}]), encoding="utf-8")
    with IncidentStore(workspace, "dispatcher") as store:
        assert len(import_open311(store, path).created) == 2
        again = import_open311(store, path)
    assert len(again.created) == 0 and len(again.duplicates) == 2


# (what, the file's bytes (None: no file), a word the Open311 message has, the detection feed's word)
FILE_LEVEL: list[tuple[str, bytes | None, str, str]] = [
    ("missing file", None, "no such file", "no such file"),
    ("empty file", b"", "empty", "empty"),
    ("only blanks", b"  \n\n ", "empty", "empty"),
    ("a number", b"42", "array", "camera_id"),
    ("a string", b'"requests"', "array", "camera_id"),
    ("service_requests not a list", b'{"service_requests": 5}', "array", None),
    ("nested 10,000 levels", b"[" * 10_000 + b"]" * 10_000, "nested", "nested"),
    ("cut off", b'[{"service_name": "noise", "lat": 16.4', "malformed JSON", "malformed JSON"),
    ("random bytes", random.Random(3).randbytes(3000), "malformed JSON", "not a detection feed"),
    ("a terminal escape in the name", None, "no such file", "no such file"),
]


@pytest.mark.parametrize("what,content,open311_word,detection_word", FILE_LEVEL, ids=[f[0] for f in FILE_LEVEL])
def test_a_file_that_cannot_be_read_is_one_clear_message(workspace, tmp_path, what, content, open311_word,
                                                         detection_word):
    path = tmp_path / ("feed\x1b[2J.json" if "escape" in what else "feed.json")
    if content is not None:
        path.write_bytes(content)
    with IncidentStore(workspace, "dispatcher") as store:
        before = store.conn.execute("SELECT count(*) FROM incidents").fetchone()[0]
        for fn, word in ((import_open311, open311_word), (import_detections, detection_word)):
            if word is None:
                continue  # one JSON object per line: a bad line, not a bad file
            with pytest.raises(FeedError) as info:
                fn(store, path)
            msg = info.value.message
            assert word.lower() in msg.lower() and "\n" not in msg and printable(msg) == msg, (fn.__name__, msg)
        assert store.conn.execute("SELECT count(*) FROM incidents").fetchone()[0] == before


def test_utf16_files_import_and_broken_ones_do_not_raise(workspace, tmp_path):
    good = tmp_path / "utf16.json"
    good.write_bytes(json.dumps([{**GOOD, "service_request_id": "U16-1", "description": "cây đổ"}],
                                ensure_ascii=False).encode("utf-16"))
    broken = tmp_path / "broken16.json"
    broken.write_bytes(b"\xff\xfe[\x00]\x00\x00")
    with IncidentStore(workspace, "dispatcher") as store:
        report = import_open311(store, good)
        assert len(report.created) == 1 and store.get(report.created[0]).description == "cây đổ"
        with pytest.raises(FeedError, match="malformed JSON"):
            import_open311(store, broken)


def test_a_fifo_is_refused_without_waiting(workspace, tmp_path):
    fifo = tmp_path / "feed.jsonl"
    os.mkfifo(fifo)
    with IncidentStore(workspace, "dispatcher") as store, pytest.raises(FeedError, match="not a regular file"):
        import_detections(store, fifo)


def test_a_folder_is_a_file_level_error(workspace, tmp_path):
    with IncidentStore(workspace, "dispatcher") as store, pytest.raises(FeedError, match="folder"):
        import_open311(store, tmp_path)


DETECTION = {"camera_id": "CAM-0001", "type": "road damage", "time": "2026-11-01T08:00:00Z", "confidence": 0.9}

# (the line, a word the reason must contain)
BAD_LINES: list[tuple[bytes, str]] = [
    (json.dumps({**DETECTION, "confidence": "high"}).encode(), "confidence"),
    (json.dumps({**DETECTION, "confidence": 0.9}).encode().replace(b"0.9", b"1e999"), "confidence"),
    (json.dumps({**DETECTION, "confidence": 0.9}).encode().replace(b"0.9", b"NaN"), "confidence"),
    (json.dumps({**DETECTION, "confidence": True}).encode(), "confidence"),
    (json.dumps({**DETECTION, "time": "0001-01-01T00:00:00+05:00"}).encode(), "time"),
    (json.dumps({**DETECTION, "time": 20261101}).encode(), "time"),
    (json.dumps({**DETECTION, "camera_id": {"id": 1}}).encode(), "camera_id"),
    (json.dumps({**DETECTION, "camera_id": "CAM\x1b[2J"}).encode(), "camera"),
    (json.dumps({**DETECTION, "type": "fire \xff"}).encode().replace(b"\\u00ff", b"\xff"), "UTF-8"),
    (b"[1, 2]", "object"),
    (b"null", "object"),
    (b"[" * 10_000 + b"]" * 10_000, "nested"),
    (b'{"camera_id": "CAM-0001", "type": ', "malformed JSON"),
]


def test_every_bad_detection_line_is_reported_and_a_rerun_adds_nothing(workspace, tmp_path):
    lines, bad_at = [], {}
    for i, (line, word) in enumerate(BAD_LINES):
        lines.append(json.dumps({**DETECTION, "camera_id": f"CAM-{i + 10:04d}", "id": f"det-{i}"}).encode())
        lines.append(line)
        bad_at[len(lines)] = word
    path = tmp_path / "feed.jsonl"
    path.write_bytes(b"\n".join(lines) + b"\n")
    with IncidentStore(workspace, "dispatcher") as store:
        report = import_detections(store, path)
        rejected = dict(report.rejected)
        assert sorted(rejected) == sorted(bad_at)
        for n, word in bad_at.items():
            assert word.lower() in rejected[n].lower(), (n, rejected[n])
            assert printable(rejected[n]) == rejected[n]
        assert len(report.created) + len(report.duplicates) == len(BAD_LINES)
        events = store.conn.execute("SELECT count(*) FROM incident_events").fetchone()[0]
        again = import_detections(store, path)
        assert not again.created and len(again.duplicates) == len(BAD_LINES)
        assert store.conn.execute("SELECT count(*) FROM incident_events").fetchone()[0] == events  # no new events


def test_bad_csv_lines_are_reported_by_line(workspace, tmp_path):
    rows = [b"camera_id,type,time,confidence,snapshot",
            b"CAM-0010,flooding,2026-11-02T01:00:00Z,0.81,a.jpg",
            b"CAM-0011,flooding,2026-11-02T01:00:00Z,0.81,a\x00.jpg",
            b"CAM-0012,flooding,2026-11-02T01:00:00Z,0.81,a.jpg,extra",
            b"CAM-0013,flooding,2026-11-02T01:00:00Z,0.81," + b"x" * 200_000,
            b"CAM-0014,flood\xffing,2026-11-02T01:00:00Z,0.81,a.jpg",
            b"CAM-0015,flooding,2026-11-02T01:00:00Z,1e999,a.jpg",
            b"CAM-0016,flooding,2026-11-02T01:00:00Z,0.81,b.jpg"]
    path = tmp_path / "feed.csv"
    path.write_bytes(b"\n".join(rows) + b"\n")
    with IncidentStore(workspace, "dispatcher") as store:
        report = import_detections(store, path)
    assert [n for n, _ in report.rejected] == [3, 4, 5, 6, 7]
    assert len(report.created) == 2


def test_a_csv_without_the_detection_header_is_a_file_level_error(workspace, tmp_path):
    path = tmp_path / "feed.csv"
    path.write_text("a,b\n1,2\n", encoding="utf-8")
    with IncidentStore(workspace, "dispatcher") as store, pytest.raises(FeedError, match="camera_id"):
        import_detections(store, path)


def test_cli_prints_bad_input_escaped_and_file_errors_in_one_line(workspace, tmp_path, capsys):
    from gisdesk.incidents_cli import main

    feed = tmp_path / "feed.jsonl"
    feed.write_text(json.dumps({**DETECTION, "camera_id": "\x1b[2J\x1b]0;pwned\x07"}) + "\n", encoding="utf-8")
    assert main(["import-detections", str(workspace), str(feed), "--user", "ci"]) == 1
    out = capsys.readouterr()
    assert "\x1b" not in out.out + out.err and "\\x1b[2J" in out.out
    deep = tmp_path / "deep.json"
    deep.write_bytes(b"[" * 10_000 + b"]" * 10_000)
    assert main(["import-open311", str(workspace), str(deep), "--user", "ci"]) == 2
    out = capsys.readouterr()
    assert "Traceback" not in out.err and len(out.err.strip().splitlines()) <= 2 and "nested" in out.err


def test_the_real_cli_never_prints_a_traceback_or_a_raw_escape(workspace, tmp_path):
    repo = Path(__file__).resolve().parents[2]
    cases = {
        "deep.json": b"[" * 10_000 + b"]" * 10_000,
        "empty.json": b"",
        "bad\x1b[2J.json": json.dumps([{**GOOD, "service_name": "x\x1b[2J", "severity": "high"}]).encode(),
        "mixed.json": _doc([(rec, raw) for _, rec, raw, _ in BAD_REQUESTS[:12]]),
        "missing.json": None,
    }
    for name, content in cases.items():
        path = tmp_path / name
        if content is not None:
            path.write_bytes(content)
        run = subprocess.run([sys.executable, "-m", "gisdesk.cli", "incidents", "import-open311", str(workspace),
                              str(path), "--user", "ci"], capture_output=True, text=True, timeout=120, cwd=repo,
                             env={**os.environ, "PYTHONPATH": str(repo)})
        assert run.returncode in (1, 2), (name, run.returncode, run.stderr[-2000:])
        assert "Traceback" not in run.stderr and "\x1b" not in run.stdout + run.stderr, name
