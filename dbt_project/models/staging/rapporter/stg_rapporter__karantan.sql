-- Raw rows held back by a row-level expectation (filled by the quality checks).
select
    kalla_tabell,
    rad_id,
    regel,
    orsak,
    dokument_id,
    filnamn,
    sida,
    kalltext
from {{ source('rapporter', 'karantan') }}
