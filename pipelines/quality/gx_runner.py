"""Great Expectations 1.x suites from ``expectations/*.json``, run on DataFrames.

GX's SQL path through duckdb-engine is broken, so tables are read from DuckDB into pandas
and validated with an ephemeral context and the pandas data source.

Suite ``meta`` (ours):
  table:    the warehouse table the suite validates (e.g. "fct_ekonomi")
  severity: "error" (blocking: a failure stops publishing) or "warn" (reported only)
"""

from __future__ import annotations

import json
import logging
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

from pipelines.config import EXPECTATIONS_DIR, disable_telemetry

disable_telemetry()
logging.getLogger("great_expectations").setLevel(logging.ERROR)


@dataclass(frozen=True)
class Suite:
    name: str
    table: str
    severity: str
    path: Path
    body: dict[str, Any]

    @property
    def blocking(self) -> bool:
        return self.severity == "error"


@dataclass
class SuiteResult:
    suite: Suite
    success: bool
    evaluated: int
    failed: list[dict[str, Any]] = field(default_factory=list)
    rows: int = 0


def expectations_dir() -> Path:
    return Path(os.environ.get("KOMMUNLAGER_EXPECTATIONS_DIR", str(EXPECTATIONS_DIR)))


def load_suites(folder: Path | None = None) -> list[Suite]:
    suites = []
    for path in sorted((folder or expectations_dir()).glob("*.json")):
        body = json.loads(path.read_text(encoding="utf-8"))
        meta = body.get("meta", {})
        suites.append(
            Suite(
                name=body["name"], table=meta.get("table", body["name"]),
                severity=meta.get("severity", "error"), path=path, body=body,
            )
        )
    return suites


def run_suite(suite: Suite, df: pd.DataFrame) -> SuiteResult:
    import great_expectations as gx

    context = gx.get_context(mode="ephemeral")
    asset = context.data_sources.add_pandas("pandas").add_dataframe_asset(name=suite.table)
    batch = asset.add_batch_definition_whole_dataframe("hela")
    body = {k: v for k, v in suite.body.items() if k in {"name", "expectations", "meta"}}
    gx_suite = context.suites.add(gx.ExpectationSuite(**body))
    definition = context.validation_definitions.add(
        gx.ValidationDefinition(name=suite.name, data=batch, suite=gx_suite)
    )
    result = definition.run(batch_parameters={"dataframe": df}, result_format="SUMMARY")
    failed = []
    for r in result.results:
        if not r.success:
            cfg = r.expectation_config
            res = r.result or {}
            failed.append(
                {
                    "expectation": cfg.type,
                    "kwargs": {k: v for k, v in cfg.kwargs.items() if k != "batch_id"},
                    "unexpected_count": res.get("unexpected_count"),
                    "examples": [str(v) for v in (res.get("partial_unexpected_list") or [])[:5]],
                    "observed": str(res.get("observed_value")) if "observed_value" in res else None,
                }
            )
    return SuiteResult(suite, bool(result.success), len(result.results), failed, rows=len(df))
