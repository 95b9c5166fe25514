"""Gold: Alingsås, Barn- och ungdomsnämnden, Lokalförsörjningsplan 2026-2031 (19 pages, pool).

Retyped from the rendered pages (scale 3 crops of every table); labels copied from the
pypdfium2 text layer. Every planeringstal table has the läsår columns 26/27 ... 35/36: year =
the first calendar year, period_end = 30 June of the second (README: Scenario, year,
period_end). Run:
    .venv/bin/python tests/gold/src/barn-och-ungdomsnamnden__2026-06-16__bilagor__bilaga-lokalforsorjningsplan-2026-2031-till-bun-20260610.py
"""

from __future__ import annotations

import sys
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from goldlib import Col, Gold, write_meta  # noqa: E402

DOC = "barn-och-ungdomsnamnden__2026-06-16__bilagor__bilaga-lokalforsorjningsplan-2026-2031-till-bun-20260610.pdf"
g = Gold(DOC)
VM = "verksamhetsmatt"
NARR = dict(method="narrative", column=None)

# Läsår columns: '26/27' -> year 2026, period_end 2027-06-30. Planning figures of future
# läsår (counts of children/pupils, capacity, över-/underkapacitet): scenario prognos.
LASAR = [f"{y % 100:02d}/{(y + 1) % 100:02d}" for y in range(2026, 2036)]
COLS = [Col(c, "prognos", 2000 + int(c[:2]), f"{2000 + int(c[:2]) + 1}-06-30", unit="antal", measure=VM)
        for c in LASAR]

N_TATORT_OVER = ("ÖVERKAPACITET is not LOKALKAPACITET - BEHOV VT here: the table leaves 24-35 places less "
                 "(24, 24, 29, 32, 34, 34, 34, 35, 35, 35 over the ten läsår); probably the ~35 extra årsplatser "
                 "from generationsväxling named on p14, which the document does not say; value as printed")


N_KOMMUN_OVER = ("ÖVERKAPACITET is not LOKALKAPACITET - BEHOV VT here: the same 24-35 places less as in the "
                 "tätort table p14 (see there); value as printed")


def planning(page: int, area: str, rows: list[tuple[str, str]], note_rows: dict[str, str] | None = None
             ) -> dict[str, dict[str, Decimal]]:
    """One planeringstal table: rows (label as printed, the ten cells as one printed string)."""
    out = []
    for label, cells in rows:
        opts: dict = {"area": area}
        if note_rows and label in note_rows:
            opts["notes"] = dict.fromkeys(range(10), note_rows[label])
        out.append((label, cells.split(), opts))
    return g.table(page=page, schema="verksamhet", cols=COLS, rows=out)


# The prognos counts are rounded from fractional projections (befolkningsprognos x beläggningsprocent), so a
# printed sum or difference may be 1 off the printed terms: tolerance 1 (TOL) in every check.
TOL = "1"


def check_rows(page: int, t: dict, parts: list[str], total: str, minus: str | None = None, known=False) -> None:
    """total = sum(parts) (or, with minus, total = parts[0] - minus) in every läsår column, within TOL."""
    for c in LASAR:
        if minus:
            g.check(f"p{page} {total} = {parts[0]} - {minus} [{c}]", t[parts[0]][c] - t[minus][c], t[total][c],
                    tol=TOL, known=known)
        else:
            g.check_sum(f"p{page} {total} = {' + '.join(parts)} [{c}]", [t[p][c] for p in parts], t[total][c],
                        tol=TOL, known=known)


