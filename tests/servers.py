"""Real SPARQL servers for the tests: an Oxigraph server and Virtuoso, each on loopback and a free port."""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

VIRTUOSO = shutil.which("virtuoso-t")
ISQL = shutil.which("isql-vt") or shutil.which("isql")
OXIGRAPH = str(Path(sys.executable).parent / "oxigraph")
VIRTUOSO_VAD = "/usr/share/virtuoso-opensource-7/vad"


@dataclass(frozen=True)
class Server:
    """A running SPARQL server: where to query, where to push (Graph Store Protocol)."""

    name: str
    query_url: str
    graph_store_url: str
    update_url: str
    process: subprocess.Popen[bytes] | None = field(default=None, compare=False, repr=False)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait_for_sparql(url: str, proc: subprocess.Popen[bytes], log: Path, seconds: float) -> None:
    """Poll until the endpoint answers an ASK, or fail with the server's log."""
    deadline = time.monotonic() + seconds
    probe = url + "?" + urllib.parse.urlencode({"query": "ASK {}"})
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"server exited with {proc.returncode}:\n{_tail(log)}")
        try:
            req = urllib.request.Request(probe, headers={"Accept": "application/sparql-results+json"})
            with urllib.request.urlopen(req, timeout=2) as resp:
                if resp.status == 200:
                    return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            pass
        time.sleep(0.2)
    raise RuntimeError(f"server did not answer at {url} within {seconds} s:\n{_tail(log)}")


def _tail(log: Path) -> str:
    return log.read_text(errors="replace")[-3000:] if log.exists() else "(no log)"


def _stop(proc: subprocess.Popen[bytes]) -> None:
    if proc.poll() is None:
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=5)


@contextmanager
def oxigraph_server(workdir: Path, port: int | None = None) -> Iterator[Server]:
    """`oxigraph serve` (the PyPI package's binary) on 127.0.0.1, union default graph like the local store."""
    port = port or free_port()
    log = workdir / "oxigraph.log"
    with log.open("ab") as out:
        proc = subprocess.Popen(
            [
                OXIGRAPH,
                "serve",
                "--location",
                str(workdir / "oxigraph-data"),
                "--bind",
                f"127.0.0.1:{port}",
                "--union-default-graph",
            ],
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    try:
        base = f"http://127.0.0.1:{port}"
        _wait_for_sparql(base + "/query", proc, log, 30)
        yield Server("oxigraph", base + "/query", base + "/store", base + "/update", proc)
    finally:
        _stop(proc)


VIRTUOSO_INI = """\
[Database]
DatabaseFile = {d}/virtuoso.db
ErrorLogFile = {d}/virtuoso.log
LockFile = {d}/virtuoso.lck
TransactionFile = {d}/virtuoso.trx
xa_persistent_file = {d}/virtuoso.pxa
ErrorLogLevel = 7
FileExtend = 200
MaxCheckpointRemap = 2000
Striping = 0
TempStorage = TempDatabase

[TempDatabase]
DatabaseFile = {d}/virtuoso-temp.db
TransactionFile = {d}/virtuoso-temp.trx
MaxCheckpointRemap = 2000
Striping = 0

[Parameters]
ServerPort = 127.0.0.1:{sql_port}
LiteMode = 0
DisableUnixSocket = 1
DisableTcpSocket = 0
MaxClientConnections = 10
CheckpointInterval = 0
O_DIRECT = 0
CaseMode = 2
MaxStaticCursorRows = 5000
AllowOSCalls = 0
DirsAllowed = ., {vad}, {d}
VADInstallDir = {vad}/
NumberOfBuffers = 10000
MaxDirtyBuffers = 6000
ThreadsPerQuery = 2
AsyncQueueMaxThreads = 4

[HTTPServer]
ServerPort = 127.0.0.1:{http_port}
ServerRoot = {d}/vsp
MaxClientConnections = 10
DavRoot = DAV
EnabledDavVSP = 0
HTTPProxyEnabled = 0
ServerThreads = 10
MaxKeepAlives = 10
KeepAliveTimeout = 10
Charset = UTF-8
EnabledGzipContent = 0

[Client]
SQL_PREFETCH_ROWS = 100
SQL_PREFETCH_BYTES = 16000
SQL_QUERY_TIMEOUT = 0
SQL_TXN_TIMEOUT = 0

[SPARQL]
ResultSetMaxRows = 100000
MaxQueryCostEstimationTime = 400
MaxQueryExecutionTime = 60
DeferInferenceRulesInit = 0
"""

# The anonymous SPARQL user may update, and the unauthenticated Graph Store endpoint may write:
# acceptable on loopback for a throw-away test database, never on a real server.
VIRTUOSO_GRANTS = """\
GRANT SPARQL_UPDATE TO "SPARQL";
GRANT EXECUTE ON DB.DBA.SPARQL_INSERT_DICT_CONTENT TO "SPARQL";
GRANT EXECUTE ON DB.DBA.SPARQL_DELETE_DICT_CONTENT TO "SPARQL";
DB.DBA.RDF_DEFAULT_USER_PERMS_SET ('nobody', 7);
"""


@contextmanager
def virtuoso_server(workdir: Path) -> Iterator[Server]:
    """Debian's Virtuoso with a generated virtuoso.ini in a temporary folder, on loopback ports."""
    if VIRTUOSO is None or ISQL is None:
        raise RuntimeError("virtuoso-t / isql-vt not installed (Debian package virtuoso-opensource)")
    d = workdir / "virtuoso"
    (d / "vsp").mkdir(parents=True, exist_ok=True)
    sql_port, http_port = free_port(), free_port()
    ini = d / "virtuoso.ini"
    ini.write_text(VIRTUOSO_INI.format(d=d, sql_port=sql_port, http_port=http_port, vad=VIRTUOSO_VAD))
    log = d / "virtuoso.log"
    proc = subprocess.Popen(
        [VIRTUOSO, "+foreground", "+configfile", str(ini)],
        cwd=d,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env={**os.environ, "HOME": str(d)},
    )
    try:
        base = f"http://127.0.0.1:{http_port}"
        _wait_for_sparql(base + "/sparql", proc, log, 90)
        grants = d / "grants.sql"
        grants.write_text(VIRTUOSO_GRANTS)
        run = subprocess.run(
            [ISQL, f"127.0.0.1:{sql_port}", "dba", "dba", str(grants)],
            capture_output=True,
            text=True,
            timeout=60,
        )
        if run.returncode != 0 or "Error" in run.stdout + run.stderr:
            raise RuntimeError(f"isql grants failed:\n{run.stdout}\n{run.stderr}")
        yield Server("virtuoso", base + "/sparql", base + "/sparql-graph-crud", base + "/sparql", proc)
    finally:
        _stop(proc)
