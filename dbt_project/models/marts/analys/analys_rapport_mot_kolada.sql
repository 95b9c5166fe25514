-- Report figures beside the matching Kolada KPI (seed matt_kolada.csv: measure, optionally
-- per standard area → KPI). One row per current report fact (utfall or bokslut, placed in
-- time and in a municipality) × mapped KPI, with the municipality's and Riket's Kolada
-- value for the latest Kolada year up to the report's year. jamforbarhet says whether the
-- two can be compared directly (samma_matt) or measure the same thing in other units.
with rapport as (
    select 'personal' as schema_namn, p.fakta_id, p.kommun_kod, p.namnd_id, p.matt,
           v.standardomrade, p.etikett, p.kon, p.period_slut, p.varde, p.enhet, p.scenario, p.filnamn, p.sida
    from {{ ref('fct_personal') }} as p
    left join {{ ref('dim_verksamhetsomrade') }} as v using (verksamhetsomrade_nyckel)
    union all
    select 'ekonomi', fakta_id, kommun_kod, namnd_id, post, standardomrade, etikett, 'T',
           period_slut, belopp_tkr, enhet, scenario, filnamn, sida
    from {{ ref('fct_ekonomi') }}
    where belopp_tkr is not null
    union all
    select 'verksamhet', fakta_id, kommun_kod, namnd_id, matt, standardomrade, etikett, coalesce(kon, 'T'),
           period_slut, varde, enhet, scenario, filnamn, sida
    from {{ ref('fct_verksamhet') }}
),

kopplade as (
    select r.*, m.kpi_id, m.jamforbarhet
    from rapport as r
    inner join {{ ref('matt_kolada') }} as m
        on m.matt = r.matt and (m.standardomrade is null or m.standardomrade = r.standardomrade)
    where r.scenario in ('utfall', 'bokslut') and r.period_slut is not null
        and r.kommun_kod is not null and r.varde is not null
),

kolada as (
    select * from {{ ref('fct_kolada_varde') }} where varde is not null
),

kolada_ar as (
    select r.fakta_id, r.kpi_id, max(k.ar) as kolada_ar
    from kopplade as r
    inner join kolada as k
        on k.kpi_id = r.kpi_id and k.kommun_kod = r.kommun_kod and k.kon = r.kon and k.ar <= year(r.period_slut)
    group by all
)

select
    cast(r.schema_namn as varchar)                              as schema_namn,
    cast(r.fakta_id as varchar)                                 as fakta_id,
    cast(r.kommun_kod as varchar)                               as kommun_kod,
    cast(km.namn as varchar)                                    as kommun_namn,
    cast(r.namnd_id as varchar)                                 as namnd_id,
    cast(r.matt as varchar)                                     as matt,
    cast(r.standardomrade as varchar)                           as standardomrade,
    cast(r.etikett as varchar)                                  as etikett,
    cast(r.kon as varchar)                                      as kon,
    cast(r.period_slut as date)                                 as period_slut,
    cast(year(r.period_slut) as integer)                        as ar,
    cast(month(r.period_slut) = 12 and day(r.period_slut) = 31 as boolean) as helarsvarde,
    cast(r.varde as double)                                     as rapport_varde,
    cast(r.enhet as varchar)                                    as rapport_enhet,
    cast(r.kpi_id as varchar)                                   as kpi_id,
    cast(d.titel as varchar)                                    as kpi_titel,
    cast(r.jamforbarhet as varchar)                             as jamforbarhet,
    cast(a.kolada_ar as integer)                                as kolada_ar,
    cast(kk.varde as double)                                    as kolada_kommun,
    cast(kr.varde as double)                                    as kolada_riket,
    cast(r.filnamn as varchar)                                  as filnamn,
    cast(r.sida as integer)                                     as sida
from kopplade as r
left join kolada_ar as a on a.fakta_id = r.fakta_id and a.kpi_id = r.kpi_id
left join kolada as kk on kk.kpi_id = r.kpi_id and kk.kommun_kod = r.kommun_kod and kk.ar = a.kolada_ar and kk.kon = r.kon
left join kolada as kr on kr.kpi_id = r.kpi_id and kr.kommun_kod = '0000' and kr.ar = a.kolada_ar and kr.kon = r.kon
left join {{ ref('dim_kpi') }} as d on d.kpi_id = r.kpi_id
left join {{ ref('dim_kommun') }} as km on km.kommun_kod = r.kommun_kod
