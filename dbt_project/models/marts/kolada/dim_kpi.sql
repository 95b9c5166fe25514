-- One row per Kolada KPI in the catalogue.
select * from {{ ref('stg_kolada__kpier') }}
