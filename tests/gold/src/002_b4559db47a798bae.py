"""Gold: Kalmar kommun, Socialnämnden, tjänsteskrivelse + Delårsrapport augusti 2019 (text dump).

Source: ../shared/corpus/seeds/002_b4559db47a798bae.txt, one line per PDF page with each page's
text flattened (tables run into the prose). Page is null (a text document). Tables are rebuilt
from their header run and rows; every reading of run-together numbers is confirmed by the
table's own identities below. Run:
    .venv/bin/python tests/gold/src/002_b4559db47a798bae.py
"""

from __future__ import annotations

import sys
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from goldlib import Col, Gold, write_meta  # noqa: E402

DOC = "002_b4559db47a798bae.txt"
g = Gold(DOC)
P = None                      # text document: no page
T2 = "2019-08-31"             # Rapportperiod (tertial 2)
Y = {y: f"{y}-12-31" for y in range(2016, 2020)}
JUL = {y: f"{y}-07-31" for y in range(2016, 2020)}
NARR = dict(page=P, method="narrative", column=None)
IND = "indikator"
EFF = "Effektiv vård och omsorg"


def dot(raw: str) -> str:
    """This report prints decimals with a point ('7.6%', '1 118.7'); goldlib parses commas."""
    return raw.replace(".", ",")


def table(*, schema: str, cols: list[Col], rows: list[tuple], **common) -> dict[str, dict[str, Decimal]]:
    """Like Gold.table, but keeps the printed cell (point decimals) as raw_value."""
    grid: dict[str, dict[str, Decimal]] = {}
    for label, cells, *rest in rows:
        opts = {**common, **(rest[0] if rest else {})}
        notes = opts.pop("notes", {})
        assert len(cells) == len(cols), label
        grid[label] = {}
        for i, (col, cell) in enumerate(zip(cols, cells)):
            if cell is None:
                continue
            f = g.fact(page=P, schema=schema, label=label, column=col.column, scenario=col.scenario, year=col.year,
                       period_end=col.period_end, value_raw=dot(cell), raw=cell, unit=opts.get("unit", col.unit),
                       measure=opts.get("measure", col.measure), kon=opts.get("kon"), area=opts.get("area"),
                       category=opts.get("category"), goal=opts.get("goal"), note=notes.get(i) or opts.get("note"),
                       scale=col.scale)
            grid[label][col.column] = Decimal(str(f["value"]))
    return grid


def narr(schema: str, label: str, raw: str, *, scenario: str, year: int | None, period_end: str | None, unit: str,
         measure: str, value_raw: str | None = None, scale: str | None = None, note: str | None = None, **kw) -> None:
    """A figure of the running text; ``raw`` is the number as printed, ``value_raw`` the signed
    number when the words give the sign (underskott → minus)."""
    g.fact(schema=schema, label=label, scenario=scenario, year=year, period_end=period_end,
           value_raw=dot(value_raw or raw), raw=raw, unit=unit, measure=measure, scale=scale, note=note, **NARR, **kw)


def ind(label: str, raw: str, *, scenario: str, year: int, period_end: str, unit: str, goal: str,
        note: str | None = None, **kw) -> None:
    narr("maluppfyllelse", label, raw, scenario=scenario, year=year, period_end=period_end, unit=unit, measure=IND,
         goal=goal, note=note, **kw)


def sjuk(label: str, raw: str, year: int, period_end: str | None, *, measure: str = "sjukfranvaro_total",
         area: str | None = None, note: str | None = None) -> None:
    narr("personal", label, raw, scenario="utfall", year=year, period_end=period_end, unit="procent",
         measure=measure, kon="T", area=area, note=note)


# --- Delårsrapport p1: Socialnämnd, prognos ----------------------------------------------------------
narr("ekonomi", "Prognos för socialnämnden: underskott", "-15,0 mnkr", value_raw="-15,0", scale="mnkr",
     scenario="prognos", year=2019, period_end=Y[2019], unit="tkr", measure="resultat",
     note="printed 'Prognosen för socialnämnden visar ett underskott på -15,0 mnkr' (= Summa RESULTAT Avvikelse "
          "-15 000 of the drift table)")

# --- p4: Hög kvalitet i välfärden, uppdrag (Titel / Beskrivning / Kommentar / Status) --------------------
g.fact(page=P, schema="maluppfyllelse", label="Uppdrag Funktionsnedsättningsfrågor", column="Kommentar", scenario=None,
       year=2019, period_end=T2, value_raw=None, unit="status", measure="uppdrag", status="Avslutad",
       note="Status icon not in the text layer; status from the Kommentar 'Uppdraget är klart.' (canonical word "
            "Avslutad). Titel as flattened: 'Uppdrag Funktionsnedsättningsfrågor' (Beskrivning: 'Kommunstyrelsen "
            "får i uppdrag att i samverkan med socialnämnden utarbeta en lokal strategi för frågor runt "
            "funktionsnedsättning.')")

# --- p5-p14: nämndens mål, indicator figures in the running text ---------------------------------------
SAK = "Säker vård och omsorg"
ind("Domar i förvaltningsdomstol i enlighet med socialnämndens beslut t.o.m. tertial två, ekonomiskt bistånd",
    "101", scenario="utfall", year=2019, period_end=T2, unit="antal", goal=SAK, area="Ekonomiskt bistånd",
    note="printed 'Andel domar i förvaltningsdomstol i enlighet med socialnämndens beslut t.o.m. tertial två är 101 "
         "gällande ekonomiskt bistånd och sex gällande bostad': a count of domar although the sentence says 'Andel'; "
         "'sex' (bostad) is a word, not listed")
