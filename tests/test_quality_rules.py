"""The quality rules on their own: suites load, each rule catches what it names and lets
the rest through, and the quarantine keeps good rows and masks personal data."""

from __future__ import annotations

import re

import pandas as pd
import pyarrow as pa
import pytest
import yaml

from pipelines.config import EXPECTATIONS_DIR
from pipelines.quality import patterns, rules
from pipelines.quality.gx_runner import CheckContext, load_suites, run_suite
from pipelines.quality.quarantine import quarantine
from pipelines.reports.model import Fact, facts_to_table
from pipelines.quality.quarantine import KARANTAN_SCHEMA
from pipelines.warehouse.build import _with_fact_ids


def test_every_suite_is_valid_and_checks_an_asset_of_the_code_location() -> None:
    from pipelines.assets.quality import asset_key
    from pipelines.assets.warehouse import dbt_modeller, lager_raw

    suites = load_suites()
    known = set(dbt_modeller().keys) | set(lager_raw.keys)
    assert {s.table for s in suites} >= {
        "raw.rapport_fakta", "raw.dokument", "raw.inkorg", "raw.kolada_varden", "raw.karantan",
        "fct_ekonomi", "fct_personal", "fct_maluppfyllelse", "fct_kolada_varde", "dim_kommun", "dim_dokument", "karantan",
    }
    for suite in suites:
        assert asset_key(suite) in known, suite.path.name
        assert suite.severity in ("error", "warn") and suite.meta.get("notes"), suite.path.name
        for entry in [*suite.body["expectations"], *suite.meta.get("rules", [])]:
            assert set(entry) <= {"type", "kwargs", "meta"}, (suite.path.name, entry)
            assert entry["type"].startswith("expect_"), (suite.path.name, entry)
        for rule in suite.meta.get("rules", []):
            assert rule["type"] in rules.RULES, (suite.path.name, rule["type"])
    # every raw table and every mart has at least one suite
    from pipelines.assets.warehouse import mart_keys

    tables = {s.table for s in suites}
    assert {k.path[-1] for k in mart_keys()} <= tables
    assert {f"raw.{k.path[-1]}" for k in lager_raw.keys} <= tables


def test_personal_data_patterns_match_their_examples_and_nothing_else() -> None:
    data = yaml.safe_load((EXPECTATIONS_DIR / "personuppgifter.yml").read_text(encoding="utf-8"))
    loaded = {p.namn: p for p in patterns.load_patterns()}
    for entry in data["monster"]:
        regex = re.compile(entry["regex"])
        for text in entry["exempel"]:
            assert regex.search(text), (entry["namn"], text)
        for text in entry["inte"]:
            assert not regex.search(text), (entry["namn"], text)
        assert entry["namn"] in loaded
    assert {"epost", "mobilnummer"} <= set(patterns.which("Kontakt: anna.andersson@ale.se, 070-123 45 67"))
    assert patterns.mask("pnr 19800101-1234 gäller") == "pnr [personnummer] gäller"
    # the numbers of a committee table are not personal data
    assert patterns.which("Intäkter\t182 149\t177 382\t102,7 %\t265 704\t2016-06-30\t-3 349") == []


def _facts(*rows: dict) -> pd.DataFrame:
    base = {"dokument_id": "d1", "document": "r.pdf", "page": 3, "method": "table", "unit": "tkr",
            "table_id": None, "row": None, "evidence": "rad", "raw_value": None, "raw_unit": "tkr", "area": None}
    return pd.DataFrame([base | r for r in rows])


