"""Gold: SAMLA (Samverkan i Lerum och Alingsås), ekonomiska anslag för år 2027 (3 pages, pool;
a bilaga to Alingsås kommunstyrelsen 2026-06-15).

Retyped from the rendered pages; labels copied from the text layer (pypdfium2, pdfplumber).
The amounts carry their unit inside the cell ('560 tkr', '1 mkr', '2,5 mkr', '505 551 kr'):
money is written out in tkr. Run:
    .venv/bin/python tests/gold/src/kommunstyrelsen__2026-06-15__bilagor__samla-ekonomiska-anslag-for-ar-2027.py
"""

from __future__ import annotations

import re
import sys
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from goldlib import Gold, d, write_meta  # noqa: E402

DOC = "kommunstyrelsen__2026-06-15__bilagor__samla-ekonomiska-anslag-for-ar-2027.pdf"
g = Gold(DOC)
NARR = dict(method="narrative", column=None)
_CELL = re.compile(r"^(?P<num>[\d ,]+?)\s*(?P<unit>tkr|mkr|kr)$")
SCALE = {"tkr": None, "mkr": "mnkr", "kr": "kr"}   # goldlib scales: mkr x 1000, kr / 1000


def money_cell(cell: str) -> tuple[str, str | None]:
    """('1', 'mnkr') for '1 mkr': the number as printed and the goldlib scale of its unit word."""
    m = _CELL.match(cell.strip())
    if not m:
        raise ValueError(f"not an amount with a unit: {cell!r}")
    return m.group("num").strip(), SCALE[m.group("unit")]


def tkr(cell: str) -> Decimal:
    num, scale = money_cell(cell)
    return d(num) * {None: Decimal(1), "mnkr": Decimal(1000), "kr": Decimal("0.001")}[scale]


# --- p1: the proposal (narrative) --------------------------------------------------------------------
N_ANSLAG = ("printed 'ett ekonomiskt anslag om 2 038 193 kronor för verksamhetsåret 2027' (kronor of a total: "
            "2 038,193 tkr); measure kommunbidrag: the anslag is SAMLA's budget frame from its huvudmän")
g.fact(page=1, schema="ekonomi", label="Ekonomiskt anslag för verksamhetsåret 2027", scenario="budget", year=2027,
       period_end="2027-12-31", value_raw="2 038 193", scale="kr", unit="tkr", measure="kommunbidrag", **NARR,
       raw="2 038 193", note=N_ANSLAG + "; printed twice on p1 (Förslag till beslut, Ärendebeskrivning), listed once")

# --- p2: Finansieringsfördelning mellan parter (kr) ---------------------------------------------------
N_1019 = "printed '1019 096 kr' (no thousands space after the first digit): 1 019 096 kr = 1 019,096 tkr"
parts = []
for label, cell, note in [
    ("Västra Götalandsregionen", "1019 096 kr", N_1019),
    ("Alingsås kommun", "505 551 kr", None),
    ("Lerums kommun", "513 546 kr", None),
]:
    num, scale = money_cell(cell)
    f = g.fact(page=2, schema="ekonomi", label=label, column="Anslag 2027", scenario="budget", year=2027,
               period_end="2027-12-31", value_raw=num.replace(" ", "") if label.startswith("Västra") else num,
               scale=scale, unit="tkr", measure="kommunbidrag", raw=cell, note=note)
    parts.append(Decimal(str(f["value"])))
g.fact(page=2, schema="ekonomi", label="Anslag för 2027 (Sammanfattning)", scenario="budget", year=2027,
       period_end="2027-12-31", value_raw="2 038 193", scale="kr", unit="tkr", measure="kommunbidrag", **NARR,
       raw="2 038 193", note="printed 'krävs ett anslag om 2 038 193 kronor för 2027'")
g.check_sum("p2 huvudmännens anslag = anslaget 2 038 193 kr", parts, d("2038,193"))

