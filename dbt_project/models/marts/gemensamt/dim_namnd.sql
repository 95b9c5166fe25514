-- One row per committee (nämnd) per municipality, as named in the documents.
select distinct
    coalesce(kommun_kod, 'okand') || ':' || lower(namnd)   as namnd_id,
    kommun_kod,
    namnd
from {{ ref('stg_rapporter__dokument') }}
where namnd is not null
