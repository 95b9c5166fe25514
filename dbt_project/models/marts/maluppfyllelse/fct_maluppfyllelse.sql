-- Goals, indicators and uppdrag from the reports: one current row per mål × indikator
-- (or uppdrag) × period, with utfall, målvärde, utgångsvärde, comparator, the printed
-- måluppfyllelse and a status (printed, or derived from the comparator:
-- int_maluppfyllelse__rader). Lineage: the row's lead fact (utfall, else målvärde).
with aktuella as (
    select * from {{ ref('int_maluppfyllelse__aktuella') }}
),

fakta as (
    select fakta_id, filnamn, sida, kalltext, metod
    from {{ ref('int_rapport_fakta__berikade') }}
)

select
    {{ fakta_nycklar('a') }},
    cast(a.typ as varchar)                          as typ,
    cast(a.mal as varchar)                          as mal,
    cast(a.indikator as varchar)                    as indikator,
    cast(a.ar as integer)                           as ar,
    cast(a.period_slut as date)                     as period_slut,
    cast(a.period_typ as varchar)                   as period_typ,
    cast(a.period_kalla as varchar)                 as period_kalla,
    cast(a.utfall as double)                        as utfall,
    cast(a.malvarde as double)                      as malvarde,
    cast(a.utgangsvarde as double)                  as utgangsvarde,
    cast(a.jamforelse as varchar)                   as jamforelse,
    cast(a.maluppfyllelse as double)                as maluppfyllelse,
    cast(a.enhet as varchar)                        as enhet,
    cast(a.status as varchar)                       as status,
    cast(a.status_kalla as varchar)                 as status_kalla,
    cast(a.status_tryckt as varchar)                as status_tryckt,
    {{ harkomst('a', ['kontroll', 'sakerhet']) }},
    {{ harkomst('f', ['filnamn', 'sida', 'kalltext', 'metod']) }},
    {{ harkomst('a', ['antal_fakta', 'antal_rapporteringar']) }}
from aktuella as a
inner join fakta as f using (fakta_id)
