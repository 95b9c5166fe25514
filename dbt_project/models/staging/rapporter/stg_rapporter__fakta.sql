-- Facts as extracted (docs/facts.md), renamed to Swedish and cast; nothing is derived here.
-- The rows a row-level expectation quarantined (raw.karantan) are left out.
with fakta as (
    select * from {{ source('rapporter', 'rapport_fakta') }}
),

karantan as (
    select rad_id from {{ source('rapporter', 'karantan') }} where kalla_tabell = 'rapport_fakta'
)

select
    fakta_id,
    -- fakta_id = <dokument_id>:<row in the document's fact file>: the printed order
    try_cast(split_part(fakta_id, ':', 2) as integer)      as fakta_nr,
    dokument_id,
    document                                                as filnamn,
    page                                                    as sida,
    schema                                                  as schema_namn,
    label                                                   as etikett,
    "column"                                                as kolumn,
    nullif(lower(trim(scenario)), '')                       as scenario,
    year                                                    as ar,
    -- a malformed date becomes null (period_kalla says so downstream), never a failed build
    try_cast(period_end as date)                            as period_slut,
    nullif(upper(trim(kon)), '')                            as kon,
    value                                                   as varde,
    nullif(trim(unit), '')                                  as enhet,
    evidence                                                as kalltext,
    method                                                  as metod,
    -- the first extractor wrote 'investeringar'; facts.md names the key 'investering'
    case when measure = 'investeringar' then 'investering' else nullif(trim(measure), '') end as matt,
    nullif(trim(area), '')                                  as verksamhetsomrade_text,
    nullif(trim(goal), '')                                  as mal,
    nullif(trim(category), '')                              as kategori,
    nullif(trim(comparator), '')                            as jamforelse,
    nullif(trim(status), '')                                as status,
    raw_value                                               as varde_tryckt,
    raw_unit                                                as enhet_tryckt,
    nullif(trim(table_id), '')                              as tabell_id,
    "row"                                                   as rad,
    col                                                     as kolumn_nr,
    coalesce(nullif(trim("check"), ''), 'ej_kontrollerad')  as kontroll,
    check_detail                                            as kontroll_detalj,
    confidence                                              as sakerhet,
    nullif(trim(period_type), '')                           as period_typ,
    nullif(trim(kommun_kod), '')                            as kommun_kod,
    nullif(trim(namnd), '')                                 as namnd
from fakta
-- anti join, not `not in`: a null rad_id in karantan must not hide every fact
where not exists (select 1 from karantan as k where k.rad_id = fakta.fakta_id)
