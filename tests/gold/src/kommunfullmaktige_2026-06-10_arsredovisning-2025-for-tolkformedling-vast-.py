"""Gold: Tolkförmedling Väst (kommunalförbund), årsredovisning 2025 (35 pages), from Alingsås KF 2026-06-10.

Retyped from the rendered pages; labels copied from the text layer. Run:
    .venv/bin/python tests/gold/src/kommunfullmaktige_2026-06-10_arsredovisning-2025-for-tolkformedling-vast-.py
"""

from __future__ import annotations

import sys
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from goldlib import Col, Gold, d, write_meta  # noqa: E402

DOC = "kommunfullmaktige_2026-06-10_arsredovisning-2025-for-tolkformedling-vast-.pdf"
g = Gold(DOC)
Y = {y: f"{y}-12-31" for y in range(2021, 2028)}
NARR = dict(method="narrative", column=None)


def years(*ys: int, scenario: str = "utfall", unit: str = "tkr", measure: str | None = None) -> list[Col]:
    return [Col(str(y), scenario, y, Y[y], unit, measure=measure) for y in ys]


def col_sums(t: dict, parts: list[str], total: str, cols: list[str], page: int, tol: str = "0", known=()) -> None:
    for c in cols:
        g.check_sum(f"p{page} {total} [{c}]", [t[p].get(c, Decimal(0)) for p in parts], t[total][c], tol,
                    known=c in known)


def transposed(page: int, schema: str, indicators: list[tuple[str, str, str | None]], rows: list[tuple[int, list]],
               kon=None) -> dict:
    """A table whose rows are years and whose columns are indicators: the indicator (column
    header) is the label, the row's year is the column (README: Tables whose rows are periods)."""
    grid: dict[str, dict[int, Decimal]] = {ind: {} for ind, _u, _m in indicators}
    for year, cells in rows:
        assert len(cells) == len(indicators), (page, year)
        for (ind, unit, measure), cell in zip(indicators, cells):
            if cell is None:
                continue
            g.fact(page=page, schema=schema, label=ind, column=str(year), scenario="utfall", year=year,
                   period_end=Y[year], value_raw=cell, unit=unit, measure=measure, kon=kon)
            grid[ind][year] = d(cell)
    return grid


# --- p5: Tabell 1 Översikt över verksamhetens utveckling 2021–2025 (tkr) -------------------------
N5K = ("sign error in the document: 2025 kostnader printed positive (231 543) while the other years are "
       "negative; intäkter 231 858 - 231 543 = 315 = Årets resultat. Kept as printed")
t5 = g.table(page=5, schema="ekonomi", cols=years(2025, 2024, 2023, 2022, 2021), rows=[
    ("Verksamhetens intäkter", ["231 858", "220 452", "221 686", "223 851", "206 925"], {"measure": "intakter"}),
    ("Verksamhetens kostnader", ["231 543", "-224 402", "-221 901", "-213 340", "-198 269"],
     {"measure": "kostnader", "notes": {0: N5K}}),
    ("Årets resultat", ["315", "-3 950", "-215", "4 177", "5 442"], {"measure": "resultat"}),
    ("Soliditet (%)", ["36%", "47%", "49%", "50%", "56%"], {"unit": "procent"}),
    ("Likviditet (%)", ["147%", "171%", "176%", "190%", "201%"], {"unit": "procent"}),
    ("Nettoinvesteringar", ["0", "0", "7 035", "1 254", "0"], {"measure": "investering"}),
    ("Långfristig skuld", ["0", "0", "0", "0", "0"]),
])
g.check("p5 2025 intäkter - |kostnader| = resultat", t5["Verksamhetens intäkter"]["2025"]
        - t5["Verksamhetens kostnader"]["2025"], t5["Årets resultat"]["2025"])
for y in ("2024", "2023"):
    g.check(f"p5 {y} intäkter + kostnader = resultat", t5["Verksamhetens intäkter"][y]
            + t5["Verksamhetens kostnader"][y], t5["Årets resultat"][y])
# 2022 and 2021: Årets resultat is not intäkter + kostnader (avskrivningar/finansnetto outside the two rows).
g.fact(page=5, schema="ekonomi", label="Förbundet redovisar ett resultat för 2025", scenario="utfall", year=2025,
       period_end=Y[2025], value_raw="315", unit="tkr", measure="resultat", **NARR, note="printed '315 tkr'")

# --- p9: Tabell 2 Uppdrag och tillsättningsgrad (rows are years) -------------------------------
VM = "verksamhetsmatt"
t9 = transposed(9, "verksamhet", [
    ("Antal utförda uppdrag", "antal", VM),
    ("Procentuell tillsättning, tolkuppdrag", "procent", VM),
    ("Antal utförda tolkuppdrag", "antal", VM),
    ("Antal utförda översättningsuppdrag", "antal", VM),
], [
    (2025, ["312 510", "99,5%", "311 710", "800"]),
    (2024, ["313 533", "99,4%", "312 599", "934"]),
    (2023, ["329 156", "99,1%", "328 053", "1 103"]),
    (2022, ["349 349", "99,2%", "347 789", "1 560"]),
    (2021, ["341 088", "99,1%", "339 366", "1 722"]),
])
for y in range(2021, 2026):
    g.check_sum(f"p9 {y} uppdrag = tolk + översättning", [t9["Antal utförda tolkuppdrag"][y],
                t9["Antal utförda översättningsuppdrag"][y]], t9["Antal utförda uppdrag"][y])
