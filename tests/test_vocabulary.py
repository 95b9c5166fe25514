"""The vocabulary: every file has its shape, the lexicon reads labels and headers, and the
measure keys of the extractor are the keys the warehouse knows. No ../shared needed."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
import yaml

from pipelines.reports.vocabulary import VOCABULARY_DIR, has_word, vocabulary, word_re
from pipelines.reports.vocabulary.lexicon import (
    is_area, is_total, kon_of, label_key, measure_in_text, measure_of, row_scenario, scenario_of,
)
from pipelines.reports.vocabulary.schema import SCHEMAS, VocabularyError, check

ROOT = Path(__file__).resolve().parent.parent


def test_every_vocabulary_file_has_a_schema_and_passes_it() -> None:
    files = sorted(p.name for p in VOCABULARY_DIR.glob("*.yml"))
    assert files == sorted(SCHEMAS), "a new vocabulary file needs its shape in vocabulary/schema.py"
    for name in files:
        check(name, yaml.safe_load((VOCABULARY_DIR / name).read_text(encoding="utf-8")))


@pytest.mark.parametrize("data, message", [
    ({"scenarios": {"utfall": ["utfall"]}, "skip_columns": [], "count_columns": [], "row_scenarios": {},
      "no_value_words": []}, "vocabulary/columns.yml: 'scenarios' must be a list of mappings"),
    ({"scenarios": [{"scenario": "utfall"}], "skip_columns": [], "count_columns": [], "row_scenarios": {},
      "no_value_words": []}, "entry 1 lacks words"),
    ({"scenarios": [], "skip_columns": "not a list", "count_columns": [], "row_scenarios": {},
      "no_value_words": []}, "'skip_columns' must be a list of words"),
    ({"scenarios": []}, "section 'skip_columns' is missing"),
])
def test_a_broken_file_is_named_in_one_line(data: dict, message: str) -> None:
    with pytest.raises(VocabularyError) as err:
        check("columns.yml", data)
    assert message in str(err.value) and "\n" not in str(err.value)


def test_measure_keys_are_the_warehouse_measure_keys() -> None:
    measures = vocabulary()["measures"]
    extractor = {(schema, entry["measure"]) for schema in ("ekonomi", "personal", "maluppfyllelse", "verksamhet")
                 for entry in measures[schema] if entry["measure"]}
    with (ROOT / "dbt_project" / "seeds" / "matt.csv").open(encoding="utf-8") as fh:
        seed = {(row["schema_namn"], row["matt"]) for row in csv.DictReader(fh)}
    assert extractor == seed


def test_the_one_word_matcher() -> None:
    assert has_word("Utfall jan-aug 2016", "utfall") and not has_word("Utfallet", "utfall")
    assert has_word("Budgetavvikelse helår", "budgetavv*") and not has_word("Prognosavvikelse", "avv*")
    assert has_word("Belopp i tkr", "tkr") and not has_word("2tkrx", "tkr")
    assert word_re("%").search("87,5 %") and word_re("(tkr)").search("drift(tkr)")   # symbols match anywhere
    # a compound's head: "*taxa" is Renhållningstaxa and VA-taxa, not "taxameter"
    assert has_word("Bilaga Renhållningstaxa 2027", "*taxa") and has_word("VA-taxa", "*taxa")
    assert not has_word("taxameter", "*taxa")
    assert has_word("Helår\u00adsprognos", "helårsprognos")                          # soft hyphen out


def test_lexicon_reads_labels_and_headers() -> None:
    assert measure_of("Summa verksamhetens intäkter")[1] == "intakter"       # the longest phrase wins
    assert measure_of("Personalkostnader")[:2] == ("ekonomi", "personalkostnad")
    assert measure_of("Okänd rad") is None
    assert measure_in_text("Utfall intäkter period")[1] == "intakter"
    assert is_total("Summa") and is_total("Totalt nämnden") and not is_total("Summering av året")
    assert is_area("Äldreomsorg") and is_area("- Hemtjänst") and not is_area("Personalkostnader")
    assert label_key("- Äldreomsorg*") == "äldreomsorg"
    assert scenario_of("Utfall i % av budget") == (True, "utfall")          # the word printed first
    assert scenario_of("Budget - prognos, avvikelse") == (True, "avvikelse")
    assert scenario_of("Projektbudget") == (True, "budget")                 # head of a compound
    assert scenario_of("Antal") == (False, None)
    assert row_scenario("Budgetavvikelse") == "avvikelse" and row_scenario("Nettokostnader") is None
    assert kon_of("Sjukfrånvaro kvinnor") == "K" and kon_of("Män") == "M" and kon_of("Totalt") is None
