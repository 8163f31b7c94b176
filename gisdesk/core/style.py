"""Layer styles as plain data: single symbol, categorized, graduated, raster ramp.

Qt-free: colours are ``#rrggbb`` or ``#rrggbbaa`` strings, sizes are pixels. The
renderer turns a style into SQL class codes (store) and pixel colours (render);
the window edits and saves them as JSON in the workspace.
"""

from __future__ import annotations

import dataclasses
from dataclasses import asdict, dataclass
from typing import Any

MARKER_SHAPES = ("circle", "square", "triangle", "diamond", "cross")

#: A qualitative palette for categories (colour-blind friendly, then extended).
PALETTE = ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f",
           "#bcbd22", "#17becf", "#393b79", "#ad494a", "#637939", "#8c6d31", "#843c39", "#7b4173",
           "#3182bd", "#e6550d", "#31a354", "#756bb1", "#636363", "#6baed6", "#fd8d3c", "#74c476",
           "#9e9ac8", "#969696", "#9ecae1"]


def parse_color(text: str) -> tuple[int, int, int, int]:
    """``#rgb``, ``#rrggbb`` or ``#rrggbbaa`` to (r, g, b, a); '' or 'none' is transparent.

    Examples
    --------
    >>> parse_color("#ff8000")
    (255, 128, 0, 255)
    >>> parse_color("#ff800080")
    (255, 128, 0, 128)
    """
    t = (text or "").strip().lower()
    if t in ("", "none", "transparent"):
        return (0, 0, 0, 0)
    if not t.startswith("#") or len(t) not in (4, 7, 9):
        raise ValueError(f"not a colour: {text!r} (use #rrggbb or #rrggbbaa)")
    h = t[1:]
    if len(h) == 3:
        h = "".join(c * 2 for c in h)
    try:
        r, g, b = int(h[0:2], 16), int(h[2:4], 16), int(h[4:6], 16)
        a = int(h[6:8], 16) if len(h) == 8 else 255
    except ValueError as exc:
        raise ValueError(f"not a colour: {text!r} (use #rrggbb or #rrggbbaa)") from exc
    return (r, g, b, a)


@dataclass
class Symbol:
    """How one class of features looks.

    Attributes
    ----------
    fill : str
        Fill colour of markers and polygons ('' for none).
    stroke : str
        Outline colour of markers and polygons, colour of lines ('' for none).
    stroke_width : float
        Outline or line width in pixels.
    size : float
        Marker diameter in pixels.
    shape : str
        Marker shape, one of :data:`MARKER_SHAPES`.
    fill_opacity : float
        0-1, multiplies the fill colour's alpha (polygon fill opacity).
    """

    fill: str = "#3388ff"
    stroke: str = "#1f3d66"
    stroke_width: float = 1.0
    size: float = 6.0
    shape: str = "circle"
    fill_opacity: float = 1.0

    def __post_init__(self) -> None:
        parse_color(self.fill)
        parse_color(self.stroke)
        if self.shape not in MARKER_SHAPES:
            raise ValueError(f"unknown marker shape {self.shape!r}; use one of {', '.join(MARKER_SHAPES)}")
        if not (0 <= self.fill_opacity <= 1):
            raise ValueError("fill_opacity must be between 0 and 1")
        if self.size < 0 or self.stroke_width < 0:
            raise ValueError("size and stroke_width must not be negative")


@dataclass
class Category:
    value: Any
    symbol: Symbol
    label: str = ""


@dataclass
class GradClass:
    """Features with ``lower <= value < upper`` (the last class includes ``upper``)."""

    lower: float
    upper: float
    symbol: Symbol
    label: str = ""


@dataclass
class Rule:
    """Features for which ``filter`` (an expression of :mod:`gisdesk.core.expression`, QGIS's syntax,
    e.g. ``"status" = 'offline' and "type" = 'traffic'``; ``""`` for every feature) is true get ``symbol``;
    the first rule that matches wins."""

    filter: str
    symbol: Symbol
    label: str = ""


