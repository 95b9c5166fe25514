"""Key figures stated in sentences (method ``narrative``), uppdrag statuses, and counts of
ej verkställda beslut.

- Sentences: ``Prognosen … visar ett underskott på -15,0 mnkr``, ``Helårsprognosen för … är
  -11,0 mnkr``, ``Den totala sjukfrånvaron för 2025 var 7,1 %``. Rules live in
  ``vocabulary/narrative.yml``; amounts in brackets (earlier figures) are skipped. An
  unsigned amount after ``underskott`` is read as negative (the sentence says so); the
  printed text stays in ``raw_value`` and ``evidence``.
- Area lines (``area_lines.py``): ``Förskola + 6 239 tkr`` under a heading about avvikelse →
  budgetavvikelse of that area.
- A plan's amounts year by year: ``medlemsbidrag beräknas år 2027 till 69 994 tkr; år 2028
  till …`` → one budget fact per year (``narrative.yml: year_lists``).
- Uppdrag: ``Uppdrag: <text> Status Pågående`` and table lines ``▶ <text> Pågående``.
- Ej verkställda beslut: ``Antal ej verkställda beslut 2 … Kvinnor: 1 Män: 1``.

Narrative facts carry a lower ``confidence`` than table facts.
"""

from __future__ import annotations

import re

from pipelines.reports.facts.amount_period import comparison_before, comparison_year, is_change, is_comparison, is_target
from pipelines.reports.facts.area_lines import AREA_LINE, area_lines
from pipelines.reports.facts.sentence_fact import label_of, same_day, sentence_area, sentence_fact
from pipelines.reports.facts.statuses import ej_verkstallda, goal_status, uppdrag
from pipelines.reports.model import DocContext, Fact
from pipelines.reports.parse.numbers import MINUSES, find_numbers
from pipelines.reports.parse.periods import read_period
from pipelines.reports.parse.units import money_unit
from pipelines.reports.vocabulary import any_word, has_word, norm, vocabulary

_MC = re.escape(MINUSES)
_UNIT_AFTER = re.compile(r"^\s?(tkr|mnkr|mkr|mdkr|miljoner kronor|miljon kronor|msek|%|procent)(?![\wåäöÅÄÖ])", re.I)
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-ZÅÄÖ•\d])|\u2022")
_TABLE_LINE = re.compile(r"\t|(?:[-−–]?\d[\d ,]*\s+){3,}[-−–]?\d|(?:[-−–]?\d[\d,]*\s?%\s+){2,}[-−–]?\d")


def extract(page_texts: list[str], ctx: DocContext, paged: bool, skip_pages: list[int],
            goals: list[str] | None = None) -> list[Fact]:
    facts: list[Fact] = []
    context = [""]
    heading = [None]
    for i, text in enumerate(page_texts, 1):
        if i in skip_pages:
            continue
        page = i if paged else None
        body = "\n".join(ln for ln in text.split("\n") if not AREA_LINE.match(ln.strip()))
        facts.extend(_sentences(body, page, ctx))
        facts.extend(area_lines(text, page, ctx, context))
        facts.extend(uppdrag(text, page, ctx))
        facts.extend(ej_verkstallda(text, page, ctx))
        facts.extend(goal_status(text, page, ctx, goals or [], heading))
    return _dedupe(facts)


def _dedupe(facts: list[Fact]) -> list[Fact]:
    seen: set[tuple] = set()
    out = []
    for f in facts:
        key = (f.page, f.measure, f.scenario, f.value, f.area, f.label, f.status, f.kon)
        if key in seen:
            continue
        seen.add(key)
        out.append(f)
    return out


# "år 2028 till": a year named before its amount in prose; with the amount ("år 2028 till
# 72 906 tkr") it marks a line or sentence as a plan's amounts year by year, not a table
_YEAR_PHRASE = r"(?<![\wåäö])(?:år|året|för|under)\s+((?:19|20)\d\d)\s*(?:till|på|om|:|blir)\s*"
_YEAR_BEFORE = re.compile(_YEAR_PHRASE + "$", re.I)
_YEAR_AMOUNT = re.compile(_YEAR_PHRASE + rf"[{_MC}]?\d[\d ]*(?:,\d+)?\s?(?:tkr|mnkr|mkr|mdkr|kr|miljoner)(?![\wåäö])", re.I)


