"""The server tests never skip silently in CI: without PostgreSQL they fail there, and skip elsewhere."""

from __future__ import annotations

import pytest

from tests.server import conftest


def test_without_postgresql_ci_fails_and_a_workstation_skips(monkeypatch):
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception, match="in CI the server tests must run"):
        conftest._unavailable("PostgreSQL binaries not found")
    monkeypatch.delenv("CI")
    with pytest.raises(pytest.skip.Exception, match="install postgresql and postgresql-15-postgis-3"):
        conftest._unavailable("PostgreSQL binaries not found")


def test_the_binaries_are_found_under_usr_lib_postgresql():
    found = conftest._pg_bindir()
    if found is not None:
        assert str(found).startswith("/usr/lib/postgresql/") and (found / "initdb").exists()
