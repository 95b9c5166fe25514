-- One row per local name of a verksamhetsområde (normalised), mapped to a standard area
-- through seed verksamhetsomraden.csv, else the patterns in verksamhetsomrade_monster.csv. Names found in reports but not in the seed are here
-- with standardomrade = 'ej_mappad' and mappad = false: add them to the seed.
with omraden as (
    select * from {{ ref('int_verksamhetsomraden__mappade') }}
),

standard as (
    select * from {{ ref('standardomraden') }}
)

select
    cast(o.verksamhetsomrade_nyckel as varchar)     as verksamhetsomrade_nyckel,
    cast(o.lokalt_namn as varchar)                  as lokalt_namn,
    cast(o.standardomrade as varchar)               as standardomrade,
    cast(s.namn as varchar)                         as standardomrade_namn,
    cast(s.huvudomrade as varchar)                  as huvudomrade,
    cast(h.namn as varchar)                         as huvudomrade_namn,
    cast(s.sortering as integer)                    as sortering,
    cast(o.mappad as boolean)                       as mappad,
    cast(o.mappning as varchar)                     as mappning,
    cast(o.antal_mappningar as integer)             as antal_mappningar,
    cast(o.antal_fakta as integer)                  as antal_fakta
from omraden as o
left join standard as s on s.standardomrade = o.standardomrade
left join standard as h on h.standardomrade = s.huvudomrade
