"""The extraction vocabulary: the YAML files of this folder, which analysts extend.

Each file is loaded once, checked against its schema (``schema.py``) and cached;
``vocabulary()["measures"]`` is the parsed ``measures.yml``. Text in the files is matched
case-insensitively after :func:`norm` (lower case, soft hyphens out, whitespace collapsed)
by the one word matcher :func:`word_re`: a word or phrase matches at word boundaries, a
word ending in ``*`` matches as a word start, a word starting with ``*`` as a word end (the
head of a Swedish compound: ``*taxa`` is ``Renhållningstaxa``, ``VA-taxa``), and a word
starting with another symbol (``%``, ``(tkr)``) matches wherever it stands.

What the words *mean* (is this label a total, an area, which measure, which scenario) is in
:mod:`.lexicon`.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import yaml

from pipelines.reports.vocabulary.schema import check

VOCABULARY_DIR = Path(__file__).parent


@lru_cache(maxsize=1)
def vocabulary() -> dict:
    out = {}
    for path in sorted(VOCABULARY_DIR.glob("*.yml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        check(path.name, data)
        out[path.stem] = data
    return out


@lru_cache(maxsize=65536)
def norm(text: str) -> str:
    text = text.replace("\ufffe", "").replace("\u00ad", "").replace("\u2013", "-").replace("\u2212", "-")
    return re.sub(r"\s+", " ", text).strip().lower()


@lru_cache(maxsize=4096)
def word_re(word: str) -> re.Pattern[str]:
    """The pattern of a vocabulary word in normalised text (see the module docstring)."""
    w = norm(word)
    if w.startswith("*") and w[1:2].isalnum():
        return re.compile(rf"{re.escape(w[1:])}(?![a-zåäö])")
    if not w[:1].isalnum():
        return re.compile(re.escape(w))
    if w.endswith("*"):
        return re.compile(rf"(?<![a-zåäö0-9]){re.escape(w[:-1])}")
    return re.compile(rf"(?<![a-zåäö0-9]){re.escape(w)}(?![a-zåäö])")


@lru_cache(maxsize=65536)
def has_word(text: str, word: str) -> bool:
    """``word`` (a word or phrase, possibly a word start ending in ``*``) occurs in ``text``."""
    return word_re(word).search(norm(text)) is not None


def word_pos(text: str, word: str) -> int | None:
    """Where ``word`` first occurs in ``norm(text)``, or None."""
    m = word_re(word).search(norm(text))
    return m.start() if m else None


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


@lru_cache(maxsize=1)
def known_words() -> frozenset[str]:
    """Every word of every vocabulary file (keys and values), lower case."""
    words: set[str] = set()

    def walk(obj: object) -> None:
        if isinstance(obj, str):
            for w in re.findall(r"[a-zåäöéü]+", norm(obj)):
                words.add(w)
        elif isinstance(obj, dict):
            for k, v in obj.items():
                walk(k)
                walk(v)
        elif isinstance(obj, list):
            for v in obj:
                walk(v)

    walk(vocabulary())
    return frozenset(words)


def document_words(texts: list[str]) -> frozenset[str]:
    """Words of a document (lower case, four letters or more), for joining words broken
    across header lines when the whole word occurs elsewhere in the document."""
    words: set[str] = set()
    for t in texts:
        words.update(re.findall(r"[a-zåäöéü]{4,}", t.lower()))
    return frozenset(words)
