-- One row per measure key (facts.md): the seed matt.csv, plus any key the extractor
-- writes that the seed does not know yet (i_seed = false, no riktning: such economy rows
-- are normalised only where the sign convention does not depend on it).
with seed as (
    select * from {{ ref('matt') }}
),

i_fakta as (
    select matt, any_value(schema_namn) as schema_namn, count(*) as antal_fakta
    from {{ ref('stg_rapporter__fakta') }}
    where matt is not null
    group by matt
)

select
    cast(coalesce(s.matt, f.matt) as varchar)               as matt,
    cast(coalesce(s.schema_namn, f.schema_namn) as varchar) as schema_namn,
    cast(coalesce(s.namn, f.matt) as varchar)               as namn,
    cast(s.riktning as varchar)                             as riktning,
    cast(coalesce(s.etikett_i_nyckel, true) as boolean)     as etikett_i_nyckel,
    cast(s.enhet as varchar)                                as enhet,
    cast(s.beskrivning as varchar)                          as beskrivning,
    cast(s.matt is not null as boolean)                     as i_seed,
    cast(coalesce(f.antal_fakta, 0) as integer)             as antal_fakta
from seed as s
full outer join i_fakta as f on f.matt = s.matt
