"""Gold: Södertälje kommun, Omsorgsnämnden, Verksamhetsplan 2019 (2019-01-17), text dump.

Source: ../shared/corpus/seeds/003_53d4d3eb537d265c.txt, one line per PDF page with each page's
text flattened (tables run into the prose). Page is null (a text document). Tables are rebuilt
from their header run and rows; readings of run-together numbers are confirmed by the tables'
own identities (Budget 2019 - Budget 2018 = Förändring, rows sum to the Summa rows). Run:
    .venv/bin/python tests/gold/src/003_53d4d3eb537d265c.py
"""

from __future__ import annotations

import sys
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from goldlib import Col, Gold, write_meta  # noqa: E402

DOC = "003_53d4d3eb537d265c.txt"
g = Gold(DOC)
P = None                      # text document: no page
Y = {y: f"{y}-12-31" for y in range(2015, 2022)}
NARR = dict(page=P, method="narrative", column=None)
VM = "verksamhetsmatt"
NK = "nettokostnad"


def table(**kw):
    return g.table(page=P, **kw)


def narr(schema: str, label: str, raw: str, *, value_raw: str | None = None, note: str | None = None, **kw) -> None:
    """A figure of the running text; ``raw`` is the number as printed, ``value_raw`` the signed
    number when the words give the direction (lägre, minskar, underskott → minus)."""
    g.fact(schema=schema, label=label, value_raw=value_raw or raw, raw=raw, note=note, **NARR, **kw)


def budgetchange(label: str, raw: str, signed: str, area: str | None, note: str, scale: str | None = "mnkr") -> None:
    """A budget 2019 against budget 2018 change stated in the text (mnkr unless told)."""
    narr("ekonomi", label, raw, value_raw=signed, scale=scale, scenario="forandring", year=2019,
         period_end=Y[2019], unit="tkr", measure=NK, area=area, note=note)


# --- p10-p12: KF mål 2-4, nämndens indikatorer (*Ingående värde | 2019 | 2020 | 2021) ---------------------
N_ING = ("'*Ingående värde' with the footnote '*Källa: Nationell brukarundersökning 2018 (Kolada)': the starting "
         "value from the 2018 survey, so year 2018")
ind_cols = [Col("*Ingående värde", "utgangsvarde", 2018, Y[2018], unit="procent", measure="indikator"),
            Col("2019", "malvarde", 2019, Y[2019], unit="procent", measure="indikator"),
            Col("2020", "malvarde", 2020, Y[2020], unit="procent", measure="indikator"),
            Col("2021", "malvarde", 2021, Y[2021], unit="procent", measure="indikator")]


def with_note(rows: list[tuple], note: str) -> list[tuple]:
    """The first row's Ingående värde carries the footnote decision."""
    first, *rest = rows
    return [(first[0], first[1], {"notes": {0: note}}), *rest]


M2 = "Medborgarna har inflytande och är delaktiga"
table(schema="maluppfyllelse", cols=ind_cols, goal=M2, rows=with_note([
    ("Andel brukare i gruppbostad enligt LSS som upplever att de har inflytande över sin insats",
     ["80%", "82%", "85%", "85%"]),
    ("Andel brukare i servicebostad enligt LSS som upplever att de har inflytande över sin insats",
     ["80%", "82%", "85%", "85%"]),
    ("Andel brukare med boendestöd enligt SoL som upplever att de har inflytande över sin insats",
     ["80%", "82%", "85%", "85%"]),
    ("Andel brukare med daglig verksamhet enligt LSS som upplever att de har inflytande över sin insats",
     ["80%", "82%", "85%", "85%"]),
], N_ING + "; the header '2021' is printed after the footnote (flattened), the rows have four values"))

