"""Gold: Alingsås, Vård- och omsorgsnämnden, Lokalförsörjningsplan 2026–2031 (15 pages, pool; a bilaga to
the nämnd's meeting 2026-06-11).

Read from the rendered pages; phrases copied from the pypdfium2 text layer. The plan has no table of
numbers: 'Tabell 2'-'Tabell 6' (p11-p13) are line and bar charts with data labels (the captions say
'Tabell', the text 'I diagrammet ovan'), so their numbers are not facts (README: charts); the p10
Objektslista has no number. What remains are the key figures of the running text. The chart labels
are typed below only as constants for the checks of those sentences. Run:
    .venv/bin/python tests/gold/src/vard-och-omsorgsnamnden__2026-06-11__bilagor__bilaga-lokalforsorjningsplan-2026-2031.py
"""

from __future__ import annotations

import sys
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from goldlib import Gold, d, write_meta  # noqa: E402

DOC = "vard-och-omsorgsnamnden__2026-06-11__bilagor__bilaga-lokalforsorjningsplan-2026-2031.pdf"
g = Gold(DOC)
VM = "verksamhetsmatt"
NARR = dict(method="narrative", column=None)
AO = "Äldreomsorg"          # section 3.2 'Äldreomsorg' / 5.1 'Prognos för äldreomsorgen'
# A forecast change 'till år 2031' (from the plan's nuläge 2026, as the p11 text says): förändring, 2031.
TO_2031 = dict(scenario="forandring", year=2031, period_end="2031-12-31")
V = dict(schema="verksamhet", unit="antal", measure=VM, **NARR)

# --- p7: 3.2.1.2 Framtida behov för bostäder inom äldreomsorgen --------------------------------------------
g.fact(page=7, label="Utrymme för volymökning, Stadsskogens äldreboende (platser)", scenario="utfall", year=2026,
       period_end=None, value_raw="20", area=AO, **V,
       note="printed 'För närvarande finns i dagsläget utrymme för en volymökning motsvarande 20 platser på "
            "Stadsskogens äldreboende' (present tense: current figure, no date printed)")

# --- p11: 5.1.1 Demografisk utveckling (the chart 'Befolkningsutveckling, äldre' above is not facts) -------
CHART_P11 = {"65-79": (d("6781"), d("6876")), "80+": (d("3385"), d("3958")), "65+": (d("10166"), d("10834"))}
f95 = g.fact(page=11, label="Förändring antal invånare 65–79 år, 2026–2031", value_raw="95", area=AO, **TO_2031, **V,
             note="printed 'För åldersgruppen 65–79 år sker en mindre förändring, med en skillnad på 95 invånare' "
                  "(the change between 2026 and 2031 shown in the chart: 'förändringen mellan nuläge och fem år "
                  "framåt'); a prognos")
f573 = g.fact(page=11, label="Ökning antal invånare över 80 år till 2031", value_raw="573", area=AO, **TO_2031, **V,
              note="printed 'Antalet invånare över 80 år förväntas däremot öka och prognostiseras höjas med 573 "
                   "personer till år 2031'")

# --- p12: 5.1.2 Särskilt boende (charts 'Antal personer på särskilt boende' and the annual increase) --------
CHART_P12 = {"65-79": (d("82"), d("79")), "80+": (d("319"), d("366")), "65+": (d("402"), d("445"))}
RATE_SABO = dict(zip(range(2026, 2033), map(d, "11 8 10 8 7 10 8".split())))
SABO = "Särskilt boende"
fm3 = g.fact(page=12, label="Förändring behov av platser i särskilt boende, 65–79 år, kommande fem åren",
             value_raw="-3", raw="3", area=AO, category=SABO, **TO_2031, **V,
             note="printed 'För åldersgruppen 65–79 år minskar behovet av platser de kommande fem åren med 3 "
                  "platser': negative from the word 'minskar' (a förändring, as a Förändring column would print "
                  "it); raw_value keeps the printed 3")
f43 = g.fact(page=12, label="Ökning behov av platser i särskilt boende till 2031", value_raw="43", area=AO,
             category=SABO, **TO_2031, **V,
             note="printed 'Sammantaget bedöms behovet av särskilt boende öka med 43 platser till 2031'")

# --- p13: 5.1.3 Hemtjänst (charts 'Antal personer med hemtjänst' and the annual increase) -------------------
CHART_P13 = {"65-79": (d("170"), d("169")), "80+": (d("578"), d("729")), "65+": (d("748"), d("898"))}
RATE_HT = dict(zip(range(2026, 2033), map(d, "27 30 33 30 27 30 31".split())))
HT = "Hemtjänst"
N250 = ("printed 'Behovet av insatser inom hemtjänsten väntas öka med 250 brukare till år 2031'. Does not add up: "
        "the chart above gives 748 (2026) -> 898 (2031), +150, its annual increases 2027-2031 sum to 150, and the "
        "next sentence's 30 brukare per år x 5 years = 150; probably a typo for 150. Value as printed")
