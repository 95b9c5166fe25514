{{ config(meta={'dagster': {'ref': {'name': 'fct_ekonomi'}}}) }}
-- Deduplication keeps exactly one row per natural key: every key among the loaded facts
-- has its row in the star it belongs to, and no star holds a key twice or one that no
-- fact has. A row returned here is a figure lost or invented between raw and marts.
-- Facts with kontroll = 'oklar' are never current (int_rapport_fakta__aktuella): their keys
-- have no row unless another fact of the key is clear.
with nycklar as (
    select distinct schema_namn, naturlig_nyckel
    from {{ ref('int_rapport_fakta__berikade') }}
    where schema_namn in ('ekonomi', 'personal', 'verksamhet') and kontroll is distinct from 'oklar'
),

marts as (
    select 'ekonomi' as schema_namn, naturlig_nyckel from {{ ref('fct_ekonomi') }}
    union all
    select 'personal', naturlig_nyckel from {{ ref('fct_personal') }}
    union all
    select 'verksamhet', naturlig_nyckel from {{ ref('fct_verksamhet') }}
),

raknade as (
    select schema_namn, naturlig_nyckel, count(*) as antal from marts group by all
)

select coalesce(n.schema_namn, r.schema_namn) as schema_namn,
       coalesce(n.naturlig_nyckel, r.naturlig_nyckel) as naturlig_nyckel,
       coalesce(r.antal, 0) as rader_i_mart
from nycklar as n
full outer join raknade as r on r.schema_namn = n.schema_namn and r.naturlig_nyckel = n.naturlig_nyckel
where n.naturlig_nyckel is null or coalesce(r.antal, 0) <> 1
