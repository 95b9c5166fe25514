-- Report figures beside the matching Kolada KPI (seed matt_kolada.csv: measure, optionally
-- per standard area → KPI). One row per current report fact (utfall or bokslut, placed in
-- time and in a municipality) × mapped KPI, with the municipality's and Riket's Kolada
-- value for the latest Kolada year up to the report's year. jamforbarhet says whether the
-- two can be compared directly (samma_matt) or measure the same thing in other units.
-- Where Kolada is kr per inhabitant (matt_kolada.per_invanare) the report's tkr is turned
-- into kr/inv with the population (N01951); orsak says why a comparison is empty.
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
    select r.*, m.kpi_id, m.jamforbarhet, coalesce(m.per_invanare, false) as per_invanare
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
),

-- the municipality's population (Kolada N01951, 31 December) for the report's year, or the
-- latest year before it: the denominator of Kolada's kr/inv
befolkning as (
    select kommun_kod, ar, varde
    from kolada
    where kpi_id = '{{ var("kpi_folkmangd") }}' and kon = 'T'
),

invanare as (
    select r.fakta_id, r.kpi_id, max(b.ar) as invanare_ar
    from kopplade as r
    inner join befolkning as b on b.kommun_kod = r.kommun_kod and b.ar <= year(r.period_slut)
    where r.per_invanare
    group by all
),

jamforda as (
    select
        r.*,
        a.kolada_ar,
        kk.varde                                                as kolada_kommun,
        kr.varde                                                as kolada_riket,
        i.invanare_ar,
        b.varde                                                 as invanare,
        month(r.period_slut) = 12 and day(r.period_slut) = 31   as helarsvarde,
        case
            when not r.per_invanare and r.jamforbarhet = 'samma_matt' then r.varde
            when r.per_invanare and r.enhet = 'tkr' and b.varde > 0 then r.varde * 1000 / b.varde
        end                                                     as jamforbart_varde
    from kopplade as r
    left join kolada_ar as a on a.fakta_id = r.fakta_id and a.kpi_id = r.kpi_id
    left join kolada as kk on kk.kpi_id = r.kpi_id and kk.kommun_kod = r.kommun_kod and kk.ar = a.kolada_ar and kk.kon = r.kon
    left join kolada as kr on kr.kpi_id = r.kpi_id and kr.kommun_kod = '0000' and kr.ar = a.kolada_ar and kr.kon = r.kon
    left join invanare as i on i.fakta_id = r.fakta_id and i.kpi_id = r.kpi_id
    left join befolkning as b on b.kommun_kod = r.kommun_kod and b.ar = i.invanare_ar
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
    cast(r.helarsvarde as boolean)                              as helarsvarde,
    cast(r.varde as double)                                     as rapport_varde,
    cast(r.enhet as varchar)                                    as rapport_enhet,
    cast(r.kpi_id as varchar)                                   as kpi_id,
    cast(d.titel as varchar)                                    as kpi_titel,
    cast(r.jamforbarhet as varchar)                             as jamforbarhet,
    cast(r.kolada_ar as integer)                                as kolada_ar,
    cast(r.kolada_kommun as double)                             as kolada_kommun,
    cast(r.kolada_riket as double)                              as kolada_riket,
    cast(r.filnamn as varchar)                                  as filnamn,
    cast(r.sida as integer)                                     as sida,
    cast(r.per_invanare as boolean)                             as per_invanare,
    cast(r.invanare as double)                                  as invanare,
    cast(r.invanare_ar as integer)                              as invanare_ar,
    cast(case when r.per_invanare then r.jamforbart_varde end as double) as rapport_kr_per_invanare,
    cast(r.jamforbart_varde as double)                          as jamforbart_varde,
    cast(case when r.helarsvarde then r.jamforbart_varde - r.kolada_kommun end as double) as skillnad_mot_kommun,
    -- why skillnad_mot_kommun is empty (null when it is there)
    cast(case
        when r.jamforbart_varde is not null and r.kolada_kommun is not null and r.helarsvarde then null
        when r.kolada_kommun is null then 'inget_kolada_varde'
        when r.per_invanare and r.enhet <> 'tkr' then 'olika_enhet'
        when r.per_invanare and r.invanare is null then 'ingen_folkmangd'
        when r.jamforbart_varde is null then 'olika_enhet'
        else 'delar_av_ar'
    end as varchar)                                             as orsak
from jamforda as r
left join {{ ref('dim_kpi') }} as d on d.kpi_id = r.kpi_id
left join {{ ref('dim_kommun') }} as km on km.kommun_kod = r.kommun_kod
