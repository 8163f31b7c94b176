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
        try:
            pw = pwd.getpwnam("postgres")
        except KeyError:
            shutil.rmtree(base, ignore_errors=True)
            _unavailable("there is no 'postgres' OS user to run the test cluster as")
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
    # the superuser comes in by the socket's trust; every officer signs in with their SCRAM password
    hba = data / "pg_hba.conf"
    hba.write_text("local all postgres trust\nlocal all all scram-sha-256\n")
    if run_as:
        os.chown(hba, pw.pw_uid, pw.pw_gid)
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


#: Two communes and two departments of the sample city on the server.
COMMUNE_A, COMMUNE_B = "Phú Hội", "Vĩnh Ninh"
DEPT_1, DEPT_2 = "Sở Xây dựng", "Công ty Môi trường và Công trình đô thị"
#: Login role -> (gisdesk role, commune, department).
OFFICERS = {
    "viewer": ("viewer", None, None),
    "phu_hoi": ("commune_officer", COMMUNE_A, None),
    "vinh_ninh": ("commune_officer", COMMUNE_B, None),
    "xaydung": ("department_officer", None, DEPT_1),
    "moitruong": ("department_officer", None, DEPT_2),
    "dispatcher": ("city_dispatcher", None, None),
    "admin": ("administrator", None, None),
}
PASSWORD = "correct horse battery"


def uid(n: int) -> str:
    """A fixed UUID for sample row ``n``."""
    return f"00000000-0000-4000-8000-{n:012d}"


#: Sample rows: (uuid, commune, department) of incidents IA (A, dept 1) and IB (B, dept 2), ...
ROWS = {
    "IA": uid(1), "IB": uid(2),
    "TA": uid(11), "TB": uid(12), "TD1": uid(13), "TD2": uid(14),
    "QA": uid(21), "QB": uid(22),
    "NA": uid(31), "NB": uid(32), "ND1": uid(33), "ND2": uid(34), "NC": uid(35),
}


def _sample_rows(conn) -> None:
    """Insert the sample city as the owner role (the tables' owner: policies let it write everything)."""
    conn.execute('SET ROLE "gisdesk_owner"')
    t = "2026-11-01T08:00:00Z"
    for key, commune, dept, x in (("IA", COMMUNE_A, DEPT_1, 0), ("IB", COMMUNE_B, DEPT_2, 1000)):
        conn.execute("INSERT INTO incidents (uuid, category, severity, channel, status, reported_at, updated_at, "
                     "commune, department, geom) VALUES (%s, 'flooding', 3, 'hotline', 'new', %s, %s, %s, %s, "
                     "ST_SetSRID(ST_MakePoint(%s, 0), 32648))", (ROWS[key], t, t, commune, dept, x))
        conn.execute("INSERT INTO incident_areas (incident_uuid, category, geom) VALUES (%s, 'flooding', "
                     "ST_Multi(ST_Buffer(ST_SetSRID(ST_MakePoint(%s, 0), 32648), 10)))", (ROWS[key], x))
        conn.execute("INSERT INTO incident_events (id, incident_uuid, at, who, action, to_state) "
                     "VALUES (gen_random_uuid(), %s, %s, 'dispatcher', 'created', 'new')", (ROWS[key], t))
        conn.execute("INSERT INTO incident_attachments (id, incident_uuid, name, mime, size, sha256, data, added_at, "
                     "added_by) VALUES (gen_random_uuid(), %s, 'a.txt', 'text/plain', 1, 'x', 'a', %s, 'dispatcher')",
                     (ROWS[key], t))
    for key, commune, dept in (("TA", COMMUNE_A, None), ("TB", COMMUNE_B, None), ("TD1", None, DEPT_1),
                               ("TD2", None, DEPT_2)):
        conn.execute("INSERT INTO tasks (uuid, title, severity, state, commune, department, created_at, created_by, "
                     "version) VALUES (%s, 'Clear the drain', 3, 'assigned', %s, %s, %s, 'dispatcher', 1)",
                     (ROWS[key], commune, dept, t))
        conn.execute("INSERT INTO task_events (id, task_uuid, version, at, who, action, to_state) "
                     "VALUES (gen_random_uuid(), %s, 1, %s, 'dispatcher', 'assign', 'assigned')", (ROWS[key], t))
    for key, commune, dept in (("QA", COMMUNE_A, DEPT_1), ("QB", COMMUNE_B, DEPT_2)):
        conn.execute("INSERT INTO task_questions (uuid, asked_at, asked_by, commune, to_department, subject, body, "
                     "status, updated_at) VALUES (%s, %s, 'someone', %s, %s, 'Pump?', 'Which pump?', 'open', %s)",
                     (ROWS[key], t, commune, dept, t))
        conn.execute("INSERT INTO task_answers (id, question_uuid, at, who, body) "
                     "VALUES (gen_random_uuid(), %s, %s, 'dispatcher', 'The north one')", (ROWS[key], t))
    for key, to_role, commune, dept in (("NA", None, COMMUNE_A, None), ("NB", None, COMMUNE_B, None),
                                        ("ND1", None, None, DEPT_1), ("ND2", None, None, DEPT_2),
                                        ("NC", "city_dispatcher", None, None)):
        conn.execute("INSERT INTO task_notifications (id, at, to_role, commune, department, kind, message) "
                     "VALUES (%s, %s, %s, %s, %s, 'assigned', 'a task for you')", (ROWS[key], t, to_role, commune, dept))
    conn.execute("INSERT INTO routing_rules VALUES ('flooding', %s, %s, 'gisdesk')", (DEPT_1, t))
    conn.execute("RESET ROLE")


