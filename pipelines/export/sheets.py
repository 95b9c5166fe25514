"""The questions of ``kommunlager export``: one sheet per question, each a query on the
analyst marts (columns: name in the result, header, kind). Kinds pick the Excel number
format in workbook.py. ``{villkor}`` takes the --kommun/--namnd filter; every query
returns ``fakta_id`` lists (or the keys of fct_ekonomi rows) for the Källor sheet."""

from __future__ import annotations

from dataclasses import dataclass, field

TKR, PROCENT, TAL, DATUM, TEXT, HELTAL, SANT = "tkr", "procent", "tal", "datum", "text", "heltal", "sant"


@dataclass(frozen=True)
class Sheet:
    name: str
    title: str
    sql: str
    columns: list[tuple[str, str, str]]
    sources: str                      # how the Källor rows of a sheet row are found
    note: str = ""
    chart: dict = field(default_factory=dict)


# fct_ekonomi rows behind an analys_budgetavvikelse row (same follow-up date P as the mart)
EKONOMI_KALLOR = """
select e.fakta_id, e.scenario || ' ' || strftime(e.period_slut, '%Y-%m-%d') as figur, e.belopp_tkr as varde,
       e.filnamn, e.sida, e.kalltext
from fct_ekonomi as e
inner join dim_matt as m on m.matt = e.post
where not m.etikett_i_nyckel and e.enhet = 'tkr' and e.belopp_tkr is not null and e.kategori is null
  and e.kommun_kod is not distinct from ? and e.namnd_id is not distinct from ?
  and e.verksamhetsomrade_nyckel = ? and e.post = ?
  and (case when e.rapportperiod is not null and e.period_slut > e.rapportperiod then e.rapportperiod
            else e.period_slut end) = ?
order by e.scenario, e.period_slut
"""

FAKTA_KALLOR = """
select fakta_id, filnamn, sida, kalltext from fct_ekonomi
union all select fakta_id, filnamn, sida, kalltext from fct_personal
union all select fakta_id, filnamn, sida, kalltext from fct_maluppfyllelse
union all select fakta_id, filnamn, sida, kalltext from fct_verksamhet
"""

_BUDGET_COLUMNS = [
    ("kommun_namn", "Kommun", TEXT), ("namnd", "Nämnd", TEXT), ("ar_tertial", "Tertial", TEXT),
    ("period_slut", "Period t.o.m.", DATUM), ("verksamhetsomrade", "Verksamhetsområde", TEXT),
    ("standardomrade_namn", "Standardområde", TEXT), ("post", "Post", TEXT),
    ("utfall_tkr", "Utfall tkr", TKR), ("budget_tkr", "Budget tkr", TKR), ("avvikelse_tkr", "Avvikelse tkr", TKR),
    ("avvikelse_beraknad", "Avvikelse beräknad", SANT), ("budget_helar_tkr", "Budget helår tkr", TKR),
    ("prognos_helar_tkr", "Prognos helår tkr", TKR), ("avvikelse_prognos_tkr", "Avvikelse prognos tkr", TKR),
]

