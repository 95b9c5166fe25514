-- Personnel figures from the reports (headcount, årsarbetare, sjukfrånvaro, rekrytering,
-- avgångar), one current row per natural key. Grain: document × measure × kategori × kön
-- × date (× verksamhetsområde when printed per area). kon is 'T' when not printed per kön
-- (facts.md).
with aktuella as (
    select * from {{ ref('int_rapport_fakta__aktuella') }}
    where schema_namn = 'personal'
)

select
    cast(fakta_id as varchar)                       as fakta_id,
    cast(naturlig_nyckel as varchar)                as naturlig_nyckel,
    cast(dokument_id as varchar)                    as dokument_id,
    cast(kommun_kod as varchar)                     as kommun_kod,
    cast(namnd_id as varchar)                       as namnd_id,
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
    cast(kontroll as varchar)                       as kontroll,
    cast(sakerhet as double)                        as sakerhet,
    cast(filnamn as varchar)                        as filnamn,
    cast(sida as integer)                           as sida,
    cast(kalltext as varchar)                       as kalltext,
    cast(metod as varchar)                          as metod,
    cast(tabell_id as varchar)                      as tabell_id,
    cast(antal_rapporteringar as integer)           as antal_rapporteringar,
    cast(antal_dokument as integer)                 as antal_dokument
from aktuella
