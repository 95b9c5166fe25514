"""Gold: Rapport borgensavgifter 2026-03-26, AB Alingsås Rådhus (Söderberg & Partners; 6 pages, pool;
a bilaga to Alingsås kommunfullmäktige 2026-06-10).

Retyped from the rendered pages; labels copied from the text layer. Charts (p2 poäng bars, p3
räntekurvor, p4 avgift över tid) are not facts. Run:
    .venv/bin/python tests/gold/src/kommunfullmaktige__2026-06-10__bilagor__ab-alingsas-radhus-rapport-borgensavgifter-2026-03-26.py
"""

from __future__ import annotations

import sys
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from goldlib import Gold, d, write_meta  # noqa: E402

DOC = "kommunfullmaktige__2026-06-10__bilagor__ab-alingsas-radhus-rapport-borgensavgifter-2026-03-26.pdf"
g = Gold(DOC)
VM = "verksamhetsmatt"
# Every figure is the company's as of the report date (no other period printed).
AT = dict(schema="verksamhet", scenario="utfall", year=2026, period_end="2026-03-26", measure=VM)
NARR = dict(method="narrative", column=None)

# --- p2: Resultat -------------------------------------------------------------------------------------
g.fact(page=2, label="Borgensavgift, beräknad", value_raw="0,46%", unit="procent", **AT, **NARR,
       note="printed 'Borgensavgiften har beräknats till 0,46%.'")
# Finansiell status: three key-figure call-outs beside the bar chart (value above its label, no header).
# The bars (poäng 5,9 / 5,1 / 5,7) and the axis (0,0 ... 10,0) are the chart: not facts.
for label, cell, unit in [("RR/Balansomslutning", "2,9%", "procent"),
                          ("Räntetäckningsgrad", "1,8 ggr", "ggr"),
                          ("Soliditet", "27,4%", "procent")]:
    g.fact(page=2, label=label, column=None, value_raw=cell.replace(" ggr", ""), raw=cell, unit=unit, **AT,
           note="key-figure call-out beside the 'Finansiell status – AB Alingsås Rådhus' chart; the report "
                "does not say which accounts it comes from")

# --- p3: Räntekurvor (running text and the boxed conclusion) ---------------------------------------------
poang = g.fact(page=3, label="Poäng, finansiell status", value_raw="16,7", unit="poang", **AT, **NARR,
               note="printed 'AB Alingsås Rådhus har erhållit 16,7 poäng av 30 möjliga' (30 = the scale, not a "
                    "fact)")
spann = g.fact(page=3, label="Andel av räntespannet som adderas på AA-kurvan", value_raw="44,5%",
               unit="procent", **AT, **NARR,
               note="printed 'Det innebär att 44,5% av räntespannet adderas på AA-kurvan'")
g.fact(page=3, label="Kapitalbindning", value_raw="2,9", unit="ar", **AT, **NARR,
       raw="2,9", note="printed 'bolagets aktuella kapitalbindning, som uppgår till 2,9 år'")
bolag = g.fact(page=3, label="Bolagsränta", value_raw="3,32%", unit="procent", **AT, **NARR,
               note="printed 'Differensen mellan bolagsräntan (3,32%) och kommunräntan (2,86%)'; average "
                    "borrowing cost of the last 36 months at the company's kapitalbindning")
kommun = g.fact(page=3, label="Kommunränta", value_raw="2,86%", unit="procent", **AT, **NARR,
                note="printed 'Differensen mellan bolagsräntan (3,32%) och kommunräntan (2,86%)'")
avgift = g.fact(page=3, label="Slutgiltig borgensavgift", value_raw="0,46%", unit="procent", **AT, **NARR,
                note="printed (boxed) 'Slutgiltiga borgensavgiften för AB Alingsås Rådhus är beräknad till 0,46%.'")

