"""Gold: Sweco, PM Uppdaterad jämförelsekalkyl: Årskostnad VA-lösning Bjärke (2025-10-30; 10 pages, pool;
a bilaga to Alingsås kommunstyrelsen 2026-06-01).

Retyped from the rendered pages (scale 2.2 crops of every table); labels copied from the pypdfium2
text layer. A consultant's cost comparison of three VA alternatives for the Bjärke area: every
amount is an estimate (section 2 'Uppskattade kostnader'), so scenario prognos throughout; no
amount is about a calendar year (one-off investments and costs per year at 2024 price level; the
years in the column headers name the routing/calculation source), so year and period_end are
null. Figur 1 (p4) and Figur 2 (p8) are charts. Run:
    .venv/bin/python tests/gold/src/kommunstyrelsen__2026-06-01__bilagor__pm-uppdaterad-jamforelsekalkyl-arskostnad-va-losning-bjarke-.py
"""

from __future__ import annotations

import sys
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from goldlib import Col, Gold, d, write_meta  # noqa: E402

DOC = "kommunstyrelsen__2026-06-01__bilagor__pm-uppdaterad-jamforelsekalkyl-arskostnad-va-losning-bjarke-.pdf"
g = Gold(DOC)
NARR = dict(method="narrative", column=None)
EST = dict(scenario="prognos", year=None, period_end=None)   # an estimate, not about a calendar year

ALT = ["Lokalt alternativ (Sweco 2022)", "Lokalt alternativ (Sweco 2025)", "Överföring Alingsås (SYSTRA 2024)"]
POSTS = ["Överföring", "Avloppsreningsverk", "Vattenverk", "Grundvattentäkt"]


def alt_cols(measure: str) -> list[Col]:
    """The three alternative columns of Tabell 1, 3 and 4 (amounts in mnkr -> tkr)."""
    return [Col(c, unit="tkr", scale="mnkr", measure=measure, **EST) for c in ALT]


def alt_table(page: int, measure: str, rows: list[tuple[str, str]], notes: dict[str, str] | None = None
              ) -> dict[str, dict[str, Decimal]]:
    """rows: (label as printed, the three cells as one string; '-' = no amount, not a fact)."""
    out = []
    for label, cells in rows:
        parts = [None if c == "-" else c for c in cells.split()]
        opts = {"notes": dict.fromkeys(range(3), notes[label])} if notes and label in notes else {}
        out.append((label, parts, opts))
    return g.table(page=page, schema="ekonomi", cols=alt_cols(measure), rows=out)


def col_sum(t: dict, total: str, col: str) -> tuple[Decimal, Decimal]:
    return sum((t[p].get(col, Decimal(0)) for p in POSTS), Decimal(0)), t[total][col]


# --- p2: Tabell 1 Beräknade investeringskostnader (mnkr), avrundade till närmaste tiotal --------------------
N_T1_SUM = ("the printed rows of this column sum to 540 mnkr, not 550: every figure is rounded to the nearest "
            "ten (caption), so the unrounded parts can sum to 550; value as printed")
t1 = alt_table(2, "investering", [
    ("Överföring", "350 270 620"),
    ("Avloppsreningsverk", "110 110 -"),
    ("Vattenverk", "60 60 -"),
    ("Grundvattentäkt", "20 20 -"),
    ("Summa (mnkr)", "550 460 620"),
])
[summa_2022] = [f for f in g.facts if f["label"] == "Summa (mnkr)" and f["column"] == ALT[0]]
summa_2022["note"] = N_T1_SUM
parts, total = col_sum(t1, "Summa (mnkr)", ALT[0])
g.check("p2 Tabell 1 Summa = sum of the posts [Sweco 2022], exact", parts, total, known=True)
g.check("p2 Tabell 1 Summa = sum of the posts [Sweco 2022], within the rounding to tens (4 x 5 mnkr)",
        parts, total, tol="20")
