"""Great Expectations 1.x suites from ``expectations/*.json``, run on DataFrames.

GX's SQL path through duckdb-engine is broken, so tables are read from DuckDB into pandas
and validated with an ephemeral context and the pandas data source (docs/quality.md).

A suite file is a GX 1.x suite: ``{"name", "meta", "expectations": [{"type", "kwargs", "meta"}]}``.
Our ``meta`` keys:

  table:     the table the suite validates: a mart (``fct_ekonomi``) or ``raw.<table>``
  severity:  ``error`` (blocking: a failure stops publishing) or ``warn`` (reported only)
  notes:     what the suite guards, for people
  karantan:  (raw suites only) lineage columns; when present, rows failing a row-level
             expectation are quarantined instead of failing the load (quarantine.py)
  examples:  columns shown for failing rows (Dagster metadata and the run summary)
  rules:     our own expectations GX has no type for (``rules.py``), same shape

An expectation's own ``meta`` may carry ``regel`` (a short rule id) and ``orsak`` (the
reason a person reads). Three directives in ``kwargs`` are resolved before GX sees them:

  {"$ref": "personuppgifter.yml"}   a regex list from that file (``patterns.py``)
  {"$sql": "select ..."}            a value set queried from the warehouse being checked
  "column": {"$each_text_column": true}   one expectation per text column of the table
                                          (identifier columns — *_id, *_nyckel, ersatt_av,
                                          sha256 — hold hashes, not text, and are left out)

An expectation whose column does not exist in the table is skipped and listed (so suites
survive renamed mart columns, and the skip is visible rather than silent).
"""

from __future__ import annotations

import copy
import json
import logging
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

from pipelines.config import disable_telemetry, expectations_dir
from pipelines.quality.patterns import load_patterns
from pipelines.quality.rules import RULES

disable_telemetry()
logging.getLogger("great_expectations").setLevel(logging.ERROR)

COLUMN_KWARGS = ("column", "column_A", "column_B")
COLUMN_LIST_KWARGS = ("column_list",)


@dataclass(frozen=True)
class Suite:
    name: str
    table: str
    severity: str
    path: Path
    body: dict[str, Any]

    @property
    def meta(self) -> dict[str, Any]:
        return self.body.get("meta", {})

    @property
    def blocking(self) -> bool:
        return self.severity == "error"

    @property
    def lineage(self) -> dict[str, str] | None:
        """Quarantine lineage (karantan column → table column), None when rows are not quarantined."""
        return self.meta.get("karantan")

    @property
    def example_columns(self) -> list[str]:
        return list(self.meta.get("examples", []))

    @property
    def is_raw(self) -> bool:
        return self.table.startswith("raw.")


@dataclass
class Failure:
    """One expectation (or own rule) that failed."""

    expectation: str
    kwargs: dict[str, Any]
    regel: str | None = None
    orsak: str | None = None
    row_level: bool = False
    index: list[int] = field(default_factory=list)          # failing rows (positions in the frame)
    reasons: dict[int, str] = field(default_factory=dict)   # per-row reason, when the rule has one
    unexpected_count: int | None = None
    observed: str | None = None
    examples: list[Any] = field(default_factory=list)
    error: str | None = None

    @property
    def column(self) -> str | None:
        return self.kwargs.get("column")

    def describe(self) -> str:
        """One line: what failed, how often, why."""
        what = self.orsak or self.expectation
        where = f" [{self.column}]" if self.column else ""
        if self.error:
            return f"{what}{where}: fel i kontrollen ({self.error})"
        if self.unexpected_count is not None:
            return f"{what}{where}: {self.unexpected_count} rader"
        return f"{what}{where}" + (f": {self.observed}" if self.observed else "")

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"expectation": self.expectation, "kwargs": _jsonable(self.kwargs)}
        for key in ("regel", "orsak", "unexpected_count", "observed", "error"):
            if getattr(self, key) is not None:
                out[key] = getattr(self, key)
        if self.examples:
            out["examples"] = _jsonable(self.examples)
        return out


@dataclass
class SuiteResult:
    suite: Suite
    success: bool
    evaluated: int
    failed: list[Failure] = field(default_factory=list)
    rows: int = 0
    skipped: list[str] = field(default_factory=list)


@dataclass
class CheckContext:
    """What an expectation may ask besides the table: the warehouse being checked and the
    previously published one (for comparisons against the last load)."""

    query: Callable[[str], list[Any]] | None = None
    previous_row_count: Callable[[str], int | None] | None = None


def _jsonable(value: Any) -> Any:
    return json.loads(json.dumps(value, ensure_ascii=False, default=str))


def load_suites(folder: Path | None = None) -> list[Suite]:
    suites = []
    for path in sorted((folder or expectations_dir()).glob("*.json")):
        body = json.loads(path.read_text(encoding="utf-8"))
        meta = body.get("meta", {})
        severity = meta.get("severity", "error")
        if severity not in ("error", "warn"):
            raise ValueError(f"{path.name}: meta.severity must be 'error' or 'warn', not {severity!r}")
        suites.append(Suite(name=body["name"], table=meta.get("table", body["name"]), severity=severity,
                            path=path, body=body))
    names = [s.name for s in suites]
    if len(names) != len(set(names)):
        raise ValueError(f"duplicate suite names in {folder or expectations_dir()}")
    return suites


