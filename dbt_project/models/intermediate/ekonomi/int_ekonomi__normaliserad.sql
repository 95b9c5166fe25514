-- Every economy fact (all documents, before deduplication) with its amount in the
-- warehouse's one sign convention: costs positive, avvikelse positive = better than budget.
-- belopp_tkr = varde × tecken_faktor; varde stays as printed.
--
-- tecken_status (why the factor is what it is):
--   ej_belopp            not an amount in tkr (a percentage, a count): not normalised
--   noll                 the value is 0: the same in every convention
--   ej_berord            an intäkt/resultat post: positive means the same in both conventions
--   kostnad_positiv      a cost in a table that prints costs positive: kept
--   kostnad_vand         a cost in a table that prints costs negative: sign flipped
--   okand_post_positiv   a post without known direction in a table that prints costs
--                        positive: kept (both conventions agree there)
--   avvikelse_bekraftad  the table's identities show positive = better: kept
--   avvikelse_omvand     the table's identities show positive = worse: sign flipped
--   avvikelse_antagen    no identity to check against: kept as printed (the common
--                        convention), flagged so analysts can leave it out
--   oklar                the evidence is contradictory or missing: belopp_tkr null
with fakta as (
    select *, coalesce(tabell_id, '') as tabell_nyckel, {{ teckengrupp('matt') }} as teckengrupp
    from {{ ref('int_rapport_fakta__berikade') }}
    where schema_namn = 'ekonomi'
),

tabeller as (
    select * from {{ ref('int_ekonomi__tabelltecken') }}
),

beslut as (
    select
        f.*,
        t.kostnadstecken,
        t.avvikelse_riktning,
        case
            when f.enhet is distinct from 'tkr' or f.varde is null then 'ej_belopp'
            when f.varde = 0 then 'noll'
            when f.scenario = 'avvikelse' then case t.avvikelse_riktning
                when 'positiv_battre' then 'avvikelse_bekraftad'
                when 'negativ_battre' then 'avvikelse_omvand'
                when 'antagen' then 'avvikelse_antagen'
                else 'oklar' end
            when f.riktning in ('intakt', 'resultat') then 'ej_berord'
            when f.riktning = 'kostnad' then case t.kostnadstecken
                when 'positiv' then 'kostnad_positiv'
                when 'negativ' then 'kostnad_vand'
                else 'oklar' end
            when t.kostnadstecken = 'positiv' then 'okand_post_positiv'
            else 'oklar'
        end                                                         as tecken_status
    from fakta as f
    left join tabeller as t using (dokument_id, tabell_nyckel, teckengrupp)
)

select
    *,
    case
        when tecken_status in ('kostnad_vand', 'avvikelse_omvand') then -1
        when tecken_status in ('ej_belopp', 'oklar') then null
        else 1
    end                                                             as tecken_faktor,
    case
        when tecken_status in ('kostnad_vand', 'avvikelse_omvand') then -varde
        when tecken_status in ('ej_belopp', 'oklar') then null
        else varde
    end                                                             as belopp_tkr
from beslut
