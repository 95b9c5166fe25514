-- Kolada's municipalities, regions and Riket, renamed.
select
    id          as kommun_kod,
    title       as namn,
    type        as kolada_typ
from {{ source('kolada', 'kolada_municipality') }}
