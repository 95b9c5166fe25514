-- Each committee's latest follow-up: the rows of analys_budgetavvikelse at the latest
-- period (P) for which the committee reported an utfall, every area and post. Choose
-- huvudpost for the post the committee reports per area. Rows without a known nämnd are
-- left out (they cannot be "the latest of a committee").
select *
from {{ ref('analys_budgetavvikelse') }}
where namnd_id is not null
qualify period_slut = max(case when utfall_tkr is not null then period_slut end)
    over (partition by kommun_kod, namnd_id)
