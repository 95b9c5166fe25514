-- Budget deviation per verksamhetsområde and period (tertial, month or year) over the
-- years. For each kommun × nämnd × område × post and each follow-up date P (an utfall
-- period, or the report period of a report that looks ahead): the period's utfall, budget
-- and avvikelse, and the full year as seen at P: budget, prognos and the prognos's
-- avvikelse. Amounts in tkr, costs positive, avvikelse positive = better than budget
-- (fct_ekonomi). When the report prints no avvikelse for the period it is computed
-- (budget − utfall for costs, utfall − budget for intäkter/resultat; avvikelse_beraknad).
-- huvudpost marks the post each committee reports per area (nettokostnad, or e.g. resultat).
with ekonomi as (
    select
        e.*,
        m.riktning,
        -- the date the figure is "as of": a figure for a later period end (Budget helår,
        -- Prognos helår in a delårsrapport) is as of the report; an utfall as of its period
        case
            when e.rapportperiod is not null and e.period_slut > e.rapportperiod then e.rapportperiod
            else e.period_slut
        end                                                     as tidpunkt
    from {{ ref('fct_ekonomi') }} as e
    inner join {{ ref('dim_matt') }} as m on m.matt = e.post
    -- one figure per post and area: label-keyed posts (investering per project) are left out
    where not m.etikett_i_nyckel
        and e.enhet = 'tkr' and e.belopp_tkr is not null and e.period_slut is not null
        and e.kategori is null
),

perioder as (
    select distinct kommun_kod, namnd_id, verksamhetsomrade_nyckel, post, riktning, tidpunkt as period
    from ekonomi
    where scenario in ('utfall', 'prognos', 'budget', 'avvikelse')
),

grupperade as (
    select
        p.kommun_kod,
        p.namnd_id,
        p.verksamhetsomrade_nyckel,
        p.post,
        p.riktning,
        p.period,
        max(e.belopp_tkr) filter (where e.scenario = 'utfall' and e.period_slut = p.period)     as utfall_tkr,
        max(e.belopp_tkr) filter (where e.scenario = 'budget' and e.period_slut = p.period)     as budget_tkr,
        max(e.belopp_tkr) filter (where e.scenario = 'avvikelse' and e.period_slut = p.period)  as avvikelse_tryckt_tkr,
        max(e.belopp_tkr) filter (
            where e.scenario = 'budget' and e.period_slut = make_date(year(p.period), 12, 31))  as budget_helar_tkr,
        max(e.belopp_tkr) filter (
            where e.scenario = 'prognos' and e.period_slut = make_date(year(p.period), 12, 31)) as prognos_helar_tkr,
        max(e.belopp_tkr) filter (
            where e.scenario = 'avvikelse' and e.period_slut = make_date(year(p.period), 12, 31)
                and e.period_slut > p.period)                                                   as avvikelse_prognos_tkr,
        bool_or(e.tecken_status = 'avvikelse_antagen')                                          as avvikelse_antagen,
        arg_min(e.dokument_id, case when e.scenario = 'utfall' then 0 else 1 end)               as dokument_id
    from perioder as p
    inner join ekonomi as e
        on e.kommun_kod is not distinct from p.kommun_kod
        and e.namnd_id is not distinct from p.namnd_id
        and e.verksamhetsomrade_nyckel = p.verksamhetsomrade_nyckel
        and e.post = p.post
        and e.tidpunkt = p.period
    group by all
),

-- the post a committee reports per area: the one analysts chart. Posts broken down by area
-- first, nettokostnad before others, then the post with the most areas (Göteborg's
-- nämnder report resultat per tjänst, Ale nettokostnad per verksamhetsområde).
postrang as (
    select
        kommun_kod,
        namnd_id,
        post,
        row_number() over (
            partition by kommun_kod, namnd_id
            order by
                count(distinct verksamhetsomrade_nyckel) filter (where verksamhetsomrade_nyckel <> '(hela nämnden)') > 0 desc,
                post = 'nettokostnad' desc,
                count(distinct verksamhetsomrade_nyckel) desc,
                post
        )                                                       as rang
    from grupperade
    group by kommun_kod, namnd_id, post
)

select
    cast(g.kommun_kod as varchar)                               as kommun_kod,
    cast(k.namn as varchar)                                     as kommun_namn,
    cast(g.namnd_id as varchar)                                 as namnd_id,
    cast(n.namnd as varchar)                                    as namnd,
    cast(g.verksamhetsomrade_nyckel as varchar)                 as verksamhetsomrade_nyckel,
    cast(v.lokalt_namn as varchar)                              as verksamhetsomrade,
    cast(v.standardomrade as varchar)                           as standardomrade,
    cast(v.standardomrade_namn as varchar)                      as standardomrade_namn,
    cast(g.post as varchar)                                     as post,
    cast(g.period as date)                                      as period_slut,
    cast(t.ar as integer)                                       as ar,
    cast(t.tertial as integer)                                  as tertial,
    cast(t.manad as integer)                                    as manad,
    cast(t.ar_tertial as varchar)                               as ar_tertial,
    cast(t.delar_helar as varchar)                              as delar_helar,
    cast(g.utfall_tkr as double)                                as utfall_tkr,
    cast(g.budget_tkr as double)                                as budget_tkr,
    cast(coalesce(g.avvikelse_tryckt_tkr, case
        when g.riktning = 'kostnad' then g.budget_tkr - g.utfall_tkr
        else g.utfall_tkr - g.budget_tkr
    end) as double)                                             as avvikelse_tkr,
    cast(g.avvikelse_tryckt_tkr is null and g.budget_tkr is not null and g.utfall_tkr is not null as boolean) as avvikelse_beraknad,
    cast(g.budget_helar_tkr as double)                          as budget_helar_tkr,
    cast(g.prognos_helar_tkr as double)                         as prognos_helar_tkr,
    cast(g.avvikelse_prognos_tkr as double)                     as avvikelse_prognos_tkr,
    cast(g.avvikelse_antagen as boolean)                        as avvikelse_antagen,
    cast(g.dokument_id as varchar)                              as dokument_id,
    cast(coalesce(r.rang = 1, false) as boolean)                as huvudpost
from grupperade as g
left join postrang as r
    on r.kommun_kod is not distinct from g.kommun_kod and r.namnd_id is not distinct from g.namnd_id and r.post = g.post
left join {{ ref('dim_kommun') }} as k on k.kommun_kod = g.kommun_kod
left join {{ ref('dim_namnd') }} as n on n.namnd_id = g.namnd_id
left join {{ ref('dim_verksamhetsomrade') }} as v on v.verksamhetsomrade_nyckel = g.verksamhetsomrade_nyckel
left join {{ ref('dim_tid') }} as t on t.datum = g.period
