"""Natural breaks (Jenks–Fisher): the optimal grouping, checked against exhaustive search."""

from __future__ import annotations

import itertools

import numpy as np
import pytest

from gisdesk.core.classify import natural_breaks


def test_three_obvious_groups_are_found():
    # breaks are each class's lowest value and the maximum (classes are lower <= v < upper)
    assert natural_breaks(np.array([22, 1, 11, 2, 3, 10, 12, 20, 21]), 3).tolist() == [1, 10, 20, 22]


def _sse(groups):
    return sum(((g - g.mean()) ** 2).sum() for g in groups)


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_the_grouping_is_the_optimum_of_every_possible_split(seed):
    v = np.sort(np.random.default_rng(seed).gamma(2.0, 3.0, 14))
    breaks = natural_breaks(v, 4)
    inner = breaks[1:-1]
    groups = np.split(v, [int(np.searchsorted(v, b)) for b in inner])
    best = min(_sse(np.split(v, list(c))) for c in itertools.combinations(range(1, len(v)), 3))
    assert _sse(groups) == pytest.approx(best)


def test_few_distinct_values_and_edge_cases():
    assert natural_breaks(np.array([5, 5, 7, 7]), 5).tolist() == [5, 7, 7]  # two classes at most
    assert natural_breaks(np.array([4.0]), 3).tolist() == [4, 4]
    assert natural_breaks(np.array([np.nan, 1, 2, np.inf]), 2).tolist() == [1, 2, 2]
    assert natural_breaks(np.array([]), 3).size == 0
