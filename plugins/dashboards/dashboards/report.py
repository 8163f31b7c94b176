"""The dashboard as a laid-out A4 report (PDF): what a city office files or sends upward.

Not a picture of the panel: the page is composed for paper.

* Page 1: title, scope (dates, unit, when it was made), the six KPI cards as boxes coloured
  against their targets, then the charts drawn as vectors at a size chosen for the page
  in their on-screen proportions (the daily incidents across the page, the other four two by two). Buttons, hints
  ("click a bar to filter") and scroll bars are not part of the report.
* Then the table under the charts (the commune ranking, or a commune's month by month) in
  full, in the order shown, with its header repeated on every page and page numbers.
"""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QMarginsF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPageLayout, QPageSize, QPainter, QPdfWriter, QPen
from PySide6.QtWidgets import QWidget

#: Card colours (background, edge) by state, as on screen: met / missed / neutral.
_CARD = {True: ("#e7f5ec", "#2e9d4f"), False: ("#fbe9e9", "#d23c3c"), None: ("#f4f5f7", "#b0b4bb")}
DPI = 96  # the screen's logical DPI: widgets drawn on the page keep their text in proportion
#: The tallest a chart may be on paper (mm); charts keep their on-screen proportions.
MAX_CHART_MM = 80


def tr(text: str) -> str:
    return QCoreApplication.translate("dashboards", text)


def _mm(mm: float) -> float:
    return mm * DPI / 25.4


def _font(pt: float, bold: bool = False) -> QFont:
    f = QFont()
    f.setPointSizeF(pt)
    f.setBold(bold)
    return f


class _Pages:
    """A QPdfWriter and its painter, with a running ``y`` and page numbers in the footer."""

    def __init__(self, path: Path, title: str) -> None:
        self.writer = QPdfWriter(str(path))
        self.writer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait,
                                              QMarginsF(12, 12, 12, 12), QPageLayout.Unit.Millimeter))
        self.writer.setResolution(DPI)
        self.writer.setTitle(title)
        self.writer.setCreator("gisdesk")
        self.painter = QPainter(self.writer)
        self.painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.page = QRectF(self.painter.viewport())
        self.footer = _mm(8)
        self.y = 0.0
        self.number = 1
        self.title = title

    @property
    def bottom(self) -> float:
        return self.page.height() - self.footer

    def new_page(self) -> None:
        self._footer()
        self.writer.newPage()
        self.number += 1
        self.y = 0.0

    def _footer(self) -> None:
        p = self.painter
        p.setFont(_font(7))
        p.setPen(QColor("#777"))
        p.drawText(QRectF(0, self.bottom + _mm(2), self.page.width(), _mm(5)),
                   Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, self.title)
        p.drawText(QRectF(0, self.bottom + _mm(2), self.page.width(), _mm(5)),
                   Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                   tr("page {n}").format(n=self.number))

    def text(self, text: str, pt: float, bold: bool = False, color: str = "#222") -> None:
        p = self.painter
        p.setFont(_font(pt, bold))
        p.setPen(QColor(color))
        rect = QRectF(0, self.y, self.page.width(), self.page.height())
        used = p.boundingRect(rect, int(Qt.TextFlag.TextWordWrap), text)
        p.drawText(rect, int(Qt.TextFlag.TextWordWrap), text)
        self.y += used.height() + _mm(1.5)

    def finish(self) -> None:
        self._footer()
        self.painter.end()


