"""Gold: Alingsås, Vård och omsorg, Ekonomisk handlingsplan 2026 for Korttidstillsyn (KTS: Allén,
Karamellen), Korttidsverksamheten (KTV: Myran, Tuvebo) and Avlösning och ledsagning (4 pages, pool;
a bilaga to Vård- och omsorgsnämnden 2026-05-18).

Retyped from the rendered pages; labels copied from the text layer (pypdfium2, pdfplumber).
p1 is the cover, p2 the Sammanfattning with the one table (åtgärder and their ekonomisk effekt),
p3-p4 describe the three åtgärder in prose. Run:
    .venv/bin/python tests/gold/src/vard-och-omsorgsnamnden__2026-05-18__bilagor__handlingsplan-2026-korttidstillsyn-korttidsverksamheten-avlosning-och-ledsagning.py
"""

from __future__ import annotations

import sys
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from goldlib import Col, Gold, d, write_meta  # noqa: E402

DOC = ("vard-och-omsorgsnamnden__2026-05-18__bilagor__handlingsplan-2026-korttidstillsyn-"
       "korttidsverksamheten-avlosning-och-ledsagning.pdf")
AREA = "KTS och KTV"          # p1 'Gäller för: KTS och KTV': every figure is about these units, not the nämnd
g = Gold(DOC)
NARR = dict(method="narrative", column=None)

# --- p2: Sammanfattning, running text (narrative) ---------------------------------------------------
N_PROGNOS = ("printed 'Prognos på helår påvisar ett resultat på -1,1 tkr': a unit slip for -1,1 mnkr "
             "(-1 100 tkr): 1 100 kr is no year's result for four units, and -1 100 + 500 (the åtgärder's "
             "effect this year, 'minska underskottet med 500 tkr') = -600, the next figure; kept as -1 100 tkr")
prognos = g.fact(page=2, schema="ekonomi", label="Prognos helår, resultat (före åtgärder)", scenario="prognos",
                 year=2026, period_end="2026-12-31", value_raw="-1,1", scale="mnkr", unit="tkr", measure="resultat",
                 area=AREA, raw="-1,1", note=N_PROGNOS, **NARR)
N_600 = ("printed 'och utfallet på helår påvisar – 600 tkr' (en dash, space: -600). Read as the helår result "
         "after the åtgärder (-1 100 + 500 = -600): a full-year 2026 outcome cannot exist in a plan revised "
         "2026-04-09, so scenario prognos although the word is 'utfallet'")
after = g.fact(page=2, schema="ekonomi", label="Resultat helår (efter åtgärder)", scenario="prognos", year=2026,
               period_end="2026-12-31", value_raw="– 600", unit="tkr", measure="resultat", area=AREA,
               raw="– 600", note=N_600, **NARR)

# --- p2: Namn på åtgärd | Startdatum | Ekonomisk effekt (innevarande år) | Ekonomisk effekt (helår) ---
# Startdatum (260401, 261001) is a date: not a fact. Effect columns: an estimated saving, scenario null
# and measure null (as the Bedömd effekt columns of the socialnämnden 2017 handlingsplaner); money in
# tkr as printed in the cells. 'helår' is the full-year (annualised) effect; no other year is printed,
# so both columns have the plan's year 2026.
cols = [
    Col("Ekonomisk effekt (innevarande år)", None, 2026, "2026-12-31"),
    Col("Ekonomisk effekt (helår)", None, 2026, "2026-12-31"),
]
N_NUM = "label keeps the printed list number '1.'/'2.'/'3.' (in the text layer; the p3-p4 headings number the åtgärder differently)"
rows = [
    ("1. Verksamhetsanpassa schemat och planera in nya insatser", ["150", "225"], {"area": AREA, "notes": {0: N_NUM}}),
    ("2. Minska timvikarietillsättning och öka samplanering", ["150", "225"], {"area": AREA}),
    ("3. Samlokalisering, minska ÅA", ["200", "900"], {"area": AREA}),
]
grid = g.table(page=2, schema="ekonomi", cols=cols, rows=rows)
for f in g.facts:
    if f["method"] == "table":
        f["raw_value"] = f"{f['raw_value']} tkr"        # the cells print the unit: '150 tkr'
