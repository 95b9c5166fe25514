-- Economy figures from the reports, one current row per natural key. Grain: document ×
-- verksamhetsområde × post × scenario × period (× label for posts such as investering).
-- Amounts in tkr in one sign convention (costs positive, avvikelse positive = better than
-- budget: int_ekonomi__normaliserad); varde keeps the number as printed.
with aktuella as (
    select * from {{ ref('int_rapport_fakta__aktuella') }}
    where schema_namn = 'ekonomi'
),

normaliserade as (
    select fakta_id, belopp_tkr, tecken_faktor, tecken_status
    from {{ ref('int_ekonomi__normaliserad') }}
),

omraden as (
    select verksamhetsomrade_nyckel, standardomrade from {{ ref('int_verksamhetsomraden__mappade') }}
)

select
    {{ fakta_nycklar('a') }},
    cast(a.verksamhetsomrade_nyckel as varchar)     as verksamhetsomrade_nyckel,
    cast(a.verksamhetsomrade_text as varchar)       as verksamhetsomrade_text,
    cast(o.standardomrade as varchar)               as standardomrade,
    cast(a.matt as varchar)                         as post,
    cast(a.etikett as varchar)                      as etikett,
    cast(a.kategori as varchar)                     as kategori,
    cast(a.kolumn as varchar)                       as kolumn,
    cast(a.scenario as varchar)                     as scenario,
    cast(a.ar as integer)                           as ar,
    cast(a.period_slut as date)                     as period_slut,
    cast(a.period_typ as varchar)                   as period_typ,
    cast(a.period_kalla as varchar)                 as period_kalla,
    cast(a.rapportperiod as date)                   as rapportperiod,
    cast(n.belopp_tkr as double)                    as belopp_tkr,
    cast(a.varde as double)                         as varde,
    cast(a.varde_tryckt as varchar)                 as varde_tryckt,
    cast(a.enhet as varchar)                        as enhet,
    cast(a.enhet_tryckt as varchar)                 as enhet_tryckt,
    cast(n.tecken_faktor as integer)                as tecken_faktor,
    cast(n.tecken_status as varchar)                as tecken_status,
    {{ harkomst('a', ['kontroll', 'kontroll_detalj', 'sakerhet', 'filnamn', 'sida', 'kalltext', 'metod',
                      'tabell_id', 'rad', 'antal_rapporteringar', 'antal_dokument']) }}
from aktuella as a
inner join normaliserade as n using (fakta_id)
left join omraden as o using (verksamhetsomrade_nyckel)