f250 = g.fact(page=13, label="Ökning behov av hemtjänst till 2031 (brukare)", value_raw="250", area=AO, category=HT,
              **TO_2031, **V, note=N250)
f30 = g.fact(page=13, label="Årlig ökningstakt hemtjänst, genomsnitt (brukare per år)", scenario="forandring",
             year=None, period_end=None, value_raw="30", area=AO, category=HT, **V,
             note="printed 'Den årliga ökningstakten är i genomsnitt 30 brukare per år': an average over the "
                  "prognos years, not a value of one year (year null)")

# --- p14: 5.3 Kostnadsutveckling -------------------------------------------------------------------------
g.fact(page=14, schema="ekonomi", label="Prognostiserad hyreskostnad 2027", scenario="prognos", year=2027,
       period_end="2027-12-31", value_raw="126,5", scale="mnkr", unit="tkr", measure="kostnader", **NARR,
       raw="126,5", note="printed 'Prognostiserad hyreskostnad för vård- och omsorgsnämnden för år 2027 är 126,5 "
                         "mnkr'; measure kostnader (hyreskostnad is a part of the nämnd's costs; facts.md has no "
                         "key for lokalkostnader); the budget 2026 'cirka 122,8 mnkr' is left out (cirka)")

# --- checks: the sentences against the charts' data labels (constants, not facts) ---------------------------
D = lambda f: Decimal(str(f["value"]))  # noqa: E731
for i, year in enumerate((2026, 2031)):
    g.check(f"p11 chart 65+ = 65-79 + 80+ [{year}]", CHART_P11["65-79"][i] + CHART_P11["80+"][i], CHART_P11["65+"][i])
g.check("p11 95 = chart 65-79 2031 - 2026", CHART_P11["65-79"][1] - CHART_P11["65-79"][0], D(f95))
g.check("p11 573 = chart 80+ 2031 - 2026", CHART_P11["80+"][1] - CHART_P11["80+"][0], D(f573))
g.check("p12 -3 = chart 65-79 2031 - 2026", CHART_P12["65-79"][1] - CHART_P12["65-79"][0], D(fm3))
g.check("p12 43 = chart 65+ 2031 - 2026", CHART_P12["65+"][1] - CHART_P12["65+"][0], D(f43))
g.check_sum("p12 43 = annual increases 2027-2031 (chart)", [RATE_SABO[y] for y in range(2027, 2032)], D(f43))
g.check("p12 chart 65+ = 65-79 + 80+ [2026] (chart labels, rounded)", CHART_P12["65-79"][0] + CHART_P12["80+"][0],
        CHART_P12["65+"][0], tol="1")
g.check("p12 chart 65+ = 65-79 + 80+ [2031]", CHART_P12["65-79"][1] + CHART_P12["80+"][1], CHART_P12["65+"][1])
g.check("p13 chart 65+ = 65-79 + 80+ [2026]", CHART_P13["65-79"][0] + CHART_P13["80+"][0], CHART_P13["65+"][0])
g.check("p13 chart 65+ = 65-79 + 80+ [2031]", CHART_P13["65-79"][1] + CHART_P13["80+"][1], CHART_P13["65+"][1])
g.check("p13 250 = chart 65+ 2031 - 2026", CHART_P13["65+"][1] - CHART_P13["65+"][0], D(f250), known=True)
g.check_sum("p13 250 = annual increases 2027-2031 (chart)", [RATE_HT[y] for y in range(2027, 2032)], D(f250),
            known=True)
g.check("p13 30 = mean annual increase 2027-2031 (chart)", sum((RATE_HT[y] for y in range(2027, 2032)),
        Decimal(0)) / 5, D(f30))

g.write()

