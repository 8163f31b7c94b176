"""gisdesk styles as QGIS QML, both ways (no Qt: ``xml.etree``).

What crosses
------------
* **Renderers**: single symbol, categorized, graduated and rule-based (the top-level rules
  with their filter expressions and the ``ELSE`` rule; nested rules are said and left out;
  gisdesk draws a feature with its first matching rule, QGIS with every matching rule, so
  write rules that do not overlap).
* **Symbols**: the first enabled ``SimpleMarker`` / ``SimpleLine`` / ``SimpleFill`` layer
  of each QGIS symbol: marker shape (circle, square, triangle, diamond, cross; the other
  QGIS shapes become the nearest, with a warning), fill and outline colours with their
  alpha, outline or line width, marker size, and the symbol's opacity.
* **Sizes**: gisdesk sizes are screen pixels. They are written in QGIS's ``Pixel`` unit
  (exact both ways); QGIS's millimetres and points are read at 96 DPI
  (:data:`PX_PER_MM`), QGIS's default when it draws on a screen.
* **Labels** (simple labelling): the field (or ``'prefix' || "field" || 'suffix'``),
  font family, size, bold, colour, buffer (halo), scale range, priority, and the
  filter as a data-defined *Show* expression (gisdesk expressions follow QGIS's syntax).
* **Layer opacity**.

:func:`style_from_qml` returns the style and a list of warnings (what did not cross);
nothing is dropped silently.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from typing import Iterable

from gisdesk.core.style import Category, GradClass, LabelStyle, Rule, Symbol, VectorStyle, parse_color

#: Pixels per millimetre at 96 DPI (QGIS on a screen).
PX_PER_MM = 96 / 25.4
_PX_PER_UNIT = {"Pixel": 1.0, "MM": PX_PER_MM, "Point": 96 / 72, "Inch": 96.0, "RenderMetersInMapUnits": None,
                "MapUnit": None}
#: QGIS marker names that gisdesk draws as one of its own shapes.
_SHAPE_FROM_QGIS = {"circle": "circle", "square": "square", "rectangle": "square", "triangle": "triangle",
                    "equilateral_triangle": "triangle", "diamond": "diamond", "cross": "cross", "cross2": "cross",
                    "cross_fill": "cross", "x": "cross", "filled_arrowhead": "triangle", "pentagon": "circle",
                    "hexagon": "circle", "octagon": "circle", "star": "diamond", "regular_star": "diamond"}
_KIND = {"point": ("marker", "SimpleMarker"), "line": ("line", "SimpleLine"), "polygon": ("fill", "SimpleFill")}


# -- colours and units -----------------------------------------------------------------
def qgis_color(text: str, opacity: float = 1.0) -> str:
    """``#rrggbb[aa]`` to QGIS's ``r,g,b,a`` (alpha multiplied by ``opacity``)."""
    r, g, b, a = parse_color(text)
    return f"{r},{g},{b},{round(a * opacity)}"


def from_qgis_color(text: str | None) -> tuple[str, float]:
    """QGIS's ``r,g,b,a`` (or ``#rrggbb``) to (``#rrggbb``, alpha 0-1); missing: transparent."""
    if not text:
        return "", 0.0
    if text.startswith("#"):
        r, g, b, a = parse_color(text)
    else:
        parts = [int(float(p)) for p in text.split(",")[:4]]
        r, g, b = parts[:3]
        a = parts[3] if len(parts) > 3 else 255
    return f"#{r:02x}{g:02x}{b:02x}", a / 255


def _px(value: str | None, unit: str | None, default_mm: float, warnings: list[str], what: str) -> float:
    """A QGIS length in ``unit`` to pixels (map units cannot be: they are read as millimetres)."""
    v = float(value) if value not in (None, "") else default_mm
    factor = _PX_PER_UNIT.get(unit or "MM", PX_PER_MM)
    if factor is None:
        warnings.append(f"{what} is in map units in QGIS; gisdesk draws it at a fixed screen size")
        factor = PX_PER_MM
    return round(v * factor, 3)


# -- writing ---------------------------------------------------------------------------
def _props(layer: ET.Element, values: dict[str, str]) -> None:
    """Write ``values`` both as QGIS 3's ``<Option type="Map">`` and as the older ``<prop>`` (3.22 reads either)."""
    opts = ET.SubElement(layer, "Option", type="Map")
    for k, v in values.items():
        ET.SubElement(opts, "Option", name=k, value=v, type="QString")
    for k, v in values.items():
        ET.SubElement(layer, "prop", k=k, v=v)


