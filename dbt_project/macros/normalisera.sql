{#- Text as a matching key: soft hyphens removed, whitespace collapsed, trimmed, lower case.
    Used for every name that is matched against a seed or across documents. -#}
{% macro normalisera_text(uttryck) -%}
    nullif(lower(trim(regexp_replace(replace({{ uttryck }}, chr(173), ''), '\s+', ' ', 'g'))), '')
{%- endmacro %}

{#- A committee's key within its municipality: 'nämnden' and 'nämnd' are the same word
    ("Socialnämnden" = "Socialnämnd"). Null when the name is unknown. -#}
{% macro namnd_nyckel(kommun_kod, namnd) -%}
    case when {{ normalisera_text(namnd) }} is not null then
        coalesce({{ kommun_kod }}, 'okand') || ':' || regexp_replace({{ normalisera_text(namnd) }}, 'nämnden\b', 'nämnd', 'g')
    end
{%- endmacro %}

{#- The verksamhetsområde key of a fact: its printed area normalised, or the member
    '(hela nämnden)' for rows about the whole committee (area null, e.g. a Summa row). -#}
{% macro omrade_nyckel(area) -%}
    coalesce({{ normalisera_text(area) }}, '(hela nämnden)')
{%- endmacro %}

{#- A date as a dim_tid key: null outside the calendar dim_tid covers. -#}
{% macro inom_tid(datum) -%}
    case when {{ datum }} between date '{{ var("tid_start") }}' and date '{{ var("tid_slut") }}' then {{ datum }} end
{%- endmacro %}

{#- Majority verdict between two counts: the first label when `forsta` holds at least
    var('tecken_majoritet') of the evidence, the second when `andra` does, else 'oklar'. -#}
{% macro _tecken_majoritet(forsta, andra, forsta_etikett, andra_etikett) -%}
    case
        when {{ forsta }} >= {{ var('tecken_majoritet') }} * ({{ forsta }} + {{ andra }}) then {{ forsta_etikett }}
        when {{ andra }} >= {{ var('tecken_majoritet') }} * ({{ forsta }} + {{ andra }}) then {{ andra_etikett }}
        else 'oklar'
    end
{%- endmacro %}
