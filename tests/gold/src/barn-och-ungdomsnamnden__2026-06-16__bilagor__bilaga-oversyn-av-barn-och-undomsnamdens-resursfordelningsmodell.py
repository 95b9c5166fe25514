"""Gold: Översyn av barn- och ungdomsnämndens resursfördelningsmodell (Alingsås BUN, 17 pages, pool;
a bilaga to Barn- och ungdomsnämnden 2026-06-16, Diarienummer 2026.157 BUN).

Read from the rendered pages (all 17) and the text layer (pypdfium2; pdfplumber finds no table
except the cover's metadata box). The document is running text only: no table of the four
schemas, no chart, no goal/uppdrag status. Its only key figures are the two prices of a plats in
a kommungemensam SU-grupp (p12). Run:
    .venv/bin/python tests/gold/src/barn-och-ungdomsnamnden__2026-06-16__bilagor__bilaga-oversyn-av-barn-och-undomsnamdens-resursfordelningsmodell.py
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from goldlib import Gold, write_meta  # noqa: E402

DOC = "barn-och-ungdomsnamnden__2026-06-16__bilagor__bilaga-oversyn-av-barn-och-undomsnamdens-resursfordelningsmodell.pdf"
g = Gold(DOC)
NARR = dict(method="narrative", column=None)

# --- p12, 4.3.1 Nuläge (Kommungemensamma särskilda undervisningsgrupper) -------------------------
# 'En plats i en kommungemensam SU-grupp kostar 250 000 kr per år för alla skolor utom för Ödenäs,
# Stora Mellby, Långared, Västra Bodarna och Magra skolor vilka istället betalar 150 000 kr per år.'
# An amount per unit (per plats och år): unit kr, value as printed (README: Values).
N_SU = ("printed 'En plats i en kommungemensam SU-grupp kostar 250 000 kr per år för alla skolor utom för "
        "Ödenäs, Stora Mellby, Långared, Västra Bodarna och Magra skolor vilka istället betalar 150 000 kr per år' "
        "(4.3.1 Nuläge): the price the pupil's ordinary school pays per plats on top of the elevpeng (after the "
        "first three months); amount per unit, so unit kr as printed. Present tense, no year printed: the "
        "current (budget 2026) model, scenario budget, year 2026, period_end null. area: the kommungemensam "
        "SU-verksamhet (a kostnadsenhet of the förvaltning, p6)")
g.fact(page=12, schema="verksamhet", label="Kostnad per plats och år i kommungemensam SU-grupp (alla skolor utom fem)",
       scenario="budget", year=2026, period_end=None, value_raw="250 000", unit="kr", measure="verksamhetsmatt",
       area="Kommungemensamma särskilda undervisningsgrupper", **NARR, note=N_SU)
g.fact(page=12, schema="verksamhet",
       label="Kostnad per plats och år i kommungemensam SU-grupp (Ödenäs, Stora Mellby, Långared, Västra Bodarna, Magra)",
       scenario="budget", year=2026, period_end=None, value_raw="150 000", unit="kr", measure="verksamhetsmatt",
       area="Kommungemensamma särskilda undervisningsgrupper", category=None, **NARR,
       note=N_SU + "; the lower price of the five small (landsbygd) schools, same key as the 250 000 kr line, "
       "told apart by value")

g.write()

meta = {
    "document": DOC,
    "source": f"pool/{DOC}",
    "format": "pdf",
    "pages": 17,
    "expected": {
        "kommun_kod": "1489",
        "kommun": "Alingsås",
        "namnd": "Barn- och ungdomsnämnden",
    },
    "covered_pages": "all",
    "image_pages": [],
    "chart_pages": [],
    "notes": [
        "Översyn av barn- och ungdomsnämndens resursfördelningsmodell (cover: 'Typ av styrdokument: Översyn', "
        "'Beslutande instans: Barn- och ungdomsnämnden', 'Datum för beslut: 2026-06-16', Diarienummer 2026.157 "
        "BUN), Alingsås. expected: kommun_kod 1489, kommun Alingsås, namnd Barn- och ungdomsnämnden; dokumenttyp "
        "left out (an 'Översyn' of the resource allocation model is no class of the vocabulary; genomlysning is "
        "nearest but the document is a policy review, not a report), period_typ, period_slut and ar left out "
        "(no report period: it describes the budget 2026 model and proposes investigations under 2027 for "
        "budget 2027/2028).",
        "The whole document is running text (sections 1-6, p2-p3 a table of contents whose page numbers are not "
        "facts); no table of the four schemas, no chart, no status of a goal or uppdrag; every page is covered, "
        "so every extracted table fact is an extra. pdfplumber finds one table only, the cover's metadata box "
        "(p1: dates, diarienummer; not facts). The one picture per page is the kommun logo.",
        "Narrative: only p12 4.3.1 the price of a plats in a kommungemensam SU-grupp, 250 000 kr per år (all "
        "schools) and 150 000 kr per år (five named small schools): verksamhet, verksamhetsmatt, unit kr (an "
        "amount per unit keeps kr), scenario budget year 2026 (present tense, the current model; no year printed, "
        "so period_end null). Both lines share one key; value tells them apart.",
        "Left out: the percentages of the socioekonomiskt strukturbidrag ('fyra procent', 'fem procent', and the "
        "proposed intervals 'fyra ... sex procent', 'fem ... sju procent', p10, p11, p16: numbers written as words); "
        "p11 'Budgeten består till 70 procent av statsbidrag och 30 procent av kommunbidrag' (a share of a budget "
        "whose amount is not given; no canonical measure for a share of financing); p11 the proposed 'nedre "
        "beloppsgräns på 50 000 kronor i förskolan och 100 000 kronor i grundskolan' (a rule of the proposed "
        "model, the minimum allocation per enhet, not a result, budget, volume or key index; no canonical measure "
        "fits); p7 vistelsetid bands '1–25 timmar, 25–35 timmar samt >35 timmar' (category bounds of the barnpeng, "
        "not values); years (2015, 2019/2020, 2026-2028), section and page numbers, the diarienummer and the "
        "ärende reference '2025-06-17 § 45'; 'drygt tio år', 'tre terminer', 'sex olika kategorier' (words, "
        "hedged). The document names a Dokumentansvarig on p1; no name is in any gold field.",
        "No sums to check (no table; the document prints no totals).",
    ],
}
write_meta(DOC, meta)