def sentences(text: str) -> list[str]:
    """Sentences of running text; table lines (tabs, three or more numbers) are left out."""
    out: list[str] = []
    for para in re.split(r"\n\s*\n", text):
        lines = [ln for ln in para.split("\n") if len(ln) > 300 or not _TABLE_LINE.search(ln) or _YEAR_AMOUNT.search(ln)]
        # a short line without closing punctuation followed by a capitalised line is a heading
        chunks: list[list[str]] = [[]]
        for i, ln in enumerate(lines):
            chunks[-1].append(ln)
            nxt = lines[i + 1].strip() if i + 1 < len(lines) else ""
            if len(ln.strip()) < 60 and not re.search(r"[,;:\-–]\s*$", ln.strip()) and nxt[:1].isupper():
                chunks.append([])
        flat_parts = [re.sub(r"\s+", " ", " ".join(c)) for c in chunks if c]
        for s in (piece for part in flat_parts for piece in _SENTENCE_END.split(part)):
            s = s.strip()
            # a sentence glued to a flattened table: keep what follows the last run of numbers
            runs = list(re.finditer(rf"(?:[{_MC}]?\d[\d ,{_MC}]*\s+){{3,}}[{_MC}]?\d[\d ,]*", s))
            if runs:
                s = s[runs[-1].end():].strip()
            # (years do not make a table of a sentence: "från 3,36% i juli 2018 till 4,03% i juli 2019")
            numbers = [n for n in re.findall(r"\d[\d ]*(?:,\d+)?", s) if not re.fullmatch(r"(?:19|20)\d\d", n.strip())]
            if s and (len(numbers) < 5 or len(_YEAR_AMOUNT.findall(s)) >= 2):
                out.append(s)      # (a plan's amounts year by year are prose, not a table)
    return out


def _phrase_end(sentence: str, phrases: list[str]) -> tuple[int, int] | None:
    """(start, end) in ``sentence`` of the first of ``phrases`` (case-insensitive, whole words)."""
    best = None
    for ph in phrases:
        m = re.search(rf"(?<![\wåäö]){re.escape(ph)}(?![\wåäö])", sentence, re.I)
        if m and (best is None or m.start() < best[0]):
            best = (m.start(), m.end())
    return best


def _amount_at(sentence: str, pos: int, default_unit: str | None) -> tuple[float, str, str] | None:
    """The amount printed right at ``pos`` (after spaces): (value, raw number, unit word).
    ``miljoner`` without ``kronor`` is miljoner kronor; a number with no unit word at all
    takes ``default_unit`` (the outcome's, in "… 53,7 miljoner kronor mot budget om 58,1")."""
    rest = sentence[pos:]
    for start, end, num in find_numbers(rest):
        if rest[:start].strip():
            return None
        raw = rest[start:end].strip()
        m = _UNIT_AFTER.match(rest[end:])
        if m:
            return num.value, raw, m.group(1)
        if re.match(r"^\s?miljoner(?![\wåäö])", rest[end:], re.I):
            return num.value, raw, "miljoner kronor"
        if default_unit and not re.match(r"^\s?[\wåäö]", rest[end:]):
            return num.value, raw, default_unit
        return None
    return None


def _against_budget(sentence: str, page, ctx: DocContext) -> list[Fact]:
    """``<post> [inom <område>] uppgår till X mot budget om Y``: the outcome and the budget."""
    spec = vocabulary()["narrative"].get("against_budget")
    if not spec:
        return []
    outcome = _phrase_end(sentence, spec["outcome"])
    budget = _phrase_end(sentence, spec["budget"])
    if not outcome or not budget or budget[0] < outcome[1]:
        return []
    first = _amount_at(sentence, outcome[1], None)
    if first is None or _bracketed(sentence, outcome[1]):
        return []
    second = _amount_at(sentence, budget[1], first[2])
    if second is None:
        return []
    subject = sentence[:outcome[0]]
    # "visar ett kostnadsutfall om": the post may be in the outcome words themselves
    post = None
    for entry in spec["posts"]:
        for w in entry["words"]:
            hit = _phrase_end(subject + " " + sentence[outcome[0]:outcome[1]], [w.rstrip("*")]) if not w.endswith("*") \
                else re.search(rf"(?<![\wåäö]){re.escape(w[:-1])}[\wåäö]*", subject + " " + sentence[outcome[0]:outcome[1]], re.I)
            if hit:
                post = (entry["measure"], hit)
                break
        if post:
            break
    if post is None:
        return []
    area = _subject_area(subject, spec)
    if area is False:
        return []              # the subject names something that is neither the post nor an area
    out = []
    figures = [(first, "utfall"), (second, "budget")]
    whole_year = ctx.period is not None and ctx.period.type == "helar"
    if not whole_year and not read_period(sentence).current_period:
        # mid-year, "mot budget om 120 mnkr" may be the period's budget or the whole year's:
        # the sentence must say which ("för perioden", "ack", "t.o.m.") or only the outcome is read
        figures = figures[:1]
    for (value, raw, unit_word), scenario in figures:
        mu = money_unit(unit_word)
        if mu is None:
            return []
        rule = {"schema": "ekonomi", "measure": post[0], "scenario": scenario, "period": "document"}
        fact = sentence_fact(sentence, page, ctx, rule, value, raw, unit_word, [], outcome[1])
        if fact is None:
            return []
        fact.area = area
        out.append(fact)
    return out


