"""The filter language: parsing, errors a person can act on, and SQL that never holds user text.

No Qt and no database here: the tree and its SQL are checked as text and parameters.
"""

from __future__ import annotations

import unicodedata

import pytest

from gisdesk.core.expression import (And, Between, Comparison, ExpressionError, Field, InList, IsNull, Like, Literal,
                                     Not, Or, fields_used, parse, to_sql)

FIELDS = ["fid", "status", "population", "name", "category", "resolved_at", "severity", "channel", "reported_at",
          "commune"]


def sql(text: str) -> tuple[str, list[object]]:
    return to_sql(parse(text, FIELDS))


def error(text: str) -> ExpressionError:
    with pytest.raises(ExpressionError) as info:
        parse(text, FIELDS)
    return info.value


# -- what people type ---------------------------------------------------------------------
def test_the_examples_of_the_issue_compile_to_quoted_fields_and_parameters():
    assert sql("status = 'online'") == ('"status" = ?', ["online"])
    assert sql("population > 20000 and name like 'Phú%'") == ('("population" > ? AND "name" LIKE ?)', [20000, "Phú%"])
    assert sql("category in ('flooding', 'landslide')") == ('"category" IN (?, ?)', ["flooding", "landslide"])
    assert sql("resolved_at is null") == ('"resolved_at" IS NULL', [])
    assert sql("not (severity >= 3 or channel = 'camera')") == ('NOT ("severity" >= ? OR "channel" = ?)', [3, "camera"])
    assert sql("reported_at between '2026-01-01' and '2026-06-30'") == (
        '"reported_at" BETWEEN ? AND ?', ["2026-01-01", "2026-06-30"])


def test_keywords_ignore_case_and_fields_take_the_layers_spelling():
    tree = parse("STATUS Is Not NULL AnD Severity NOT IN (1, 2)", FIELDS)
    assert tree == And((IsNull(Field("status", 0), True), InList(Field("severity", 23), (Literal(1, 40), Literal(2, 43)), True)))
    assert to_sql(tree) == ('("status" IS NOT NULL AND "severity" NOT IN (?, ?))', [1, 2])


def test_and_binds_tighter_than_or_and_parentheses_override():
    a = parse("severity = 1 or severity = 2 and channel = 'camera'", FIELDS)
    assert isinstance(a, Or) and isinstance(a.items[1], And)
    b = parse("(severity = 1 or severity = 2) and channel = 'camera'", FIELDS)
    assert isinstance(b, And) and isinstance(b.items[0], Or)
    assert isinstance(parse("not not severity = 1", FIELDS), Not)


def test_every_operator():
    ops = {"=": "=", "!=": "!=", "<>": "!=", "<": "<", "<=": "<=", ">": ">", ">=": ">="}
    for typed, compiled in ops.items():
        assert sql(f"severity {typed} 2") == (f'"severity" {compiled} ?', [2])
    assert sql("name not like 'A_%'") == ('"name" NOT LIKE ?', ["A_%"])
    assert sql("name ilike 'phú%'") == ('"name" ILIKE ?', ["phú%"])  # PostgreSQL spelling by default
    assert sql("severity not between 2 and 4") == ('"severity" NOT BETWEEN ? AND ?', [2, 4])
    assert sql("severity = population") == ('"severity" = "population"', [])  # field against field
    assert isinstance(parse("name like 'x'", FIELDS), Like)
    assert isinstance(parse("severity between 1 and 2", FIELDS), Between)
    assert isinstance(parse("3 < severity", FIELDS), Comparison)


def test_numbers_and_strings():
    assert sql("population >= -2.5e3")[1] == [-2500.0]
    assert sql("population > .5")[1] == [0.5]
    assert sql("population > 12")[1] == [12] and isinstance(sql("population > 12")[1][0], int)
    assert sql("name = 'Hồ Văn ''Tư'''")[1] == ["Hồ Văn 'Tư'"]  # a doubled quote is one quote
    assert sql("name = 'He said \"no\"'")[1] == ['He said "no"']
    assert sql("name = ''")[1] == [""]


