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


def _rules_expr(ds: DataSource, layer: LayerInfo, style: VectorStyle, fields: list[str]) -> ClassExpr:
    """``CASE WHEN (rule 1) THEN code 1 … ELSE code 0 END``: the first rule whose filter holds."""
    from gisdesk.core.expression import SqlDialect, parse, to_sql
    from gisdesk.store.table_query import FOLD_FUNCTION, SQLITE, UPPER_FUNCTION, _fold, _upper

    server = getattr(ds, "format", "") == "postgis"  # PostgreSQL: ILIKE, upper() and lower() are its own
    dialect = SqlDialect() if server else SQLITE
    whens, params = [], []
    for k, rule in enumerate(style.rules, start=1):
        try:
            cond, cond_params = (to_sql(parse(rule.filter, fields), dialect) if rule.filter.strip()
                                 else ("TRUE" if server else "1", []))
        except ValueError as exc:
            raise StoreError(f"Rule {k} of '{layer.name}' ({rule.label or rule.filter}) is not valid: {exc}") from None
        whens.append(f"WHEN ({cond}) THEN ?")
        params += [*cond_params, _code(k)]
    if not server:
        for conn in (ds.connection(), ds.connection(spatialite=False)):  # accent-insensitive ilike, upper(), lower()
            conn.create_function(FOLD_FUNCTION, 1, _fold, deterministic=True)
            conn.create_function(UPPER_FUNCTION, 1, _upper, deterministic=True)
    sql = f"CASE {' '.join(whens)} ELSE ? END" if whens else "?"
    return ClassExpr(sql, params + [_code(0)])


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
    if style.mode == "rules":
        return _rules_expr(ds, layer, style, list(names.values()))
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
