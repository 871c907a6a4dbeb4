"""Load a build into a SPARQL store through the Graph Store Protocol, one named graph per PUT."""

from __future__ import annotations

import os
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from kg.errors import KgError
from kg.store import ENV_PASSWORD, ENV_USER, TRANSIENT_STATUS, LocalStore


@dataclass
class PushReport:
    """Which graphs were replaced, which one failed (and why), and which were not tried."""

    graph_store: str
    replaced: list[str] = field(default_factory=list)
    triples: int = 0
    failed: str | None = None
    error: str | None = None
    not_attempted: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.failed is None

    def summary(self) -> str:
        """A few lines for people."""
        lines = [f"replaced {len(self.replaced)} graph(s), {self.triples} triples, at {self.graph_store}"]
        if self.failed:
            lines.append(f"FAILED on {self.failed}: {self.error}")
            lines.append(
                f"{len(self.not_attempted)} graph(s) not attempted and left as they were; "
                "every graph is either wholly old or wholly new"
            )
            lines += [f"  replaced: {g}" for g in self.replaced]
        return "\n".join(lines)


def graph_store_for(endpoint: str) -> str:
    """The Graph Store Protocol URL beside a query endpoint, for the layouts we know; else the endpoint."""
    parts = urllib.parse.urlsplit(endpoint)
    path = parts.path.rstrip("/")
    if path.endswith("/query"):  # Oxigraph server: /query, /update, /store
        path = path[: -len("/query")] + "/store"
    elif path.endswith("/sparql") and not path.endswith("/ds/sparql"):  # Virtuoso: /sparql-graph-crud
        path = path + "-graph-crud"
    return urllib.parse.urlunsplit((parts.scheme, parts.netloc, path, "", ""))


def _opener(url: str) -> urllib.request.OpenerDirector:
    user, password = os.environ.get(ENV_USER), os.environ.get(ENV_PASSWORD)
    if not user:
        return urllib.request.build_opener()
    mgr = urllib.request.HTTPPasswordMgrWithDefaultRealm()
    mgr.add_password(None, url, user, password or "")
    # Virtuoso's authenticated graph store (…-auth) wants Digest; most others Basic.
    return urllib.request.build_opener(
        urllib.request.HTTPDigestAuthHandler(mgr), urllib.request.HTTPBasicAuthHandler(mgr)
    )


def _put(
    opener: urllib.request.OpenerDirector, url: str, graph: str, body: bytes, timeout: float, retries: int
) -> None:
    target = url + ("&" if "?" in url else "?") + urllib.parse.urlencode({"graph": graph})
    attempt = 0
    while True:
        attempt += 1
        # N-Triples is Turtle, and every store we know reads text/turtle (Virtuoso not application/n-triples).
        req = urllib.request.Request(
            target, data=body, method="PUT", headers={"Content-Type": "text/turtle; charset=utf-8"}
        )
        try:
            with opener.open(req, timeout=timeout) as resp:
                resp.read()
                return
        except urllib.error.HTTPError as e:
            if e.code in TRANSIENT_STATUS and attempt <= retries:
                time.sleep(0.5 * 2 ** (attempt - 1))
                continue
            detail = " ".join(e.read().decode("utf-8", "replace").split())[:300]
            hint = ""
            if e.code in (401, 403):
                hint = f" (set {ENV_USER} / {ENV_PASSWORD}, and check the user may write)"
            elif e.code in (404, 405):
                hint = " (is this the Graph Store Protocol URL? pass --graph-store)"
            raise KgError(f"HTTP {e.code} from {url}{hint}: {detail}") from None
        except (urllib.error.URLError, ConnectionError, TimeoutError, OSError) as e:
            # A PUT is idempotent, so sending it again after a dropped connection is safe.
            if attempt <= retries:
                time.sleep(0.5 * 2 ** (attempt - 1))
                continue
            raise KgError(f"cannot reach {url}: {getattr(e, 'reason', e)}") from None


def push(
    build_dir: Path | str,
    endpoint: str | None = None,
    graph_store: str | None = None,
    timeout: float = 120.0,
    retries: int = 3,
    progress: bool | None = None,
    on_graph: Callable[[str], None] | None = None,
) -> PushReport:
    """Replace each named graph of the build at the store whole (PUT), in order; stop at the first failure."""
    if not graph_store and not endpoint:
        raise KgError("nowhere to push", hint="give --endpoint URL (and --graph-store URL if it differs)")
    url = graph_store or graph_store_for(endpoint or "")
    store = LocalStore.from_build(Path(build_dir))
    graphs = store.graphs()
    if not graphs:
        raise KgError("the build has no named graphs", Path(build_dir) / "kg.trig")
    report = PushReport(graph_store=url)
    opener = _opener(url)
    bodies = {g: store.graph_ntriples(g) for g in graphs}
    from tqdm import tqdm

    # progress=None: a bar on a terminal only, so logs and CI output stay clean.
    with tqdm(
        total=sum(len(b) for b in bodies.values()),
        unit="B",
        unit_scale=True,
        desc="push",
        disable=None if progress is None else not progress,
    ) as bar:
        for i, g in enumerate(graphs):
            body = bodies[g]
            try:
                _put(opener, url, g, body, timeout, retries)
            except KgError as e:
                report.failed, report.error = g, e.message
                report.not_attempted = graphs[i + 1 :]
                break
            report.replaced.append(g)
            report.triples += body.count(b"\n")
            bar.update(len(body))
            if on_graph is not None:
                on_graph(g)
    return report
