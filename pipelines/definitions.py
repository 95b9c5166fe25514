"""The Dagster code location (`pipelines.definitions:defs`)."""

from __future__ import annotations

from functools import cache

import dagster as dg
from dagster_dbt import DbtCliResource

from pipelines.config import DBT_PROJECT_DIR, dbt_executable, disable_telemetry, executor_name

disable_telemetry()

from pipelines.assets.automation import (  # noqa: E402
    efter_nattlig_extraktion, inkorg_sensor, nattlig_extraktion, nattlig_job, nattlig_laddning, rapport_job,
)
from pipelines.assets.kolada import kolada_exportfiler, kolada_metadata, kolada_varden  # noqa: E402
from pipelines.assets.pages import rapportsidor  # noqa: E402
from pipelines.assets.quality import gx_checks  # noqa: E402
from pipelines.assets.reports import inkorg_rapporter, rapport_fakta  # noqa: E402
from pipelines.assets.warehouse import dbt_modeller, lager_raw, publicerat_lager  # noqa: E402



def resources() -> dict:
    return {"dbt": DbtCliResource(
            project_dir=str(DBT_PROJECT_DIR), profiles_dir=str(DBT_PROJECT_DIR), dbt_executable=dbt_executable()
        )}


def executor(name: str | None = None) -> dg.ExecutorDefinition:
    """The executor of every job but the warehouse build (``KOMMUNLAGER_EXECUTOR``).

    in_process: one process (tests, `kommunlager run`); multiprocess: a process per step on
    one machine; k8s / celery: a pod / a Celery worker per step (dagster-k8s, dagster-celery,
    installed where a cluster runs it; deploy/). ``nattlig_job`` keeps the in-process
    executor whatever this says: the warehouse build stays one writer."""
    name = name or executor_name()
    if name == "in_process":
        return dg.in_process_executor
    if name == "multiprocess":
        return dg.multiprocess_executor
    try:
        if name == "k8s":
            from dagster_k8s import k8s_job_executor
            return k8s_job_executor
        from dagster_celery import celery_executor
        return celery_executor
    except ImportError as exc:
        package = "dagster-k8s" if name == "k8s" else "dagster-celery"
        raise RuntimeError(f"KOMMUNLAGER_EXECUTOR={name}: {package} is not installed ({exc})") from exc


@dg.definitions
def defs() -> dg.Definitions:
    """The code location, built on first use (dagster loads it lazily; callers call ``defs()``)."""
    return _defs()


@cache
def _defs() -> dg.Definitions:
    return dg.Definitions(
        assets=[inkorg_rapporter, rapport_fakta, kolada_metadata, kolada_varden, kolada_exportfiler,
                lager_raw, dbt_modeller(), publicerat_lager(), rapportsidor],
        asset_checks=gx_checks(),
        jobs=[rapport_job, nattlig_job],
        schedules=[nattlig_extraktion, nattlig_laddning],
        sensors=[inkorg_sensor, efter_nattlig_extraktion],
        resources=resources(),
        executor=executor(),
    )
