select
    sha256                              as dokument_id,
    filnamn,
    format,
    kommun_kod,
    kommun,
    namnd,
    dokumenttyp,
    period_typ,
    cast(period_slut as date)           as period_slut,
    ar,
    sidor,
    bildsidor,
    status,
    orsak,
    varningar,
    extraktor_version,
    cast(extraherad as timestamp)       as extraherad
from {{ source('rapporter', 'dokument') }}
