"""A handful of kill -9 runs during incident and task writes (the long run: ``python -m reliability.kill9``)."""

from __future__ import annotations

import pytest

from reliability.kill9 import kill_run


@pytest.mark.parametrize("kind", ["incidents", "tasks"])
def test_kill9_during_writes_loses_no_committed_change(workspace, tmp_path, kind):
    for seed in range(3):
        result = kill_run(workspace, kind, seed, tmp_path)
        assert result.committed > 0, "the worker was killed before it committed anything: the run proves nothing"
        assert result.lost == 0, f"{result.lost} committed changes lost"
        assert result.problems == []
