{#- The order in which documents compete for the same figure (one natural key). Only
    current documents compete: a superseded version (dim_dokument.ersatt_av) or a withdrawn
    one (tillbakadragen) has no facts in int_rapport_fakta__berikade. The order is total and
    depends on the documents' content only, so the same inbox gives the same marts in every
    data dir, whenever and in whatever order its files were copied in:
    1. the newer report period wins (a delårsrapport per augusti beats one per april, the
       årsredovisning beats both; a later report reprinting an earlier figure carries the
       newest, possibly restated, value);
    2. then the document id (the content hash: arbitrary, but the same everywhere).
    Which of two versions of one report is current is decided before, in
    int_dokument__versioner (the later arrival). The caller adds the tie-break within one
    document (fakta_nr: the first printed occurrence). -#}
{% macro dokumentordning() -%}
    rapportperiod desc nulls last,
    dokument_id desc
{%- endmacro %}
