"""Shared fixtures: the project's own build of data/, and where ../shared lies."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.config import PROJECT_ROOT, Config

SHARED = PROJECT_ROOT.parent / "shared"


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    if not SHARED.is_dir():
        pytest.skip("../shared is not beside the project")
    return SHARED


@pytest.fixture(scope="session")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One build of data/ (with the curated layer), shared by the tests that read it."""
    from kg.api import build

    out = tmp_path_factory.mktemp("build") / "build"
    build(Config(out_dir=out))
    return out


@pytest.fixture(scope="session")
def local_store(built: Path):  # noqa: ANN201
    from kg.store import LocalStore

    return LocalStore.from_build(built)


# --- real SPARQL servers (tests/servers.py), started once per session -----------------------------
@pytest.fixture(scope="session")
def oxigraph_server(tmp_path_factory: pytest.TempPathFactory):  # noqa: ANN201
    from servers import OXIGRAPH, oxigraph_server

    if not Path(OXIGRAPH).exists():
        pytest.skip("oxigraph (PyPI package `oxigraph`) is not installed in the venv")
    with oxigraph_server(tmp_path_factory.mktemp("oxigraph")) as server:
        yield server


@pytest.fixture(scope="session")
def virtuoso_server(tmp_path_factory: pytest.TempPathFactory):  # noqa: ANN201
    from servers import VIRTUOSO, virtuoso_server

    if VIRTUOSO is None:
        pytest.skip("virtuoso-t missing: `make test` installs Debian's virtuoso-opensource")
    with virtuoso_server(tmp_path_factory.mktemp("virtuoso")) as server:
        yield server
