-- Goal and indicator facts from the reports, with lineage.
select
    dokument_id, filnamn, sida, kommun_kod, namnd, mal, etikett as indikator, kolumn, scenario, ar,
    period_slut, varde, jamforelse, status, enhet, kontroll, kalltext, metod
from {{ ref('stg_rapporter__fakta') }}
where schema_namn = 'maluppfyllelse'
