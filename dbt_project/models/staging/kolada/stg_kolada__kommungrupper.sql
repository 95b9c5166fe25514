-- Kolada municipality groups, one row per group member (all loads merged: the newest load's rows per id), renamed.
select
    group_id        as grupp_id,
    group_title     as grupp_namn,
    member_id       as kommun_kod,
    member_title    as kommun_namn
from {{ source('kolada', 'kolada_municipality_groups') }}
