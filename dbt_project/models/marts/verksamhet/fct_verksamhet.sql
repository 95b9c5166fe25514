-- Activity figures from the reports: verksamhetsmått (volumes, key figures; the measure's
-- text in etikett) and ej verkställda beslut (per insats in kategori, kön, quarter).
-- One current row per natural key. Grain: document × measure × etikett × verksamhetsområde
-- × kategori × kön × scenario × period.
with aktuella as (
    select * from {{ ref('int_rapport_fakta__aktuella') }}
    where schema_namn = 'verksamhet'
),

omraden as (
    select verksamhetsomrade_nyckel, standardomrade from {{ ref('int_verksamhetsomraden__mappade') }}
)

select
    {{ fakta_nycklar('a') }},
    cast(a.verksamhetsomrade_nyckel as varchar)     as verksamhetsomrade_nyckel,
    cast(a.verksamhetsomrade_text as varchar)       as verksamhetsomrade_text,
    cast(o.standardomrade as varchar)               as standardomrade,
    cast(a.matt as varchar)                         as matt,
    cast(a.etikett as varchar)                      as etikett,
    cast(a.kategori as varchar)                     as kategori,
    cast(a.kon as varchar)                          as kon,
    cast(a.kolumn as varchar)                       as kolumn,
    cast(a.scenario as varchar)                     as scenario,
    cast(a.ar as integer)                           as ar,
    cast(a.period_slut as date)                     as period_slut,
    cast(a.period_typ as varchar)                   as period_typ,
    cast(a.period_kalla as varchar)                 as period_kalla,
    cast(a.varde as double)                         as varde,
    cast(a.varde_tryckt as varchar)                 as varde_tryckt,
    cast(a.enhet as varchar)                        as enhet,
    {{ harkomst('a', ['kontroll', 'sakerhet', 'filnamn', 'sida', 'kalltext', 'metod', 'tabell_id',
                      'antal_rapporteringar', 'antal_dokument']) }}
from aktuella as a
left join omraden as o using (verksamhetsomrade_nyckel)
