-- One row per input file seen (SPEC): loaded, rejected and duplicate files alike.
with sightings as (
    select *, row_number() over (partition by dokument_id order by sedd, sokvag) as nr
    from {{ ref('stg_rapporter__inkorg') }}
),

dokument as (
    select * from {{ ref('stg_rapporter__dokument') }}
)

select
    s.dokument_id || ':' || cast(s.nr as varchar)       as dokument_nyckel,
    s.dokument_id,
    s.filnamn,
    s.sokvag,
    s.storlek,
    coalesce(d.kommun_kod, s.kommun_kod_mapp)           as kommun_kod,
    d.namnd,
    d.dokumenttyp,
    d.period_typ,
    d.period_slut,
    d.ar,
    d.sidor,
    case
        when d.dokument_id is null then 'avvisad'
        when s.nr > 1 then 'dubblett'
        else d.status
    end                                                 as status,
    case
        when d.dokument_id is null then 'inte extraherad ännu'
        when s.nr > 1 then 'samma innehåll som ' || first_value(s.filnamn) over (partition by s.dokument_id order by s.nr)
        else d.orsak
    end                                                 as orsak,
    s.sedd
from sightings as s
left join dokument as d using (dokument_id)
