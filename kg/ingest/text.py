"""Reading text and Markdown files as shipped: UTF-8 (with or without BOM), else cp1252/latin-1."""

from __future__ import annotations

from pathlib import Path

from kg.errors import KgError


def read_text(path: Path) -> tuple[str, str]:
    """The text of a file and the encoding it was read with; KgError for binary or empty files."""
    try:
        data = path.read_bytes()
    except OSError as e:
        raise KgError(f"cannot read: {e.strerror}", path) from e
    if not data.strip():
        raise KgError("empty document", path, hint="a source document must contain text")
    if b"\x00" in data[:8192]:
        raise KgError("binary file, not text", path, hint="give a .txt, .md or .pdf file")
    if data.startswith(b"\xef\xbb\xbf"):
        try:
            return data[3:].decode("utf-8"), "utf-8-sig"
        except UnicodeDecodeError as e:
            raise KgError(f"not UTF-8 text after a UTF-8 byte-order mark (byte {e.start + 3})", path) from e
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        # cp1252 is what Windows-made German text files usually are; latin-1 never fails.
        return data.decode("cp1252"), "cp1252"
    except UnicodeDecodeError:
        return data.decode("latin-1"), "latin-1"