def test_vietnamese_text_is_normalised_to_nfc():
    decomposed = unicodedata.normalize("NFD", "Phú Hội")
    assert decomposed != "Phú Hội"
    assert sql(f"commune = '{decomposed}'")[1] == ["Phú Hội"]


def test_bracketed_and_backticked_field_names():
    fields = ["odd name", "Kind"]
    assert to_sql(parse("[odd name] = 1 and `kind` = 'x'", fields)) == ('("odd name" = ? AND "Kind" = ?)', [1, "x"])


def test_fields_used_and_no_check_without_a_field_list():
    assert fields_used(parse("a = 1 or (b like 'x' and not c is null)")) == {"a", "b", "c"}


# -- errors --------------------------------------------------------------------------------
@pytest.mark.parametrize("text, position, expected", [
    ("status = ", 9, "expected a value after '='"),
    ("status = 'abc", 9, "expected a closing '"),
    ('status = "abc', 9, 'expected a closing "'),
    ("(" * 60 + "severity = 1" + ")" * 60, 50, "nests more than 50 levels"),
    ("not " * 60 + "severity = 1", 200, "nests more than 50 levels"),
    ("severity = 1e999", 11, "too large"),
    ("lower(name, name) = 'a'", 0, "takes 1 argument, not 2"),
    ("frobnicate(name) = 'a'", 0, "Unknown function 'frobnicate'"),
    ("(severity = 1) + 1 = 2", 15, "needs values on both sides"),
    ("(severity)", 10, "expected a comparison"),
    ("severity and status = 'a'", 9, "expected a comparison"),
    ("(status = 'a'", 13, "expected ')' to close the parenthesis opened at position 1"),
    ("status = 'a')", 12, "unbalanced parenthesis"),
    ("status", 6, "expected a comparison"),
    ("status = null", 9, "is null"),
    ("status is nul", 10, "expected 'null' after 'is'"),
    ("severity between 1", 18, "expected 'and'"),
    ("category in 'a'", 12, "expected '(' and a list of values"),
    ("category in ('a',)", 17, "expected a value after ','"),
    ("category in ('a' 'b')", 17, "expected ',' or ')'"),
    ("name like 5", 10, "expected a quoted pattern"),
    ("status = 'a' and", 16, "expected a field or a value"),
    ("status = 'a' status = 'b'", 13, "expected 'and', 'or'"),
    ("1 = 1; drop table x", 5, "Unexpected character ';'"),
    ("status == 'a'", 8, "expected a value after '='"),
    ("", 0, "empty"),
    ("   ", 0, "empty"),
    ("[odd = 1", 0, "expected a closing ]"),
])
def test_malformed_expressions_say_where_and_what_was_expected(text, position, expected):
    err = error(text)
    assert err.position == position
    assert expected.lower() in err.message.lower()
    if text.strip():
        assert f"position {position + 1}" in err.message  # people count characters from 1


def test_an_unknown_field_is_named_with_its_position_a_suggestion_and_the_fields():
    err = error("severity > 2 and sttus = 'open'")
    assert err.position == 17
    assert "Unknown field 'sttus' at position 18" in err.message
    assert "Did you mean 'status'?" in err.message
    assert "Fields: fid, status, population" in err.message
    assert isinstance(err, ValueError)


# -- injection -------------------------------------------------------------------------------
NASTY = [
    "x'; DROP TABLE incidents; --",
    "' OR 1=1 --",
    "\"; DELETE FROM incidents; --",
    "Robert'); DROP TABLE students;--",
    "%' UNION SELECT sql FROM sqlite_master --",
    "\u0000null byte",
    "Phú Hội'--",
]


@pytest.mark.parametrize("payload", NASTY)
def test_user_text_only_ever_reaches_sql_as_a_parameter(payload):
    quoted = "'" + payload.replace("'", "''") + "'"
    for text in (f"name = {quoted}", f"name like {quoted}", f"name in ({quoted}, 'a')",
                 f"not name ilike {quoted}", f"name between {quoted} and {quoted}"):
        where, params = sql(text)
        assert payload in params
        assert payload not in where and "DROP" not in where.upper() and "--" not in where
        assert where.count("?") == len(params)
        assert set(where) <= set('"_ ?(),=!<>ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz')


