"""One exception family for everything a person must act on: what went wrong, where, what to do."""

from __future__ import annotations

from pathlib import Path


class KgError(Exception):
    """An error for people: message, file, 0-based line/column inside, shown 1-based."""

    def __init__(
        self,
        message: str,
        path: str | Path | None = None,
        line: int | None = None,
        column: int | None = None,
        hint: str | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.path = str(path) if path is not None else None
        self.line = line
        self.column = column
        self.hint = hint

    def __str__(self) -> str:
        where = ""
        if self.path:
            where = self.path
            if self.line is not None:
                where += f":{self.line + 1}"
                if self.column is not None:
                    where += f":{self.column + 1}"
            where += ": "
        text = where + self.message
        if self.hint:
            text += f"\n  hint: {self.hint}"
        return text


class ValidationFailed(KgError):
    """The graph does not conform to the shapes; `result` holds the build's summary and violations."""

    result: object = None


def line_col(text: str, offset: int) -> tuple[int, int]:
    """0-based line and column of a character offset; CRLF and LF count the same."""
    line = text.count("\n", 0, offset)
    start = text.rfind("\n", 0, offset) + 1
    return line, offset - start