ind("Målvärde: andel domar som följer socialnämndens beslut", "98 procent", value_raw="98", scenario="malvarde",
    year=2019, period_end=Y[2019], unit="procent", goal=SAK,
    note="printed 'Målvärdet är att 98 procent av domarna ska följa socialnämndens beslut - vilket uppnås'")
ind("Domar i enlighet med SN:s beslut, handläggning LSS Vuxen", "86 procent", value_raw="86", scenario="utfall",
    year=2019, period_end=T2, unit="procent", goal=SAK, area="Handläggning LSS Vuxen",
    note="printed 'sex av sju domar (86 procent)'")
ind("Målvärde: domar i enlighet med SN:s beslut, handläggning LSS Vuxen", "100 procent", value_raw="100",
    scenario="malvarde", year=2019, period_end=Y[2019], unit="procent", goal=SAK, area="Handläggning LSS Vuxen",
    note="printed 'Målvärde är 100 procent- vilket inte uppnås helt'")

IAV = "Individanpassad vård och omsorg"
ind("Målvärde: placeringar som avslutats oplanerat", "20 procent", value_raw="20", scenario="malvarde", year=2019,
    period_end=Y[2019], unit="procent", goal=IAV,
    note="printed 'med målet att färre än 20 procent av avslutade placeringar ska ha avslutats oplanerat' "
         "(comparator in words, 'färre än', so not set)")
ind("Målvärde: uppföljningar enligt IBIC på helåret, handläggning LSS vuxen", "110", scenario="malvarde", year=2019,
    period_end=Y[2019], unit="antal", goal=IAV, area="Handläggning LSS Vuxen",
    note="printed 'målvärdet att 110 uppföljningar ska ha genomförts på helåret'")
ind("Uppföljda beslut om bostad med särskild service efter tertial två", "40", scenario="utfall", year=2019,
    period_end=T2, unit="antal", goal=IAV, area="Handläggning LSS Vuxen",
    note="printed 'Efter tertial två har totalt 40 beslut om Bostad med särskild service följts upp'")
ind("Målvärde: uppföljningar enligt IBIC efter tertial två", "50", scenario="malvarde", year=2019, period_end=T2,
    unit="antal", goal=IAV, area="Handläggning LSS Vuxen",
    note="printed 'i jämförelse med målvärdet 50 efter tertial två' (a target for the period, so period_end T2)")

ind("Kostnad per närvarodygn korttidsvistelse 2017", "6038 kr/dygn", value_raw="6038", scenario="utfall", year=2017,
    period_end=Y[2017], unit="kr", goal=EFF, note="printed 'från 6038 kr/dygn exkl OH 2017'")
ind("Kostnad per närvarodygn korttidsvistelse 2018", "5634 kr/dygn", value_raw="5634", scenario="utfall", year=2018,
    period_end=Y[2018], unit="kr", goal=EFF,
    note="printed 'till 5634 kr/dygn exkl OH 2018'; the KPB-snitt 5007 kr/dygn inkl OH is a comparison, not listed")
ind("Kostnader för externa HVB-placeringar barn och unga januari-juli 2019", "21,9 mnkr", value_raw="21,9",
    scale="mnkr", scenario="utfall", year=2019, period_end=JUL[2019], unit="tkr", goal=EFF,
    note="printed '(januari-juli 2019: 21,9 mnkr, januari-juli 2018: 20 mnkr)'")
ind("Kostnader för externa HVB-placeringar barn och unga januari-juli 2018", "20 mnkr", value_raw="20",
    scale="mnkr", scenario="utfall", year=2018, period_end=JUL[2018], unit="tkr", goal=EFF)
ind("Ökning av kostnaderna för externa HVB-placeringar jämfört med 2018", "1,9 mnkr", value_raw="1,9", scale="mnkr",
    scenario="forandring", year=2019, period_end=JUL[2019], unit="tkr", goal=EFF,
    note="printed 'har ökat med 1,9 mnkr jämfört med 2018' (21,9 - 20 = 1,9); the '0,6 mnkr' decrease between "
         "tertial ett and två is not listed")
ind("Totalkostnad placeringar missbruks- och beroendevården fram till juli 2019", "5,8 mnkr", value_raw="5,8",
    scale="mnkr", scenario="utfall", year=2019, period_end=JUL[2019], unit="tkr", goal=EFF,
    area="Missbruks- och beroendevården", note="printed 'Totalkostnad fram till juli 2019 är 5,8 mnkr jämfört med 8,4 mnkr 2018'")
ind("Totalkostnad placeringar missbruks- och beroendevården fram till juli 2018", "8,4 mnkr", value_raw="8,4",
    scale="mnkr", scenario="utfall", year=2018, period_end=JUL[2018], unit="tkr", goal=EFF,
    area="Missbruks- och beroendevården")
ind("Kostnad för tomhyror jan - juli 2018", "325 000 kr", value_raw="325 000", scale="kr", scenario="utfall",
    year=2018, period_end=JUL[2018], unit="tkr", goal=EFF,
    note="printed 'kostnaden minskat från 325 000 kr (jan - juli 2018) till 98 000 kr (jan - juli 2019)'")
ind("Kostnad för tomhyror jan - juli 2019", "98 000 kr", value_raw="98 000", scale="kr", scenario="utfall",
    year=2019, period_end=JUL[2019], unit="tkr", goal=EFF)
ind("Kostnad för underhåll av lägenheter jan - juli 2018", "298 000 kr", value_raw="298 000", scale="kr",
    scenario="utfall", year=2018, period_end=JUL[2018], unit="tkr", goal=EFF,
    note="printed 'från 298 000 kr jan - juli 2018 till 218 000 kr jan -juli 2019'")
ind("Kostnad för underhåll av lägenheter jan - juli 2019", "218 000 kr", value_raw="218 000", scale="kr",
    scenario="utfall", year=2019, period_end=JUL[2019], unit="tkr", goal=EFF)
