-- Sick leave per committee against Kolada: each reported total sjukfrånvaro (fct_personal,
-- measure sjukfranvaro_total, the whole nämnd) beside the Kolada KPI mapped to it in
-- matt_kolada.csv (N00090, the whole municipality), Riket, and the unweighted mean of the
-- municipality's "Liknande kommuner, övergripande" group (the newest such group; its
-- members through brygga_kommungrupp). Kolada is annual and published the year after, so
-- the comparison uses the latest Kolada year up to the report's year (kolada_ar);
-- helarsvarde says whether the report figure is a full year too. kolada_orsak and
-- liknande_orsak say why a comparison is empty.
with rapport as (
    select *
    from {{ ref('fct_personal') }}
    where matt = 'sjukfranvaro_total' and verksamhetsomrade_nyckel = '(hela nämnden)'
        and kategori is null and period_slut is not null
),

kpi as (
    select min(kpi_id) as kpi_id
    from {{ ref('matt_kolada') }}
    where matt = 'sjukfranvaro_total' and standardomrade is null
),

kolada as (
    select v.*
    from {{ ref('fct_kolada_varde') }} as v
    inner join kpi using (kpi_id)
    where v.varde is not null
),

kolada_ar as (
    select r.fakta_id, max(k.ar) as kolada_ar
    from rapport as r
    inner join kolada as k on k.kommun_kod = r.kommun_kod and k.kon = r.kon and k.ar <= year(r.period_slut)
    group by r.fakta_id
),

liknande as (
    select avser_kommun_kod, arg_max(grupp_id, avser_ar) as grupp_id
    from {{ ref('dim_kommungrupp') }}
    where grupptyp = 'liknande_kommuner' and tema = 'övergripande' and avser_kommun_kod is not null
    group by avser_kommun_kod
),

liknande_varden as (
    select l.grupp_id, k.ar, k.kon, avg(k.varde) as medel, count(*) as antal
    from liknande as l
    inner join {{ ref('brygga_kommungrupp') }} as b on b.grupp_id = l.grupp_id
    inner join kolada as k on k.kommun_kod = b.kommun_kod
    group by all
)

select
    cast(r.kommun_kod as varchar)                               as kommun_kod,
    cast(km.namn as varchar)                                    as kommun_namn,
    cast(r.namnd_id as varchar)                                 as namnd_id,
    cast(n.namnd as varchar)                                    as namnd,
    cast(r.period_slut as date)                                 as period_slut,
    cast(year(r.period_slut) as integer)                        as ar,
    cast(r.kon as varchar)                                      as kon,
    cast(r.varde as double)                                     as sjukfranvaro_procent,
    cast(month(r.period_slut) = 12 and day(r.period_slut) = 31 as boolean) as helarsvarde,
    cast((select kpi_id from kpi) as varchar)                   as kpi_id,
    cast(a.kolada_ar as integer)                                as kolada_ar,
    cast(kk.varde as double)                                    as kolada_kommun,
    cast(kr.varde as double)                                    as kolada_riket,
    cast(l.grupp_id as varchar)                                 as liknande_grupp_id,
    cast(g.grupp_namn as varchar)                               as liknande_grupp_namn,
    cast(lv.medel as double)                                    as liknande_medel,
    cast(coalesce(lv.antal, 0) as integer)                      as liknande_antal,
    cast(kg.varde as double)                                    as liknande_kolada,
    cast(r.varde - kk.varde as double)                          as skillnad_mot_kommun,
    cast(r.fakta_id as varchar)                                 as fakta_id,
    cast(r.filnamn as varchar)                                  as filnamn,
    cast(r.sida as integer)                                     as sida,
    -- why a comparison is empty (null when the value is there)
    cast(case
        when kk.varde is not null then null
        when r.kommun_kod is null then 'kommun_okand'
        when (select kpi_id from kpi) is null then 'ingen_kpi_koppling'
        when a.kolada_ar is null then 'inget_kolada_varde'
    end as varchar)                                             as kolada_orsak,
    cast(case
        when lv.medel is not null then null
        when r.kommun_kod is null then 'kommun_okand'
        when l.grupp_id is null then 'ingen_liknande_grupp'
        when a.kolada_ar is null then 'inget_kolada_varde'
        else 'inga_varden_i_gruppen'
    end as varchar)                                             as liknande_orsak
from rapport as r
left join kolada_ar as a on a.fakta_id = r.fakta_id
left join kolada as kk on kk.kommun_kod = r.kommun_kod and kk.ar = a.kolada_ar and kk.kon = r.kon
left join kolada as kr on kr.kommun_kod = '0000' and kr.ar = a.kolada_ar and kr.kon = r.kon
left join liknande as l on l.avser_kommun_kod = r.kommun_kod
left join {{ ref('dim_kommungrupp') }} as g on g.grupp_id = l.grupp_id
left join liknande_varden as lv on lv.grupp_id = l.grupp_id and lv.ar = a.kolada_ar and lv.kon = r.kon
left join kolada as kg on kg.kommun_kod = l.grupp_id and kg.ar = a.kolada_ar and kg.kon = r.kon
left join {{ ref('dim_kommun') }} as km on km.kommun_kod = r.kommun_kod
left join {{ ref('dim_namnd') }} as n on n.namnd_id = r.namnd_id
