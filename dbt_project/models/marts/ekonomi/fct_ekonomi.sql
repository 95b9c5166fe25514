-- Economy figures from the reports, one current row per natural key. Grain: document ×
-- verksamhetsområde × post × scenario × period (× label for posts such as investering).
-- Amounts in tkr in one sign convention (costs positive, avvikelse positive = better than
-- budget: int_ekonomi__normaliserad); varde keeps the number as printed.
with aktuella as (
    select * from {{ ref('int_rapport_fakta__aktuella') }}
    where schema_namn = 'ekonomi'
),

normaliserade as (
    select fakta_id, belopp_tkr, tecken_faktor, tecken_status
    from {{ ref('int_ekonomi__normaliserad') }}
),

omraden as (
    select verksamhetsomrade_nyckel, standardomrade from {{ ref('int_verksamhetsomraden__mappade') }}
)

select
    cast(a.fakta_id as varchar)                     as fakta_id,
    cast(a.naturlig_nyckel as varchar)              as naturlig_nyckel,
    cast(a.dokument_id as varchar)                  as dokument_id,
    cast(a.kommun_kod as varchar)                   as kommun_kod,
    cast(a.namnd_id as varchar)                     as namnd_id,
    cast(a.verksamhetsomrade_nyckel as varchar)     as verksamhetsomrade_nyckel,
    cast(a.verksamhetsomrade_text as varchar)       as verksamhetsomrade_text,
    cast(o.standardomrade as varchar)               as standardomrade,
    cast(a.matt as varchar)                         as post,
    cast(a.etikett as varchar)                      as etikett,
    cast(a.kategori as varchar)                     as kategori,
    cast(a.kolumn as varchar)                       as kolumn,
    cast(a.scenario as varchar)                     as scenario,
    cast(a.ar as integer)                           as ar,
    cast(a.period_slut as date)                     as period_slut,
    cast(a.period_typ as varchar)                   as period_typ,
    cast(a.period_kalla as varchar)                 as period_kalla,
    cast(a.rapportperiod as date)                   as rapportperiod,
    cast(n.belopp_tkr as double)                    as belopp_tkr,
    cast(a.varde as double)                         as varde,
    cast(a.varde_tryckt as varchar)                 as varde_tryckt,
    cast(a.enhet as varchar)                        as enhet,
    cast(a.enhet_tryckt as varchar)                 as enhet_tryckt,
    cast(n.tecken_faktor as integer)                as tecken_faktor,
    cast(n.tecken_status as varchar)                as tecken_status,
    cast(a.kontroll as varchar)                     as kontroll,
    cast(a.kontroll_detalj as varchar)              as kontroll_detalj,
    cast(a.sakerhet as double)                      as sakerhet,
    cast(a.filnamn as varchar)                      as filnamn,
    cast(a.sida as integer)                         as sida,
    cast(a.kalltext as varchar)                     as kalltext,
    cast(a.metod as varchar)                        as metod,
    cast(a.tabell_id as varchar)                    as tabell_id,
    cast(a.rad as integer)                          as rad,
    cast(a.antal_rapporteringar as integer)         as antal_rapporteringar,
    cast(a.antal_dokument as integer)               as antal_dokument
from aktuella as a
inner join normaliserade as n using (fakta_id)
left join omraden as o using (verksamhetsomrade_nyckel)