for c in ALT[1:]:
    g.check(f"p2 Tabell 1 Summa = sum of the posts [{c}]", *col_sum(t1, "Summa (mnkr)", c))

# --- p3: the earlier estimate of the vattenverk (narrative) ------------------------------------------------
g.fact(page=3, schema="ekonomi", label="Nytt grundvattenverk, förväntat värde (Sweco 2022)", value_raw="45",
       scale="mnkr", unit="tkr", measure="investering", **EST, **NARR, raw="45",
       note="printed 'Ursprunglig kalkyl för nytt grundvattenverk i Bjärke skattades av Sweco (2022) till ett "
            "förväntat värde på 45 Mkr, med ett spann mellan 35–60 mnkr' (the range is left out); restated on "
            "p3 as 'tidigare förväntat värde (45 mnkr)', listed once")

# --- p6: Tabell 2 Uppskattad fördelning av kostnader och avskrivningstid ----------------------------------
# Sections (bold: Avloppsreningsverk, Vattenverk, Grundvattentäkt, Överföringsledningar, Pump- och
# tryckstegring, Reservoar och utjämningsmagasin) are the anläggningar of Tabell 1: category. A group
# ('Mark och bygg' with '40%' printed under it in the first column, no header over it) is a share of the
# anläggning; its items ('Markarbeten 15%') are shares of the group. Andel in procent, Avskrivningstid in år.
ANDEL = Col("Andel", unit="procent", **EST)
AVSKR = Col("Avskrivningstid (år)", unit="ar", **EST)
GROUP = Col(None, unit="procent", **EST)
T2: dict[str, dict[str, tuple[Decimal, dict[str, Decimal]]]] = {}


def section(name: str, groups: list[tuple[str, str, list[tuple[str, str, str]]]]) -> None:
    """groups: (group label, group share, [(item label, Andel, Avskrivningstid)])."""
    T2[name] = {}
    for group, share, items in groups:
        g.table(page=6, schema="ekonomi", cols=[GROUP], rows=[(group, [share], {"category": name})])
        shares = {}
        for item, andel, avskr in items:
            g.table(page=6, schema="ekonomi", cols=[ANDEL, AVSKR], rows=[(item, [andel, avskr], {"category": name})])
            shares[item] = d(andel)
        T2[name][group] = (d(share), shares)


section("Avloppsreningsverk", [
    ("Mark och bygg", "40%", [("Markarbeten", "15%", "40"), ("Bassänger", "45%", "60"), ("Tak", "10%", "40"),
                              ("Byggnad fasad + invändigt ytskikt", "20%", "25"), ("Stomme", "10%", "80")]),
    ("VVS", "8%", [("Ventilation", "50%", "20"), ("VVS övrigt", "50%", "20")]),
    ("Maskin", "40%", [("Instrument", "20%", "10"), ("Maskiner", "40%", "20"), ("Smide och rör", "40%", "40")]),
    ("El", "12%", [("Elanläggning", "70%", "15"), ("Ställverk", "30%", "30")]),
])
section("Vattenverk", [
    ("Mark och bygg", "42%", [("Markarbeten", "15%", "40"), ("Bassänger", "45%", "60"), ("Tak", "10%", "40"),
                              ("Byggnad fasad + invändigt ytskikt", "20%", "25"), ("Stomme", "10%", "80")]),
    ("VVS", "10%", [("Ventilation", "30%", "20"), ("VVS värmesystem", "40%", "15"), ("VVS övrigt", "30%", "20")]),
    ("Maskin", "28%", [("Instrument", "10%", "10"), ("Maskiner", "45%", "20"), ("Smide och rör", "45%", "40")]),
    ("El", "20%", [("El Fastighet", "20%", "25"), ("El Process", "40%", "15"), ("Ställverk", "20%", "30"),
                   ("Reservkraftverk", "20%", "20")]),
])
# Rows of their own: 'Se Bilaga 2/1' in the item column, only an Avskrivningstid.
g.table(page=6, schema="ekonomi", cols=[AVSKR], rows=[("Grundvattentäkt", ["30"]), ("Överföringsledningar", ["80"])])
pump = g.table(page=6, schema="ekonomi", cols=[ANDEL, AVSKR], rows=[
    (item, [andel, avskr], {"category": "Pump- och tryckstegring"})
    for item, andel, avskr in [("Byggnad", "35%", "60"), ("El", "10%", "30"), ("Styrutrustning", "15%", "10"),
                               ("VVS", "20%", "25"), ("Maskiner & utrustning", "20%", "15")]
])
g.table(page=6, schema="ekonomi", cols=[AVSKR], rows=[("Reservoar och utjämningsmagasin", ["60"])])

