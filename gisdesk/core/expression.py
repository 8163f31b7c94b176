"""A small filter language for attribute tables, parsed to a tree and compiled to bound SQL.

What a planning officer types::

    status = 'online'
    population > 20000 and name like 'Phú%'
    category in ('flooding', 'landslide')
    resolved_at is null
    not (severity >= 3 or "channel" = 'camera')
    population / area_km2 > 5000
    reported_at between '2026-01-01' and '2026-06-30'

As in QGIS and OGC CQL, text values take single quotes (a quote inside is doubled:
``'Hồ Văn ''Tư'''``) and double quotes name a field: ``"status" = 'offline'``. Field
names are also bare words, or written in backticks or brackets (```odd name```,
``[odd name]``); keywords ignore case. Values can be computed: ``+ - * / %``, ``||``
joins text, and the functions in :data:`FUNCTIONS` (``lower``, ``upper``, ``length``,
``trim``, ``abs``, ``round``, ``coalesce``, ``year``, ``month``, ``day``, ``hour``,
``date``, ``now``), e.g. ``year("reported_at") = 2026 and lower(name) like 'phú%'``.
``like`` compares case-sensitively and ``ilike`` ignores case, as in PostgreSQL; ``%`` matches any text and ``_`` one character.
String literals are normalised to Unicode NFC, the form Vietnamese text is stored in.

:func:`parse` gives a tree of small frozen dataclasses; :func:`to_sql` compiles it to
``(where_text, params)`` in which every field is a quoted identifier and every literal
a ``?`` parameter, so nothing the user typed is ever pasted into SQL. A
:class:`SqlDialect` subclass adapts the few dialect-specific pieces (the store's
SQLite dialect lives in :mod:`gisdesk.store.table_query`).

Examples
--------
>>> tree = parse("status = 'online' and severity >= 3", ["status", "Severity"])
>>> to_sql(tree)
('("status" = ? AND "Severity" >= ?)', ['online', 3])
"""

from __future__ import annotations

import difflib
import math
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Union

KEYWORDS = frozenset({"and", "or", "not", "like", "ilike", "in", "is", "null", "between"})
COMPARISONS = ("<=", ">=", "!=", "<>", "=", "<", ">")
#: Functions an expression may call: name -> (fewest, most arguments).
FUNCTIONS: dict[str, tuple[int, int]] = {
    "lower": (1, 1), "upper": (1, 1), "length": (1, 1), "trim": (1, 1), "abs": (1, 1), "round": (1, 2),
    "coalesce": (2, 8), "year": (1, 1), "month": (1, 1), "day": (1, 1), "hour": (1, 1), "date": (1, 1),
    "now": (0, 0),
}
#: How deeply parentheses, ``not`` and calls may nest (a clear message instead of a RecursionError).
MAX_DEPTH = 50


class ExpressionError(ValueError):
    """A filter expression that cannot be parsed.

    Attributes
    ----------
    message : str
        What is wrong and what was expected, with the 1-based character position.
    position : int
        0-based offset in the text where the problem is (a cursor position).
    """

    def __init__(self, message: str, position: int) -> None:
        super().__init__(message)
        self.message = message
        self.position = position


# -- the tree ---------------------------------------------------------------------------
@dataclass(frozen=True)
class Field:
    """A column, by its name as the layer spells it."""

    name: str
    pos: int = 0


@dataclass(frozen=True)
class Literal:
    """A number or a string."""

    value: Union[str, int, float]
    pos: int = 0


@dataclass(frozen=True)
class Arith:
    """``left op right`` with op one of ``+ - * / %`` or ``||`` (text concatenation)."""

    op: str
    left: "Operand"
    right: "Operand"


@dataclass(frozen=True)
class Negate:
    """``-operand``."""

    operand: "Operand"


@dataclass(frozen=True)
class Call:
    """A function call such as ``lower(name)`` or ``year(reported_at)`` (see :data:`FUNCTIONS`)."""

    name: str
    args: tuple["Operand", ...]
    pos: int = 0


