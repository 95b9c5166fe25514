-- Economy facts from the reports (amounts in tkr), with lineage.
select
    dokument_id, filnamn, sida, kommun_kod, namnd, verksamhetsomrade_text, matt as post, etikett, kolumn,
    scenario, ar, period_slut, varde as belopp_tkr, varde_tryckt, enhet, kontroll, kalltext, metod
from {{ ref('stg_rapporter__fakta') }}
where schema_namn = 'ekonomi'
