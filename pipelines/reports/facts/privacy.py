"""Personal data never becomes a fact.

Names of officials, e-mail addresses, phone numbers, personnummer and individual decision
numbers (beslut nr) are removed from every text field of a fact (``[e-post]``, ``[telefon]``
…); a fact whose label *is* personal data (a name with a party or a title, a decision
number, a first name and a surname) is dropped. Tables that list decisions about individuals are skipped earlier
(``skip_tables`` in the vocabulary); this is the last line of defence.
"""

from __future__ import annotations

import re
from functools import lru_cache

from pipelines.reports.model import Fact
from pipelines.reports.vocabulary import vocabulary

_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_PHONE = re.compile(r"(?<![\d-])(?:\+46\s?|0)\d{1,3}[-\s]?\d{2,3}(?:[\s-]?\d{2}){2,3}(?![\d-])")
_PNR = re.compile(r"(?<!\d)(?:19|20)?\d{6}[-+]\d{4}(?!\d)")
# "1306312 2018-11-09": a 6–8 digit decision number before a date (ej verkställda lists)
_BESLUT = re.compile(r"(?<!\d)\d{6,8}(?=\s+(?:19|20)\d\d-\d\d-\d\d)")
_BESLUT_NR = re.compile(r"(?i)beslut\s*nr\.?\s*:?\s*\d+")
# a name with a party after it: "Eva-Lotta Pamp (M)"
_PARTY_NAME = re.compile(
    r"\b[A-ZÅÄÖ][a-zåäöéü]+(?:[- ][A-ZÅÄÖ][a-zåäöéü]+){1,3}\s?\((?:S|M|V|C|L|KD|MP|SD|GF\d?|SP\d?|VT\d?)\)")
# a name after a role word: "Handläggare: Jesper Nicoletti", "Foto: Kate Visonj"
_ROLE_NAME = re.compile(
    r"(?i)\b(handläggare|ordförande|förvaltningschef|controller|fotograf|foto|kontaktperson|sekreterare|"
    r"justerande|rapportör|objektspecialist|administrativ chef|godkännare)\s*:?\s+"
    r"(?-i:[A-ZÅÄÖ][a-zåäöéü]+(?:[- ][A-ZÅÄÖ][a-zåäöéü]+){1,3})")


def redact(text: str | None) -> str | None:
    if not text:
        return text
    t = _EMAIL.sub("[e-post]", text)
    t = _PNR.sub("[personnummer]", t)
    t = _BESLUT_NR.sub("beslut nr [borttaget]", t)
    t = _BESLUT.sub("[beslut nr]", t)
    t = _PARTY_NAME.sub("[namn]", t)
    t = _ROLE_NAME.sub(lambda m: f"{m.group(1)} [namn]", t)
    t = _PHONE.sub("[telefon]", t)
    return t


_PLACEHOLDER = re.compile(r"\[(?:e-post|personnummer|beslut nr|borttaget|namn|telefon)\]")
_ROLE_WORD = re.compile(
    r"(?i)\b(handläggare|ordförande|förvaltningschef|controller|fotograf|foto|kontaktperson|sekreterare|"
    r"justerande|rapportör|objektspecialist|administrativ chef|godkännare|beslut nr)\b")


def is_personal(label: str) -> bool:
    """A label that *is* personal data: once the personal data is masked, no words are left
    ("Eva-Lotta Pamp (M)", "Handläggare: Jesper Nicoletti", "1306312"). A label that only
    contains some ("Intäkter (frågor: anna.andersson@ale.se)") is kept, masked: its numbers
    are the committee's, not the person's."""
    if re.fullmatch(r"\d{6,8}", label.strip()):
        return True
    masked = redact(label) or ""
    if masked == label:
        return False
    rest = _ROLE_WORD.sub("", _PLACEHOLDER.sub("", masked))
    return len(re.findall(r"[A-Za-zÅÄÖåäöÉé]", rest)) < 3


_NAME_PART = r"[A-ZÅÄÖÉ][a-zåäöéüø]+(?:-[A-ZÅÄÖÉ][a-zåäöéüø]+)?"
# "Monica Persson", "Anna-Karin Nord", "Eva Maria Lind", "Persson, Monica"; after the name at
# most a short role ("Anna Nord, rektor", "Anna Nord (enhetschef)")
_PERSON = re.compile(rf"^(?:[-•·*]\s*)?(?P<first>{_NAME_PART})(?:\s+(?P<middle>{_NAME_PART}))?\s+(?P<last>{_NAME_PART})"
                     rf"(?P<rest>\s*(?:[,(–-]\s*[a-zåäö][\wåäö ]{{0,30}}\)?)?)[\s.:]*$")
_PERSON_REVERSED = re.compile(rf"^(?P<last>{_NAME_PART}),\s+(?P<first>{_NAME_PART})[\s.:]*$")


@lru_cache(maxsize=1)
def _first_names() -> frozenset[str]:
    return frozenset(n.casefold() for n in vocabulary()["personnamn"]["fornamn"])


def is_person_name(label: str) -> bool:
    """A label that is a person's name: a known first name and a surname ("Monica Persson",
    "Anna-Karin Nord, rektor", "Persson, Monica"). A place or unit named after a person
    ("Maria Alberts förskola") is not: the words after the name are not a role."""
    text = " ".join(label.split())
    m = _PERSON.match(text) or _PERSON_REVERSED.match(text)
    if not m:
        return False
    names = _first_names()
    if not all(part.casefold() in names for part in m.group("first").split("-")):
        return False
    # "Anna Anna" is no name; "Eva Maria Lind" is
    return m.group("last").casefold() not in names or bool(m.groupdict().get("middle"))


def scrub(facts: list[Fact]) -> list[Fact]:
    out: list[Fact] = []
    for f in facts:
        if is_personal(f.label or "") or is_person_name(f.label or ""):
            continue
        f.label = redact(f.label) or f.label
        f.evidence = redact(f.evidence) or ""
        f.goal = redact(f.goal)
        f.category = redact(f.category)
        f.area = redact(f.area)
        f.column = redact(f.column) or ""
        out.append(f)
    return out
