"""A throw-away PostgreSQL cluster for the city-server tests (one per test session).

The cluster runs as the ``postgres`` OS user when the tests run as root (as in CI), on a
Unix socket in a temporary folder (no TCP port is opened), and is stopped at the end.
Without PostgreSQL's binaries the server tests are skipped with the reason, except in CI
(``CI`` set), where they fail: there they must run.
"""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

import pytest


def _pg_bindir() -> Path | None:
    """The newest ``/usr/lib/postgresql/<version>/bin`` that has ``initdb`` and ``pg_ctl``."""
    found = [Path(d) for d in glob.glob("/usr/lib/postgresql/*/bin")
             if (Path(d) / "initdb").exists() and (Path(d) / "pg_ctl").exists()]
    found.sort(key=lambda p: float(p.parent.name) if p.parent.name.replace(".", "").isdigit() else 0.0)
    return found[-1] if found else None


def _postgis_installed(bindir: Path) -> bool:
    version = bindir.parent.name
    return bool(glob.glob(f"/usr/share/postgresql/{version}/extension/postgis.control"))


@dataclass(frozen=True)
class Cluster:
    """A running cluster: its socket folder, port and superuser; :meth:`url` for a database and role."""

    host: str
    port: int
    superuser: str

    def url(self, dbname: str, user: str | None = None) -> str:
        return f"postgresql://{user or self.superuser}@/{dbname}?host={self.host}&port={self.port}"

    def connect(self, dbname: str, user: str | None = None, **kw):
        import psycopg

        return psycopg.connect(host=self.host, port=self.port, dbname=dbname, user=user or self.superuser, **kw)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _unavailable(reason: str):
    if os.environ.get("CI"):
        pytest.fail(f"{reason} (in CI the server tests must run: ./gisdesk.sh test installs PostgreSQL and PostGIS)",
                    pytrace=False)
    pytest.skip(f"{reason}; install postgresql and postgresql-15-postgis-3 (./gisdesk.sh test does)")


@pytest.fixture(scope="session")
def pg_cluster():
    """Start a throw-away cluster (initdb + pg_ctl) for the session; stop and remove it afterwards."""
    bindir = _pg_bindir()
    if bindir is None:
        _unavailable("PostgreSQL binaries not found under /usr/lib/postgresql/*/bin")
    if not _postgis_installed(bindir):
        _unavailable(f"PostGIS is not installed for PostgreSQL {bindir.parent.name}")
    base = Path(tempfile.mkdtemp(prefix="gisdesk-pg-"))
    data, sock = base / "data", base / "sock"
    sock.mkdir()
    run_as: list[str] = []
    if os.geteuid() == 0:  # initdb refuses root: run the cluster as the unprivileged postgres user
        pw = pwd.getpwnam("postgres")
        os.chmod(base, 0o755)
        for p in (base, sock):
            os.chown(p, pw.pw_uid, pw.pw_gid)
        run_as = ["runuser", "-u", "postgres", "--"]
    port = _free_port()
    log = base / "server.log"

    def run(*args: str) -> None:
        done = subprocess.run([*run_as, *args], capture_output=True, text=True, timeout=120)
        if done.returncode != 0:
            pytest.fail(f"{' '.join(args[:2])} failed: {done.stderr.strip() or done.stdout.strip()}", pytrace=False)

    run(str(bindir / "initdb"), "-D", str(data), "-A", "trust", "-U", "postgres", "-E", "UTF8", "--locale=C.UTF-8")
    run(str(bindir / "pg_ctl"), "-D", str(data), "-l", str(log), "-w", "-o",
        f"-p {port} -k {sock} -c listen_addresses='' -c fsync=off -c synchronous_commit=off", "start")
    try:
        yield Cluster(str(sock), port, "postgres")
    finally:
        subprocess.run([*run_as, str(bindir / "pg_ctl"), "-D", str(data), "-m", "fast", "-w", "stop"],
                       capture_output=True, timeout=120)
        shutil.rmtree(base, ignore_errors=True)


@pytest.fixture(scope="session")
def make_db(pg_cluster):
    """A function that creates a fresh, empty database and returns its name."""
    made: list[str] = []

    def make(name: str) -> str:
        with pg_cluster.connect("postgres", autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}"')
            conn.execute(f'CREATE DATABASE "{name}"')
        made.append(name)
        return name

    return make
