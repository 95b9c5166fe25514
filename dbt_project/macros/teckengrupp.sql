{#- The group of posts a table's sign convention is read for. A table can print drift
    costs negative and investment outlays positive (Simrishamn's "Nettokostnader -62 049 |
    Nettoinvesteringar 5 403"), so each group gets its own verdict. -#}
{% macro teckengrupp(matt) -%}
    case when {{ matt }} = 'investering' then 'investering' else 'drift' end
{%- endmacro %}