def test_a_value_1000_times_off_its_row_is_suspect_but_an_early_utfall_is_not() -> None:
    df = _facts(
        # tkr/mnkr confusion: 12,3 among values around 12 000
        {"evidence": "Kostnader", "scenario": "utfall", "value": 12.3},
        {"evidence": "Kostnader", "scenario": "budget", "value": 12000.0},
        {"evidence": "Kostnader", "scenario": "prognos", "value": 11800.0},
        {"evidence": "Kostnader", "scenario": "avvikelse", "value": 200.0},
        # an investment with little spent so far: 25 vs 12 000 is 480×, not ~1000×
        {"evidence": "Investering", "scenario": "utfall", "value": 25.0},
        {"evidence": "Investering", "scenario": "budget", "value": 12000.0},
        {"evidence": "Investering", "scenario": "prognos", "value": 12000.0},
        # only two values: cannot tell which one is off
        {"evidence": "Intäkter", "scenario": "utfall", "value": 5.1},
        {"evidence": "Intäkter", "scenario": "budget", "value": 5100.0},
        # Borås, February: an utfall of -18 tkr against a full-year -13 800 is a real, early
        # figure (a whole number), not an mnkr value
        {"evidence": "Feriearbeten 0 -13 800 0 -18 -13 800 0", "scenario": "budget", "value": -13800.0, "raw_value": "-13 800"},
        {"evidence": "Feriearbeten 0 -13 800 0 -18 -13 800 0", "scenario": "utfall", "value": -18.0, "raw_value": "-18"},
        {"evidence": "Feriearbeten 0 -13 800 0 -18 -13 800 0", "scenario": "prognos", "value": -13800.0, "raw_value": "-13 800"},
        # the same row with the utfall printed as mnkr (-13,8) is suspect
        {"evidence": "Feriearbeten 2", "scenario": "budget", "value": -13800.0, "raw_value": "-13 800"},
        {"evidence": "Feriearbeten 2", "scenario": "utfall", "value": -13.8, "raw_value": "-13,8"},
        {"evidence": "Feriearbeten 2", "scenario": "prognos", "value": -13800.0, "raw_value": "-13 800"},
    )
    out = rules.not_1000x_off_row(df, CheckContext())
    assert out.index == [0, 13]
    assert "mindre" in out.reasons[0] and "12.3" in out.reasons[0]


def test_a_sentence_amount_far_over_its_documents_tables_is_suspect() -> None:
    levels = [{"scenario": "utfall", "value": v, "method": "table"} for v in (-62049.0, 73300.0, 1200.0, 800.0, 15.0)]
    df = _facts(
        *levels,
        # Simrishamn p. 13: "överskott mot budget om 1 262 mnkr" (a misprint for 1 262 tkr)
        {"scenario": "avvikelse", "value": 1262000.0, "method": "narrative", "raw_value": "1 262", "raw_unit": "mnkr"},
        {"scenario": "avvikelse", "value": 1070.0, "method": "narrative"},
        {"scenario": "prognos", "value": -300000.0, "method": "narrative"},      # 4.1×: let through
        # another document with too few table amounts to judge by
        {"dokument_id": "d2", "scenario": "utfall", "value": 10.0, "method": "table"},
        {"dokument_id": "d2", "scenario": "avvikelse", "value": 900000.0, "method": "narrative"},
    )
    out = rules.sentence_amount_within_document_scale(df, CheckContext())
    assert out.index == [5]
    assert out.reasons[5].startswith("1 262 000 tkr i löptext är 17×") and "73 300" in out.reasons[5]


