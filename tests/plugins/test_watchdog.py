"""The time limit on plugin start steps: it interrupts Python loops and sleeps, nests, and does
nothing once the block is left."""

from __future__ import annotations

import signal
import time

import pytest

from gisdesk.plugins._watchdog import PluginTimeout, default_timeout, time_limit


def test_a_busy_loop_that_swallows_exceptions_is_still_stopped():
    start = time.monotonic()
    with pytest.raises(PluginTimeout, match="importing gd_loop took longer than 0.2 s; it was stopped"):
        with time_limit(0.2, "importing gd_loop"):
            while True:
                try:
                    time.sleep(0.05)
                except Exception:  # a plugin's catch-all does not catch the timeout
                    pass
    assert time.monotonic() - start < 2
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)


def test_an_inner_limit_puts_the_outer_one_back():
    with pytest.raises(PluginTimeout, match="adding gd.panel"):
        with time_limit(0.4, "adding gd.panel"):
            with time_limit(5, "importing gd.view"):
                time.sleep(0.05)
            assert 0 < signal.getitimer(signal.ITIMER_REAL)[0] <= 0.4
            time.sleep(3)  # the outer limit still fires


def test_a_block_that_ends_in_time_leaves_nothing_armed():
    before = signal.getsignal(signal.SIGALRM)
    with time_limit(0.3, "activating gd_quick"):
        pass
    time.sleep(0.4)  # no late timeout
    assert signal.getsignal(signal.SIGALRM) is before and signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)


def test_the_limit_comes_from_the_environment(monkeypatch):
    monkeypatch.setenv("GISDESK_PLUGIN_TIMEOUT", "2.5")
    assert default_timeout() == 2.5
    monkeypatch.setenv("GISDESK_PLUGIN_TIMEOUT", "soon")
    assert default_timeout() == 30.0
    monkeypatch.delenv("GISDESK_PLUGIN_TIMEOUT")
    assert default_timeout() == 30.0
