"""Evidence where it happened: the position of a report, and the files of a task or incident (Qt).

:class:`PositionField` is the *Where* row of a progress or completion report: a position
picked on the map (the ``tasks.pick_position`` map tool, shared with questions), typed
(``x, y`` in map units, or ``latitude, longitude`` in degrees), or read from a photo's EXIF
GPS (:mod:`tasks.exif`). It says where the position came from and how far it is from the
task's area; the evidence rule itself is the core's (checked when the report is stored).

:class:`AttachmentViewer` shows files as thumbnails and the one picked in full.
"""

from __future__ import annotations

import re
from typing import Any, Callable

from PySide6.QtCore import QCoreApplication, QSize, Qt
from PySide6.QtGui import QIcon, QImage, QPixmap
from PySide6.QtWidgets import (QDialog, QHBoxLayout, QLabel, QLineEdit, QListView, QListWidget, QListWidgetItem,
                               QPushButton, QScrollArea, QSplitter, QVBoxLayout, QWidget)

from gisdesk.api import PluginContext, Task

from tasks.exif import gps_position

THUMB = 96


def tr(text: str) -> str:
    return QCoreApplication.translate("TasksPanel", text)


def lonlat_to_map(ctx: PluginContext, lon: float, lat: float) -> tuple[float, float]:
    """WGS 84 degrees to the map's CRS (where task areas are)."""
    from pyproj import CRS, Transformer

    crs = CRS.from_user_input(ctx.canvas.crs)
    if crs.equals(CRS.from_epsg(4326)):
        return lon, lat
    x, y = Transformer.from_crs("EPSG:4326", crs, always_xy=True).transform(lon, lat)
    return float(x), float(y)


_NUMBERS = re.compile(r"^\s*(-?\d+(?:\.\d+)?)\s*[,; ]\s*(-?\d+(?:\.\d+)?)\s*$")


