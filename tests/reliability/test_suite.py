"""The reliability suite in CI, bounded (the long run: ``python -m reliability DEMO``)."""

from __future__ import annotations

from reliability import concurrency, corpus, matrix


def test_bad_input_corpus_gives_no_traceback_hang_escape_or_changed_file(gisdesk_demo_master, tmp_path):
    fig = corpus.run(tmp_path, gisdesk_demo_master)
    assert fig.runs > 80
    assert fig.failures == []


def test_concurrent_writers_lose_no_update_and_report_every_conflict(workspace):
    fig = concurrency.run(str(workspace), seconds=4.0, writers=2)
    assert fig.errors == []
    assert fig.committed > 20
    assert fig.lost == 0


def test_every_demo_account_reads_and_changes_only_what_the_rule_allows(workspace):
    fig = matrix.run(str(workspace))
    assert fig.accounts == 10 and fig.writes_tried > 50
    assert fig.failures == []
    assert fig.leaked == 0