Operand = Union[Field, Literal, Arith, Negate, Call]


@dataclass(frozen=True)
class Comparison:
    """``left op right`` with op one of ``= != < <= > >=``."""

    op: str
    left: Operand
    right: Operand


@dataclass(frozen=True)
class Like:
    """``operand [not] like|ilike 'pattern'``."""

    operand: Operand
    pattern: Literal
    negated: bool = False
    case_insensitive: bool = False


@dataclass(frozen=True)
class InList:
    """``operand [not] in (v1, v2, …)``."""

    operand: Operand
    values: tuple[Literal, ...]
    negated: bool = False


@dataclass(frozen=True)
class IsNull:
    """``operand is [not] null``."""

    operand: Operand
    negated: bool = False


@dataclass(frozen=True)
class Between:
    """``operand [not] between low and high`` (both ends included)."""

    operand: Operand
    low: Operand
    high: Operand
    negated: bool = False


@dataclass(frozen=True)
class And:
    items: tuple["Node", ...]


@dataclass(frozen=True)
class Or:
    items: tuple["Node", ...]


@dataclass(frozen=True)
class Not:
    item: "Node"


Node = Union[Comparison, Like, InList, IsNull, Between, And, Or, Not]


# -- tokens -----------------------------------------------------------------------------
@dataclass(frozen=True)
class _Token:
    kind: str  # number, string, ident, keyword, op, end
    value: Any
    pos: int
    text: str


def _quoted(text: str, i: int, quote: str, what: str) -> tuple[str, int]:
    """The text of a quoted string or name starting at ``i`` (a doubled quote stands for one), and its end."""
    j, parts = i + 1, []
    while True:
        k = text.find(quote, j)
        if k < 0:
            raise ExpressionError(f"Unterminated {what} starting at position {i + 1}: expected a closing {quote}", i)
        parts.append(text[j:k])
        if text.startswith(quote, k + 1):
            parts.append(quote)
            j = k + 2
            continue
        return "".join(parts), k + 1


def _tokens(text: str) -> list[_Token]:
    out: list[_Token] = []
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        if ch.isspace():
            i += 1
        elif ch == "'":
            value, end = _quoted(text, i, "'", "string")
            out.append(_Token("string", unicodedata.normalize("NFC", value), i, text[i:end]))
            i = end
        elif ch == '"':
            name, end = _quoted(text, i, '"', "field name")
            out.append(_Token("ident", name, i, text[i:end]))
            i = end
        elif ch.isdigit() or (ch == "." and i + 1 < n and text[i + 1].isdigit()):
            j = i
            while j < n and text[j].isdigit():
                j += 1
            if j < n and text[j] == ".":
                j += 1
                while j < n and text[j].isdigit():
                    j += 1
            if j < n and text[j] in "eE":
                k = j + 1 + (j + 1 < n and text[j + 1] in "+-")
                if k < n and text[k].isdigit():
                    j = k
                    while j < n and text[j].isdigit():
                        j += 1
            word = text[i:j]
            number: int | float = float(word) if any(c in word for c in ".eE") else int(word)
            if isinstance(number, int) and abs(number) > 2**63 - 1:
                number = float(number)
            if isinstance(number, float) and not math.isfinite(number):
                raise ExpressionError(f"The number {word} at position {i + 1} is too large", i)
            out.append(_Token("number", number, i, word))
            i = j
        elif ch.isalpha() or ch == "_":
            j = i + 1
            while j < n and (text[j].isalnum() or text[j] == "_"):
                j += 1
            word = text[i:j]
            kind = "keyword" if word.lower() in KEYWORDS else "ident"
            out.append(_Token(kind, word.lower() if kind == "keyword" else word, i, word))
            i = j
        elif ch in "`[":
            close = "`" if ch == "`" else "]"
            k = text.find(close, i + 1)
            if k < 0:
                raise ExpressionError(
                    f"Unterminated field name starting at position {i + 1}: expected a closing {close}", i)
            out.append(_Token("ident", text[i + 1:k], i, text[i:k + 1]))
            i = k + 1
        else:
            op = next((o for o in COMPARISONS + ("||",) if text.startswith(o, i)), None)
            if op is None and ch in "(),+-*/%":
                op = ch
            if op is None:
                raise ExpressionError(f"Unexpected character {ch!r} at position {i + 1}: expected a field, "
                                      "a value, an operator, 'and', 'or' or a parenthesis", i)
            out.append(_Token("op", "!=" if op == "<>" else op, i, op))
            i += len(op)
    out.append(_Token("end", None, n, ""))
    return out