# --- directives --------------------------------------------------------------------

# Identifier columns hold hashes and keys (sha256, md5, "<sha>:<n>"), not text a person wrote:
# a run of hex digits such as "0701234567" inside an md5 looks like a phone number.
IDENTIFIER_COLUMNS = re.compile(r"^(?:.*_id|.*_nyckel|ersatt_av|sha256)$")


def _text_columns(df: pd.DataFrame) -> list[str]:
    """Columns of text (not identifiers) for ``$each_text_column``."""
    cols = []
    for name in df.columns:
        if IDENTIFIER_COLUMNS.match(str(name)):
            continue
        if df[name].dtype == object or pd.api.types.is_string_dtype(df[name].dtype):
            sample = df[name].dropna()
            if sample.empty or isinstance(sample.iloc[0], str):
                cols.append(name)
    return cols


def _resolve_value(value: Any, folder: Path, context: CheckContext) -> Any:
    if isinstance(value, dict) and "$ref" in value:
        return [p.regex for p in load_patterns(folder / value["$ref"])]
    if isinstance(value, dict) and "$sql" in value:
        if context.query is None:
            raise ValueError(f"{value['$sql']!r}: no warehouse to query here")
        return [r for r in context.query(value["$sql"]) if r is not None]
    return value


def expand(entries: list[dict[str, Any]], df: pd.DataFrame, folder: Path,
           context: CheckContext) -> tuple[list[dict[str, Any]], list[str]]:
    """Expectations with directives resolved, and the ones skipped because a column is missing."""
    out, skipped = [], []
    for entry in entries:
        entry = copy.deepcopy(entry)
        kwargs = entry.setdefault("kwargs", {})
        if isinstance(kwargs.get("column"), dict) and kwargs["column"].get("$each_text_column"):
            skip = set(kwargs["column"].get("except", []))
            variants = [c for c in _text_columns(df) if c not in skip]
        else:
            variants = [None]
        for column in variants:
            item = copy.deepcopy(entry)
            if column is not None:
                item["kwargs"]["column"] = column
            item["kwargs"] = {k: _resolve_value(v, folder, context) for k, v in item["kwargs"].items()}
            missing = [item["kwargs"][k] for k in COLUMN_KWARGS if isinstance(item["kwargs"].get(k), str)
                       and item["kwargs"][k] not in df.columns]
            for k in COLUMN_LIST_KWARGS:
                missing += [c for c in item["kwargs"].get(k, []) if c not in df.columns]
            missing += [c for c in item["kwargs"].get("required_columns", []) if c not in df.columns]
            if missing:
                skipped.append(f"{item['type']}: kolumnen saknas ({', '.join(missing)})")
                continue
            out.append(item)
    return out, skipped


# --- running --------------------------------------------------------------------------

def _examples(df: pd.DataFrame, index: list[int], columns: list[str], extra: str | None) -> list[dict[str, Any]]:
    cols = [c for c in dict.fromkeys([*columns, *([extra] if extra else [])]) if c in df.columns]
    if not cols or not index:
        return []
    return df.iloc[index[:5]][cols].astype(object).where(df.iloc[index[:5]][cols].notna(), None).to_dict("records")


def _run_gx(suite: Suite, expectations: list[dict[str, Any]], df: pd.DataFrame) -> list[Any]:
    import great_expectations as gx
    from great_expectations.data_context.types.base import ProgressBarsConfig

    if not expectations:
        return []
    context = gx.get_context(mode="ephemeral")
    context.variables.progress_bars = ProgressBarsConfig(globally=False)
    asset = context.data_sources.add_pandas("pandas").add_dataframe_asset(name=suite.name)
    batch = asset.add_batch_definition_whole_dataframe("hela")
    gx_suite = context.suites.add(gx.ExpectationSuite(name=suite.name, expectations=expectations))
    definition = context.validation_definitions.add(gx.ValidationDefinition(name=suite.name, data=batch, suite=gx_suite))
    result = definition.run(batch_parameters={"dataframe": df}, result_format={"result_format": "COMPLETE"})
    return list(result.results)


