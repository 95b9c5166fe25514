"""A column header printed as running text, split into its columns.

The words before a flattened table's first row hold, from left to right, a caption, a stub
and the header, then the first row's label. Given the number of columns *k* (from the rows),
the header is the split of the words before the label into column *phrases* at the least
cost:

- a phrase starts before a capitalised column word (a scenario word of ``columns.yml`` or one
  of its ``header_words``: ``Budget``, ``Prognos``, ``Avvikelse``, ``Antal``, ``Fg`` …) or
  after a year or period (``… 2018 | Utfall 2018 | Förslag till budget 2019``); breaking
  before a lower-case word costs most, before another capitalised word a little;
- every phrase holds a column word, a year or a period, so a caption word never becomes a
  column;
- the header is *k* phrases, two *bands* of *k* (``2018 2018 2019 2019 | Antal personer Antal
  årsarbetare …``: years or a repeated phrase in one band), or *g* group headers over equal
  spans followed by *k* phrases (``Period Helår | Utfall Budget …``);
- words the vocabulary does not know stay in the phrase they stand in (``Budget VR aug 2019``).

Among the splits, more header information wins (bands over a single band), then the lower
cost. Nothing is returned when no split holds.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from pipelines.reports.vocabulary import norm, scenario_words, vocabulary
from pipelines.reports.vocabulary.lexicon import scenario_of

MAX_HEADER_TOKENS = 48
MAX_LABEL_TOKENS = 16
MAX_PHRASE_TOKENS = 10
_YEAR = re.compile(r"^\(?(?:19|20)\d\d\)?[:,.]?$")
_PERIOD = re.compile(r"^(?:(?:19|20)\d\d-\d\d(?:-\d\d)?|\d\d/\d\d|(?:19|20)\d\d/(?:19|20)?\d\d|T[1-3]|Q[1-4]|(?:19|20)\d\d(?:0[1-9]|1[0-2]))[:,]?$")
_SENTENCE_END = re.compile(r"[.!?]$|(?<![A-ZÅÄÖa-zåäö]\.[a-zåäö]):$")


@dataclass
class Header:
    columns: list[str]
    groups: list[str]
    start: int            # index of the first header token
    label_start: int      # index of the first label token (== len(words) when no label follows)
    stub: str = ""
    score: float = 0.0       # minus the cost of the split into columns
    label_cost: float = 0.0   # how unlike a label the first label is (a column word, a month and year)
    bands: int = 1
    phrases: list[str] = field(default_factory=list)


@lru_cache(maxsize=1)
def _heads() -> tuple[frozenset[str], tuple[str, ...]]:
    """(whole head words, word starts) that start a column phrase."""
    words, starts = set(), []
    for entry in vocabulary()["columns"]["scenarios"]:
        for w in entry["words"]:
            w = norm(w)
            if " " in w:
                w = w.split()[0]
            if w.endswith("*"):
                starts.append(w[:-1].rstrip("."))
            else:
                words.add(w.rstrip("."))
    words.update(norm(w) for w in vocabulary()["columns"]["header_words"])
    words.update(scenario_words())
    return frozenset(words), tuple(sorted(set(s for s in starts if len(s) >= 3)))


@lru_cache(maxsize=1)
def _group_words() -> frozenset[str]:
    return frozenset(norm(w) for w in vocabulary()["columns"]["group_words"])


@lru_cache(maxsize=1)
def _months() -> frozenset[str]:
    return frozenset(k.lower() for k in vocabulary()["periods"]["months"])


def _bare(token: str) -> str:
    return norm(token).strip("*()\"',:;")


def _is_year(t: str) -> bool:
    return bool(_YEAR.match(t))


@lru_cache(maxsize=65536)
def _is_period(t: str) -> bool:
    b = _bare(t).rstrip(".")
    return bool(_PERIOD.match(t)) or b in _months() or bool(re.fullmatch(r"[a-zåäö]{3,9}\s?-\s?[a-zåäö]{3,9}", b)
                                                         and all(x.strip() in _months() for x in b.split("-")))


def is_head(t: str) -> bool:
    """A word that starts a column header (a scenario word or a header word)."""
    return _is_head(t)


@lru_cache(maxsize=65536)
def _is_head(t: str) -> bool:
    b = _bare(t).rstrip(".")
    if not b or not b[0].isalpha():
        return False
    words, starts = _heads()
    return b in words or any(b.startswith(s) for s in starts)


def _cap(t: str) -> bool:
    s = t.lstrip("*(\"'")
    return bool(s) and s[0].isupper()


@lru_cache(maxsize=65536)
def _anchor(t: str) -> bool:
    return _is_head(t) or _is_year(t) or _is_period(t) or _bare(t) == "%"


def _month(t: str) -> bool:
    return _bare(t).rstrip(".") in _months()


def _break_cost(prev: str, t: str) -> float:
    if _month(prev) and (_is_year(t) or _is_period(t)):
        return 6.0             # "aug 2019", "Feb 2018": a month and its year are one
    if _is_year(prev) or (_is_period(prev) and not (_is_period(t) and _month(t))):
        return 0.0             # after a year or a period a new column may start ("26/27 | 27/28")
    if _is_head(t) and _cap(t):
        return 0.0
    if _is_year(t):
        return 3.0 if _is_head(prev) else 1.0   # "Budget 2017" is one column
    if t.startswith("(") or not t[:1].isalnum():
        return 6.0
    if _cap(t):
        return 2.5
    return 6.0


def _cont_cost(prev: str, t: str) -> float:
    if _is_year(prev) and _is_year(t):
        return 8.0
    if prev.endswith(":"):
        return 4.0             # "Enhet: Tkr": a colon closes a caption field, not a column word
    if (_is_year(prev) or _is_period(prev)) and norm(t) in _function_words():
        return 4.0             # "2018 och 2019": running text, not a column
    if _is_head(t) and _cap(t) and not _is_period(t):
        return 3.0
    if (_is_year(prev) or _is_period(prev)) and _cap(t) and not _is_period(t):
        return 3.0
    if _cap(t) and not _is_period(t):
        return 1.0             # a capitalised word inside a phrase ("Budget VR aug"): possible, not free
    return 0.0


@dataclass
class _Features:
    """Per-token costs of one word list, computed once."""
    tokens: tuple[str, ...]
    anchors: list[int]          # prefix counts of anchor tokens
    conts: list[float]          # prefix sums of the cost of not breaking before token i
    breaks: list[float]         # cost of breaking before token i
    starts: list[bool]          # token i may start a phrase (capitalised, a year, a period, a number)

    @classmethod
    def of(cls, tokens: tuple[str, ...]) -> "_Features":
        anchors, conts, breaks = [0], [0.0, 0.0], [0.0]
        for t in tokens:
            anchors.append(anchors[-1] + (1 if _anchor(t) else 0))
        for a, c in zip(tokens, tokens[1:]):
            conts.append(conts[-1] + _cont_cost(a, c))
            breaks.append(_break_cost(a, c))
        starts = [_cap(t) or _is_year(t) or _is_period(t) or t[:1].isdigit() for t in tokens]
        return cls(tokens, anchors, conts, breaks, starts)

    def phrase_cost(self, i: int, j: int) -> float | None:
        """Cost inside the phrase tokens[i:j], or None when it holds no anchor, runs long or
        holds a sentence end."""
        if self.anchors[j] - self.anchors[i] <= 0 or j - i > MAX_PHRASE_TOKENS or not self.starts[i]:
            return None
        if any(_ends_sentence(t) for t in self.tokens[i:j - 1]):
            return None
        if norm(" ".join(self.tokens[i:j])).strip(":") in _stub_words():
            return None        # "Belopp i tkr", "Verksamhetsmått": over the labels, not a column
        if sum(1 for t in self.tokens[i:j] if _is_year(t)) > 1:
            return None        # "budgetram 2018 och 2019": a caption, not one column
        words = sum(1 for t in self.tokens[i:j] if not (_is_year(t) or _is_period(t)))
        return self.conts[j] - self.conts[i + 1] + 0.75 * max(0, words - 3)   # column headers are short


def _back(f: _Features, b: int, lo: int, n_max: int) -> tuple[list[list[float]], list[list[int]]]:
    """best[m][i]: least cost of tokens[i:b] as m phrases; nxt[m][i]: where the first ends."""
    inf = float("inf")
    best = [[inf] * (b + 1) for _ in range(n_max + 1)]
    nxt = [[-1] * (b + 1) for _ in range(n_max + 1)]
    best[0][b] = 0.0
    for m in range(1, n_max + 1):
        for i in range(b - 1, lo - 1, -1):
            for j in range(i + 1, b + 1):
                if best[m - 1][j] == inf or (j == b) != (m == 1):
                    continue
                inner = f.phrase_cost(i, j)
                if inner is None:
                    continue
                cost = inner + best[m - 1][j] + (f.breaks[j] if j < b else 0.0)
                if cost < best[m][i]:
                    best[m][i], nxt[m][i] = cost, j
    return best, nxt


def _starts(nxt: list[list[int]], s: int, n: int) -> list[int]:
    out, i = [], s
    for m in range(n, 0, -1):
        out.append(i)
        i = nxt[m][i]
    return out


def _label_start_cost(tokens: tuple[str, ...], b: int) -> float:
    """A label starts at tokens[b]: not with a month and its year ("Utfall | Feb 2019 …" is
    one column), and rather not with a column word ("Avvikelse")."""
    t = tokens[b]
    nxt = tokens[b + 1] if b + 1 < len(tokens) else ""
    if _month(t) and (_is_year(nxt) or _is_period(nxt)):
        return 6.0
    if _is_head(t) and _cap(t):
        return 2.0
    return 0.0


def _phrases(tokens: list[str], starts: list[int], b: int) -> list[str]:
    ends = starts[1:] + [b]
    return [" ".join(tokens[a:e]) for a, e in zip(starts, ends)]


def _band(phrases: list[str]) -> bool:
    """A band over the columns: all years, or one phrase repeated."""
    return all(_is_year(p) or _is_period(p) for p in phrases) or len({norm(p) for p in phrases}) == 1


def _group(phrase: str) -> bool:
    b = _bare(phrase)
    return _is_year(phrase) or b in _group_words() or all(_bare(w) in _group_words() or _is_year(w) for w in phrase.split())


def _label_ok(label: list[str]) -> bool:
    if not label or len(label) > MAX_LABEL_TOKENS:
        return False
    if label[0].startswith("("):
        return False
    first = label[0].lstrip("-–•*")
    if not first:
        return len(label) > 1
    return not _is_year(label[0]) and "%" not in label[0] and (first[0].isupper() or first[0].isdigit()
                                                                or norm(first) in ("varav", "därav", "-"))


def split_header(tokens: list[str], k: int, label_needed: bool = True, strict: bool = False) -> Header | None:
    """The header of ``k`` columns at the end of ``tokens`` (before the first label)."""
    found = split_headers(tokens, k, label_needed, strict)
    return found[0] if found else None


def split_headers(tokens: list[str], k: int, label_needed: bool = True, strict: bool = False) -> list[Header]:
    """The best header for each place the label may start, best first."""
    if k < 1 or not tokens:
        return []
    return _split(tuple(tokens[-(MAX_HEADER_TOKENS + MAX_LABEL_TOKENS):]), k, label_needed, strict,
                  max(0, len(tokens) - MAX_HEADER_TOKENS - MAX_LABEL_TOKENS))


@lru_cache(maxsize=4096)
def _split(tokens: tuple[str, ...], k: int, label_needed: bool, strict: bool, offset: int) -> list[Header]:
    f = _Features.of(tokens)
    per_label: dict[int, tuple[tuple, Header]] = {}
    last = len(tokens)
    label_starts = range(last - 1, max(0, last - MAX_LABEL_TOKENS) - 1, -1) if label_needed else [last]
    shapes = [(k, 0, "k")] + [(2 * k, 0, "bands")] + [(k + g, g, "groups") for g in range(1, k) if k % g == 0]
    n_max = max(n for n, _, _ in shapes)
    for b in label_starts:
        if label_needed and not _label_ok(list(tokens[b:])):
            continue
        lo = max(0, b - MAX_HEADER_TOKENS)
        back, nxt = _back(f, b, lo, n_max)
        label = tokens[b:]
        header_like_label = label_needed and len(label) > 3 and any(_is_year(t) for t in label) and any(
            _is_head(t) and _cap(t) for t in label)
        for n, g, kind in shapes:
            for s in range(b - n, lo - 1, -1):
                cost = back[n][s]
                if cost == float("inf"):
                    continue
                if s > 0 and not _SENTENCE_END.search(tokens[s - 1]):
                    if not _anchor(tokens[s]):
                        continue
                    cost += f.breaks[s]
                if not _clean_start(tokens, s):
                    continue
                label_cost = 2.0 if header_like_label else 0.0   # a label like a header ("Budget 2019")
                if b < last:
                    label_cost += _label_start_cost(tokens, b)
                phrases = _phrases(list(tokens), _starts(nxt, s, n), b)
                if len(phrases) >= 3 and not _dated(phrases[-1]) and not scenario_of(phrases[-1])[0] \
                        and all(_dated(p) for p in phrases[:-1]):
                    cost += 2.5   # the last "column" alone has no year and no scenario word: the first
                    #               words of the label ("… Utfall helår 2024 | Antal incidenter lösta inom")
                header = _shape(phrases, k, g, kind)
                if header is None:
                    continue
                if strict and (cost > 1.0 or not any(_is_year(p) or any(_is_head(w) for w in p.split())
                                                     for p in header.columns)):
                    continue
                header.start, header.label_start, header.score = s + offset, b + offset, -cost
                header.label_cost = label_cost
                header.stub = _stub(list(tokens), s)
                header.phrases = phrases
                rank = (-cost - label_cost, header.bands, -s, b)
                if b not in per_label or rank > per_label[b][0]:
                    per_label[b] = (rank, header)
    return [h for _, h in sorted(per_label.values(), key=lambda x: x[0], reverse=True)]


def _dated(phrase: str) -> bool:
    return any(_is_year(t) or _is_period(t) for t in phrase.split())


def _shape(phrases: list[str], k: int, g: int, kind: str) -> Header | None:
    if kind == "k":
        return Header(phrases, [""] * k, 0, 0, bands=1)
    if kind == "bands":
        a, c = phrases[:k], phrases[k:]
        if _band(a) and not _band(c):
            return Header(c, a, 0, 0, bands=2)
        if _band(c) and not _band(a):
            return Header(c, a, 0, 0, bands=2) if all(_is_year(p) or _is_period(p) for p in c) else Header(a, c, 0, 0, bands=2)
        if _band(a) and _band(c):
            return Header(c, a, 0, 0, bands=2)
        return None
    groups, cols = phrases[:g], phrases[g:]
    if not all(_group(p) for p in groups) or (g == 1 and _is_year(groups[0])):
        return None
    span = k // g
    return Header(cols, [groups[i // span] for i in range(k)], 0, 0, bands=2)


@lru_cache(maxsize=1)
def _function_words() -> frozenset[str]:
    return frozenset(norm(w) for w in vocabulary()["columns"]["text_end_words"])


@lru_cache(maxsize=1)
def _stub_words() -> frozenset[str]:
    return frozenset(norm(w) for w in vocabulary()["columns"]["stub_words"])


def _clean_start(tokens: tuple[str, ...], s: int) -> bool:
    """No column phrase stands right before the header's first word (``… Utfall 2018 |
    Budget 2019 …``): else the header starts earlier and was not read whole."""
    if s == 0:
        return True
    prev = tokens[s - 1]
    if _is_head(prev) and _cap(prev) and norm(prev) not in _stub_words():
        return False
    if (_is_year(prev) or _is_period(prev)) and s >= 2 and _is_head(tokens[s - 2]) and _cap(tokens[s - 2]):
        return False
    return True


def _ends_sentence(t: str) -> bool:
    """A full stop that ends a sentence, not an abbreviation (``Avv.``, ``Prog.``, ``Ack.``)."""
    if t.endswith(("!", "?")):
        return True
    if not t.endswith("."):
        return False
    word = t.rstrip(".").lstrip("(")
    return len(word) > 4 and not _is_head(t) and not _is_year(word)


def _stub(tokens: list[str], s: int) -> str:
    """The words right before the header: a stub word of the vocabulary (``Verksamhetsmått``,
    ``Tkr``), else the words after the last sentence end or colon, when few."""
    for n in (3, 2, 1):
        if s - n >= 0 and norm(" ".join(tokens[s - n:s])).strip(":") in _stub_words():
            return " ".join(tokens[s - n:s])
    out: list[str] = []
    for t in reversed(tokens[max(0, s - 4):s]):
        if _SENTENCE_END.search(t):
            break
        out.insert(0, t)
    return " ".join(out) if 0 < len(out) <= 4 and not any(_is_year(t) for t in out) else ""
