-- Rows held back from the marts by a row-level expectation, with the reason and lineage.
select
    cast(kalla_tabell as varchar)   as kalla_tabell,
    cast(rad_id as varchar)         as rad_id,
    cast(regel as varchar)          as regel,
    cast(orsak as varchar)          as orsak,
    cast(dokument_id as varchar)    as dokument_id,
    cast(filnamn as varchar)        as filnamn,
    cast(sida as integer)           as sida,
    cast(kalltext as varchar)       as kalltext
from {{ ref('stg_rapporter__karantan') }}
