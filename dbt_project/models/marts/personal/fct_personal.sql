-- Personnel facts from the reports (headcount, årsarbetare, sjukfrånvaro), with lineage.
select
    dokument_id, filnamn, sida, kommun_kod, namnd, matt, etikett, kolumn, kon, ar, period_slut,
    varde, varde_tryckt, enhet, kontroll, kalltext, metod
from {{ ref('stg_rapporter__fakta') }}
where schema_namn = 'personal'
