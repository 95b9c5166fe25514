-- Goals and uppdrag with their status over time: each row of fct_maluppfyllelse with the
-- committee's names, the period's tertial, and the status the same goal/indicator had in
-- its previous period (statusforandring for mål and indikatorer: forbattrad, oforandrad,
-- forsamrad).
with mal as (
    select
        *,
        {{ normalisera_text('mal') }}           as mal_nyckel,
        {{ normalisera_text('indikator') }}     as indikator_nyckel,
        case status when 'uppfyllt' then 3 when 'delvis_uppfyllt' then 2 when 'ej_uppfyllt' then 1 end as statusrang
    from {{ ref('fct_maluppfyllelse') }}
),

med_foregaende as (
    select
        *,
        lag(period_slut) over serie                             as foregaende_period,
        lag(status) over serie                                  as foregaende_status,
        lag(statusrang) over serie                              as foregaende_rang
    from mal
    window serie as (
        partition by kommun_kod, namnd_id, typ, mal_nyckel, indikator_nyckel
        order by period_slut nulls first, dokument_id
    )
)

select
    cast(m.kommun_kod as varchar)                               as kommun_kod,
    cast(k.namn as varchar)                                     as kommun_namn,
    cast(m.namnd_id as varchar)                                 as namnd_id,
    cast(n.namnd as varchar)                                    as namnd,
    cast(m.typ as varchar)                                      as typ,
    cast(m.mal as varchar)                                      as mal,
    cast(m.indikator as varchar)                                as indikator,
    cast(m.period_slut as date)                                 as period_slut,
    cast(coalesce(t.ar, m.ar) as integer)                       as ar,
    cast(t.tertial as integer)                                  as tertial,
    cast(t.ar_tertial as varchar)                               as ar_tertial,
    cast(m.utfall as double)                                    as utfall,
    cast(m.malvarde as double)                                  as malvarde,
    cast(m.jamforelse as varchar)                               as jamforelse,
    cast(m.enhet as varchar)                                    as enhet,
    cast(m.status as varchar)                                   as status,
    cast(m.status_kalla as varchar)                             as status_kalla,
    cast(m.foregaende_period as date)                           as foregaende_period,
    cast(m.foregaende_status as varchar)                        as foregaende_status,
    cast(case
        when m.statusrang is null or m.foregaende_rang is null then null
        when m.statusrang > m.foregaende_rang then 'forbattrad'
        when m.statusrang < m.foregaende_rang then 'forsamrad'
        else 'oforandrad'
    end as varchar)                                             as statusforandring,
    cast(m.naturlig_nyckel as varchar)                          as naturlig_nyckel,
    cast(m.fakta_id as varchar)                                 as fakta_id,
    cast(m.filnamn as varchar)                                  as filnamn,
    cast(m.sida as integer)                                     as sida
from med_foregaende as m
left join {{ ref('dim_kommun') }} as k on k.kommun_kod = m.kommun_kod
left join {{ ref('dim_namnd') }} as n on n.namnd_id = m.namnd_id
left join {{ ref('dim_tid') }} as t on t.datum = m.period_slut