ind("Dygnskostnad bostad socialpsykiatri", "2051 kr/dygn", value_raw="2051", scenario="utfall", year=2018,
    period_end=Y[2018], unit="kr", goal=EFF,
    note="printed 'Kostnaden för bostad inom socialpsykiatri ligger på 2051 kr/dygn jämfört med KPB snitt ... 2098 "
         "kr/dygn'; year 2018 from the next sentence ('högre beläggning (fler dygn) 2018 än 2017'); the KPB "
         "comparison is not listed")
ind("Målvärde: antal konsulentstödda familjehem", "25", scenario="malvarde", year=2019, period_end=Y[2019],
    unit="antal", goal=EFF, note="printed 'ska minska i antal till 25 eller färre' (comparator in words, not set)")
ind("Antal konsulentstödda familjehem 2018", "31 st", value_raw="31", scenario="utfall", year=2018,
    period_end=Y[2018], unit="antal", goal=EFF, note="printed '(31 st för 2018)'")
ind("Antal konsulentstödda familjehem", "23 st", value_raw="23", scenario="utfall", year=2019, period_end=T2,
    unit="antal", goal=EFF, note="printed 'går enligt planering, antalet är 23 st' (now, so the report date)")
ind("Kostnad per dag i daglig verksamhet 2017", "540 kr/dag", value_raw="540", scenario="utfall", year=2017,
    period_end=Y[2017], unit="kr", goal=EFF, note="printed 'ökat från 540 kr/dag 2017 till 602 kr/dag 2018'")
ind("Kostnad per dag i daglig verksamhet 2018", "602 kr/dag", value_raw="602", scenario="utfall", year=2018,
    period_end=Y[2018], unit="kr", goal=EFF, note="the KPB-snitt 518 kr/dag is a comparison, not listed")

JAM = "Jämlik vård och omsorg"
ind("Andel nätverksplaceringar 2018", "13 %", value_raw="13", scenario="utfall", year=2018, period_end=Y[2018],
    unit="procent", goal=JAM, note="printed '(2018:13 %, 2019: 12%)'")
ind("Andel nätverksplaceringar 2019", "12%", value_raw="12", scenario="utfall", year=2019, period_end=T2,
    unit="procent", goal=JAM)
ind("Målvärde: individer från daglig verksamhet till företagsgrupp eller individuell placering", "15",
    scenario="malvarde", year=2019, period_end=Y[2019], unit="antal", goal=JAM,
    note="printed 'Målvärdet är att 15 individer ska gå från daglig verksamhet/sysselsättning till företagsgrupp "
         "alternativt individuell placering'; the outcome 'endast en person' is a word, not listed")

TIL = "Tillgänglig vård och omsorg"
ind("Målvärde: verkställighetstid boendestöd", "30 dagar", value_raw="30", scenario="malvarde", year=2019,
    period_end=Y[2019], unit="dagar", goal=TIL, note="printed 'kontakt etablerats inom 30 dagar' (comparator in words)")
ind("Verkställighetstid boendestöd, medelvärde ledtid tertial ett", "18 dagar", value_raw="18", scenario="utfall",
    year=2019, period_end="2019-04-30", unit="dagar", goal=TIL,
    note="printed 'I tertial ett är medelvärdet för ledtiden 18 dagar (7 kvinnor och 7 män)'; the counts of persons "
         "behind the mean are not listed")
ind("Verkställighetstid boendestöd, medelvärde ledtid tertial 2", "13 dagar", value_raw="13", scenario="utfall",
    year=2019, period_end=T2, unit="dagar", goal=TIL,
    note="printed 'för tertial 2 är medelvärdet för ledtiden 13 dagar (9 kvinnor och 9 män)'")
ind("Medianvärde väntetid bostad LSS/SoL", "62 dagar", value_raw="62", scenario="utfall", year=2019, period_end=T2,
    unit="dagar", goal=TIL, note="printed 'är 62 dagar till och med tertial två'")
ind("Målvärde: väntetid bostad LSS/SoL", "90 dagar", value_raw="90", scenario="malvarde", year=2019,
    period_end=Y[2019], unit="dagar", goal=TIL, note="printed 'målet på max 90 dagar' (comparator in words)")
ind("Utredningstid, VO Funktionsnedsättning och HSL", "109 dagar", value_raw="109", scenario="utfall", year=2019,
    period_end=T2, unit="dagar", goal=TIL, area="Funktionsnedsättning och HSL",
    note="printed 'Utredningstiden har ökat till 109 dagar (målvärde 90 dagar)'")
ind("Målvärde: utredningstid, VO Funktionsnedsättning och HSL", "90 dagar", value_raw="90", scenario="malvarde",
    year=2019, period_end=Y[2019], unit="dagar", goal=TIL, area="Funktionsnedsättning och HSL")
ind("Målvärde: svar av HSL-teamet", "24 timmar", value_raw="24", scenario="malvarde", year=2019, period_end=Y[2019],
    unit="timmar", goal=TIL, area="Funktionsnedsättning och HSL",
    note="printed 'har som målvärde att alla patienter/företrädare ska få svar av HSL-teamet inom 24 timmar'")

# --- p15-p16: indikatorer under målet Effektiv vård och omsorg (Titel | Utfall | Mål) -------------------
N_ENK = ("Utfall of a yearly medarbetarenkät: the Beskrivning says 'Utfall för hela förvaltningen 2018: {v}', so "
         "year 2018 (the column header 'Utfall' gives no year)")