def _symbol(parent: ET.Element, name: str, s: Symbol, geometry: str) -> None:
    kind, cls = _KIND[geometry]
    sym = ET.SubElement(parent, "symbol", type=kind, name=name, alpha="1", clip_to_extent="1", force_rhr="0")
    layer = ET.SubElement(sym, "layer", {"class": cls, "enabled": "1", "pass": "0", "locked": "0"})
    fill = qgis_color(s.fill, s.fill_opacity) if s.fill else "0,0,0,0"
    stroke = qgis_color(s.stroke) if s.stroke else "0,0,0,0"
    if geometry == "point":
        values = {"name": s.shape, "color": fill, "outline_color": stroke,
                  "outline_style": "solid" if s.stroke and s.stroke_width > 0 else "no",
                  "outline_width": f"{s.stroke_width:g}", "outline_width_unit": "Pixel",
                  "size": f"{s.size:g}", "size_unit": "Pixel", "joinstyle": "bevel", "scale_method": "diameter"}
    elif geometry == "line":
        values = {"line_color": stroke, "line_width": f"{s.stroke_width:g}", "line_width_unit": "Pixel",
                  "line_style": "solid" if s.stroke else "no", "capstyle": "round", "joinstyle": "round"}
    else:
        values = {"color": fill, "style": "solid" if s.fill else "no", "outline_color": stroke,
                  "outline_style": "solid" if s.stroke and s.stroke_width > 0 else "no",
                  "outline_width": f"{s.stroke_width:g}", "outline_width_unit": "Pixel", "joinstyle": "bevel"}
    _props(layer, values)


def _labeling(root: ET.Element, lab: LabelStyle) -> None:
    if not lab.field:
        return
    if lab.prefix or lab.suffix:
        quote = lambda t: "'" + t.replace("'", "''") + "'"  # noqa: E731
        parts = ([quote(lab.prefix)] if lab.prefix else []) + ['"' + lab.field.replace('"', '""') + '"'] + \
            ([quote(lab.suffix)] if lab.suffix else [])
        field, is_expr = " || ".join(parts), "1"
    else:
        field, is_expr = lab.field, "0"
    labeling = ET.SubElement(root, "labeling", type="simple")
    settings = ET.SubElement(labeling, "settings", calloutType="simple")
    text = ET.SubElement(settings, "text-style", fieldName=field, isExpression=is_expr,
                         fontFamily=lab.font_family or "Noto Sans", fontSize=f"{lab.size:g}", fontSizeUnit="Pixel",
                         fontWeight="75" if lab.bold else "50", textColor=qgis_color(lab.color), textOpacity="1",
                         namedStyle="Bold" if lab.bold else "Regular")
    ET.SubElement(text, "text-buffer", bufferDraw="1" if lab.halo_color and lab.halo_width > 0 else "0",
                  bufferSize=f"{lab.halo_width:g}", bufferSizeUnits="Pixel",
                  bufferColor=qgis_color(lab.halo_color) if lab.halo_color else "255,255,255,255", bufferOpacity="1")
    ET.SubElement(settings, "placement", priority=str(lab.priority), repeatDistance=f"{lab.repeat:g}",
                  repeatDistanceUnits="Pixel")
    ET.SubElement(settings, "rendering", scaleVisibility="1" if (lab.min_scale or lab.max_scale) else "0",
                  scaleMin=f"{lab.min_scale:g}", scaleMax=f"{lab.max_scale:g}", obstacle="1")
    if lab.filter:
        dd = ET.SubElement(settings, "dd_properties")
        top = ET.SubElement(dd, "Option", type="Map")
        ET.SubElement(top, "Option", name="name", value="", type="QString")
        props = ET.SubElement(top, "Option", name="properties", type="Map")
        show = ET.SubElement(props, "Option", name="Show", type="Map")
        ET.SubElement(show, "Option", name="active", value="true", type="bool")
        ET.SubElement(show, "Option", name="expression", value=lab.filter, type="QString")
        ET.SubElement(show, "Option", name="type", value="3", type="int")
        ET.SubElement(top, "Option", name="type", value="collection", type="QString")


