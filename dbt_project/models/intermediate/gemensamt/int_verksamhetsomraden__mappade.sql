-- Every verksamhetsområde key in use or in the mapping seed, mapped to a standard area.
-- Keys are normalised names (macro omrade_nyckel); '(hela nämnden)' stands for rows about
-- the whole committee. A name missing from the seed is matched against the patterns in
-- verksamhetsomrade_monster.csv (regular expressions on the key, lowest prioritet wins);
-- a name neither lists maps to 'ej_mappad'.
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

monster as (
    select prioritet, monster, standardomrade from {{ ref('verksamhetsomrade_monster') }}
),

-- names the seed does not list, mapped by the first matching pattern
monster_per_nyckel as (
    select
        f.verksamhetsomrade_nyckel,
        arg_min(p.standardomrade, p.prioritet)  as standardomrade
    from i_fakta as f
    inner join monster as p on regexp_matches(f.verksamhetsomrade_nyckel, p.monster)
    where f.verksamhetsomrade_nyckel <> '(hela nämnden)'
        and f.verksamhetsomrade_nyckel not in (select verksamhetsomrade_nyckel from mappning_per_nyckel)
    group by f.verksamhetsomrade_nyckel
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
        else coalesce(m.standardomrade, p.standardomrade, 'ej_mappad')
    end                                                         as standardomrade,
    n.verksamhetsomrade_nyckel = '(hela nämnden)' or m.verksamhetsomrade_nyckel is not null
        or p.verksamhetsomrade_nyckel is not null              as mappad,
    case
        when n.verksamhetsomrade_nyckel = '(hela nämnden)' then 'hela_namnden'
        when m.verksamhetsomrade_nyckel is not null then 'seed'
        when p.verksamhetsomrade_nyckel is not null then 'monster'
        else 'ej_mappad'
    end                                                         as mappning,
    coalesce(m.antal_mappningar, 0)                             as antal_mappningar,
    coalesce(f.antal_fakta, 0)                                  as antal_fakta
from nycklar as n
left join mappning_per_nyckel as m using (verksamhetsomrade_nyckel)
left join i_fakta as f using (verksamhetsomrade_nyckel)
left join monster_per_nyckel as p using (verksamhetsomrade_nyckel)