# --- p3: Kostnadsfördelning per funktion och år (2024–2027) ------------------------------------------
YEARS = ["2024", "2025", "2026", "2027"]
rows = [
    ("Processledare", ["560 tkr", "560 – 700 tkr", "1 mkr", "1 mkr"]),
    ("Delregionala samordnare", ["1 mkr", "1 mkr", "1 mkr", "1 mkr"]),
    ("Kommunikatör", ["60 tkr", "60 tkr", "60 tkr", "70 tkr"]),
    ("Socialmedicinsk mottagning tom 31 december 2027", ["3 mkr", "3 mkr", "3 mkr", "2,5 mkr"]),
    ("Projekt i samverkan- efter ansökan", ["------", "500 tkr", "500 tkr", "700 tkr"]),
    ("Löpande omkostnader", ["160 tkr", "200 tkr", "200 tkr", "200 tkr"]),
]
col_sum = dict.fromkeys(YEARS, Decimal(0))
for label, cells in rows:
    for year, cell in zip(YEARS, cells):
        if cell == "------" or "–" in cell:      # no amount (dashes) / a range: not facts
            continue
        num, scale = money_cell(cell)
        g.fact(page=3, schema="ekonomi", label=label, column=year, scenario="budget", year=int(year),
               period_end=f"{year}-12-31", value_raw=num, scale=scale, unit="tkr", measure=None, raw=cell)
        col_sum[year] += tkr(cell)
# The table has no total row. The meta notes quote its 2027 column sum (5 470 tkr, not the anslag of
# 2 038 193 kr); this keeps that figure honest.
g.check("p3 2027 column sum quoted in the notes", Decimal(5470), col_sum["2027"])

g.write()

meta = {
    "document": DOC,
    "source": f"pool/{DOC}",
    "format": "pdf",
    "pages": 3,
    "expected": {"ar": 2027},
    "covered_pages": "all",
    "image_pages": [],
    "chart_pages": [],
    "notes": [
        "A letter from SAMLA (Samverkan i Lerum och Alingsås, a samverkansorganisation of Västra "
        "Götalandsregionen, Alingsås and Lerum) to VGR's delregionala nämnd västra and the kommunstyrelser of "
        "Alingsås and Lerum, asking for its 2027 anslag; it came as a bilaga to Alingsås kommunstyrelsen "
        "2026-06-15. expected: ar 2027 ('SAMLA ekonomiska anslag för år 2027'); kommun_kod and kommun left out "
        "(not the kommun's own document: it is SAMLA's, addressed to three huvudmän), namnd left out (no nämnd "
        "owns it; signed for 'SAMLA Politiska samrådsgruppen'), dokumenttyp left out (brief), period_typ and "
        "period_slut left out (a request for a budget year, not a report of a period).",
        "Money in tkr: '1 mkr' -> 1000, '2,5 mkr' -> 2500, '560 tkr' -> 560, '505 551 kr' (kronor of a total) -> "
        "505.551; raw_value keeps the cell with its unit word. p2 '1019 096 kr' is printed without the first "
        "thousands space and read as 1 019 096 kr.",
        "p3 Kostnadsfördelning per funktion och år (2024–2027): scenario budget in every year column (the "
        "document distributes the anslag per kostnadspost; round amounts, no outcome word; the 2024-2025 "
        "columns are not marked as outcomes, so they are not utfall). Rows are kostnadsposter (p2 calls them "
        "'kostnadsposterna som anslaget ska täcka'), not areas: area null, measure null (no canonical post "
        "fits 'Processledare', 'Socialmedicinsk mottagning' ...). Labels joined over their line breaks "
        "('Delregionala samordnare', 'Socialmedicinsk mottagning tom 31 december 2027'); 'Projekt i samverkan- "
        "efter ansökan' keeps the printed hyphen (a dash before a new phrase, not a word split).",
        "Left out: p3 Processledare 2025 '560 – 700 tkr' (a range is not one number), Projekt i samverkan 2024 "
        "'------' (no amount), p2 'Kommunikatör (ca 10 % tjänst)' (approximate), p2 vårdprisindex '2,5 %' "
        "(the uppräkning rate, no canonical measure for a narrative fact), p2 'regionalt uppdrag på 50 %' (a "
        "share of a post), dates, phone numbers, names and e-mail addresses.",
        "p2 Finansieringsfördelning: the three huvudmän's 'Anslag 2027' (budget 2027, measure kommunbidrag: "
        "each party's share of SAMLA's frame; the row is the party, not an area, so area null) add up to the "
        "anslag 2 038 193 kr exactly (1 019 096 + 505 551 + 513 546). Narrative: the anslag 2 038 193 kr on p1 "
        "(printed twice there, listed once) and p2 (Sammanfattning), budget 2027, measure kommunbidrag.",
        "Does not add up: the p3 table has no total; its 2027 column sums to 5 470 tkr (2 970 tkr without "
        "Socialmedicinsk mottagning), not the anslag 2 038 193 kr of p1-p2. The document does not say which "
        "other money covers the rest (p2 mentions 'överskjutande medel från 2026' and 'länsgemensamma medel').",
    ],
}
write_meta(DOC, meta)
