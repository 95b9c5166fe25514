"""Gold: Göteborg, Nämnden för Intraservice, delårsrapport mars 2026 (26 pages).

Retyped from the rendered pages; labels copied from the text layer. Run:
    .venv/bin/python tests/gold/src/goteborg_intraservice_delarsrapport_2026-03.py
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from goldlib import Col, Gold, d, write_meta  # noqa: E402

DOC = "goteborg_intraservice_delarsrapport_2026-03.pdf"
g = Gold(DOC)
Q1, Q1_25, FY, FY25, FY24 = "2026-03-31", "2025-03-31", "2026-12-31", "2025-12-31", "2024-12-31"

# --- p4: Volym-, intäkts- och kostnadsutveckling (percent change against last year) -----------
g.table(page=4, schema="ekonomi", cols=[
    Col("Utfall perioden jämfört med samma period föregående år", "forandring", 2026, Q1, "procent"),
    Col("Prognos helår jämfört med helår föregående år", "forandring", 2026, FY, "procent"),
], rows=[
    ("Intäkter, inkl kommunbidrag", ["7,8 %", "6,0 %"], {"measure": "intakter"}),
    ("Personalkostnader", ["7,6 %", "6,0 %"], {"measure": "personalkostnad"}),
    ("Konsultkostnader", ["15,5 %", "17,8 %"]),
    ("IT-tjänster, IT-program, licenser och hyra leasing IT-utrustning", ["-2,7 %", "9,9 %"]),
    ("Övriga kostnader", ["10,6 %", "-13,6 %"], {"measure": "ovriga_kostnader"}),
])

# --- p5: Effektmått och övriga mått/nyckeltal ------------------------------------------------
g.table(page=5, schema="verksamhet", cols=[
    Col("Utfall perioden 2026", "utfall", 2026, Q1, measure="verksamhetsmatt"),
    Col("Prognos helår 2026", "prognos", 2026, FY, measure="verksamhetsmatt"),
    Col("Utfall helår 2025", "utfall", 2025, FY25, measure="verksamhetsmatt"),
    Col("Utfall helår 2024", "utfall", 2024, FY24, measure="verksamhetsmatt"),
], rows=[
    ("Antal incidenter lösta inom Service Level Agreement snitt", ["87,5%", "85 %", "87 %", "85 %"],
     {"unit": "procent"}),
    ("Antal Major Incidents", ["7", None, "55", "34"], {"unit": "antal"}),
])
NARR = dict(method="narrative", column=None)
g.fact(page=5, schema="verksamhet", label="Lösningsgrad, incidenter lösta inom SLA (jan-mars)", scenario="utfall",
       year=2026, period_end=Q1, value_raw="87,5 %", unit="procent", measure="verksamhetsmatt", **NARR)
g.fact(page=5, schema="verksamhet", label="Målet för lösningsgrad inom SLA", scenario="malvarde", year=2026,
       period_end=FY, value_raw="85 %", unit="procent", measure="verksamhetsmatt", **NARR,
       note="'ligger över målet på 85 %': the målvärde for 2026 (no comparator printed)")
g.fact(page=5, schema="verksamhet", label="Major incidents januari – mars 2026", scenario="utfall", year=2026,
       period_end=Q1, value_raw="7", unit="antal", measure="verksamhetsmatt", **NARR)
g.fact(page=5, schema="verksamhet", label="Major incidents inom tjänsteområde Digital infrastruktur",
       scenario="utfall", year=2026, period_end=Q1, value_raw="5", unit="antal", measure="verksamhetsmatt",
       area="Digital infrastruktur", **NARR)
g.fact(page=5, schema="verksamhet", label="Major incidents inom tjänsteområde HR", scenario="utfall", year=2026,
       period_end=Q1, value_raw="2", unit="antal", measure="verksamhetsmatt", area="HR", **NARR)
g.check_sum("p5 major incidents 5 + 2 = 7", [d("5"), d("2")], d("7"))

# --- p6: Personalvolymsutveckling -----------------------------------------------------------
g.table(page=6, schema="personal", kon="T", cols=[
    Col("Aktuell period (ack sedan årets början)", "utfall", 2026, Q1, "arsarbetare", measure="arsarbetare"),
    Col("Motsvarande period föregående år", "utfall", 2025, Q1_25, "arsarbetare", measure="arsarbetare"),
    Col("Prognos 2026", "prognos", 2026, FY, "arsarbetare", measure="arsarbetare"),
    Col("Utfall 2025", "utfall", 2025, FY25, "arsarbetare", measure="arsarbetare"),
], rows=[
    ("Antal årsarbetare", ["197,7", "188,7", "750", "733,8"]),
])

# --- p10: Uppföljning av allvarliga arbetsplatsolyckor och dödsfall ----------------------------
NOTE10 = ("the table prints no period; the document period (jan-mar 2026) is used, although it sits in the "
          "annual follow-up of the arbetsmiljöarbete for 2025")
g.table(page=10, schema="personal", kon="T", cols=[Col("Antal", "utfall", 2026, Q1, "antal")], rows=[
    ("Dödsfall på grund av arbetsolycka", ["0"], {"notes": {0: NOTE10}}),
    ("Allvarlig arbetsolycka", ["0"], {"notes": {0: NOTE10}}),
    ("Allvarligt tillbud utan personskada", ["0"], {"notes": {0: NOTE10}}),
])

# --- p11: Resultatredovisning i sammandrag (Belopp i mnkr) -----------------------------------
cols11 = [
    Col("Period Utfall", "utfall", 2026, Q1, scale="mnkr"),
    Col("Period Budget", "budget", 2026, Q1, scale="mnkr"),
    Col("Period Avvikelse", "avvikelse", 2026, Q1, scale="mnkr"),
    Col("Period Utfall fg år", "utfall", 2025, Q1_25, scale="mnkr"),
    Col("Helår Prognos", "prognos", 2026, FY, scale="mnkr"),
    Col("Helår Fg prognos", "prognos", 2026, FY, scale="mnkr"),
    Col("Helår Budget", "budget", 2026, FY, scale="mnkr"),
    Col("Helår Bokslut fg år", "bokslut", 2025, FY25, scale="mnkr"),
]
FG = "previous forecast (Fg prognos): same key as Helår Prognos, told apart by value/column"
t11 = g.table(page=11, schema="ekonomi", cols=cols11, rows=[
    ("Intäkter", ["373,6", "375,7", "-2,1", "346,2", "1 513,3", "1 506,8", "1 506,8", "1 413,5"],
     {"measure": "intakter", "notes": {5: FG}}),
    ("Kostnader", ["-360,5", "-382,1", "21,6", "-347,1", "-1 550,7", "-1 549,1", "-1 549,1", "-1 444,8"],
     {"measure": "kostnader", "notes": {5: FG}}),
    ("Kommunbidrag", ["9,4", "9,4", "0", "9,5", "37,4", "42,3", "42,3", "38,2"],
     {"measure": "kommunbidrag", "notes": {5: FG}}),
    ("Kommuninterna bidrag", ["0", "0", "0", "0", "0", "0", "0", "0"], {"notes": {5: FG}}),
    ("Resultat", ["22,5", "3,0", "19,5", "8,6", "0", "0", "0", "6,9"], {"measure": "resultat", "notes": {5: FG}}),
])
for c in cols11:
    parts = [t11[r][c.column] for r in ("Intäkter", "Kostnader", "Kommunbidrag", "Kommuninterna bidrag")]
    g.check_sum(f"p11 {c.column}: Resultat = sum of rows", parts, t11["Resultat"][c.column])
for r, row in t11.items():
    g.check(f"p11 {r}: Avvikelse = Utfall - Budget", row["Period Utfall"] - row["Period Budget"], row["Period Avvikelse"])
g.fact(page=11, schema="ekonomi", label="Förvaltningen visar överskott för perioden jämfört med budget",
       scenario="avvikelse", year=2026, period_end=Q1, value_raw="19,5", scale="mnkr", unit="tkr",
       measure="budgetavvikelse", **NARR, note="printed '19,5 miljoner kronor'")

# --- p14: Resultatuppföljning tjänster och förändringsinsatser period (mnkr) -----------------
cols14 = [
    Col("Utfall intäkter period", "utfall", 2026, Q1, scale="mnkr", measure="intakter"),
    Col("Utfall kostnader period", "utfall", 2026, Q1, scale="mnkr", measure="kostnader"),
    Col("Resultat period", "utfall", 2026, Q1, scale="mnkr", measure="resultat"),
    Col("Budget kostnader period", "budget", 2026, Q1, scale="mnkr", measure="kostnader"),
    Col("Budgetavvikelse", "avvikelse", 2026, Q1, scale="mnkr", measure="budgetavvikelse"),
]
TOTAL = {"area": None}
N14F = ("the document does not add up: Budgetavvikelse should be Utfall kostnader - Budget kostnader = "
        "-7,6 - (-9,5) = 1,9; printed 2,4 (the column still sums to the totals)")
N14D = ("the document does not add up: Budgetavvikelse should be -69,8 - (-65,3) = -4,5; printed -5,0 "
        "(the column still sums to Totalt)")
N14T = ("Budgetavvikelse of the total row = its kostnader - budget (-272,1 - (-296,5) = 24,4) does not hold, "
        "because of the Förändringsinitiativ cell; printed 24,9 = 22,5 + 2,4")
rows14 = [
    ("- Ekonomi", ["20,5", "-13,7", "6,8", "-20,7", "7,0"]),
    ("- HR", ["35,8", "-34,3", "1,5", "-36,2", "1,9"]),
    ("- Kommunikation, ledning och styrning", ["24,5", "-22,1", "2,4", "-24,6", "2,5"]),
    ("Digital infrastruktur", ["210,1", "-194,4", "15,7", "-205,5", "11,1"]),
    ("Total förvaltning", ["290,9", "-264,5", "26,4", "-287,0", "22,5"], TOTAL),
    ("Förändringsinitiativ", ["9,1", "-7,6", "1,5", "-9,5", "2,4"], {"notes": {4: N14F}}),
    ("Total förvaltning och förändringsinitiativ", ["300,0", "-272,1", "27,9", "-296,5", "24,9"],
     {"area": None, "notes": {4: N14T}}),
    ("E-tjänstekort", ["2,6", "-2,9", "-0,3", "-2,7", "-0,2"]),
    ("Bastjänster, inköp och upphandling (INK)", ["2,7", "-2,5", "0,2", "-2,7", "0,2"]),
    ("Digital infrastruktur, Demokrati- och Medborgarservice (DM)", ["7,7", "-7,5", "0,2", "-7,8", "0,3"]),
    ("Tilläggstjänster", ["7,6", "-6,9", "0,7", "-12,0", "5,1"]),
    ("Direktförsäljning och övrigt", ["61,8", "-69,8", "-8,0", "-65,3", "-5,0"], {"notes": {4: N14D}}),
    ("Kommunbidrag", ["10,6", "-8,8", "1,8", "-9,6", "0,8"]),
    ("Totalt", ["393,0", "-370,5", "22,5", "-396,6", "26,1"], TOTAL),
]
t14 = g.table(page=14, schema="ekonomi", cols=cols14, rows=rows14, label_is_area=True)


def service_checks(page: int, t: dict, cols: list[Col], rows: list, known: set[str]) -> None:
    """Row identities and group sums; ``known`` names the checks the document itself fails."""
    inc, cost, res, bud, avv = (c.column for c in cols)
    for label in (r[0] for r in rows):
        row = t[label]
        name = f"{label}: intäkter + kostnader = resultat"
        g.check(f"p{page} {name}", row[inc] + row[cost], row[res], known=name in known)
        name = f"{label}: kostnader - budget = avvikelse"
        g.check(f"p{page} {name}", row[cost] - row[bud], row[avv], known=name in known)
    labels = [r[0] for r in rows]
    groups = {
        "Total förvaltning": ["- Ekonomi", "- HR", "- Kommunikation, ledning och styrning", "Digital infrastruktur"],
        "Total förvaltning och förändringsinitiativ": ["Total förvaltning", "Förändringsinitiativ"],
        "Totalt": labels[labels.index("Total förvaltning och förändringsinitiativ"):-1],
    }
    for total, parts in groups.items():
        for c in cols:
            name = f"{total} {c.column}: sum of rows"
            g.check_sum(f"p{page} {name}", [t[p][c.column] for p in parts], t[total][c.column], known=name in known)


service_checks(14, t14, cols14, rows14, {
    "Förändringsinitiativ: kostnader - budget = avvikelse",
    "Direktförsäljning och övrigt: kostnader - budget = avvikelse",
    "Total förvaltning och förändringsinitiativ: kostnader - budget = avvikelse",
})

# --- p15: narrative per tjänsteområde ---------------------------------------------------------
g.fact(page=15, schema="ekonomi", label="Område Ekonomi visar ett överskott", scenario="avvikelse", year=2026,
       period_end=Q1, value_raw="7", scale="mnkr", unit="tkr", measure="budgetavvikelse", area="Ekonomi", **NARR,
       note="printed 'ca 7 miljoner kronor' (table p14: 7,0)")

# --- p16: Resultatuppföljning och förändringsinsatser helår (mnkr) ---------------------------
cols16 = [
    Col("Prognos intäkter helår", "prognos", 2026, FY, scale="mnkr", measure="intakter"),
    Col("Prognos kostnader helår", "prognos", 2026, FY, scale="mnkr", measure="kostnader"),
    Col("Prognos resultat helår", "prognos", 2026, FY, scale="mnkr", measure="resultat"),
    Col("Budget kostnader helår", "budget", 2026, FY, scale="mnkr", measure="kostnader"),
    Col("Prognosavvikelse mot budget helår", "avvikelse", 2026, FY, scale="mnkr", measure="budgetavvikelse"),
]
N16T = ("sign error in the document: the rows sum to +1 633,7 (intäkter), printed -1 633,7; kept as printed")
rows16 = [
    ("- Ekonomi", ["82,2", "-69,5", "12,7", "-82,5", "13,0"]),
    ("- HR", ["143,3", "-145,4", "-2,1", "-143,8", "-1,6"]),
    ("- Kommunikation, ledning och styrning", ["100,4", "-98,1", "2,3", "-98,6", "0,5"]),
    ("Digital infrastruktur", ["840,9", "-848,5", "-7,6", "-848,7", "0,2"]),
    ("Total förvaltning", ["1 166,8", "-1 161,5", "5,3", "-1 173,6", "12,1"], TOTAL),
    ("Förändringsinitiativ", ["36,5", "-38,0", "-1,5", "-38,1", "0,1"]),
    ("Total förvaltning och förändringsinitiativ", ["1 203,3", "-1 199,5", "3,8", "-1 211,7", "12,2"], TOTAL),
    ("E-tjänstekort", ["10,6", "-12,8", "-2,2", "-10,7", "-2,1"]),
    ("Bastjänster, inköp och upphandling (INK)", ["10,6", "-10,5", "0,1", "-10,6", "0,1"]),
    ("Digital infrastruktur, Demokrati- och Medborgarservice (DM)", ["30,9", "-30,3", "0,6", "-30,9", "0,6"]),
    ("Tilläggstjänster", ["30,7", "-37,4", "-6,7", "-36,5", "-0,9"]),
    ("Direktförsäljning och övrigt", ["310,1", "-305,7", "4,4", "-295,8", "-9,9"]),
    ("Kommunbidrag", ["42,3", "-42,3", "0", "-42,3", "0"]),
    ("Överförd verksamhet till SLK - kommunbidrag", ["-4,8", "4,8", "0", "4,8", "0"]),
    ("Totalt", ["-1 633,7", "-1 633,7", "0", "-1 633,7", "0"], {"area": None, "notes": {0: N16T}}),
]
t16 = g.table(page=16, schema="ekonomi", cols=cols16, rows=rows16, label_is_area=True)
service_checks(16, t16, cols16, rows16, {
    "Totalt Prognos intäkter helår: sum of rows",
    "Totalt: intäkter + kostnader = resultat",
})

# --- p19: Personalvolymsutveckling per yrkesgrupp (AID) --------------------------------------
t19 = g.table(page=19, schema="personal", kon="T", label_is_category=True, cols=[
    Col("Ack åa helår 2024", "utfall", 2024, FY24, "arsarbetare", measure="arsarbetare"),
    Col("Ack åa helår 2025", "utfall", 2025, FY25, "arsarbetare", measure="arsarbetare"),
    Col("Förändring åa 2024/2025", "forandring", 2025, FY25, "arsarbetare", measure="arsarbetare"),
], rows=[
    ("Administratör", ["74,3", "79,9", "5,6"]),
    ("Handläggare", ["420,3", "443,7", "23,4"]),
    ("Ledningsarbete", ["57,4", "59,8", "2,4"]),
])
for r, row in t19.items():
    g.check(f"p19 {r}: 2025 - 2024 = förändring", row["Ack åa helår 2025"] - row["Ack åa helår 2024"],
            row["Förändring åa 2024/2025"])

# --- p23-26: Uppdrag (every one marked with the ▶ icon = Pågående) ---------------------------
UPPDRAG = [
    (23, "Sociala dimensionen", "Kommunstyrelsen får i uppdrag att i samverkan med samtliga nämnder utveckla det "
     "systematiska arbetsmiljöarbetet. Metoder ska tas fram och spridas för att förebygga sjukskrivningar."),
    (23, "Sociala dimensionen", "Alla nämnder och bolagsstyrelser får i uppdrag att i samverkan med "
     "stadsfastighetsnämnden genomföra åtgärder för att få fler att välja cykel för att pendla till arbetet. "
     "Arbetet ska ske utifrån lokala förutsättningar och behov. Lokala arbetstagarrepresentanter ska involveras i "
     "genomförandet. Återrapporteringen ska ske till respektive nämnd/bolagsstyrelse."),
    (23, "Sociala dimensionen", "Alla nämnder och bolagsstyrelser får i uppdrag att upplåta de "
     "förtidsröstningslokaler och vallokaler som efterfrågas av valnämnden för att säkerställa tillgång till "
     "vallokaler över hela Göteborg."),
    (23, "Sociala dimensionen", "Alla nämnder och bolagsstyrelser får i uppdrag att understödja och bidra till "
     "Framtidenkoncernens strategi för utvecklingsområden 2020–2030"),
    (23, "Sociala dimensionen", "Förvaltningen för Intraservice får i uppdrag att halvårsvis redovisa sin roll och "
     "sina ambitioner inom området AI."),
    (23, "Sociala dimensionen", "Nämnden för intraservice får i uppdrag att utreda alternativ till "
     "tredjelandsbaserade leverantörer av digitala produkter och tjänster som intraservice upphandlar för stadens "
     "räkning och nyttjar. Utredningen ska kartlägga vilka möjliga andra leverantörer som finns, uppskattad "
     "kostnad och tid för övergång till dessa leverantörer. Återrapportering i samband med ordinarie rapportering "
     "men i separat rapportering."),
    (24, "Sociala dimensionen", "Kommunstyrelsen får i uppdrag att i samverkan med Nämnden för intraservice utreda "
     "innehåll, organisering och finansiering av kompetenscenter för intraservice"),
    (24, "Sociala dimensionen", "Förvaltningen får i uppdrag att ta fram en arbetsordning för nämndens arbete och "
     "ansvar vid extraordinär händelse eller kris."),
    (24, "Ekologiska dimensionen", "Alla nämnder och bolagsstyrelser får i uppdrag att, utifrån sina specifika "
     "förutsättningar, säkerställa cirkulär hantering av inventarier och arbetskläder. Göteborgs Stads Leasing AB "
     "ska i samverkan med stadsmiljönämnden leda och stödja arbetet."),
    (24, "Ekologiska dimensionen", "Alla nämnder och bolagsstyrelser får i uppdrag att utifrån 2025 års analyser av "
     "inköp i Göteborgs Stads spendrapport och miljöspendrapport inarbeta förbättringar avseende "
     "kostnadsmedvetenhet, långsiktighet och hållbarhet med mål om att minska konsumtionen i ordinarie arbete och "
     "uppföljning. Inköps- och upphandlingsnämnden ska bistå i detta arbete."),
    (24, "Ekologiska dimensionen", "Förvaltningen för Intraservice får i uppdrag att göra en "
     "hållbarhetscertifiering, en klimatberäkning eller motsvarande av tjänsten ”Klient som tjänst” för datorer, "
     "telefoner och ipads."),
    (24, "Ekologiska dimensionen", "Utred möjligheten att utveckla och koppla samman befintliga inköps-, leasing-, "
     "beställnings- och återbrukssystem, för att möjliggöra bättre överblick, ökad nyttjandegrad av befintliga "
     "resurser samt cirkulär anskaffning och avyttring."),
    (25, "Ekologiska dimensionen", "Förbättra förutsättningarna för en välfungerande kemikaliehantering hos "
     "nämnder och styrelser genom att förbättra användarstödet för stadens digitala verktyg för "
     "kemikaliehantering."),
    (25, "Ekologiska dimensionen", "Alla nämnder och bolag får i uppdrag att stärka arbetet med att förebygga "
     "avfall. Återrapportering sker i respektive nämnd."),
    (25, "Ekonomiska dimensionen", "Alla nämnder och bolagsstyrelser får i uppdrag att arbeta in långsiktiga "
     "ekonomiska, ekologiska och sociala risker i samband med den årliga samlade riskbilden."),
    (25, "Ekonomiska dimensionen", "Nämnden för Intraservice får i uppdrag att återkomma till kommunstyrelsen med "
     "förslag på genomförande och finansiering inom årlig analys av hemtagning och tjänsteerbjudande av "
     "Skatteverkets uppgifter i Navet. Förslaget ska säkerställa att hemtagningen sker utifrån en rättssäker "
     "hantering av personuppgifter inom staden."),
    (25, "Ekonomiska dimensionen", "Utökat kommunbidrag för utökat beställarstöd"),
    (26, "Ekonomiska dimensionen", "Utreda Intraservices handlingsutrymme till att påverka leverantörers möjlighet "
     "att undvika grävningar i redan befintlig infrastruktur"),
]
CONTINUED = {
    "Nämnden för intraservice får i uppdrag att utreda alternativ": "label continues from p23 onto p24",
    "Utred möjligheten att utveckla": "label continues from p24 onto p25",
}
for page, dimension, text in UPPDRAG:
    cont = next((v for k, v in CONTINUED.items() if text.startswith(k)), None)
    g.fact(page=page, schema="maluppfyllelse", label=text, column="Centrala uppdrag", scenario=None, year=2026,
           period_end=Q1, value_raw=None, unit="status", measure="uppdrag", status="Pågående",
           note=f"status from the ▶ icon (the document prints no legend); {dimension}"
           + (f"; {cont}; page = where the icon is" if cont else ""))

g.write()
meta = {
    "document": DOC,
    "source": DOC,
    "format": "pdf",
    "pages": 26,
    "expected": {
        "kommun_kod": "1480", "kommun": "Göteborg", "namnd": "Nämnden för Intraservice",
        "dokumenttyp": "delarsrapport", "period_typ": "delar", "period_slut": Q1, "ar": 2026,
    },
    "covered_pages": "all",
    "image_pages": [],
    "chart_pages": [],
    "notes": [
        "Money tables are in mnkr (p11, p14, p16): values ×1000 to tkr, raw_value as printed. p11 prints "
        "'Belopp i mnkr'; p14 and p16 print no unit: mnkr is inferred (p14 Totalt Resultat period 22,5 = p11 "
        "Resultat 22,5 mnkr; p16 Totalt kostnader -1 633,7 against p11 Prognos kostnader -1 550,7 mnkr; the "
        "verified golden JSON reads them as mnkr too).",
        "p11 'Fg prognos' (previous forecast) has scenario prognos like 'Prognos': the two share a key.",
        "p14/p16 rows are tjänster: measure from the column, area = the tjänst (list dash removed), "
        "area null on Total/Totalt rows; label keeps the printed '- ' of sub-rows.",
        "p14 does not add up in two cells (Förändringsinitiativ 2,4 and Direktförsäljning -5,0 "
        "Budgetavvikelse, ±0,5 that cancel in Totalt); p16 Totalt Prognos intäkter helår is printed "
        "-1 633,7 where the rows sum to +1 633,7 (sign error). Values kept as printed, notes on the lines.",
        "p19 Prognos helår 2026 cells are words (Oförändrat, 'Ökning med ca 20–30 medarbetare', 'Ev ökning'): "
        "not facts.",
        "p18 (åtgärder, tkr column all '-') and p13 (kommuncentrala poster: 'Inga') have no facts.",
        "Uppdrag (p23-26): status Pågående from the ▶ icon; the full uppdrag text is the label, also "
        "where it runs over a page break.",
        "Narrative: only headline figures (p5 SLA and major incidents, p11 överskott 19,5 mnkr, p15 Ekonomi "
        "ca 7 mnkr). Percentages in the arbetsmiljö text (p7) and the 'ca N miljoner' estimates of "
        "cybersäkerhet costs (p12, p17, p20) are not listed.",
    ],
}
write_meta(DOC, meta)