def _subject_area(subject: str, spec: dict) -> str | None | bool:
    """The area in a sentence's subject: after an introducer, else the subject without its
    post words; None when only the post (and period words) is left; False when what is left
    cannot be told to be an area."""
    text = " " + " ".join(subject.split()) + " "
    for pattern in spec.get("not_areas", []):
        text = re.sub(rf"(?<![\wåäö]){pattern}(?![\wåäö])", " ", text, flags=re.I)
    for entry in spec["posts"]:
        for w in entry["words"]:
            stem = re.escape(w.rstrip("*")) + (r"[\wåäö]*" if w.endswith("*") else "")
            text = re.sub(rf"(?<![\wåäö]){stem}(?![\wåäö])", " ", text, flags=re.I)
    for intro in sorted(spec.get("area_introducers", []), key=len, reverse=True):
        m = re.search(rf"(?<![\wåäö]){re.escape(intro)}\s+(.+)$", text.strip(), re.I)
        if m:
            return " ".join(m.group(1).split()).strip(" ,") or None
    rest = " ".join(text.split()).strip(" ,")
    if not rest:
        return None
    if len(rest.split()) <= 4 and rest[:1].isupper():
        return rest        # "Förändringsinsatserna visar ett kostnadsutfall om …"
    return False


def _hedged(sentence: str, start: int, hedges: list[str]) -> bool:
    """The amount at ``start`` follows an estimate or threshold word (``ca 7``, ``överstigande 100``)."""
    before = norm(sentence[:start]).rstrip()
    return any(re.search(rf"(?<![\wåäö]){re.escape(norm(h))}$", before) for h in hedges)


def _bracketed(sentence: str, start: int) -> bool:
    before = sentence[:start]
    return before.count("(") > before.count(")")


def _amounts(sentence: str, bracketed: bool = False) -> list[tuple[int, int, float, str, str]]:
    """(start, end, value, raw number, raw unit) for numbers followed by a unit word; amounts
    in brackets only with ``bracketed``."""
    out = []
    for start, end, num in find_numbers(sentence):
        m = _UNIT_AFTER.match(sentence[end:])
        if not m:
            # "0,2Mkr" glued
            m = re.match(r"(mnkr|mkr|tkr)\b", sentence[end:], re.I)
            if not m:
                continue
        if _bracketed(sentence, start) and not bracketed:
            continue
        unit = m.group(1)
        out.append((start, end + m.end(), num.value, sentence[start:end].strip(), unit))
    return out


def _sentences(text: str, page: int | None, ctx: DocContext) -> list[Fact]:
    words = vocabulary()["narrative"]
    rules = words["rules"]
    sign_words = words["sign_words"]
    out: list[Fact] = []
    for sentence in (c for s in sentences(text) for c in _clauses(s, words.get("clause_words", []))):
        if len(sentence) > 600 or len(sentence) < 15:
            continue
        out.extend(_personal_counts(sentence, page, ctx))
        with_bracketed = _amounts(sentence, bracketed=True)
        if not with_bracketed:
            continue
        amounts = [a for a in with_bracketed if not _bracketed(sentence, a[0])]
        pair = _kon_pair(sentence, amounts, page, ctx, rules, sign_words)
        if pair:
            out.extend(pair)
            continue
        if any_word(sentence, words.get("part_of_words", [])):
            continue
        against = _against_budget(sentence, page, ctx)
        if against:
            out.extend(against)
            continue
        by_year = _year_list(sentence, page, ctx, amounts)
        if by_year:
            out.extend(by_year)
            continue
        for rule in rules:
            if not any_word(sentence, rule["needs_any"]):
                continue
            if rule["needs_also"] and not any_word(sentence, rule["needs_also"]):
                continue
            if rule.get("needs_direction") and not any_word(sentence, rule["needs_direction"]):
                continue
            if rule.get("not_with") and any_word(sentence, rule["not_with"]):
                continue   # the sentence also names another measure of the kind: not this rule's alone
            if _about_other_post(sentence, rule.get("not_about")):
                continue
            if rule.get("percent"):
                rates = _rate_facts(sentence, with_bracketed, page, ctx, rule, words)
                if rates is None:
                    continue
                out.extend(rates)
                break
            wanted = [a for a in amounts if a[4] not in ("%", "procent")]
            if not wanted:
                continue
            start, end, value, raw, unit_word = wanted[0]
            if len(wanted) > 1:
                # several amounts: take the one nearest after the trigger word
                trigger = _trigger_pos(sentence, rule["needs_any"])
                after = [a for a in wanted if a[0] >= trigger]
                start, end, value, raw, unit_word = (after or wanted)[0]
            if _hedged(sentence, start, words.get("hedge_words", [])):
                break      # the figure is an estimate or a threshold: not another amount instead
            fact = sentence_fact(sentence, page, ctx, rule, value, raw, unit_word, sign_words, start)
            if fact:
                out.append(fact)
            break
    return out