meta = {
    "document": DOC,
    "source": f"pool/{DOC}",
    "format": "pdf",
    "pages": 15,
    "expected": {"kommun_kod": "1489", "kommun": "Alingsås", "namnd": "Vård- och omsorgsnämnden"},
    "covered_pages": "all",
    "image_pages": [],
    "chart_pages": [11, 12, 13],
    "notes": [
        "Lokalförsörjningsplan 2026–2031 of Vård- och omsorgsnämnden (cover: 'Typ av styrdokument: Plan', "
        "'Beslutande instans: Vård- och omsorgsnämnden'), a bilaga to its meeting 2026-06-11. expected: "
        "dokumenttyp left out (brief); period_typ, period_slut and ar left out: the plan has no single report "
        "period or year (plan 2026–2031, prognoses to 2032), as for the BUN lokalförsörjningsplan.",
        "No table facts: 'Tabell 2. Befolkningsutveckling, äldre' (p11), 'Tabell 3. Antal personer på särskilt "
        "boende' and 'Tabell 4. Behov av särskilt boende – årlig ökningstakt' (p12), 'Tabell 5 Antal personer "
        "med hemtjänst' and 'Tabell 6. Behov av hemtjänst– årlig ökningstakt' (p13) are line and bar charts "
        "with data labels (the text says 'I diagrammet ovan'); despite their captions their numbers are chart "
        "numbers, not facts (README: charts), and the pages are chart_pages. A judgement call to review: an "
        "analyst could retype the labelled 2026/2031 values (p11: 6781/6876, 3385/3958, 10166/10834; p12: "
        "82/79, 319/366, 402/445; p13: 170/169, 578/729, 748/898) and the annual bars (p12: 11 8 10 8 7 10 8; "
        "p13: 27 30 33 30 27 30 31); the script keeps them as check constants only.",
        "p10 'Tabell 1. Objektslista' (VERKSAMHET | KOMMENTAR | STATUS | OMFATTNING | BERÄKNAD KLAR) has no "
        "number ('15/9' is a date, 'Okänt' no value); its STATUS cells ('Förstudie pågår', 'Förstudie "
        "beställd', 'Behov av förstudie') describe lokalprojekt, not the status of a mål or uppdrag of the "
        "nämnd, so they are not status facts (a judgement call).",
        "Narrative verksamhet facts (unit antal, measure verksamhetsmatt): p7 room for 20 more platser at "
        "Stadsskogens äldreboende (utfall, year 2026 = the plan's first year, period_end null: present tense, no "
        "date printed, as in the BUN gold); p11 the forecast change of the population 65–79 år (+95) and over "
        "80 år (+573), p12 of the need of platser in särskilt boende for 65–79 år (-3) and in total (+43), p13 "
        "of hemtjänst brukare (+250): scenario forandring, year 2031, period_end 2031-12-31 (each a change "
        "'till år 2031' from 2026, the plan's nuläge); p13 the average annual increase of 30 brukare per år "
        "(forandring, year and period_end null: an average over the prognos years). Forecast changes are "
        "forandring, not prognos, so a change is not read as a count (a judgement call).",
        "Areas and splits: area 'Äldreomsorg' (sections 3.2 'Äldreomsorg' and 5.1 'Prognos för äldreomsorgen', "
        "the nämnd's verksamhetsområde, spelled as in the VON genomlysning gold) for every verksamhet fact; the "
        "insats of the numbered sub-section (5.1.2 'Särskilt boende', 5.1.3 'Hemtjänst') in category; age bands "
        "('65–79 år', 'över 80 år') only in the label, as the BUN gold keeps bands in the label (with the insats "
        "in category there is no second split field).",
        "Sign: p12 'minskar behovet av platser ... med 3 platser' is -3 (raw_value 3), the direction from the "
        "word, as for an avvikelse in words; the other changes are increases ('öka', 'höjas') or a 'skillnad' "
        "that the chart shows as an increase (65–79 år: 6781 -> 6876).",
        "Narrative ekonomi: p14 'Prognostiserad hyreskostnad för vård- och omsorgsnämnden för år 2027 är 126,5 "
        "mnkr' -> 126 500 tkr, prognos 2027, measure kostnader (no key for lokalkostnader; area null: the whole "
        "nämnd). Left out: p14 'Budgeterad hyreskostnad ... år 2026 är cirka 122,8 mnkr' (printed with "
        "'cirka', an estimate by the README rule, although it reads like a budget figure; a judgement call).",
        "Left out as estimates or words: p3 'cirka 1400 medarbetare', p3 'cirka fyra brukare per år', p5 "
        "'ungefär fyra brukare om året', p14 'ungefärlig volymökning om fyra brukare', p7 'cirka 100 lägenheter' "
        "(the planned Ängabogården); numbers written as words (sex lägenheter, två till fyra barn, två ställen, "
        "fyra lokaler, två lokaler); p6 'mellan 12 och 21 år' (the age range of a target group); '1 § LSS'; "
        "dates (15/9, 2027-05-31) and years.",
        "Checks (the sentences against the chart labels): 95 = 6876 - 6781, 573 = 3958 - 3385, -3 = 79 - 82, "
        "43 = 445 - 402 = the annual increases 2027-2031 (8 + 10 + 8 + 7 + 10), 30 = the mean annual increase of "
        "hemtjänst 2027-2031 (150 / 5); the charts' 65+ lines equal 65-79 + 80+ (p12 2026: 82 + 319 = 401, "
        "labelled 402, rounding).",
        "Does not add up: p13 'öka med 250 brukare till år 2031', but the chart gives 748 (2026) -> 898 (2031) = "
        "+150, its annual increases 2027-2031 sum to 150, and the next sentence's 30 per år x 5 = 150; probably "
        "a typo for 150. Value as printed, noted on the line. Also p7 refers to 'avsnitt 6.1.2' for the "
        "särskilt boende prognos; the plan has no section 6 (5.1.2 is meant).",
    ],
}
write_meta(DOC, meta)
