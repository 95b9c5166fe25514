-- One row per Kolada municipality group, its title read: "Liknande kommuner <tema>,
-- <kommun>, <år>" groups name the municipality they were made for (avser_kommun_kod), so
-- an analyst can find "the municipalities like Ale". Group ids that occur only in values
-- (a G… geography whose metadata was not loaded) get a row too, so values never point
-- at a missing group.
with medlemmar as (
    select * from {{ ref('stg_kolada__kommungrupper') }}
),

grupper as (
    select grupp_id, any_value(grupp_namn) as grupp_namn, count(distinct kommun_kod) as antal_medlemmar
    from medlemmar
    group by grupp_id
),

i_varden as (
    select distinct kommun_kod as grupp_id
    from {{ ref('stg_kolada__varden') }}
    where kommun_kod like 'G%'
),

alla as (
    select grupp_id, grupp_namn, antal_medlemmar, true as i_metadata from grupper
    union all
    select v.grupp_id, null, 0, false
    from i_varden as v
    where v.grupp_id not in (select grupp_id from grupper)
),

tolkade as (
    select
        *,
        regexp_extract(grupp_namn, '^Liknande (kommuner|regioner),? (.+), ([^,]+), (\d{4})$',
                       ['slag', 'tema', 'namn', 'ar'])      as delar
    from alla
),

kommuner as (
    select * from {{ ref('stg_kolada__kommuner') }}
)

select
    t.grupp_id,
    coalesce(t.grupp_namn, 'Okänd grupp ' || t.grupp_id || ' (saknas i Kolada-metadata)') as grupp_namn,
    case
        when t.delar.slag = 'kommuner' then 'liknande_kommuner'
        when t.delar.slag = 'regioner' then 'liknande_regioner'
        when t.grupp_namn like '%(ovägt medel)%' then 'kommungrupp_medel'
        when t.grupp_namn is null then 'okand'
        else 'ovrig'
    end                                                         as grupptyp,
    nullif(t.delar.tema, '')                                    as tema,
    k.kommun_kod                                                as avser_kommun_kod,
    try_cast(nullif(t.delar.ar, '') as integer)                 as avser_ar,
    t.antal_medlemmar,
    t.i_metadata
from tolkade as t
left join kommuner as k on k.namn = nullif(t.delar.namn, '')