def _clauses(sentence: str, words: list[str]) -> list[str]:
    """A sentence that states two measures, split at ``samtidigt som`` and ``medan``
    (narrative.yml ``clause_words``) where each part has a number."""
    pattern = "|".join(re.escape(w) for w in words)
    if not pattern:
        return [sentence]
    parts = [p.strip(" ,") for p in re.split(rf"(?:,\s*)?(?<![\wåäö])(?:{pattern})(?![\wåäö])", sentence, flags=re.I)]
    if len(parts) > 1 and all(re.search(r"\d", p) for p in parts):
        return parts
    return [sentence]


def _rate_facts(sentence: str, amounts: list, page, ctx: DocContext, rule: dict, words: dict) -> list[Fact] | None:
    """A rate rule (``percent: true``): the outcome, and the previous year's figure it is
    compared with (facts/amount_period.py), from the sentence's amounts brackets included.
    None when the sentence has no rate to read."""
    rates = [a for a in amounts
             if a[4] in ("%", "procent") and not is_target(sentence, a[0]) and not is_change(sentence, a[0])]
    main = [a for a in rates if not is_comparison(sentence, a[0])]
    plain = [a for a in main if not _bracketed(sentence, a[0])]
    main = plain or main
    if not main:
        return None
    level = [a for a in main if re.search(r"(?:\bvar|\bpå|\btill|\bär|\buppgår till)\s*$", sentence[:a[0]])]
    start, end, value, raw, unit_word = (level or main)[0]
    if _hedged(sentence, start, words.get("hedge_words", [])):
        return []      # the figure is an estimate or a threshold: not another amount instead
    fact = sentence_fact(sentence, page, ctx, rule, value, raw, unit_word, [], start, end=end)
    if fact is None:
        return []
    out = [fact]
    for a in rates:
        if a[0] == start or not is_comparison(sentence, a[0]):
            continue
        year = comparison_year(sentence, end, a[0], a[1], fact.year) if a[0] > start \
            else comparison_before(sentence, a[0], a[1], start, fact.year)
        if year is None:
            continue
        earlier = sentence_fact(sentence, page, ctx, rule, a[2], a[3], a[4], [], a[0], end=a[1], year=year)
        if earlier is not None:
            earlier.period_end = same_day(fact.period_end, year)
            out.append(earlier)
            break
    return out


def _year_list(sentence: str, page, ctx: DocContext, amounts) -> list[Fact]:
    """A plan's amounts year by year in one sentence (``narrative.yml: year_lists``)."""
    spec = vocabulary()["narrative"].get("year_lists")
    if not spec or not any_word(sentence, spec["leads"]):
        return []
    hedges = vocabulary()["narrative"].get("hedge_words", [])
    pairs = []
    for start, _end, value, raw, unit_word in amounts:
        window = max(0, start - 24)
        m = _YEAR_BEFORE.search(sentence[window:start])
        mu = money_unit(unit_word)
        if m and mu is not None and not _hedged(sentence, start, hedges):
            pairs.append((int(m.group(1)), window + m.start(), value, raw, unit_word, mu.factor))
    years = [p[0] for p in pairs]
    if len(pairs) < 2 or len(set(years)) != len(years) or (ctx.year and min(years) < ctx.year):
        return []
    head = sentence[:pairs[0][1]]
    measure = next((m for m, words in spec["posts"].items() if any_word(head, words)), None)
    if measure is None:
        return []
    return [Fact(
        document=ctx.document, page=page, schema="ekonomi", label=label_of(sentence), column="",
        scenario=spec["scenario"], year=year, period_end=f"{year:04d}-12-31", kon=None,
        value=round(value * factor, 6) if factor != 1 else value, unit="tkr", evidence=sentence,
        method="narrative", measure=measure, raw_value=raw, raw_unit=unit_word, area=sentence_area(sentence, start),
        confidence=0.6, period_type="helar", kommun_kod=ctx.kommun_kod, namnd=ctx.namnd,
    ) for year, start, value, raw, unit_word, factor in pairs]