M3 = "Medborgarna har goda livsvillkor"
table(schema="maluppfyllelse", cols=ind_cols, goal=M3, rows=with_note([
    ("Brukarna trivs i sin gruppbostad (bostad med särskild service enligt LSS)", ["85%", "87%", "87%", "90%"]),
    ("Brukarna trivs i sin servicebostad (bostad med särskild service enligt LSS)", ["85%", "87%", "87%", "90%"]),
    ("Brukarna trivs med sitt boendestöd enligt SoL", ["80%", "82%", "82%", "85%"]),
    ("Brukarna trivs med sin dagliga verksamhet enligt LSS", ["85%", "87%", "87%", "90%"]),
    ("Brukarna känner sig trygga med personalen i sin gruppbostad", ["80%", "82%", "85%", "85%"]),
    ("Brukarna känner sig trygga med personalen i sin servicebostad", ["80%", "82%", "85%", "85%"]),
    ("Brukarna känner sig trygga med personalen i sin dagliga verksamhet", ["80%", "82%", "85%", "85%"]),
    ("Brukarna känner sig trygga med sin boendestödspersonal", ["80%", "82%", "85%", "85%"]),
], N_ING + "; the first two labels are printed before the header run and the servicebostad label is split by it; "
   "both rows read '85% 87% 87% 90%', so the order of the two value runs does not matter"))

M4 = "Medborgarna får god service och hög tillgänglighet"
table(schema="maluppfyllelse", cols=ind_cols, goal=M4, rows=with_note([
    ("Brukare ska uppleva att de får ett gott bemötande i sitt boende (gruppbostad LSS)", ["85%", "87%", "87%", "90%"]),
    ("Brukaren ska uppleva att de får ett gott bemötande i sitt boende (servicebostad LSS)",
     ["85%", "87%", "87%", "90%"]),
    ("Brukare ska uppleva att de får ett gott bemötande i sin dagliga verksamhet (LSS)", ["85%", "87%", "87%", "90%"]),
    ("Brukare ska uppleva att de får ett gott bemötande i sitt boendestöd (SoL)", ["85%", "87%", "87%", "90%"]),
    ("Brukarna ska uppleva att de får rätt stöd i sitt boende (gruppbostad LSS)", ["80%", "82%", "82%", "85%"]),
    ("Brukarna ska uppleva att de får rätt stöd i sitt boende (servicebostad LSS)", ["80%", "82%", "82%", "85%"]),
    ("Brukarna ska uppleva att de får rätt stöd (insats boendestöd enligt SoL)", ["80%", "82%", "82%", "85%"]),
    ("Brukarna ska uppleva att de får rätt stöd i sin dagliga verksamhet (LSS)", ["80%", "82%", "82%", "85%"]),
], N_ING))

# --- p14: KF Mål 7, nämndens indikatorer (Ingående värde | 2019 | 2020 | 2021) ---------------------------------
N_ING7 = ("'Ingående värde' without a year or source under KF Mål 7, so year and period_end null (Budgetföljsamhet "
          "+ 3,2 % matches Utfall 2018 against Budget 2018 in the budgetram table: (741 794 - 717 837) / 741 794 = "
          "3,2 %, but the document does not say so)")
m7_cols = [Col("Ingående värde", "utgangsvarde", None, None, unit="procent", measure="indikator"), *ind_cols[1:]]
M7 = "Södertälje kommun har en god ekonomisk hushållning"
table(schema="maluppfyllelse", cols=m7_cols, goal=M7, rows=[
    ("Budgetföljsamhet", ["+ 3,2 %", "0", "0", "0"],
     {"notes": {0: N_ING7, 1: "target printed '0' without %: budget in balance (0 % deviation)"}}),
    ("Avtalstrohet", ["98 %", "99 %", "99 %", "99 %"], {"notes": {0: N_ING7}}),
    ("Genomförandegrad investeringar", ["50,1 %", "80 %", "90 %", "90 %"], {"notes": {0: N_ING7}}),
])

# --- p14: Jämförelse av budgetram 2018 och 2019 (no unit printed: tkr, see meta) --------------------------------
ram_cols = [Col("Budget 2018", "budget", 2018, Y[2018], measure=NK), Col("Utfall 2018", "utfall", 2018, Y[2018], measure=NK),
            Col("Budget 2019", "budget", 2019, Y[2019], measure=NK),
            Col("Förändring av budget", "forandring", 2019, Y[2019], measure=NK)]
