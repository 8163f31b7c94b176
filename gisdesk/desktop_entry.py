"""The desktop entry and icon on Linux: gisdesk in the applications menu, opening workspaces.

``python -m gisdesk.desktop_entry`` (run by ``gisdesk.sh`` after set-up) writes, for the user
running it, following the freedesktop.org specifications:

* ``$XDG_DATA_HOME/applications/gisdesk.desktop`` (default ``~/.local/share``), whose
  ``Exec`` is the ``gisdesk`` command of this installation (its full path, so it works
  from a virtual environment that is not on ``PATH``), with the workspace as ``%f``;
* ``$XDG_DATA_HOME/icons/hicolor/scalable/apps/gisdesk.svg``, the application icon.

Existing files are replaced only when they are gisdesk's own (they say ``X-Gisdesk=true``
or are our icon); anything else of that name is left alone and reported.
"""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

from gisdesk.core.shipped import shipped_dir

ENTRY = """[Desktop Entry]
Type=Application
Version=1.5
Name=gisdesk
GenericName=City GIS workstation
GenericName[vi]=Trạm làm việc GIS đô thị
GenericName[zh_CN]=城市 GIS 工作站
Comment=Maps, incidents, tasks and dashboards for digital city management
Comment[vi]=Bản đồ, sự cố, nhiệm vụ và bảng điều khiển cho quản lý đô thị số
Comment[zh_CN]=数字城市管理的地图、事件、任务与仪表板
Exec={exec} %f
Icon=gisdesk
Terminal=false
Categories=Education;Science;Geography;Qt;
Keywords=GIS;map;SpatiaLite;incident;
MimeType=application/vnd.sqlite3;application/x-sqlite3;application/geopackage+sqlite3;
StartupWMClass=gisdesk
X-Gisdesk=true
"""


def app_icon() -> Path:
    """The application icon (SVG) shipped in ``resources/icons``."""
    return shipped_dir("resources") / "icons" / "gisdesk.svg"


def gisdesk_command() -> str:
    """The full path of this installation's ``gisdesk`` command (beside the running Python)."""
    here = Path(sys.executable).parent / ("gisdesk.exe" if os.name == "nt" else "gisdesk")
    return str(here) if here.exists() else (shutil.which("gisdesk") or f"{sys.executable} -m gisdesk.cli")


def install(data_home: str | os.PathLike[str] | None = None, command: str | None = None) -> list[str]:
    """Write the desktop entry and the icon; returns one line per file written or left alone."""
    base = Path(data_home or os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")
    entry = base / "applications" / "gisdesk.desktop"
    icon = base / "icons" / "hicolor" / "scalable" / "apps" / "gisdesk.svg"
    said = []
    text = ENTRY.format(exec=command or gisdesk_command())
    if entry.exists() and "X-Gisdesk=true" not in entry.read_text(encoding="utf-8", errors="replace"):
        said.append(f"left {entry} alone: it is not gisdesk's")
    else:
        entry.parent.mkdir(parents=True, exist_ok=True)
        entry.write_text(text, encoding="utf-8")
        said.append(f"wrote {entry}")
    source = app_icon()
    if icon.exists() and icon.read_bytes() != source.read_bytes() and b"<title>gisdesk</title>" not in icon.read_bytes():
        said.append(f"left {icon} alone: it is not gisdesk's")
    else:
        icon.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, icon)
        said.append(f"wrote {icon}")
    return said


if __name__ == "__main__":
    for line in install():
        print(f"gisdesk: {line}", file=sys.stderr)