def _cards(pages: _Pages, cards: dict[str, Any]) -> None:
    """The KPI cards three to a row: title, value, target and change, coloured by state."""
    p, cols, gap = pages.painter, 3, _mm(3)
    w = (pages.page.width() - gap * (cols - 1)) / cols
    h = _mm(27)
    for i, card in enumerate(cards.values()):
        x = (i % cols) * (w + gap)
        y = pages.y + (i // cols) * (h + gap)
        bg, edge = _CARD[card.state]
        p.setPen(QPen(QColor(edge), _mm(0.3)))
        p.setBrush(QColor(bg))
        p.drawRoundedRect(QRectF(x, y, w, h), _mm(1), _mm(1))
        p.fillRect(QRectF(x, y, _mm(1.6), h), QColor(edge))
        inner = QRectF(x + _mm(4), y + _mm(1.5), w - _mm(6), h - _mm(3))
        p.setPen(QColor("#333"))
        p.setFont(_font(8, True))
        p.drawText(QRectF(inner.x(), inner.y(), inner.width(), _mm(5)), Qt.AlignmentFlag.AlignLeft,
                   card.title.text())
        p.setFont(_font(15, True))
        p.drawText(QRectF(inner.x(), inner.y() + _mm(5), inner.width(), _mm(8)), Qt.AlignmentFlag.AlignLeft,
                   card.value.text())
        p.setPen(QColor("#555"))
        p.setFont(_font(6.5))
        p.drawText(QRectF(inner.x(), inner.y() + _mm(13.5), inner.width(), inner.height() - _mm(13.5)),
                   int(Qt.TextFlag.TextWordWrap), card.target.text() + "\n" + card.change.text())
    rows = (len(cards) + cols - 1) // cols
    pages.y += rows * (h + gap) + _mm(2)


def _chart(pages: _Pages, widget: QWidget, x: float, width: float, dry: bool = False) -> float:
    """Draw ``widget`` (a pyqtgraph plot) as vectors at ``(x, pages.y)``, ``width`` wide, keeping the
    widget's proportions (no taller than :data:`MAX_CHART_MM`); returns the height it takes."""
    size = widget.size()
    scale = min(width / max(size.width(), 1), _mm(MAX_CHART_MM) / max(size.height(), 1))
    if dry:
        return size.height() * scale
    shown_title = widget.plotItem.titleLabel.text if getattr(widget, "report_title", None) else None
    if shown_title is not None:  # the on-screen hint ("drag the shaded range …") is not for paper
        widget.setTitle(widget.report_title, size="11pt", bold=True)
    p = pages.painter
    p.save()
    try:  # the plot's scene, drawn as vectors from the area the widget shows into the page's rectangle
        source = widget.mapToScene(widget.viewport().rect()).boundingRect()
        target = QRectF(x, pages.y, size.width() * scale, size.height() * scale)
        p.fillRect(target, QColor("white"))
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(Qt.BrushStyle.NoBrush)  # the cards' fill must not leak into the plots' backgrounds
        widget.scene().render(p, target, source, Qt.AspectRatioMode.KeepAspectRatio)
    finally:
        p.restore()
        if shown_title is not None:
            widget.setTitle(shown_title, size="11pt", bold=True)
    return size.height() * scale


def _charts(pages: _Pages, charts: list[QWidget]) -> None:
    """The first chart across the page, the others two by two."""
    gap = _mm(3)
    rows = [charts[:1]] + [charts[i:i + 2] for i in range(1, len(charts), 2)]
    for row in rows:
        width = pages.page.width() if len(row) == 1 and row is rows[0] else (pages.page.width() - gap) / 2
        height = max(_chart(pages, w, 0, width, dry=True) for w in row)
        if pages.y + height > pages.bottom:
            pages.new_page()
        for j, widget in enumerate(row):
            _chart(pages, widget, j * (width + gap), width)
        pages.y += height + gap


def _table(pages: _Pages, title: str, headers: list[str], rows: list[list[str]], numeric: list[bool]) -> None:
    """The whole table, header repeated on each page; numbers right-aligned."""
    p = pages.painter
    row_h, pad = _mm(5.2), _mm(1.2)
    p.setFont(_font(7, True))
    bold = p.fontMetrics()  # a header may wrap onto two lines: its longest word sets the minimum
    head = [max(bold.horizontalAdvance(word) for word in h.split()) if h.strip() else 0 for h in headers]
    p.setFont(_font(7))
    metrics = p.fontMetrics()
    widths = [max([head[c]] + [metrics.horizontalAdvance(r[c]) for r in rows]) + 2 * pad
              for c in range(len(headers))]
    scale = min(1.0, pages.page.width() / max(sum(widths), 1.0))
    widths = [w * scale for w in widths]
    spare = pages.page.width() - sum(widths)
    widths = [w + spare / len(widths) for w in widths]

    def header() -> None:
        p.fillRect(QRectF(0, pages.y, pages.page.width(), 2 * row_h), QColor("#e9ecf1"))
        p.setFont(_font(7, True))
        p.setPen(QColor("#222"))
        x = 0.0
        for c, h in enumerate(headers):
            p.drawText(QRectF(x + pad, pages.y, widths[c] - 2 * pad, 2 * row_h),
                       (Qt.AlignmentFlag.AlignRight if numeric[c] else Qt.AlignmentFlag.AlignLeft)
                       | Qt.AlignmentFlag.AlignVCenter | Qt.TextFlag.TextWordWrap, h)
            x += widths[c]
        pages.y += 2 * row_h

    if pages.y + 4 * row_h > pages.bottom:
        pages.new_page()
    pages.text(title, 10, bold=True)
    header()
    p.setFont(_font(7))
    for i, row in enumerate(rows):
        if pages.y + row_h > pages.bottom:
            pages.new_page()
            header()
            p.setFont(_font(7))
        if i % 2:
            p.fillRect(QRectF(0, pages.y, pages.page.width(), row_h), QColor("#f6f7f9"))
        p.setPen(QColor("#222"))
        x = 0.0
        for c, value in enumerate(row):
            p.drawText(QRectF(x + pad, pages.y, widths[c] - 2 * pad, row_h),
                       (Qt.AlignmentFlag.AlignRight if numeric[c] else Qt.AlignmentFlag.AlignLeft)
                       | Qt.AlignmentFlag.AlignVCenter, value)
            x += widths[c]
        pages.y += row_h


def write_report(panel: Any, path: str | Path) -> Path:
    """Write ``panel``'s current dashboard (its filter, cards, charts and table) as a PDF report.

    Parameters
    ----------
    panel : DashboardPanel
        A loaded panel (``panel.ready``); its current filter is the report's scope.
    path : path
        The PDF to write.

    Returns
    -------
    Path
        ``path``.
    """
    path = Path(path)
    title = panel.view_label.text()
    pages = _Pages(path, title)
    try:
        pages.text(title, 16, bold=True)
        f = panel.filter
        from dashboards import stats  # the panel's own helpers; imported here to keep this module light

        made = datetime.now(timezone.utc).astimezone().strftime("%Y-%m-%d %H:%M")
        pages.text(tr("Dates {a} – {b} · {unit} · made {made}").format(
            a=stats.day_iso(f.start_day), b=stats.day_iso(f.end_day),
            unit=f.commune or tr("all communes"), made=made), 9, color="#555")
        pages.y += _mm(2)
        _cards(pages, panel.cards)
        _charts(pages, [panel.daily, panel.by_category, panel.cameras, panel.funnel, panel.gauges])
        table = panel.table
        headers = [c[1] for c in table.columns]
        rows = [[table.item(r, c).text() for c in range(table.columnCount())] for r in range(table.rowCount())]
        numeric = [kind != "text" for _, _, kind in table.columns]
        _table(pages, panel.table_heading, headers, rows, numeric)
    finally:
        pages.finish()
    return path