R = [c.column for c in ram_cols]
ram = table(schema="ekonomi", cols=ram_cols, label_is_area=True, rows=[
    ("Verksamhetsområde SoL och nämnd", ["78 564", "73 653", "81 526", "2 962"]),
    ("Verksamhetsområde LSS", ["663 230", "644 184", "645 429", "-17 801"],
     {"notes": {3: "printed run together '645 429-17 801'"}}),
    ("Totalbudget", ["741 794", "717 837", "726 955", "-14 839"], {"area": None}),
])
for c in R:
    g.check_sum(f"budgetram SoL och nämnd + LSS = Totalbudget [{c}]",
                [ram["Verksamhetsområde SoL och nämnd"][c], ram["Verksamhetsområde LSS"][c]], ram["Totalbudget"][c])
for r, v in ram.items():
    g.check(f"budgetram {r}: Budget 2019 - Budget 2018 = Förändring", v[R[2]] - v[R[0]], v[R[3]])
budgetchange("Budget SoL 2019 jämfört med 2018", "2 962 tkr", "2 962", "Verksamhetsområde SoL och nämnd",
             "printed 'Omsorgsnämnden har en fast budgetram för insatser inom lagrummet SoL. Budgeten är 2 962 tkr "
             "högre 2019 än 2018': the figure of the row 'Verksamhetsområde SoL och nämnd' (SoL alone is 2 919 in the "
             "internbudget)", scale=None)

# --- p15: budget text ------------------------------------------------------------------------------------------
budgetchange("Budget för LSS-insatser 2019 jämfört med 2018", "17,8 mnkr", "-17,8", "Verksamhetsområde LSS",
             "printed 'Nuvarande budget för 2019 för nämnden är 17,8 mnkr lägre för LSS insatser jämfört med 2018': "
             "'lägre' gives the minus, as the table prints it (-17 801)")
budgetchange("Nämndens totala budget 2019 jämfört med 2018", "14,8 mnkr", "-14,8", None,
             "printed 'Nämndens totala budget är 14,8 mnkr lägre': 'lägre' gives the minus (table -14 839)")
narr("ekonomi", "Omsorgsnämndens prognos 2018: överskott", "24,5 mnkr", value_raw="24,5", scale="mnkr", scenario="prognos", year=2018,
     period_end=Y[2018], unit="tkr", measure="resultat",
     note="printed 'Under 2018 prognosticerar omsorgsnämnden ett överskott om 24,5 mnkr' (the tables' Utfall 2018 "
          "is 23 957 below Budget 2018: a later figure than this prognos)")

# --- p17: Internbudget (no unit printed: tkr) --------------------------------------------------------------------
narr("ekonomi", "Totalt kommunbidrag 2019", "726 955 mnkr", value_raw="726 955", scenario="budget", year=2019,
     period_end=Y[2019], unit="tkr", measure="kommunbidrag",
     note="printed 'Omsorgsnämnden har ett totalt kommunbidrag på 726 955 mnkr för 2019': a unit slip in the "
          "document, the figure is Totalt omsorgsnämnden 726 955 (tkr) of the internbudget; kept as 726 955 tkr")
ib_cols = [Col("Budget 2018", "budget", 2018, Y[2018], measure=NK), Col("Utfall 2018", "utfall", 2018, Y[2018], measure=NK),
           Col("Förslag till budget 2019", "budget", 2019, Y[2019], measure=NK),
           Col("Förändring", "forandring", 2019, Y[2019], measure=NK)]
