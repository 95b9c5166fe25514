select
    sha256                      as dokument_id,
    filnamn,
    sokvag,
    storlek,
    kommun_kod_mapp,
    cast(sedd as timestamp)     as sedd
from {{ source('rapporter', 'inkorg') }}
