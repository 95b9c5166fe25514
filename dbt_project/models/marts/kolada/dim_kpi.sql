-- One row per Kolada KPI in the catalogue (every load merged; the newest revision per KPI).
select
    cast(kpi_id as varchar)             as kpi_id,
    cast(titel as varchar)              as titel,
    cast(beskrivning as varchar)        as beskrivning,
    cast(per_kon as boolean)            as per_kon,
    cast(kommuntyp as varchar)          as kommuntyp,
    cast(huvudman as varchar)           as huvudman,
    cast(verksamhetsomrade as varchar)  as verksamhetsomrade,
    cast(perspektiv as varchar)         as perspektiv,
    cast(publicerad_period as varchar)  as publicerad_period,
    cast(har_enhetsdata as boolean)     as har_enhetsdata
from {{ ref('stg_kolada__kpier') }}