# --- p8: 2.1 Befolkningsprognos förskola, the whole kommun ------------------------------------------------
K_FSK = "Alingsås kommun förskolor"
p8 = planning(8, K_FSK, [
    ("1-3 år", "765 750 735 722 715 713 714 718 725 732"),
    ("4-5 år", "629 578 551 545 535 526 521 519 519 522"),
    ("4-6 år", "915 867 819 798 790 777 771 768 769 771"),
    ("BEHOV HT", "1394 1328 1286 1267 1251 1238 1235 1237 1244 1254"),
    ("BEHOV VT", "1680 1617 1555 1520 1505 1490 1485 1487 1494 1503"),
    ("LOKALKAPACITET", "1986 1906 1948 2030 2030 2130 2130 2130 2130 2130"),
    ("ÖVERKAPACITET", "282 265 364 478 491 606 611 608 601 592"),
], note_rows={"ÖVERKAPACITET": N_KOMMUN_OVER})
check_rows(8, p8, ["1-3 år", "4-5 år"], "BEHOV HT")
check_rows(8, p8, ["1-3 år", "4-6 år"], "BEHOV VT")
check_rows(8, p8, ["LOKALKAPACITET"], "ÖVERKAPACITET", minus="BEHOV VT", known=True)

# --- p9: 2.2 Befolkningsprognos grundskola, the whole kommun F-9 ------------------------------------------
K_F9 = "Alingsås kommun F-9"
p9 = planning(9, K_F9, [
    # the rendered cell is clipped to 'BEHOV Förskolekla'; the text layer has the whole word
    ("BEHOV Förskoleklass", "476 457 425 397 393 385 377 376 373 372"),
    ("BEHOV 1-3", "1395 1414 1414 1405 1326 1262 1222 1202 1185 1173"),
    ("BEHOV 4-6", "1411 1458 1499 1463 1483 1483 1474 1394 1330 1291"),
    ("BEHOV 7-9", "1320 1322 1199 1173 1168 1152 1137 1150 1142 1144"),
    ("LOKALKAPACITET", "5226 5381 5494 5589 5499 5499 5499 5499 5499 5499"),
    ("ÖVERKAPACITET", "624 729 957 1151 1129 1217 1289 1377 1469 1519"),
])
for c in LASAR:
    behov = sum((p9[r][c] for r in ("BEHOV Förskoleklass", "BEHOV 1-3", "BEHOV 4-6", "BEHOV 7-9")), Decimal(0))
    g.check(f"p9 ÖVERKAPACITET = LOKALKAPACITET - sum BEHOV [{c}]", p9["LOKALKAPACITET"][c] - behov,
            p9["ÖVERKAPACITET"][c], tol=TOL)

# --- p10: 3.1.1 Kommundel norra, förskola ---------------------------------------------------------------
p10 = planning(10, "NORRA - förskolor", [
    ("BEHOV HT", "159 149 145 144 142 142 142 141 141 142"),
    ("BEHOV VT", "195 185 177 172 170 168 168 168 168 168"),
    ("LOKALKAPACITET", "220 220 220 220 220 220 220 220 220 220"),
    ("ÖVERKAPACITET", "25 35 43 48 50 52 52 52 52 52"),
])
check_rows(10, p10, ["LOKALKAPACITET"], "ÖVERKAPACITET", minus="BEHOV VT")

# --- p11: 3.1.2 Kommundel norra, grundskola (top), 3.2.1 Långareds förskola (bottom) --------------------
p11a = planning(11, "NORRA - Skolor", [
    ("BEHOV F", "52 52 46 41 41 38 39 39 39 39"),
    ("BEHOV 1-3", "122 126 137 151 139 129 121 119 117 117"),
    ("BEHOV 4-6", "144 143 134 122 126 137 151 139 129 121"),
    ("BEHOV 7-9", "133 122 116 109 107 100 90 98 109 119"),
    ("LOKALKAPACITET", "740 740 740 740 740 740 740 740 740 740"),
    ("ÖVERKAPACITET", "289 298 307 317 326 336 339 345 346 344"),
])
for c in LASAR:
    behov = sum((p11a[r][c] for r in ("BEHOV F", "BEHOV 1-3", "BEHOV 4-6", "BEHOV 7-9")), Decimal(0))
    g.check(f"p11 NORRA skolor ÖVERKAPACITET [{c}]", p11a["LOKALKAPACITET"][c] - behov, p11a["ÖVERKAPACITET"][c], tol=TOL)
