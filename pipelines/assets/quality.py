"""Great Expectations suites as Dagster asset checks (one check per suite).

Two check steps: ``gx_raw`` validates the raw tables of this run's build file right after
``lager_raw`` (dbt waits for its blocking checks), ``gx_marts`` validates the marts after
dbt (``publicerat_lager`` waits for its blocking checks). Each step reads its tables once
from this run's build file (else the published warehouse, when a check runs on its own in
the UI) and yields one ``AssetCheckResult`` per suite, with the failing count, the
failing expectations and example rows as metadata.
"""


import logging
from collections import Counter
from pathlib import Path
from typing import Any

import dagster as dg
import duckdb

from pipelines.config import Settings
from pipelines.quality.gx_runner import (
    CheckContext, Suite, SuiteResult, document_local, load_suites, merge_results, run_suite,
)
from pipelines.quality.quarantine import CHUNK_ROWS, PER_DOCUMENT
from pipelines.assets.warehouse import dbt_modeller, lager_raw
from pipelines.warehouse.build import build_path


def asset_key(suite: Suite) -> dg.AssetKey:
    return dg.AssetKey(suite.table.split("."))


def check_name(suite: Suite) -> str:
    return f"gx_{suite.name}"


def _quote(table: str) -> str:
    return ".".join(f'"{part}"' for part in table.split("."))


class _Warehouse:
    """The build file being checked, and the previously published warehouse."""

    def __init__(self, settings: Settings, run_id: str):
        path = build_path(settings, run_id)
        self.path = path if path.exists() else settings.warehouse_path
        self.con = duckdb.connect(str(self.path), read_only=True)
        self.published = settings.warehouse_path
        self._previous: dict[str, int | None] = {}

    def close(self) -> None:
        self.con.close()

    def query(self, sql: str) -> list[Any]:
        return [row[0] for row in self.con.execute(sql).fetchall()]

    def previous_row_count(self, table: str) -> int | None:
        if table not in self._previous:
            self._previous[table] = _count(self.published, table) if self.published != self.path else None
        return self._previous[table]

    def context(self) -> CheckContext:
        return CheckContext(query=self.query, previous_row_count=self.previous_row_count)

    def frame(self, suite: Suite, where: str | None = None):
        """The suite's table (the rows ``where`` selects); for a quarantining suite, without
        the rows it quarantined."""
        conditions = [where] if where else []
        if suite.lineage:
            source = suite.table.removeprefix("raw.")
            conditions.append(f'"{suite.lineage["rad_id"]}" not in (select rad_id from raw.karantan '
                              f"where kalla_tabell = '{source}')")
        sql = f"select * from {_quote(suite.table)}" + (" where " + " and ".join(conditions) if conditions else "")
        return self.con.execute(sql + " order by rowid" if where else sql).df()

    def result(self, suite: Suite) -> SuiteResult:
        """The suite run on its table; a raw fact table one batch of whole documents at a
        time when every expectation of the suite is document-local (same outcome, flat memory)."""
        column = PER_DOCUMENT.get(suite.table.removeprefix("raw."))
        if not suite.is_raw or column is None or not document_local(suite, column):
            return run_suite(suite, self.frame(suite), self.context())
        batches = self.document_batches(suite.table, column)
        if len(batches) <= 1:
            return run_suite(suite, self.frame(suite), self.context())
        parts = []
        for docs in batches:
            listing = ", ".join("'" + d.replace("'", "''") + "'" for d in docs)
            parts.append(run_suite(suite, self.frame(suite, f'"{column}" in ({listing})'), self.context()))
        return merge_results(suite, parts)

    def document_batches(self, table: str, column: str) -> list[list[str]]:
        """The table's documents in table order, in batches of at most CHUNK_ROWS rows."""
        counts = self.con.execute(f'select "{column}", count(*) from {_quote(table)} group by 1 '
                                  f"order by min(rowid)").fetchall()
        batches: list[list[str]] = []
        rows = 0
        for doc, n in counts:
            if doc is None:
                return []   # rows without a document: judged as one table
            if not batches or rows + n > CHUNK_ROWS:
                batches.append([])
                rows = 0
            batches[-1].append(doc)
            rows += n
        return batches

    def quarantined(self, suite: Suite) -> tuple[Counter, list[dict[str, Any]]]:
        source = suite.table.removeprefix("raw.")
        rows = self.con.execute(
            "select regel, orsak, filnamn, sida, rad_id from raw.karantan where kalla_tabell = ? order by rad_id, regel",
            [source],
        ).fetchall()
        counts = Counter(r[0] for r in rows)
        # one example per rule first, then more up to five
        seen: set[str] = set()
        firsts = [r for r in rows if not (r[0] in seen or seen.add(r[0]))]
        chosen = (firsts + [r for r in rows if r not in firsts])[:5]
        examples = [{"regel": r[0], "orsak": r[1], "filnamn": r[2], "sida": r[3]} for r in chosen]
        return counts, examples