def run_suite(suite: Suite, df: pd.DataFrame, context: CheckContext | None = None) -> SuiteResult:
    context = context or CheckContext()
    df = df.reset_index(drop=True)
    folder = suite.path.parent
    expectations, skipped = expand(suite.body.get("expectations", []), df, folder, context)
    own, skipped_own = expand(suite.meta.get("rules", []), df, folder, context)
    skipped += skipped_own
    failed: list[Failure] = []
    evaluated = 0

    for r in _run_gx(suite, expectations, df):
        evaluated += 1
        if r.success:
            continue
        cfg = r.expectation_config
        res = r.result or {}
        meta = cfg.meta or {}
        kwargs = {k: v for k, v in cfg.kwargs.items() if k not in ("batch_id", "result_format")}
        index = [int(i) for i in res.get("unexpected_index_list") or [] if not isinstance(i, dict)]
        error = None
        if r.exception_info and r.exception_info.get("raised_exception"):
            error = (r.exception_info.get("exception_message") or "").strip().splitlines()[0][:200]
        failed.append(Failure(
            expectation=cfg.type, kwargs=kwargs, regel=meta.get("regel"), orsak=meta.get("orsak"),
            row_level="unexpected_index_list" in res, index=index,
            unexpected_count=res.get("unexpected_count"),
            observed=str(res["observed_value"]) if "observed_value" in res else None,
            examples=_examples(df, index, suite.example_columns, kwargs.get("column"))
            or [str(v) for v in (res.get("partial_unexpected_list") or [])[:5]],
            error=error,
        ))

    for entry in own:
        evaluated += 1
        rule = RULES.get(entry["type"])
        meta = entry.get("meta", {})
        if rule is None:
            failed.append(Failure(entry["type"], entry["kwargs"], meta.get("regel"), meta.get("orsak"),
                                  error="okänd regeltyp (unknown rule type)"))
            continue
        try:
            outcome = rule(df, context, **entry["kwargs"])
        except Exception as exc:  # a broken rule is a failed check, never a crashed load
            failed.append(Failure(entry["type"], entry["kwargs"], meta.get("regel"), meta.get("orsak"),
                                  error=f"{type(exc).__name__}: {exc}"))
            continue
        if outcome.success:
            continue
        failed.append(Failure(
            expectation=entry["type"], kwargs=entry["kwargs"], regel=meta.get("regel"), orsak=meta.get("orsak"),
            row_level=outcome.row_level, index=outcome.index, reasons=outcome.reasons,
            unexpected_count=len(outcome.index) if outcome.row_level or outcome.index else None,
            observed=outcome.observed,
            examples=[
                {**ex, "orsak": outcome.reasons[i]} if i in outcome.reasons else ex
                for i, ex in zip(outcome.index, _examples(df, outcome.index, suite.example_columns, None))
            ],
        ))
    return SuiteResult(suite, not failed, evaluated, failed, rows=len(df), skipped=skipped)


# --- document by document ---------------------------------------------------------------

# Expectations whose outcome on a table is the sum of their outcomes on its documents: they
# judge one row at a time, or group rows within one document (our own rules group by
# dokument_id). A suite made only of these can be run a batch of documents at a time, so
# no whole fact table is held in pandas (GX holds ~8 KB per row).
ROW_WISE_PREFIXES = ("expect_column_values_to_be_", "expect_column_values_to_not_be_", "expect_column_values_to_match",
                     "expect_column_values_to_not_match")
DOCUMENT_LOCAL_RULES = {"expect_column_values_to_not_be_null_where", "expect_value_not_1000x_off_row_neighbours",
                        "expect_sentence_amount_within_document_scale", "expect_area_sums_to_match_total",
                        "expect_avvikelse_to_equal_budget_minus_prognos"}


def document_local(suite: Suite, document_column: str) -> bool:
    for entry in suite.body.get("expectations", []):
        kind = entry.get("type", "")
        if kind == "expect_column_values_to_be_unique":
            return False
        if kind == "expect_compound_columns_to_be_unique" and document_column in entry["kwargs"].get("column_list", []):
            continue
        if not kind.startswith(ROW_WISE_PREFIXES):
            return False
    return all(entry.get("type") in DOCUMENT_LOCAL_RULES for entry in suite.meta.get("rules", []))


def merge_results(suite: Suite, parts: list[SuiteResult]) -> SuiteResult:
    """One result from the results of consecutive batches of whole documents (in table order)."""
    failed: dict[str, Failure] = {}
    offset = 0
    for part in parts:
        for f in part.failed:
            key = json.dumps([f.expectation, _jsonable(f.kwargs)], sort_keys=True)
            shifted = [offset + i for i in f.index]
            reasons = {offset + i: r for i, r in f.reasons.items()}
            if key not in failed:
                failed[key] = Failure(f.expectation, f.kwargs, f.regel, f.orsak, f.row_level, shifted, reasons,
                                      f.unexpected_count, f.observed, list(f.examples), f.error)
                continue
            g = failed[key]
            g.index += shifted
            g.reasons.update(reasons)
            if f.unexpected_count is not None:
                g.unexpected_count = (g.unexpected_count or 0) + f.unexpected_count
            g.examples = (g.examples + f.examples)[:5]
            g.observed, g.error = g.observed or f.observed, g.error or f.error
        offset += part.rows
    return SuiteResult(suite, not failed, max((p.evaluated for p in parts), default=0), list(failed.values()),
                       rows=offset, skipped=list(dict.fromkeys(s for p in parts for s in p.skipped)))
