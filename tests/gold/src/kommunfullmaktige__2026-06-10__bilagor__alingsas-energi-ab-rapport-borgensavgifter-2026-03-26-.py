"""Gold: Rapport borgensavgifter 2026-03-26, Alingsås Energi AB (Söderberg & Partners; 6 pages, pool;
a bilaga to Alingsås kommunfullmäktige 2026-06-10).

The same report template as the AB Alingsås Rådhus gold (same date, same pages), so the same
conventions: every figure is a key figure of the company, schema verksamhet / measure
verksamhetsmatt, scenario utfall at the report date. Retyped from the rendered pages; labels
copied from the text layer. Charts (p2 poäng bars, p3 räntekurvor, p4 avgift över tid) are not
facts. Run:
    .venv/bin/python tests/gold/src/kommunfullmaktige__2026-06-10__bilagor__alingsas-energi-ab-rapport-borgensavgifter-2026-03-26-.py
"""

from __future__ import annotations

import sys
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from goldlib import Gold, d, write_meta  # noqa: E402

DOC = "kommunfullmaktige__2026-06-10__bilagor__alingsas-energi-ab-rapport-borgensavgifter-2026-03-26-.pdf"
g = Gold(DOC)
VM = "verksamhetsmatt"
# Every figure is the company's as of the report date (no other period printed).
AT = dict(schema="verksamhet", scenario="utfall", year=2026, period_end="2026-03-26", measure=VM)
NARR = dict(method="narrative", column=None)

# --- p2: Resultat -------------------------------------------------------------------------------------
g.fact(page=2, label="Borgensavgift, beräknad", value_raw="0,39%", unit="procent", **AT, **NARR,
       note="printed 'Borgensavgiften har beräknats till 0,39%.'")
# Finansiell status: three key-figure call-outs beside the bar chart (value above its label, no header).
# The bars (poäng 7,0 / 6,1 / 9,0) and the axis (0,0 ... 10,0) are the chart: not facts.
for label, cell, unit in [("RR/Balansomslutning", "4,0%", "procent"),
                          ("Räntetäckningsgrad", "6,3 ggr", "ggr"),
                          ("Soliditet", "54,8%", "procent")]:
    g.fact(page=2, label=label, column=None, value_raw=cell.replace(" ggr", ""), raw=cell, unit=unit, **AT,
           note="key-figure call-out beside the 'Finansiell status – Alingsås Energi AB' chart; the report "
                "does not say which accounts it comes from")

# --- p3: Räntekurvor (running text and the boxed conclusion) ---------------------------------------------
poang = g.fact(page=3, label="Poäng, finansiell status", value_raw="22,1", unit="poang", **AT, **NARR,
               note="printed 'Alingsås Energi AB har erhållit 22,1 poäng av 30 möjliga' (30 = the scale, not a "
                    "fact)")
spann = g.fact(page=3, label="Andel av räntespannet som adderas på AA-kurvan", value_raw="26,3%",
               unit="procent", **AT, **NARR,
               note="printed 'Det innebär att 26,3% av räntespannet adderas på AA-kurvan'")
g.fact(page=3, label="Kapitalbindning", value_raw="2,9", unit="ar", **AT, **NARR,
       note="printed 'bolagets aktuella kapitalbindning, som uppgår till 2,9 år'")
bolag = g.fact(page=3, label="Bolagsränta", value_raw="3,22%", unit="procent", **AT, **NARR,
               note="printed 'Differensen mellan bolagsräntan (3,22%) och kommunräntan (2,86%)'; average "
                    "borrowing cost of the last 36 months at the company's kapitalbindning")
kommun = g.fact(page=3, label="Kommunränta", value_raw="2,86%", unit="procent", **AT, **NARR,
                note="printed 'Differensen mellan bolagsräntan (3,22%) och kommunräntan (2,86%)'")
faktor = g.fact(page=3, label="Faktor för bolagets storlek (omsättning)", value_raw="1,1", unit="faktor", **AT,
                **NARR, note="printed 'avgiften multipliceras med faktorn 1,1' (the size adjustment; the "
                             "Rådhus report of the same date prints no factor)")
avgift = g.fact(page=3, label="Slutgiltig borgensavgift", value_raw="0,39%", unit="procent", **AT, **NARR,
                note="printed (boxed) 'Slutgiltiga borgensavgiften för Alingsås Energi AB är beräknad till "
                     "0,39%.'")

