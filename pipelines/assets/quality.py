"""Great Expectations suites as Dagster asset checks (one check per suite)."""


import duckdb
import dagster as dg

from pipelines.config import Settings
from pipelines.quality.gx_runner import Suite, load_suites, run_suite
from pipelines.warehouse.build import build_path


def _read_table(context: dg.AssetCheckExecutionContext, table: str):
    """The table from this run's build file (before publishing), else the published one."""
    settings = Settings.from_env()
    path = build_path(settings, context.run.run_id)
    if not path.exists():
        path = settings.warehouse_path
    con = duckdb.connect(str(path), read_only=True)
    try:
        return con.execute(f'select * from "{table}"').df()
    finally:
        con.close()


def gx_check(suite: Suite) -> dg.AssetChecksDefinition:
    @dg.asset_check(
        asset=dg.AssetKey([suite.table]),
        name=f"gx_{suite.name}",
        description=f"Great Expectations suite {suite.path.name} ({'blocking' if suite.blocking else 'warning'})",
        blocking=suite.blocking,
    )
    def _check(context: dg.AssetCheckExecutionContext) -> dg.AssetCheckResult:
        result = run_suite(suite, _read_table(context, suite.table))
        return dg.AssetCheckResult(
            passed=result.success,
            severity=dg.AssetCheckSeverity.ERROR if suite.blocking else dg.AssetCheckSeverity.WARN,
            metadata={
                "rader": result.rows,
                "forvantningar": result.evaluated,
                "misslyckade": len(result.failed),
                "detaljer": dg.MetadataValue.json(result.failed),
            },
        )

    return _check


def gx_checks() -> list[dg.AssetChecksDefinition]:
    return [gx_check(s) for s in load_suites()]
