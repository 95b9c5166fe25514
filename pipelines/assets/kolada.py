"""Kolada assets: metadata and values into the raw layer."""


import dagster as dg

from pipelines.config import Settings
from pipelines.kolada.snapshot import load_snapshot
from pipelines.kolada.store import write_meta, write_values
from pipelines.warehouse.lake import now_iso

GROUP = "kolada"


def _snapshot(settings: Settings):
    if settings.kolada_snapshot_dir is None or not settings.kolada_snapshot_dir.is_dir():
        return None
    return load_snapshot(settings.kolada_snapshot_dir, now_iso())


@dg.asset(group_name=GROUP, kinds={"python", "parquet"})
def kolada_metadata(context: dg.AssetExecutionContext) -> dg.MaterializeResult:
    """KPI catalogue, municipalities and groups (snapshot until the live client lands)."""
    settings = Settings.from_env()
    load = _snapshot(settings)
    if load is None:
        context.log.warning("Kolada: ingen ögonblicksbild (KOLADA_SNAPSHOT_DIR) hittades")
        return dg.MaterializeResult(metadata={"kalla": "ingen", "nya_filer": 0})
    written = [e for e, t in load.meta.items() if write_meta(settings, e, t)]
    return dg.MaterializeResult(
        metadata={
            "kalla": f"snapshot:{settings.kolada_snapshot_dir}",
            **{f"rader_{e}": t.num_rows for e, t in load.meta.items()},
            "nya_filer": len(written),
        }
    )


@dg.asset(group_name=GROUP, kinds={"python", "parquet"})
def kolada_varden(context: dg.AssetExecutionContext) -> dg.MaterializeResult:
    """Kolada values for the configured KPIs (snapshot until the live client lands)."""
    settings = Settings.from_env()
    load = _snapshot(settings)
    if load is None:
        context.log.warning("Kolada: ingen ögonblicksbild (KOLADA_SNAPSHOT_DIR) hittades")
        return dg.MaterializeResult(metadata={"kalla": "ingen", "varden": 0})
    rows = sum(t.num_rows for t in load.values)
    new = [p for p in (write_values(settings, t) for t in load.values) if p]
    return dg.MaterializeResult(
        metadata={"kalla": f"snapshot:{settings.kolada_snapshot_dir}", "varden": rows, "nya_filer": len(new)}
    )
