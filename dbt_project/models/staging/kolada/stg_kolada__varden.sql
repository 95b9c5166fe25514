-- Every loaded Kolada value (all loads, revisions included), renamed and cast.
select
    kpi                             as kpi_id,
    municipality                    as kommun_kod,
    period                          as ar,
    upper(gender)                   as kon,
    value                           as varde,
    nullif(status, '')              as status,
    count                           as antal,
    coalesce(isdeleted, false)      as borttagen,
    source                          as kalla,
    try_cast(fetched_at as timestamp) as hamtad
from {{ source('kolada', 'kolada_varden') }}