C = [c.column for c in ib_cols]
N_SUM = "a subtotal of the rows above it: area = the verksamhetsområde it sums (as printed without 'Summa')"
ib = table(schema="ekonomi", cols=ib_cols, label_is_area=True, rows=[
    ("Gemensamma kostnader LSS", ["62 252", "40 036", "39 804", "-22 448"]),
    ("Personlig assistans", ["85 951", "84 771", "82 866", "-3 085"]),
    ("Korta insatser", ["14 548", "15 125", "13 535", "-1 013"]),
    ("Korttidsverksamhet", ["21 265", "19 472", "19 959", "-1 306"]),
    ("Bostad med särskilt service", ["362 021", "368 093", "368 470", "6 449"]),
    ("Daglig verksamhet", ["117 193", "116 686", "120 795", "3 602"]),
    ("Summa verksamhetsområde LSS", ["663 230", "644 183", "645 429", "-17 801"],
     {"area": "verksamhetsområde LSS",
      "notes": {i: N_SUM for i in range(4)} | {1: N_SUM + "; Utfall 2018 644 183 here, 644 184 in the budgetram "
                                                          "table (rounding)"}}),
    ("Gemensamma kostnader SoL", ["10 673", "9 360", "15 612", "4 939"]),
    ("Ordinärt boende", ["35 343", "30 035", "30 640", "-4 703"]),
    ("Särskilt boende", ["18 350", "20 302", "20 909", "2 559"]),
    ("Turbundna resor", ["13 130", "13 013", "13 254", "124"]),
    ("Riksfärdtjänst", ["203", "202", "203", None],
     {"notes": {2: "Förändring printed '-' (203 - 203 = 0): a dash, not a fact"}}),
    ("Summa verksamhetsområde SoL", ["77 699", "72 912", "80 618", "2 919"],
     {"area": "verksamhetsområde SoL", "notes": {i: N_SUM for i in range(4)}}),
    ("Nämnd", ["865", "739", "908", "43"]),
    ("Medelreserv", ["0", "2", "0", "0"]),
    ("Totalt omsorgsnämnden", ["741 794", "717 836", "726 955", "-14 839"],
     {"area": None, "notes": {1: "Utfall 2018 717 836 here, 717 837 in the budgetram table (rounding)"}}),
])
LSS = ["Gemensamma kostnader LSS", "Personlig assistans", "Korta insatser", "Korttidsverksamhet",
       "Bostad med särskilt service", "Daglig verksamhet"]
SOL = ["Gemensamma kostnader SoL", "Ordinärt boende", "Särskilt boende", "Turbundna resor", "Riksfärdtjänst"]
zero = Decimal(0)
for c in C:
    g.check_sum(f"internbudget Summa LSS [{c}]", [ib[r][c] for r in LSS], ib["Summa verksamhetsområde LSS"][c])
    g.check_sum(f"internbudget Summa SoL [{c}]", [ib[r].get(c, zero) for r in SOL], ib["Summa verksamhetsområde SoL"][c])
    g.check_sum(f"internbudget Totalt [{c}]", [ib[r][c] for r in ("Summa verksamhetsområde LSS",
                "Summa verksamhetsområde SoL", "Nämnd", "Medelreserv")], ib["Totalt omsorgsnämnden"][c])
for r, v in ib.items():
    g.check(f"internbudget {r}: Budget 2019 - Budget 2018 = Förändring", v[C[2]] - v[C[0]], v.get(C[3], zero))
# the budgetram table is the internbudget summed: SoL och nämnd = SoL + Nämnd + Medelreserv
for a, b in ((C[0], R[0]), (C[2], R[2]), (C[3], R[3])):
    g.check(f"budgetram SoL och nämnd = internbudget SoL + Nämnd + Medelreserv [{b}]",
            ib["Summa verksamhetsområde SoL"][a] + ib["Nämnd"][a] + ib["Medelreserv"][a],
            ram["Verksamhetsområde SoL och nämnd"][b])
    g.check(f"budgetram LSS = internbudget Summa LSS [{b}]", ib["Summa verksamhetsområde LSS"][a],
            ram["Verksamhetsområde LSS"][b])
g.check("budgetram Utfall 2018 SoL och nämnd = internbudget", ib["Summa verksamhetsområde SoL"][C[1]] + ib["Nämnd"][C[1]]
        + ib["Medelreserv"][C[1]], ram["Verksamhetsområde SoL och nämnd"][R[1]])
g.check("budgetram Utfall 2018 LSS = internbudget (644 184 vs 644 183)", ib["Summa verksamhetsområde LSS"][C[1]],
        ram["Verksamhetsområde LSS"][R[1]], known=True)

GEM = "Gemensamma kostnader för LSS och SoL"
budgetchange("Gemensamma kostnader: förändring av budgeten mellan åren", "17,5 mnkr", "-17,5", GEM,
             "printed 'Förändringen av budgeten mellan åren är en minskning på 17,5 mnkr' (internbudget: -22 448 + 4 939 "
             "= -17 509); 'minskning' gives the minus")
