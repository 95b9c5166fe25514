-- Facts as extracted, minus the rows a row-level expectation quarantined (raw.karantan).
select
    fakta_id,
    dokument_id,
    document                    as filnamn,
    page                        as sida,
    schema                      as schema_namn,
    label                       as etikett,
    "column"                    as kolumn,
    scenario,
    year                        as ar,
    cast(period_end as date)    as period_slut,
    kon,
    value                       as varde,
    unit                        as enhet,
    evidence                    as kalltext,
    method                      as metod,
    measure                     as matt,
    area                        as verksamhetsomrade_text,
    goal                        as mal,
    category                    as kategori,
    comparator                  as jamforelse,
    status,
    raw_value                   as varde_tryckt,
    raw_unit                    as enhet_tryckt,
    table_id                    as tabell_id,
    "row"                       as rad,
    col                         as kolumn_nr,
    "check"                     as kontroll,
    check_detail                as kontroll_detalj,
    confidence                  as sakerhet,
    period_type                 as period_typ,
    kommun_kod,
    namnd
from {{ source('rapporter', 'rapport_fakta') }}
where fakta_id not in (
    select rad_id from {{ source('rapporter', 'karantan') }} where kalla_tabell = 'rapport_fakta'
)