def _about_other_post(sentence: str, not_about: dict | None) -> bool:
    """The sentence names another post (``hyreskostnad``: a stem inside a word) and none of
    the rule's own words: its amount is that post's."""
    if not not_about:
        return False
    words = re.findall(r"[a-zåäö]+", sentence.lower())
    if not any(stem in w for w in words for stem in not_about["stems"]):
        return False
    return not any_word(sentence, not_about.get("unless", []))


def _personal_counts(sentence: str, page, ctx: DocContext) -> list[Fact]:
    """``40 tillsvidareanställda``, ``15 har slutat``, ``39,8 årsarbetare``, ``35 kvinnor``."""
    out: list[Fact] = []
    low = sentence.lower()
    named = []
    for rule in vocabulary()["narrative"]["personal_counts"]:
        for phrase in rule["after"]:
            for m in re.finditer(rf"(?<![\d,.])(\d{{1,3}}(?:[ \u00a0]\d{{3}})*(?:,\d+)?)\s+(?:st\s+)?{re.escape(phrase)}(?![a-zåäö])", low):
                named.append((m.start(), rule, m.group(1)))
            if has_word(sentence, phrase):
                named.append((None, rule, None))
    kinds = {r["measure"] for _pos, r, _raw in named}
    for pos, rule, raw in named:
        if raw is None:
            continue
        out.append(_count_fact(sentence, page, ctx, rule, raw, "T"))
    if len(kinds) == 1:
        rule = named[0][1]
        for kon, word in (("K", "kvinnor"), ("M", "män")):
            m = re.search(rf"(?<![\d,.])(\d{{1,3}}(?:[ \u00a0]\d{{3}})*)\s+{word}\b", low)
            if m:
                out.append(_count_fact(sentence, page, ctx, rule, m.group(1), kon))
    return out


def _count_fact(sentence: str, page, ctx: DocContext, rule: dict, raw: str, kon: str) -> Fact:
    value = float(raw.replace(" ", "").replace("\u00a0", "").replace(",", "."))
    period = ctx.period
    return Fact(
        document=ctx.document, page=page, schema="personal", label=label_of(sentence), column="",
        scenario="utfall", year=period.year if period else None, period_end=period.end if period else None,
        kon=kon, value=value, unit=rule["unit"], evidence=sentence, method="narrative", measure=rule["measure"],
        raw_value=raw, confidence=0.6, period_type=period.type if period else None,
        kommun_kod=ctx.kommun_kod, namnd=ctx.namnd,
    )


def _kon_pair(sentence, amounts, page, ctx, rules, sign_words) -> list[Fact]:
    """``Sjukfrånvaron för såväl kvinnor som män … ligger på 7,3 % respektive 5,7 %``: two
    values in the order the kön words are printed."""
    if not has_word(sentence, "respektive"):
        return []
    low = norm(sentence)
    k = re.search(r"\bkvinnor\w*", low)
    m = re.search(r"\bmän(?:nen)?\b", low)
    percents = [a for a in amounts if a[4] in ("%", "procent")]
    if not k or not m or len(percents) != 2:
        return []
    rule = next((r for r in rules if r.get("percent") and any_word(sentence, r["needs_any"])), None)
    if rule is None:
        return []
    out = []
    order = ["K", "M"] if k.start() < m.start() else ["M", "K"]
    for kon, (start, _end, value, raw, unit_word) in zip(order, percents):
        fact = sentence_fact(sentence, page, ctx, rule, value, raw, unit_word, sign_words, start)
        if fact:
            fact.kon = kon
            out.append(fact)
    return out


def _trigger_pos(sentence: str, words: list[str]) -> int:
    low = norm(sentence)
    positions = []
    for w in words:
        m = re.search(re.escape(norm(w).rstrip("*")), low)
        if m:
            positions.append(m.start())
    return min(positions) if positions else 0