ut = Col("Utfall", "utfall", 2019, JUL[2019], unit="procent", measure=IND)
mal = Col("Mål", "malvarde", 2019, Y[2019], unit="procent", measure=IND)
ut18 = Col("Utfall", "utfall", 2018, Y[2018], unit="index", measure=IND)
mal_i = Col("Mål", "malvarde", 2019, Y[2019], unit="index", measure=IND)
table(schema="maluppfyllelse", cols=[ut, mal], goal=EFF, rows=[
    ("SOC - Sjukfrånvaro", ["7.6%", "5.9%"], {"notes": {
        0: "Ackumulerad sjukfrånvaro t.o.m. juli 2019 (the text gives 7,59 %; the personal table's Period: Juli), so "
           "period_end 2019-07-31",
        1: "Målvärde 2019: 5,9 procent (Beskrivning)"}}),
])
ind("Sjukfrånvaro: Utfall 2018 (Beskrivning)", "6,9 procent", value_raw="6,9", scenario="utfall", year=2018,
    period_end=Y[2018], unit="procent", goal=EFF, note="printed 'Sjukfrånvaro: Utfall 2018: 6,9 procent'")
ind("Sjukfrånvaro: Målvärde 2019 (Beskrivning)", "5,9 procent", value_raw="5,9", scenario="malvarde", year=2019,
    period_end=Y[2019], unit="procent", goal=EFF, note="printed 'Målvärde 2019: 5,9 procent'")
ind("Sjukfrånvaro: Utfall 2018 (Kommentar)", "6,9 procent", value_raw="6,9", scenario="utfall", year=2018,
    period_end=Y[2018], unit="procent", goal=EFF, note="the Kommentar repeats the Beskrivning word for word")
ind("Sjukfrånvaro: Målvärde 2019 (Kommentar)", "5,9 procent", value_raw="5,9", scenario="malvarde", year=2019,
    period_end=Y[2019], unit="procent", goal=EFF)


def sjuk_soc(where: str) -> None:
    """'Den ackumulerade totala sjukfrånvaron till och med juli ...' (printed twice: p15 and p17)."""
    sjuk(f"Ackumulerad total sjukfrånvaro t.o.m. juli 2019 ({where})", "7,59%", 2019, JUL[2019],
         note="printed 'Den ackumulerade totala sjukfrånvaron till och med juli har i år ökat (7,59%) jämfört med "
              "föregående år (6,92 %)' (= the Sjukfrånvaro table, Totalt 2019)")
    sjuk(f"Ackumulerad total sjukfrånvaro t.o.m. juli 2018 ({where})", "6,92 %", 2018, JUL[2018])
    N_LANG = ("printed 'Den långa sjukfrånvaron har ökat från 3,36% i juli 2018 till 4,03% i juli 2019': percent of "
              "working time (lång + kort = total: 4,03 + 3,56 = 7,59), not the share of the total; the length "
              "limit is not stated")
    sjuk(f"Lång sjukfrånvaro juli 2018 ({where})", "3,36%", 2018, JUL[2018], measure="sjukfranvaro_lang", note=N_LANG)
    sjuk(f"Lång sjukfrånvaro juli 2019 ({where})", "4,03%", 2019, JUL[2019], measure="sjukfranvaro_lang", note=N_LANG)
    N_KORT = ("printed 'den korta sjukfrånvaron har minskat marginellt från 3,57% (2018) till 3,56% (2019)', "
              "accumulated to July like the total")
    sjuk(f"Kort sjukfrånvaro 2018 ({where})", "3,57%", 2018, JUL[2018], measure="sjukfranvaro_kort", note=N_KORT)
    sjuk(f"Kort sjukfrånvaro 2019 ({where})", "3,56%", 2019, JUL[2019], measure="sjukfranvaro_kort", note=N_KORT)


sjuk_soc("Effektiv vård och omsorg")
ind("Målet om ackumulerad sjukfrånvaro för 2019 (Samlad bedömning)", "5,9%", value_raw="5,9", scenario="malvarde",
    year=2019, period_end=Y[2019], unit="procent", goal=EFF,
    note="printed 'det inte är troligt att nå målet om 5,9% ackumulerad sjukfrånvaro för 2019'")
sjuk("Sjukfrånvaro VO Barn och familj", "7,25%", 2019, None, area="Barn och familj",
     note="printed 'Sjukfrånvaron har inom område Barn och familj stigit under våren till 7,25%': no period end is "
          "stated ('under våren'), so period_end null")
sjuk("Total sjukfrånvaro VO Vuxen i juli 2019", "6,13 %", 2019, JUL[2019], area="Vuxen",
     note="printed 'Den totala sjukfrånvaron i juli 2019 var dock högre än föregående år: 6,13 % (jämfört med samma "
          "månad 2018 som var 4,79 %)': the month of July only (same key as the accumulated 7,4 %)")
sjuk("Total sjukfrånvaro VO Vuxen i juli 2018", "4,79 %", 2018, JUL[2018], area="Vuxen",
     note="the month of July 2018 only")
sjuk("Ackumulerad sjukfrånvaro VO Vuxen jan-juli 2019", "7,4 %", 2019, JUL[2019], area="Vuxen",
     note="printed 'Ackumulerade sjukfrånvaron jan-juli 2019: 7,4 % (samma period 2018: 8,94 %)'")
sjuk("Ackumulerad sjukfrånvaro VO Vuxen jan-juli 2018", "8,94 %", 2018, JUL[2018], area="Vuxen")
sjuk("Kort sjukfrånvaro VO Vuxen januari-juli 2019", "3,61 %", 2019, JUL[2019], measure="sjukfranvaro_kort",
     area="Vuxen", note="printed 'Korta resp. långa sjukfrånvaron har sjunkit i januari-juli 2019: 3,61 % resp. 3,79 %' "
                        "(3,61 + 3,79 = 7,4)")
sjuk("Lång sjukfrånvaro VO Vuxen januari-juli 2019", "3,79 %", 2019, JUL[2019], measure="sjukfranvaro_lang",
     area="Vuxen", note="percent of working time (kort + lång = 7,4 %), not the share of the total")
