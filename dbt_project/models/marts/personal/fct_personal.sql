-- Personnel figures from the reports (headcount, årsarbetare, sjukfrånvaro, rekrytering,
-- avgångar), one current row per natural key. Grain: document × measure × kategori × kön
-- × date (× verksamhetsområde when printed per area). kon is 'T' when not printed per kön
-- (facts.md).
with aktuella as (
    select * from {{ ref('int_rapport_fakta__aktuella') }}
    where schema_namn = 'personal'
)

select
    {{ fakta_nycklar(none) }},
    cast(verksamhetsomrade_nyckel as varchar)       as verksamhetsomrade_nyckel,
    cast(matt as varchar)                           as matt,
    cast(etikett as varchar)                        as etikett,
    cast(kategori as varchar)                       as kategori,
    cast(coalesce(kon, 'T') as varchar)             as kon,
    cast(kolumn as varchar)                         as kolumn,
    cast(scenario as varchar)                       as scenario,
    cast(ar as integer)                             as ar,
    cast(period_slut as date)                       as period_slut,
    cast(period_typ as varchar)                     as period_typ,
    cast(period_kalla as varchar)                   as period_kalla,
    cast(varde as double)                           as varde,
    cast(varde_tryckt as varchar)                   as varde_tryckt,
    cast(enhet as varchar)                          as enhet,
    {{ harkomst(none, ['kontroll', 'sakerhet', 'filnamn', 'sida', 'kalltext', 'metod', 'tabell_id',
                       'antal_rapporteringar', 'antal_dokument']) }}
from aktuella