narr("ekonomi", "Gemensamma kostnader: budgeterat underskott", "-6 mnkr", value_raw="-6", scale="mnkr",
     scenario="budget", year=2019, period_end=Y[2019], unit="tkr", measure="resultat", area=GEM,
     note="printed 'kompensera det nuvarande budgeterade underskott (-6 mnkr) som finns inom gemensamma kostnader'")

# --- p18: Personlig assistans ------------------------------------------------------------------------------------------
PA = "Personlig assistans"
budgetchange("Personlig assistans: budgeten minskar jämfört med 2018", "3,1 mnkr", "-3,1", PA,
             "printed 'Budgeten minskar totalt med 3,1 mnkr jämfört med 2018' (internbudget -3 085); the causes (-3 "
             "mnkr, -0,5 mnkr) are not listed")
vol_cols = [Col("Budget 2018", "budget", 2018, Y[2018], unit="antal", measure=VM),
            Col("Avläsning okt 2018", "utfall", 2018, "2018-10-01", unit="antal", measure=VM),
            Col("Budget 2019", "budget", 2019, Y[2019], unit="antal", measure=VM)]
N_AVL = ("'Avläsning okt 2018': the volume reading of 1 October ('antal personer i avläsningen den 1 oktober'), a "
         "stock at 2018-10-01")
table(schema="verksamhet", cols=vol_cols, rows=[
    ("SFB", ["190", "186", "186"], {"area": PA, "notes": {1: N_AVL}}),
    ("Personlig assistans enligt SFB", ["54", "55", "55"],
     {"area": PA, "notes": {i: "printed 'enligt SFB' although the caption is 'Antal personer inom SFB och personlig "
                               "assistans enligt LSS' and the next table gives 55 persons with personlig assistans "
                               "enligt LSS for 2018 and Budget 2019: probably LSS; label kept as printed"
                            for i in range(3)}}),
])
hist_cols = {
    "Budget 2019": ("budget", 2019), "2018": ("utfall", 2018), "2017": ("utfall", 2017), "2016": ("utfall", 2016),
    "2015": ("utfall", 2015),
}
HIST = [("Budget 2019", "55", "85 236"), ("2018", "55", "91 614"), ("2017", "54", "93 518"), ("2016", "58", "107 506"),
        ("2015", "71", "143 293")]
for period, persons, hours in HIST:   # rows are periods: label = the column header, column = the row's period
    scen, year = hist_cols[period]
    for label, raw, unit in (("Personlig assistans", persons, "antal"), ("Antal timmar", hours, "timmar")):
        g.fact(page=P, schema="verksamhet", label=label, column=period, scenario=scen, year=year, period_end=Y[year],
               value_raw=raw, unit=unit, measure=VM, area=PA,
               note=("'Utveckling av personlig assistans enligt LSS mellan 2015-2019' (År | Personlig assistans | "
                     "Antal timmar): persons and hours; each row read as a two-digit count then a grouped number "
                     "('55 85 236' = 55 | 85 236)") if period == "Budget 2019" and unit == "antal" else None)

KI = "Avlösning/ledsagning/kontaktpersoner LSS"
budgetchange("Avlösning/ledsagning/kontaktpersoner LSS: budgetramen lägre", "1 mnkr", "-1", KI,
             "printed 'Budgetramen är därför 1 mnkr lägre trots antagna prisökningar på 1 procent' (internbudget Korta "
             "insatser -1 013); 'lägre' gives the minus")
table(schema="verksamhet", cols=vol_cols, rows=[
    ("Ledsagarservice", ["73", "71", "71"], {"area": KI, "notes": {1: N_AVL}}),
    ("Kontaktpersoner", ["201", "193", "193"], {"area": KI}),
    ("Avlösarservice", ["60", "55", "55"], {"area": KI}),
])

# --- p19: Korttidsverksamhet, Bostad med särskilt service --------------------------------------------------------------
budgetchange("Korttidsverksamhet: budgeten minskas", "1,3 mnkr", "-1,3", "Korttidsverksamhet",
             "printed 'budgeten minskas därför med 1,3 mnkr' (internbudget -1 306); the 2018 budgetjustering 1,7 mnkr "
             "is not listed")