def _describe(tok: _Token) -> str:
    return "the end of the expression" if tok.kind == "end" else repr(tok.text)


_CONDITIONS = (Comparison, Like, InList, IsNull, Between, And, Or, Not)


def _is_condition(node: object) -> bool:
    return isinstance(node, _CONDITIONS)


# -- the parser -------------------------------------------------------------------------
class _Parser:
    """Recursive descent, one grammar for conditions and values (SQL's precedence):

    or > and > not > predicate (comparison, like, in, is, between) > ``+ - ||`` > ``* / %``
    > unary minus > field, value, function call or parenthesis.
    """

    def __init__(self, text: str, fields: Sequence[str] | None) -> None:
        self.toks = _tokens(text)
        self.i = 0
        self.depth = 0
        self.parens = 0  # open parentheses around the current position
        self.fields = None if fields is None else list(fields)
        self._by_lower = None if fields is None else {f.lower(): f for f in reversed(list(fields))}

    @property
    def tok(self) -> _Token:
        return self.toks[self.i]

    def take(self) -> _Token:
        tok = self.toks[self.i]
        self.i += 1
        return tok

    def at(self, kind: str, value: object = None) -> bool:
        return self.tok.kind == kind and (value is None or self.tok.value == value)

    def fail(self, expected: str, tok: _Token | None = None) -> ExpressionError:
        tok = tok or self.tok
        hint = ""
        if tok.kind == "keyword" and tok.value == "null":
            hint = " (test for NULL with 'is null' or 'is not null')"
        return ExpressionError(f"At position {tok.pos + 1}: expected {expected}, found {_describe(tok)}{hint}", tok.pos)

    def deeper(self, tok: _Token) -> None:
        self.depth += 1
        if self.depth > MAX_DEPTH:
            raise ExpressionError(f"At position {tok.pos + 1}: the expression nests more than {MAX_DEPTH} "
                                  "levels deep; simplify it", tok.pos)

    def parse(self) -> Node:
        if self.at("end"):
            raise ExpressionError("The expression is empty: expected a condition such as status = 'open'", 0)
        node = self.or_expr()
        if not self.at("end"):
            raise self.fail("'and', 'or' or the end of the expression"
                            + (" (unbalanced parenthesis)" if self.at("op", ")") else ""))
        if not _is_condition(node):
            raise self.fail("a comparison (= != < <= > >= like ilike in is between) after the value")
        return node

    def conditions(self, items: list[Any], word: str, at: _Token) -> None:
        if len(items) > 1 and not all(_is_condition(i) for i in items):
            raise ExpressionError(f"At position {at.pos + 1}: '{word}' joins conditions, not values", at.pos)

    def or_expr(self) -> Node:
        items, first = [self.and_expr()], self.tok
        while self.at("keyword", "or"):
            self.take()
            items.append(self.and_expr())
        self.conditions(items, "or", first)
        return items[0] if len(items) == 1 else Or(tuple(items))

    def and_expr(self) -> Node:
        items, first = [self.not_expr()], self.tok
        while self.at("keyword", "and"):
            self.take()
            items.append(self.not_expr())
        self.conditions(items, "and", first)
        return items[0] if len(items) == 1 else And(tuple(items))

    def not_expr(self) -> Node:
        if self.at("keyword", "not"):
            word = self.take()
            self.deeper(word)
            inner = self.not_expr()
            if not _is_condition(inner):
                raise ExpressionError(f"At position {word.pos + 1}: 'not' needs a condition, not a value", word.pos)
            self.depth -= 1
            return Not(inner)
        return self.predicate()

    def predicate(self) -> Node:
        start = self.tok
        left = self.value("a field or a value")
        if _is_condition(left):  # a parenthesised condition
            return left  # type: ignore[return-value]
        tok = self.tok
        if tok.kind == "op" and tok.value in COMPARISONS:
            self.take()
            return Comparison(str(tok.value), left, self.value(f"a value after {tok.text!r}", operand=True))
        if self.at("keyword", "is"):
            self.take()
            negated = self.at("keyword", "not")
            if negated:
                self.take()
            if not self.at("keyword", "null"):
                raise self.fail("'null' after 'is'" + (" not" if negated else ""))
            self.take()
            return IsNull(left, negated)
        negated = self.at("keyword", "not")
        if negated:
            self.take()
        word = self.tok.value if self.tok.kind == "keyword" else None
        if word in ("like", "ilike"):
            self.take()
            if not self.at("string"):
                raise self.fail(f"a quoted pattern after '{word}', such as 'Phú%'")
            pat = self.take()
            return Like(left, Literal(str(pat.value), pat.pos), negated, word == "ilike")
        if word == "in":
            self.take()
            if not self.at("op", "("):
                raise self.fail("'(' and a list of values after 'in'")
            self.take()
            values = [self.literal("a value in the list")]
            while self.at("op", ","):
                self.take()
                values.append(self.literal("a value after ','"))
            if not self.at("op", ")"):
                raise self.fail("',' or ')' to close the list")
            self.take()
            return InList(left, tuple(values), negated)
        if word == "between":
            self.take()
            low = self.value("a value after 'between'", operand=True)
            if not self.at("keyword", "and"):
                raise self.fail("'and' between the two ends of 'between'")
            self.take()
            return Between(left, low, self.value("a value after 'and'", operand=True), negated)
        if not negated and self.parens and self.at("op", ")"):
            return left  # a value in parentheses: (severity + 1) * 2
        after = "not" if negated else (left.name if isinstance(left, Field) else start.text
                                       if isinstance(left, Literal) else "the value")
        raise self.fail(f"a comparison (= != < <= > >= like ilike in is between) after '{after}'")

    # values: + - || > * / % > unary minus > primary
    def value(self, expected: str, operand: bool = False) -> Any:
        node = self.term(expected)
        while self.tok.kind == "op" and self.tok.value in ("+", "-", "||"):
            op = self.take()
            node = Arith(str(op.value), self._operand(node, op), self._operand(self.term(f"a value after "
                                                                                             f"{op.text!r}"), op))
        if operand and _is_condition(node):
            raise ExpressionError(f"At position {self.tok.pos + 1}: expected {expected}, found a condition "
                                  "in parentheses", self.tok.pos)
        return node

    def term(self, expected: str) -> Any:
        node = self.unary(expected)
        while self.tok.kind == "op" and self.tok.value in ("*", "/", "%"):
            op = self.take()
            node = Arith(str(op.value), self._operand(node, op),
                         self._operand(self.unary(f"a value after {op.text!r}"), op))
        return node

    def unary(self, expected: str) -> Any:
        if self.at("op", "-"):
            minus = self.take()
            if self.at("number"):
                num = self.take()
                return Literal(-num.value, minus.pos)
            self.deeper(minus)
            node = Negate(self._operand(self.unary(f"a value after '-'"), minus))
            self.depth -= 1
            return node
        return self.primary(expected)

    def primary(self, expected: str) -> Any:
        tok = self.tok
        if tok.kind == "ident" and self.toks[self.i + 1].kind == "op" and self.toks[self.i + 1].value == "(" \
                and not tok.text.startswith(('"', "`", "[")):
            return self.call()
        if tok.kind == "ident":
            return self.field(self.take())
        if tok.kind == "op" and tok.value == "(":
            opening = self.take()
            self.deeper(opening)
            self.parens += 1
            node = self.or_expr()
            self.parens -= 1
            self.depth -= 1
            if not self.at("op", ")"):
                raise self.fail(f"')' to close the parenthesis opened at position {opening.pos + 1}")
            self.take()
            return node
        return self.literal(expected)

    def call(self) -> Call:
        name_tok = self.take()
        name = str(name_tok.value).lower()
        if name not in FUNCTIONS:
            raise ExpressionError(f"Unknown function '{name_tok.text}' at position {name_tok.pos + 1}. "
                                  f"Functions: {', '.join(sorted(FUNCTIONS))}", name_tok.pos)
        self.take()  # (
        self.deeper(name_tok)
        args: list[Any] = []
        if not self.at("op", ")"):
            args.append(self.value(f"an argument of {name}()", operand=True))
            while self.at("op", ","):
                self.take()
                args.append(self.value(f"an argument of {name}() after ','", operand=True))
        if not self.at("op", ")"):
            raise self.fail(f"',' or ')' to close {name}(")
        self.take()
        self.depth -= 1
        low, high = FUNCTIONS[name]
        if not low <= len(args) <= high:
            want = str(low) if low == high else f"{low} to {high}"
            raise ExpressionError(f"{name}() at position {name_tok.pos + 1} takes {want} argument"
                                  f"{'s' if high != 1 else ''}, not {len(args)}", name_tok.pos)
        return Call(name, tuple(args), name_tok.pos)

    def _operand(self, node: Any, op: _Token) -> Any:
        if _is_condition(node):
            raise ExpressionError(f"At position {op.pos + 1}: '{op.text}' needs values on both sides, not a "
                                  "condition", op.pos)
        return node

    def literal(self, expected: str) -> Literal:
        tok = self.tok
        if tok.kind in ("number", "string"):
            self.take()
            return Literal(tok.value, tok.pos)
        if tok.kind == "op" and tok.value == "-" and self.toks[self.i + 1].kind == "number":
            self.take()
            num = self.take()
            return Literal(-num.value, tok.pos)
        raise self.fail(expected)

    def field(self, tok: _Token) -> Field:
        name = str(tok.value)
        if self._by_lower is None:
            return Field(name, tok.pos)
        real = self._by_lower.get(name.lower())
        if real is None:
            close = difflib.get_close_matches(name.lower(), list(self._by_lower), n=1)
            maybe = f" Did you mean '{self._by_lower[close[0]]}'?" if close else ""
            if tok.text.startswith('"'):
                maybe += f" Text values take single quotes: '{name}'."
            raise ExpressionError(f"Unknown field '{name}' at position {tok.pos + 1}.{maybe} "
                                  f"Fields: {', '.join(self.fields or [])}", tok.pos)
        return Field(real, tok.pos)