p11b = planning(11, "Långareds förskola", [
    ("BEHOV HT", "54 51 52 51 48 47 47 46 45 45"),
    ("BEHOV VT", "69 61 60 60 59 56 55 55 54 53"),
    ("LOKALKAPACITET", "80 80 80 80 80 80 80 80 80 80"),
    ("ÖVERKAPACITET", "11 19 20 20 21 24 25 25 26 27"),
])
check_rows(11, p11b, ["LOKALKAPACITET"], "ÖVERKAPACITET", minus="BEHOV VT")
g.fact(page=11, schema="verksamhet", label="Långareds förskola, lokalkapacitet (barn)", scenario="utfall", year=2026,
       period_end=None, value_raw="80", unit="antal", measure=VM, area="Långareds förskola", **NARR,
       note="printed 'I Långareds förskola finns en lokalkapacitet för 80 barn.' (present tense: current capacity, "
            "no date printed)")

# --- p12: 3.3.1 Kommundel södra, förskola ---------------------------------------------------------------
p12 = planning(12, "SÖDRA - förskolor", [
    ("BEHOV HT", "347 324 305 297 289 281 276 275 276 278"),
    ("BEHOV VT", "437 420 392 370 361 354 347 343 343 344"),
    ("LOKALKAPACITET", "460 460 560 560 560 560 560 560 560 560"),
    ("ÖVERKAPACITET", "23 40 168 190 199 206 213 217 217 216"),
])
check_rows(12, p12, ["LOKALKAPACITET"], "ÖVERKAPACITET", minus="BEHOV VT")

# --- p13: 3.3.2 Kommundel södra, grundskola: F-6 and 7-9 under one side label 'SÖDRA - Skolor' -----------
S = "SÖDRA - Skolor"
p13a = planning(13, S, [
    ("Förskoleklass", "109 116 107 92 90 89 88 84 83 82"),
    ("Åk 1-3", "347 337 347 347 329 304 286 282 276 269"),
    ("Åk 4-6", "287 334 351 369 359 369 368 351 325 308"),
    ("BEHOV F-6", "743 787 805 807 779 762 742 717 684 659"),
    ("LOKALKAPACITET", "817 817 817 817 817 817 817 817 817 817"),
    ("Överkapacitet", "74 30 12 10 38 55 75 100 133 158"),
])
check_rows(13, p13a, ["Förskoleklass", "Åk 1-3", "Åk 4-6"], "BEHOV F-6")
check_rows(13, p13a, ["LOKALKAPACITET"], "Överkapacitet", minus="BEHOV F-6")
p13b = planning(13, S, [   # printed zeros (Ingared's 7-9 opens in 27/28) are facts
    ("Åk 7", "0 71 69 74 84 78 74 78 74 74"),
    ("Åk 8", "0 0 71 69 74 84 78 74 78 78"),
    ("Åk 9", "0 0 0 72 70 74 84 78 75 75"),
    ("BEHOV 7-9", "0 71 141 215 227 236 236 231 227 227"),
    ("LOKALKAPACITET", "0 100 200 300 300 300 300 300 300 300"),
    ("Överkapacitet", "0 29 59 85 73 64 64 69 73 73"),
])
check_rows(13, p13b, ["Åk 7", "Åk 8", "Åk 9"], "BEHOV 7-9")
check_rows(13, p13b, ["LOKALKAPACITET"], "Överkapacitet", minus="BEHOV 7-9")

# p13 running text, 3.4.1 Alingsås tätort förskola: current places (present tense, no date printed)
NOW = "present tense ('I nuläget finns'): current figure, no date printed"
g.fact(page=13, schema="verksamhet", label="Antal förskolor i Alingsås tätort", scenario="utfall", year=2026,
       period_end=None, value_raw="18", unit="antal", measure=VM, area="Alingsås tätort", **NARR,
       note=f"printed 'I nuläget finns i Alingsås tätort totalt 18 förskolor'; {NOW}")