sjuk("Total sjukfrånvaro VO Funktionsnedsättning och HSL t.o.m. juli 2019", "8,5 %", 2019, JUL[2019],
     area="Funktionsnedsättning och HSL",
     note="printed 'T.o.m juli är den totala sjukfrånvaron i VO Funk/HSL 8,5 % vilket är en ökning jämfört med 2018 "
          "(7,5 % motsvarande period)'")
sjuk("Total sjukfrånvaro VO Funktionsnedsättning och HSL t.o.m. juli 2018", "7,5 %", 2018, JUL[2018],
     area="Funktionsnedsättning och HSL")

table(schema="maluppfyllelse", cols=[ut18, mal_i], goal=EFF, rows=[
    ("SOC - Ledarskap (medarbetarenkät)", ["4.10", "4.10"], {"notes": {0: N_ENK.format(v="4,1")}}),
])
N_AREA_T = "the area repeats the nämnd's Målvärde 2019 ({v}); not listed again"
ind("Ledarskap: Utfall för hela förvaltningen 2018", "4,1", scenario="utfall", year=2018, period_end=Y[2018],
    unit="index", goal=EFF, note="printed 'Ledarskap - Utfall för hela förvaltningen 2018: 4,1. Målvärde 2019: 4,1'")
ind("Ledarskap: Målvärde 2019", "4,1", scenario="malvarde", year=2019, period_end=Y[2019], unit="index", goal=EFF)
ind("Ledarskap VO Barn och familj 2018", "4,0", scenario="utfall", year=2018, period_end=Y[2018], unit="index",
    goal=EFF, area="Barn och familj", note="printed 'Resultat för 2018 är 4,0 när det gäller ledarskap'")
ind("Ledarskap VO Vuxen 2018 (genomsnitt för 13 enhetschefer)", "3,85", scenario="utfall", year=2018,
    period_end=Y[2018], unit="index", goal=EFF, area="Vuxen",
    note="printed 'Resultatet i medarbetarenkäten 2018 är 3,85 i genomsnitt för 13 enhetschefer'; "
         + N_AREA_T.format(v="'minst 4,1'"))
ind("Ledarskap VO Funktionsnedsättning och HSL 2018", "3,8", scenario="utfall", year=2018, period_end=Y[2018],
    unit="index", goal=EFF, area="Funktionsnedsättning och HSL",
    note="printed 'Resultat för 2018 är 3,8'; " + N_AREA_T.format(v="'målvärdet på 4,1'"))
table(schema="maluppfyllelse", cols=[ut18, mal_i], goal=EFF, rows=[
    ("SOC - Arbetssätt och mål (medarbetarenkät)", ["3.80", "4.00"], {"notes": {0: N_ENK.format(v="3,8")}}),
])
ind("Arbetssätt och mål: Utfall för hela förvaltningen 2018", "3,8", scenario="utfall", year=2018,
    period_end=Y[2018], unit="index", goal=EFF,
    note="printed 'Arbetssätt och mål: Utfall för hela förvaltningen 2018: 3,8. Målvärde 2019: 4,0'")
ind("Arbetssätt och mål: Målvärde 2019", "4,0", scenario="malvarde", year=2019, period_end=Y[2019], unit="index",
    goal=EFF)
ind("Arbetssätt och mål VO Barn och familj 2018", "3,8", scenario="utfall", year=2018, period_end=Y[2018],
    unit="index", goal=EFF, area="Barn och familj",
    note="printed 'Resultat för 2018 är 3,8 när det gäller arbetssätt och mål'; VO Vuxen's and VO Funktionsnedsättning "
         "och HSL's 4,0 repeat the nämnd's target, not listed")
table(schema="maluppfyllelse", cols=[ut18, mal_i], goal=EFF, rows=[
    ("SOC - Medarbetarskap (medarbetarenkät)", ["4.00", "4.00"], {"notes": {0: N_ENK.format(v="4,0")}}),
])
ind("Medarbetarskap: Utfall för hela förvaltningen 2018", "4,0", scenario="utfall", year=2018, period_end=Y[2018],
    unit="index", goal=EFF, note="printed 'Medarbetarskap - Utfall för hela förvaltningen 2018: 4,0. Målvärde 2019: 4,0'")
ind("Medarbetarskap: Målvärde 2019", "4,0", scenario="malvarde", year=2019, period_end=Y[2019], unit="index",
    goal=EFF)
ind("Medarbetarskap VO Barn och familj, föregående års enkät", "4,1", scenario="utfall", year=2018,
    period_end=Y[2018], unit="index", goal=EFF, area="Barn och familj",
    note="printed 'Resultatet från föregående års enkät är 4,1 inom frågeområdet' (föregående år = 2018); VO Vuxen's "
         "4,0 repeats the nämnd's target, not listed")

# --- p17: Personal och arbetsmiljö (KF-mål, Titel / Beskrivning / Kommentar / Status) --------------------
HME = "Hållbart medarbetarengagemang"
ind("Ledarskap 2018 (HME)", "4,1", scenario="utfall", year=2018, period_end=Y[2018], unit="index", goal=HME,
    note="printed 'För 2018 redovisade socialförvaltningen goda resultat i medarbetarenkäten gällande ledarskap (4,1), "
         "Arbetssätt och mål (3,8), Medarbetarskap (4,0)'")
ind("Arbetssätt och mål 2018 (HME)", "3,8", scenario="utfall", year=2018, period_end=Y[2018], unit="index", goal=HME)
ind("Medarbetarskap 2018 (HME)", "4,0", scenario="utfall", year=2018, period_end=Y[2018], unit="index", goal=HME)
ind("Målsättning arbetssätt och mål 2019 (HME)", "4,0", scenario="malvarde", year=2019, period_end=Y[2019],
    unit="index", goal=HME, note="printed 'höja resultatet för arbetssätt och mål till 4,0 under 2019'")