@pytest.fixture(scope="session")
def city(pg_cluster, make_db):
    """A database set up by ``init_server`` with the sample officers and rows; returns its name."""
    from gisdesk.store.server import add_officer, init_server

    db = make_db("gisdesk_city")
    url = pg_cluster.url(db)
    init_server(url)
    for login, (role, commune, dept) in OFFICERS.items():
        add_officer(url, login, role, PASSWORD, commune=commune, department=dept)
    with pg_cluster.connect(db) as conn:
        _sample_rows(conn)
    return db


@pytest.fixture(scope="session")
def as_role(pg_cluster, city):
    """``as_role(login)``: an autocommit connection to the sample city as that officer's own login role."""
    conns: dict[str, object] = {}

    def get(login: str):
        if login not in conns or conns[login].closed:
            conns[login] = pg_cluster.connect(city, login, autocommit=True, password=PASSWORD)
        return conns[login]

    yield get
    for c in conns.values():
        c.close()


#: Login roles of the published demo city (roles are cluster-wide; other modules add 'phu_hoi', 'dispatcher').
READ_OFFICER, READ_DISPATCHER = "rd_phu_hoi", "rd_dispatcher"


@pytest.fixture(scope="session")
def read_demo_file(gisdesk_demo_master, tmp_path_factory):
    """A copy of the demo city (with its raster) that the read tests publish and compare with."""
    target = tmp_path_factory.mktemp("read") / "hue.sqlite"
    for f in gisdesk_demo_master.parent.iterdir():
        if f.is_file():
            shutil.copy2(f, target.parent / f.name)
    return target


@pytest.fixture(scope="session")
def read_server(pg_cluster, make_db, read_demo_file):
    """The demo city published on a fresh server, with a commune officer and a dispatcher:
    ``{"su": superuser URL, READ_OFFICER: URL with password, READ_DISPATCHER: URL with password}``."""
    from gisdesk.store.server import add_officer, init_server
    from gisdesk.store.server_publish import publish_workspace

    db = make_db("gisdesk_read")
    su = pg_cluster.url(db)
    init_server(su)
    publish_workspace(read_demo_file, su)
    add_officer(su, READ_OFFICER, "commune_officer", PASSWORD, commune=COMMUNE_A)
    add_officer(su, READ_DISPATCHER, "city_dispatcher", PASSWORD)
    secret = "&password=" + PASSWORD.replace(" ", "%20")
    return {"su": su, "db": db, READ_OFFICER: pg_cluster.url(db, READ_OFFICER) + secret,
            READ_DISPATCHER: pg_cluster.url(db, READ_DISPATCHER) + secret}
