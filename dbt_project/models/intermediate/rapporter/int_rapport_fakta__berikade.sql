-- Every fact of a loaded document, placed: kommun, nämnd, verksamhetsområde, measure
-- direction, period and the natural key that says which facts are "the same figure".
--
-- Period rules (period_kalla):
--   faktum    the fact's own period_end (facts.md: the extractor sets it from the column)
--   helar     no period_end, period_type 'helar' and a year: 31 December of that year
--   dokument  no period_end, schema maluppfyllelse: the document's report period (a goal
--             table in a T2 report is about T2; statuses carry no column period)
--   ogiltig   a period_end outside dim_tid's calendar (a misread date): left null
--   saknas    none of the above: left null; the fact stays, it just cannot be placed in time
--
-- Natural key: facts with equal naturlig_nyckel report the same figure; the marts keep
-- one (int_rapport_fakta__aktuella). It is only shared across documents when the figure is
-- fully placed (kommun, nämnd and period known, and for a forecast also the date it was
-- made); otherwise the document id is part of the key and nothing is merged. A
-- forward-looking figure (prognos; budget or avvikelse for a period ending after the
-- report period) carries the report period in its key: the forecast made in April and the
-- one made in August are two figures, each kept.
with fakta as (
    select * from {{ ref('stg_rapporter__fakta') }}
),

dokument as (
    select * from {{ ref('int_dokument__versioner') }}
),

matt as (
    select * from {{ ref('matt') }}
),

placerade as (
    select
        f.*,
        coalesce(f.kommun_kod, d.kommun_kod)                        as kommun,
        coalesce(f.namnd, d.namnd)                                  as namnd_namn,
        d.rapportperiod,
        d.rapportperiod_kalla,
        d.forsta_sedd,
        d.extraherad,
        d.ersatt_av,
        d.dokumenttyp,
        m.riktning,
        m.etikett_i_nyckel,
        {{ omrade_nyckel('f.verksamhetsomrade_text') }}              as verksamhetsomrade_nyckel,
        case
            when f.period_slut is not null then {{ inom_tid('f.period_slut') }}
            when f.period_typ = 'helar' and f.ar is not null
                then {{ inom_tid("make_date(f.ar, 12, 31)") }}
            when f.schema_namn = 'maluppfyllelse' then d.rapportperiod
        end                                                         as period,
        case
            when f.period_slut is not null and {{ inom_tid('f.period_slut') }} is null then 'ogiltig'
            when f.period_slut is not null then 'faktum'
            when f.period_typ = 'helar' and f.ar is not null
                then case when {{ inom_tid("make_date(f.ar, 12, 31)") }} is null then 'ogiltig' else 'helar' end
            when f.schema_namn = 'maluppfyllelse' and d.rapportperiod is not null then 'dokument'
            else 'saknas'
        end                                                         as period_kalla,
        coalesce(f.period_typ, case when f.schema_namn = 'maluppfyllelse' then d.period_typ end) as period_typ_berikad,
        -- facts.md: a personnel figure not printed per kön is the total
        case when f.schema_namn = 'personal' then coalesce(f.kon, 'T') else f.kon end as kon_berikad
    from fakta as f
    -- only documents extraction finished and loaded (the info file marks a complete extraction),
    -- still in the inbox (not tillbakadragen) and not superseded by a newer version: a revision
    -- replaces every fact of its predecessor, whatever either extraction returned
    inner join dokument as d on d.dokument_id = f.dokument_id and d.status = 'laddad' and d.ersatt_av is null
    left join matt as m on m.matt = f.matt
),

nycklade as (
    select
        *,
        {{ namnd_nyckel('kommun', 'namnd_namn') }}                  as namnd_id,
        -- a forward-looking figure (a prognos, or a budget or avvikelse for a period that
        -- ends after the report's own period: "Budget helår" in a delårsrapport) is a new
        -- figure each time a report is made: the report period is part of its key
        case
            when scenario = 'prognos' then true
            when rapportperiod is null then coalesce(scenario in ('budget', 'avvikelse', 'malvarde'), false)
            when period is null then false
            else period > rapportperiod
        end                                                         as framatblickande
    from placerade
),

med_nyckel as (
    select
        *,
        kommun is not null and namnd_id is not null and period is not null
            and (not framatblickande or rapportperiod is not null)  as over_dokument
    from nycklade
)

select
    fakta_id,
    fakta_nr,
    dokument_id,
    filnamn,
    sida,
    schema_namn,
    etikett,
    kolumn,
    scenario,
    coalesce(year(period), ar)                                      as ar,
    period                                                          as period_slut,
    period_kalla,
    period_typ_berikad                                              as period_typ,
    rapportperiod,
    rapportperiod_kalla,
    kon_berikad                                                     as kon,
    varde,
    enhet,
    kalltext,
    metod,
    matt,
    riktning,
    verksamhetsomrade_text,
    verksamhetsomrade_nyckel,
    mal,
    kategori,
    jamforelse,
    status,
    varde_tryckt,
    enhet_tryckt,
    tabell_id,
    rad,
    kolumn_nr,
    kontroll,
    kontroll_detalj,
    sakerhet,
    kommun                                                          as kommun_kod,
    namnd_namn                                                      as namnd,
    namnd_id,
    dokumenttyp,
    forsta_sedd,
    extraherad,
    ersatt_av,
    over_dokument,
    md5(concat_ws('|',
        schema_namn,
        case when over_dokument then '*' else dokument_id end,
        coalesce(kommun, ''),
        coalesce(namnd_id, ''),
        verksamhetsomrade_nyckel,
        coalesce(matt, ''),
        -- the printed label identifies the figure when the measure alone does not
        case when matt is null or coalesce(etikett_i_nyckel, true) then coalesce({{ normalisera_text('etikett') }}, '') else '' end,
        coalesce({{ normalisera_text('kategori') }}, ''),
        coalesce(kon_berikad, ''),
        coalesce({{ normalisera_text('mal') }}, ''),
        coalesce(scenario, ''),
        coalesce(enhet, ''),
        coalesce(cast(period as varchar), ''),
        case when framatblickande then coalesce(cast(rapportperiod as varchar), '') else '' end,
        -- without a period, the column header and year tell the document's columns apart
        case when period is null
            then coalesce(cast(ar as varchar), '') || '|' || coalesce({{ normalisera_text('kolumn') }}, '')
            else '' end
    ))                                                              as naturlig_nyckel
from med_nyckel