@dataclass
class LabelStyle:
    """How a layer's features are labelled (off by default).

    The text of a feature is ``prefix + str(value of field) + suffix``; features whose
    field is NULL or blank get no label, nor do those failing ``filter`` (an expression
    of :mod:`gisdesk.core.expression`, e.g. ``class in ('primary', 'secondary')``).

    Attributes
    ----------
    enabled : bool
    field : str
        The attribute whose value is the label.
    prefix, suffix : str
        Text put before and after the value.
    filter : str
        Which features are labelled ('' for all).
    font_family : str
        '' for the default face (Vietnamese, with Qt's fallback to the installed Chinese face).
    size : float
        Text height in pixels.
    bold : bool
    color : str
        Text colour.
    halo_color : str
        Colour of the buffer drawn around the letters ('' for none).
    halo_width : float
        Buffer width in pixels (0 for none).
    min_scale : float
        Most zoomed-out scale (the largest N of 1:N) at which labels are drawn; 0 for no limit.
    max_scale : float
        Most zoomed-in scale (the smallest N of 1:N) at which labels are drawn; 0 for no limit.
    priority : int
        0-10; labels of higher-priority layers are placed first and win collisions.
    repeat : float
        Pixels between repeated labels along long lines.
    """

    enabled: bool = False
    field: str = ""
    prefix: str = ""
    suffix: str = ""
    filter: str = ""
    font_family: str = ""
    size: float = 12.0
    bold: bool = False
    color: str = "#202020"
    halo_color: str = "#ffffff"
    halo_width: float = 1.5
    min_scale: float = 0.0
    max_scale: float = 0.0
    priority: int = 5
    repeat: float = 400.0

    def __post_init__(self) -> None:
        parse_color(self.color)
        parse_color(self.halo_color)
        if not (0 <= self.priority <= 10):
            raise ValueError("label priority must be between 0 and 10")
        if not (1 <= self.size <= 200):
            raise ValueError("label size must be between 1 and 200 pixels")
        if self.halo_width < 0 or self.min_scale < 0 or self.max_scale < 0 or self.repeat < 0:
            raise ValueError("label halo width, scales and repeat must not be negative")
        if self.min_scale and self.max_scale and self.max_scale > self.min_scale:
            raise ValueError("the label scale range is empty: the most zoomed-in scale (1:N) must have the smaller N")
        if self.enabled and not self.field:
            raise ValueError("labels need a field")

    def visible_at(self, denominator: float) -> bool:
        """Whether labels are drawn at the map scale 1:``denominator``."""
        return (self.enabled and (not self.min_scale or denominator <= self.min_scale)
                and (not self.max_scale or denominator >= self.max_scale))

    @classmethod
    def from_dict(cls, d: dict | None) -> "LabelStyle":
        """A LabelStyle from saved data; unknown keys are ignored, missing ones take the defaults."""
        if not d:
            return cls()
        names = {f.name for f in dataclasses.fields(cls)}
        return cls(**{k: v for k, v in d.items() if k in names})


