"""What the vocabulary's words mean for a label or a header: is it a total, an area, which
measure it names, which scenario a column is, which kön or category a label splits by.

Every function takes printed text and answers from ``vocabulary/*.yml`` alone (no table, no
document), so each stage can ask it; results are cached per text.
"""

from __future__ import annotations

import re
from functools import lru_cache

from pipelines.reports.vocabulary import any_word, norm, vocabulary, word_pos, word_re

LEAD = re.compile(r"^(?:[-–•·*]\s*|varav\s+)+", re.I)      # a list dash or "varav" before a label
_PLAIN = ("prognos", "bokslut", "budget", "utfall")

def clean_label(label: str) -> str:
    """The label as printed, whitespace collapsed (a list dash stays: ``- Ekonomi``)."""
    label = " ".join(label.replace("\u00ad", "").replace("\ufffe", "").split())
    return label.strip()


@lru_cache(maxsize=16384)
def label_key(label: str) -> str:
    """A label for matching: lower case, bullets/dashes/footnote marks off."""
    t = norm(label)
    t = LEAD.sub("", t)
    t = re.sub(r"\s*\*+$", "", t)
    t = re.sub(r"(?<=[a-zåäö)])\d$", "", t)     # a footnote digit glued to the last word
    return t.strip(" :.")


@lru_cache(maxsize=16384)
def measure_of(label: str) -> tuple[str, str, str] | None:
    """(schema, measure, unit) for a row label, by the longest matching phrase."""
    key = label_key(label)
    if not key:
        return None
    best: tuple[int, tuple[str, str, str]] | None = None
    for schema in ("ekonomi", "personal", "maluppfyllelse", "verksamhet"):
        for entry in vocabulary()["measures"].get(schema, []):
            for phrase in entry.get("match", []):
                p = norm(phrase)
                if p.endswith("*"):
                    ok = key.startswith(p[:-1])
                else:
                    ok = key == p or (key.startswith(p) and not key[len(p):len(p) + 1].isalnum())
                if ok and (best is None or len(p) > best[0]):
                    best = (len(p), (schema, entry["measure"], entry.get("unit", "other")))
    return best[1] if best else None


@lru_cache(maxsize=16384)
def measure_in_text(text: str) -> tuple[str, str, str] | None:
    """A measure named anywhere in a header ("Utfall intäkter period", "Prognos resultat helår")."""
    t = norm(text)
    best: tuple[int, tuple[str, str, str]] | None = None
    for schema in ("ekonomi",):
        for entry in vocabulary()["measures"].get(schema, []):
            if entry["measure"] in ("budgetavvikelse",):
                continue     # avvikelse is the column's scenario, not its post
            for phrase in entry.get("match", []):
                p = norm(phrase).rstrip("*")
                if len(p) < 5:
                    continue
                if word_re(p).search(t) and (best is None or len(p) > best[0]):
                    best = (len(p), (schema, entry["measure"], entry.get("unit", "other")))
    return best[1] if best else None


@lru_cache(maxsize=16384)
def is_total(label: str, weak: bool = False) -> bool:
    """A total row (``Summa``, ``Totalt`` …); with ``weak``, also rows that usually add up
    the rows above (``Verksamhetens kostnader``, ``Årets resultat``)."""
    key = label_key(label)
    words = list(vocabulary()["measures"]["total_labels"])
    if weak:
        words += vocabulary()["measures"]["weak_total_labels"]
    for w in words:
        p = norm(w)
        if p.endswith("*"):
            if key.startswith(p[:-1]):
                return True
        elif key == p:
            return True
    return False


@lru_cache(maxsize=16384)
def is_area(label: str) -> bool:
    key = label_key(label)
    for w in vocabulary()["areas"]["areas"]:
        p = norm(w)
        if (p.endswith("*") and key.startswith(p[:-1])) or key == p:
            return True
    return False


@lru_cache(maxsize=16384)
def is_unit_row(label: str) -> bool:
    """A row label that names a nämnd or styrelse (``Vård- och omsorgsnämnden``, ``Kommunstyrelsen``;
    vocabulary ``areas.area_endings``): in a table it is an area of the kommun."""
    key = label_key(label)
    words = key.split()
    return 0 < len(words) <= 4 and not re.search(r"\d", key) and any(
        words[-1].endswith(norm(e)) for e in vocabulary()["areas"].get("area_endings", []))


