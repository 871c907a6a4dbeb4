"""The whole pipeline (ingest, extract, resolve) over every real document and some nasty inputs.

Nothing may crash, and every span must quote the text at its offsets exactly.
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from kg.config import DATA_DIR
from kg.errors import KgError
from kg.eval import extract_document
from kg.model import Facts
from kg.reference import ReferenceData, load_reference

SHARED = Path(__file__).resolve().parents[2] / "shared"
CORPUS_SAMPLE = 150  # every 9th corpus file, sorted, the first 150 of them


def _documents() -> list[Path]:
    paths: list[Path] = []
    for folder in (SHARED / "documents", SHARED / "seeds", DATA_DIR / "documents"):
        if folder.is_dir():
            paths.extend(sorted(folder.glob("*.txt")))
    corpus = SHARED / "corpus" / "bundestag-21"
    if corpus.is_dir():
        paths.extend(sorted(corpus.rglob("*.txt"))[::9][:CORPUS_SAMPLE])
    return paths


def _id(path: Path) -> str:
    try:
        return str(path.relative_to(SHARED))
    except ValueError:
        return str(path.relative_to(DATA_DIR.parent))


DOCUMENTS = _documents()


@pytest.fixture(scope="module")
def reference() -> ReferenceData:
    return load_reference(DATA_DIR / "reference")


def check_spans(facts: Facts) -> None:
    """Every span lies inside the text and its quote is the text at its offsets."""
    text = facts.document.text
    bad = [
        s
        for s in facts.spans()
        if not (0 <= s.start <= s.end <= len(text))
        or text[s.start : s.end] != s.quote
        or s.doc != facts.document.id
    ]
    assert not bad, (
        f"{len(bad)} spans do not quote the text, first: {bad[0]!r} vs {text[bad[0].start : bad[0].end]!r}"
    )


@pytest.mark.skipif(not SHARED.is_dir(), reason="../shared (documents and corpus) is not beside the checkout")
@pytest.mark.parametrize("path", DOCUMENTS, ids=[_id(p) for p in DOCUMENTS])
def test_real_document(path: Path, reference: ReferenceData) -> None:
    check_spans(extract_document(path, reference, curated=False))


def test_sample_is_large_enough() -> None:
    if not (SHARED / "corpus" / "bundestag-21").is_dir():
        pytest.skip("../shared/corpus is not beside the checkout")
    assert sum("corpus" in p.parts for p in DOCUMENTS) == CORPUS_SAMPLE


def _soup(seed: int, n: int = 3000) -> str:
    """Random German number soup: amounts, Drucksache numbers, dates, grades, stray punctuation."""
    tokens = [
        "1.234,5 Mio. €",
        "17/9990",
        "12.12.2012",
        "2.557.015,68 EUR",
        "0,5",
        "Mrd.",
        "Euro",
        "€",
        "T€",
        "Tsd. Euro",
        "rd.",
        "bis",
        "–",
        "-",
        "zwischen",
        "und",
        "5.",
        "Juni",
        "2020",
        "31.12.",
        "Drucksache",
        "Drs.",
        "21/",
        "/",
        "B 2",
        "A13",
        "EG 9",
        "Stellen",
        "Planstellen",
        "%",
        "(",
        ")",
        "„",
        "“",
        "»",
        "Kleine Anfrage",
        "Nr.",
        "vom",
        "\n",
        "\n\n",
        "|",
        "---",
        "1 000 000",
        "9.999.999.999.999,99 €",
        "0 €",
        "keine Mittel",
        "Ministerium",
        "des",
        "Innern",
        "Herr",
        "Dr.",
        "SPD",
        "(CDU)",
    ]
    rng = random.Random(seed)
    return " ".join(rng.choice(tokens) for _ in range(n))


def _seed_text() -> str:
    seed = DATA_DIR / "documents" / "000_ee5d8307e83ed3e5.txt"
    return seed.read_text(encoding="utf-8") if seed.is_file() else _soup(99, 500)


NASTY: dict[str, str] = {
    "empty": "",
    "one-char": "x",
    "one-newline": "\n",
    "whitespace-only": " \t \n\n   \u00a0\n\t",
    "crlf": _seed_text().replace("\n", "\r\n"),
    "cr-only": _seed_text().replace("\n", "\r"),
    "bom": "\ufeff" + _seed_text(),
    "bom-crlf": "\ufeff" + _seed_text().replace("\n", "\r\n"),
    "one-long-line": " ".join(_seed_text().split()),
    "long-word-line": "Mittel" * 40000,
    "long-spaces-line": "Euro " + " " * 100000 + "1.000",
    "soup-1": _soup(1),
    "soup-2": _soup(2),
    "soup-3-no-spaces": _soup(3).replace(" ", ""),
    "unbalanced-quotes": "Das Projekt „Sicherheit im Revier wurde mit 1,5 Mio. € „gefördert“ “ ( ( [ » und „",
    "only-quotes": "„" * 5000 + "“" * 10,
    "header-fragments": (
        "Drucksache 17/\nKleine Anfrage\nAntwort\nder Landesregierung\n"
        "auf die Kleine Anfrage \n– Drucksache –"
    ),
    "numbers-at-edges": "1.000 €",
    "soft-hyphen-and-nbsp": "583.\u00ad900\u00a0€ wurden am 22.\u00a0Juni\u00a02020 be\u00adwilligt.",
    "control-chars": "Mittel \x00\x01\x0b\x0c\x1f 1.000 € \u2028 Zeile \u2029 Absatz \x85 Ende",
    "combining-and-emoji": "Mu\u0308nchen erhielt 5 Mio. € 🙂 am 1. Mai 2020; Stra\u00dfe 𝟏𝟐 € ﬁnanziert.",
    "markdown-table": "| Jahr | Betrag |\n|---|---:|\n| 2020 | 1.000,00 € |\n| 2021 | |\n|",
}


# Inputs without text: ingest may refuse them, but only with a KgError that names the file.
MAY_REFUSE = {"empty", "one-newline", "whitespace-only", "control-chars", "latin-1"}
NASTY_BYTES = {name: text.encode("utf-8") for name, text in NASTY.items()}
NASTY_BYTES["latin-1"] = "Zuschüsse von 1.000 EUR für Straßen am 1. März 2020".encode("latin-1")


@pytest.mark.parametrize("name", sorted(NASTY_BYTES))
def test_nasty_input(name: str, tmp_path: Path, reference: ReferenceData) -> None:
    path = tmp_path / f"nasty-{name}.txt"
    path.write_bytes(NASTY_BYTES[name])  # bytes, so CRLF and CR survive as written
    try:
        facts = extract_document(path, reference, curated=False)
    except KgError as e:
        if name not in MAY_REFUSE:
            raise
        assert e.path is not None and Path(e.path).name == path.name
        return
    if name in NASTY:
        assert facts.document.text in (NASTY[name], NASTY[name].removeprefix("\ufeff"))
    check_spans(facts)
