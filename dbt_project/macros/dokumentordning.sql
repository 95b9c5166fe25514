{#- The order in which documents compete for the same figure (one natural key):
    1. the newer report period wins (a delårsrapport per augusti beats one per april, the
       årsredovisning beats both; a later report reprinting an earlier figure carries the
       newest, possibly restated, value);
    2. a document superseded by a newer version of itself (dim_dokument.ersatt_av) loses;
    3. the document sighted later wins (a revised report arrives after the original);
    4. then the later extraction, then the document id (only to be deterministic).
    The caller adds the tie-break within one document (fakta_nr: the first printed occurrence). -#}
{% macro dokumentordning() -%}
    rapportperiod desc nulls last,
    (ersatt_av is not null) asc,
    forsta_sedd desc nulls last,
    extraherad desc nulls last,
    dokument_id desc
{%- endmacro %}