# --- checks ---------------------------------------------------------------------------------------------
D = lambda f: Decimal(str(f["value"]))  # noqa: E731
g.check("p2 chart poäng 7,0 + 6,1 + 9,0 = 22,1 poäng (p3)", d("7,0") + d("6,1") + d("9,0"), D(poang))
# 26,3% of the spann added = 1 - poäng/30: 1 - 22,1/30 = 26,33%.
g.check("p3 share of the spann = 100 x (1 - poäng/30)", (1 - D(poang) / 30) * 100, D(spann), tol="0.05")
# (bolagsränta - kommunränta) x faktor = (3,22 - 2,86) x 1,1 = 0,396, which rounds to 0,40, not the printed
# 0,39. With the two rates known only to 0,005 the product lies in [0,385; 0,407], so 0,39 is consistent with
# the printed figures, but not with their face values (and p5 adds a three-year average of the påslag).
nominal = (D(bolag) - D(kommun)) * D(faktor)
g.check("p3 (bolagsränta - kommunränta) x faktor = borgensavgift (face values)", nominal, D(avgift),
        tol="0.005", known=True)
low = (D(bolag) - Decimal("0.005") - (D(kommun) + Decimal("0.005"))) * D(faktor)
high = (D(bolag) + Decimal("0.005") - (D(kommun) - Decimal("0.005"))) * D(faktor)
g.check("p3 borgensavgift within the rounding interval of (bolagsränta - kommunränta) x faktor",
        Decimal(0), Decimal(0) if low <= D(avgift) <= high else Decimal(1))

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
        "A report by Söderberg & Partners, dated 2026-03-26, on the borgensavgift of Alingsås Energi AB (the "
        "kommun's bolag); it came with Alingsås kommunfullmäktige's handlingar 2026-06-10. Same template and "
        "date as the AB Alingsås Rådhus report, and the same metadata choices: kommun_kod 1489 / kommun Alingsås "
        "(the document itself writes only 'Alingsås Energi AB' and 'kommunen'), ar 2026 (the report date); "
        "namnd left out (a bolag, not a nämnd, owns the figures), dokumenttyp left out (brief), "
        "period_typ/period_slut left out (not a report of a period).",
        "Schema: as in the Rådhus gold, every figure is a key figure of the company (borgensavgift, the three "
        "nyckeltal of its financial status, poäng, interest rates, kapitalbindning, the size factor), so "
        "schema verksamhet, measure verksamhetsmatt (facts.md: a key figure / Nyckeltal row is verksamhet; a "
        "narrative fact needs a measure and ekonomi's measures are posts in tkr).",
        "Period: no period is printed for any figure; all are scenario utfall, year 2026, period_end 2026-03-26 "
        "(the report date). The report does not say which accounts the p2 nyckeltal come from.",
        "Units: percent as percent ('0,39%' -> 0.39, procent); 'ggr' (gånger) for Räntetäckningsgrad 6,3 ggr; "
        "'poang' for 22,1 poäng; 'ar' (år) for the kapitalbindning 2,9 år; 'faktor' for the size factor 1,1.",
        "p2 'Finansiell status' call-outs (4,0% RR/Balansomslutning, 6,3 ggr Räntetäckningsgrad, 54,8% "
        "Soliditet) are kept as table facts with column null (label-value pairs printed beside the chart, "
        "not running text), as in the Rådhus gold. The bars' poäng (7,0 / 6,1 / 9,0) and the axis ticks are "
        "chart numbers: not facts. p3 chart labels 2,86% and 3,22% (and the axis) are chart numbers; the same "
        "values in the running text below the chart are narrative facts. p4 'Avgift över tid' is a chart only "
        "(no data labels).",
        "Narrative: p2 borgensavgift 0,39%; p3 22,1 poäng, 26,3% of the räntespann, kapitalbindning 2,9 år, "
        "bolagsräntan 3,22%, kommunräntan 2,86%, the size factor 1,1 ('multipliceras med faktorn 1,1'; a "
        "judgement call: kept because it changes the fee, unlike the Rådhus report, which prints no factor) and "
        "the boxed 'Slutgiltiga borgensavgiften ... 0,39%'. All p3 narrative facts share one match key (same "
        "page, measure, period); the harness pairs them by value. Left out: '30 möjliga' (the scale), "
        "'tillgångsvärde över 100 miljon SEK' (the selection of the comparison group), 'senaste 36 månaderna' / "
        "'senaste tre åren' (periods), the numbered list items, section numbers (p5) and the disclaimer (p6).",
        "Checks: the chart's poäng 7,0 + 6,1 + 9,0 = 22,1 poäng (text); 26,3% = 1 - 22,1/30 (26,33%).",
        "Does not add up at face value: (bolagsränta 3,22% - kommunränta 2,86%) x faktor 1,1 = 0,396%, which "
        "rounds to 0,40%, not the printed 0,39%. With the two rates known only to the printed 0,01 the product "
        "lies between 0,385% and 0,407%, so 0,39% is consistent with the rounding (and p5 says the påslag is "
        "averaged over the last three years); values as printed.",
    ],
}
write_meta(DOC, meta)