ind("Index för Hållbart medarbetarengagemang 2018", "4,2", scenario="utfall", year=2018, period_end=Y[2018],
    unit="index", goal=HME, note="printed 'Index för Hållbart medarbetarengagemang för Socialförvaltningen 2018 låg på 4,2'")
sjuk_soc("Sjukfrånvaron")
ind("Målet om ackumulerad sjukfrånvaro för 2019 (KF-mål Sjukfrånvaron)", "5,9%", value_raw="5,9",
    scenario="malvarde", year=2019, period_end=Y[2019], unit="procent", goal="Sjukfrånvaron",
    note="printed 'det inte är troligt att nå målet om 5,9% ackumulerad sjukfrånvaro för 2019'")

# --- p19: Väsentliga händelser ----------------------------------------------------------------------------
narr("verksamhet", "Antal ensamkommande ungdomar i augusti 2018", "83", scenario="utfall", year=2018,
     period_end="2018-08-31", unit="antal", measure="verksamhetsmatt", area="Ensamkommandeverksamheterna",
     note="printed 'Antal ensamkommande ungdomar var i augusti 2018 83 och i augusti 2019 är antalet 52'")
narr("verksamhet", "Antal ensamkommande ungdomar i augusti 2019", "52", scenario="utfall", year=2019, period_end=T2,
     unit="antal", measure="verksamhetsmatt", area="Ensamkommandeverksamheterna")

# --- p20: Driftredovisning (År: 2019, Enhet: Tkr) ---------------------------------------------------------
N_VR = ("'Budget VR aug 2019' / 'Prognos VR aug 2019' are the full-year budget and forecast as of the August report "
        "(808 287 tkr is the annual ram), so period_end 2019-12-31; Avvikelse = Budget - Prognos on every row")
drift = [Col("Budget VR aug 2019", "budget", 2019, Y[2019]), Col("Prognos VR aug 2019", "prognos", 2019, Y[2019]),
         Col("Avvikelse", "avvikelse", 2019, Y[2019])]
N_RUN = "printed run together ('{t}'); the reading is fixed by Budget - Prognos = Avvikelse"
d = table(schema="ekonomi", cols=drift, rows=[
    ("Intäkter", ["-97 261", "-97 061", "-200"], {"measure": "intakter", "note": N_RUN.format(t="-97 261-97 061-200")}),
    ("Personalkostnader", ["556 042", "555 842", "200"], {"measure": "personalkostnad", "note": N_VR}),
    ("Lokalkostnader", ["71 921", "75 721", "-3 800"], {"measure": "lokalkostnad", "note": N_RUN.format(t="71 921 75 721-3 800")}),
    ("Kapitalkostnader", ["1 744", "1 744", "0"], {"measure": "kapitalkostnad"}),
    ("Övriga kostnader", ["275 841", "287 041", "-11 200"],
     {"measure": "ovriga_kostnader", "note": N_RUN.format(t="275 841 287 041-11 200")}),
    ("Summa KOSTNADER", ["905 548", "920 348", "-14 800"], {"measure": "kostnader"}),
    ("Summa RESULTAT", ["808 287", "823 287", "-15 000"],
     {"measure": "resultat", "note": "'Summa RESULTAT' is Intäkter + Summa KOSTNADER (the net cost, costs printed "
                                     "positive, income negative)"}),
])
C = [c.column for c in drift]
for row, vals in d.items():
    g.check(f"drift {row} budget - prognos = avvikelse", vals[C[0]] - vals[C[1]], vals[C[2]])
for c in C:
    g.check_sum(f"drift Summa KOSTNADER [{c}]", [d[r][c] for r in ("Personalkostnader", "Lokalkostnader",
                "Kapitalkostnader", "Övriga kostnader")], d["Summa KOSTNADER"][c])
    g.check_sum(f"drift Summa RESULTAT [{c}]", [d["Intäkter"][c], d["Summa KOSTNADER"][c]], d["Summa RESULTAT"][c])
narr("ekonomi", "Prognos för Socialnämnden: underskott (Prognos)", "-15,0 mnkr", value_raw="-15,0", scale="mnkr",
     scenario="prognos", year=2019, period_end=Y[2019], unit="tkr", measure="resultat",
     note="printed 'Prognosen för Socialnämnden visar ett underskott på -15,0 mnkr' under the drift table")

# --- p21-p22: prognos per verksamhet in the text (they sum to -15,0: -11,0 - 1,5 - 0,4 + 4,5 - 6,6) ------------
PROG = dict(schema="ekonomi", scenario="prognos", year=2019, period_end=Y[2019], unit="tkr", measure="resultat",
            scale="mnkr")
areas = [
    ("Helårsprognos sociala barn- och ungdomsvården", "-11,0 mnkr", "Sociala barn- och ungdomsvården",
     "printed 'Helårsprognosen för den sociala barn- och ungdomsvården är -11,0 mnkr'"),
    ("Prognos missbruks- och beroendevården: underskott", "-1,5 mnkr", "Missbruks- och beroendevården",
     "printed 'Antalet externa placeringar inom missbruks- och beroendevården har minskat ... Prognosen visar ett "
     "underskott på -1,5 mnkr'"),
    ("Övrig vuxenvård: underskott", "-0,4 mnkr", "Övrig vuxenvård",
     "printed 'Övrig vuxenvård visar ett underskott på -0,4 mnkr' (in the prognosis section, so a prognos)"),
    ("Ekonomiskt bistånd: prognostiserat överskott", "+4,5 mnkr", "Ekonomiskt bistånd",
     "printed 'Ekonomiskt bistånd visar ett prognostiserat överskott med +4,5 mnkr'"),
    ("Ensamkommandeverksamheterna: prognostiserat utfall", "-6,6 mnkr", "Ensamkommandeverksamheterna",
     "printed 'Ensamkommandeverksamheterna visar ett prognostiserat utfall på -6,6 mnkr' (a result against budget: "
     "the five areas sum to the nämnd's -15,0 mnkr; gemensamma verksamheter and funktionshinderomsorgen are "
     "'budget i balans', words)"),
]
parts = []
for label, raw, area, note in areas:
    narr(label=label, raw=raw, value_raw=raw.replace(" mnkr", ""), area=area, note=note, **PROG)
    parts.append(Decimal(str(g.facts[-1]["value"])))