for name, groups in T2.items():
    g.check_sum(f"p6 Tabell 2 {name}: group shares = 100%", [s for s, _ in groups.values()], Decimal(100))
    for group, (_, shares) in groups.items():
        g.check_sum(f"p6 Tabell 2 {name} / {group}: item shares = 100%", list(shares.values()), Decimal(100))
g.check_sum("p6 Tabell 2 Pump- och tryckstegring: shares = 100%", [r["Andel"] for r in pump.values()], Decimal(100))
# p3 text restates the group shares: '40% mark och bygg, 8% VVS, 40% Maskin och 12% El' (avloppsreningsverk),
# '42% mark och bygg, 10% VVS, 28% Maskin och 20% El' (vattenverk).
for name, text in [("Avloppsreningsverk", ["40", "8", "40", "12"]), ("Vattenverk", ["42", "10", "28", "20"])]:
    for (group, (share, _)), printed in zip(T2[name].items(), text):
        g.check(f"p3 text = p6 Tabell 2 {name} {group}", Decimal(printed), share)

# --- p7: Tabell 3 Beräknade kapitalkostnader (mnkr/år), avrundade till närmaste heltal ---------------------
t3 = alt_table(7, "kostnader", [
    ("Överföring", "10 8 19"),
    ("Avloppsreningsverk", "6 6 -"),
    ("Vattenverk", "3 3 -"),
    ("Grundvattentäkt", "1 1 -"),
    ("Summa (mnkr/år)", "20 18 19"),
])
for c in ALT:
    g.check(f"p7 Tabell 3 Summa = sum of the posts [{c}]", *col_sum(t3, "Summa (mnkr/år)", c))

# --- p7: Tabell 4 Uppskattade marginalkostnader för drift och underhåll (mnkr per år) -----------------------
N_LT = ("printed '<0,1' (less than 0,1 mnkr per year): value 0,1 mnkr = 100 tkr with comparator '<', an upper "
        "bound, not an amount")
t4 = alt_table(7, "kostnader", [
    ("Överföring", "- - <0,1"),
    ("Avloppsreningsverk", "2,1 2,1 -"),
    ("Vattenverk", "- - -"),
    ("Grundvattentäkt", "- - -"),
    ("Summa (mnkr/år)", "2,1 2,1 <0,1"),
])
for f in g.facts:
    if f["page"] == 7 and f["raw_value"] == "<0,1":
        f["note"] = N_LT
for c in ALT[:2]:
    g.check(f"p7 Tabell 4 Summa = sum of the posts [{c}]", *col_sum(t4, "Summa (mnkr/år)", c))

# --- p8: the marginal running costs of a new reningsverk in Sollebrunn -------------------------------------
g.fact(page=8, schema="ekonomi", label="Marginalkostnad för drift, nytt reningsverk i Sollebrunn",
       value_raw="2,1", scale="mnkr", unit="tkr", measure="kostnader", **EST, **NARR, raw="2,1",
       note="printed 'Driftkostnaden vid ett nytt reningsverk i Sollebrunn beräknas medföra en marginalkostnad på "
            "2,1 mnkr per år jämfört mot behandling i Nolhaga' (= Tabell 4, Avloppsreningsverk)")
