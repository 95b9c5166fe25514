-- One row per extracted document: where it belongs (kommun, nämnd, dokumenttyp, report
-- period), whether it is still in the inbox, and whether a newer version of the same report
-- supersedes it (docs/facts.md, "Document versions").
--
-- Withdrawal: a document none of whose files the last scan found (deleted from the inbox,
-- or moved out of it) gets status tillbakadragen; putting the file back brings it back.
-- A file moved to another folder keeps its content hash: its kommun comes from the folder
-- it is in now.
--
-- Superseding rule: two loaded documents with the same kommun, nämnd, dokumenttyp and
-- report period are versions of one report (e.g. a revised uppföljningsrapport). The one
-- that arrived in the later scan (forsta_intag) is current; two that arrived in the same
-- scan are ordered by content hash (arbitrary, but the same in every data dir). The others
-- get ersatt_av = its id, and none of their facts reach the marts. Documents missing any
-- of the four are never superseded (nothing to compare them by).
with dokument as (
    select * from {{ ref('stg_rapporter__dokument') }}
),

sightings as (
    select
        dokument_id,
        min(sedd)               as forsta_sedd,
        max(sedd)               as senast_sedd,
        min(intag)              as forsta_intag,
        bool_or(i_inkorgen)     as i_inkorgen,
        -- a 4-digit sub-folder of the inbox names the municipality (SPEC): the folder the
        -- file is in now (a file moved into a kommun folder), else any it was seen in
        coalesce(min(kommun_kod_mapp) filter (where i_inkorgen), min(kommun_kod_mapp)) as kommun_kod_mapp
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
        case when not coalesce(s.i_inkorgen, true) then 'tillbakadragen' else d.status end as status,
        case when not coalesce(s.i_inkorgen, true)
            then 'tillbakadragen: filen finns inte längre i inkorgen (lägg tillbaka den för att ladda den igen)'
            else d.orsak end                                                as orsak,
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
        s.forsta_intag,
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
            order by forsta_intag desc nulls last, dokument_id desc
        ) end                                                               as version_nr,
        case when kan_ersattas then first_value(dokument_id) over (
            partition by kan_ersattas, kommun_kod, namnd_id, dokumenttyp, rapportperiod
            order by forsta_intag desc nulls last, dokument_id desc
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
    forsta_intag,
    extraherad,
    extraktor_version,
    coalesce(version_nr, 1)                                                 as version_nr,
    case when version_nr > 1 then senaste_version end                       as ersatt_av
from versioner
