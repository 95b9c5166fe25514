"""Kolada assets: metadata, values (API, or the snapshot when offline) and export files.

Each asset says in its metadata where the data came from (``kalla``; ``offline_orsak`` when
the snapshot stood in for the API), what it read and wrote, and every problem as one line.
``run_lines`` gives the run summary its Kolada lines from these materializations.
"""

import dagster as dg

from pipelines.config import Settings
from pipelines.kolada.exports import group_row_problems
from pipelines.kolada.kpi_set import KpiSetError, read_kpi_set
from pipelines.kolada.load import LoadResult, load_exports, load_metadata, load_values

GROUP = "kolada"
MAX_PROBLEM_LINES = 1000  # in the asset metadata; the import reports in the lake hold all


def _metadata(result: LoadResult) -> dict:
    meta: dict[str, object] = {
        "kalla": result.kalla,
        "kalla_detalj": result.detalj,
        "offline": result.kalla != "api" and result.what != "exportfiler",
        "sammanfattning": result.summary(),
        "rader": result.rader,
        "nya_rader": result.nya_rader,
        "nya_filer": result.nya_filer,
        "problem_antal": len(result.problems),
        "problem": dg.MetadataValue.json(result.problems[:MAX_PROBLEM_LINES]),
    }
    if result.offline_orsak:
        meta["offline_orsak"] = result.offline_orsak
    if result.laddning:
        meta["laddning"] = result.laddning
    if result.anrop:
        meta["anrop"] = result.anrop
        meta["sidor"] = result.sidor
    if result.hamtad:
        meta["hamtad"] = result.hamtad
    for key, value in result.extra.items():
        meta[key] = dg.MetadataValue.json(value) if isinstance(value, (list, dict)) else value
    return meta


def _log(context: dg.AssetExecutionContext, result: LoadResult) -> dg.MaterializeResult:
    context.log.info(result.summary())
    for problem in result.problems:
        context.log.warning(problem)
    return dg.MaterializeResult(metadata=_metadata(result))


@dg.asset(group_name=GROUP, kinds={"python", "parquet"})
def kolada_metadata(context: dg.AssetExecutionContext) -> dg.MaterializeResult:
    """KPI catalogue, municipalities, municipality and KPI groups: from the API, or from the
    snapshot when offline (KOLADA_OFFLINE=1 or the API cannot be reached)."""
    return _log(context, load_metadata(Settings.from_env()))


def _previous_api_load(context: dg.AssetExecutionContext) -> str | None:
    """The date of the last API load of values (for ``from_date``), from this asset's history.

    Only a load without problems counts: after a partial one, the next load re-pulls the
    last years instead (``from_date`` would skip what the failed requests missed)."""
    event = context.instance.get_latest_materialization_event(context.asset_key)
    mat = event.asset_materialization if event else None
    if mat is None:
        return None
    meta = mat.metadata
    if "hamtad" not in meta or "kalla" not in meta or meta["kalla"].value != "api":
        return None
    if "problem_antal" not in meta or meta["problem_antal"].value:
        return None
    return str(meta["hamtad"].value)[:10]


@dg.asset(group_name=GROUP, kinds={"python", "parquet"}, deps=[kolada_metadata])
def kolada_varden(context: dg.AssetExecutionContext) -> dg.MaterializeResult:
    """Values of the KPI set (pipelines/kolada/kpi_set.yml or $KOLADA_KPI_SET) from the API:
    full history for every KPI × unit not fetched in full yet, then the last years (or
    from_date); only new or changed values are written. Offline: every value in the snapshot."""
    settings = Settings.from_env()
    kpi_set = None
    if not settings.kolada_offline:
        try:
            kpi_set = read_kpi_set()
        except KpiSetError as exc:
            # The warehouse is still built and published with the values already in the lake.
            return _log(context, LoadResult("varden", detalj="KPI-urvalet kunde inte läsas", problems=[str(exc)]))
    return _log(context, load_values(settings, kpi_set, from_date=_previous_api_load(context)))


@dg.asset(group_name=GROUP, kinds={"python", "parquet"}, deps=[kolada_metadata])
def kolada_exportfiler(context: dg.AssetExecutionContext) -> dg.MaterializeResult:
    """Kolada export files dropped in $KOMMUNLAGER_DATA_DIR/inbox/kolada (CSV, XLSX, JSON):
    names mapped to codes through the metadata; every row that cannot be mapped is one
    problem line (also in lake/kolada/importer/)."""
    return _log(context, load_exports(Settings.from_env()))


KOLADA_ASSETS = ("kolada_metadata", "kolada_varden", "kolada_exportfiler")
SUMMARY_PROBLEMS_PER_ASSET = 20


def run_lines(result: dg.ExecuteInProcessResult) -> tuple[list[str], list[str]]:
    """(summary lines, problem lines) of the Kolada assets materialized in ``result``.

    Per-row problems of one file with the same reason become one line listing the rows; at
    most ``SUMMARY_PROBLEMS_PER_ASSET`` lines per asset, then one saying where the rest are."""
    lines: list[str] = []
    problems: list[str] = []
    for event in result.get_asset_materialization_events():
        mat = event.step_materialization_data.materialization
        name = mat.asset_key.to_user_string()
        if name not in KOLADA_ASSETS:
            continue
        meta = mat.metadata
        if "sammanfattning" in meta:
            lines.append(str(meta["sammanfattning"].value))
        found = list(meta["problem"].value) if "problem" in meta else []
        total = int(meta["problem_antal"].value) if "problem_antal" in meta else len(found)
        grouped = group_row_problems(found)
        problems.extend(grouped[:SUMMARY_PROBLEMS_PER_ASSET])
        if len(grouped) > SUMMARY_PROBLEMS_PER_ASSET or total > len(found):
            where = " och i lake/kolada/importer/" if name == "kolada_exportfiler" else ""
            problems.append(f"{name}: fler problem ({total} totalt; se tillgångens metadata i Dagster{where})")
    return lines, problems
