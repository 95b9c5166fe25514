{#- Use the configured schema name as is (staging, intermediate, main), not <target>_<name>:
    analysts query marts without a prefix, e.g. `select * from fct_ekonomi`. -#}
{% macro generate_schema_name(custom_schema_name, node) -%}
    {%- if custom_schema_name is none -%}{{ target.schema }}{%- else -%}{{ custom_schema_name | trim }}{%- endif -%}
{%- endmacro %}