def style_to_qml(style: VectorStyle, geometry: str, defaults: dict[str, str] | None = None) -> str:
    """``style`` as a QGIS QML document for a ``point``, ``line`` or ``polygon`` layer; ``defaults``
    gives QGIS expressions for fields of features drawn in QGIS (``{"uuid": "uuid()"}``).

    Examples
    --------
    >>> qml = style_to_qml(VectorStyle(symbol=Symbol(fill="#ff0000")), "point")
    >>> 'type="singleSymbol"' in qml and '255,0,0,255' in qml
    True
    """
    if geometry not in _KIND:
        raise ValueError(f"geometry must be point, line or polygon, not {geometry!r}")
    root = ET.Element("qgis", version="3.22.0", styleCategories="Symbology|Labeling|Rendering",
                      labelsEnabled="1" if style.labels.enabled and style.labels.field else "0")
    if style.mode == "single":
        r = ET.SubElement(root, "renderer-v2", type="singleSymbol", forceraster="0", symbollevels="0",
                          enableorderby="0")
        _symbol(ET.SubElement(r, "symbols"), "0", style.symbol, geometry)
    elif style.mode == "categorized":
        r = ET.SubElement(root, "renderer-v2", attr=style.field or "", type="categorizedSymbol", forceraster="0",
                          symbollevels="0", enableorderby="0")
        cats = ET.SubElement(r, "categories")
        symbols = ET.SubElement(r, "symbols")
        for k, c in enumerate(style.categories):
            ET.SubElement(cats, "category", value="" if c.value is None else str(c.value), symbol=str(k),
                          label=c.label or str(c.value), render="true")
            _symbol(symbols, str(k), c.symbol, geometry)
        if style.other is not None:  # QGIS's "all other values" category has an empty value
            k = len(style.categories)
            ET.SubElement(cats, "category", value="", symbol=str(k), label="", render="true")
            _symbol(symbols, str(k), style.other, geometry)
        _symbol(ET.SubElement(r, "source-symbol"), "0", style.symbol, geometry)
    elif style.mode == "rules":
        r = ET.SubElement(root, "renderer-v2", type="RuleRenderer", forceraster="0", symbollevels="0",
                          enableorderby="0")
        rules = ET.SubElement(r, "rules", key="{gisdesk-root}")
        symbols = ET.SubElement(r, "symbols")
        for k, rule in enumerate(style.rules):
            ET.SubElement(rules, "rule", key=f"{{gisdesk-{k}}}", filter=rule.filter, symbol=str(k),
                          label=rule.label or rule.filter)
            _symbol(symbols, str(k), rule.symbol, geometry)
        if style.other is not None:
            k = len(style.rules)
            ET.SubElement(rules, "rule", key=f"{{gisdesk-{k}}}", filter="ELSE", symbol=str(k), label="other")
            _symbol(symbols, str(k), style.other, geometry)
    else:
        r = ET.SubElement(root, "renderer-v2", attr=style.field or "", type="graduatedSymbol",
                          graduatedMethod="GraduatedColor", forceraster="0", symbollevels="0", enableorderby="0")
        ranges = ET.SubElement(r, "ranges")
        symbols = ET.SubElement(r, "symbols")
        for k, c in enumerate(style.classes):
            ET.SubElement(ranges, "range", lower=repr(float(c.lower)), upper=repr(float(c.upper)), symbol=str(k),
                          label=c.label or f"{c.lower:g} - {c.upper:g}", render="true")
            _symbol(symbols, str(k), c.symbol, geometry)
        _symbol(ET.SubElement(r, "source-symbol"), "0", style.symbol, geometry)
    _labeling(root, style.labels)
    if defaults:
        box = ET.SubElement(root, "defaults")
        for name, expression in defaults.items():
            ET.SubElement(box, "default", field=name, expression=expression, applyOnUpdate="0")
    ET.SubElement(root, "layerOpacity").text = f"{style.opacity:g}"
    ET.indent(root)
    return "<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>\n" + ET.tostring(root, encoding="unicode")


# -- reading ---------------------------------------------------------------------------
def _values(layer: ET.Element) -> dict[str, str]:
    """A symbol layer's properties from ``<Option type="Map">`` (QGIS ≥ 3.16) or ``<prop>`` (older)."""
    out = {p.get("k", ""): p.get("v", "") for p in layer.findall("prop")}
    opts = layer.find("Option")
    if opts is not None and opts.get("type") == "Map":
        out.update({o.get("name", ""): o.get("value", "") for o in opts.findall("Option") if o.get("name")})
    return out


