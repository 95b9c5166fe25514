-- The current row per goal/indicator/period when several documents report it
-- (same rule as int_rapport_fakta__aktuella: macro dokumentordning).
with rader as (
    select * from {{ ref('int_maluppfyllelse__rader') }}
),

rankade as (
    select
        *,
        row_number() over (partition by naturlig_nyckel order by {{ dokumentordning() }}) as rang,
        count(*) over (partition by naturlig_nyckel)                                     as antal_rapporteringar
    from rader
)

select * exclude (rang)
from rankade
where rang = 1