BSS = "Bostad med särskilt service"
budgetchange("Bostad med särskilt service: budgeten ökar", "6,4 mnkr", "6,4", BSS,
             "printed 'Budgeten ökar med 6,4 mnkr' (internbudget 6 449); the parts (ca 5 mnkr, 0,9 mnkr, 1,5 mnkr) are "
             "not listed")
narr("ekonomi", "Bostad med särskilt service: underskott (underbudgeterad)", "5,2 mnkr", value_raw="-5,2",
     scale="mnkr", scenario="budget", year=2019, period_end=Y[2019], unit="tkr", measure="resultat", area=BSS,
     note="printed 'bostad med särskilt service är underbudgeterad. Underskottet är 5,2 mnkr': 'underskott' gives the "
          "minus")
table(schema="verksamhet", cols=vol_cols, rows=[
    ("Barn i bostad med särskilt service", ["4", "3", "3"], {"area": BSS, "notes": {1: N_AVL}}),
    ("Vuxna i bostad med särskilt service", ["401", "395", "395"], {"area": BSS}),
])

# --- p20: Nivåfördelning (chart), Daglig verksamhet ---------------------------------------------------------------------
for year in (2017, 2018):
    narr("verksamhet", f"Genomsnittlig nivå på brukarna i LSS-boenden {year}", "3,7", scenario="utfall", year=year,
         period_end=Y[year], unit="index", measure=VM, area=BSS,
         note="printed 'Genomsnittlig nivå på brukarna är 3,7 för såväl 2017 som 2018' (one figure for both years); "
              "the Nivåfördelning chart itself has no numbers in the text")
DV = "Daglig verksamhet"
budgetchange("Daglig verksamhet: ökning av budgeten", "3,6 mnkr", "3,6", DV,
             "printed 'leder det till en ökning av budgeten med 3,6 mnkr' (internbudget 3 602); 'ca 1,1 mnkr' is an "
             "estimate, not listed")
table(schema="verksamhet", cols=vol_cols, rows=[
    ("Antal personer med insats daglig verksamhet", ["540", "554", "554"], {"area": DV, "notes": {1: N_AVL}}),
])

# --- p21: Ordinärt boende, Särskilt boende ---------------------------------------------------------------------------------
OB = "Ordinärt boende enligt SoL"
budgetchange("Ordinärt boende enligt SoL: budgeten minskas", "4,7 mnkr", "-4,7", OB,
             "printed 'Budgeten minskas med 4,7 mnkr på grund av minskade behov' (internbudget -4 703); the parts (2,4 "
             "mnkr personlig utformat stöd, +0,7 mnkr hemtjänst) are not listed")
N_ONE = "the table has one row and no row label: label = its caption"
yr_cols = [Col("Budget 2018", "budget", 2018, Y[2018], measure=VM), Col("Utfall 2018", "utfall", 2018, Y[2018], measure=VM),
           Col("Budget 2019", "budget", 2019, Y[2019], measure=VM)]
table(schema="verksamhet", cols=[Col(c.column, c.scenario, c.year, c.period_end, unit="timmar", measure=VM)
                                 for c in yr_cols], rows=[
    ("Antal utförda timmar hemtjänst", ["27 480", "25 209", "27 103"], {"area": OB, "notes": {0: N_ONE}}),
])
SB = "Särskilt boende enligt SoL"
budgetchange("Särskilt boende enligt SoL: budgeten utökas", "2,6 mnkr", "2,6", SB,
             "printed 'Budgeten utökas med 2,6 mnkr på grund av ökade volymer' (internbudget 2 559)")
table(schema="verksamhet", cols=[Col(c.column, c.scenario, c.year, c.period_end, unit="dagar", measure=VM)
                                 for c in yr_cols], rows=[
    ("Antal dygn per år", ["7665", "8788", "8800"], {"area": SB, "notes": {0: N_ONE + " (dygn: unit dagar)"}}),
])