g.fact(page=9, schema="verksamhet", label="Tillsättningsgraden", scenario="utfall", year=2025, period_end=Y[2025],
       value_raw="99,5 %", unit="procent", measure=VM, **NARR)

# --- p10: Tabell 3 Statistik över förbundets aktiva uppdragstagare -----------------------------
t10 = g.table(page=10, schema="verksamhet", cols=years(2025, 2024, 2023, 2022, 2021, unit="antal", measure=VM), rows=[
    ("Antal tolkar", ["1382", "1362", "1295", "1160", "1078"]),
    ("Antal översättare", ["155", "146", "137", "116", "109"]),
    ("- varav både tolk och översättare", ["65", "58", "44", "37", "33"]),
    ("Uppdragstagarnas samtliga auktorisationer", ["454", "411", "377", "289", "273"]),
    ("- Varav sjukvårdsauktorisationer", ["114", "96", "89", "76", "69"]),
])
g.fact(page=10, schema="verksamhet", label="Aktiva uppdragstagare den 31 december 2025", scenario="utfall",
       year=2025, period_end=Y[2025], value_raw="1 472", unit="antal", measure=VM, **NARR)
g.check("p10 1 382 tolkar + 155 översättare - 65 båda = 1 472 uppdragstagare",
        t10["Antal tolkar"]["2025"] + t10["Antal översättare"]["2025"] - t10["- varav både tolk och översättare"]["2025"],
        d("1 472"))

# --- p11: Tabell 4 the twelve most requested languages, per 31 december 2025 --------------------
cols11 = [Col(c, "utfall", 2025, Y[2025], "antal", measure=VM)
          for c in ("Antal uppdrag", "Antal tolkar", "Auktoriserad tolk", "Auktoriserad sjukvårdstolk")]
g.table(page=11, schema="verksamhet", cols=cols11, rows=[
    ("Arabiska", ["89 945", "227", "54", "13"]),
    ("Somaliska", ["38 337", "129", "14", "0"]),
    ("Persiska", ["21 140", "103", "11", "2"]),
    ("Bosniska/kroatiska/serbiska", ["13 759", "59", "30", "15"]),
    ("Ukrainska", ["13 693", "87", "10", "4"]),
    ("Dari", ["13 301", "77", "3", "0"]),
    ("Tigrinska", ["11 715", "57", "4", "0"]),
    ("Turkiska", ["9 535", "45", "10", "4"]),
    ("Albanska", ["8 858", "39", "12", "1"]),
    ("Ryska", ["8 443", "90", "45", "28"]),
    ("Sorani", ["8 371", "45", "11", "3"]),
    ("Polska", ["7 191", "49", "22", "9"]),
])

# --- p12: Tabell 5 rekryterade tolkar/översättare; Tabell 6 Test- och utbildningsstatistik ------
transposed(12, "verksamhet", [
    ("Tolkar", "antal", VM), ("Sjukvårdsauktoriserade tolkar", "antal", VM), ("Auktoriserade tolkar", "antal", VM),
    ("Utbildade tolkar", "antal", VM), ("Översättare", "antal", VM), ("Auktoriserade translatorer", "antal", VM),
], [
    (2025, ["176", "7", "27", "116", "9", "4"]),
    (2024, ["178", "3", "22", "91", "15", "4"]),
    (2023, ["164", "3", "18", "72", "17", "6"]),
    (2022, ["161", "3", "9", "64", "10", "3"]),
    (2021, ["76", "9", "16", "32", "13", "8"]),
])
transposed(12, "verksamhet", [
    ("Antal personer som genomfört rekryteringstest", "antal", VM),
    ("Andel godkända resultat, rekryteringstest", "procent", VM),
    ("Antal utfärdade kursintyg", "antal", VM),
    ("Antal personer som genomgått SRHR-utbildning", "antal", VM),
], [
    (2025, ["46", "67%", "336", "25"]),
    (2024, ["86", "60%", "231", "35"]),
    (2023, ["73", "48%", "127", "73"]),
    (2022, ["97", "70%", "224", "65"]),
    (2021, ["36", "47%", "268", "10"]),
])
for f in g.facts:
    if f["page"] == 12 and f["label"] == "Antal personer som genomgått SRHR-utbildning" and f["year"] == 2025:
        f["note"] = "the text below on p12 says 40 tolkar took the SRHR course in 2025; the table prints 25"

# --- p13/p14: narrative index values ----------------------------------------------------------
g.fact(page=13, schema="verksamhet", label="Nöjd-Tolk-Index (NTI)", scenario="utfall", year=2025, period_end=Y[2025],
       value_raw="4,5", unit="index", measure=VM, **NARR, note="'ligger som föregående år på hela 4,5 av 5'")
g.fact(page=13, schema="verksamhet", label="Employee Net Promotor Score (eNPS)", scenario="utfall", year=2025,
       period_end=Y[2025], value_raw="67", unit="index", measure=VM, **NARR)
g.fact(page=14, schema="verksamhet", label="Registrerade medlemskunder den 31 december 2025", scenario="utfall",
       year=2025, period_end=Y[2025], value_raw="4 086", unit="antal", measure=VM, **NARR)
g.fact(page=14, schema="verksamhet", label="Nöjd-Kund-Index (NKI)", scenario="utfall", year=2025, period_end=Y[2025],
       value_raw="83", unit="index", measure=VM, **NARR)

