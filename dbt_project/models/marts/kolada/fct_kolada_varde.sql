-- One row per kpi × geografi × år × kön: the newest loaded value (a revision replaces the
-- older one; a value Kolada marks deleted disappears). Geografi is a kommun, a region or
-- Riket (dim_kommun), or a Kolada municipality group G… (dim_kommungrupp, ar_kommungrupp).
with ranked as (
    select
        *,
        row_number() over (
            partition by kpi_id, kommun_kod, ar, kon
            order by hamtad desc nulls last, kalla desc
        ) as nr
    from {{ ref('stg_kolada__varden') }}
)

select
    cast(kpi_id as varchar)                         as kpi_id,
    cast(kommun_kod as varchar)                     as kommun_kod,
    cast(kommun_kod like 'G%' as boolean)           as ar_kommungrupp,
    cast(ar as integer)                             as ar,
    -- Kolada's year as a dim_tid date (31 December)
    cast({{ inom_tid('make_date(ar, 12, 31)') }} as date) as period_slut,
    cast(kon as varchar)                            as kon,
    cast(varde as double)                           as varde,
    cast(status as varchar)                         as status,
    cast(antal as integer)                          as antal,
    cast(kalla as varchar)                          as kalla,
    cast(hamtad as timestamp)                       as hamtad
from ranked
where nr = 1 and not borttagen