SHEETS = [
    Sheet(
        "Avvikelse senaste", "Budgetavvikelse per verksamhetsområde, varje nämnds senaste period",
        """select namnd || ': ' || verksamhetsomrade as etikett, *
            from analys_budgetavvikelse_senaste
            where huvudpost and verksamhetsomrade_nyckel <> '(hela nämnden)' {villkor}
            order by kommun_namn, namnd, standardomrade, verksamhetsomrade""",
        [("etikett", "Nämnd: område", TEXT)] + _BUDGET_COLUMNS, "ekonomi",
        "Avvikelse positiv = bättre än budget. Posten är den nämnden redovisar per område (huvudpost).",
        {"typ": "stapel", "kategori": "etikett", "serier": ["avvikelse_tkr"], "titel": "Avvikelse mot budget, tkr"},
    ),
    Sheet(
        "Avvikelse över tid", "Budgetavvikelse per verksamhetsområde över tertial och år",
        """select namnd || ': ' || verksamhetsomrade as etikett, *
            from analys_budgetavvikelse
            where huvudpost and namnd_id is not null {villkor}
            order by kommun_namn, namnd, standardomrade, verksamhetsomrade, period_slut""",
        [("etikett", "Nämnd: område", TEXT)] + _BUDGET_COLUMNS, "ekonomi",
        "Utfall ackumulerat från årets början; prognos och budget för helåret som de såg ut vid perioden.",
        {"typ": "linje", "kategori": "period_slut", "serie": "etikett", "varde": "avvikelse_tkr",
         "titel": "Avvikelse mot budget över tid, tkr"},
    ),
    Sheet(
        "Sjukfrånvaro", "Sjukfrånvaro per nämnd mot kommunen (Kolada N00090), Riket och liknande kommuner",
        """select namnd || ' ' || strftime(period_slut, '%Y-%m-%d') as etikett, *
           from analys_sjukfranvaro where true {villkor}
           order by kon <> 'T', kommun_namn, namnd, period_slut, kon""",
        [("etikett", "Nämnd och datum", TEXT), ("kommun_namn", "Kommun", TEXT), ("namnd", "Nämnd", TEXT),
         ("period_slut", "Datum", DATUM), ("kon", "Kön", TEXT), ("sjukfranvaro_procent", "Nämnden %", PROCENT),
         ("helarsvarde", "Helår", SANT), ("kolada_ar", "Kolada-år", HELTAL), ("kolada_kommun", "Kommunen % (Kolada)", PROCENT),
         ("kolada_orsak", "Varför Kolada saknas", TEXT), ("kolada_riket", "Riket %", PROCENT),
         ("liknande_grupp_namn", "Liknande kommuner", TEXT), ("liknande_medel", "Liknande kommuner % (medel)", PROCENT),
         ("liknande_antal", "Antal liknande med värde", HELTAL), ("liknande_orsak", "Varför liknande saknas", TEXT),
         ("skillnad_mot_kommun", "Skillnad mot kommunen, procentenheter", PROCENT)],
        "fakta",
        "Kolada avser hela kommunen och kalenderåret; nämndens siffra kan vara ett delår (Helår).",
        {"typ": "stapel", "kategori": "etikett", "endast": ("kon", "T"),
         "serier": ["sjukfranvaro_procent", "kolada_kommun", "kolada_riket", "liknande_medel"],
         "titel": "Sjukfrånvaro, % (totalt)"},
    ),
    Sheet(
        "Mål", "Mål, indikatorer och uppdrag med senaste status",
        """select * from analys_malstatus_senaste where true {villkor}
           order by kommun_namn, namnd, typ, mal, indikator""",
        [("kommun_namn", "Kommun", TEXT), ("namnd", "Nämnd", TEXT), ("typ", "Typ", TEXT), ("mal", "Mål", TEXT),
         ("indikator", "Indikator/uppdrag", TEXT), ("period_slut", "Period", DATUM), ("utfall", "Utfall", TAL),
         ("jamforelse", "Jämförelse", TEXT), ("malvarde", "Målvärde", TAL), ("enhet", "Enhet", TEXT),
         ("status", "Status", TEXT), ("status_kalla", "Statuskälla", TEXT),
         ("foregaende_status", "Föregående status", TEXT), ("statusforandring", "Förändring", TEXT)],
        "fakta", "Status: tryckt i rapporten, eller härledd ur utfall, målvärde och jämförelsen (Statuskälla).",
    ),
    Sheet(
        "Rapport mot Kolada", "Rapportens siffror bredvid Kolada",
        """select * from (select r.*, n.namnd from analys_rapport_mot_kolada as r
                             left join dim_namnd as n using (namnd_id))
           where true {villkor}
           order by kommun_namn, namnd, kpi_id, period_slut, fakta_id""",
        [("kommun_namn", "Kommun", TEXT), ("namnd", "Nämnd", TEXT), ("matt", "Mått", TEXT),
         ("standardomrade", "Standardområde", TEXT), ("period_slut", "Period", DATUM), ("kon", "Kön", TEXT),
         ("rapport_varde", "Rapporten", TAL), ("rapport_enhet", "Enhet", TEXT), ("kpi_id", "KPI", TEXT),
         ("kpi_titel", "Nyckeltal", TEXT), ("jamforbarhet", "Jämförbarhet", TEXT), ("kolada_ar", "Kolada-år", HELTAL),
         ("invanare", "Invånare", HELTAL), ("rapport_kr_per_invanare", "Rapporten kr/inv", TAL),
         ("kolada_kommun", "Kommunen (Kolada)", TAL), ("kolada_riket", "Riket (Kolada)", TAL),
         ("skillnad_mot_kommun", "Skillnad mot kommunen", TAL), ("orsak", "Varför ingen jämförelse", TEXT)],
        "fakta", "Kr per invånare = rapportens tkr × 1000 / folkmängden (Kolada N01951).",
    ),
    Sheet(
        "Dokument", "Inlästa dokument och deras status",
        """select * from (select d.*, k.namn as kommun_namn, e.filnamn as ersatt_av_fil from dim_dokument as d
                             left join dim_kommun as k using (kommun_kod)
                             left join dim_dokument as e on e.dokument_id = d.ersatt_av)
           where true {villkor}
           order by rapportperiod nulls last, filnamn""",
        [("filnamn", "Fil", TEXT), ("status", "Status", TEXT), ("orsak", "Orsak", TEXT),
         ("kommun_namn", "Kommun", TEXT), ("namnd", "Nämnd", TEXT), ("dokumenttyp", "Dokumenttyp", TEXT),
         ("rapportperiod", "Rapportperiod", DATUM), ("ersatt_av_fil", "Ersatt av", TEXT),
         ("antal_fakta", "Antal siffror", HELTAL), ("sidor", "Sidor", HELTAL)],
        "",
        "Status laddad, avvisad (trasig fil) eller dubblett; Ersatt av = en nyare version av samma rapport.",
    ),
]
