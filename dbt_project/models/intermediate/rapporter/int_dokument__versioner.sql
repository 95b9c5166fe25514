-- One row per extracted document: where it belongs (kommun, nämnd, dokumenttyp, report
-- period) and whether a newer version of the same report supersedes it.
--
-- Superseding rule: two loaded documents with the same kommun, nämnd, dokumenttyp and
-- report period are versions of one report (e.g. a revised uppföljningsrapport); the one
-- first sighted last (then: extracted last) is current, the others get ersatt_av = its id.
-- Documents missing any of the four are never superseded (nothing to compare them by).
with dokument as (
    select * from {{ ref('stg_rapporter__dokument') }}
),

sightings as (
    select
        dokument_id,
        min(sedd)               as forsta_sedd,
        max(sedd)               as senast_sedd,
        -- a 4-digit sub-folder of the inbox names the municipality (SPEC)
        min(kommun_kod_mapp)    as kommun_kod_mapp
    from {{ ref('stg_rapporter__inkorg') }}
    group by dokument_id
),

-- report period when the document info has none: the latest utfall period among its facts
-- ("Utfall jan-aug 2016" makes it a report per 2016-08-31)
utfallsperiod as (
    select dokument_id, max(period_slut) as senaste_utfall
    from {{ ref('stg_rapporter__fakta') }}
    where scenario = 'utfall' and period_slut is not null
    group by dokument_id
),

berikad as (
    select
        d.dokument_id,
        d.filnamn,
        d.status,
        d.orsak,
        coalesce(d.kommun_kod, s.kommun_kod_mapp)                           as kommun_kod,
        d.namnd,
        {{ namnd_nyckel('coalesce(d.kommun_kod, s.kommun_kod_mapp)', 'd.namnd') }} as namnd_id,
        d.dokumenttyp,
        d.period_typ,
        coalesce({{ inom_tid('d.period_slut') }}, {{ inom_tid('u.senaste_utfall') }}) as rapportperiod,
        case
            when {{ inom_tid('d.period_slut') }} is not null then 'dokument'
            when {{ inom_tid('u.senaste_utfall') }} is not null then 'senaste_utfall'
            else 'saknas'
        end                                                                 as rapportperiod_kalla,
        s.forsta_sedd,
        s.senast_sedd,
        d.extraherad,
        d.extraktor_version
    from dokument as d
    left join sightings as s using (dokument_id)
    left join utfallsperiod as u using (dokument_id)
),

jamforbara as (
    select
        *,
        status = 'laddad'
            and kommun_kod is not null and namnd_id is not null
            and dokumenttyp is not null and rapportperiod is not null       as kan_ersattas
    from berikad
),

versioner as (
    select
        *,
        case when kan_ersattas then row_number() over (
            partition by kan_ersattas, kommun_kod, namnd_id, dokumenttyp, rapportperiod
            order by forsta_sedd desc nulls last, extraherad desc nulls last, dokument_id desc
        ) end                                                               as version_nr,
        case when kan_ersattas then first_value(dokument_id) over (
            partition by kan_ersattas, kommun_kod, namnd_id, dokumenttyp, rapportperiod
            order by forsta_sedd desc nulls last, extraherad desc nulls last, dokument_id desc
        ) end                                                               as senaste_version
    from jamforbara
)

select
    dokument_id,
    filnamn,
    status,
    orsak,
    kommun_kod,
    namnd,
    namnd_id,
    dokumenttyp,
    period_typ,
    rapportperiod,
    rapportperiod_kalla,
    forsta_sedd,
    senast_sedd,
    extraherad,
    extraktor_version,
    coalesce(version_nr, 1)                                                 as version_nr,
    case when version_nr > 1 then senaste_version end                       as ersatt_av
from versioner
