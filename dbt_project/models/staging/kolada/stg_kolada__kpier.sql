-- The Kolada KPI catalogue (all loads merged: the newest load's rows per id), renamed.
select
    id                      as kpi_id,
    title                   as titel,
    description             as beskrivning,
    is_divided_by_gender    as per_kon,
    municipality_type       as kommuntyp,
    auspice                 as huvudman,
    operating_area          as verksamhetsomrade,
    perspective             as perspektiv,
    publ_period             as publicerad_period,
    has_ou_data             as har_enhetsdata
from {{ source('kolada', 'kolada_kpi') }}
