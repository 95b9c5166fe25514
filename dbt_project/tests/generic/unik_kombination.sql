{#- The columns together identify a row: no combination occurs twice (nulls count as a
    value, so two rows with the same nulls collide too). -#}
{% test unik_kombination(model, kolumner) %}
select {{ kolumner | join(', ') }}, count(*) as antal
from {{ model }}
group by {{ kolumner | join(', ') }}
having count(*) > 1
{% endtest %}