def parse(text: str, fields: Sequence[str] | None = None) -> Node:
    """Parse a filter expression into a tree.

    Parameters
    ----------
    text : str
        The expression as typed.
    fields : sequence of str, optional
        The layer's columns. Field names are matched case-insensitively and replaced
        by the column's own spelling; an unknown name is an error. ``None`` skips the check.

    Returns
    -------
    Node
        The root of the tree.

    Raises
    ------
    ExpressionError
        With the position and what was expected there.
    """
    return _Parser(text, fields).parse()


def fields_used(node: Node) -> set[str]:
    """The field names an expression refers to."""
    out: set[str] = set()

    def visit(n: object) -> None:
        if isinstance(n, Field):
            out.add(n.name)
        elif isinstance(n, (tuple, list)):
            for item in n:
                visit(item)
        elif hasattr(n, "__dataclass_fields__") and not isinstance(n, Literal):
            for name in n.__dataclass_fields__:
                visit(getattr(n, name))

    visit(node)
    return out


# -- compiling to SQL -------------------------------------------------------------------
class SqlDialect:
    """The SQL pieces that differ between databases; the defaults suit PostgreSQL.

    Identifiers are double-quoted, literals are ``?`` parameters, ``like`` is
    ``LIKE`` and ``ilike`` is ``ILIKE``.
    """

    def ident(self, name: str) -> str:
        """A quoted identifier."""
        return '"' + name.replace('"', '""') + '"'

    def like(self, operand_sql: str, pattern: str, case_insensitive: bool, negated: bool) -> tuple[str, object]:
        """SQL text (with one ``?``) and the parameter for a like/ilike test."""
        op = ("NOT " if negated else "") + ("ILIKE" if case_insensitive else "LIKE")
        return f"{operand_sql} {op} ?", pattern

    def call(self, name: str, args: list[str]) -> str:
        """SQL for one of :data:`FUNCTIONS` applied to already compiled arguments."""
        if name in ("year", "month", "day", "hour"):
            return f"CAST(EXTRACT({name.upper()} FROM CAST({args[0]} AS timestamp)) AS integer)"
        if name == "date":
            return f"CAST({args[0]} AS date)"
        if name == "now":
            return "now()"
        if name == "length":
            return f"char_length({args[0]})"
        return f"{name}({', '.join(args)})"


