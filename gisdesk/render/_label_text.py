"""Label text: fonts, metrics and drawing (text and halo as cached sprites), for :mod:`gisdesk.render.labels`."""

from __future__ import annotations

import math
import threading
from collections import OrderedDict
from functools import lru_cache
from typing import TYPE_CHECKING

import numpy as np
from PySide6.QtCore import QPointF
from PySide6.QtGui import QColor, QFont, QFontDatabase, QFontMetricsF, QImage, QPainter

from gisdesk.core.style import LabelStyle, parse_color

if TYPE_CHECKING:
    from gisdesk.render.labels import PlacedLabel

@lru_cache(maxsize=1)
def default_families() -> tuple[str, ...]:
    """A face for Latin and Vietnamese, then faces with Chinese (Qt takes missing glyphs from them)."""
    available = {f.lower(): f for f in QFontDatabase.families()}
    latin = [available[f] for f in ("dejavu sans", "noto sans", "liberation sans", "arial") if f in available][:1]
    cjk = [available[f] for f in ("noto sans cjk sc", "wenquanyi micro hei", "wenquanyi zen hei", "source han sans sc",
                                   "microsoft yahei") if f in available][:1]
    return tuple(latin + cjk)


def label_font(style: LabelStyle, factor: float = 1.0) -> QFont:
    """The QFont of ``style`` at ``factor`` times its pixel size."""
    f = QFont()
    families = ([style.font_family] if style.font_family else []) + list(default_families())
    if families:
        f.setFamilies(families)
    f.setPixelSize(max(1, round(style.size * factor)))
    f.setBold(style.bold)
    return f


_WIDTHS: dict[tuple, float] = {}  # plain numbers: shared by the GUI and render threads
_LOCAL = threading.local()  # Qt font objects: one set per thread (Qt's font caches are per thread)


def _metrics(font: QFont) -> tuple[tuple, QFontMetricsF, float, float]:
    key = (tuple(font.families()), font.pixelSize(), font.bold())
    cache = _LOCAL.__dict__.setdefault("metrics", {})
    hit = cache.get(key)
    if hit is None:
        fm = QFontMetricsF(font)
        hit = cache[key] = (fm, fm.height(), fm.ascent())
    return (key, *hit)


def text_widths(font: QFont, texts: list[str]) -> np.ndarray:
    """Advance widths of ``texts`` in pixels (memoised per font and text)."""
    key, fm, _h, _a = _metrics(font)
    if len(_WIDTHS) > 200_000:
        _WIDTHS.clear()
    out = np.empty(len(texts))
    for i, t in enumerate(texts):
        w = _WIDTHS.get((key, t))
        if w is None:
            w = _WIDTHS[(key, t)] = fm.horizontalAdvance(t)
        out[i] = w
    return out


# -- drawing ---------------------------------------------------------------------------

def _qcolor(text: str) -> QColor:
    r, g, b, a = parse_color(text)
    return QColor(r, g, b, a)


def _halo_offsets(halo: float) -> list[tuple[float, float]]:
    """Where the halo copies of the text go: rings of 8 or 16 directions (cheaper than stroking glyph paths)."""
    if halo <= 0:
        return []
    rings = [halo] if halo <= 2.5 else [halo, halo / 2]
    n = 8 if halo <= 2.5 else 16
    return [(r * math.cos(2 * math.pi * k / n), r * math.sin(2 * math.pi * k / n)) for r in rings for k in range(n)]


#: Drawn labels (text and halo, unrotated) kept for the next render: a pan or a repaint re-blits them.
_SPRITES: OrderedDict[tuple, QImage] = OrderedDict()
_SPRITES_LOCK = threading.Lock()
_SPRITE_PAD = 1


def _sprite(text: str, st: LabelStyle, factor: float) -> QImage:
    """``text`` with its halo, drawn once, level, into a small image whose centre is the label's centre.

    Glyphs drawn level come from Qt's glyph cache; drawing rotated text (or stroking glyph
    paths for halos) costs a path fill per glyph, ten times more. The rotation is applied
    when the image is drawn on the map.
    """
    font = label_font(st, factor)
    key_font, _fm, fh, asc = _metrics(font)
    halo = st.halo_width * factor if parse_color(st.halo_color)[3] else 0.0
    key = (text, key_font, st.color, st.halo_color, round(halo, 2))
    with _SPRITES_LOCK:
        img = _SPRITES.get(key)
        if img is not None:
            _SPRITES.move_to_end(key)
            return img
    w = text_widths(font, [text])[0]
    pad = _SPRITE_PAD + math.ceil(halo)
    img = QImage(math.ceil(w) + 2 * pad, math.ceil(fh) + 2 * pad, QImage.Format.Format_ARGB32_Premultiplied)
    img.fill(0)
    origin = QPointF(pad, pad + asc)
    if halo > 0:
        mask = QImage(img.size(), QImage.Format.Format_ARGB32_Premultiplied)
        mask.fill(0)
        p = QPainter(mask)
        p.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
        p.setFont(font)
        p.setPen(_qcolor(st.halo_color))
        p.drawText(origin, text)
        p.end()
        p = QPainter(img)
        for dx, dy in _halo_offsets(halo):
            p.drawImage(QPointF(dx, dy), mask)
    else:
        p = QPainter(img)
    p.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
    p.setFont(font)
    p.setPen(_qcolor(st.color))
    p.drawText(origin, text)
    p.end()
    with _SPRITES_LOCK:
        _SPRITES[key] = img
        while len(_SPRITES) > 4000:
            _SPRITES.popitem(last=False)
    return img


def draw(painter: QPainter, placed: list[PlacedLabel], factor: float = 1.0) -> None:
    """Draw ``placed`` labels with their halos on ``painter`` (image pixels).

    The text is drawn with QPainter.drawText, which shapes it (diacritics, Chinese)
    and falls back to the installed faces for glyphs the first family lacks; the halo
    is the text in the halo colour drawn around the letters.
    """
    if not placed:
        return
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, True)
    for lab in placed:
        img = _sprite(lab.text, lab.style, factor)
        if lab.angle:
            painter.save()
            painter.translate(lab.x, lab.y)
            painter.rotate(lab.angle)
            painter.drawImage(QPointF(-img.width() / 2, -img.height() / 2), img)
            painter.restore()
        else:  # level: on whole pixels, as crisp as text drawn straight
            painter.drawImage(QPointF(round(lab.x - img.width() / 2), round(lab.y - img.height() / 2)), img)
    painter.restore()


__all__ = ["default_families", "label_font", "text_widths", "draw"]