# --- p18: Verksamhetsmål 2025 och måluppfyllelse -----------------------------------------------
cols18 = [
    Col("Utfall 2024", "utfall", 2024, Y[2024], measure="indikator"),
    Col("Målvärde 2025", "malvarde", 2025, Y[2025], measure="indikator"),
    Col("Utfall 2025", "utfall", 2025, Y[2025], measure="indikator"),
]
RED = "printed in red (target not met; no legend)"
MAL = [
    ("Tolkförmedling Väst ska ha en pålitlig leverans", [
        ("Andel tillsatta beställningar ska överstiga 99%.", ["99,4%", ">99%", "99,5%"], "procent", None),
        ("Andel tillfällen tolkar kommer sent eller uteblir från bokade uppdrag ska understiga 1%.",
         ["1,0%", "<1%", "1,0%"], "procent", RED),
    ]),
    ("Tolkförmedling Väst ska tillhandahålla utbildade och kvalificerade tolkar", [
        ("Andel hälso- och sjukvårdsuppdrag som utförs av auktoriserad sjukvårdstolk ska uppgå till minst 12%.",
         ["12,5%", "≥12%", "13,6%"], "procent", None),
        ("Andel uppdrag som utförs av auktoriserad tolk ska uppgå till minst 32%.", ["33,6%", "≥32%", "37,9%"],
         "procent", None),
        ("Andel uppdrag som utförs av utbildad tolk ska uppgå till minst 55 %.", ["54,7%", "≥55%", "51,2%"],
         "procent", RED),
    ]),
    ("Tolkförmedling Väst ska ligga i framkant och verksamheten ska utvecklas", [
        ("Andel beställningar som inkommer via digitala tjänster ska uppgå till minst 83%.",
         ["79,5%", "≥83%", "81,5%"], "procent", RED),
        ("Nöjd-Kund-Index (NKI) ska uppgå till minst 80.", ["81", "≥80", "83"], "index", None),
    ]),
    ("Tolkförmedling Väst ska vara en attraktiv arbetsgivare", [
        ("Sjukfrånvaron ska understiga 6%.", ["11,2%", "<6%", "7,1%"], "procent", RED),
        ("Hållbart medarbetarengagemang (HME) ska uppgå till minst 90.", ["92", "≥90", "92"], "index",
         "footnote mark 8 after (HME) dropped from the label"),
    ]),
    ("Tolkförmedling Väst ska bedriva en hållbar verksamhet", [
        ("Andel uppdrag som utförs på distans ska uppgå till minst 72%.", ["70,1%", "≥72%", "72,2%"], "procent", None),
    ]),
]
for goal, indicators in MAL:
    for label, cells, unit, note in indicators:
        notes = {2: note} if note == RED else ({0: note, 1: note, 2: note} if note else {})
        g.table(page=18, schema="maluppfyllelse", goal=goal, cols=cols18,
                rows=[(label, cells, {"unit": unit, "notes": notes})])

# --- p19/p20: goal statuses (narrative) -------------------------------------------------------
STATUS = [
    (19, "Tolkförmedling Väst ska ha en pålitlig leverans", "Uppfyllt",
     "Målet att ha en pålitlig leverans bedöms ha uppnåtts, trots att en av indikatorernas målvärde inte uppfyllts."),
    (19, "Tolkförmedling Väst ska tillhandahålla utbildade och kvalificerade tolkar", "Uppfyllt",
     "Målet att tillhandahålla utbildade och kvalificerade tolkar bedöms ha uppnåtts, trots att en av "
     "indikatorernas målvärde inte uppfyllts."),
    (19, "Tolkförmedling Väst ska ligga i framkant och verksamheten ska utvecklas", "Delvis uppfyllt",
     "Målet att ligga i framkant och att verksamheten ska utvecklas bedöms därmed inte i sin helhet vara uppnått, "
     "då en av indikatorerna inte uppfyllts."),
    (20, "Tolkförmedling Väst ska vara en attraktiv arbetsgivare", "Uppfyllt",
     "Målet att förbundet ska vara en attraktiv arbetsgivare bedöms ha uppnåtts, trots att en av indikatorernas "
     "målvärde inte uppfyllts."),
    (20, "Tolkförmedling Väst ska bedriva en hållbar verksamhet", "Uppfyllt",
     "Målet att bedriva en hållbar verksamhet bedöms därmed uppnått."),
]
for page, goal, status, sentence in STATUS:
    g.fact(page=page, schema="maluppfyllelse", label=goal, scenario=None, year=2025, period_end=Y[2025],
           value_raw=None, unit="status", measure="mal", goal=goal, status=status, **NARR,
           note=f"status in the canonical words for the sentence: {sentence}")