for forskola, places, phrase in [
    ("Nolängens förskola", "19", "Den minsta förskolan är Nolängens förskola med plats för 19 barn"),
    ("Brogårdens förskola", "140", "den största är Brogårdens förskola med plats för 140 barn"),
    ("Stadsskogens förskola", "100", "Stadsskogens, Tegelslagarens och Stockslyckes förskolor har vardera plats för 100 barn"),
    ("Tegelslagarens förskola", "100", "Stadsskogens, Tegelslagarens och Stockslyckes förskolor har vardera plats för 100 barn"),
    ("Stockslyckes förskola", "100", "Stadsskogens, Tegelslagarens och Stockslyckes förskolor har vardera plats för 100 barn"),
]:
    extra = "; 'vardera' gives one fact per förskola (area spelled out from the joint phrase)" if places == "100" else ""
    g.fact(page=13, schema="verksamhet", label=f"{forskola}, plats för barn", scenario="utfall", year=2026,
           period_end=None, value_raw=places, unit="antal", measure=VM, area=forskola, **NARR,
           note=f"printed '{phrase}'; {NOW}{extra}")

# --- p14: 3.4.1 Alingsås tätort, förskola -------------------------------------------------------------
p14 = planning(14, "Förskolor - Alingsås tätort", [
    ("1-3 år", "471 458 451 445 445 445 447 451 456 460"),
    ("4-5 år", "362 345 334 328 323 319 318 318 319 322"),
    ("4-6 år", "513 487 471 469 465 458 459 460 463 466"),
    ("BEHOV HT", "832 803 784 774 768 764 766 769 775 782"),
    ("BEHOV VT", "984 945 922 914 909 903 906 912 919 926"),
    ("LOKALKAPACITET", "1226 1146 1088 1170 1170 1270 1270 1270 1270 1270"),
    ("ÖVERKAPACITET", "218 177 137 224 227 333 330 323 316 309"),
], note_rows={"ÖVERKAPACITET": N_TATORT_OVER})
check_rows(14, p14, ["1-3 år", "4-5 år"], "BEHOV HT")
check_rows(14, p14, ["1-3 år", "4-6 år"], "BEHOV VT")
check_rows(14, p14, ["LOKALKAPACITET"], "ÖVERKAPACITET", minus="BEHOV VT", known=True)
g.fact(page=14, schema="verksamhet", label="Antal förskolor i Alingsås tätort", scenario="utfall", year=2026,
       period_end=None, value_raw="18", unit="antal", measure=VM, area="Alingsås tätort", **NARR,
       note=f"printed 'I Alingsås tätort finns idag totalt 18 förskolor' (the p13 figure restated); {NOW}")
g.fact(page=14, schema="verksamhet", label="Ny förskola i Nolhaga, planerad kapacitet (barn)", scenario="prognos",
       year=2028, period_end="2029-06-30", value_raw="120", unit="antal", measure=VM, area="Nolhaga förskola",
       **NARR, note="printed 'planeras stå klar för inflyttning hösten 2028. Förskolan planeras med kapacitet för "
                    "120 barn': planned capacity from läsår 28/29 (year 2028, period_end 2029-06-30)")

# --- p15: 3.4.2 Alingsås tätort, grundskola F-6 (no side label: the header cell names the area) ----------
p15 = planning(15, "Alingsås tätort F-6", [
    ("Förskoleklass", "295 276 261 253 248 245 240 241 241 241"),
    ("Åk 1-3", "870 896 881 862 820 792 777 764 757 752"),
    ("Åk4-6", "934 929 954 916 942 927 908 866 838 822"),
    ("BEHOV", "2099 2101 2097 2031 2010 1964 1925 1871 1836 1816"),
    ("LOKALKAPACITET", "2294 2374 2412 2432 2342 2342 2342 2342 2342 2342"),
    ("Överkapacitet", "195 273 315 401 332 378 417 471 506 526"),
])
check_rows(15, p15, ["Förskoleklass", "Åk 1-3", "Åk4-6"], "BEHOV")
check_rows(15, p15, ["LOKALKAPACITET"], "Överkapacitet", minus="BEHOV")

