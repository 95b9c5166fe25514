-- One row per committee (nämnd) per municipality. Names are normalised into namnd_id
-- (macro namnd_nyckel: lower case, whitespace collapsed, "nämnden" = "nämnd"), so
-- "Socialnämnden" and "Socialnämnd" in two reports are one committee.
with namn as (
    select namnd_id, kommun_kod, namnd, dokument_id, rapportperiod
    from {{ ref('int_dokument__versioner') }}
    where namnd_id is not null
    union all
    select namnd_id, kommun_kod, namnd, dokument_id, rapportperiod
    from {{ ref('int_rapport_fakta__berikade') }}
    where namnd_id is not null
),

namnformer as (
    -- the name as printed most often is the committee's display name (ties: alphabetical)
    select namnd_id, namnd, row_number() over (partition by namnd_id order by count(*) desc, namnd) as nr
    from namn
    group by namnd_id, namnd
),

per_namnd as (
    select
        n.namnd_id,
        any_value(n.kommun_kod)                                 as kommun_kod,
        any_value(f.namnd)                                      as namnd,
        count(distinct n.dokument_id)                           as antal_dokument,
        min(n.rapportperiod)                                    as forsta_rapportperiod,
        max(n.rapportperiod)                                    as senaste_rapportperiod
    from namn as n
    inner join namnformer as f on f.namnd_id = n.namnd_id and f.nr = 1
    group by n.namnd_id
)

select
    cast(namnd_id as varchar)                                   as namnd_id,
    cast(kommun_kod as varchar)                                 as kommun_kod,
    cast(namnd as varchar)                                      as namnd,
    cast(substr(namnd_id, strpos(namnd_id, ':') + 1) as varchar)               as namnd_normaliserad,
    cast(antal_dokument as integer)                             as antal_dokument,
    cast(forsta_rapportperiod as date)                          as forsta_rapportperiod,
    cast(senaste_rapportperiod as date)                         as senaste_rapportperiod
from per_namnd