def test_area_sums_and_avvikelse_rules_flag_only_the_broken_rows() -> None:
    rows = []
    for col, parts, total in ((1, (100.0, 200.0, 300.0), 600.0), (2, (100.0, 200.0, 300.0), 640.0)):
        for i, v in enumerate(parts):
            rows.append({"table_id": "p2t1", "row": i, "col": col, "area": f"Område {i}", "label": f"Område {i}",
                         "value": v, "raw_value": f"{v:.0f}", "scenario": "utfall"})
        rows.append({"table_id": "p2t1", "row": 9, "col": col, "area": None, "label": "Summa", "value": total,
                     "raw_value": f"{total:.0f}", "scenario": "utfall"})
    df = _facts(*rows)
    sums = rules.area_sums_match_total(df, CheckContext(), total_label_regex=r"(?i)^(?:summa|totalt)\b")
    assert not sums.success and len(sums.index) == 1
    assert df.loc[sums.index[0], "value"] == 640.0 and "600" in sums.reasons[sums.index[0]]

    avv = _facts(
        {"table_id": "t", "row": 1, "scenario": "budget", "value": 265704.0, "raw_value": "265 704"},
        {"table_id": "t", "row": 1, "scenario": "prognos", "value": 269053.0, "raw_value": "269 053"},
        {"table_id": "t", "row": 1, "scenario": "avvikelse", "value": 3349.0, "raw_value": "3 349"},
        {"table_id": "t", "row": 2, "scenario": "budget", "value": 747335.0, "raw_value": "747 335"},
        {"table_id": "t", "row": 2, "scenario": "prognos", "value": 750684.0, "raw_value": "750 684"},
        {"table_id": "t", "row": 2, "scenario": "avvikelse", "value": -3394.0, "raw_value": "-3 394"},
    )
    out = rules.avvikelse_matches_budget(avv, CheckContext())
    assert out.index == [5]

    # a row with a period deviation (budget − utfall) beside a full-year one (budget − prognos),
    # as in Ale's "Nämnd och administration 50 378 | 59 214 | 8 836 | 78 073 | 91 123 | 13 050"
    both = _facts(
        {"table_id": "t", "row": 1, "scenario": "utfall", "value": 50378.0, "raw_value": "50 378"},
        {"table_id": "t", "row": 1, "scenario": "budget", "value": 59214.0, "raw_value": "59 214"},
        {"table_id": "t", "row": 1, "scenario": "avvikelse", "value": 8836.0, "raw_value": "8 836"},
        {"table_id": "t", "row": 1, "scenario": "prognos", "value": 78073.0, "raw_value": "78 073"},
        {"table_id": "t", "row": 1, "scenario": "budget", "value": 91123.0, "raw_value": "91 123"},
        {"table_id": "t", "row": 1, "scenario": "avvikelse", "value": 13050.0, "raw_value": "13 050"},
        {"table_id": "t", "row": 2, "scenario": "utfall", "value": 16016.0, "raw_value": "16 016"},
        {"table_id": "t", "row": 2, "scenario": "budget", "value": 6733.0, "raw_value": "6 733"},
        {"table_id": "t", "row": 2, "scenario": "avvikelse", "value": -9823.0, "raw_value": "-9 823"},  # misprint of -9 283
        {"table_id": "t", "row": 2, "scenario": "prognos", "value": 20546.0, "raw_value": "20 546"},
    )
    assert rules.avvikelse_matches_budget(both, CheckContext()).index == [8]

    # Göteborg: "Utfall 2025 | Budget 2025 | Avvikelse | Prognos augusti | Avvikelse | Utfall 2024"
    # (the second deviation is utfall − prognos) and p14's "Förändringsinitiativ 9,1 -7,6 1,5 -9,5 2,4"
    # whose avvikelse the document's own columns do not give (-7,6 − -9,5 = 1,9)
    gbg = _facts(
        {"table_id": "s22", "row": 0, "scenario": "utfall", "value": 271900.0, "raw_value": "271,9", "raw_unit": "mnkr"},
        {"table_id": "s22", "row": 0, "scenario": "budget", "value": 302300.0, "raw_value": "302,3", "raw_unit": "mnkr"},
        {"table_id": "s22", "row": 0, "scenario": "avvikelse", "value": -30400.0, "raw_value": "-30,4", "raw_unit": "mnkr"},
        {"table_id": "s22", "row": 0, "scenario": "prognos", "value": 282500.0, "raw_value": "282,5", "raw_unit": "mnkr"},
        {"table_id": "s22", "row": 0, "scenario": "avvikelse", "value": -10600.0, "raw_value": "-10,6", "raw_unit": "mnkr"},
        {"table_id": "p14", "row": 5, "scenario": "utfall", "value": -7600.0, "raw_value": "-7,6", "raw_unit": "mnkr"},
        {"table_id": "p14", "row": 5, "scenario": "budget", "value": -9500.0, "raw_value": "-9,5", "raw_unit": "mnkr"},
        {"table_id": "p14", "row": 5, "scenario": "avvikelse", "value": 2400.0, "raw_value": "2,4", "raw_unit": "mnkr"},
    )
    assert rules.avvikelse_matches_budget(gbg, CheckContext()).index == [7]