# --- p21: Balanskravsavstämning; Redovisning av återställning av balanskrav (tkr) --------------
yrs21 = years(2025, 2024, 2023)
t21 = g.table(page=21, schema="ekonomi", cols=yrs21, rows=[
    ("Årets resultat enligt resultaträkningen", ["315", "- 3 950", "-215"], {"measure": "resultat"}),
    ("- Samtliga realisationsvinster", ["0", "0", "0"]),
    ("+ Realisationsvinster enligt undantagsmöjlighet", ["0", "0", "0"]),
    ("+ Realisationsförluster enligt undantagsmöjlighet", ["0", "0", "0"]),
    ("-/+ Orealiserade vinster och förluster i värdepapper", ["0", "0", "0"]),
    ("+/- återföring av orealiserade vinster och förluster i värdepapper", ["0", "0", "0"]),
    ("Årets resultat efter balanskravsjusteringar", ["315", "-3 950", "-215"]),
    ("Årets balanskravsresultat", ["315", "-3 950", "-215"]),
])
t21b = g.table(page=21, schema="ekonomi", cols=yrs21, rows=[
    ("IB ackumulerade ej återställda negativa resultat", ["-215", "-215", "0"]),
    ("- Varav 2023", ["-215", "-215", "0"]),
    ("Årets balanskravsresultat enligt balanskravsutredningen", ["315", "-3 950", "-215"]),
    ("+ Synnerliga skäl att inte återställa", ["0", "3 950", "0"]),
    ("+ Synnerliga skäl för att återställa under längre tid", ["0", "0", "0"]),
    ("UB ackumulerade negativa resultat att återställa inom tre år", ["0", "-215", "-215"]),
    ("UB Synnerliga skäl som ska återställas över längre tid", ["0", "0", "0"]),
    ("UB ackumulerade ej återställda negativa resultat", ["0", "-215", "-215"]),
    ("- Varav från år 2023, återställs senast 2026", ["0", "-215", "-215"]),
])
for y in ("2025", "2024", "2023"):
    g.check(f"p21 {y} resultat efter justeringar", t21["Årets resultat enligt resultaträkningen"][y],
            t21["Årets resultat efter balanskravsjusteringar"][y])
    g.check_sum(f"p21 {y} UB ej återställda", [t21b["UB ackumulerade negativa resultat att återställa inom tre år"][y],
                t21b["UB Synnerliga skäl som ska återställas över längre tid"][y]],
                t21b["UB ackumulerade ej återställda negativa resultat"][y])

# --- p22/p23/p24: personal -----------------------------------------------------------------------
P = dict(schema="personal", **NARR)
g.fact(page=22, label="Tillsvidareanställda arbetstagare per den 31 december 2025", scenario="utfall", year=2025,
       period_end=Y[2025], kon="T", value_raw="40", unit="antal", measure="anstallda_tillsvidare", **P)
g.fact(page=22, label="Tillsvidareanställda kvinnor", scenario="utfall", year=2025, period_end=Y[2025], kon="K",
       value_raw="35", unit="antal", measure="anstallda_tillsvidare", **P,
       note="'35 kvinnor och fem män': the men are written as a word, so no M fact")
g.fact(page=23, label="Antalet arbetade timmar har under året motsvarat årsarbetare", scenario="utfall", year=2025,
       period_end=Y[2025], kon="T", value_raw="39,8", unit="arsarbetare", measure="arsarbetare", **P)
g.fact(page=23, label="Personer som har slutat under året", scenario="utfall", year=2025, period_end=Y[2025], kon="T",
       value_raw="15", unit="antal", measure="personalavgangar", **P)
g.fact(page=23, label="Personer som har nyanställts under året", scenario="utfall", year=2025, period_end=Y[2025],
       kon="T", value_raw="7", unit="antal", measure="rekryteringar_externa", **P)
g.fact(page=23, label="Den totala sjukfrånvaron för 2025", scenario="utfall", year=2025, period_end=Y[2025], kon="T",
       value_raw="7,1 %", unit="procent", measure="sjukfranvaro_total", **P)
g.fact(page=24, label="Sjukfrånvaron för kvinnor", scenario="utfall", year=2025, period_end=Y[2025], kon="K",
       value_raw="7,3 %", unit="procent", measure="sjukfranvaro_total", **P)
g.fact(page=24, label="Sjukfrånvaron för män", scenario="utfall", year=2025, period_end=Y[2025], kon="M",
       value_raw="5,7 %", unit="procent", measure="sjukfranvaro_total", **P)

t23 = transposed(23, "personal", [
    ("Tills vidare (åa)", "arsarbetare", None), ("Visstid (åa)", "arsarbetare", None),
    ("Timavlönade (åa)", "arsarbetare", "arsarbetare_timavlonade"), ("Totalt (åa)", "arsarbetare", "arsarbetare"),
], [
    (2025, ["39,8", "0,0", "0,02", "39,8"]),
    (2024, ["42,0", "2,0", "0,1", "44,1"]),
    (2023, ["47,6", "1,4", "0,9", "49,9"]),
    (2022, ["48,8", "0,9", "0,3", "50,0"]),
    (2021, ["52,9", "2,2", "1,0", "56,1"]),
], kon="T")
for y in range(2021, 2026):
    g.check_sum(f"p23 {y} totalt åa", [t23["Tills vidare (åa)"][y], t23["Visstid (åa)"][y], t23["Timavlönade (åa)"][y]],
                t23["Totalt (åa)"][y], tol="0.05")

cols24 = years(2025, 2024, 2023, unit="procent")
SJ = "sjukfranvaro_total"
g.table(page=24, schema="personal", cols=cols24, kon="T", rows=[
    ("Total sjukfrånvaro", ["7,1%", "11,2%", "6,4%"], {"measure": SJ}),
    ("Sjukfrånvaro under en sammanhängande tid av 60 dagar eller mer", ["23,0%", "49,2%", "19,9%"],
     {"measure": "sjukfranvaro_lang"}),
    ("Sjukfrånvaro för kvinnor", ["7,3%", "9,5%", "5,5%"], {"measure": SJ, "kon": "K"}),
    ("Sjukfrånvaro för män", ["5,7%", "22,0%", "11,2%"], {"measure": SJ, "kon": "M"}),
    ("Sjukfrånvaro i åldrarna 29 år eller yngre", ["6,0%", "5,4%", "4,7%"], {"measure": SJ, "category": "29 år eller yngre"}),
    ("Sjukfrånvaro i åldrarna 30 - 49 år", ["6,8%", "12,1%", "6,7%"], {"measure": SJ, "category": "30 - 49 år"}),
    ("Sjukfrånvaro i åldrarna 50 år eller äldre", ["7,9%", "11,5%", "6,3%"], {"measure": SJ, "category": "50 år eller äldre"}),
])

