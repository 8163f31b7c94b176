"""The desktop entry and icon written by the set-up (freedesktop.org), and the window's icon."""

from __future__ import annotations

import configparser
import shutil
import subprocess

import pytest

from gisdesk.desktop_entry import app_icon, install


def test_install_writes_an_entry_that_desktop_file_validate_accepts(tmp_path):
    said = install(tmp_path, command="/opt/gisdesk/.venv/bin/gisdesk")
    entry = tmp_path / "applications" / "gisdesk.desktop"
    icon = tmp_path / "icons" / "hicolor" / "scalable" / "apps" / "gisdesk.svg"
    assert said == [f"wrote {entry}", f"wrote {icon}"]
    cfg = configparser.ConfigParser(interpolation=None, strict=False)
    cfg.optionxform = str
    cfg.read(entry, encoding="utf-8")
    e = cfg["Desktop Entry"]
    assert (e["Type"], e["Name"], e["Icon"]) == ("Application", "gisdesk", "gisdesk")
    assert e["Exec"] == "/opt/gisdesk/.venv/bin/gisdesk %f"  # the full path: a venv need not be on PATH
    assert "Geography" in e["Categories"].split(";")
    assert icon.read_bytes() == app_icon().read_bytes()
    if shutil.which("desktop-file-validate"):
        check = subprocess.run(["desktop-file-validate", str(entry)], capture_output=True, text=True)
        assert check.returncode == 0, check.stdout + check.stderr


def test_install_leaves_someone_elses_files_alone_and_updates_its_own(tmp_path):
    entry = tmp_path / "applications" / "gisdesk.desktop"
    entry.parent.mkdir(parents=True)
    entry.write_text("[Desktop Entry]\nName=my own launcher\n", encoding="utf-8")
    said = install(tmp_path, command="gisdesk")
    assert said[0] == f"left {entry} alone: it is not gisdesk's"
    assert entry.read_text(encoding="utf-8") == "[Desktop Entry]\nName=my own launcher\n"
    entry.unlink()
    install(tmp_path, command="/old/gisdesk")
    install(tmp_path, command="/new/gisdesk")  # ours: replaced (a moved installation)
    assert "Exec=/new/gisdesk %f" in entry.read_text(encoding="utf-8")


def test_the_icon_is_a_real_image_qt_draws(qtbot):
    from PySide6.QtGui import QColor

    from gisdesk.ui.app import app_icon as window_icon

    image = window_icon().pixmap(64, 64).toImage()
    assert not image.isNull() and image.width() == 64
    assert image.pixelColor(4, 32).alpha() > 200 and image.pixelColor(4, 32).name() == QColor("#1e5ac8").name()
