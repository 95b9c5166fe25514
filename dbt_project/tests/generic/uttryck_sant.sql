{#- Every row satisfies a SQL expression (a null result counts as false). -#}
{% test uttryck_sant(model, uttryck) %}
select *
from {{ model }}
where not coalesce(({{ uttryck }}), false)
{% endtest %}