# --- p16: 3.4.3 Alingsås tätort, grundskola 7-9 ---------------------------------------------------------
p16 = planning(16, "Skolor i tätorten 7-9", [
    ("Åk 7-9", "1187 1130 942 848 833 816 811 821 806 798"),
    ("BEHOV", "1187 1130 942 848 833 816 811 821 806 798"),
    ("LOKALKAPACITET", "1200 1175 1150 1125 1125 1125 1125 1125 1125 1125"),
    ("ÖVERKAPACITET", "13 45 208 277 292 309 314 304 319 327"),
])
check_rows(16, p16, ["Åk 7-9"], "BEHOV")
check_rows(16, p16, ["LOKALKAPACITET"], "ÖVERKAPACITET", minus="BEHOV")

# --- p10 running text: 2.3 Elevantal i anpassad grundskola ------------------------------------------------
g.fact(page=10, schema="verksamhet", label="Elever i anpassad grundskola", scenario="utfall", year=2025,
       period_end="2026-06-30", value_raw="42", unit="antal", measure=VM, area="Anpassad grundskola", **NARR,
       note="printed '42 elever har gått i anpassad grundskola under de två senaste läsåren': read as the count "
            "of each of the last two läsår; year/period_end of the latest, läsår 25/26")

# --- cross-table checks: the kommun tables against the areas ----------------------------------------------
# Förskola: kommun = norra + Långared + södra + tätort. Capacity adds up; BEHOV VT and ÖVERKAPACITET do not
# in every läsår (the kommun table is not the sum of the area tables), reported as KNOWN.
AREAS_FSK = [p10, p11b, p12, p14]
for row in ("LOKALKAPACITET", "BEHOV HT", "BEHOV VT", "ÖVERKAPACITET"):
    for c in LASAR:
        g.check_sum(f"p8 kommun {row} = sum of area tables [{c}]", [t[row][c] for t in AREAS_FSK], p8[row][c],
                    tol=TOL, known=row != "LOKALKAPACITET")
g.facts.sort(key=lambda f: (f["page"], f["method"] != "table"))  # by page; within a page as added
g.write()

