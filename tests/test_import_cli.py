"""``gisdesk import WORKSPACE FILE``: a line per refused feature, a summary, exit 0 when something landed, 2 if not."""

from __future__ import annotations

import subprocess
import sys

import pytest

from gisdesk.cli import main

KML = """<?xml version="1.0" encoding="UTF-8"?>
<kml xmlns="http://www.opengis.net/kml/2.2"><Document>
<Folder><name>Chợ</name>
<Placemark><name>Chợ Đông Ba</name><Point><coordinates>107.5868,16.4730</coordinates></Point></Placemark>
</Folder>
<Folder><name>Cầu</name>
<Placemark><name>Cầu Trường Tiền</name>
<LineString><coordinates>107.5880,16.4700 107.5905,16.4665</coordinates></LineString></Placemark>
</Folder></Document></kml>
"""


def gisdesk(capsys, *args):
    code = main(["import", *map(str, args)])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def kml(tmp_path):
    path = tmp_path / "hue.kml"
    path.write_text(KML, encoding="utf-8")
    return path


def test_the_command_is_wired_into_gisdesk(workspace, tmp_path):
    csv = tmp_path / "cho.csv"
    csv.write_text("ten,lon,lat\nChợ Đông Ba,107.5868,16.4730\nChợ hỏng,abc,16.4\n", encoding="utf-8")
    run = subprocess.run([sys.executable, "-m", "gisdesk.cli", "import", str(workspace), str(csv), "--user",
                          "dispatcher"], capture_output=True, text=True, timeout=180)
    assert run.returncode == 0, run.stderr
    assert run.stdout.splitlines() == [
        "cho.csv row 3: a value that is not a number in column lon ('abc')",
        "imported 1 feature(s) into 1 table(s) (cho); 1 refused; 0 layer(s) not imported"]


def test_refused_rows_are_escaped_one_per_line(workspace, tmp_path, capsys):
    csv = tmp_path / "x.csv"
    csv.write_text("lon,lat\n107.5868,16.4730\n\x1b[2J,16.4\n107.6,\u202e16\n", encoding="utf-8")
    code, out, _ = gisdesk(capsys, workspace, csv, "--user", "dispatcher")
    assert code == 0
    lines = out.splitlines()
    assert len(lines) == 3 and "\x1b" not in out and "\u202e" not in out
    assert lines[0].endswith("row 3: a value that is not a number in column lon ('\\x1b[2J')")
    assert lines[1].endswith("row 4: a value that is not a number in column lat ('\\u202e16')")
    assert lines[2].startswith("imported 1 feature(s) into 1 table(s)")


def test_no_crs_exits_2_with_guesses_and_imports_with_crs(workspace, tmp_path, capsys):
    csv = tmp_path / "toado.csv"
    csv.write_text("ten,x,y\nKỳ Đài,561994.5,1821305.3\n", encoding="utf-8")
    code, out, err = gisdesk(capsys, workspace, csv, "--user", "dispatcher")
    assert code == 2
    assert "has no coordinate reference system" in err
    assert "Choose one (--crs EPSG:9214" in err  # VN-2000 / TM-3 107-00 puts the point in Hue, the workspace's city
    assert "    --crs EPSG:32648" in err  # the other candidates, one per line
    assert "imported 0 feature(s)" in out
    code, out, _ = gisdesk(capsys, workspace, csv, "--user", "dispatcher", "--crs", "EPSG:32648")
    assert code == 0 and out.splitlines()[-1].startswith("imported 1 feature(s) into 1 table(s) (toado)")


def test_given_columns(workspace, tmp_path, capsys):
    csv = tmp_path / "cot.csv"
    csv.write_text("ten;Kinh;Vi\nChợ Đông Ba;107,5868;16,4730\n", encoding="utf-8")  # decimal commas
    code, out, _ = gisdesk(capsys, workspace, csv, "--user", "dispatcher", "--x", "Kinh", "--y", "Vi",
                           "--crs", "EPSG:4326")
    assert code == 0, out
    assert gisdesk(capsys, workspace, csv, "--x", "Kinh")[0] == 2


def test_layers_of_a_kml(workspace, kml, capsys):
    code, out, _ = gisdesk(capsys, workspace, kml, "--user", "dispatcher", "--layer", "Cầu")
    assert code == 0
    assert out.splitlines() == ["imported 1 feature(s) into 1 table(s) (hue_cau); 0 refused; 0 layer(s) not imported"]
    code, out, _ = gisdesk(capsys, workspace, kml, "--user", "dispatcher")  # every layer
    assert code == 0 and out.startswith("imported 2 feature(s) into 2 table(s)")
    code, out, err = gisdesk(capsys, workspace, kml, "--user", "dispatcher", "--layer", "Sông")
    assert code == 2 and "no layer 'Sông'" in err


def test_who_may_not_add_layers_gets_exit_2_and_nothing(workspace, kml, capsys):
    code, out, err = gisdesk(capsys, workspace, kml, "--user", "viewer")
    assert code == 2 and err.startswith("gisdesk: not done:") and out == ""


def test_nothing_importable_exits_2(workspace, tmp_path, capsys):
    csv = tmp_path / "bad.csv"
    csv.write_text("lon,lat\nx,y\n", encoding="utf-8")
    code, _, err = gisdesk(capsys, workspace, csv, "--user", "dispatcher")
    assert code == 2
    assert "No row of 'bad.csv' could be imported: row 2 has a value that is not a number in column lon ('x')" in err
