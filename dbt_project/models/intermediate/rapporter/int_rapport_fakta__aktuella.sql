-- The current fact per natural key: when several documents (or one document twice) report
-- the same figure, the marts show one, chosen by macro dokumentordning (newest report
-- period, then not superseded, then newest sighting), and within one document the first
-- printed occurrence. The other facts stay in the raw layer (raw.rapport_fakta) and in
-- int_rapport_fakta__berikade; antal_rapporteringar says how many there were.
-- A fact with kontroll = 'oklar' (no period, measure or scenario, or two values under one
-- key in its document: docs/facts.md) is never a current fact; it stays in the raw layer
-- and int_rapport_fakta__berikade for review.
with fakta as (
    select * from {{ ref('int_rapport_fakta__berikade') }}
    where kontroll is distinct from 'oklar'
),

rankade as (
    select
        *,
        row_number() over (
            partition by naturlig_nyckel
            order by {{ dokumentordning() }}, fakta_nr asc nulls last, fakta_id
        )                                                       as rang,
        count(*) over (partition by naturlig_nyckel)            as antal_rapporteringar
    from fakta
),

dokument_per_nyckel as (
    select naturlig_nyckel, count(distinct dokument_id) as antal_dokument
    from fakta
    group by naturlig_nyckel
)

select
    r.* exclude (rang),
    d.antal_dokument
from rankade as r
inner join dokument_per_nyckel as d using (naturlig_nyckel)
where r.rang = 1
