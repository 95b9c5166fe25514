-- The sign convention of each economy table, read from the table's own numbers.
-- One row per document × table × sign group (tabell_nyckel = table_id; facts without one,
-- e.g. narrative facts, form one group per document; teckengrupp: drift | investering,
-- because a table can print drift costs negative and investment outlays positive).
--
-- 1. kostnadstecken: are costs printed negative (Alingsås, Göteborg, Simrishamn) or
--    positive (Ale)? Evidence: the signs of the nonzero cost-like values (dim_matt
--    riktning = kostnad; utfall, budget, prognos, bokslut; tkr) in the table. At least
--    var('tecken_majoritet') of them with one sign decides ('negativ' | 'positiv'); a table
--    with no cost rows borrows its document's verdict; otherwise 'oklar' / 'saknas'.
-- 2. avvikelse_riktning: does the printed avvikelse mean positive = better than budget?
--    Evidence: rows where the same table gives avvikelse, budget and utfall (or prognos)
--    for the same period. "Better" in normalised terms is budget − utfall for a cost and
--    utfall − budget for an intäkt/resultat; a vote is sign(avvikelse × better). Majority
--    as above → 'positiv_battre' | 'negativ_battre'; no votes in the table → the
--    document's; no votes at all → 'antagen' (kept as printed, and flagged so).
with ekonomi as (
    select
        *,
        coalesce(tabell_id, '') as tabell_nyckel,
        {{ teckengrupp('matt') }} as teckengrupp,
        -- the identity of a table row: its position, else its printed label and area
        coalesce(cast(rad as varchar), coalesce({{ normalisera_text('etikett') }}, '') || '|' || verksamhetsomrade_nyckel) as rad_nyckel
    from {{ ref('int_rapport_fakta__berikade') }}
    where schema_namn = 'ekonomi' and varde is not null
),

tabeller as (
    select dokument_id, tabell_nyckel, teckengrupp, count(*) as antal_fakta
    from ekonomi
    group by all
),

-- 1. cost sign ------------------------------------------------------------------------
kostnadsbevis as (
    select
        dokument_id,
        tabell_nyckel,
        teckengrupp,
        count(*) filter (where varde < 0)   as kostnad_negativa,
        count(*) filter (where varde > 0)   as kostnad_positiva
    from ekonomi
    where riktning = 'kostnad' and enhet = 'tkr'
        and scenario in ('utfall', 'budget', 'prognos', 'bokslut')
    group by all
),

kostnad_tabell as (
    select
        t.dokument_id,
        t.tabell_nyckel,
        t.teckengrupp,
        t.antal_fakta,
        coalesce(k.kostnad_negativa, 0)     as kostnad_negativa,
        coalesce(k.kostnad_positiva, 0)     as kostnad_positiva
    from tabeller as t
    left join kostnadsbevis as k using (dokument_id, tabell_nyckel, teckengrupp)
),

kostnad_dokument as (
    select dokument_id, teckengrupp, sum(kostnad_negativa) as dok_negativa, sum(kostnad_positiva) as dok_positiva
    from kostnad_tabell
    group by all
),

kostnad_beslut as (
    select
        t.*,
        case
            when t.kostnad_negativa + t.kostnad_positiva > 0 then 'tabell'
            when d.dok_negativa + d.dok_positiva > 0 then 'dokument'
            else 'saknas'
        end                                                         as kostnadstecken_grund,
        case
            when t.kostnad_negativa + t.kostnad_positiva > 0 then {{ _tecken_majoritet('t.kostnad_negativa', 't.kostnad_positiva', "'negativ'", "'positiv'") }}
            when d.dok_negativa + d.dok_positiva > 0 then {{ _tecken_majoritet('d.dok_negativa', 'd.dok_positiva', "'negativ'", "'positiv'") }}
        end                                                         as kostnadstecken
    from kostnad_tabell as t
    left join kostnad_dokument as d using (dokument_id, teckengrupp)
),

-- 2. avvikelse orientation --------------------------------------------------------------
normaliserade as (
    select
        e.*,
        case
            when e.riktning in ('intakt', 'resultat') then e.varde
            when e.riktning = 'kostnad' and b.kostnadstecken = 'negativ' then -e.varde
            when e.riktning = 'kostnad' and b.kostnadstecken = 'positiv' then e.varde
        end                                                         as varde_normaliserat
    from ekonomi as e
    left join kostnad_beslut as b using (dokument_id, tabell_nyckel, teckengrupp)
    where e.enhet = 'tkr'
),

roster as (
    select
        a.dokument_id,
        a.tabell_nyckel,
        a.teckengrupp,
        sign(a.varde * case
            when a.riktning = 'kostnad' then b.varde_normaliserat - u.varde_normaliserat
            else u.varde_normaliserat - b.varde_normaliserat
        end)                                                        as rost
    from normaliserade as a
    inner join normaliserade as b
        on b.dokument_id = a.dokument_id and b.tabell_nyckel = a.tabell_nyckel
        and b.rad_nyckel = a.rad_nyckel and b.matt is not distinct from a.matt
        and b.period_slut = a.period_slut and b.scenario = 'budget'
    inner join normaliserade as u
        on u.dokument_id = a.dokument_id and u.tabell_nyckel = a.tabell_nyckel
        and u.rad_nyckel = a.rad_nyckel and u.matt is not distinct from a.matt
        and u.period_slut = a.period_slut and u.scenario in ('utfall', 'prognos')
    where a.scenario = 'avvikelse' and a.varde <> 0 and a.riktning is not null
),

rost_tabell as (
    select
        dokument_id,
        tabell_nyckel,
        teckengrupp,
        count(*) filter (where rost > 0)    as avvikelse_lika,
        count(*) filter (where rost < 0)    as avvikelse_motsatt
    from roster
    group by all
),

rost_dokument as (
    select dokument_id, teckengrupp, sum(avvikelse_lika) as dok_lika, sum(avvikelse_motsatt) as dok_motsatt
    from rost_tabell
    group by all
)

select
    b.dokument_id,
    b.tabell_nyckel,
    b.teckengrupp,
    b.antal_fakta,
    b.kostnad_negativa,
    b.kostnad_positiva,
    coalesce(b.kostnadstecken, 'saknas')                            as kostnadstecken,
    b.kostnadstecken_grund,
    coalesce(r.avvikelse_lika, 0)                                   as avvikelse_lika,
    coalesce(r.avvikelse_motsatt, 0)                                as avvikelse_motsatt,
    case
        when coalesce(r.avvikelse_lika, 0) + coalesce(r.avvikelse_motsatt, 0) > 0
            then {{ _tecken_majoritet('r.avvikelse_motsatt', 'r.avvikelse_lika', "'negativ_battre'", "'positiv_battre'") }}
        when coalesce(d.dok_lika, 0) + coalesce(d.dok_motsatt, 0) > 0
            then {{ _tecken_majoritet('d.dok_motsatt', 'd.dok_lika', "'negativ_battre'", "'positiv_battre'") }}
        else 'antagen'
    end                                                             as avvikelse_riktning,
    case
        when coalesce(r.avvikelse_lika, 0) + coalesce(r.avvikelse_motsatt, 0) > 0 then 'tabell'
        when coalesce(d.dok_lika, 0) + coalesce(d.dok_motsatt, 0) > 0 then 'dokument'
        else 'saknas'
    end                                                             as avvikelse_grund
from kostnad_beslut as b
left join rost_tabell as r using (dokument_id, tabell_nyckel, teckengrupp)
left join rost_dokument as d using (dokument_id, teckengrupp)