def test_row_count_collapse_compares_with_the_published_warehouse(monkeypatch: pytest.MonkeyPatch) -> None:
    df = pd.DataFrame({"x": range(40)})
    previous = {"fct_ekonomi": 100, "liten": 4}
    ctx = CheckContext(previous_row_count=previous.get)
    assert not rules.row_count_not_collapsing(df, ctx, table="fct_ekonomi").success
    assert rules.row_count_not_collapsing(df, ctx, table="fct_ekonomi", max_drop=0.7).success
    assert rules.row_count_not_collapsing(df.head(1), ctx, table="liten").success  # too few to judge
    assert rules.row_count_not_collapsing(df, ctx, table="ny_tabell").success       # nothing published
    monkeypatch.setenv(rules.ACCEPT_DROP_ENV, "1")
    accepted = rules.row_count_not_collapsing(df, ctx, table="fct_ekonomi")
    assert accepted.success and rules.ACCEPT_DROP_ENV in accepted.observed


def test_kolada_value_outside_its_kpi_history_is_reported() -> None:
    hist = [{"kpi_id": "N00090", "ar": y, "varde": 8.0 + (k % 5)} for y in range(2015, 2022) for k in range(5)]
    latest = [{"kpi_id": "N00090", "ar": 2022, "varde": 9.3}, {"kpi_id": "N00090", "ar": 2022, "varde": 930.0}]
    df = pd.DataFrame(hist + latest)
    out = rules.within_group_history(df, CheckContext(), value_column="varde", group_column="kpi_id",
                                     time_column="ar", widen=1.0, min_history=10)
    assert [df.loc[i, "varde"] for i in out.index] == [930.0]


def _raw_facts(facts: list[Fact]) -> pa.Table:
    return _with_fact_ids(facts_to_table(facts, dokument_id="d" * 64))


def _fact(**kw) -> Fact:
    base = dict(document="rapport.pdf", page=4, schema="ekonomi", label="Nettokostnad", column="Utfall 2025",
                scenario="utfall", year=2025, period_end="2025-12-31", kon=None, value=1000.0, unit="tkr",
                evidence="Nettokostnad 1 000", method="table")
    return Fact(**(base | kw))


def test_quarantine_holds_back_failing_facts_with_reason_and_lineage_and_masks_personal_data() -> None:
    facts = [
        _fact(),
        _fact(schema="personal", label="Sjukfrånvaro", unit="procent", value=150.0, evidence="Sjukfrånvaro 150,0 %"),
        _fact(year=1899, evidence="Nettokostnad 1899"),
        _fact(value=5e9, evidence="Nettokostnad 5 000 000 000 kr"),
        _fact(label="Kontakt 19800101-1234", evidence="Kontakt 19800101-1234 tfn 070-123 45 67", page=7),
        _fact(page=None),
        _fact(period_end="2025-02-30"),
        _fact(schema="personal", label="Sjukfrånvaro", unit="procent", scenario="forandring", value=-2.5),
    ]
    tables = {"rapport_fakta": _raw_facts(facts)}
    held = quarantine(tables)
    assert held.schema == KARANTAN_SCHEMA
    rows = held.to_pylist()
    by_row = {}
    for r in rows:
        by_row.setdefault(int(r["rad_id"].split(":")[1]), set()).add(r["regel"])
    assert by_row == {
        1: {"procent_0_100"}, 2: {"ar_rimligt"}, 3: {"tkr_storlek"}, 4: {"personuppgifter"},
        5: {"harkomst"}, 6: {"period_slut_datum"},
    }
    personal = next(r for r in rows if r["regel"] == "personuppgifter")
    assert personal["sida"] == 7 and personal["filnamn"] == "rapport.pdf" and personal["dokument_id"] == "d" * 64
    assert "19800101-1234" not in personal["kalltext"] and "[personnummer]" in personal["kalltext"]
    assert "070-123" not in personal["kalltext"]
    assert "personnummer i label" in personal["orsak"] and "1234" not in personal["orsak"]
    percent = next(r for r in rows if r["regel"] == "procent_0_100")
    assert "150" in percent["orsak"]
    # the staged raw table no longer carries the personal data; good rows are untouched
    staged = tables["rapport_fakta"].to_pylist()
    assert staged[4]["label"] == "Kontakt [personnummer]"
    assert staged[0]["evidence"] == "Nettokostnad 1 000"


