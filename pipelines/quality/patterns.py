"""Personal-data patterns (``expectations/personuppgifter.yml``): which match, and masking.

The same file feeds the suites (``{"$ref": "personuppgifter.yml"}``), the quarantine's
reasons ("personuppgifter: epost") and the masking of quarantined text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from pipelines.config import expectations_dir

PERSONAL_DATA_FILE = "personuppgifter.yml"


@dataclass(frozen=True)
class Pattern:
    namn: str
    regex: str
    beskrivning: str = ""

    @property
    def compiled(self) -> re.Pattern[str]:
        return _compile(self.regex)


@lru_cache(maxsize=64)
def _compile(regex: str) -> re.Pattern[str]:
    return re.compile(regex)


@lru_cache(maxsize=8)
def _load(path: str, mtime: float) -> tuple[Pattern, ...]:
    data = yaml.safe_load(Path(path).read_text(encoding="utf-8")) or {}
    out = []
    for entry in data.get("monster", []):
        _compile(entry["regex"])  # a broken pattern fails here, naming the file
        out.append(Pattern(entry["namn"], entry["regex"], entry.get("beskrivning", "")))
    return tuple(out)


def load_patterns(path: Path | None = None) -> tuple[Pattern, ...]:
    if path is None:
        path = expectations_dir() / PERSONAL_DATA_FILE
    return _load(str(path), path.stat().st_mtime)


def which(text: str | None, patterns: tuple[Pattern, ...] | None = None) -> list[str]:
    """Names of the patterns found in ``text``."""
    if not text:
        return []
    return [p.namn for p in (patterns or load_patterns()) if p.compiled.search(text)]


def mask(text: str | None, patterns: tuple[Pattern, ...] | None = None) -> str | None:
    """``text`` with every match replaced by ``[<pattern name>]``."""
    if not text:
        return text
    for p in patterns or load_patterns():
        text = p.compiled.sub(f"[{p.namn}]", text)
    return text
