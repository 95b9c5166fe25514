"""The shape every vocabulary file must have, checked when it loads.

An analyst who extends a YAML file and breaks its shape (a list where a mapping belongs,
an entry without ``measure`` or ``words``) gets one line naming the file, the key and what
was expected, instead of a ``KeyError`` deep inside extraction.

A spec is a type name: ``words`` (a list of strings), ``map`` (a mapping), ``map:words``
(a mapping whose values are lists of strings), ``entries:a,b`` (a list of mappings, each
with the keys ``a`` and ``b``), ``list`` (any list). Keys a file has beyond its spec are
allowed (new sections are how the vocabulary grows); keys in the spec are required.
"""

from __future__ import annotations

from typing import Any

SCHEMAS: dict[str, dict[str, str]] = {
    "areas.yml": {
        "areas": "words", "whole_namnd": "words", "area_endings": "words", "area_stubs": "words",
        "area_table_measures": "map:words", "item_table_measures": "words", "residual_areas": "words",
    },
    "classes.yml": {"gives": "map", "covers": "words", "layout": "map"},
    "columns.yml": {
        "scenarios": "entries:scenario,words", "skip_columns": "words", "count_columns": "words", "row_scenarios": "map",
        "no_value_words": "words", "header_words": "words", "group_words": "words",
        "text_end_words": "words", "stub_words": "words",
    },
    "documents.yml": {
        "document_types": "entries:type,words", "in_year_types": "words", "namnd_patterns": "words",
        "namnd_stop": "words",
    },
    "kommuner.yml": {"kommuner": "map"},
    "measures.yml": {
        "ekonomi": "entries:measure,match", "personal": "entries:measure,match",
        "maluppfyllelse": "entries:measure,match", "verksamhet": "entries:measure,match",
        "total_labels": "words", "weak_total_labels": "words", "yrkesgrupper": "words",
        "categories": "map:words", "kon": "map:words",
    },
    "narrative.yml": {
        "rules": "entries:measure,schema,scenario", "sign_words": "words", "positive_words": "words",
        "sign_measures": "words", "part_of_words": "words", "hedge_words": "words", "area_lines": "map",
        "goal_status": "map", "personal_counts": "entries:after,measure,unit", "against_budget": "map",
        "year_lists": "map", "target_words": "words", "comparison_words": "words", "previous_year_words": "words",
        "clause_words": "words", "lead_area_prefixes": "words", "change_words": "words",
    },
    "personnamn.yml": {"fornamn": "words"},
    "periods.yml": {
        "months": "map", "row_month_prefixes": "words", "previous_year": "words", "whole_year": "words",
        "current_period": "words", "document_period_types": "map:words", "current_year": "words",
    },
    "schemas.yml": {
        "table_words": "map:words", "measure_stubs": "map:words", "category_stubs": "words",
        "skip_tables": "words", "goal_words": "words", "goal_leads": "words",
    },
    "status.yml": {
        "uppdrag": "map:words", "mal": "map:words", "icons": "words", "icon_status": "map",
        "label_headers": "map:words", "status_headers": "map:words", "row_end_words": "words",
        "icon_glyph_status": "map", "icon_warning_colors": "words", "icon_color_status": "map",
    },
    "units.yml": {
        "money": "map", "per_unit": "words", "percent": "words", "arsarbetare": "words", "dagar": "words",
        "index": "words", "antal": "words", "timmar": "words", "in_cell": "words",
        "qualifiers": "words", "number_suffixes": "words", "money_suffixes": "words",
        "largest_value": "map",
    },
}


class VocabularyError(ValueError):
    """A vocabulary file that does not have its shape; the message is one line."""


def _words(value: Any) -> bool:
    return isinstance(value, list) and all(isinstance(w, (str, int, float)) for w in value)


def _problem(spec: str, value: Any) -> str | None:
    kind, _, arg = spec.partition(":")
    if kind == "words":
        return None if _words(value) else "a list of words"
    if kind == "list":
        return None if isinstance(value, list) else "a list"
    if kind == "map":
        if not isinstance(value, dict):
            return "a mapping"
        if arg == "words" and not all(_words(v) for v in value.values()):
            return "a mapping of word lists"
        return None
    if kind == "number":
        return None if isinstance(value, (int, float)) and not isinstance(value, bool) and value > 0 \
            else "a positive number"
    if kind == "entries":
        if not isinstance(value, list) or not all(isinstance(e, dict) for e in value):
            return "a list of mappings"
        need = [k for k in arg.split(",") if k]
        for i, entry in enumerate(value):
            missing = [k for k in need if k not in entry]
            if missing:
                return f"entries with {', '.join(need)} (entry {i + 1} lacks {', '.join(missing)})"
        return None
    raise ValueError(f"unknown spec {spec!r}")


def check(filename: str, data: Any) -> None:
    """Raise ``VocabularyError`` when ``data`` (a parsed file) does not have its shape."""
    spec = SCHEMAS.get(filename)
    if spec is None:
        return            # a new file: no shape to hold it to yet
    if not isinstance(data, dict):
        raise VocabularyError(f"vocabulary/{filename}: expected a mapping of sections, got {type(data).__name__}")
    for key, kind in spec.items():
        if key not in data:
            raise VocabularyError(f"vocabulary/{filename}: section '{key}' is missing")
        problem = _problem(kind, data[key])
        if problem:
            raise VocabularyError(f"vocabulary/{filename}: '{key}' must be {problem}")
