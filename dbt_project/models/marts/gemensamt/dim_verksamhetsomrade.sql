-- One row per local name of a verksamhetsområde, mapped to a standard area (seed).
select * from {{ ref('verksamhetsomraden') }}