# --- p26: Budget 2025; Ekonomisk plan 2025–2027 (tkr) ----------------------------------------------
g.table(page=26, schema="ekonomi", cols=[Col("(tkr)", "budget", 2025, Y[2025])], rows=[
    ("Verksamhetens intäkter", ["233 760"], {"measure": "intakter"}),
    ("Verksamhetens kostnader", ["233 760"], {"measure": "kostnader"}),
    ("Årets resultat", ["0"], {"measure": "resultat"}),
])
g.table(page=26, schema="ekonomi", cols=years(2025, 2026, 2027, scenario="budget"), rows=[
    ("Intäkter", ["233 760", "236 000", "238 000"], {"measure": "intakter"}),
    ("Kostnader", ["233 760", "236 000", "238 000"], {"measure": "kostnader"}),
    ("Budgeterat resultat", ["0", "0", "0"], {"measure": "resultat"}),
])

# --- p27: Resultaträkning (tkr); the Not column holds note numbers, not facts -----------------------
cols27 = [Col("Budget 2025", "budget", 2025, Y[2025]), Col("Utfall 2025", "utfall", 2025, Y[2025]),
          Col("Utfall 2024", "utfall", 2024, Y[2024])]
t27 = g.table(page=27, schema="ekonomi", cols=cols27, rows=[
    ("Verksamhetens intäkter", ["233 760", "231 858", "220 452"], {"measure": "intakter"}),
    ("Verksamhetens kostnader", ["-231 935", "-229 672", "-222 593"], {"measure": "kostnader"}),
    ("Avskrivningar", ["-1 800", "-1 686", "-1 734"], {"measure": "avskrivningar"}),
    ("Verksamhetens nettokostnader", ["25", "501", "-3 875"], {"measure": "nettokostnad",
     "notes": {1: "rows give 231 858 - 229 672 - 1 686 = 500; printed 501 (rounding)"}}),
    ("Finansiella intäkter", ["20", "6", "8"]),
    ("Finansiella kostnader", ["-45", "-192", "-83"]),
    ("Resultat före extraord. poster", ["0", "315", "-3 950"], {"measure": "resultat"}),
    ("Extraordinära poster", ["0", "0", "0"]),
    ("Årets resultat", ["0", "315", "-3 950"], {"measure": "resultat"}),
])
C27 = [c.column for c in cols27]
col_sums(t27, ["Verksamhetens intäkter", "Verksamhetens kostnader", "Avskrivningar"], "Verksamhetens nettokostnader",
         C27, 27, tol="1")
col_sums(t27, ["Verksamhetens nettokostnader", "Finansiella intäkter", "Finansiella kostnader"],
         "Resultat före extraord. poster", C27, 27)
col_sums(t27, ["Resultat före extraord. poster", "Extraordinära poster"], "Årets resultat", C27, 27)

# --- p28: Balansräkning (tkr) ----------------------------------------------------------------------
cols28 = [Col("Bokslut 2025", "bokslut", 2025, Y[2025]), Col("Bokslut 2024", "bokslut", 2024, Y[2024])]
C28 = [c.column for c in cols28]
t28 = g.table(page=28, schema="ekonomi", cols=cols28, rows=[
    ("Immateriell anläggningstillgång", ["4 040", "5 726"]),
    ("Inventarier", ["0", "0"]),
    ("Summa anläggningstillgångar", ["4 040", "5 726"]),
    ("Fordringar", ["47 669", "42 839"]),
    ("Likvida medel", ["32 050", "15 693"]),
    ("Summa omsättningstillgångar", ["79 718", "58 532"]),
    ("SUMMA TILLGÅNGAR", ["83 758", "64 258"]),
    ("Eget kapital", ["26 781", "30 731"]),
    ("Andelskapital, medlemmar", ["3 212", "3 212"]),
    ("Årets resultat", ["315", "-3 950"], {"measure": "resultat"}),
    ("Summa eget kapital", ["30 308", "29 993"]),
    ("Kortfristiga skulder", ["53 450", "34 264"]),
    ("Summa skulder", ["53 450", "34 264"]),
    ("SUMMA EGET KAPITAL OCH SKULDER", ["83 758", "64 258"]),
])
col_sums(t28, ["Immateriell anläggningstillgång", "Inventarier"], "Summa anläggningstillgångar", C28, 28)
col_sums(t28, ["Fordringar", "Likvida medel"], "Summa omsättningstillgångar", C28, 28, tol="1")
col_sums(t28, ["Summa anläggningstillgångar", "Summa omsättningstillgångar"], "SUMMA TILLGÅNGAR", C28, 28)
col_sums(t28, ["Eget kapital", "Andelskapital, medlemmar", "Årets resultat"], "Summa eget kapital", C28, 28)
col_sums(t28, ["Summa eget kapital", "Summa skulder"], "SUMMA EGET KAPITAL OCH SKULDER", C28, 28, tol="1")

