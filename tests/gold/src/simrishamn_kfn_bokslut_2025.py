"""Gold: Simrishamn, Kultur- och fritidsnämnden, årsbokslut 2025 (37 pages).

Retyped from the rendered pages; labels copied from the text layer. Run:
    .venv/bin/python tests/gold/src/simrishamn_kfn_bokslut_2025.py
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from goldlib import Col, Gold, d, write_meta  # noqa: E402

DOC = "simrishamn_kfn_bokslut_2025.pdf"
g = Gold(DOC)
Y = {y: f"{y}-12-31" for y in range(2022, 2026)}
NARR = dict(method="narrative", column=None)
VM = "verksamhetsmatt"

# --- p5: narrative (Sommarboken) -----------------------------------------------------------------
g.fact(page=5, schema="verksamhet", label="Sommarboken på biblioteket, deltagare 2025", scenario="utfall", year=2025,
       period_end=Y[2025], value_raw="541", unit="antal", measure=VM, **NARR, note="printed '(541 st)'")
g.fact(page=5, schema="verksamhet", label="Sommarboken på biblioteket, deltagare 2024", scenario="utfall", year=2024,
       period_end=Y[2024], value_raw="446", unit="antal", measure=VM, **NARR, note="printed '(446 st)'")

# --- p13: Ekonomi (tkr) --------------------------------------------------------------------------------
cols13 = [Col("2024", "utfall", 2024, Y[2024]), Col("2025", "utfall", 2025, Y[2025])]
BUD = [Col("2024", "budget", 2024, Y[2024]), Col("2025", "budget", 2025, Y[2025])]
AVV = [Col("2024", "avvikelse", 2024, Y[2024]), Col("2025", "avvikelse", 2025, Y[2025])]
# The scenario comes from the row here (Budget, Budgetavvikelse rows under each block).
e = g.table(page=13, schema="ekonomi", cols=cols13, rows=[
    ("Intäkter", ["10 135", "11 251"], {"measure": "intakter"}),
    ("Kostnader", ["-69 731", "-73 300"], {"measure": "kostnader"}),
    ("Nettokostnader", ["-59 596", "-62 049"], {"measure": "nettokostnad"}),
])
b1 = g.table(page=13, schema="ekonomi", cols=BUD, rows=[("Budget", ["-59 689", "-63 119"], {"measure": "nettokostnad"})])
a1 = g.table(page=13, schema="ekonomi", cols=AVV, rows=[
    # the avvikelse keeps the post of the block it closes (docs/facts.md, budgetavvikelse)
    ("Budgetavvikelse", ["93", "1 070"], {"measure": "nettokostnad"})])
i = g.table(page=13, schema="ekonomi", cols=cols13, rows=[
    ("Nettoinvesteringar", ["2 329", "5 403"], {"measure": "investering"})])
b2 = g.table(page=13, schema="ekonomi", cols=BUD, rows=[("Budget", ["4 259", "10 525"], {"measure": "investering"})])
a2 = g.table(page=13, schema="ekonomi", cols=AVV, rows=[
    ("Budgetavvikelse", ["-1 930", "-5 122"], {"measure": "investering",
     "notes": {0: "investment avvikelse = utfall - budget here (negative = under budget)",
               1: "investment avvikelse = utfall - budget here; p21 prints +5,124 mnkr (budget - utfall) "
                  "and utfall 5,401 mnkr against 5 403 here"}})])
for y in ("2024", "2025"):
    g.check(f"p13 {y} intäkter + kostnader = nettokostnader", e["Intäkter"][y] + e["Kostnader"][y], e["Nettokostnader"][y])
    g.check(f"p13 {y} netto - budget = avvikelse", e["Nettokostnader"][y] - b1["Budget"][y], a1["Budgetavvikelse"][y])
    g.check(f"p13 {y} investering - budget = avvikelse", i["Nettoinvesteringar"][y] - b2["Budget"][y],
            a2["Budgetavvikelse"][y])
g.fact(page=13, schema="ekonomi", label="Kultur- och fritidsnämnden redovisar ett överskott mot budget", scenario="avvikelse",
       year=2025, period_end=Y[2025], value_raw="1,07", scale="mnkr", unit="tkr", measure="budgetavvikelse", **NARR,
       note="printed 'överskott mot budget med 1,07 mnkr'")
g.fact(page=13, schema="ekonomi", label="Idrotts- och fritidsanläggningar, underskott mot budget", scenario="avvikelse",
       year=2025, period_end=Y[2025], value_raw="-0,37", raw="0,37", scale="mnkr", unit="tkr", measure="budgetavvikelse",
       area="Idrotts- och fritidsanläggningar", **NARR,
       note="printed 'ett underskott mot budget på 0,37 mnkr': underskott gives the minus (README: narrative "
            "avvikelse); the table on p33 shows -950 tkr for Idrotts- och fritidsanläggning")
g.fact(page=14, schema="ekonomi", label="Nyttjad investeringsbudget", scenario="utfall", year=2025, period_end=Y[2025],
       value_raw="5,4", scale="mnkr", unit="tkr", measure="investering", **NARR,
       note="printed '5,4 mnkr av den totala investeringsbudgeten på 10,5 mnkr nyttjats'")
g.fact(page=14, schema="ekonomi", label="Total investeringsbudget", scenario="budget", year=2025, period_end=Y[2025],
       value_raw="10,5", scale="mnkr", unit="tkr", measure="investering", **NARR)

# --- p21: Investeringsredovisning (mnkr, three decimals) ------------------------------------------------
cols21 = [
    Col("Utgifter sedan projektets start Total projektbudget", "budget", 2025, Y[2025], scale="mnkr", measure="investering"),
    Col("Utgifter sedan projektets start Ack. Utfall", "utfall", 2025, Y[2025], scale="mnkr", measure="investering"),
    Col("Utgifter sedan projektets start Avvikelse", "avvikelse", 2025, Y[2025], scale="mnkr", measure="investering"),
    Col("Varav årets investeringar Budget 2025", "budget", 2025, Y[2025], scale="mnkr", measure="investering"),
    Col("Varav årets investeringar Utfall 2025", "utfall", 2025, Y[2025], scale="mnkr", measure="investering"),
    Col("Varav årets investeringar Budgetavvikelse", "avvikelse", 2025, Y[2025], scale="mnkr", measure="investering"),
]
N_ACK = ("Summa investeringsprojekt Ack. Utfall 15,130 while the rows show 15,127 (färdigställda projekt print "
         "no Ack. Utfall); the document does not add up by 0,003 mnkr")
N_BOWL = "3,000 - 2,117 = 0,883; printed 0,884 (rounding)"
t21 = g.table(page=21, schema="ekonomi", cols=cols21, rows=[
    ("Inventarier, löpande", [None, None, None, "0,800", "0,617", "0,183"]),
    ("Konstinköp, löpande (6011)", [None, None, None, "0,125", "0,125", None]),
    ("Summa färdigställda projekt", [None, None, None, "0,925", "0,742", "0,183"]),
    ("Ny inredning, biblioteket (6014)", ["4,827", "4,812", "0,015", "0,709", "0,694", "0,015"]),
    ("Ombyggnad Garvaren (6013)", ["2,575", "2,340", "0,235", "0,388", "0,153", "0,235"]),
    ("Ombyggnad Hafreborg (6012)", ["3,124", "3,059", "0,065", "0,539", "0,474", "0,065"]),
    ("Teknik/digital utveckling, bibliotek (6015, 6119)", ["0,850", "0,942", "-0,092", "0,412", "0,504", "-0,092"]),
    ("Korsavadanläggningen", ["2,492", "1,586", "0,906", "1,352", "0,446", "0,906"]),
    ("Löparbana Korsavad (6151)", ["2,400", "0,010", "2,390", "2,400", "0,010", "2,390"]),
    ("Tillgänglig hjärtstartare (6152)", ["0,300", "0,261", "0,039", "0,300", "0,261", "0,039"]),
    ("Ny teknik bowlinghall Korsavad (6154)", ["3,000", "2,117", "0,884", "3,000", "2,117", "0,884"],
     {"notes": {2: N_BOWL, 5: N_BOWL}}),
    ("Konstnärlig utsmyckning (6155)", ["0,500", "0,000", "0,500", "0,500", "0,000", "0,500"]),
    ("Summa pågående projekt", ["20,068", "15,127", "4,941", "9,600", "4,659", "4,941"]),
    ("Summa investeringsprojekt", ["20,068", "15,130", "4,938", "10,525", "5,401", "5,124"], {"notes": {1: N_ACK}}),
])
C21 = [c.column for c in cols21]
ongoing = ["Ny inredning, biblioteket (6014)", "Ombyggnad Garvaren (6013)", "Ombyggnad Hafreborg (6012)",
           "Teknik/digital utveckling, bibliotek (6015, 6119)", "Korsavadanläggningen", "Löparbana Korsavad (6151)",
           "Tillgänglig hjärtstartare (6152)", "Ny teknik bowlinghall Korsavad (6154)", "Konstnärlig utsmyckning (6155)"]
for c in C21:
    g.check_sum(f"p21 Summa pågående [{c}]", [t21[r][c] for r in ongoing], t21["Summa pågående projekt"][c], tol="0.001")
for c in C21[3:]:
    parts = [t21[r].get(c, d("0")) for r in ("Inventarier, löpande", "Konstinköp, löpande (6011)")]
    g.check_sum(f"p21 Summa färdigställda [{c}]", parts, t21["Summa färdigställda projekt"][c])
    g.check_sum(f"p21 Summa investeringsprojekt [{c}]", [t21["Summa färdigställda projekt"][c],
                t21["Summa pågående projekt"][c]], t21["Summa investeringsprojekt"][c])
g.check("p21 Summa investeringsprojekt Ack. Utfall", t21["Summa pågående projekt"][C21[1]],
        t21["Summa investeringsprojekt"][C21[1]], known=True)
for r, row in t21.items():
    if C21[0] in row:
        g.check(f"p21 {r} total - ack = avvikelse", row[C21[0]] - row[C21[1]], row[C21[2]], tol="0.001")
    if C21[5] in row:
        g.check(f"p21 {r} budget - utfall = budgetavvikelse", row[C21[3]] - row[C21[4]], row[C21[5]], tol="0.001")

# --- p25-p32: Måluppföljning: mål (green dot in Bedömning) and aktiviteter (✓ in Status) ---------------
MAL = [
    (25, "Verksamhetsmål", "Kommunen ska skapa förutsättningar för ett varierat och rikt utbud inom kultur och fritid för alla."),
    (25, "Verksamhetsmål", "Vid besparingar av budgetskäl ska kärnverksamhet prioriteras framför administration och ledning."),
    (25, "Nämndmål", "Verka för kunskapsspridning och beteendeförändring avseende havsmiljöfrågor."),
    (26, "Nämndmål", "Bevara och utveckla Simrishamns och Österlens attraktivitet genom möjligheterna i kulturarvet, "
     "kulturmiljön, kulturlivet och landskapets värden."),
    (26, "Nämndmål", "Arbeta för en livskraftig landsbygd."),
    (28, "Nämndmål", "Skapa bred samverkan mellan lokalkunskap, forskning, näringsliv och utbildning avseende klimatanpassning."),
    (28, "Nämndmål", "Utbilda och informera om klimatförändringarna, dess orsaker och följder, samt nödvändiga "
     "samhällsanpassningar till ett förändrat klimat."),
    (29, "Nämndmål", "Motverka ofrivillig ensamhet och psykisk ohälsa."),
    (29, "Nämndmål", "Skapa goda förutsättningar för barn och unga att växa upp till ansvarstagande och demokratiska "
     "medborgare i syfte att skapa delaktighet och ökad känsla av sammanhang."),
    (32, "Nämndmål", "Söka och utveckla samverkansformer med relevanta offentliga aktörer och intressenter med samma mål."),
    (32, "Nämndmål", "Kommunicera hållbarhet med kommunmedlemmar, föreningar, organisationer och företag."),
]
for page, kind, text in MAL:
    g.fact(page=page, schema="maluppfyllelse", label=text, column="Bedömning", scenario=None, year=2025,
           period_end=Y[2025], value_raw=None, unit="status", measure="mal", goal=text, status="Uppfyllt",
           note=f"{kind}; status from the green dot in the Bedömning column (no legend printed)")

M = {n: text for n, (_p, _k, text) in enumerate(MAL, 1)}
AKT = [
    (26, 3, "Föreläsningar för medborgare och medarbetare. Använda biblioteket som plattform för att nå ut med sakkunskap "
     "och forskning, både internt och externt, om havsmiljöfrågor, bland annat via föreläsningar kring hav och marina "
     "resurser i samarbete med exempelvis Marint centrum."),
    (26, 3, "Skapa verksamhet och föredrag om hotade kulturmijöer längs kusten. Del av projektet Hotade kulturmiljöer "
     "längs kusten- se nämndsmål 9.3."),
    (27, 5, "Utveckla friluftsliv samt kultur- och fritidsaktiviteter för barn och ungdomar i samarbete med föreningar "
     "verksamma på landsbygden."),
    (27, 5, "Öka tillgängligheten till fler fornlämningar och kulturmiljöer på hela Österlen och därmed sprida "
     "intresserade kommuninvånare och turister i landskapet."),
    (27, 5, "Dialogmöten översiktsplanen: Att med biblioteket och bokbussen som plattform erbjuda dialogmöten kring "
     "planen i samarbete med samhällsbyggnadsförvaltningen."),
    (27, 5, "Landsbygdsbibblan: Undersöka förutsättningar för projektet Landsbygdsbibblan för att nå ut med bibliotekets "
     "tjänster till fler barn, unga och föräldrar utanför centralorten, exempelvis genom så kallat kapprumsbibliotek "
     "på förskolor samt uppsökande och läsfrämjande verksamhet på fritids."),
    (27, 4, "Lokal litteraturfestival: Undersöka möjligheterna att i samarbete med lokala aktörer inom KKB arrangera en "
     "litteraturfestival."),
    (28, 4, "Tillgängliggöra Österlens materiella och immateriella kulturarv genom digitalisering av samlingarna, svara "
     "på allmänhetens frågor samt öka allmänhetens möjligheter att själva söka i samlingarna. Genom samverkan med "
     "samhällsbyggnadsförvaltningen verka för att kulturmiljön ses som en resurs."),
    (29, 6, "Hållbar museiträdgård, utställningsproduktion och museibutik genom fokus på torktåliga och lokala "
     "kulturväxter, återbruk samt värnande om hantverk och hantverkstraditioner på Österlen."),
    (29, 7, "Anpassning av återvinning: Informera om, och i samarbete med ÖKRAB utbilda om nödvändigheten av den mer "
     "effektiva sopsorteringen och återvinningen som införs i kommunen framöver. Detta genom olika barnaktiviteter "
     "som sagostunder, teater, workshops, samt övrig kunskapsspridning via biblioteket och bokbussen."),
    (29, 7, "Kartlägga och tillgängliggöra de kulturmiljöer längs med Simrishamns kommuns kust och vid åmynningar som "
     "riskerar att skadas eller försvinna på grund av ett förändrat klimat."),
    (30, 8, "Stärka föreningarnas kunskap kring ofrivillig ensamhet och psykisk ohälsa genom dialog och föreläsning om "
     "ledare som lyssnar."),
    (30, 8, "Erbjuda aktiviteter där barn och ungdomar som redan har eller skulle kunna utveckla gemensamma "
     "fritidsintressen får möjligheten att träffa varandra och skapa nya kontakter."),
    (30, 8, "Initiera långsiktigt projekt med kulturhälsoslingor i Österlens byar. Ett folkhälsoprojekt för att öka lokal "
     "stolthet över platsen, anledning att röra på sig, ge turister och intresserade fler platser att besöka. "
     "Samverkansprojekt med socialförvaltningen, samhällsbyggnadsförvaltningen, kommunledningsförvaltningen och "
     "lokala föreningar och byalag."),
    (30, 8, "Språksamhet för integration och språkutveckling: Regionalt finansierat projekt för att stärka nyanländas "
     "möjligheter att snabbt och effektivt integreras, genom att etablera en stark stödstruktur för språklig och "
     "kulturell inlärning. Samarbete med bland annat Svenska för invandrare, Komvux, Familjecentralen och "
     "integrationsenheten."),
    (31, 8, "Möjliggöra och underlätta för sociala verksamheter att nå fler: Underlätta för flera olika verksamheter att "
     "använda biblioteket som plattform för att nå ut med sitt arbete. Exempelvis genom att möjliggöra att olika "
     "tjänster förläggs i biblioteket, som samtalskaféer."),
    (31, 9, "Projekt Livsviktig läsning: Undersöka förutsättningar för genomförandet av ett flerårigt statligt "
     "finansierat projekt (Livsviktig läsning) som syftar till att, via delaktighet och samverkan med både "
     "civilsamhälle och kommunal verksamhet, få 13–25 åringar i områden med socioekonomiska utmaningar att inte bara "
     "läsa mer, utan även att komma fram till att läsning är livsviktigt, för individen likväl som det demokratiska "
     "samhället."),
    (31, 9, "Breddat programutbud för barn och unga samt om barn och ungas villkor genom kulturhistoriska visningar, "
     "kreativa verkstäder, samtidskonst och berättelser om vår tids unga."),
    (32, 10, "Utveckla samverkan kring kommunens brottsförebyggande åtgärder med fokus på barn och unga."),
    (32, 10, "Ökat samarbete kring museifrågor, kulturmiljövård och demokratifrågor i sydöst."),
    (32, 11, "Medborgarhörna: Undersöker kommunens behov av en ”medborgarhörna” där andra kommunala verksamheter, på "
     "biblioteket och med hjälp av biblioteksmedarbetarna, lättare kan nå ut med information om olika kommunala "
     "tjänster för att skapa förståelse och välvilja samt sprida kunskap om hållbarhet och kommunen i stort."),
    (32, 11, "Erbjuda föreläsning och utbildning för föreningar med egen anläggning, inriktning hållbarhet på och i den "
     "egna anläggningen."),
]
for page, mal, text in AKT:
    g.fact(page=page, schema="maluppfyllelse", label=text, column="Status", scenario=None, year=2025,
           period_end=Y[2025], value_raw=None, unit="status", measure="uppdrag", goal=M[mal], status="Avslutad",
           note="aktivitet; status from the green ✓ icon in the Status column (no legend); the Färdiggrad bar is a "
                "graphic without a number")

# --- p33: Driftredovisning per verksamhet (tkr) -----------------------------------------------------------
N_SUM = ("the document does not add up: the Utfall 2025 rows sum to -62 051, printed -62 049 (rounded rows; "
         "Allmän kulturverksamhet and Gem adm are 1 tkr off their own Återstår too)")
cols33 = [Col("Utfall 2025", "utfall", 2025, Y[2025], measure="nettokostnad"),
          Col("Budget 2025", "budget", 2025, Y[2025], measure="nettokostnad"),
          Col("Återstår", "avvikelse", 2025, Y[2025], measure="nettokostnad")]   # the table's post (docs/facts.md)
AREAS = ["Nämnd- och styrelseverksamhet", "Fysisk och teknisk planering", "Turistverksamhet", "Alkoholtillstånd",
         "Allmän fritidsverksamhet", "Stöd till studieorganisationer", "Allmän kulturverksamhet", "Museum/konsthall",
         "Bibliotek", "Idrotts- och fritidsanläggning", "Fritidsgårdsverksamhet", "Gem adm kultur och fritid"]
t33 = g.table(page=33, schema="ekonomi", cols=cols33, label_is_area=True, rows=[
    ("Nämnd- och styrelseverksamhet", ["-698", "-679", "-19"]),
    ("Fysisk och teknisk planering", ["-602", "-373", "-229"]),
    ("Turistverksamhet", ["2 802", "2 803", "-1"]),
    ("Alkoholtillstånd", ["1", None, "1"]),
    ("Allmän fritidsverksamhet", ["- 6 279", "-6 827", "548"]),
    ("Stöd till studieorganisationer", ["-377", "-400", "23"]),
    ("Allmän kulturverksamhet", ["-2 564", "-2 612", "49"], {"notes": {2: "-2 564 - (-2 612) = 48; printed 49 (rounding)"}}),
    ("Museum/konsthall", ["-8 417", "-8 603", "186"]),
    ("Bibliotek", ["-13 123", "-13 152", "29"]),
    ("Idrotts- och fritidsanläggning", ["-24 835", "-23 885", "-950"]),
    ("Fritidsgårdsverksamhet", ["-5 347", "-5 386", "39"]),
    ("Gem adm kultur och fritid", ["-2 612", "-4 005", "1 394"], {"notes": {2: "-2 612 - (-4 005) = 1 393; printed 1 394 (rounding)"}}),
    ("Summa totalt", ["-62 049", "-63 119", "1 070"], {"area": None, "notes": {0: N_SUM}}),
])
for c in cols33:
    g.check_sum(f"p33 Summa totalt [{c.column}]", [t33[a].get(c.column, d("0")) for a in AREAS],
                t33["Summa totalt"][c.column], known=c.column == "Utfall 2025")
for a in AREAS + ["Summa totalt"]:
    row = t33[a]
    g.check(f"p33 {a}: utfall - budget = återstår", row["Utfall 2025"] - row.get("Budget 2025", d("0")), row["Återstår"],
            known=a in ("Allmän kulturverksamhet", "Gem adm kultur och fritid"))

# --- p33/p34: Bidrag (tkr) with Antal (counts are verksamhet) ----------------------------------------------
def bidrag(page: int, area: str, money: list[Col], rows: list[tuple[str, list, list]], total: str) -> None:
    counts = [Col(f"Antal {y}", "utfall", y, Y[y], "antal", measure=VM) for y in (2023, 2024, 2025)]
    m = g.table(page=page, schema="ekonomi", cols=money, rows=[(lab, cells, {"area": area}) for lab, cells, _n in rows])
    n = g.table(page=page, schema="verksamhet", cols=counts, rows=[(lab, ns, {"area": area}) for lab, _c, ns in rows])
    parts = [lab for lab, _c, _n in rows if lab != total]
    for c in money:
        g.check_sum(f"p{page} {area} {c.column}", [m[p][c.column] for p in parts if c.column in m[p]], m[total][c.column])
    for c in counts:
        g.check_sum(f"p{page} {area} {c.column}", [n[p][c.column] for p in parts if c.column in n[p]], n[total][c.column])


bidrag(33, "Allmän kulturverksamhet", [
    Col("Bokslut 2023", "bokslut", 2023, Y[2023]), Col("Bokslut 2024", "bokslut", 2024, Y[2024]),
    Col("Bokslut 2025", "bokslut", 2025, Y[2025]), Col("Budget 2025", "budget", 2025, Y[2025]),
], [
    ("Arrangörsbidrag för kulturföreningar", ["-718", "-718", "-718", "-718"], ["23", "23", "27"]),
    ("Verksamhetsstöd för kulturverksamheter", ["-450", "-450", "-450", "-450"], ["5", "5", "4"]),
    ("Studieförbundsbidrag", ["-400", "-391", "-397", "-400*"], ["11", "10", "9"]),
    ("Totalt", ["-1 568", "-1 559", "-1 565", "-1 568"], ["39", "38", "40"]),
], "Totalt")
bidrag(34, "Anläggning, Fritids- och föreningsutveckling", [
    Col("Bokslut 2023", "bokslut", 2023, Y[2023]), Col("Bokslut 2024", "bokslut", 2024, Y[2024]),
    Col("Budget 2025", "budget", 2025, Y[2025]), Col("Bokslut 2025", "bokslut", 2025, Y[2025]),
], [
    ("Lokalt aktivitetsstöd", ["-602", "-598", "-600", "-599"], ["34", "34", "34"]),
    ("Driftbidrag", ["-563", "-926", "-925", "-925"], ["28", "36", "41"]),
    ("Stöd till föreningar verksamma inom socialnämndens område", ["-225", "-225", "-225", "-225"], ["5", "8", "6"]),
    ("Utvecklingsbidrag", ["-342", "-297", "-342", "-198"], ["9", "11", "11"]),
    ("Totalt", ["-1 732", "-2 046", "-2 092", "-1947"], ["76", "89", "92"]),
], "Totalt")

# --- p34-p36: Statistik (verksamhet) ------------------------------------------------------------------------
def bokslut_cols(*ys: int, budget: bool = False) -> list[Col]:
    cols = [Col(f"Bokslut {y}", "bokslut", y, Y[y], "antal", measure=VM) for y in ys]
    if budget:
        cols.append(Col("Budget 2025", "budget", 2025, Y[2025], "antal", measure=VM))
    return cols


g.table(page=34, schema="verksamhet", cols=bokslut_cols(2022, 2023, 2024, 2025), rows=[
    ("Österlens museum", ["62 225", "60 000", "56 945", "62 014"], {"area": "Museiverksamhet"}),
])
UNG = "printed 'ung 116 000' (ung = ungefär): an approximate count; two months are missing in 2024 and 2025"
g.table(page=35, schema="verksamhet", cols=bokslut_cols(2023, 2024, 2025, budget=True), rows=[
    ("Bibliotek och buss", ["117 271", "ung 116 000", "ung 116 000", "110 000"],
     {"area": "Folkbibliotek", "notes": {1: UNG, 2: UNG}}),
    ("Bibliotekslån", ["97 032", "95 414", "93 666", "90 000"], {"area": "Folkbibliotek"}),
])
AF = "Anläggningar samt fritids- och föreningsutveckling"
g.table(page=35, schema="verksamhet", cols=bokslut_cols(2023, 2024, 2025, budget=True), rows=[
    ("Tobisviksbadet", [None, "22 898", "23 902", "22 000"], {"area": AF}),
    ("Hammenhögsbadet", ["6 842", "7 519", "8 035", "7 000"], {"area": AF}),
    ("Sankt Olofsbadet", ["11 526", "12 384", "11 841", "10 000"], {"area": AF}),
])
g.table(page=35, schema="verksamhet", cols=bokslut_cols(2023, 2024, 2025), rows=[
    ("Tobisviksbadet", [None, "240", "1310"], {"area": AF}),
    ("Hammenhögsbadet", ["1 576", "1 420", "1 170"], {"area": AF}),
    ("Sankt Olofsbadet", ["1 872", "1 946", "1 510"], {"area": AF}),
])
g.table(page=36, schema="verksamhet", cols=bokslut_cols(2022, 2023, 2024, 2025, budget=True), rows=[
    ("Ungdomens hus", ["11 147", "13 414", "10 398", "13 818", "11 000"], {"area": "Ungdomsverksamhet"}),
])
proj = g.table(page=36, schema="ekonomi", cols=[Col("2025", "utfall", 2025, Y[2025])], rows=[
    ("Överskott överfört från 2025", ["226"], {"area": "Ungdomsverksamhet"}),
    ("Försäljningsintäkter", ["0"], {"area": "Ungdomsverksamhet", "measure": "intakter"}),
    ("Kostnader", ["0"], {"area": "Ungdomsverksamhet", "measure": "kostnader"}),
    ("Totalt", ["226"], {"area": "Ungdomsverksamhet"}),
])
g.check_sum("p36 projekt Totalt", [proj[r]["2025"] for r in ("Överskott överfört från 2025", "Försäljningsintäkter",
            "Kostnader")], proj["Totalt"]["2025"])

g.write()
meta = {
    "document": DOC,
    "source": DOC,
    "format": "pdf",
    "pages": 37,
    "expected": {
        "kommun_kod": "1291", "kommun": "Simrishamn", "namnd": "Kultur- och fritidsnämnden",
        "dokumenttyp": "arsredovisning", "period_typ": "helar", "period_slut": "2025-12-31", "ar": 2025,
    },
    "covered_pages": "all",
    "image_pages": [],
    "chart_pages": [],
    "notes": [
        "Årsbokslut: dokumenttyp arsredovisning (README vocabulary); 'Rapportperiod: 2025-12-31' on p2.",
        "p13 Ekonomi table: the scenario comes from the row (Budget, Budgetavvikelse rows under each block); the "
        "two Budget and two Budgetavvikelse rows share a key and are told apart by value.",
        "p21 Investeringsredovisning is in mnkr with three decimals (0,800 → 800 tkr). Total projektbudget / Ack. "
        "Utfall / Avvikelse since project start have year 2025 (the report year, no other year printed), so they "
        "share keys with Budget 2025 / Utfall 2025 / Budgetavvikelse; values and columns tell them apart.",
        "Document does not add up: p33 Utfall 2025 sums to -62 051 vs printed -62 049; p21 Summa "
        "investeringsprojekt Ack. Utfall 15,130 vs rows 15,127; p13 nettoinvesteringar 5 403 vs p21 5,401 mnkr; "
        "small rounding differences noted on the lines.",
        "p13 'Gemensam administration ... överskott mot budget om 1 262 mnkr' is a unit error in the document "
        "(p33 shows 1 394 tkr); left out of gold rather than recorded as 1 262 000 tkr.",
        "Måluppföljning p25-p32: 11 mål (green dot in Bedömning → Uppfyllt) and 22 aktiviteter (green ✓ in "
        "Status → Avslutad, measure uppdrag), no legend printed; Färdiggrad bars are graphics, not facts.",
        "Bidrag tables p33/p34: tkr columns are ekonomi, Antal columns verksamhet (number of recipients); area "
        "= the section heading. 'Kultur- och arrangörsbidrag: Ej aktuellt' gives no facts. p34 column order "
        "differs (Budget 2025 before Bokslut 2025).",
        "Statistik p34-p36: 'Stängt' cells are not facts; 'ung 116 000' is kept as 116000 with a note; the "
        "'Antal besökare' sub-headers are not part of the label.",
        "Narrative: p5 Sommarboken, p13 överskott 1,07 mnkr and the Idrott underskott 0,37 mnkr (minus from "
        "'underskott'), p14 investments 5,4 of 10,5 mnkr. Photo captions (p7, p12, p15, p19, p20, p22-p24, "
        "p37) and names are not facts.",
    ],
}
write_meta(DOC, meta)
