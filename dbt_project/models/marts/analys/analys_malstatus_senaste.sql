-- Each goal's, indicator's and uppdrag's latest status per committee: the row of
-- analys_malstatus with the latest period_slut for the same mål/indikator (a goal the
-- newest report does not mention keeps its last known status; period_slut says when).
select *
from {{ ref('analys_malstatus') }}
where namnd_id is not null
qualify row_number() over (
    partition by kommun_kod, namnd_id, typ, {{ normalisera_text('mal') }}, {{ normalisera_text('indikator') }}
    order by period_slut desc nulls last, fakta_id
) = 1