# The bullet list below that sentence: label and amount per line (kronor per year of a total -> tkr).
N_BUL = "a bullet of the list 'utifrån skattade marginalkostnader nedan' (label, amount in kr/år): kr -> tkr"
bullets = []
for label, cell in [("Elförbrukning", "175 000 kr/år"), ("Kemikalieförbrukning (40 ton/år)", "130 000 kr/år"),
                    ("Slamtransport (61 bil + släp)", "366 000 kr/år"), ("Besiktningar", "100 000 kr/år"),
                    ("Underhåll", "500 000 kr/år"), ("Personal (0,75 heltidstjänst)", "800 000 kr/år.")]:
    f = g.fact(page=8, schema="ekonomi", label=label, column=None, value_raw=cell.split(" kr")[0], scale="kr",
               unit="tkr", measure="kostnader", raw=cell.rstrip("."), note=N_BUL, **EST)
    bullets.append(Decimal(str(f["value"])))
g.check("p8 the bullets (2 071 tkr) = marginalkostnad 2,1 mnkr at its printed precision",
        sum(bullets, Decimal(0)), d("2100"), tol="50")

g.write()

meta = {
    "document": DOC,
    "source": f"pool/{DOC}",
    "format": "pdf",
    "pages": 10,
    "expected": {"kommun_kod": "1489", "kommun": "Alingsås", "ar": 2025},
    "covered_pages": "all",
    "image_pages": [],
    "chart_pages": [4, 8],
    "notes": [
        "A PM by Sweco (dated 2025-10-30, document reference 'PM Uppdaterad jämförelsekalkyl 25-11-16'; 'Kund: "
        "Alingsås kommun') comparing the yearly cost of a local VA solution for Bjärke with a transfer line to "
        "Alingsås; it came as a bilaga to Alingsås kommunstyrelsen 2026-06-01. expected: kommun_kod 1489 / "
        "kommun Alingsås (the kommun's commissioned decision basis about its own VA), ar 2025 (the PM's date, "
        "as the borgensavgift golds take ar from the report date); namnd left out (no nämnd is named; the "
        "customer is 'Alingsås kommun'), dokumenttyp left out (brief), period_typ/period_slut left out (not a "
        "report of a period).",
        "Scenario prognos for every amount: the PM's figures are estimates of costs of alternatives that are not "
        "decided ('Beräknade investeringskostnader', 'Uppskattade marginalkostnader', section 2 'Uppskattade "
        "kostnader'); they are neither a budget (nothing is allocated or decided) nor an outcome. A judgement "
        "call: the brief's 'budget for money' is for planning tables of future years, which this PM has not.",
        "year and period_end null for every fact: no amount is about a calendar year (one-off investments, and "
        "costs per year of an alternative, at 2024 price level). The years in the column headers 'Lokalt "
        "alternativ (Sweco 2022)', 'Lokalt alternativ (Sweco 2025)', 'Överföring Alingsås (SYSTRA 2024)' name "
        "the source of the routing/calculation (caption of Tabell 1: 'föreslagen ledningssträckning av Sweco "
        "(2022) samt för förprojekterad sträckning av Systra (2024)'), not the year of the value. The three "
        "alternatives therefore share a match key per row; column and value tell them apart.",
        "Money in tkr: Tabell 1, 3 and 4 are in mnkr (captions: '(mnkr)', '(mnkr/år)', '(mnkr per år)') -> x 1000; "
        "the p8 bullets '175 000 kr/år' are kronor of a total -> 175 tkr. Measures: Tabell 1 investering "
        "(every row, Summa included: an investment table); Tabell 3 (kapitalkostnader per year), Tabell 4 "
        "(marginal running costs per year) and the p8 bullets kostnader (the nearest facts.md post: costs "
        "per year; the label and table say which cost). Rows are kostnadsposter (header 'Kostnadspost'), not "
        "areas: area null. '-' cells are not facts (not applicable).",
        "Tabell 4 '<0,1' (Överföring Alingsås and its Summa): kept as value 100 tkr with comparator '<' and a "
        "note (an upper bound printed as one number with a comparator, not a range); a judgement call.",
        "Tabell 2 (p6, cost shares and depreciation periods): schema ekonomi, measure null (no canonical key for "
        "a share of an investment or an avskrivningstid), scenario prognos ('uppskattad fördelning'); Andel in "
        "procent, Avskrivningstid (år) in unit 'ar'. The bold section (the anläggning: Avloppsreningsverk, "
        "Vattenverk, Pump- och tryckstegring) is category on its rows, since Markarbeten, Bassänger ... repeat in "
        "two sections; a group's share ('Mark och bygg' with '40%' printed under it, no column header) has label "
        "= the group, column null; an item's Andel is its share of the group. Grundvattentäkt (30), "
        "Överföringsledningar (80) and Reservoar och utjämningsmagasin (60) are rows of their own with only an "
        "Avskrivningstid ('Se Bilaga 1/2' in the item column): category null. 'VVS' and 'El' are printed both as "
        "groups (ARV, VV) and as Pump- och tryckstegring items; category and column tell them apart.",
        "p8 bullet list (Elförbrukning 175 000 kr/år ... Personal (0,75 heltidstjänst) 800 000 kr/år) kept as "
        "table facts with column null (label-value pairs, like the call-outs of the borgensavgift golds); the "
        "numbers inside the labels (40 ton/år, 61 bil + släp, 0,75 heltidstjänst) are part of the label.",
        "Narrative: p3 the earlier expected value of a new grundvattenverk, 45 Mkr (Sweco 2022; investering), "
        "p8 the marginal running cost of a new reningsverk, 2,1 mnkr per år (kostnader). Left out as estimates "
        "(ca/cirka/omkring) or ranges: p2 'ca 270 mnkr till 620 mnkr', '50–90 mnkr', 'ca 100 mnkr', footnote "
        "'ca 25%'; p3 'cirka två miljoner', 'omkring fem miljoner', 'ca 110 mnkr', 'ca. 6,4 l/s', '35–60 mnkr', "
        "'ca 60 mnkr' (twice); p5 'mellan 14 och 26 Mkr', 'ca 20 mnkr', 'tre till nio år'; p8 'ca 1,2 mnkr/år', "
        "'ca 4%', 'ca 3–4 mnkr/år', 'ca 1–3 mnkr/år'; p9 the same '3–4' / '1–3 mnkr/år' and 'ca 4%'. Left out as "
        "parameters of the calculation, not figures of the kommun (no canonical measure): the risktillägg 30% and "
        "BKI 27% / 12% (p2-p3 footnotes and text), the kalkylränta 2 % and the energy price 1 kr per kWh (p7), "
        "the Svenskt Vatten production costs 5,19 / 3,19 kr/m3 and the KPI-indexed 5,81 kr/m3 (p7-p8), the "
        "dimensioning 3750 PE and 550 m3/d (p2-p3), 1 km / 500 m / 1-2 hektar (p5); the p3 text's cost shares "
        "(they restate Tabell 2); dates, uppdragsnummer, organisationsnummer, phone numbers and names.",
        "Charts: p4 Figur 1 (investment cost of six grundvattenverk, stacked bars, axis only) and p8 Figur 2 "
        "(årskostnad per alternative, stacked bars, axis only): not facts.",
        "Checks: Tabell 1 Summa = sum of the posts in the Sweco 2025 (460) and SYSTRA (620) columns; in the "
        "Sweco 2022 column the posts sum to 540, printed 550 (every figure is rounded to the nearest ten, so "
        "this is within the rounding; noted on the line). Tabell 3 Summa = sum exactly (20, 18, 19). Tabell 4 "
        "Summa = 2,1 (only Avloppsreningsverk). Tabell 2: every section's group shares and every group's item "
        "shares sum to 100%, and the p3 text's group shares equal the table. The p8 bullets sum to 2 071 tkr = "
        "the 2,1 mnkr per år of the text and Tabell 4 at its printed precision.",
    ],
}
write_meta(DOC, meta)
