-- Every verksamhetsområde key in use or in the mapping seed, mapped to a standard area.
-- Keys are normalised names (macro omrade_nyckel); '(hela nämnden)' stands for rows about
-- the whole committee. A printed name missing from the seed maps to 'ej_mappad'.
with mappning as (
    select
        {{ normalisera_text('lokalt_namn') }}   as verksamhetsomrade_nyckel,
        lokalt_namn,
        standardomrade
    from {{ ref('verksamhetsomraden') }}
),

mappning_per_nyckel as (
    select
        verksamhetsomrade_nyckel,
        min(lokalt_namn)                        as lokalt_namn,
        min(standardomrade)                     as standardomrade,
        -- two seed lines for one name that disagree: dim_verksamhetsomrade's test fails
        count(distinct standardomrade)          as antal_mappningar
    from mappning
    where verksamhetsomrade_nyckel is not null
    group by verksamhetsomrade_nyckel
),

i_fakta as (
    select
        {{ omrade_nyckel('verksamhetsomrade_text') }} as verksamhetsomrade_nyckel,
        min(verksamhetsomrade_text)             as tryckt_namn,
        count(*)                                as antal_fakta
    from {{ ref('stg_rapporter__fakta') }}
    group by 1
),

nycklar as (
    select verksamhetsomrade_nyckel from mappning_per_nyckel
    union
    select verksamhetsomrade_nyckel from i_fakta
    union
    select '(hela nämnden)'
)

select
    n.verksamhetsomrade_nyckel,
    case
        when n.verksamhetsomrade_nyckel = '(hela nämnden)' then 'Hela nämnden'
        else coalesce(m.lokalt_namn, f.tryckt_namn)
    end                                                         as lokalt_namn,
    case
        when n.verksamhetsomrade_nyckel = '(hela nämnden)' then 'hela_namnden'
        else coalesce(m.standardomrade, 'ej_mappad')
    end                                                         as standardomrade,
    n.verksamhetsomrade_nyckel = '(hela nämnden)' or m.verksamhetsomrade_nyckel is not null as mappad,
    coalesce(m.antal_mappningar, 0)                             as antal_mappningar,
    coalesce(f.antal_fakta, 0)                                  as antal_fakta
from nycklar as n
left join mappning_per_nyckel as m using (verksamhetsomrade_nyckel)
left join i_fakta as f using (verksamhetsomrade_nyckel)