# --- p21-p22: Investeringar (Projekt | Belopp; no unit printed: tkr) ---------------------------------------------------------
bel = [Col("Belopp", "budget", 2019, Y[2019], measure="investering")]
N_INV = "investment plan 2019: 'Belopp' is the budgeted amount for 2019"
groups = [
    ("KS/KF-investeringar", [("Inventarier nyöppnad LSS bostad 2019", "1000")], "1000"),
    ("Södertäljelyftet", [("Miljöåtgärder problemskapande miljöer DV", "200"),
                          ("Miljöåtgärder problemskapande miljöer LSS-boende", "200"),
                          ("Tillgänglighetsanpassningar OMS", "200")], "600"),
    ("Nämndsinvesteringar", [], "1200"),
    ("Lokalinvesteringar", [("Gruppbostad LSS, 6 platser 2020", "3000")], "3000"),
]
totals = []
for group, projects, total in groups:
    rows = [(name, [amount], {"notes": {0: N_INV if not totals and i == 0 else None}})
            for i, (name, amount) in enumerate(projects)]
    rows.append(("Totalt", [total], {"notes": {0: f"Totalt of {group}"}}))
    t = table(schema="ekonomi", cols=bel, rows=rows)
    if projects:
        g.check_sum(f"investeringar {group}", [t[n]["Belopp"] for n, _ in projects], t["Totalt"]["Belopp"])
    totals.append(Decimal(total))
g.facts[-2]["note"] = ("'2020' is part of the project name (an LSS-boende planned to open 2020); the amount is the "
                       "2019 budget for its projektering")

# --- p22: Statsbidrag och återsökningar (Koppling till nämndens måluppfyllelse | Belopp) --------------------------------------
ater = table(schema="ekonomi", cols=[Col("Belopp", "budget", 2019, Y[2019], measure="intakter")], rows=[
    ("Återsökningar från Migrationsverket", ["9400"],
     {"notes": {0: "budgeted återsökning (income) for 2019; the Koppling column is text"}}),
    ("Totalt", ["9400"], {"notes": {0: "Totalt of Återsökningar"}}),
])
g.check("återsökningar Totalt", ater["Återsökningar från Migrationsverket"]["Belopp"], ater["Totalt"]["Belopp"])