def _read_symbol(sym: ET.Element, warnings: list[str]) -> Symbol:
    layers = [ly for ly in sym.findall("layer") if ly.get("enabled", "1") != "0"]
    alpha = float(sym.get("alpha", "1") or 1)
    known = [ly for ly in layers if ly.get("class") in ("SimpleMarker", "SimpleLine", "SimpleFill")]
    if len(known) < len(layers):
        warnings.append("symbol layers of kinds " + ", ".join(sorted({str(ly.get("class")) for ly in layers}
                                                                       - {"SimpleMarker", "SimpleLine", "SimpleFill"}))
                        + " are drawn as simple symbols")
    if not known:
        return Symbol()
    ly, v = known[0], _values(known[0])
    kind = ly.get("class")
    if kind == "SimpleLine":
        stroke, a = from_qgis_color(v.get("line_color") or v.get("color"))
        if v.get("line_style") == "no":
            stroke = ""
        width = _px(v.get("line_width"), v.get("line_width_unit"), 0.26, warnings, "a line width")
        if alpha * a < 1 and stroke:
            stroke += f"{round(255 * alpha * a):02x}"
        return Symbol(fill="", stroke=stroke, stroke_width=width)
    fill, fa = from_qgis_color(v.get("color"))
    if v.get("style") == "no" or fa == 0:
        fill = ""
    stroke, sa = from_qgis_color(v.get("outline_color"))
    if v.get("outline_style") == "no" or sa == 0:
        stroke = ""
    elif sa * alpha < 1:
        stroke += f"{round(255 * sa * alpha):02x}"
    width = _px(v.get("outline_width"), v.get("outline_width_unit"), 0.0, warnings, "an outline width")
    if stroke and width == 0:
        width = 1.0  # QGIS's "hairline": one pixel
    out = {"fill": fill, "stroke": stroke, "stroke_width": width, "fill_opacity": round(min(1.0, fa * alpha), 4)}
    if kind == "SimpleMarker":
        name = v.get("name", "circle")
        shape = _SHAPE_FROM_QGIS.get(name)
        if shape is None or (shape != name and name not in ("rectangle", "equilateral_triangle", "cross2", "x")):
            warnings.append(f"the QGIS marker '{name}' is drawn as a {shape or 'circle'}")
        out.update(shape=shape or "circle", size=_px(v.get("size"), v.get("size_unit"), 2.0, warnings, "a marker size"))
    return Symbol(**out)


def _symbols(renderer: ET.Element, warnings: list[str]) -> dict[str, Symbol]:
    box = renderer.find("symbols")
    return {s.get("name", ""): _read_symbol(s, warnings) for s in (box if box is not None else [])}


_EXPR_FIELD = re.compile(r"""^\s*(?:'((?:[^']|'')*)'\s*\|\|\s*)?"((?:[^"]|"")+)"(?:\s*\|\|\s*'((?:[^']|'')*)')?\s*$""")


def _read_labels(root: ET.Element, warnings: list[str]) -> LabelStyle:
    lab = root.find("labeling")
    if lab is None:
        return LabelStyle()
    if lab.get("type") != "simple":
        warnings.append(f"QGIS {lab.get('type')} labelling is not read (only simple labelling)")
        return LabelStyle()
    text = lab.find("settings/text-style")
    if text is None:
        return LabelStyle()
    field, prefix, suffix = text.get("fieldName", ""), "", ""
    if text.get("isExpression") == "1":
        m = _EXPR_FIELD.match(field)
        if m is None:
            warnings.append(f"the label expression {field!r} is not a field with a prefix and suffix; not read")
            return LabelStyle()
        prefix, field, suffix = (m.group(1) or "").replace("''", "'"), m.group(2).replace('""', '"'), \
            (m.group(3) or "").replace("''", "'")
    unit = text.get("fontSizeUnit", "Point")
    size = _px(text.get("fontSize"), {"Point": "Point", "Pixel": "Pixel", "MM": "MM"}.get(unit, "Point"), 10,
               warnings, "the label size")
    color, _ = from_qgis_color(text.get("textColor") or "0,0,0,255")
    buf = text.find("text-buffer")
    halo_color, halo_width = "", 0.0
    if buf is not None and buf.get("bufferDraw") == "1":
        halo_color, _ = from_qgis_color(buf.get("bufferColor"))
        halo_width = _px(buf.get("bufferSize"), buf.get("bufferSizeUnits"), 1.0, warnings, "the label buffer")
    rendering = lab.find("settings/rendering")
    lo = hi = 0.0
    if rendering is not None and rendering.get("scaleVisibility") == "1":
        lo, hi = float(rendering.get("scaleMin") or 0), float(rendering.get("scaleMax") or 0)
    placement = lab.find("settings/placement")
    priority = int(float(placement.get("priority", 5))) if placement is not None else 5
    show = lab.find("settings/dd_properties/Option/Option[@name='properties']/Option[@name='Show']")
    filt = ""
    if show is not None:
        active = show.find("Option[@name='active']")
        expr = show.find("Option[@name='expression']")
        if active is not None and active.get("value") == "true" and expr is not None:
            filt = expr.get("value", "")
    return LabelStyle(enabled=root.get("labelsEnabled", "1") == "1", field=field, prefix=prefix, suffix=suffix,
                      filter=filt, font_family=text.get("fontFamily", ""), size=size,
                      bold=int(float(text.get("fontWeight", "50"))) >= 63, color=color, halo_color=halo_color,
                      halo_width=halo_width, min_scale=lo, max_scale=hi, priority=max(0, min(10, priority)))