def _count(path: Path, table: str) -> int | None:
    if not path.exists():
        return None
    try:
        con = duckdb.connect(str(path), read_only=True)
    except duckdb.Error:
        return None
    try:
        return con.execute(f"select count(*) from {_quote(table)}").fetchone()[0]
    except duckdb.Error:
        return None
    finally:
        con.close()


def _markdown(rows: list[dict[str, Any]]) -> str:
    if not rows:
        return ""
    cols = list(dict.fromkeys(k for r in rows for k in r))
    cell = lambda v: "" if v is None else str(v).replace("|", "\\|").replace("\n", " ")[:120]  # noqa: E731
    lines = ["| " + " | ".join(cols) + " |", "|" + "---|" * len(cols)]
    lines += ["| " + " | ".join(cell(r.get(c)) for c in cols) + " |" for r in rows]
    return "\n".join(lines)


def summary_line(result: SuiteResult, quarantined: Counter | None = None) -> str:
    """One line for the run summary and the UI: what failed, how many rows, why."""
    parts = [f.describe() for f in result.failed]
    if quarantined:
        per_rule = ", ".join(f"{regel} {n}" for regel, n in sorted(quarantined.items()))
        parts.insert(0, f"{sum(quarantined.values())} rader i karantän ({per_rule})")
    if result.skipped:
        parts.append(f"{len(result.skipped)} förväntningar hoppades över (kolumn saknas)")
    if not parts:
        return f"alla {result.evaluated} förväntningar godkända ({result.rows} rader)"
    return "; ".join(parts)


def check_result(suite: Suite, result: SuiteResult, quarantined: Counter | None = None,
                 quarantine_examples: list[dict[str, Any]] | None = None) -> dg.AssetCheckResult:
    held = sum((quarantined or {}).values())
    examples = quarantine_examples or next(
        ([e if isinstance(e, dict) else {"varde": e} for e in f.examples] for f in result.failed if f.examples), [])
    metadata: dict[str, Any] = {
        "rader": result.rows,
        "forvantningar": result.evaluated,
        "misslyckade": len(result.failed),
        "underkanda_rader": sum(f.unexpected_count or len(f.index) for f in result.failed),
        "sammanfattning": summary_line(result, quarantined),
        "detaljer": dg.MetadataValue.json([f.to_json() for f in result.failed]),
    }
    if examples:
        metadata["exempel"] = dg.MetadataValue.md(_markdown(examples))
    if suite.lineage is not None:
        metadata["karantan"] = held
        metadata["karantan_per_regel"] = dg.MetadataValue.json(dict(quarantined or {}))
    if result.skipped:
        metadata["hoppade_over"] = dg.MetadataValue.text("\n".join(result.skipped))
        metadata["antal_hoppade_over"] = len(result.skipped)
    return dg.AssetCheckResult(
        asset_key=asset_key(suite),
        check_name=check_name(suite),
        passed=result.success and not held,
        severity=dg.AssetCheckSeverity.ERROR if suite.blocking and not result.success else dg.AssetCheckSeverity.WARN,
        metadata=metadata,
        description=suite.meta.get("notes"),
    )


def _spec(suite: Suite) -> dg.AssetCheckSpec:
    kind = "blocking" if suite.blocking else "warning"
    return dg.AssetCheckSpec(
        name=check_name(suite), asset=asset_key(suite), blocking=suite.blocking,
        description=f"Great Expectations suite {suite.path.name} ({kind}): {suite.meta.get('notes', '')}".strip(),
    )


def gx_check_step(name: str, suites: list[Suite]) -> dg.AssetChecksDefinition:
    by_key = {dg.AssetCheckKey(asset_key(s), check_name(s)): s for s in suites}

    @dg.multi_asset_check(specs=[_spec(s) for s in suites], name=name, can_subset=True,
                          description=f"Great Expectations suites on the {name.removeprefix('gx_')} tables")
    def _checks(context: dg.AssetCheckExecutionContext):
        warehouse = _Warehouse(Settings.from_env(), context.run.run_id)
        try:
            for key, suite in by_key.items():
                if key not in context.selected_asset_check_keys:
                    continue
                result = warehouse.result(suite)
                held, examples = warehouse.quarantined(suite) if suite.lineage else (None, None)
                check = check_result(suite, result, held, examples)
                if not check.passed:
                    context.log.warning(f"{check_name(suite)}: {check.metadata['sammanfattning'].value}")
                yield check
        finally:
            warehouse.close()

    return _checks


def gx_checks() -> list[dg.AssetChecksDefinition]:
    """The check steps for every suite whose table is an asset of this code location (a
    suite for a table that no longer exists is left out with a warning, not a crash)."""
    known = set(dbt_modeller().keys) | set(lager_raw.keys)
    suites = []
    for suite in load_suites():
        if asset_key(suite) in known:
            suites.append(suite)
        else:
            logging.getLogger(__name__).warning("%s: table %s is not an asset; suite skipped", suite.path.name, suite.table)
    raw = [s for s in suites if s.is_raw]
    marts = [s for s in suites if not s.is_raw]
    return [step for step in (gx_check_step("gx_raw", raw) if raw else None,
                              gx_check_step("gx_marts", marts) if marts else None) if step]
