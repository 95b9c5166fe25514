"""Joining text fragments stacked over lines: a wrapped label, a header over two lines, a
word broken without a hyphen (``Avvik`` / ``else``, ``Budgetav`` / ``vikelse``)."""

from __future__ import annotations

from pipelines.reports.vocabulary import known_words, norm


def join_fragments(parts: list[str], words: frozenset[str] = frozenset()) -> str:
    """Join stacked text fragments with one space; a word broken without a hyphen across
    lines is joined when the joined word is known (vocabulary, or ``words``: the document's
    own words) and the halves are not."""
    out = ""
    glue = False
    for part in parts:
        soft = part.endswith("\u00ad")
        part = " ".join(part.replace("\u00ad", "").split())
        if not part:
            continue
        if not out:
            out = part
            glue = soft
            continue
        if glue:
            out = out + part
            glue = soft
            continue
        glue = soft
        if out.endswith("-") and not out.endswith(" -") and part[:1].islower():
            # "Budget-" / "avvikelse": a printed hyphen at the line end of a compound
            out = out + part
            continue
        last = out.split(" ")[-1]
        first = part.split(" ")[0]
        if joins(last, first, words):
            out = out + part
        else:
            out = out + " " + part
    return out


def joins(a: str, b: str, words: frozenset[str] = frozenset()) -> bool:
    """``a`` + ``b`` is one word broken over two lines."""
    if not a or not b or not a[-1].isalpha() or not b[0].isalpha() or not b[0].islower():
        return False
    vocab = known_words()
    joined = norm(a + b).strip(".,:;()")
    if (joined in vocab or joined in words) and not (
            norm(a).strip(".,") in vocab and norm(b).strip(".,:;()") in vocab):
        return True
    return False
