"""Gold: Göteborg, Nämnden för Intraservice, årsrapport 2025 (pdftotext -layout dump, 40 pages, no PDF).

Retyped from the text dump (column positions read from the layout); page = null. Run:
    .venv/bin/python tests/gold/src/goteborg_intraservice_arsrapport_2025_pdftotext.py
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from goldlib import Col, Gold, write_meta  # noqa: E402

DOC = "goteborg_intraservice_arsrapport_2025.pdftotext.txt"
CORPUS = Path(__file__).resolve().parents[4] / "shared" / "corpus"
g = Gold(DOC)
P = None  # text document: no pages
Y = {y: f"{y}-12-31" for y in (2023, 2024, 2025)}
NARR = dict(method="narrative", column=None)
VM = "verksamhetsmatt"
MN = "mnkr"


def years(*ys: int, scenario="utfall", unit="tkr", measure=None) -> list[Col]:
    return [Col(str(y), scenario, y, Y[y], unit, measure=measure) for y in ys]


def sums(t: dict, parts: list[str], total: str, cols: list[str], what: str, tol="0", known=()) -> None:
    for c in cols:
        g.check_sum(f"{what} {total} [{c}]", [t[p][c] for p in parts if c in t[p]], t[total][c], tol, known=c in known)


# --- 2.1.1 (p5): Volymutveckling ... utfall jämfört med samma period föregående år (percent) -------
g.table(page=P, schema="ekonomi", cols=years(2025, 2024, 2023, scenario="forandring", unit="procent"), rows=[
    ("Intäkter, inklusive kommunbidrag", ["5,7%", "4,0%", "2,6%"], {"measure": "intakter"}),
    ("Personalkostnader", ["4,5%", "3,5%", "1,2%"], {"measure": "personalkostnad"}),
    ("Konsultkostnader", ["1,8%", "-15,9%", "-15,4%"]),
    ("IT-program, IT-tjänster, hyra och leasing av IT-utrustning", ["5,1%", "10,5%", "13,3%"]),
    ("Övriga kostnader", ["13,5%", "4,6%", "4,2%"], {"measure": "ovriga_kostnader"}),
])
# --- (p5) Effektmått och övriga mått/nyckeltal ---------------------------------------------------------
NKI = "the NKI is from the 2024 customer survey (text below the table); '58,6 %*' sits in the 2024 column"
g.table(page=P, schema="verksamhet", cols=years(2025, 2024, 2023, measure=VM), rows=[
    ("Antal tjänster", ["56", "57", "51"], {"unit": "antal"}),
    ("Tecknade kundavtal förvaltningar", ["100%", "100%", "100%"], {"unit": "procent"}),
    ("Tecknade kundavtal bolag", ["44%", "44%", "40%"], {"unit": "procent"}),
    ("Antal incidenter lösta inom Service Level Agreement snitt", ["87%", "85%", "75%"], {"unit": "procent"}),
    ("Antal Major Incidents", ["55", "34", "61"], {"unit": "antal"}),
    ("Konsolideringsgrad bastjänster", ["44%", "35%", "35%"], {"unit": "procent"}),
    ("NKI", [None, "58,6 %*", None], {"unit": "procent", "notes": {1: NKI}}),
])
g.fact(page=P, schema="verksamhet", label="Intraservice har levererat tjänster", scenario="utfall", year=2025,
       period_end=Y[2025], value_raw="56", unit="antal", measure=VM, **NARR)
g.fact(page=P, schema="verksamhet", label="Under 2025 har Intraservice haft incidenter", scenario="utfall", year=2025,
       period_end=Y[2025], value_raw="10 845", unit="antal", measure=VM, **NARR)
g.fact(page=P, schema="verksamhet", label="Målet för incidenter lösta inom SLA", scenario="malvarde", year=2025,
       period_end=Y[2025], value_raw="85", unit="procent", measure=VM, **NARR, note="printed 'målet (85 procent)'")

# --- 2.3.1 (p14): Mått/nyckeltal ur ett HR-perspektiv -------------------------------------------------
g.table(page=P, schema="personal", kon="T", cols=years(2025, 2024, 2023), rows=[
    ("Total sjukfrånvaro (%)", ["5,0", "5,7", "5,5"], {"unit": "procent", "measure": "sjukfranvaro_total"}),
    ("Förvaltningsextern personalomsättning (%)", ["7,6", "6,1", "13,3"], {"unit": "procent"}),
    ("Antal årsarbetare", ["733,8", "691,4", "709"], {"unit": "arsarbetare", "measure": "arsarbetare"}),
])
g.fact(page=P, schema="personal", label="Förvaltningens sjukfrånvaro", scenario="utfall", year=2025,
       period_end=Y[2025], kon="T", value_raw="5,0", unit="procent", measure="sjukfranvaro_total", **NARR,
       note="printed 'ligger på den lägsta nivån sedan lång tid tillbaka, 5,0 procent'")
g.fact(page=P, schema="personal", label="Nya medarbetare som började under 2025", scenario="utfall", year=2025,
       period_end=Y[2025], kon="T", value_raw="85", unit="antal", measure="rekryteringar_externa", **NARR)

# --- 2.4.1 (p16): Resultatredovisning i sammandrag (Belopp i mnkr) ------------------------------------
cols16 = [Col("Utfall", "utfall", 2025, Y[2025], scale=MN), Col("Budget", "budget", 2025, Y[2025], scale=MN),
          Col("Avvikelse", "avvikelse", 2025, Y[2025], scale=MN),
          Col("Prognos aug", "prognos", 2025, Y[2025], scale=MN),
          Col("Utfall fg år", "utfall", 2024, Y[2024], scale=MN)]
t16 = g.table(page=P, schema="ekonomi", cols=cols16, rows=[
    ("Intäkter", ["1 420,1", "1 434,1", "-14,0", "1 442,7", "1 341,8"], {"measure": "intakter"}),
    ("Kostnader", ["-1 451,4", "-1 472,3", "20,9", "-1 467,1", "-1 373,6"], {"measure": "kostnader"}),
    ("Kommunbidrag", ["38,2", "38,2", "0", "38,2", "35,5"], {"measure": "kommunbidrag"}),
    ("Kommuninterna bidrag", ["0", "0", "0", "0", "0"]),
    ("Resultat", ["6,9", "0", "6,9", "13,8", "3,7"], {"measure": "resultat"}),
    ("Eget kapital", ["17,9", "11,0", "6,9", "11,0", "14,7"]),
])
sums(t16, ["Intäkter", "Kostnader", "Kommunbidrag", "Kommuninterna bidrag"], "Resultat", [c.column for c in cols16], "2.4.1")
for r in ("Intäkter", "Kostnader", "Resultat", "Eget kapital"):
    g.check(f"2.4.1 {r} utfall - budget", t16[r]["Utfall"] - t16[r]["Budget"], t16[r]["Avvikelse"])
g.fact(page=P, schema="ekonomi", label="Slutligt överskott i verksamheten helåret 2025", scenario="utfall", year=2025,
       period_end=Y[2025], value_raw="6,9", scale=MN, unit="tkr", measure="resultat", **NARR,
       note="printed '6,9 miljoner kronor' (in the Sammanfattning and again under Resultatutfall; listed once)")

# --- (p17): result per avdelning before återreglering (unit not printed: mnkr, Resultat 6,9 = 2.4.1) ---------
cols17 = [Col("Utfall 2025", "utfall", 2025, Y[2025], scale=MN, measure="resultat"),
          Col("Prognos oktober", "prognos", 2025, Y[2025], scale=MN, measure="resultat"),
          Col("Prognos augusti", "prognos", 2025, Y[2025], scale=MN, measure="resultat")]
C17 = [c.column for c in cols17]
rows17 = [
    ("- Ekonomi", ["7,2", "5,9", "5,5"]),
    ("- HR", ["11,9", "6,3", "4,0"]),
    ("- Kommunikation, ledning och styrning", ["12,2", "7,6", "5,9"]),
    ("Digital infrastruktur", ["-18,4", "-19,0", "-16,5"]),
    ("Avdelning Styrning och stöd", ["4,7", "2,6", "2,7"]),
    ("Avdelning Styrning och stöd, gemensamma kostnader", ["7,1", "4,7", "0"]),
    ("Avdelning Kund och servicecenter", ["9,9", "8,2", "9,8"]),
]
t17a = g.table(page=P, schema="ekonomi", cols=cols17, rows=rows17 + [("Summa förvaltning", ["34,6", "16,3", "11,4"])],
               label_is_area=True)
for f in g.facts[-3:]:
    f["area"] = None
sums(t17a, [r[0] for r in rows17], "Summa förvaltning", C17, "p17")
rows17b = [
    ("- Ekonomi", ["0", "0", "0"]),
    ("- HR", ["0,5", "0", "0"]),
    ("- Kommunikation, ledning och styrning", ["2,2", "1,8", "2,4"]),
    ("Digital infrastruktur", ["-0,9", "0", "0"]),
]
t17b = g.table(page=P, schema="ekonomi", cols=cols17, label_is_area=True,
               rows=rows17b + [("Summa förändringsinitiativ", ["1,8", "1,8", "2,4"])])
for f in g.facts[-3:]:
    f["area"] = None
sums(t17b, [r[0] for r in rows17b], "Summa förändringsinitiativ", C17, "p17")
t17c = g.table(page=P, schema="ekonomi", cols=cols17, rows=[
    ("Resultat innan återreglering", ["36,4", "18,1", "13,8"]),
    ("Återreglering 2025", ["-29,5", None, None]),
    ("Resultat", ["6,9", None, None]),
])
for c in C17:
    g.check_sum(f"p17 resultat innan återreglering [{c}]", [t17a["Summa förvaltning"][c],
                t17b["Summa förändringsinitiativ"][c]], t17c["Resultat innan återreglering"][c])
g.check_sum("p17 resultat", [t17c["Resultat innan återreglering"]["Utfall 2025"], t17c["Återreglering 2025"]["Utfall 2025"]],
            t17c["Resultat"]["Utfall 2025"])
g.fact(page=P, schema="ekonomi", label="Prognosen i oktober visade på ett överskott", scenario="prognos", year=2025,
       period_end=Y[2025], value_raw="18,1", scale=MN, unit="tkr", measure="resultat", **NARR,
       note="printed 'överskott om 18,1 miljoner kronor'")
g.fact(page=P, schema="ekonomi", label="Prognosen i augusti visade på ett överskott", scenario="prognos", year=2025,
       period_end=Y[2025], value_raw="13,8", scale=MN, unit="tkr", measure="resultat", **NARR,
       note="printed 'överskott om 13,8 miljoner kronor'")

# --- 2.4.2 (p19): Tjänster and Förändringsinsatser (costs; mnkr, confirmed by the text on p20) ---------------
cols19 = [Col("Utfall 2025", "utfall", 2025, Y[2025], scale=MN, measure="kostnader"),
          Col("Budget 2025", "budget", 2025, Y[2025], scale=MN, measure="kostnader"),
          # the avvikelse of a one-post table keeps the post (docs/facts.md, budgetavvikelse)
          Col("Avvikelse", "avvikelse", 2025, Y[2025], scale=MN, measure="kostnader"),
          Col("Prognos aug", "prognos", 2025, Y[2025], scale=MN, measure="kostnader"),
          Col("Utfall 2024", "utfall", 2024, Y[2024], scale=MN, measure="kostnader")]
C19 = [c.column for c in cols19]
rows19 = [
    ("Ekonomi", ["-53,7", "-58,1", "4,4", "-53,8", "-51,8"]),
    ("HR", ["-129,9", "-137,6", "7,7", "-131,7", "-128,3"]),
    ("Kommunikation, ledning och styrning", ["-88,3", "-106,6", "18,3", "-96,9", "-64,6"]),
    ("Digital infrastruktur", ["-776,9", "-789,3", "12,4", "-780,9", "-719,1"]),
]
N19P = "the rows sum to -1 063,3; printed -1 063,4 (rounding)"
t19 = g.table(page=P, schema="ekonomi", cols=cols19, label_is_area=True,
              rows=rows19 + [("Summa", ["-1 048,8", "-1 091,6", "42,8", "-1 063,4", "-963,8"], {"area": None,
                                                                                                   "notes": {3: N19P}})])
sums(t19, [r[0] for r in rows19], "Summa", C19, "2.4.2 tjänster", tol="0.1")
N19D = ("the document does not add up: -22,7 - (-22,4) = -0,3, printed -0,5 (the column still sums to "
        "Summa 2,4, which in turn should be -24,5 - (-27,1) = 2,6)")
N19S = "Summa Avvikelse 2,4 = sum of the printed rows; Utfall - Budget gives 2,6"
rows19b = [
    ("Ekonomi", ["0", "0", "0", "0", "0"]),
    ("HR", ["0", "-0,7", "0,7", "0", "0"]),
    ("Kommunikation, ledning och styrning", ["-1,8", "-4,0", "2,2", "-2,2", "-18,8"]),
    ("Digital infrastruktur", ["-22,7", "-22,4", "-0,5", "-22,1", "-51,7"], {"notes": {2: N19D}}),
]
t19b = g.table(page=P, schema="ekonomi", cols=cols19, label_is_area=True,
               rows=rows19b + [("Summa förändringsinsatser", ["-24,5", "-27,1", "2,4", "-24,3", "-70,5"],
                                {"area": None, "notes": {2: N19S}})])
sums(t19b, [r[0] for r in rows19b], "Summa förändringsinsatser", C19, "2.4.2 förändringsinsatser")
for t, known in ((t19, set()), (t19b, {"Digital infrastruktur", "Summa förändringsinsatser"})):
    for r, row in t.items():
        g.check(f"2.4.2 {r}: utfall - budget = avvikelse", row["Utfall 2025"] - row["Budget 2025"], row["Avvikelse"],
                known=r in known)
# p20: the same figures in words (positive amounts)
for area, utfall, budget in (("Ekonomi", "53,7", "58,1"), ("HR", "129,9", "137,6"),
                             ("Kommunikation, ledning och styrning", "88,3", "106,6"),
                             ("Digital infrastruktur", "776,9", "789,3"), ("Förändringsinsatser", "24,5", "27,1")):
    g.fact(page=P, schema="ekonomi", label=f"Tjänstekostnader {area}", scenario="utfall", year=2025, period_end=Y[2025],
           value_raw=utfall, scale=MN, unit="tkr", measure="kostnader", area=area, **NARR,
           note=f"printed '{utfall} miljoner kronor mot budget om {budget} miljoner' (positive, as printed)")
    g.fact(page=P, schema="ekonomi", label=f"Budget tjänstekostnader {area}", scenario="budget", year=2025,
           period_end=Y[2025], value_raw=budget, scale=MN, unit="tkr", measure="kostnader", area=area, **NARR)

# --- 3.1 (p22) narrative -----------------------------------------------------------------------------------
g.fact(page=P, schema="ekonomi", label="Den totala budgeterade intäkten", scenario="budget", year=2025,
       period_end=Y[2025], value_raw="1 509,2", scale=MN, unit="tkr", measure="intakter", **NARR,
       note="printed 'den totala budgeterade intäkten om 1 509,2 miljoner kronor'")

# --- 3.2 (p22-23): Resultaträkning (unit not printed: mnkr, Årets resultat 6,9 = 2.4.1) ------------------
cols22 = [Col("Utfall 2025", "utfall", 2025, Y[2025], scale=MN), Col("Budget 2025", "budget", 2025, Y[2025], scale=MN),
          Col("Avvikelse", "avvikelse", 2025, Y[2025], scale=MN),
          Col("Prognos augusti", "prognos", 2025, Y[2025], scale=MN),
          Col("Avvikelse", "avvikelse", 2025, Y[2025], scale=MN),
          Col("Utfall 2024", "utfall", 2024, Y[2024], scale=MN)]
AV2 = "second Avvikelse column: Utfall 2025 - Prognos augusti (same key as the budget Avvikelse)"
inc = [
    ("Bastjänster, förvaltning", ["271,9", "302,3", "-30,4", "282,5", "-10,6", "244,7"]),
    ("Digital infrastruktur, förvaltning", ["776,9", "789,3", "-12,4", "780,9", "-4,0", "719,1"]),
    ("Totalt förvaltning", ["1 048,8", "1 091,6", "-42,8", "1 063,4", "-14,6", "963,8"]),
    ("Bastjänster, förändringsinitiativ", ["1,8", "4,7", "-2,9", "2,2", "-0,4", "18,8"]),
    ("Digital infrastruktur, förändringsinitiativ", ["22,7", "22,4", "0,3", "22,1", "0,6", "51,7"]),
    ("Totalt förändringsinitiativ", ["24,5", "27,1", "-2,6", "24,3", "0,2", "70,5"]),
    ("Totalt förvaltning och förändringsinitiativ", ["1 073,3", "1 118,7", "-45,4", "1 087,7", "-14,4", "1 034,3"]),
    ("Bastjänster, Inköp och upphandling", ["9,6", "10,4", "-0,8", "9,8", "-0,2", "11,0"]),
    ("Digital infrastruktur, Demokrati och medborgarservice", ["29,3", "31,1", "-1,8", "29,8", "-0,5", "31,2"]),
    ("Tilläggs- och specialisttjänster", ["42,4", "43,2", "-0,8", "40,8", "1,6", "20,9"]),
    ("E-tjänstekort", ["12,8", "10,6", "2,2", "10,9", "1,9", "11,9"]),
    ("Direktförsäljning och övriga intäkter", ["287,7", "257,0", "30,7", "284,9", "2,8", "268,6"]),
    ("Kommunbidrag", ["38,2", "38,2", "0", "38,2", "0", "35,5"], {"measure": "kommunbidrag"}),
    ("Totala intäkter", ["1 493,3", "1 509,2", "-15,9", "1 502,1", "-8,8", "1 413,4"], {"measure": "intakter"}),
]
cost = [
    ("Personalkostnader", ["-551,7", "-593,1", "41,4", "-549,7", "-2,0", "-528,2"], {"measure": "personalkostnad"}),
    ("Konsultkostnader", ["-110,7", "-126,4", "15,7", "-120,1", "9,4", "-109,2"]),
    ("IT-program, IT-licenser, IT-tjänster", ["-438,8", "-435,9", "-2,9", "-442,3", "3,5", "-425,5"]),
    ("Hyra leasing IT-utrustning", ["-238,5", "-209,5", "-29,0", "-236,4", "-2,1", "-217,7"]),
    ("Övriga kostnader", ["-146,0", "-142,8", "-3,2", "-138,3", "-7,7", "-126,7"], {"measure": "ovriga_kostnader"}),
    ("Finansnetto", ["-0,7", "-1,5", "0,8", "-1,5", "0,8", "-2,4"]),
    ("Totala kostnader", ["-1 486,4", "-1 509,2", "22,8", "-1 488,3", "1,9", "-1 409,7"], {"measure": "kostnader"}),
    ("Årets resultat", ["6,9", "0", "6,9", "13,8", "-6,9", "3,7"], {"measure": "resultat"}),
]
for rows in (inc, cost):
    for i, r in enumerate(rows):
        opts = dict(r[2]) if len(r) > 2 else {}
        opts["notes"] = {4: AV2}
        rows[i] = (r[0], r[1], opts)
g.table(page=P, schema="ekonomi", cols=cols22, rows=inc + cost)
# arithmetic on the printed cells (columns: 0 utfall, 1 budget, 2 avv, 3 prognos, 4 avv, 5 utfall 2024)
grid = {r[0]: [g_ for g_ in r[1]] for r in inc + cost}
from goldlib import d  # noqa: E402

for label, cells in grid.items():
    v = [d(x) for x in cells]
    g.check(f"3.2 {label}: utfall - budget", v[0] - v[1], v[2])
    g.check(f"3.2 {label}: utfall - prognos", v[0] - v[3], v[4])
for k in (0, 1, 3, 5):
    col = lambda lab: d(grid[lab][k])  # noqa: E731
    g.check_sum(f"3.2 Totalt förvaltning [{k}]", [col("Bastjänster, förvaltning"), col("Digital infrastruktur, förvaltning")],
                col("Totalt förvaltning"))
    g.check_sum(f"3.2 Totalt förändringsinitiativ [{k}]", [col("Bastjänster, förändringsinitiativ"),
                col("Digital infrastruktur, förändringsinitiativ")], col("Totalt förändringsinitiativ"))
    g.check_sum(f"3.2 Totalt förv och förändr [{k}]", [col("Totalt förvaltning"), col("Totalt förändringsinitiativ")],
                col("Totalt förvaltning och förändringsinitiativ"))
    g.check_sum(f"3.2 Totala intäkter [{k}]", [col(x) for x in ("Totalt förvaltning och förändringsinitiativ",
                "Bastjänster, Inköp och upphandling", "Digital infrastruktur, Demokrati och medborgarservice",
                "Tilläggs- och specialisttjänster", "E-tjänstekort", "Direktförsäljning och övriga intäkter",
                "Kommunbidrag")], col("Totala intäkter"))
    g.check_sum(f"3.2 Totala kostnader [{k}]", [col(r[0]) for r in cost[:6]], col("Totala kostnader"))
    g.check_sum(f"3.2 Årets resultat [{k}]", [col("Totala intäkter"), col("Totala kostnader")], col("Årets resultat"))

# --- 3.3 (p25): Balansräkning (Belopp i mnkr) ---------------------------------------------------------------
cols25 = [Col("Bokslut 2025", "bokslut", 2025, Y[2025], scale=MN), Col("Bokslut 2024", "bokslut", 2024, Y[2024], scale=MN)]
C25 = [c.column for c in cols25]
t25 = g.table(page=P, schema="ekonomi", cols=cols25, rows=[
    ("Maskiner och inventarier", ["0", "0"]),
    ("Summa anläggningstillgångar", ["0", "0"]),
    ("Kundfordringar", ["34,5", "35,5"]),
    ("Övriga fordringar", ["-4 005,1", "-2 270,2"]),
    ("Förutbetalda kostnader och upplupna intäkter", ["140,5", "133,4"]),
    ("Kommunkonto och likvida medel", ["4 045,6", "2 261,6"]),
    ("Summa omsättningstillgångar", ["215,5", "160,3"]),
    ("Summa tillgångar", ["215,5", "160,3"]),
    ("Ingående eget kapital", ["11,0", "11,0"]),
    ("Årets resultat", ["6,9", "3,7"], {"measure": "resultat"}),
    ("Summa eget kapital", ["17,9", "14,7"]),
    ("Leverantörsskulder", ["117,7", "83,2"]),
    ("Övriga kortfristiga skulder", ["22,4", "17,8"]),
    ("Upplupna kostnader och förutbetalda intäkter", ["57,5", "44,6"]),
    ("Summa kortfristiga skulder", ["197,6", "145,6"]),
    ("Summa skulder och eget kapital", ["215,5", "160,3"]),
])
sums(t25, ["Kundfordringar", "Övriga fordringar", "Förutbetalda kostnader och upplupna intäkter",
           "Kommunkonto och likvida medel"], "Summa omsättningstillgångar", C25, "3.3")
sums(t25, ["Summa anläggningstillgångar", "Summa omsättningstillgångar"], "Summa tillgångar", C25, "3.3")
sums(t25, ["Ingående eget kapital", "Årets resultat"], "Summa eget kapital", C25, "3.3")
sums(t25, ["Leverantörsskulder", "Övriga kortfristiga skulder", "Upplupna kostnader och förutbetalda intäkter"],
     "Summa kortfristiga skulder", C25, "3.3")
sums(t25, ["Summa eget kapital", "Summa kortfristiga skulder"], "Summa skulder och eget kapital", C25, "3.3")

# --- 4.3 (p28): Antal chefer per intervall of medarbetare -------------------------------------------------
t28 = g.table(page=P, schema="personal", kon="T", label_is_category=True,
              cols=[Col("Antal chefer", "utfall", 2025, Y[2025], "antal")], rows=[
    ("-19", ["28"]), ("20-25", ["10"]), ("26-30", ["4"]), ("31-40", ["0"]), ("41-50", ["1"]), ("51 -", ["0"]),
])
g.check_sum("4.3 chefer = 43 (text: 38 av 43 chefer)", [v["Antal chefer"] for v in t28.values()], d("43"))

# --- 6.1 / 6.2 (p35-p40): uppdrag with printed status ----------------------------------------------------
KF = "Uppdrag från KF/KS"
EGNA = "nämndens egna uppdrag"
UPPDRAG = [
    (KF, "Avslutad", "Alla nämnder och bolagsstyrelser får i uppdrag att analysera sina inköp utifrån Göteborgs Stads "
     "spendrapport och ta fram förslag på hur inköpsarbetet kan förbättras avseende kostnadsmedvetenhet, "
     "långsiktighet och hållbarhet. Inköps- och upphandlingsnämnden ska stötta i detta arbete."),
    (KF, "Avslutad", "Alla nämnder och bolagsstyrelser får i uppdrag att säkerställa en hållbar livscykelhantering av "
     "bärbar elektronik."),
    (KF, "Avslutad", "Göteborgs Stads nämnder och styrelser får i uppdrag att med rapporten som utgångspunkt se över "
     "sina samverkansformer och arbetssätt för att aktivt samråda med och involvera funktionsrättsrörelsen inom "
     "områden där det anses vara befogat. Uppdraget återredovisas i respektive nämnds och styrelses del- eller "
     "årsrapport."),
    (KF, "Avslutad", "Kommunstyrelsen och nämnden för Intraservice får i uppdrag att genomföra en överföring av "
     "ansvaret för employer branding i enlighet med stadsledningskontorets tjänsteutlåtande."),
    (EGNA, "Avslutad", "Förvaltningen ska fortsätta sitt uppdrag att minska kostnaderna för IT-licenser, andra "
     "mjukvarulicenser och hårdvarulicenser i övriga nämnder i staden. I uppdraget ligger också att pröva digitala "
     "verktyg mot behovet i varje verksamhet. Förvaltningen får i uppdrag att fortsatt ha extra fokus på att skapa "
     "vikariepaket licenser i samverkan med berörda förvaltningar."),
    (EGNA, "Avslutad", "Förvaltningen för Intraservice uppdras att ta fram en utträdesstrategi för IT-produkter som "
     "används i gemensamma tjänster och tjänster tillhörande digital infrastruktur i de fall leverantören enligt "
     "tredje lands rättsordning kan åläggas en skyldighet att lämna ut kundens uppgifter till en myndighet i tredje "
     "land i strid med svensk rättsordning."),
    (EGNA, "Avslutad", "Intraservice får i uppdrag att aktivt informera övriga nämnder och bolag om hur Intraservice "
     "kan hjälpa till att nå stadens mål – ”Alla nämnder och bolagsstyrelser får i uppdrag att säkerställa en hållbar "
     "livscykelhantering av bärbar elektronik”."),
    (EGNA, "Avslutad", "Intraservice får i uppdrag arbeta stöttande gentemot nämnderna i syfte att minska och "
     "effektivisera deras IT-kostnader. Nämnden ska särskilt stödja skolornas datorhantering och datorsupport för att "
     "avlasta skolan resurser som i stället kan läggas på undervisning."),
    (EGNA, "Avslutad", "Förvaltningen får i uppdrag att ta fram förslag inför 2026 med ytterligare punkter för "
     "hållbarhetsförbättringar med fokus på miljöförbättringar."),
    (EGNA, "Avslutad", "Förvaltningen ska i sin omvärldsbevakning särskilt beakta lösningar som motverkar digitalt "
     "utanförskap."),
    (EGNA, "Avslutad", "Förvaltningen för Intraservice får i uppdrag att löpande redovisa sin roll och sina ambitioner "
     "inom området AI."),
    (EGNA, "Pågående", "Kommunstyrelsen får i uppdrag att i samverkan med samtliga nämnder utveckla det systematiska "
     "arbetsmiljöarbetet. Metoder ska tas fram och spridas för att förebygga sjukskrivningar."),
    (EGNA, "Avslutad", "Förvaltningen ska säkerställa att alla första linjens chefer genomgått arbetsmiljöutbildning"),
]
for kind, status, text in UPPDRAG:
    g.fact(page=P, schema="maluppfyllelse", label=text, column="Uppdragets status och kommentar", scenario=None,
           year=2025, period_end=Y[2025], value_raw=None, unit="status", measure="uppdrag", status=status,
           note=f"{kind}; status printed in the text")

# Every printed cell must be in the dump (guards against typing errors in this script).
dump = " ".join((CORPUS / DOC).read_text(encoding="utf-8").split())
missing = [f"{f['label']!r}: {f['raw_value']!r}" for f in g.facts
           if f["raw_value"] and not re.search(rf"(?<![\d,]){re.escape(f['raw_value'])}(?![\d,])", dump)]
if missing:
    raise SystemExit("not in the dump: " + "; ".join(missing))

g.write()
meta = {
    "document": DOC,
    "source": DOC,
    "format": "txt",
    "expected": {
        "kommun_kod": "1480", "kommun": "Göteborg", "namnd": "Nämnden för Intraservice",
        "dokumenttyp": "arsredovisning", "period_typ": "helar", "period_slut": "2025-12-31", "ar": 2025,
    },
    "covered_pages": "all",
    "image_pages": [],
    "chart_pages": [],
    "notes": [
        "Text only (pdftotext -layout of the årsrapport; the PDF is not in the corpus): values read by column "
        "position; page null on every fact.",
        "Årsrapport: dokumenttyp arsredovisning (README vocabulary).",
        "Money: 2.4.1 and 3.3 print 'Belopp i mnkr'; the p17 table, 2.4.2 and 3.2 print no unit, mnkr is inferred "
        "(their Resultat/Årets resultat 6,9 = 2.4.1, and the p20 text gives the 2.4.2 figures in miljoner kronor).",
        "3.2 Resultaträkning has two Avvikelse columns (against budget and against prognos augusti): both "
        "scenario avvikelse, same key, told apart by value.",
        "Document does not add up: 2.4.2 Förändringsinsatser Digital infrastruktur Avvikelse -0,5 (should be -0,3) "
        "and Summa 2,4 (Utfall - Budget = 2,6); 2.4.2 Tjänster Summa Prognos aug -1 063,4 vs rows -1 063,3.",
        "NKI 58,6 %* is in the 2024 column (from the 2024 survey); 2023 is '-'.",
        "2.4.3 statsbidrag table prints '*' instead of amounts: no facts. 4.1.2 is text.",
        "Narrative: headline result, prognoser, sjukfrånvaro, new hires, volumes, and the p20 tjänstekostnader "
        "(printed as positive miljoner kronor); each listed once even where the text repeats it.",
        "Uppdrag (6.1, 6.2): status words are printed (Avslutad, Pågående); the status dates are not facts.",
    ],
}
write_meta(DOC, meta)
