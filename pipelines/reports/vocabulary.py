"""The extraction vocabulary: YAML files in ``vocabulary/`` that analysts extend.

Each file is loaded once and cached; ``vocabulary()["measures"]`` is the parsed
``vocabulary/measures.yml``. Text in the files is matched case-insensitively after
:func:`norm` (lower case, soft hyphens out, whitespace collapsed).
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import yaml

VOCABULARY_DIR = Path(__file__).parent / "vocabulary"


@lru_cache(maxsize=1)
def vocabulary() -> dict:
    return {
        path.stem: yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        for path in sorted(VOCABULARY_DIR.glob("*.yml"))
    }


@lru_cache(maxsize=65536)
def norm(text: str) -> str:
    text = text.replace("\ufffe", "").replace("\u00ad", "").replace("\u2013", "-").replace("\u2212", "-")
    return re.sub(r"\s+", " ", text).strip().lower()


@lru_cache(maxsize=4096)
def _word_pattern(word: str) -> re.Pattern[str]:
    w = norm(word)
    if w.endswith("*"):
        return re.compile(rf"(?<![a-zåäö0-9]){re.escape(w[:-1])}")
    return re.compile(rf"(?<![a-zåäö0-9]){re.escape(w)}(?![a-zåäö])")


@lru_cache(maxsize=65536)
def has_word(text: str, word: str) -> bool:
    """``word`` (a word or phrase, possibly a word start ending in ``*``) occurs in ``text``."""
    return _word_pattern(word).search(norm(text)) is not None


def any_word(text: str, words) -> str | None:
    for w in words:
        if has_word(text, w):
            return w
    return None


@lru_cache(maxsize=1)
def scenario_words() -> tuple[str, ...]:
    """Single-word scenario words of ``columns.yml`` (4+ letters, word-start ``*`` and a final
    dot dropped), longest first: what a header in running text starts a phrase with."""
    words = set()
    for entry in vocabulary()["columns"]["scenarios"]:
        for w in entry["words"]:
            w = norm(w).rstrip("*").rstrip(".")
            if len(w) >= 4 and " " not in w:
                words.add(w)
    return tuple(sorted(words, key=len, reverse=True))