# --- p29: Kassaflödesanalys (tkr) --------------------------------------------------------------------
t29 = g.table(page=29, schema="ekonomi", cols=cols28, rows=[
    ("Årets resultat", ["315", "-3 950"], {"measure": "resultat"}),
    ("Justering för av- och nedskrivning", ["1 686", "1 734"]),
    ("Medel från verksamheten före förändring av rörelsekapital", ["2 001", "-2 216"]),
    ("Förändring kortfristiga fordringar", ["-4 830", "-784"]),
    ("Förändring kortfristiga skulder", ["19 185", "-359"]),
    ("Medel från den löpande verksamheten", ["16 357", "-3 358"]),
    ("Bruttoinvestering i anläggningstillgångar", ["0", "0"], {"measure": "investering"}),
    ("Medel från investeringsverksamheten", ["0", "0"]),
    ("Andelskapital", ["0", "77"]),
    ("Kassaflöde från finansieringsverksamheten", ["0", "77"]),
    ("ÅRETS KASSAFLÖDE", ["16 357", "-3 281"]),
    ("Likvida medel vid årets början", ["15 693", "18 974"]),
    ("Likvida medel vid årets slut", ["32 050", "15 693"]),
])
col_sums(t29, ["Årets resultat", "Justering för av- och nedskrivning"],
         "Medel från verksamheten före förändring av rörelsekapital", C28, 29)
col_sums(t29, ["Medel från verksamheten före förändring av rörelsekapital", "Förändring kortfristiga fordringar",
               "Förändring kortfristiga skulder"], "Medel från den löpande verksamheten", C28, 29, tol="1")
col_sums(t29, ["Medel från den löpande verksamheten", "Medel från investeringsverksamheten",
               "Kassaflöde från finansieringsverksamheten"], "ÅRETS KASSAFLÖDE", C28, 29)
col_sums(t29, ["Likvida medel vid årets början", "ÅRETS KASSAFLÖDE"], "Likvida medel vid årets slut", C28, 29)

# --- p30-p32: Noter (tkr) -------------------------------------------------------------------------------
n1 = g.table(page=30, schema="ekonomi", cols=cols28, rows=[
    ("Riktade bidrag", ["26", "28"]),
    ("Återbetalning till medlemmar av överskott", ["-16 960", "-8 700"]),
    ("Förmedlingstjänster", ["248 789", "228 992"]),
    ("Övriga intäkter", ["4", "133"], {"measure": "ovriga_intakter"}),
    ("Summa verksamhetens intäkter", ["231 858", "220 452"], {"measure": "intakter"}),
])
col_sums(n1, list(n1)[:-1], "Summa verksamhetens intäkter", C28, 30, tol="1")
n2 = g.table(page=30, schema="ekonomi", cols=cols28, rows=[
    ("Direktionskostnader", ["-638", "-609"]),
    ("Sociala avgifter direktion", ["-176", "-163"]),
    ("Personalkostnad", ["-20 960", "-20 355"]),
    ("Sociala avgifter personal", ["-9 221", "-8 958"]),
    ("Arvoden och ersättning tolkar", ["-147 505", "-142 823"]),
    ("Sociala avgifter tolkar", ["-36 886", "-35 830"]),
    ("Tolkutbildning", ["-423", "-329"]),
    ("Lokalkostnader", ["-3 471", "-3 317"], {"measure": "lokalkostnad"}),
    ("IT-kostnader", ["-6 449", "-5 793"]),
    ("Inventarier, förbrukningsmaterial", ["-332", "-255"]),
    ("Administrativa- och konsulttjänster", ["-3 360", "-3 912"]),
    ("Summa verksamhetens kostnader", ["-229 422", "-222 343"]),
])
col_sums(n2, list(n2)[:-1], "Summa verksamhetens kostnader", C28, 30, tol="1")
rev = g.table(page=30, schema="ekonomi", cols=cols28, rows=[
    ("Revisionsuppdraget, sakkunniga", ["-250", "-250"]),
    ("Revisionsverksamhet utöver revisionsuppdraget, sakkunniga", ["0", "0"]),
    ("Skatterådgivning", ["0", "0"]),
    ("Övriga tjänster", ["0", "0"]),
    ("Summa", ["-250", "-250"]),
    ("Verksamhetens totala kostnader", ["-229 672", "-222 593"], {"measure": "kostnader"}),
])
col_sums(rev, list(rev)[:4], "Summa", C28, 30)
for c in C28:
    g.check("p30 totala kostnader = summa kostnader + revisorer", n2["Summa verksamhetens kostnader"][c]
            + rev["Summa"][c], rev["Verksamhetens totala kostnader"][c])