effect_now = [grid[r[0]]["Ekonomisk effekt (innevarande år)"] for r in rows]
# 'Med åtgärderna i handlingsplanen kan vi minska underskottet med 500 tkr' (no canonical measure for a
# narrative saving: not listed, but it checks the table) and the -1 100 -> -600 reading above.
g.check_sum("p2 innevarande år effects = 'minska underskottet med 500 tkr'", effect_now, d("500"))
g.check("p2 prognos -1 100 + 500 = -600", Decimal(str(after["value"])),
        Decimal(str(prognos["value"])) + sum(effect_now, Decimal(0)))

# --- p3: Korttidsfrånvaro (narrative) --------------------------------------------------------------------
g.fact(page=3, schema="personal", label="Korttidsfrånvaro ack tom mars", scenario="utfall", year=2026,
       period_end="2026-03-31", kon="T", value_raw="6,75%", unit="procent", measure="sjukfranvaro_kort",
       area=AREA, raw="6,75%", note="printed 'Korttidsfrånvaron ack tom mars månad är något högre än tidigare 6,75%'",
       **NARR)

g.write()

meta = {
    "document": DOC,
    "source": f"pool/{DOC}",
    "format": "pdf",
    "pages": 4,
    "expected": {
        "kommun_kod": "1489",
        "kommun": "Alingsås",
        "namnd": "Vård- och omsorgsnämnden",
        "ar": 2026,
    },
    "covered_pages": "all",
    "image_pages": [],
    "chart_pages": [],
    "notes": [
        "An 'Ekonomisk handlingsplan' (p1 'Typ av styrdokument') for KTS (korttidstillsyn Allén, Karamellen) and "
        "KTV (korttidsverksamheten Myran, Tuvebo) with avlösning och ledsagning; 'Beslutande instans: VOO "
        "Personlig assistans och stöd'; it came as a bilaga to Vård- och omsorgsnämnden 2026-05-18. expected: "
        "kommun Alingsås 1489 (alingsas.se, the Alingsås kommun logo), namnd Vård- och omsorgsnämnden (VOO), "
        "ar 2026 ('Handlingsplan 2026'); dokumenttyp left out (a handlingsplan is none of the classes), "
        "period_typ and period_slut left out (a plan, 'Giltighetstid: 2026 ht – 2027 vt', not a report of a "
        "period; its figures run to mars 2026).",
        "area 'KTS och KTV' on every fact (p1 'Gäller för: KTS och KTV'): the figures are these units', not the "
        "whole nämnd's.",
        "p2 table: Startdatum (260401, 261001) is a date, not a fact. 'Ekonomisk effekt (innevarande år)' and "
        "'(helår)': the estimated saving of each åtgärd, scenario null and measure null (the convention of the "
        "socialnämnden 2017 'Bedömd effekt' handlingsplaner), year 2026 / 2026-12-31 for both (helår is the "
        "annualised effect; no other year printed), so the two columns share a key and are told apart by "
        "column. Labels keep the printed list numbers '1.', '2.', '3.'. No status is printed for the åtgärder.",
        "Sums: the innevarande år effects 150 + 150 + 200 = 500 = 'kan vi minska underskottet med 500 tkr'. "
        "Does not add up as printed: 'Prognos på helår påvisar ett resultat på -1,1 tkr' is a unit slip for "
        "-1,1 mnkr (kept as -1 100 tkr, noted): -1 100 + 500 = -600 = 'utfallet på helår påvisar – 600 tkr', "
        "which is therefore read as the helår result after the åtgärder (scenario prognos, noted).",
        "Left out: 'Övertid under 2026 januari-mars är 22tkr' and 'minska underskottet med 500 tkr' (no "
        "canonical measure for a narrative overtime cost or saving; the 500 checks the table), 'ca 90 timmar "
        "per månad' / 'De andra 90 timmarna' (approximate hours of ledsagning/avlösning), 'ca 0,5 ÅA/helår' "
        "(approximate), 'minska med två ÅA' (a number in words), ages 6 till 23 år, opening hours, dates, "
        "the table of contents, and the name of the dokumentansvarig.",
    ],
}
write_meta(DOC, meta)