@dataclass
class VectorStyle:
    """Style of a vector layer.

    ``mode`` is ``single`` (``symbol`` for every feature), ``categorized``
    (``categories`` by the value of ``field``), ``graduated`` (``classes`` by
    numeric ranges of ``field``) or ``rules`` (``rules``: the first whose filter
    expression is true). Features matching nothing use ``other``, or are
    not drawn when ``other`` is None.
    """

    mode: str = "single"
    symbol: Symbol = dataclasses.field(default_factory=Symbol)
    field: str | None = None
    categories: list[Category] = dataclasses.field(default_factory=list)
    classes: list[GradClass] = dataclasses.field(default_factory=list)
    rules: list[Rule] = dataclasses.field(default_factory=list)
    other: Symbol | None = None
    opacity: float = 1.0
    labels: LabelStyle = dataclasses.field(default_factory=LabelStyle)

    def __post_init__(self) -> None:
        if self.mode not in ("single", "categorized", "graduated", "rules"):
            raise ValueError(f"unknown style mode {self.mode!r}")
        if self.mode in ("categorized", "graduated") and not self.field:
            raise ValueError(f"a {self.mode} style needs a field")
        if len(self.categories) > 200 or len(self.classes) > 200 or len(self.rules) > 200:
            raise ValueError("at most 200 classes per layer")

    def class_symbols(self) -> list[Symbol | None]:
        """Symbol per class code: code 0 is ``other``, then one per category/class."""
        if self.mode == "single":
            return [self.symbol]
        return [self.other] + [c.symbol for c in self.items()]

    def items(self) -> list:
        """The classes of the style: categories, graduated classes or rules (none for a single symbol)."""
        return {"categorized": self.categories, "graduated": self.classes, "rules": self.rules}.get(self.mode, [])

    def to_dict(self) -> dict:
        return asdict(self)

    @classmethod
    def from_dict(cls, d: dict) -> "VectorStyle":
        sym = lambda s: Symbol(**s) if s else None  # noqa: E731
        return cls(
            mode=d.get("mode", "single"), symbol=sym(d.get("symbol")) or Symbol(), field=d.get("field"),
            categories=[Category(c["value"], sym(c["symbol"]), c.get("label", "")) for c in d.get("categories", [])],
            classes=[GradClass(c["lower"], c["upper"], sym(c["symbol"]), c.get("label", "")) for c in d.get("classes", [])],
            rules=[Rule(r["filter"], sym(r["symbol"]), r.get("label", "")) for r in d.get("rules", [])],
            other=sym(d.get("other")), opacity=d.get("opacity", 1.0),
            labels=LabelStyle.from_dict(d.get("labels")),  # styles saved before labels have none
        )


def categorized(field_name: str, values: list, base: Symbol | None = None, palette: list[str] | None = None) -> VectorStyle:
    """A categorized style giving each value a palette colour."""
    base = base or Symbol()
    pal = palette or PALETTE
    cats = [Category(v, Symbol(**{**asdict(base), "fill": pal[i % len(pal)]}), str(v)) for i, v in enumerate(values)]
    return VectorStyle(mode="categorized", field=field_name, categories=cats, symbol=base,
                       other=Symbol(**{**asdict(base), "fill": "#bbbbbb"}))


def graduated(field_name: str, breaks: list[float], colors: list[str], base: Symbol | None = None) -> VectorStyle:
    """A graduated style: ``len(breaks) - 1`` classes coloured by ``colors``."""
    if len(breaks) < 2 or len(colors) != len(breaks) - 1:
        raise ValueError("graduated needs n+1 breaks for n colours")
    base = base or Symbol()
    classes = [GradClass(breaks[i], breaks[i + 1], Symbol(**{**asdict(base), "fill": colors[i], "stroke": base.stroke}),
                         f"{breaks[i]:g} - {breaks[i + 1]:g}") for i in range(len(colors))]
    return VectorStyle(mode="graduated", field=field_name, classes=classes, symbol=base)


@dataclass
class RasterStyle:
    """Colour ramp for a single-band raster: ``stops`` are (value, colour) pairs, ascending.

    Cells equal to the raster's nodata (or NaN) are transparent.
    """

    stops: list[tuple[float, str]] = dataclasses.field(default_factory=lambda: [(0.0, "#deebf7"), (1.0, "#6baed6"), (3.0, "#08306b")])
    opacity: float = 1.0

    def __post_init__(self) -> None:
        if len(self.stops) < 2:
            raise ValueError("a colour ramp needs at least two stops")
        values = [v for v, _ in self.stops]
        if values != sorted(values):
            raise ValueError("colour ramp stops must be in ascending order")
        for _, c in self.stops:
            parse_color(c)
