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


def stub_end(texts: list[str]) -> int:
    """Where labels printed before their header start: after the last unit word (``Tkr``)."""
    start = 0
    for i, t in enumerate(texts):
        if norm(t).strip("():") in ("tkr", "mnkr", "belopp i tkr"):
            start = i + 1
    return start


def split_labels(texts: list[str], words: frozenset[str] = frozenset(), after_stub: bool = True) -> list[str]:
    """Labels run together (``Central, administr ation Politisk verksamh et …``), after the
    stub (``Tkr``) when there is one: broken words joined when the whole word is known, then
    split before each capitalised word."""
    start = stub_end(texts) if after_stub else 0
    joined: list[str] = []
    for w in texts[start:]:
        if joined and (joins(joined[-1], w, words) or (w[:1].islower() and joined[-1][-1:].isalpha()
                                                        and joins_chain(joined[-1], w, words))):
            joined[-1] = joined[-1] + w
        else:
            joined.append(w)
    labels: list[list[str]] = []
    for w in joined:
        if w[:1].isupper() or not labels:
            labels.append([w])
        else:
            labels[-1].append(w)
    return [join_fragments([" ".join(ws)], words) for ws in labels]


def joins_chain(a: str, b: str, words: frozenset[str]) -> bool:
    """``Arbetsma`` + ``rknadsins`` (+ ``atser``): a prefix of a known word continues."""
    joined = norm(a + b)
    return any(w.startswith(joined) and len(w) > len(joined) for w in words if len(w) >= len(joined) + 2)
