-- One row per extracted document content (DocumentInfo in the raw layer), renamed and cast.
select
    sha256                                  as dokument_id,
    filnamn,
    format,
    nullif(trim(kommun_kod), '')            as kommun_kod,
    kommun,
    nullif(trim(namnd), '')                 as namnd,
    nullif(trim(dokumenttyp), '')           as dokumenttyp,
    nullif(trim(period_typ), '')            as period_typ,
    try_cast(period_slut as date)           as period_slut,
    ar,
    sidor,
    bildsidor,
    status,
    orsak,
    varningar,
    extraktor_version,
    try_cast(extraherad as timestamp)       as extraherad
from {{ source('rapporter', 'dokument') }}