def to_sql(node: Node, dialect: SqlDialect | None = None) -> tuple[str, list[object]]:
    """Compile a tree to ``(where_text, params)``: quoted identifiers and ``?`` parameters only.

    Parameters
    ----------
    node : Node
        From :func:`parse`.
    dialect : SqlDialect, optional
        The database's dialect (default: :class:`SqlDialect`).

    Returns
    -------
    (str, list)
        SQL for a WHERE clause and its parameters, in order.
    """
    d = dialect or SqlDialect()
    params: list[object] = []

    def operand(o: Operand) -> str:
        if isinstance(o, Field):
            return d.ident(o.name)
        if isinstance(o, Arith):
            left = operand(o.left)
            return f"({left} {o.op} {operand(o.right)})"
        if isinstance(o, Negate):
            return f"(-{operand(o.operand)})"
        if isinstance(o, Call):
            return d.call(o.name, [operand(a) for a in o.args])
        params.append(o.value)
        return "?"

    def emit(n: Node) -> str:
        if isinstance(n, Comparison):
            return f"{operand(n.left)} {n.op} {operand(n.right)}"
        if isinstance(n, Like):
            sql, param = d.like(operand(n.operand), str(n.pattern.value), n.case_insensitive, n.negated)
            params.append(param)
            return sql
        if isinstance(n, InList):
            left = operand(n.operand)
            marks = ", ".join(operand(v) for v in n.values)
            return f"{left} {'NOT IN' if n.negated else 'IN'} ({marks})"
        if isinstance(n, IsNull):
            return f"{operand(n.operand)} IS {'NOT NULL' if n.negated else 'NULL'}"
        if isinstance(n, Between):
            left = operand(n.operand)
            low, high = operand(n.low), operand(n.high)
            return f"{left} {'NOT BETWEEN' if n.negated else 'BETWEEN'} {low} AND {high}"
        if isinstance(n, And):
            return "(" + " AND ".join(emit(i) for i in n.items) + ")"
        if isinstance(n, Or):
            return "(" + " OR ".join(emit(i) for i in n.items) + ")"
        if isinstance(n, Not):
            inner = emit(n.item)
            return f"NOT {inner}" if isinstance(n.item, (And, Or)) else f"NOT ({inner})"
        raise TypeError(f"not an expression node: {n!r}")

    return emit(node), params