def test_a_suite_skips_and_lists_expectations_whose_column_is_missing(tmp_path) -> None:
    import json

    (tmp_path / "personuppgifter.yml").write_text(
        (EXPECTATIONS_DIR / "personuppgifter.yml").read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "t.json").write_text(json.dumps({
        "name": "t", "meta": {"table": "t", "severity": "error", "notes": "x"},
        "expectations": [
            {"type": "expect_column_values_to_not_be_null", "kwargs": {"column": "borta"}},
            {"type": "expect_column_values_to_be_in_set",
             "kwargs": {"column": "kod", "value_set": {"$sql": "select kod from dim"}}},
            {"type": "expect_column_values_to_not_match_regex_list",
             "kwargs": {"column": {"$each_text_column": True}, "regex_list": {"$ref": "personuppgifter.yml"}}},
        ],
    }), encoding="utf-8")
    suite = load_suites(tmp_path)[0]
    # an md5 key can hold a run that looks like a mobile number ("0739141292"): identifier
    # columns are not text and are not searched for personal data
    df = pd.DataFrame({"kod": ["1440", "9999"], "text": ["ok", "mejla a.b@c.se"], "tal": [1, 2],
                       "naturlig_nyckel": ["3a0772443a0739141292a5429b952fe6", "x"]})
    assert patterns.which("3a0772443a0739141292a5429b952fe6")  # the pattern alone would match
    result = run_suite(suite, df, CheckContext(query=lambda sql: ["1440"]))
    assert result.skipped == ["expect_column_values_to_not_be_null: kolumnen saknas (borta)"]
    failed = {(f.expectation, f.column): f for f in result.failed}
    assert set(failed) == {("expect_column_values_to_be_in_set", "kod"),
                           ("expect_column_values_to_not_match_regex_list", "text")}
    assert failed[("expect_column_values_to_be_in_set", "kod")].index == [1]


def test_the_run_summary_has_one_line_per_problem_check_and_quarantine_rule(data_dir) -> None:
    from pipelines.config import Settings
    from pipelines.runner import CheckOutcome, RunReport
    from pipelines.summary import render

    report = RunReport(
        documents_total=3, documents_extracted=1, published=True,
        problems=["tom.pdf: tom fil (empty file)", "bild.pdf: bara bilder, inget textlager på någon sida"],
        duplicates=["kopia.txt: samma innehåll som a.txt (dubblett, laddas en gång)"],
        quarantined={"personuppgifter": 2, "tusenfel": 1},
        checks=[CheckOutcome("fct_ekonomi", "gx_fct_ekonomi", True, True, "ERROR", skipped=2),
                CheckOutcome("raw/rapport_fakta", "gx_raw_rapport_fakta", False, True, "WARN", "3 rader i karantän")],
    )
    lines = render(Settings.from_env(), report).splitlines()
    assert [line for line in lines if line.startswith("Problem: ")] == [f"Problem: {p}" for p in report.problems]
    assert "Dubblett: kopia.txt: samma innehåll som a.txt (dubblett, laddas en gång)" in lines
    assert any(line.startswith("Karantän: 3 rader") and "personuppgifter 2, tusenfel 1" in line for line in lines)
    assert "Kontroller: 1 godkända, 1 underkända (0 blockerande)" in lines
    assert "  - raw/rapport_fakta: gx_raw_rapport_fakta (varning) 3 rader i karantän" in lines
    assert any("hoppades över" in line and "gx_fct_ekonomi 2" in line for line in lines)
    assert report.rejected_anything
