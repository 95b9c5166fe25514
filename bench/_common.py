"""What the benchmark scripts share: docs/benchmarks.md, one section per script."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DOC = ROOT / "docs" / "benchmarks.md"


def replace_section(title: str, text: str, doc: Path = DOC) -> None:
    """Put ``text`` (which starts with the line ``title``, e.g. "## Kolada") in place of that
    section of ``doc``, or append it; the other sections stay as they are."""
    body = doc.read_text(encoding="utf-8") if doc.exists() else "# Benchmarks\n"
    start = body.find(f"\n{title}\n")
    if start == -1:
        body = body.rstrip("\n") + "\n\n" + text.rstrip("\n") + "\n"
    else:
        end = body.find("\n## ", start + 1)
        body = body[: start + 1] + text.rstrip("\n") + "\n" + ("\n" + body[end + 1:] if end != -1 else "")
    doc.write_text(body.rstrip("\n") + "\n", encoding="utf-8")