g.check_sum("prognos per verksamhet = nämndens prognos", parts, d["Summa RESULTAT"][C[2]])

# --- p22: Investeringsredovisning (År: 2019, Enhet: Tkr) --------------------------------------------------
inv = table(schema="ekonomi", cols=drift, measure="investering", rows=[
    ("Utgifter", ["1 400", "1 400", "0"], {"note": "the row 'Inkomster' is printed with no values (no facts)"}),
    ("Summa NETTOINVESTERINGAR", ["1 400", "1 400", "0"]),
])
g.check("investering Utgifter - Inkomster (none) = Summa NETTOINVESTERINGAR", inv["Utgifter"][C[0]],
        inv["Summa NETTOINVESTERINGAR"][C[0]])
for row, vals in inv.items():
    g.check(f"investering {row} budget - prognos = avvikelse", vals[C[0]] - vals[C[1]], vals[C[2]])

# --- p23: Personalsammansättning (Månadsavlönade och vilande, Tillsvidare, Period: Augusti) ------------------
N_PERS = ("Header run 'År f: 2019 2018 2018 2019 2019': 'År f: 2019' is the filter, the columns are 2018, 2018, 2019, "
          "2019; order confirmed by the text ('56 personer färre än motsvarande tidpunkt förra året': 1 124 - 1 068)")
pcols = [Col("2018 Antal personer", "utfall", 2018, "2018-08-31", unit="antal", measure="anstallda_tillsvidare"),
         Col("2018 Antal årsarbetare", "utfall", 2018, "2018-08-31", unit="arsarbetare",
             measure="arsarbetare_manadsavlonade"),
         Col("2019 Antal personer", "utfall", 2019, "2019-08-31", unit="antal", measure="anstallda_tillsvidare"),
         Col("2019 Antal årsarbetare", "utfall", 2019, "2019-08-31", unit="arsarbetare",
             measure="arsarbetare_manadsavlonade")]
N_AA = "1 062.0 printed; Kvinnor + Män = 785.4 + 276.7 = 1 062.1 (rounding in the document)"
pers = table(schema="personal", cols=pcols, rows=[
    ("Kvinnor", ["835", "831.3", "790", "785.4"], {"kon": "K", "note": N_PERS}),
    ("Män", ["289", "287.4", "278", "276.7"], {"kon": "M"}),
    ("Totalt", ["1 124", "1 118.7", "1 068", "1 062.0"], {"kon": "T", "notes": {3: N_AA}}),
])
for c in [c.column for c in pcols]:
    g.check_sum(f"personal Kvinnor + Män = Totalt [{c}]", [pers["Kvinnor"][c], pers["Män"][c]], pers["Totalt"][c],
                known=c == "2019 Antal årsarbetare")

# --- p23: Sjukfrånvaro (Alla exkl. vilande, Period: Juli, ack valt kalenderår) ----------------------------------
scols = [Col(f"Sjukfrv %, ack valt kalenderår {y}", "utfall", y, JUL[y], unit="procent", measure="sjukfranvaro_total")
         for y in (2016, 2017, 2018, 2019)]
sj = table(schema="personal", cols=scols, rows=[
    ("Kvinnor", ["8.29%", "8.60%", "7.87%", "8.80%"], {"kon": "K"}),
    ("Män", ["5.08%", "5.27%", "4.41%", "4.11%"], {"kon": "M"}),
    ("Totalt", ["7.40%", "7.67%", "6.92%", "7.59%"], {"kon": "T"}),
])
for c in [c.column for c in scols]:   # a total of two groups lies between them
    assert min(sj["Kvinnor"][c], sj["Män"][c]) <= sj["Totalt"][c] <= max(sj["Kvinnor"][c], sj["Män"][c]), c
g.check("sjukfrånvaro Totalt 2019 = the text's 7,59 %", sj["Totalt"][scols[3].column], Decimal("7.59"))
g.check("sjukfrånvaro Totalt 2018 = the text's 6,92 %", sj["Totalt"][scols[2].column], Decimal("6.92"))

