"""Turn a style into an SQL class expression, so classification runs inside SQLite.

Values are bound as parameters; the field name is checked against the layer's
columns and quoted.
"""

from __future__ import annotations

from gisdesk.core.style import VectorStyle
from gisdesk.store.datasource import DataSource, LayerInfo, quote_ident
from gisdesk.store.errors import StoreError
from gisdesk.store.reader import CODE_BASE, ClassExpr


def _code(k: int) -> str:
    return chr(CODE_BASE + k)


def class_expr(ds: DataSource, layer: LayerInfo, style: VectorStyle) -> ClassExpr | None:
    """The :class:`ClassExpr` for ``style`` on ``layer``; None for a single-symbol style.

    Raises
    ------
    StoreError
        When the style's field is not a column of the layer.
    """
    if style.mode == "single":
        return None
    names = {n.lower(): n for n, _ in ds.columns(layer)}
    col = names.get((style.field or "").lower())
    if col is None:
        raise StoreError(
            f"Layer '{layer.name}' has no field '{style.field}' to style by.",
            "Fields: " + ", ".join(sorted(names.values())),
        )
    q = quote_ident(col)
    params: list[object] = []
    if style.mode == "categorized":
        whens = []
        for k, cat in enumerate(style.categories, start=1):
            whens.append("WHEN ? THEN ?")
            params += [cat.value, _code(k)]
        sql = f"CASE {q} {' '.join(whens)} ELSE ? END" if whens else "?"
        params.append(_code(0))
        return ClassExpr(sql, params)
    whens = [f"WHEN {q} IS NULL THEN ?"]
    params.append(_code(0))
    last = len(style.classes)
    for k, c in enumerate(style.classes, start=1):
        op = "<=" if k == last else "<"
        whens.append(f"WHEN {q} >= ? AND {q} {op} ? THEN ?")
        params += [c.lower, c.upper, _code(k)]
    return ClassExpr(f"CASE {' '.join(whens)} ELSE ? END", params + [_code(0)])
