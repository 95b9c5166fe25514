{#- The columns every fact mart shares: the fact's keys and its lineage (where the figure
    came from, and whether its table added up). One place for their names and types, so
    fct_ekonomi, fct_personal, fct_verksamhet and fct_maluppfyllelse cannot drift apart. -#}
{% macro harkomst_typer() -%}
    {{ return({
        'fakta_id': 'varchar', 'naturlig_nyckel': 'varchar', 'dokument_id': 'varchar',
        'kommun_kod': 'varchar', 'namnd_id': 'varchar',
        'kontroll': 'varchar', 'kontroll_detalj': 'varchar', 'sakerhet': 'double',
        'filnamn': 'varchar', 'sida': 'integer', 'kalltext': 'varchar', 'metod': 'varchar',
        'tabell_id': 'varchar', 'rad': 'integer',
        'antal_rapporteringar': 'integer', 'antal_dokument': 'integer', 'antal_fakta': 'integer'
    }) }}
{%- endmacro %}

{#- cast(<rel>.<column> as <type>) as <column>, … for the given lineage columns -#}
{% macro harkomst(rel, kolumner) -%}
    {%- set typer = harkomst_typer() -%}
    {%- for k in kolumner %}
    cast({{ rel ~ '.' if rel else '' }}{{ k }} as {{ typer[k] }}) as {{ k }}{{ ',' if not loop.last }}
    {%- endfor %}
{%- endmacro %}

{#- The keys of a fact row: its id, its natural key, its document, kommun and nämnd -#}
{% macro fakta_nycklar(rel) -%}
    {{ harkomst(rel, ['fakta_id', 'naturlig_nyckel', 'dokument_id', 'kommun_kod', 'namnd_id']) }}
{%- endmacro %}