def _number(text: str | None) -> float:
    return float(text) if text not in (None, "") else 0.0


def style_from_qml(text: str) -> tuple[VectorStyle, list[str]]:
    """A gisdesk style from a QGIS QML document, and the warnings on what did not cross.

    Raises
    ------
    ValueError
        Not a QML document, or a QGIS renderer gisdesk cannot draw at all (e.g. a heatmap).
    """
    try:
        root = ET.fromstring(re.sub(r"<!DOCTYPE[^>]*>", "", text, count=1))
    except ET.ParseError as exc:
        raise ValueError(f"not a QGIS style (QML) file: {exc}") from None
    if root.tag != "qgis":
        raise ValueError(f"not a QGIS style (QML) file: the document is <{root.tag}>, not <qgis>")
    warnings: list[str] = []
    r = root.find("renderer-v2")
    labels = _read_labels(root, warnings)
    opacity = float(root.findtext("layerOpacity") or 1)
    if r is None:
        return VectorStyle(labels=labels, opacity=opacity), ["the QML has no symbology; the default symbol is used"]
    kind = r.get("type")
    symbols = _symbols(r, warnings)
    source = r.find("source-symbol/symbol")
    base = _read_symbol(source, warnings) if source is not None else next(iter(symbols.values()), Symbol())
    if kind == "singleSymbol":
        return VectorStyle(symbol=symbols.get("0", base), labels=labels, opacity=opacity), warnings
    if kind == "categorizedSymbol":
        cats, other = [], None
        for c in r.findall("categories/category"):
            sym = symbols.get(c.get("symbol", ""), base)
            if c.get("render", "true") == "false":
                continue  # switched off in QGIS: not drawn
            if c.get("value", "") == "" and not c.findall("*"):
                other = sym
                continue
            cats.append(Category(c.get("value", ""), sym, c.get("label", "")))
        return VectorStyle(mode="categorized", field=r.get("attr") or "", categories=cats, symbol=base, other=other,
                           labels=labels, opacity=opacity), warnings
    if kind == "graduatedSymbol":
        classes = [GradClass(_number(g.get("lower")), _number(g.get("upper")),
                             symbols.get(g.get("symbol", ""), base), g.get("label", ""))
                   for g in r.findall("ranges/range") if g.get("render", "true") != "false"]
        return VectorStyle(mode="graduated", field=r.get("attr") or "", classes=classes, symbol=base, labels=labels,
                           opacity=opacity), warnings
    if kind == "RuleRenderer":
        rules, other = [], None
        for rule in r.findall("rules/rule"):
            if rule.findall("rule"):
                warnings.append(f"the nested rules under '{rule.get('label') or rule.get('filter')}' are left out")
            if rule.get("active", "1") == "0" or rule.get("symbol") is None:
                continue
            sym = symbols.get(rule.get("symbol", ""), base)
            text = (rule.get("filter") or "").strip()
            if text.upper() == "ELSE":
                other = sym
            else:  # an empty filter: every feature
                rules.append(Rule(text, sym, rule.get("label", "")))
            if rule.get("scalemindenom") or rule.get("scalemaxdenom"):
                warnings.append(f"the scale range of the rule '{rule.get('label') or text}' is not kept")
        return VectorStyle(mode="rules", rules=rules, other=other, symbol=base, labels=labels,
                           opacity=opacity), warnings
    raise ValueError(f"the QGIS renderer '{kind}' has no gisdesk equivalent")


def geometry_of(kind: str) -> str:
    """gisdesk's layer kind (``point``, ``line``, ``polygon``, ``geometry``) to a QML geometry."""
    return kind if kind in _KIND else "polygon"


__all__: Iterable[str] = ["PX_PER_MM", "from_qgis_color", "geometry_of", "qgis_color", "style_from_qml",
                          "style_to_qml"]