class PositionField(QWidget):
    """Where a report was made: picked on the map, typed, or from a photo's GPS."""

    def __init__(self, ctx: PluginContext, task: Task, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.task = ctx, task
        self.source = ""  # "map", "typed", "photo"
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        self.text = QLineEdit(objectName="tasks.action.position")
        self.text.setPlaceholderText(tr("x, y — or latitude, longitude"))
        self.text.setToolTip(tr("Map coordinates (x, y) or degrees (latitude, longitude, e.g. 16.4637, 107.5909)"))
        self.text.textEdited.connect(lambda *_: self._typed())
        self.pick_button = QPushButton(tr("Pick on map"), objectName="tasks.action.pick_position")
        self.pick_button.clicked.connect(self.start_picking)
        row.addWidget(self.text, 1)
        row.addWidget(self.pick_button)
        lay.addLayout(row)
        self.info = QLabel(tr("no position"), objectName="tasks.action.position_info")
        self.info.setWordWrap(True)
        self.info.setStyleSheet("color: #555")
        lay.addWidget(self.info)
        self._value: tuple[float, float] | None = None
        self._error = ""

    # -- setting -------------------------------------------------------------------------
    def set_position(self, x: float, y: float, source: str = "map") -> None:
        """Use ``(x, y)`` (map CRS) as the position; ``source`` says where it came from."""
        self._value, self._error, self.source = (float(x), float(y)), "", source
        self.text.setText(f"{x:.1f}, {y:.1f}")
        self._describe()

    def from_photo(self, data: bytes) -> bool:
        """Take the position from a photo's EXIF GPS, unless one was picked or typed; True if it had GPS."""
        found = gps_position(data)
        if found is None:
            return False
        if self._value is None or self.source == "photo":
            x, y = lonlat_to_map(self.ctx, *found)
            self.set_position(x, y, "photo")
        return True

    def _typed(self) -> None:
        text = self.text.text().strip()
        if not text:
            self._value, self._error, self.source = None, "", ""
            self.info.setText(tr("no position"))
            return
        m = _NUMBERS.match(text)
        if not m:
            self._value = None
            self._error = tr("Type the position as two numbers: x, y or latitude, longitude.")
            self.info.setText(self._error)
            return
        a, b = float(m.group(1)), float(m.group(2))
        if abs(a) <= 90 and abs(b) <= 180:  # degrees, as people copy them: latitude first
            a, b = lonlat_to_map(self.ctx, b, a)
        self._value, self._error, self.source = (a, b), "", "typed"
        self._describe()

    def _describe(self) -> None:
        where = {"map": tr("picked on the map"), "photo": tr("from the photo's GPS"),
                 "typed": tr("typed")}.get(self.source, "")
        text = where
        if self.task.area is not None and self._value is not None:
            from shapely.geometry import Point

            dist = self.task.area.distance(Point(self._value))
            text += " — " + (tr("inside the task's area") if dist == 0 else
                             tr("{d:,.0f} m from the task's area").format(d=dist))
        self.info.setText(text)

    # -- picking on the map ----------------------------------------------------------------
    def start_picking(self) -> None:
        """Make the next click on the map the report's position (the ``tasks.pick_position`` tool)."""
        from tasks.questions import _picking

        _picking[self.ctx] = self.set_position
        self.info.setText(tr("click the place on the map…"))
        self.ctx.canvas.set_map_tool("tasks.pick_position")

    def stop_picking(self) -> None:
        """Forget a pending map pick of this field (its form closed)."""
        from tasks.questions import _picking

        if _picking.get(self.ctx) == self.set_position:
            del _picking[self.ctx]

    # -- reading ----------------------------------------------------------------------------
    def value(self) -> tuple[float, float] | None:
        """The position (map CRS), or None."""
        return self._value

    def error(self) -> str:
        """Why what was typed is not a position ('' when it is, or when nothing was typed)."""
        return self._error


def thumbnail(data: bytes, size: int = THUMB) -> QPixmap | None:
    """A square-bounded thumbnail of an image, or None when ``data`` is not an image Qt can read."""
    img = QImage.fromData(data)
    if img.isNull():
        return None
    return QPixmap.fromImage(img.scaled(size, size, Qt.AspectRatioMode.KeepAspectRatio,
                                        Qt.TransformationMode.SmoothTransformation))


def thumbnail_list(object_name: str, height: int = THUMB + 30) -> QListWidget:
    """A horizontal strip of thumbnails."""
    strip = QListWidget(objectName=object_name)
    strip.setViewMode(QListView.ViewMode.IconMode)
    strip.setIconSize(QSize(THUMB, THUMB))
    strip.setFlow(QListView.Flow.LeftToRight)
    strip.setWrapping(False)
    strip.setResizeMode(QListView.ResizeMode.Adjust)
    strip.setMovement(QListView.Movement.Static)
    strip.setFixedHeight(height)
    return strip


def fill_thumbnails(strip: QListWidget, files: list[dict[str, Any]], read: Callable[[str], bytes]) -> int:
    """Put ``files`` (``id``, ``name``, ``mime``) in ``strip``, images as thumbnails; returns how many images."""
    strip.clear()
    images = 0
    for f in files:
        pix = None
        if str(f.get("mime", "")).startswith("image/"):
            try:
                pix = thumbnail(read(f["id"]))
            except Exception:  # refused or gone: listed by name
                pix = None
        item = QListWidgetItem(f["name"][:18])
        item.setToolTip(f"{f['name']} ({f.get('mime', '')})")
        item.setData(Qt.ItemDataRole.UserRole, f["id"])
        if pix is not None:
            item.setIcon(QIcon(pix))
            images += 1
        strip.addItem(item)
    return images


class AttachmentViewer(QDialog):
    """Files as thumbnails; the picked one shown in full (images) or named (other files)."""

    def __init__(self, title: str, files: list[dict[str, Any]], read: Callable[[str], bytes],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("tasks.viewer")
        self.setWindowTitle(title)
        self.files, self.read = files, read
        lay = QVBoxLayout(self)
        split = QSplitter(Qt.Orientation.Vertical)
        self.strip = thumbnail_list("tasks.viewer.thumbnails")
        fill_thumbnails(self.strip, files, read)
        self.strip.currentRowChanged.connect(self.show_file)
        split.addWidget(self.strip)
        self.image = QLabel(objectName="tasks.viewer.image")
        self.image.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.scroll = scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.image)
        split.addWidget(scroll)
        lay.addWidget(split, 1)
        self.caption = QLabel(objectName="tasks.viewer.caption")
        lay.addWidget(self.caption)
        self.resize(640, 520)
        if files:
            self.strip.setCurrentRow(0)
        else:
            self.caption.setText(tr("No files."))

    def show_file(self, row: int) -> None:
        """Show file ``row`` of the strip."""
        if not 0 <= row < len(self.files):
            return
        f = self.files[row]
        size = f.get("size")
        self.caption.setText(f"{f['name']} — {f.get('mime', '')}" + (f", {size / 1024:,.0f} KB" if size else "")
                             + (f" — {f['added_by']}" if f.get("added_by") else ""))
        img = QImage()
        try:
            img = QImage.fromData(self.read(f["id"]))
        except Exception as exc:  # refused or gone: say why
            self.image.setText(str(exc))
            return
        if img.isNull():
            self.image.setText(tr("Not an image: no preview."))
            return
        room = self.scroll.viewport().size()
        pix = QPixmap.fromImage(img)
        if pix.width() > room.width() or pix.height() > room.height():  # shrink to fit, never blow up
            pix = pix.scaled(room, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation)
        self.image.setPixmap(pix)
