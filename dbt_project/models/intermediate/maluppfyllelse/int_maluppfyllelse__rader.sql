-- Goal tables pivoted: one row per document × typ × mål × indikator (or uppdrag) × period,
-- with utfall, målvärde and utgångsvärde side by side, the comparator, the printed status
-- and måluppfyllelse, and a derived status where none is printed.
--
-- Status rule (status_kalla):
--   tryckt   a status is printed: mapped through seed statusord ('ej_tolkad' if the word is new)
--   harledd  no printed status, but utfall, målvärde and a comparator: utfall <comparator>
--            målvärde holds → 'uppfyllt', else 'ej_uppfyllt'
--   saknas   neither: 'ej_bedomd' (no comparator is ever guessed from the indicator's text)
with fakta as (
    select
        *,
        case when matt in ('indikator', 'mal', 'uppdrag') then matt else 'indikator' end  as typ,
        coalesce({{ normalisera_text('mal') }}, '')                                        as mal_nyckel,
        coalesce({{ normalisera_text('etikett') }}, '')                                    as indikator_nyckel,
        -- lead fact of a row: utfall first, then målvärde, then the rest, in printed order
        case scenario when 'utfall' then 0 when 'malvarde' then 1 else 2 end * 1000000
            + coalesce(fakta_nr, 999999)                                                   as ordning,
        -- a "Måluppfyllelse" column holds the printed degree of fulfilment (percent)
        scenario is null and varde is not null
            and {{ normalisera_text('kolumn') }} like '%måluppfyllelse%'                   as ar_maluppfyllelse,
        case replace(replace(replace(jamforelse, '≤', '<='), '≥', '>='), ' ', '')
            when '=<' then '<=' when '=>' then '>=' when '==' then '='
            else replace(replace(replace(jamforelse, '≤', '<='), '≥', '>='), ' ', '')
        end                                                                                as jamforelse_norm
    from {{ ref('int_rapport_fakta__berikade') }}
    where schema_namn = 'maluppfyllelse' and kontroll is distinct from 'oklar'   -- docs/facts.md
),

rader as (
    select
        dokument_id,
        typ,
        mal_nyckel,
        indikator_nyckel,
        period_slut,
        case when period_slut is null then ar end                              as ar_utan_period,
        any_value(kommun_kod)                                                   as kommun_kod,
        any_value(namnd_id)                                                     as namnd_id,
        any_value(rapportperiod)                                                as rapportperiod,
        any_value(forsta_sedd)                                                  as forsta_sedd,
        any_value(extraherad)                                                   as extraherad,
        any_value(ersatt_av)                                                    as ersatt_av,
        max(ar)                                                                 as ar,
        arg_min(period_typ, ordning)                                            as period_typ,
        arg_min(period_kalla, ordning)                                          as period_kalla,
        arg_min(mal, ordning)                                                   as mal,
        arg_min(etikett, ordning)                                               as indikator,
        arg_min(varde, ordning) filter (where scenario = 'utfall')              as utfall,
        arg_min(varde, ordning) filter (where scenario = 'malvarde')            as malvarde,
        arg_min(varde, ordning) filter (where scenario = 'utgangsvarde')        as utgangsvarde,
        arg_min(varde, ordning) filter (where ar_maluppfyllelse)                as maluppfyllelse,
        arg_min(jamforelse_norm, ordning) filter (where jamforelse_norm is not null) as jamforelse,
        arg_min(status, ordning) filter (where status is not null)              as status_tryckt,
        arg_min(enhet, ordning) filter (where scenario in ('utfall', 'malvarde', 'utgangsvarde')) as enhet,
        arg_min(fakta_id, ordning)                                              as fakta_id,
        count(*)                                                                as antal_fakta,
        case
            when bool_or(kontroll = 'fel') then 'fel'
            when bool_and(kontroll = 'ok') then 'ok'
            else 'ej_kontrollerad'
        end                                                                     as kontroll,
        min(sakerhet)                                                           as sakerhet
    from fakta
    group by dokument_id, typ, mal_nyckel, indikator_nyckel, period_slut, ar_utan_period
),

statusord as (
    select {{ normalisera_text('tryckt') }} as tryckt, status from {{ ref('statusord') }}
),

med_status as (
    select
        r.*,
        case
            when r.status_tryckt is not null then coalesce(s.status, 'ej_tolkad')
            when r.utfall is not null and r.malvarde is not null and r.jamforelse is not null then
                case
                    when r.jamforelse = '<' and r.utfall < r.malvarde then 'uppfyllt'
                    when r.jamforelse = '<=' and r.utfall <= r.malvarde then 'uppfyllt'
                    when r.jamforelse = '>' and r.utfall > r.malvarde then 'uppfyllt'
                    when r.jamforelse = '>=' and r.utfall >= r.malvarde then 'uppfyllt'
                    when r.jamforelse = '=' and r.utfall = r.malvarde then 'uppfyllt'
                    when r.jamforelse in ('<', '<=', '>', '>=', '=') then 'ej_uppfyllt'
                    else 'ej_bedomd'
                end
            else 'ej_bedomd'
        end                                                                     as status,
        case
            when r.status_tryckt is not null then 'tryckt'
            when r.utfall is not null and r.malvarde is not null
                and r.jamforelse in ('<', '<=', '>', '>=', '=') then 'harledd'
            else 'saknas'
        end                                                                     as status_kalla
    from rader as r
    left join statusord as s on s.tryckt = {{ normalisera_text('r.status_tryckt') }}
)

select
    *,
    kommun_kod is not null and namnd_id is not null and period_slut is not null as over_dokument,
    md5(concat_ws('|',
        case when kommun_kod is not null and namnd_id is not null and period_slut is not null
            then '*' else dokument_id end,
        coalesce(kommun_kod, ''), coalesce(namnd_id, ''), typ, mal_nyckel, indikator_nyckel,
        coalesce(cast(period_slut as varchar), ''), coalesce(cast(ar_utan_period as varchar), '')
    ))                                                                          as naturlig_nyckel
from med_status
