"""The attribute table sorts text as the language does (issue 16): in Vietnamese "Đông Ba" is not last."""

from __future__ import annotations

import itertools

import pytest

from gisdesk.core import collation, i18n
from gisdesk.store.datasource import DataSource
from gisdesk.store.table_query import TableQuery


@pytest.fixture(params=["builtin", "icu"])
def vietnamese(request, monkeypatch):
    if request.param == "icu":
        pytest.importorskip("icu")
    else:
        monkeypatch.setattr(collation, "_icu_collator", lambda language: None)
    monkeypatch.setattr(i18n, "_current", "vi")


def _commune_order(workspace, descending=False) -> list[str]:
    with DataSource(workspace) as ds:
        q = TableQuery(ds, ds.layer("incidents"))
        q.set_sort("commune", descending)
        col = q.columns.index("commune")
        values = [row[col] for row in q.rows(q.ids())]
    return [k for k, _ in itertools.groupby(values)]  # each commune's rows are together, in this order


def test_communes_sort_in_vietnamese_order(workspace, vietnamese):
    order = _commune_order(workspace)
    assert len(order) == len(set(order))  # a total order: no commune comes back
    assert None not in order[:-1]  # empty values (if any) last, as before
    pos = {name: i for i, name in enumerate(order)}
    # by hand, from the alphabet a ă â b … d đ e … : byte order would put every one of these the other way round
    assert pos["An Cựu"] < pos["An Đông"] < pos["An Hòa"]
    assert pos["An Đông"] < pos["Đông Ba"] < pos["Hương An"]  # Đ after D, before E…H (not after Xuân Phú)
    assert pos["Thủy Bằng"] < pos["Thủy Biều"]  # ă before i
    assert pos["Tây Lộc"] < pos["Thuận Hòa"]  # â before h
    assert pos["Phú Hậu"] < pos["Phú Hiệp"]  # a before i, the tone mark does not count first


def test_descending_is_the_reverse(workspace, vietnamese):
    ascending = [c for c in _commune_order(workspace) if c is not None]
    descending = [c for c in _commune_order(workspace, descending=True) if c is not None]
    assert descending == ascending[::-1]