@pytest.mark.parametrize("text", [
    "1 = 1; drop table incidents",
    "status = 'a' -- comment",
    "status = 'a' /* x */",
    "status = 'a' union select * from x",
    "status = 'a'); drop table incidents; --",
    "name = 'x' or 1=1 --'",
])
def test_injection_outside_a_string_is_a_parse_error(text):
    with pytest.raises(ExpressionError):
        parse(text, FIELDS)


def test_field_names_come_from_the_column_list_not_the_user():
    where, _ = to_sql(parse("STATUS = 1", FIELDS))
    assert where == '"status" = ?'
    with pytest.raises(ExpressionError, match="Unknown field"):
        parse('[status" = 1 or "a] = 1', FIELDS)
    # without a column list, a strange name is still quoted as one identifier
    assert to_sql(parse('[a"b] = 1')) == ('"a""b" = ?', [1])


# -- QGIS and OGC syntax: "field", 'text', arithmetic, functions ------------------------------
def test_double_quotes_name_a_field_and_single_quotes_a_text_as_in_qgis():
    # the issue: '"status" = \'offline\'' silently returned nothing when "..." was a string
    assert sql('"status" = \'offline\'') == ('"status" = ?', ["offline"])
    assert sql('"Severity" >= 3') == ('"severity" >= ?', [3])
    fields = ["odd name", 'qu"ote']
    assert to_sql(parse('"odd name" = 1 and "qu""ote" = 2', fields)) == ('("odd name" = ? AND "qu""ote" = ?)', [1, 2])


def test_a_double_quoted_word_that_is_no_field_says_text_takes_single_quotes():
    err = error('channel = "camera"')
    assert err.position == 10
    assert "Unknown field 'camera'" in err.message and "single quotes: 'camera'" in err.message


def test_arithmetic_follows_the_usual_precedence_and_parentheses():
    assert sql("population / 2 > 10") == ('("population" / ?) > ?', [2, 10])
    assert sql("severity + 1 * 2 = 5") == ('("severity" + (? * ?)) = ?', [1, 2, 5])
    assert sql("(severity + 1) * 2 = 6") == ('(("severity" + ?) * ?) = ?', [1, 2, 6])
    assert sql("severity - 1 - 1 = 0") == ('(("severity" - ?) - ?) = ?', [1, 1, 0])
    assert sql("-severity < -2") == ('(-"severity") < ?', [-2])
    assert sql("severity % 2 = 1") == ('("severity" % ?) = ?', [2, 1])
    assert sql("name || '!' = 'a!'") == ('("name" || ?) = ?', ["!", "a!"])


def test_functions_compile_to_the_dialect_and_take_expressions():
    assert sql("lower(name) = 'phú hội'") == ('lower("name") = ?', ["phú hội"])
    assert sql("upper(trim(name)) like 'PH%'") == ('upper(trim("name")) LIKE ?', ["PH%"])
    assert sql("length(name) > 3") == ('char_length("name") > ?', [3])
    assert sql("year(reported_at) = 2026") == (
        'CAST(EXTRACT(YEAR FROM CAST("reported_at" AS timestamp)) AS integer) = ?', [2026])
    assert sql("coalesce(resolved_at, reported_at) < now()") == ('coalesce("resolved_at", "reported_at") < now()', [])
    assert sql("round(population / 3, 1) = 2") == ('round(("population" / ?), ?) = ?', [3, 1, 2])
    assert fields_used(parse("year(reported_at) = 2026 and lower(name) = 'a'", FIELDS)) == {"reported_at", "name"}


def test_a_thousand_levels_of_nesting_is_a_message_not_a_recursion_error():
    for text in ("(" * 1000 + "severity = 1" + ")" * 1000, "not " * 1000 + "severity = 1",
                 "- " * 1000 + "severity = 1", "lower(" * 1000 + "name" + ")" * 1000 + " = 'a'"):
        with pytest.raises(ExpressionError, match="nests more than"):
            parse(text, FIELDS)
