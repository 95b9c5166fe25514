-- One row per Kolada geography: the 290 kommuner, the 21 regions and Riket (0000).
with kommuner as (
    select * from {{ ref('stg_kolada__kommuner') }}
),

lan as (
    select * from {{ ref('lan') }}
),

typade as (
    select
        kommun_kod,
        namn,
        kolada_typ,
        case
            when kommun_kod = '0000' then 'riket'
            when kolada_typ = 'L' then 'region'
            else 'kommun'
        end                                                 as kommuntyp
    from kommuner
)

select
    cast(t.kommun_kod as varchar)                           as kommun_kod,
    cast(t.namn as varchar)                                 as namn,
    cast(t.kommuntyp as varchar)                            as kommuntyp,
    -- a kommun's län: the first two digits of its code; a region's: the last two (00LL)
    cast(case
        when t.kommuntyp = 'kommun' then substr(t.kommun_kod, 1, 2)
        when t.kommuntyp = 'region' then substr(t.kommun_kod, 3, 2)
    end as varchar)                                         as lan_kod,
    cast(l.lan_namn as varchar)                             as lan_namn,
    cast(case when t.kommuntyp in ('kommun', 'region') then '00' || l.lan_kod end as varchar) as region_kod,
    cast(r.namn as varchar)                                 as region_namn,
    cast(t.kolada_typ as varchar)                           as kolada_typ
from typade as t
left join lan as l
    on l.lan_kod = case
        when t.kommuntyp = 'kommun' then substr(t.kommun_kod, 1, 2)
        when t.kommuntyp = 'region' then substr(t.kommun_kod, 3, 2)
    end
left join typade as r on r.kommun_kod = '00' || l.lan_kod and r.kommuntyp = 'region'
