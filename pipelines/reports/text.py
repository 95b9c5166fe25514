"""Reading plain-text reports: detect the encoding, normalise line ends and odd characters."""

from __future__ import annotations

from pathlib import Path

from pipelines.reports.document import ExtractionError

# Characters PDF-to-text tools leave behind that carry no meaning in our documents.
_DROP = {"\ufffe": "", "\u00ad": "", "\ufeff": ""}


def decode(data: bytes, name: str) -> str:
    """Bytes of a text report as str: UTF-8 (with or without BOM), else cp1252/latin-1."""
    if not data.strip():
        raise ExtractionError(f"{name}: tom fil (empty file)")
    if b"\x00" in data[:4096]:
        raise ExtractionError(f"{name}: inte en textfil (binary content)")
    if data.startswith(b"\xef\xbb\xbf"):
        text = data[3:].decode("utf-8", errors="replace")
    else:
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            try:
                text = data.decode("cp1252")
            except UnicodeDecodeError:
                text = data.decode("latin-1")
    for bad, good in _DROP.items():
        text = text.replace(bad, good)
    return text.replace("\r\n", "\n").replace("\r", "\n")


def read_text(path: Path) -> str:
    return decode(path.read_bytes(), path.name)
