"""Month names and dates: shared by ingest (headers) and the extractors (via kg.extract._text)."""

from __future__ import annotations

MONTHS: dict[str, int] = {
    "januar": 1,
    "jänner": 1,
    "februar": 2,
    "märz": 3,
    "maerz": 3,
    "april": 4,
    "mai": 5,
    "juni": 6,
    "juli": 7,
    "august": 8,
    "september": 9,
    "oktober": 10,
    "november": 11,
    "dezember": 12,
}
# Month abbreviations of table heads and rows ("Jan 25", "Mrz 25", "Sept.").
MONTH_ABBREVIATIONS: dict[str, int] = {
    "jan": 1,
    "feb": 2,
    "mrz": 3,
    "mär": 3,
    "apr": 4,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "sept": 9,
    "okt": 10,
    "nov": 11,
    "dez": 12,
}


def month_number(word: str) -> int | None:
    """The month a name or abbreviation stands for ("März", "Mrz", "Sept"), None for another word."""
    w = word.lower()
    return MONTHS.get(w) or MONTH_ABBREVIATIONS.get(w)


# Regex alternation of month names (capitalised as printed), longest first.
MONTH_RE = "Januar|Jänner|Februar|März|Maerz|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember"


def iso_date(year: int, month: int | None = None, day: int | None = None) -> str | None:
    """ISO form of a (possibly partial) date, None when the parts are impossible."""
    if month is None:
        return f"{year:04d}"
    if not 1 <= month <= 12:
        return None
    if day is None:
        return f"{year:04d}-{month:02d}"
    days = (
        31,
        29 if year % 4 == 0 and (year % 100 != 0 or year % 400 == 0) else 28,
        31,
        30,
        31,
        30,
        31,
        31,
        30,
        31,
        30,
        31,
    )[month - 1]
    if not 1 <= day <= days:
        return None
    return f"{year:04d}-{month:02d}-{day:02d}"