g.table(page=30, schema="ekonomi", cols=cols28, rows=[
    ("Inventarier", ["-1 686", "-1 734"]),
    ("Summa", ["-1 686", "-1 734"]),
])
n4 = g.table(page=30, schema="ekonomi", cols=cols28, rows=[
    ("Ränteintäkter", ["6", "8"]),
    ("Övriga finansiella intäkter", ["0", "0"]),
    ("Summa", ["6", "8"]),
])
n5 = g.table(page=31, schema="ekonomi", cols=cols28, rows=[
    ("Räntekostnad", ["-119", "-11"]),
    ("Övriga finansiella kostnader", ["-74", "-71"]),
    ("Summa", ["-192", "-83"]),
])
col_sums(n5, ["Räntekostnad", "Övriga finansiella kostnader"], "Summa", C28, 31, tol="1")
g.table(page=31, schema="ekonomi", cols=cols28, rows=[
    ("Pågående investeringar", ["0", "0"], {"measure": "investering"}),
    ("Summa", ["0", "0"], {"measure": "investering"}),   # the total of its one post (as Simrishamn p21 Summa rows)
])
n7 = g.table(page=31, schema="ekonomi", cols=cols28, rows=[
    ("Ingående anskaffningsvärde", ["8 289", "8 289"]),
    ("Årets investering", ["0", "0"], {"measure": "investering"}),
    ("Årets utrangering", ["0", "0"]),
    ("Omklassificering från pågående investering", ["0", "0"]),
    ("Utgående anskaffningsvärde", ["8 289", "8 289"]),
    ("Ingående avskrivning", ["-2 563", "-877"]),
    ("Årets avskrivning", ["-1 686", "-1 686"]),
    ("Försäljning/utrangering", ["0", "0"], {"measure": "forsaljning"}),
    ("Utgående avskrivningar", ["-4 250", "-2 563"]),
    ("Utgående bokfört värde vid årets slut", ["4 040", "5 726"]),
])
col_sums(n7, ["Ingående avskrivning", "Årets avskrivning", "Försäljning/utrangering"], "Utgående avskrivningar",
         C28, 31, tol="1")
col_sums(n7, ["Utgående anskaffningsvärde", "Utgående avskrivningar"], "Utgående bokfört värde vid årets slut",
         C28, 31, tol="1")
n8 = g.table(page=31, schema="ekonomi", cols=cols28, rows=[
    ("Ingående anskaffningsvärde", ["1 341", "1 341"]),
    ("Årets försäljning", ["0", "0"]),
    ("Årets utrangering", ["0", "0"]),
    ("Utgående anskaffningsvärde", ["1 341", "1 341"]),
    ("Ackumulerade avskrivningar", ["-1 341", "-1 293"]),
    ("Årets avskrivning", ["0", "-48"]),
    ("Försäljning/utrangering", ["0", "0"], {"measure": "forsaljning"}),
    ("Utgående avskrivningar", ["-1 341", "-1 341"]),
    ("Utgående bokfört värde", ["0", "0"]),
])
col_sums(n8, ["Ackumulerade avskrivningar", "Årets avskrivning", "Försäljning/utrangering"], "Utgående avskrivningar",
         C28, 31)
n9 = g.table(page=32, schema="ekonomi", cols=cols28, rows=[
    ("Kundfordringar", ["28 085", "26 390"]),
    ("Div. kortfristiga fordringar", ["73", "117"]),
    ("Förutbetalda kostnader och upplupna intäkter", ["19 511", "16 332"]),
    ("Summa", ["47 669", "42 839"]),
])
col_sums(n9, list(n9)[:-1], "Summa", C28, 32)
g.table(page=32, schema="ekonomi", cols=cols28, rows=[
    ("Bank", ["32 050", "15 693"]),
    ("Summa", ["32 050", "15 693"]),
])
n11 = g.table(page=32, schema="ekonomi", cols=cols28, rows=[
    ("Ingående balans Allmänt eget kapital", ["30 731", "30 946"]),
    ("Reglering Årets Resultat", ["-3 950", "-215"]),
    ("Utgående balans Allmänt eget kapital", ["26 781", "30 731"]),
    ("Årets resultat", ["315", "-3 950"], {"measure": "resultat"}),
    ("Andelskapital, medlemskommuner", ["3 212", "3 212"]),
    ("Summa eget kapital", ["30 308", "29 993"]),
])
col_sums(n11, ["Ingående balans Allmänt eget kapital", "Reglering Årets Resultat"],
         "Utgående balans Allmänt eget kapital", C28, 32)
col_sums(n11, ["Utgående balans Allmänt eget kapital", "Årets resultat", "Andelskapital, medlemskommuner"],
         "Summa eget kapital", C28, 32)
n12 = g.table(page=32, schema="ekonomi", cols=cols28, rows=[
    ("Leverantörsskulder", ["1 142", "703"]),
    ("Moms", ["11 096", "10 655"]),
    ("Personalens skatter och avgifter", ["4 243", "4 272"]),
    ("Övriga kortfristiga skulder", ["17 047", "0"]),
    ("Skulder till anställda", ["96", "45"]),
    ("Upplupna semesterlöner", ["641", "1 098"]),
    ("Upplupna tolkkostnader inkl. sociala avgifter", ["17 840", "13 243"]),
    ("Övriga upplupna kostnader", ["1 344", "4 248"]),
    ("Summa", ["53 450", "34 264"]),
])
col_sums(n12, list(n12)[:-1], "Summa", C28, 32, tol="1")
g.table(page=32, schema="ekonomi", cols=cols28, rows=[
    ("Årets förändring av andelskapital", ["0", "77"]),
    ("Summa", ["0", "77"]),
])

# --- p33: Driftsredovisning (Belopp i tkr; costs printed positive) -----------------------------------
cols33 = [Col("Utfall 2025", "utfall", 2025, Y[2025]), Col("Budget 2025", "budget", 2025, Y[2025]),
          Col("Utfall 2024", "utfall", 2024, Y[2024])]
