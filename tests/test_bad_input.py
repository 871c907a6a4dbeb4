"""Bad input gets a clear message naming the file (and line), a non-zero exit, and no partial output."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.cli import main
from kg.config import DATA_DIR

CURATED = "curated/000_ee5d8307e83ed3e5.yaml"


@pytest.fixture
def data(tmp_path: Path) -> Path:
    """A private copy of data/ to break."""
    copy = tmp_path / "data"
    shutil.copytree(DATA_DIR, copy)
    return copy


def build(data: Path, out: Path, *options: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, ["build", "--data", str(data), "--out", str(out), "-q", *options])
    return result.exit_code, result.output


def _replace(path: Path, old: str, new: str) -> int:
    text = path.read_text(encoding="utf-8")
    assert old in text
    line = text[: text.index(old)].count("\n") + 1
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return line


def test_quote_not_in_source(data: Path, tmp_path: Path) -> None:
    line = _replace(data / CURATED, 'quote: "141.300 €"', 'quote: "141.301 €"')
    code, out = build(data, tmp_path / "out")
    assert code == 1
    assert f"{data / CURATED}:{line}: quote not found" in out and "'141.301 €'" in out
    assert not (tmp_path / "out").exists()


def test_unknown_reference_id(data: Path, tmp_path: Path) -> None:
    _replace(data / "reference/organisations.yaml", "part_of: landesregierung-nrw", "part_of: no-such-id")
    code, out = build(data, tmp_path / "out")
    assert code == 1 and "part_of 'no-such-id' is no known id" in out and "reference" in out


def test_malformed_yaml(data: Path, tmp_path: Path) -> None:
    line = _replace(data / CURATED, "money:\n", "money: [unclosed\n")
    code, out = build(data, tmp_path / "out")
    assert code == 1 and f"{data / CURATED}:" in out and "malformed YAML" in out
    assert int(out.split(f"{data / CURATED}:")[1].split(":")[0]) >= line


def test_malformed_amount(data: Path, tmp_path: Path) -> None:
    line = _replace(data / CURATED, "amount: 141300,", "amount: 141.300.00,")
    code, out = build(data, tmp_path / "out")
    assert code == 1 and f"{data / CURATED}:{line}: amount '141.300.00' is not a number" in out


def test_failed_build_leaves_the_previous_build_intact(data: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert build(data, out)[0] == 0
    before = {p.name: p.read_bytes() for p in out.iterdir() if p.is_file()}
    _replace(data / CURATED, 'quote: "141.300 €"', 'quote: "nirgends"')
    assert build(data, out)[0] == 1
    assert {p.name: p.read_bytes() for p in out.iterdir() if p.is_file()} == before
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".out")] == []


def test_violating_graph_given_to_validate(tmp_path: Path) -> None:
    bad = tmp_path / "bad.ttl"
    bad.write_text(
        "@prefix kg: <https://kg.example.org/ns#> . @prefix schema: <https://schema.org/> .\n"
        '<http://x/a> a kg:MonetaryAmount, kg:StatedAmount ; schema:value "lots" .\n',
        encoding="utf-8",
    )
    result = CliRunner().invoke(main, ["validate", str(bad)])
    assert result.exit_code == 1 and "violation" in result.output and "http://x/a" in result.output


def test_unparsable_file_given_to_validate(tmp_path: Path) -> None:
    bad = tmp_path / "broken.ttl"
    bad.write_text("@prefix ex: <http://x/> .\nex:a ex:b .\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["validate", str(bad)])
    assert result.exit_code == 2 and str(bad) in result.output


def test_document_in_another_encoding_is_read(data: Path, tmp_path: Path) -> None:
    (data / "documents" / "latin1.txt").write_bytes("Antwort: Mittel in Höhe von 12.000 €.".encode("cp1252"))
    code, out = build(data, tmp_path / "out")
    assert code == 0, out


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_binary_document_is_an_error_naming_it(data: Path, tmp_path: Path, jobs: str) -> None:
    # In worker processes too, the error names the file and the other documents still get read.
    (data / "documents" / "broken.pdf").write_bytes(b"%PDF-1.4 garbage \x00\x01\x02")
    (data / "documents" / "empty.pdf").write_bytes(b"")
    code, out = build(data, tmp_path / "out", "--jobs", jobs)
    assert code == 1 and "broken.pdf" in out and "empty.pdf" in out
    assert not (tmp_path / "out").exists()
