-- One row per calendar day 2000-01-01 .. 2039-12-31 with the periods reports use.
with dagar as (
    select cast(d as date) as datum
    from range(date '2000-01-01', date '2040-01-01', interval 1 day) as t(d)
)

select
    datum,
    year(datum)                                     as ar,
    month(datum)                                    as manad,
    quarter(datum)                                  as kvartal,
    cast(ceil(month(datum) / 4.0) as integer)       as tertial,
    case when month(datum) <= 6 then 1 else 2 end   as halvar,
    datum = last_day(datum)                         as ar_manadsslut
from dagar