g.write()
meta = {
    "document": DOC,
    "source": f"seeds/{DOC}",
    "format": "txt",
    "pages": None,
    "expected": {
        "kommun_kod": "0181", "kommun": "Södertälje", "namnd": "Omsorgsnämnden", "dokumenttyp": "verksamhetsplan",
        "period_typ": "helar", "period_slut": Y[2019], "ar": 2019,
    },
    "covered_pages": "all",
    "image_pages": [],
    "chart_pages": [],
    "notes": [
        "Text document (one line per PDF page, tables flattened): page null, covered 'all'. Verksamhetsplan 2019 "
        "(dated 2019-01-17) plans the year 2019: period_typ helar, period_slut 2019-12-31, ar 2019.",
        "Indicator tables KF Mål 2-4: '*Ingående värde | 2019 | 2020 | 2021', all percent. The footnote '*Källa: "
        "Nationell brukarundersökning 2018 (Kolada)' makes Ingående värde the 2018 utgångsvärde (year 2018); the year "
        "columns are målvärden (period_end YYYY-12-31). goal = the KF-mål text above the table (without 'KF Mål n:'). "
        "Labels wrap around the header run in the flattened text; each row has four values in order. KF Mål 5 and 6 "
        "print empty indicator tables ('Nationella indikatorer saknas'), KF Mål 1 is 'ej aktuellt'.",
        "KF Mål 7: Budgetföljsamhet '+ 3,2 %' / 0 / 0 / 0, Avtalstrohet, Genomförandegrad investeringar. Its "
        "'Ingående värde' has no year or source, so year and period_end are null (judgement; +3,2 % equals the 2018 "
        "outcome against budget in the budgetram table).",
        "Money tables print no unit. tkr from the text: 'Budgeten är 2 962 tkr högre 2019 än 2018' is the "
        "Förändring of 'Verksamhetsområde SoL och nämnd', and '17,8 mnkr lägre' / '14,8 mnkr lägre' are -17 801 and "
        "-14 839. The investment and återsökning amounts (1000, 200, 1200, 3000, 9400) are taken as tkr like the rest "
        "of the document (kronor would be implausible for an LSS-boende's inventory); not stated.",
        "Budgetram table and Internbudget: rows are verksamhetsområden (area = row label; Totalbudget / Totalt "
        "omsorgsnämnden area null); measure nettokostnad for Budget, Utfall and Förändring (the ram is the net cost "
        "budget; the utfall column cannot be a kommunbidrag). 'Summa verksamhetsområde LSS/SoL' are subtotals: area "
        "'verksamhetsområde LSS' / 'verksamhetsområde SoL' (judgement: the README's area null is for the grand total). "
        "'Förslag till budget 2019' is budget 2019. Every row satisfies Budget 2019 - Budget 2018 = Förändring, the "
        "rows sum to the Summa rows and to Totalt in every column, and the budgetram table equals the internbudget "
        "summed (SoL och nämnd = Summa SoL + Nämnd + Medelreserv). Riksfärdtjänst Förändring is printed '-' (no fact).",
        "Does not add up: Utfall 2018 LSS is 644 184 in the budgetram table and 644 183 in the internbudget (the "
        "internbudget's own rows sum to 644 183), so the totals differ by 1 (717 837 / 717 836). 'kommunbidrag på "
        "726 955 mnkr' is a unit slip for 726 955 tkr (kept as 726 955 tkr with a note). The table 'Antal personer "
        "inom SFB och personlig assistans enligt LSS' labels its second row 'Personlig assistans enligt SFB' "
        "(probably LSS: the next table has 55 persons with LSS assistans for 2018 and Budget 2019); kept as printed.",
        "Volume tables (verksamhet, verksamhetsmatt, area = the section heading above the table): 'Avläsning okt "
        "2018' is the 1 October 2018 volume reading (utfall, period_end 2018-10-01). 'Utveckling av personlig "
        "assistans enligt LSS mellan 2015-2019' has periods as rows (README: label = column header 'Personlig "
        "assistans' / 'Antal timmar', column = 'Budget 2019', '2018' ...). The one-row tables 'Antal utförda timmar "
        "hemtjänst' and 'Antal dygn per år' take their caption as label (units timmar, dagar).",
        "Investeringar: four groups (KS/KF-investeringar, Södertäljelyftet, Nämndsinvesteringar, Lokalinvesteringar), "
        "each 'Projekt | Belopp' with a 'Totalt' row (the four Totalt rows share a key, told apart by value); measure "
        "investering, scenario budget 2019. Återsökningar från Migrationsverket 9400 (intakter, budget 2019).",
        "Narrative, listed: the budget changes stated per verksamhet (2 962 tkr, -17,8, -14,8, -17,5, -3,1, -1, -1,3, "
        "+6,4, +3,6, -4,7, +2,6 mnkr; 'lägre', 'minskar', 'minskning' give the minus, as the tables print it), the "
        "2018 prognos överskott 24,5 mnkr, kommunbidrag 726 955, the budgeted underskott of gemensamma kostnader (-6 "
        "mnkr) and of bostad med särskilt service (5,2 mnkr), genomsnittlig nivå 3,7 (2017 and 2018).",
        "Not listed: the preliminary budgetjustering '+12 mnkr' (stated twice), the 2018 medelreserv 24,4 mnkr, the "
        "2018 budgetjustering 1,7 mnkr, causes and parts of changes (-3 mnkr, -0,5 mnkr, ca 5 mnkr, 0,9 mnkr, 1,5 "
        "mnkr, 2,4 mnkr, +0,7 mnkr hemtjänst, ca 1,1 mnkr), prices and price assumptions (440 kr/timme, 410 kr/timme, "
        "10 kr, 4 kronor per timme, 1 / 2 / 1,5 / 0,9 / 2,5 procent), 72 procent of gemensamma kostnader, 5 tomma "
        "platser, 'ca 40 procent', the internkontroll plan (10 st stickprov, riskpoäng 6), the table of contents, "
        "law numbers and dates.",
    ],
}
write_meta(DOC, meta)
