"""Class breaks for graduated styles: natural breaks (Jenks–Fisher), computed exactly.

Natural breaks split sorted values into ``k`` classes so that the sum of squared deviations
from each class mean is as small as possible (Fisher 1958, the optimal grouping Jenks's
method approximates). Dynamic programming over the sorted values, vectorised with numpy:
O(k·n²) work on at most :data:`MAX_VALUES` values (larger inputs are reduced to that many
evenly spaced order statistics, which keeps the breaks where the data has its gaps).

The breaks are the **lower bound of each class** and the maximum: ``[v_min, b_1, …,
b_{k-1}, v_max]``, so that gisdesk's classes ``lower <= value < upper`` (the last one
including its upper bound) put every value in the class the grouping chose.
"""

from __future__ import annotations

import numpy as np

#: At most this many values enter the O(k·n²) search.
MAX_VALUES = 1500


def natural_breaks(values: np.ndarray, k: int) -> np.ndarray:
    """``k + 1`` break values (fewer when there are fewer distinct values) for ``values``.

    Examples
    --------
    >>> natural_breaks(np.array([1, 2, 3, 10, 11, 12, 20, 21, 22]), 3).tolist()
    [1.0, 10.0, 20.0, 22.0]
    """
    v = np.sort(np.asarray(values, dtype=float)[np.isfinite(values)])
    if v.size == 0:
        return np.zeros(0)
    if v.size > MAX_VALUES:
        v = v[np.linspace(0, v.size - 1, MAX_VALUES).round().astype(int)]
    distinct = np.unique(v)
    k = int(max(1, min(k, distinct.size)))
    if k == 1:
        return np.array([v[0], v[-1]])
    n = v.size
    s1 = np.concatenate([[0.0], np.cumsum(v)])
    s2 = np.concatenate([[0.0], np.cumsum(v * v)])

    def sse(i: np.ndarray, j: int) -> np.ndarray:
        """Squared deviations of v[i:j] (i an array of starts, j an end)."""
        cnt = j - i
        total = s1[j] - s1[i]
        return (s2[j] - s2[i]) - total * total / np.maximum(cnt, 1)

    cost = np.full((k + 1, n + 1), np.inf)
    back = np.zeros((k + 1, n + 1), dtype=np.int64)
    ends = np.arange(1, n + 1)
    cost[1, 1:] = s2[1:] - s1[1:] ** 2 / ends  # one class: v[0:j]
    for c in range(2, k + 1):
        for j in range(c, n + 1):
            starts = np.arange(c - 1, j)  # the last class is v[start:j]
            total = cost[c - 1, starts] + sse(starts, j)
            best = int(np.argmin(total))
            cost[c, j], back[c, j] = total[best], starts[best]
    cuts, j = [], n
    for c in range(k, 1, -1):
        j = int(back[c, j])
        cuts.append(j)
    lower = [v[i] for i in sorted(cuts)]
    return np.array([v[0], *lower, v[-1]], dtype=float)


__all__ = ["MAX_VALUES", "natural_breaks"]