# --- checks ---------------------------------------------------------------------------------------------
D = lambda f: Decimal(str(f["value"]))  # noqa: E731
g.check("p3 bolagsränta - kommunränta = borgensavgift", D(bolag) - D(kommun), D(avgift))
g.check("p2 chart poäng 5,9 + 5,1 + 5,7 = 16,7 poäng (p3)", d("5,9") + d("5,1") + d("5,7"), D(poang))
# 44,5% of the spann added = 1 - poäng/30: 1 - 16,7/30 = 44,33%; 44,5% needs 16,65 poäng, which the report
# prints rounded as 16,7. Consistent at the report's precision (within 0,2 percentage points).
g.check("p3 share of the spann = 100 x (1 - poäng/30)", (1 - D(poang) / 30) * 100, D(spann), tol="0.2")

g.write()

meta = {
    "document": DOC,
    "source": f"pool/{DOC}",
    "format": "pdf",
    "pages": 6,
    "expected": {"kommun_kod": "1489", "kommun": "Alingsås", "ar": 2026},
    "covered_pages": "all",
    "image_pages": [],
    "chart_pages": [2, 3, 4],
    "notes": [
        "A report by Söderberg & Partners, dated 2026-03-26, on the borgensavgift of AB Alingsås Rådhus (the "
        "kommun's bolag); it came with Alingsås kommunfullmäktige's handlingar 2026-06-10. expected: kommun_kod "
        "1489 / kommun Alingsås (the bolag is Alingsås'; the document itself writes only 'AB Alingsås Rådhus' "
        "and 'kommunen'), ar 2026 (the report date). namnd left out (a bolag, not a nämnd, owns the figures), "
        "dokumenttyp left out (brief), period_typ/period_slut left out (not a report of a period).",
        "Schema: the figures are the company's key figures (borgensavgift, the three nyckeltal of its financial "
        "status, poäng, interest rates, kapitalbindning). The document calls them 'nyckeltal', and facts.md "
        "makes a key figure / a Nyckeltal row verksamhet with measure verksamhetsmatt; ekonomi's measures are "
        "posts in tkr and a narrative fact needs a measure, so every fact here is verksamhet/verksamhetsmatt. "
        "(The Tolkförmedling årsredovisning gold keeps 'Soliditet (%)' of its five-year table as ekonomi with "
        "measure null; a judgement call to review together.)",
        "Period: no period is printed for any figure; all are scenario utfall, year 2026, period_end 2026-03-26 "
        "(the report date). The report does not say which accounts the p2 nyckeltal come from.",
        "Units: percent as percent ('0,46%' -> 0.46, procent); 'ggr' (gånger) for Räntetäckningsgrad 1,8 ggr; "
        "'poang' for 16,7 poäng; 'ar' (år) for the kapitalbindning 2,9 år.",
        "p2 'Finansiell status' call-outs (2,9% RR/Balansomslutning, 1,8 ggr Räntetäckningsgrad, 27,4% "
        "Soliditet) are kept as table facts with column null (label-value pairs printed beside the chart, "
        "not running text). The bars' poäng (5,9 / 5,1 / 5,7) and the axis ticks are chart numbers: not facts. "
        "p3 chart labels 2,86% and 3,32% (and the axis) are chart numbers; the same values in the running text "
        "below the chart are narrative facts. p4 'Avgift över tid' is a chart only (no data labels).",
        "Narrative: p2 borgensavgift 0,46%; p3 16,7 poäng, 44,5% of the räntespann, kapitalbindning 2,9 år, "
        "bolagsräntan 3,32%, kommunräntan 2,86% and the boxed 'Slutgiltiga borgensavgiften ... 0,46%'. All p3 "
        "narrative facts share one match key (same page, measure, period); the harness pairs them by value. "
        "Left out: '30 möjliga' (the scale), 'tillgångsvärde över 100 miljon SEK' (the selection of the "
        "comparison group, not a figure of the company), 'senaste 36 månaderna' / 'senaste tre åren' "
        "(periods), the numbered list items, section numbers (p5) and the disclaimer (p6).",
        "Checks: bolagsränta 3,32% - kommunränta 2,86% = borgensavgift 0,46% exactly; the chart's poäng "
        "5,9 + 5,1 + 5,7 = 16,7 poäng (text); 44,5% = 1 - poäng/30 holds for 16,65 poäng (1 - 16,7/30 = 44,3%), "
        "i.e. at the printed rounding of 16,7.",
    ],
}
write_meta(DOC, meta)