meta = {
    "document": DOC,
    "source": f"pool/{DOC}",
    "format": "pdf",
    "pages": 19,
    "expected": {"kommun_kod": "1489", "kommun": "Alingsås", "namnd": "Barn- och ungdomsnämnden"},
    "covered_pages": "all",
    "image_pages": [],
    "chart_pages": [],
    "notes": [
        "Lokalförsörjningsplan 2026-2031, decided by Barn- och ungdomsnämnden 2026-06-16. expected: dokumenttyp "
        "left out (brief); the plan has no single report period or year (plan 2026-2031, planeringstal for läsår "
        "26/27-35/36), so period_typ, period_slut and ar are left out (as for the VON genomlysning 2026-2027).",
        "Planeringstal tables (p8, p9, p10, p11 x2, p12, p13 x2, p14, p15, p16; all with a text layer, not images): "
        "counts of children, pupils, BEHOV, LOKALKAPACITET and ÖVERKAPACITET are schema verksamhet, unit antal, "
        "measure verksamhetsmatt, never money. Future läsår of a prognos (the section headings say "
        "'Befolkningsprognos', the text 'Prognosen visar'): scenario prognos, capacity included.",
        "Läsår columns: '26/27' has year 2026 and period_end 2027-06-30 (the school year ends 30 June; README: "
        "Scenario, year, period_end).",
        "area = the table's own area label as printed: the rotated side label (facts.md Areas rule 2, a group "
        "column holding for every row: 'Alingsås kommun förskolor', 'Alingsås kommun F-9', 'NORRA - förskolor', "
        "'NORRA - Skolor', 'Långareds förskola', 'SÖDRA - förskolor', 'SÖDRA - Skolor' (both p13 sub-tables), "
        "'Förskolor - Alingsås tätort', 'Skolor i tätorten 7-9'); p15 has no side label and its header cell "
        "'Alingsås tätort F-6' is used. The kommun-wide tables keep their printed label as area too (they cover "
        "one school form, not the whole nämnd). The 'Antal barn' / 'Antal elever' / 'Södra' header cells are not "
        "labels of facts.",
        "Age-band rows ('1-3 år', '4-5 år', '4-6 år') and årskurs rows keep the band in label only; category null "
        "(README: verksamhet tables whose rows are items keep the item in label only).",
        "Labels as printed, case included: 'ÖVERKAPACITET' (p8-p12, p14, p16) vs 'Överkapacitet' (p13, p15), "
        "'Åk4-6' without a space on p15. p9 'BEHOV Förskoleklass' is clipped to 'BEHOV Förskolekla' in the "
        "rendered cell; the text layer has the whole word. LOKALKAPACITET/ÖVERKAPACITET appear twice on p11 and "
        "p13 (two tables); area and value tell them apart.",
        "Checks: BEHOV HT = 1-3 år + 4-5 år and BEHOV VT = 1-3 år + 4-6 år (p8, p14); BEHOV = sum of the årskurs "
        "rows (p13, p15, p16); ÖVERKAPACITET = LOKALKAPACITET - BEHOV (VT for förskola) holds in every table "
        "except p8 and p14. All within 1: the prognos counts are rounded from fractional projections, so 20 "
        "printed sums/differences are 1 off their printed terms (e.g. p13 BEHOV 7-9 28/29: 69 + 71 + 0 = 140, "
        "printed 141); not noted per line.",
        "Does not add up: p14 tätort förskola ÖVERKAPACITET is 24-35 places below LOKALKAPACITET - BEHOV VT "
        "(24, 24, 29, 32, 34, 34, 34, 35, 35, 35), and the p8 kommun table has exactly the same gaps; probably the "
        "'omkring 35 ytterligare årsplatser' from generationsväxling (p14 text) taken off the överkapacitet but "
        "not added to BEHOV; the document does not say. Values as printed, noted on the lines.",
        "Does not add up: the p8 kommun förskola table is not the sum of the four area tables (p10, p11, p12, "
        "p14) in BEHOV HT/VT and ÖVERKAPACITET (26/27 VT: areas 1 685, kommun 1 680; 35/36 VT: areas 1 491, "
        "kommun 1 503), although LOKALKAPACITET adds up in every läsår (26/27: 1 986). The p9 kommun F-9 table "
        "cannot be checked against the areas: Långareds skola (3.2.2) has no table (the areas give 5 051 of the "
        "5 226 places in 26/27).",
        "Narrative: p10 42 elever in anpassad grundskola (utfall, latest läsår 25/26), p11 Långared capacity 80, "
        "p13/p14 18 förskolor in the tätort and the places of named förskolor (utfall, year 2026 = the plan's "
        "year, period_end null: present tense, no date printed; area = the förskola or 'Alingsås tätort'), p14 new "
        "Nolhaga förskola 120 places from hösten 2028 (prognos, läsår 28/29). Left out as estimates (cirka/omkring): "
        "p8 'cirka 1 680 platser' (= BEHOV VT 26/27) and 'cirka 4 600 platser', p12 'cirka 80 platser', p14 'cirka "
        "320 hushåll' / 'omkring 35 ytterligare årsplatser', p15 'cirka 120 barn' (Bolltorps park), 'omkring 90 "
        "elevplatser' and 'cirka 40 elevplatser', p17 'cirka 25 elever', p7/p18 'omkring/cirka tio procent'. Left "
        "out: numbers written as words (fem förskolor, sex grundskolor, två miljoner kronor), p6 'totalt 18 "
        "förskolor' (the scope of a capacity measurement, not a stock statement), p13 'från 100 till 300 "
        "elevplatser' (restates the p13 table; no läsår printed with it), dates, law references (2010:800).",
        "No charts; pages 1-7 and 17-19 have no table or key figure and are covered with no facts.",
    ],
}
write_meta(DOC, meta)
