-- One row per sighting of an input file (path + content hash), renamed and cast.
select
    sha256                                  as dokument_id,
    filnamn,
    sokvag,
    storlek,
    nullif(trim(kommun_kod_mapp), '')       as kommun_kod_mapp,
    try_cast(sedd as timestamp)             as sedd
from {{ source('rapporter', 'inkorg') }}
