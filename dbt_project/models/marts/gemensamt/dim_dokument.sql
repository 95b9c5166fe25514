-- One row per input file in the inbox (SPEC): loaded, rejected and duplicate files alike,
-- and one row per withdrawn document.
-- status: laddad (extracted and loaded), avvisad (extraction failed or not done yet),
-- dubblett (the same content as an earlier file still in the inbox), tillbakadragen (no
-- file of it is in the inbox any more: deleted or moved out; see int_dokument__versioner).
-- A file moved to another folder is one row, at its new path (the sightings of the old
-- path stay in raw.inkorg). A loaded document that a newer version of the same report
-- replaces (same kommun, nämnd, dokumenttyp and report period) keeps status laddad, names
-- its successor in ersatt_av, and has no facts in the marts.
with alla_sightings as (
    select
        *,
        bool_or(i_inkorgen) over (partition by dokument_id)            as dokument_i_inkorgen,
        row_number() over (partition by dokument_id order by sedd desc, sokvag desc) as senast_nr
    from {{ ref('stg_rapporter__inkorg') }}
),

-- the files in the inbox now; for a withdrawn document, the last place it was seen
synliga as (
    select * from alla_sightings
    where i_inkorgen or (not dokument_i_inkorgen and senast_nr = 1)
),

sightings as (
    select
        *,
        row_number() over (partition by dokument_id order by sedd, sokvag) as nr,
        first_value(filnamn) over (partition by dokument_id order by sedd, sokvag) as forsta_filnamn
    from synliga
),

dokument as (
    select * from {{ ref('stg_rapporter__dokument') }}
),

versioner as (
    select * from {{ ref('int_dokument__versioner') }}
),

antal_fakta as (
    select dokument_id, count(*) as antal_fakta
    from {{ ref('stg_rapporter__fakta') }}
    group by dokument_id
)

select
    cast(s.dokument_id || ':' || cast(s.nr as varchar) as varchar)   as dokument_nyckel,
    cast(s.dokument_id as varchar)                                  as dokument_id,
    cast(s.filnamn as varchar)                                      as filnamn,
    cast(s.sokvag as varchar)                                       as sokvag,
    cast(s.storlek as bigint)                                       as storlek,
    cast(d.format as varchar)                                       as format,
    cast(coalesce(v.kommun_kod, s.kommun_kod_mapp) as varchar)      as kommun_kod,
    cast(d.namnd as varchar)                                        as namnd,
    cast(v.namnd_id as varchar)                                     as namnd_id,
    cast(d.dokumenttyp as varchar)                                  as dokumenttyp,
    cast(d.period_typ as varchar)                                   as period_typ,
    cast(d.period_slut as date)                                     as period_slut,
    cast(v.rapportperiod as date)                                   as rapportperiod,
    cast(v.rapportperiod_kalla as varchar)                          as rapportperiod_kalla,
    cast(d.ar as integer)                                           as ar,
    cast(d.sidor as integer)                                        as sidor,
    cast(case
        when not s.dokument_i_inkorgen then 'tillbakadragen'
        when d.dokument_id is null then 'avvisad'
        when s.nr > 1 then 'dubblett'
        else v.status
    end as varchar)                                                 as status,
    cast(case
        when not s.dokument_i_inkorgen then
            'tillbakadragen: filen finns inte längre i inkorgen (lägg tillbaka den för att ladda den igen)'
        when d.dokument_id is null then 'inte extraherad ännu'
        when s.nr > 1 then 'samma innehåll som ' || s.forsta_filnamn
        else d.orsak
    end as varchar)                                                 as orsak,
    cast(case when s.nr = 1 then v.ersatt_av end as varchar)        as ersatt_av,
    cast(case when s.nr = 1 then v.version_nr end as integer)       as version_nr,
    cast(case when s.nr = 1 then coalesce(f.antal_fakta, 0) else 0 end as integer) as antal_fakta,
    cast(s.sedd as timestamp)                                       as sedd,
    cast(d.extraherad as timestamp)                                 as extraherad,
    cast(d.extraktor_version as varchar)                            as extraktor_version
from sightings as s
left join dokument as d using (dokument_id)
left join versioner as v using (dokument_id)
left join antal_fakta as f using (dokument_id)
