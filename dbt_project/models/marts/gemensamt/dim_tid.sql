-- One row per calendar day var('tid_start') .. var('tid_slut'), with the periods reports
-- use: år, halvår, tertial (T1 jan–apr, T2 maj–aug, T3 sep–dec), kvartal, månad, and
-- whether the day ends one of them. Report facts and Kolada values join on datum.
with dagar as (
    select cast(d as date) as datum
    from range(date '{{ var("tid_start") }}', date '{{ var("tid_slut") }}' + interval 1 day, interval 1 day) as t(d)
),

perioder as (
    select
        datum,
        year(datum)                                                 as ar,
        case when month(datum) <= 6 then 1 else 2 end               as halvar,
        cast(ceil(month(datum) / 4.0) as integer)                   as tertial,
        quarter(datum)                                              as kvartal,
        month(datum)                                                as manad,
        day(datum)                                                  as dag,
        datum = last_day(datum)                                     as ar_manadsslut
    from dagar
)

select
    cast(datum as date)                                             as datum,
    cast(ar as integer)                                             as ar,
    cast(halvar as integer)                                         as halvar,
    cast(tertial as integer)                                        as tertial,
    cast(kvartal as integer)                                        as kvartal,
    cast(manad as integer)                                          as manad,
    cast(dag as integer)                                            as dag,
    cast(['januari', 'februari', 'mars', 'april', 'maj', 'juni', 'juli', 'augusti',
          'september', 'oktober', 'november', 'december'][manad] as varchar) as manad_namn,
    cast(ar || '-' || lpad(cast(manad as varchar), 2, '0') as varchar) as ar_manad,
    cast(ar || ' T' || tertial as varchar)                          as ar_tertial,
    cast(ar || ' K' || kvartal as varchar)                          as ar_kvartal,
    cast(ar_manadsslut as boolean)                                  as ar_manadsslut,
    cast(ar_manadsslut and manad in (4, 8, 12) as boolean)          as ar_tertialslut,
    cast(ar_manadsslut and manad in (3, 6, 9, 12) as boolean)       as ar_kvartalsslut,
    cast(ar_manadsslut and manad in (6, 12) as boolean)             as ar_halvarsslut,
    cast(manad = 12 and dag = 31 as boolean)                        as ar_arsslut,
    -- a report period ending here is a helår (31 December) or a delår (any other day)
    cast(case when manad = 12 and dag = 31 then 'helar' else 'delar' end as varchar) as delar_helar
from perioder
