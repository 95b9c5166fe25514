-- One row per kpi × kommun × år × kön: the newest loaded value (revisions replace older ones).
with ranked as (
    select *, row_number() over (partition by kpi_id, kommun_kod, ar, kon order by hamtad desc, kalla) as nr
    from {{ ref('stg_kolada__varden') }}
)

select kpi_id, kommun_kod, ar, kon, varde, status, antal, kalla, hamtad
from ranked
where nr = 1 and not borttagen
