-- Each committee's latest reported sick leave (every kön) beside Kolada: the rows of
-- analys_sjukfranvaro at the committee's latest period_slut.
select *
from {{ ref('analys_sjukfranvaro') }}
where namnd_id is not null
qualify period_slut = max(period_slut) over (partition by kommun_kod, namnd_id)