@lru_cache(maxsize=4096)
def is_residual_area(label: str) -> bool:
    key = label_key(label)
    return any(key == norm(w) for w in vocabulary()["areas"].get("residual_areas", []))


@lru_cache(maxsize=16384)
def kon_of(text: str) -> str | None:
    for kon, words in vocabulary()["measures"]["kon"].items():
        if kon == "T":
            continue
        if any_word(text, words):
            return kon
    return None


@lru_cache(maxsize=16384)
def category_of(text: str) -> str | None:
    for pattern in vocabulary()["measures"]["categories"]["age"]:
        m = re.search(pattern, text.replace("\u2013", "-"), re.I)
        if m:
            # as printed in the label
            start, end = m.span()
            return " ".join(text[start:end].split())
    return None


@lru_cache(maxsize=16384)
def yrkesgrupp_of(label: str) -> str | None:
    """The yrkesgrupp a personal label is split by: the part after `` – `` or after a comma
    that starts with a yrkesgrupp word (``vocabulary/measures.yml``)."""
    groups = [norm(g) for g in vocabulary()["measures"]["yrkesgrupper"]]
    for m in re.finditer(r"(?:\s[–—-]\s|,\s)", label):
        rest = label[m.end():].strip()
        if any(norm(rest).startswith(g) for g in groups):
            return rest
    return None


@lru_cache(maxsize=16384)
def scenario_of(header: str) -> tuple[bool, str | None]:
    """(found, scenario): the first scenario entry whose word occurs in the header, as a
    word, a word start (``avv*``) or the head of a compound (``projektbudget``). Among
    utfall, budget, prognos and bokslut the word printed first wins (``Utfall i % av
    budget`` is utfall); avvikelse, förändring, målvärde come before them."""
    plain: list[tuple[int, str]] = []
    for entry in vocabulary()["columns"]["scenarios"]:
        if entry["scenario"] in _PLAIN:
            for w in entry["words"]:
                pos = word_pos(header, w)
                if pos is not None:
                    plain.append((pos, entry["scenario"]))
            continue
        if any_word(header, entry["words"]):
            return True, entry["scenario"]
    if plain:
        return True, min(plain)[1]
    words = re.findall(r"[a-zåäö]+", norm(header))
    for entry in vocabulary()["columns"]["scenarios"]:
        for w in entry["words"]:
            stem = norm(w).rstrip("*.")
            if len(stem) >= 6 and " " not in stem and any(x.endswith(stem) and len(x) > len(stem) + 2 for x in words):
                return True, entry["scenario"]
    return False, None


@lru_cache(maxsize=16384)
def skip_column(header: str) -> bool:
    return any_word(header, vocabulary()["columns"]["skip_columns"]) is not None


def whole_namnd(text: str) -> bool:
    """"Alla", "Samtliga" in an area column: the whole nämnd (area null)."""
    return label_key(text) in {norm(w) for w in vocabulary()["areas"].get("whole_namnd", [])}


@lru_cache(maxsize=4096)
def stub_measure(stub: str) -> str | None:
    """The verksamhet measure the header over the label column names (``Verksamhetsmått``)."""
    for measure, words in vocabulary()["schemas"].get("measure_stubs", {}).items():
        if stub and any_word(stub, words):
            return measure
    return None


def row_scenario(label: str) -> str | None:
    """The scenario of a row whose label is only a scenario (``Budget``, ``Budgetavvikelse``
    under year columns; ``columns.yml: row_scenarios``)."""
    return {norm(k): v for k, v in vocabulary()["columns"]["row_scenarios"].items()}.get(label_key(label))


def scenario_or_measure_word(text: str) -> bool:
    v = vocabulary()
    words = [w for entry in v["columns"]["scenarios"] for w in entry["words"]]
    if any_word(text, words):
        return True
    for schema in ("ekonomi", "personal", "maluppfyllelse", "verksamhet"):
        for entry in v["measures"].get(schema, []):
            if any_word(text, entry.get("match", [])):
                return True
    return False


def is_scenario_word(text: str) -> bool:
    words = [w for entry in vocabulary()["columns"]["scenarios"] for w in entry["words"]]
    return any_word(text, words) is not None