g.write()
meta = {
    "document": DOC,
    "source": f"seeds/{DOC}",
    "format": "txt",
    "pages": None,
    "expected": {
        "kommun_kod": "0880", "kommun": "Kalmar", "namnd": "Socialnämnden", "dokumenttyp": "delarsrapport",
        "period_typ": "delar", "period_slut": T2, "ar": 2019,
    },
    "covered_pages": "all",
    "image_pages": [],
    "chart_pages": [],
    "notes": [
        "Text document (one line per PDF page, tables flattened): page null, covered 'all'. The first page is a "
        "tjänsteskrivelse that carries the report, so dokumenttyp delarsrapport ('Delårsrapport augusti 2019 "
        "Rapportperiod: 2019-08-31'); period_typ delar (the report also speaks of tertial två).",
        "Pictures and charts (the overview of the nämnd's mål, the arbetsmiljöhändelser diagram, the process map) "
        "have no numbers in the text; a text document has no chart_pages to list.",
        "The report prints decimals with a point (7.6%, 831.3, 4.10): value 7.6, raw_value as printed.",
        "Driftredovisning (Enhet: Tkr): costs positive, Intäkter negative; 'Budget VR aug 2019' and 'Prognos VR aug "
        "2019' are full-year figures (period_end 2019-12-31). Numbers run together ('-97 261-97 061-200'); every row "
        "was read so that Budget - Prognos = Avvikelse, the four cost rows sum to Summa KOSTNADER and Intäkter + "
        "Summa KOSTNADER = Summa RESULTAT, in all three columns; no cell had to be left out. Measures: Intäkter "
        "intakter, Personalkostnader personalkostnad, Övriga kostnader ovriga_kostnader, Summa KOSTNADER kostnader, "
        "Summa RESULTAT resultat (it is the net cost, as in the 001 gold), Lokalkostnader lokalkostnad and "
        "Kapitalkostnader kapitalkostnad (Kommun-Bas posts). The text's prognoses per verksamhet (-11,0 / -1,5 / -0,4 / +4,5 / -6,6 mnkr) sum to the "
        "table's -15 000.",
        "Investeringsredovisning: 'Inkomster' is printed before the header run with no values (no facts); Utgifter "
        "and Summa NETTOINVESTERINGAR 1 400 / 1 400 / 0, measure investering.",
        "Personalsammansättning: the header run 'År f: 2019 2018 2018 2019 2019' is the filter (År f: 2019) followed "
        "by the column years 2018, 2018, 2019, 2019 over Antal personer / Antal årsarbetare; stock at August "
        "(2018-08-31, 2019-08-31). Filter Månadsavlönade och vilande, Tillsvidare: measures anstallda_tillsvidare and "
        "arsarbetare_manadsavlonade. Totalt 2019 årsarbetare 1 062.0 against 785.4 + 276.7 = 1 062.1 (the document "
        "does not add up by 0.1).",
        "Sjukfrånvaro table: 'Sjukfrv %, ack valt kalenderår' per year 2016-2019 with Period: Juli, so period_end "
        "YYYY-07-31; Totalt 2018/2019 equal the text's 6,92 % / 7,59 %.",
        "Indicator table 'Titel Utfall Mål' (målet Effektiv vård och omsorg): goal = the nämnd mål. SOC - "
        "Sjukfrånvaro Utfall 7.6% is the accumulated sick leave to July 2019 (period_end 2019-07-31). The three "
        "medarbetarenkät indicators (Ledarskap 4.10, Arbetssätt och mål 3.80, Medarbetarskap 4.00) show the 2018 "
        "enkät result, as each Beskrivning states ('Utfall för hela förvaltningen 2018: 4,1'): year 2018, period_end "
        "2018-12-31, unit index. Mål is the 2019 target (Målvärde 2019 in the Beskrivning).",
        "The 'Titel / Beskrivning / Kommentar / Status' tables of the KF-mål and the nämnd's six mål print their "
        "status as an icon that is not in the text layer: no status facts, except the uppdrag "
        "'Funktionsnedsättningsfrågor', whose Kommentar 'Uppdraget är klart.' gives Avslutad. Numbers inside their "
        "text cells are narrative facts.",
        "Narrative, listed: the nämnd's prognos -15,0 mnkr (twice) and the five prognoses per verksamhet; indicator "
        "outcomes and targets stated with a number (domar 101 / 98 % / 86 % / 100 %; placeringar < 20 %; IBIC 110 / "
        "40 / 50; korttidsvistelse 6038 / 5634 kr per dygn; HVB 21,9 / 20 / +1,9 mnkr; missbruk 5,8 / 8,4 mnkr; "
        "tomhyror 325 000 / 98 000 kr and underhåll 298 000 / 218 000 kr (in tkr); socialpsykiatri 2051 kr per dygn; "
        "konsulentstödda familjehem 25 / 31 / 23; daglig verksamhet 540 / 602 kr per dag; nätverksplaceringar 13 / 12 "
        "%; 15 individer; verkställighetstid 30 / 18 / 13 dagar; väntetid 62 / 90 dagar; utredningstid 109 / 90 "
        "dagar; HSL 24 timmar; the medarbetarenkät results per förvaltning and VO and HME 4,2); sick leave for the "
        "förvaltning (stated twice, both listed) and per VO; ensamkommande ungdomar 83 / 52. Areas are the VO or "
        "verksamhet named in the sentence, without 'VO' (Vuxen, Barn och familj, Funktionsnedsättning och HSL).",
        "Judgement: 'lång' sick leave in the text is percent of working time (lång + kort = total), not the share of "
        "the total that sjukfranvaro_lang defines; kept as sjukfranvaro_lang with a note. Targets written in words "
        "('färre än 20 procent', 'max 90 dagar', 'inom 30 dagar', '25 eller färre') have no comparator.",
        "Not listed: sparbeting 7,2 mnkr (a savings requirement, stated twice); balanstalet 'minst 0,8' and 0,8-1,0 "
        "(a KF-mål definition without a period); 77 procent of boendestödsbeslut in IBIC (progress of an "
        "implementation); KPB comparisons (5007, 2098, 518 kr); the 0,6 mnkr HVB decrease between tertials; 'ca 80 "
        "procent', 'ca tjugofem procent'; counts of persons behind means (7 kvinnor och 7 män ...); the 50-67 group's "
        "3,2 % of VO Vuxen's 7,4 %; VO-level repetitions of the nämnd's enkät targets; 18 av 20 EC; 213 bokningar, "
        "18 bilar, 71 av 80 miljöombud; 12 + 12 new platser; 20 ungdomar fyller 21 år 2020; '56 personer färre' "
        "(the table's difference); 162 personer sjuka i juli; numbers written as words (fjorton, sex av sju, två, "
        "fyra, en person).",
    ],
}
write_meta(DOC, meta)
