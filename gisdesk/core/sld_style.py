"""gisdesk styles as OGC SLD 1.1 / Symbology Encoding, both ways (no Qt: ``xml.etree``).

SLD is what GeoServer, MapServer and QGIS (Style › Save as SLD) exchange. One ``se:Rule``
per class: no filter (single symbol), ``PropertyIsEqualTo`` (categorized; ``ElseFilter``
for gisdesk's *other* class) or ``PropertyIsGreaterThanOrEqualTo`` and
``PropertyIsLessThan`` / ``…LessThanOrEqualTo`` (graduated); ``Point``-, ``Line``- and
``PolygonSymbolizer`` with ``fill``, ``fill-opacity``, ``stroke``, ``stroke-width`` and
the marker's ``WellKnownName`` and ``Size`` (pixels, as gisdesk's sizes); a
``TextSymbolizer`` for labels (field, font, size, colour, halo). Rules whose filter is
none of these are read as their symbol with a warning.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

from gisdesk.core.style import MARKER_SHAPES, Category, GradClass, LabelStyle, Symbol, VectorStyle, parse_color

SLD, SE, OGC = "http://www.opengis.net/sld", "http://www.opengis.net/se", "http://www.opengis.net/ogc"
for _p, _u in (("", SLD), ("se", SE), ("ogc", OGC)):
    ET.register_namespace(_p, _u)
_SHAPES = {"circle": "circle", "square": "square", "triangle": "triangle", "diamond": "diamond", "cross": "cross",
           "x": "cross", "star": "diamond"}


def _se(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
    e = ET.SubElement(parent, f"{{{SE}}}{tag}", attrs)
    if text is not None:
        e.text = text
    return e


def _param(parent: ET.Element, name: str, value: str) -> None:
    _se(parent, "SvgParameter", value, name=name)


def _rgb_opacity(color: str, extra: float = 1.0) -> tuple[str, float]:
    r, g, b, a = parse_color(color)
    return f"#{r:02x}{g:02x}{b:02x}", round(a / 255 * extra, 4)


def _fill(parent: ET.Element, color: str, opacity: float) -> None:
    if not color:
        return
    rgb, a = _rgb_opacity(color, opacity)
    f = _se(parent, "Fill")
    _param(f, "fill", rgb)
    if a < 1:
        _param(f, "fill-opacity", f"{a:g}")


def _stroke(parent: ET.Element, color: str, width: float) -> None:
    if not color or width <= 0:
        return
    rgb, a = _rgb_opacity(color)
    s = _se(parent, "Stroke")
    _param(s, "stroke", rgb)
    if a < 1:
        _param(s, "stroke-opacity", f"{a:g}")
    _param(s, "stroke-width", f"{width:g}")


def _symbolizer(rule: ET.Element, s: Symbol, geometry: str) -> None:
    if geometry == "point":
        g = _se(_se(rule, "PointSymbolizer"), "Graphic")
        mark = _se(g, "Mark")
        _se(mark, "WellKnownName", s.shape)
        _fill(mark, s.fill, s.fill_opacity)
        _stroke(mark, s.stroke, s.stroke_width)
        _se(g, "Size", f"{s.size:g}")
    elif geometry == "line":
        _stroke(_se(rule, "LineSymbolizer"), s.stroke, s.stroke_width)
    else:
        p = _se(rule, "PolygonSymbolizer")
        _fill(p, s.fill, s.fill_opacity)
        _stroke(p, s.stroke, s.stroke_width)


def _filter(rule: ET.Element, op: str, field: str, value: object) -> ET.Element:
    f = ET.SubElement(rule, f"{{{OGC}}}Filter")
    cmp = ET.SubElement(f, f"{{{OGC}}}{op}")
    ET.SubElement(cmp, f"{{{OGC}}}PropertyName").text = field
    ET.SubElement(cmp, f"{{{OGC}}}Literal").text = str(value)
    return f


def _rule(fts: ET.Element, title: str) -> ET.Element:
    rule = _se(fts, "Rule")
    _se(rule, "Name", title)
    _se(_se(rule, "Description"), "Title", title)
    return rule


def _text(fts: ET.Element, lab: LabelStyle) -> None:
    rule = _rule(fts, "labels")
    if lab.min_scale:
        _se(rule, "MaxScaleDenominator", f"{lab.min_scale:g}")
    if lab.max_scale:
        _se(rule, "MinScaleDenominator", f"{lab.max_scale:g}")
    t = _se(rule, "TextSymbolizer")
    label = _se(t, "Label")
    label.text = lab.prefix or None
    prop = ET.SubElement(label, f"{{{OGC}}}PropertyName")
    prop.text = lab.field
    prop.tail = lab.suffix or None
    font = _se(t, "Font")
    if lab.font_family:
        _param(font, "font-family", lab.font_family)
    _param(font, "font-size", f"{lab.size:g}")
    if lab.bold:
        _param(font, "font-weight", "bold")
    if lab.halo_color and lab.halo_width > 0:
        halo = _se(t, "Halo")
        _se(halo, "Radius", f"{lab.halo_width:g}")
        _fill(halo, lab.halo_color, 1.0)
    _fill(t, lab.color, 1.0)


def style_to_sld(style: VectorStyle, geometry: str, layer_name: str) -> str:
    """``style`` as an SLD 1.1 document for a ``point``, ``line`` or ``polygon`` layer named ``layer_name``."""
    root = ET.Element(f"{{{SLD}}}StyledLayerDescriptor", version="1.1.0")
    layer = ET.SubElement(root, f"{{{SLD}}}NamedLayer")
    _se(layer, "Name", layer_name)
    user = ET.SubElement(layer, f"{{{SLD}}}UserStyle")
    _se(user, "Name", layer_name)
    fts = _se(user, "FeatureTypeStyle")
    if style.mode == "single":
        _symbolizer(_rule(fts, layer_name), style.symbol, geometry)
    elif style.mode == "rules":  # gisdesk's expressions are not OGC filters: the rules' symbols, without filters
        for rule in style.rules:
            _symbolizer(_rule(fts, rule.label or rule.filter), rule.symbol, geometry)
    elif style.mode == "categorized":
        for c in style.categories:
            rule = _rule(fts, c.label or str(c.value))
            _filter(rule, "PropertyIsEqualTo", style.field or "", c.value)
            _symbolizer(rule, c.symbol, geometry)
        if style.other is not None:
            rule = _rule(fts, "other")
            _se(rule, "ElseFilter")
            _symbolizer(rule, style.other, geometry)
    else:
        last = len(style.classes) - 1
        for k, c in enumerate(style.classes):
            rule = _rule(fts, c.label or f"{c.lower:g} - {c.upper:g}")
            f = ET.SubElement(rule, f"{{{OGC}}}Filter")
            both = ET.SubElement(f, f"{{{OGC}}}And")
            for op, v in (("PropertyIsGreaterThanOrEqualTo", c.lower),
                          ("PropertyIsLessThanOrEqualTo" if k == last else "PropertyIsLessThan", c.upper)):
                cmp = ET.SubElement(both, f"{{{OGC}}}{op}")
                ET.SubElement(cmp, f"{{{OGC}}}PropertyName").text = style.field or ""
                ET.SubElement(cmp, f"{{{OGC}}}Literal").text = repr(float(v))
            _symbolizer(rule, c.symbol, geometry)
    if style.labels.enabled and style.labels.field:
        _text(fts, style.labels)
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode")


# -- reading ---------------------------------------------------------------------------
def _params(parent: ET.Element | None) -> dict[str, str]:
    if parent is None:
        return {}
    found = parent.findall(f"{{{SE}}}SvgParameter") + parent.findall(f"{{{SE}}}CssParameter") + \
        parent.findall(f"{{{SLD}}}CssParameter")
    return {p.get("name", ""): (p.text or "").strip() for p in found}


def _color(rgb: str | None, opacity: str | None) -> str:
    if not rgb:
        return ""
    r, g, b, _ = parse_color(rgb)
    a = float(opacity) if opacity else 1.0
    return f"#{r:02x}{g:02x}{b:02x}" + (f"{round(255 * a):02x}" if a < 1 else "")


def _read_symbolizer(rule: ET.Element, warnings: list[str]) -> Symbol | None:
    point = rule.find(f"{{{SE}}}PointSymbolizer")
    if point is not None:
        mark = point.find(f".//{{{SE}}}Mark")
        size = point.findtext(f".//{{{SE}}}Size")
        name = (mark.findtext(f"{{{SE}}}WellKnownName") if mark is not None else None) or "circle"
        shape = _SHAPES.get(name.strip(), "circle")
        if shape != name.strip() and name.strip() not in ("x",):
            warnings.append(f"the SLD mark '{name}' is drawn as a {shape}")
        fill = _params(mark.find(f"{{{SE}}}Fill") if mark is not None else None)
        stroke = _params(mark.find(f"{{{SE}}}Stroke") if mark is not None else None)
        return Symbol(fill=_color(fill.get("fill"), None), fill_opacity=float(fill.get("fill-opacity") or 1),
                      stroke=_color(stroke.get("stroke"), stroke.get("stroke-opacity")),
                      stroke_width=float(stroke.get("stroke-width") or (1 if stroke else 0)),
                      size=float(size or 6), shape=shape if shape in MARKER_SHAPES else "circle")
    line = rule.find(f"{{{SE}}}LineSymbolizer")
    if line is not None:
        stroke = _params(line.find(f"{{{SE}}}Stroke"))
        return Symbol(fill="", stroke=_color(stroke.get("stroke") or "#000000", stroke.get("stroke-opacity")),
                      stroke_width=float(stroke.get("stroke-width") or 1))
    poly = rule.find(f"{{{SE}}}PolygonSymbolizer")
    if poly is not None:
        fill = _params(poly.find(f"{{{SE}}}Fill"))
        stroke = _params(poly.find(f"{{{SE}}}Stroke"))
        return Symbol(fill=_color(fill.get("fill"), None) if fill else "",
                      fill_opacity=float(fill.get("fill-opacity") or 1),
                      stroke=_color(stroke.get("stroke"), stroke.get("stroke-opacity")) if stroke else "",
                      stroke_width=float(stroke.get("stroke-width") or (1 if stroke else 0)))
    return None


def _read_text(rule: ET.Element) -> LabelStyle | None:
    t = rule.find(f"{{{SE}}}TextSymbolizer")
    if t is None:
        return None
    label = t.find(f"{{{SE}}}Label")
    prop = label.find(f"{{{OGC}}}PropertyName") if label is not None else None
    if prop is None or not (prop.text or "").strip():
        return None
    font = _params(t.find(f"{{{SE}}}Font"))
    halo = t.find(f"{{{SE}}}Halo")
    halo_fill = _params(halo.find(f"{{{SE}}}Fill")) if halo is not None else {}
    fill = _params(t.find(f"{{{SE}}}Fill"))
    lo = rule.findtext(f"{{{SE}}}MaxScaleDenominator")
    hi = rule.findtext(f"{{{SE}}}MinScaleDenominator")
    return LabelStyle(enabled=True, field=prop.text.strip(), prefix=(label.text or "").strip(),
                      suffix=(prop.tail or "").strip(), font_family=font.get("font-family", ""),
                      size=float(font.get("font-size") or 12), bold=font.get("font-weight") == "bold",
                      color=_color(fill.get("fill") or "#202020", None),
                      halo_color=_color(halo_fill.get("fill"), None) if halo is not None else "",
                      halo_width=float(halo.findtext(f"{{{SE}}}Radius") or 1) if halo is not None else 0.0,
                      min_scale=float(lo or 0), max_scale=float(hi or 0))


def style_from_sld(text: str) -> tuple[VectorStyle, list[str]]:
    """A gisdesk style from an SLD 1.0/1.1 document, and the warnings on what did not cross."""
    try:
        root = ET.fromstring(text.encode("utf-8") if isinstance(text, str) else text)
    except ET.ParseError as exc:
        raise ValueError(f"not an SLD file: {exc}") from None
    warnings: list[str] = []
    rules = root.findall(f".//{{{SE}}}Rule") + root.findall(f".//{{{SLD}}}Rule")
    if not rules:
        raise ValueError("not an SLD file with rules (no se:Rule found)")
    labels, single, cats, classes, other, field = LabelStyle(), None, [], [], None, None
    for rule in rules:
        lab = _read_text(rule)
        if lab is not None:
            labels = lab
        sym = _read_symbolizer(rule, warnings)
        if sym is None:
            continue
        title = rule.findtext(f"{{{SE}}}Description/{{{SE}}}Title") or rule.findtext(f"{{{SE}}}Name") or ""
        flt = rule.find(f"{{{OGC}}}Filter")
        if rule.find(f"{{{SE}}}ElseFilter") is not None:
            other = sym
        elif flt is None:
            single = single or sym
        elif (eq := flt.find(f"{{{OGC}}}PropertyIsEqualTo")) is not None:
            field = eq.findtext(f"{{{OGC}}}PropertyName")
            cats.append(Category(eq.findtext(f"{{{OGC}}}Literal") or "", sym, title))
        elif (both := flt.find(f"{{{OGC}}}And")) is not None and \
                both.find(f"{{{OGC}}}PropertyIsGreaterThanOrEqualTo") is not None:
            lo = both.find(f"{{{OGC}}}PropertyIsGreaterThanOrEqualTo")
            hi = both.find(f"{{{OGC}}}PropertyIsLessThan")
            hi = hi if hi is not None else both.find(f"{{{OGC}}}PropertyIsLessThanOrEqualTo")
            field = lo.findtext(f"{{{OGC}}}PropertyName")
            classes.append(GradClass(float(lo.findtext(f"{{{OGC}}}Literal") or 0),
                                     float(hi.findtext(f"{{{OGC}}}Literal") or 0) if hi is not None else float("inf"),
                                     sym, title))
        else:
            warnings.append(f"the rule '{title}' has a filter gisdesk cannot classify by; its symbol is used alone")
            single = single or sym
    if cats:
        return VectorStyle(mode="categorized", field=field, categories=cats, other=other, labels=labels,
                           symbol=cats[0].symbol), warnings
    if classes:
        return VectorStyle(mode="graduated", field=field, classes=classes, labels=labels,
                           symbol=classes[0].symbol), warnings
    return VectorStyle(symbol=single or other or Symbol(), labels=labels), warnings


__all__ = ["style_from_sld", "style_to_sld"]