C33 = [c.column for c in cols33]
t33 = g.table(page=33, schema="ekonomi", cols=cols33, rows=[
    ("Försäljning av förmedlingstjänster", ["248 789", "233 760", "228 992"], {"measure": "forsaljning"}),
    ("Övriga intäkter", ["29", None, "160"], {"measure": "ovriga_intakter"}),
    ("Återbetalning medlemmar", ["0", None, "-8 700"]),
    ("Utbetalning av överskott", ["-16 960", None, None]),
    ("Summa verksamhetens intäkter", ["231 858", "233 760", "220 452"], {"measure": "intakter"}),
    ("Direktionskostnad", ["814", "900", "772"]),
    ("Personalkostnad", ["30 182", "34 452", "29 312"], {"measure": "personalkostnad"}),
    ("Arvoden uppdragstagare", ["184 391", "183 333", "178 653"]),
    ("Rekrytering och utbildning av tolkar", ["423", "600", "329"]),
    ("Lokalkostnader", ["3 471", "3 548", "3 317"], {"measure": "lokalkostnad"}),
    ("IT-kostnader", ["6 449", "4 896", "5 793"]),
    ("Förbrukningsinventarier, förbrukningsmaterial", ["332", "266", "255"], {"measure": "material"}),
    ("Administrativa tjänster", ["3 609", "3 940", "4 161"]),
    ("Finansiella kostnader", ["1 872", "1 825", "1 809"]),
    ("Summa verksamhetens kostnader", ["231 543", "233 760", "224 402"], {"measure": "kostnader"}),
    ("ÅRETS RESULTAT", ["+315", "0", "-3 950"], {"measure": "resultat"}),
])
col_sums(t33, ["Försäljning av förmedlingstjänster", "Övriga intäkter", "Återbetalning medlemmar",
               "Utbetalning av överskott"], "Summa verksamhetens intäkter", C33, 33)
col_sums(t33, ["Direktionskostnad", "Personalkostnad", "Arvoden uppdragstagare", "Rekrytering och utbildning av tolkar",
               "Lokalkostnader", "IT-kostnader", "Förbrukningsinventarier, förbrukningsmaterial", "Administrativa tjänster",
               "Finansiella kostnader"], "Summa verksamhetens kostnader", C33, 33, tol="1")
for c in C33:
    g.check(f"p33 {c} resultat = intäkter - kostnader", t33["Summa verksamhetens intäkter"][c]
            - t33["Summa verksamhetens kostnader"][c], t33["ÅRETS RESULTAT"][c])
g.fact(page=33, schema="ekonomi", label="Årets resultat blev", scenario="utfall", year=2025, period_end=Y[2025],
       value_raw="315", unit="tkr", measure="resultat", **NARR, note="printed '315 tkr'")
g.fact(page=33, schema="verksamhet", label="Utfallet för 2025 blev uppdrag", scenario="utfall", year=2025,
       period_end=Y[2025], value_raw="313 000", unit="antal", measure=VM, **NARR)
g.fact(page=33, schema="verksamhet", label="Budget 2025 är lagd utifrån ett beräknat behov om uppdrag",
       scenario="budget", year=2025, period_end=Y[2025], value_raw="315 000", unit="antal", measure=VM, **NARR)
g.fact(page=34, schema="ekonomi", label="Förmedlingsintäkterna över budget", scenario="avvikelse", year=2025,
       period_end=Y[2025], value_raw="15", scale="mnkr", unit="tkr", measure="intakter", **NARR,
       note="printed '15 mkr över budget' (table p33: 248 789 - 233 760 = 15 029)")
g.fact(page=34, schema="ekonomi", label="Personalkostnaderna lägre än budgeterat", scenario="avvikelse", year=2025,
       period_end=Y[2025], value_raw="4,3", scale="mnkr", unit="tkr", measure="personalkostnad", **NARR,
       note="printed '4,3 mkr lägre än budgeterat' (table p33: 34 452 - 30 182 = 4 270); sign as printed")

g.write()
meta = {
    "document": DOC,
    "source": f"alingsas/{DOC}",
    "format": "pdf",
    "pages": 35,
    "expected": {
        "namnd": "Tolkförmedling Väst", "dokumenttyp": "arsredovisning", "period_typ": "helar",
        "period_slut": "2025-12-31", "ar": 2025,
    },
    "covered_pages": "all",
    "image_pages": [],
    "chart_pages": [9, 10, 11, 13, 14, 22, 23],
    "notes": [
        "kommun_kod and kommun are not scored: Tolkförmedling Väst is a kommunalförbund of 46 members "
        "(the copy came with Alingsås' KF handlingar); namnd = the förbund.",
        "Tables whose rows are years (Tabell 2, 5, 6, 7 on p9, p12, p23): label = the indicator (column "
        "header), column = the year as printed (README: Tables whose rows are periods).",
        "Not columns (p27-p29) hold note numbers (1, 2, '6,7'): not facts. Note headings ('1 Verksamhetens "
        "intäkter') are not facts.",
        "Chart numbers (p9 Figur 3, p10 Figur 4-5, p11 Figur 6, p13 Figur 7-8, p14 Figur 9, p22 Figur 10-11, "
        "p23 Figur 12-13) are not gold; pages stay covered for their tables, so chart labels an extractor "
        "turns into facts count as extra.",
        "Document does not add up: p5 2025 kostnader printed positive (231 543); p27 nettokostnader 501 vs "
        "500 from the rows; several notes and the balansräkning differ by 1 tkr (rounding); p12 SRHR 25 "
        "in Tabell 6 vs 40 in the text.",
        "p18 indicators printed in red (not met) are noted, not turned into status facts (no legend); goal "
        "statuses p19-p20 are narrative status facts in the canonical words (Uppfyllt, Delvis uppfyllt).",
        "Personal names (direktion p6-p8, signatures p35) are never facts.",
        "p33 Driftsredovisning prints costs positive; p27/p30 print them negative: values as printed.",
    ],
}
write_meta(DOC, meta)
