-- One row per sighting of an input file (path + content hash), renamed and cast.
-- intag: when the scan that first found it started (equal for all files of one scan; older
-- sightings have only sedd); i_inkorgen: whether the last scan still found the file there.
select
    sha256                                  as dokument_id,
    filnamn,
    sokvag,
    storlek,
    nullif(trim(kommun_kod_mapp), '')       as kommun_kod_mapp,
    try_cast(sedd as timestamp)             as sedd,
    coalesce(try_cast(intag as timestamp), try_cast(sedd as timestamp)) as intag,
    coalesce(i_inkorgen, true)              as i_inkorgen
from {{ source('rapporter', 'inkorg') }}
