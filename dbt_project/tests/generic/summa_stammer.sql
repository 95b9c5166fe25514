{#- Sum identity: within each group, the parts add up to the printed total.
    grupp      columns that make one table column (e.g. document, table, post, scenario)
    delar      condition for a part row (e.g. the areas: verksamhetsomrade_text is not null)
    total      condition for the total row (e.g. the Summa row: verksamhetsomrade_text is null)
    varde      the amount column
    steg       the printed rounding step of a row in the amount's unit (mnkr with one
               decimal = 100 tkr); the tolerance is (parts + 1) × steg / 2
    hoppa_over groups where this holds for any row are skipped (e.g. kontroll = 'fel':
               the extractor already found the source inconsistent)
    Only groups with at least one part and exactly one total row are checked. -#}
{% test summa_stammer(model, grupp, delar, total, varde, steg='1', hoppa_over='false') %}
with summor as (
    select
        {{ grupp | join(', ') }},
        sum({{ varde }}) filter (where {{ delar }})     as delsumma,
        count(*) filter (where {{ delar }})             as antal_delar,
        sum({{ varde }}) filter (where {{ total }})     as total,
        count(*) filter (where {{ total }})             as antal_total,
        max({{ steg }})                                 as steg,
        bool_or({{ hoppa_over }})                       as hoppa_over
    from {{ model }}
    group by {{ grupp | join(', ') }}
)

select *
from summor
where antal_delar > 0 and antal_total = 1 and not hoppa_over
    and abs(delsumma - total) > (antal_delar + 1) * steg / 2.0
{% endtest %}
