"""What a document is, from its words and layout, and what it may give (issue 10 item 4).

The class is the ``dokumenttyp`` of ``dim_dokument``. It comes from, in this order:

1. the title words (``document_types`` in ``vocabulary/documents.yml``) when they name a
   report class (``gives: alla`` in ``vocabulary/classes.yml``): a report stays a report;
2. the layout, for documents that are lists or pictures rather than text:
   - **ritning** (drawing, map, photo): almost no running text, most lines bare numbers or
     a drawing's title block (``Skala 1:100``, ``Ritad av``, ``Fasad mot …``);
   - **personallista** (only without a title class): most lines are dated rows and the column heads are a staff list's
     (``Befattning``, ``Anställningsdatum``, ``Avgångsorsak``);
   - **delegationslista** (only without a title class): a list or form of decisions taken under delegation (``Delegat``,
     ``delegationsordning``, ``Diarienummer``) whose rows are numbers and dates;
3. the title words of the other classes (protokoll, tjänsteskrivelse, kallelse, taxa …);
   a cover (tjänsteskrivelse, kallelse) longer than a cover is a bundle that carries the report
   it presents ("Tjänsteskrivelse … Bilaga Delårsrapport augusti 2019"): it keeps its facts and
   takes the class of the report it names, if it names one;
4. none: an unknown document keeps its facts.

What each class gives is in ``classes.yml``: ``alla`` (tables, status rows, sentences),
``berattade`` (only the committee's stated key figures in running text: a protokoll, a
tjänsteskrivelse) or ``inga`` (nothing: a drawing, a list of people or decisions). The file
name is never looked at: in the pool the file names are the check of this classifier.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from pipelines.reports.vocabulary import has_word, vocabulary

ALLA, BERATTADE, INGA = "alla", "berattade", "inga"

_ISO_DATE = re.compile(r"^\s*(?:19|20)\d\d-\d\d-\d\d\b")
_NUMBERISH = re.compile(r"^[\s\d.,:;/()+\-–−%<>=×x]*$")
_ALPHA_WORD = re.compile(r"[A-Za-zÅÄÖåäöÉéÜü]{2,}")
_SCALE = re.compile(r"(?<![\d,.])1\s?:\s?\d{2,5}(?![\d,.])")


@dataclass
class Layout:
    pages: int
    lines: int              # non-empty lines
    words: int              # alphabetic words (two letters or more)
    prose_lines: int        # lines with six alphabetic words or more
    number_lines: int       # lines that are only numbers
    dated_lines: int        # lines that start with an ISO date
    scales: int             # "1:100", "1:400" (a drawing's scale)
    upper: int = 0          # alphabetic words in capitals (a drawing's lettering)

    @property
    def words_per_page(self) -> float:
        return self.words / max(1, self.pages)


@dataclass
class Classification:
    klass: str | None
    gives: str
    reason: str


@lru_cache(maxsize=1)
def _classes() -> dict:
    return vocabulary()["classes"]


def gives(klass: str | None) -> str:
    """What a document of this class may give (an unknown class: everything)."""
    if klass is None:
        return ALLA
    return _classes()["gives"].get(klass, ALLA)


def report_classes() -> set[str]:
    return {k for k, v in _classes()["gives"].items() if v == ALLA}


def layout(pages: list[str]) -> Layout:
    lines = [ln.strip() for p in pages for ln in p.split("\n") if ln.strip()]
    words = prose = numbers = dated = upper = 0
    for ln in lines:
        found = _ALPHA_WORD.findall(ln)
        n = len(found)
        upper += sum(w.isupper() for w in found)
        words += n
        prose += n >= 6
        numbers += bool(_NUMBERISH.match(ln)) and any(ch.isdigit() for ch in ln)
        dated += bool(_ISO_DATE.match(ln))
    text = "\n".join(pages)
    return Layout(pages=max(1, len(pages)), lines=len(lines), words=words, prose_lines=prose,
                  number_lines=numbers, dated_lines=dated, scales=len(_SCALE.findall(text)), upper=upper)


def _count_words(text: str, words: list[str]) -> int:
    return sum(1 for w in words if has_word(text, w))


def _by_layout(pages: list[str], lay: Layout, titled: bool) -> tuple[str, str] | None:
    """A drawing, staff list or delegation list by its layout. A document whose title names
    a class (a protokoll with its § "Anmälan av delegationsbeslut") is only checked for being
    a drawing."""
    rules = _classes()["layout"]
    text = "\n".join(pages)[:60000]
    d = rules["ritning"]
    few_prose = lay.prose_lines <= d["max_prose_lines_per_page"] * lay.pages
    title_block = _count_words(text, d["title_block_words"])
    sparse = few_prose and lay.lines and (
        lay.number_lines >= d["min_number_line_share"] * lay.lines
        or (title_block >= d["min_title_block_words"] and lay.words_per_page <= d["max_words_per_page"])
        or (lay.scales and title_block >= 1 and lay.words_per_page <= d["max_words_per_page"]))
    # lettered in capitals with a scale and a title block: a drawing with notes on it
    lettered = lay.scales and title_block >= d["min_title_block_words"] and lay.pages <= d["max_pages"] \
        and lay.upper >= d["min_capitals_share"] * max(1, lay.words)
    if sparse or lettered:
        return "ritning", (f"ritning: {lay.prose_lines} rader löptext på {lay.pages} sidor, "
                           f"{lay.number_lines} av {lay.lines} rader bara tal, {title_block} ord ur en ritningsruta")
    if titled:
        return None
    listed = lay.dated_lines >= rules["min_list_rows"] and lay.dated_lines >= rules["min_list_share"] * lay.lines
    head = "\n".join(pages[:2])[:6000]
    staff = _count_words(head, rules["personallista_words"])
    if listed and staff >= 2:
        return "personallista", f"personallista: {lay.dated_lines} daterade rader, {staff} rubrikord för personal"
    delegation = _count_words(head, rules["delegationslista_words"])
    # a form or list about decisions taken under delegation ("Delegationsbeslut om
    # ställföreträdande rektor … Är du som delegerar …"), or a list of its rows
    if delegation >= 2 or (delegation >= 1 and (listed or lay.prose_lines <= 3 * lay.pages)):
        return "delegationslista", f"delegationslista: {delegation} ord om delegation, rader av beslut"
    return None


def _named_report(pages: list[str]) -> str | None:
    """The report class a bundle names at the head of one of its lines (its own title or the
    title of the report it carries)."""
    reports = report_classes()
    heads = [ln.strip()[:80] for p in pages for ln in p.split("\n") if ln.strip()][:400]
    entries = [e for e in vocabulary()["documents"]["document_types"] if e["type"] in reports]
    for head in heads:
        for entry in entries:
            if any(has_word(head, w) for w in entry["words"]):
                return entry["type"]
    return None


def classify(pages: list[str], title_type: str | None) -> Classification:
    """The class of a document from its page texts and the class its title words give."""
    if title_type in report_classes():
        return Classification(title_type, ALLA, f"{title_type}: rubrikens ord")
    lay = layout(pages)
    found = _by_layout(pages, lay, title_type is not None)
    if found:
        klass, reason = found
        return Classification(klass, gives(klass), reason)
    rules = _classes()
    if title_type in rules["covers"] and lay.words > rules["cover_max_words"]:
        named = _named_report(pages)
        return Classification(named or title_type, ALLA,
                              f"{title_type} med bifogad rapport ({lay.words} ord){': ' + named if named else ''}")
    if title_type:
        return Classification(title_type, gives(title_type), f"{title_type}: rubrikens ord")
    return Classification(None, ALLA, "okänd dokumenttyp")
