"""The Dagster code location (`pipelines.definitions:defs`)."""

from __future__ import annotations

from functools import cache

import dagster as dg
from dagster_dbt import DbtCliResource

from pipelines.config import DBT_PROJECT_DIR, dbt_executable, disable_telemetry

disable_telemetry()

from pipelines.assets.automation import inkorg_sensor, nattlig_job, nattlig_schedule, rapport_job  # noqa: E402
from pipelines.assets.kolada import kolada_exportfiler, kolada_metadata, kolada_varden  # noqa: E402
from pipelines.assets.pages import rapportsidor  # noqa: E402
from pipelines.assets.quality import gx_checks  # noqa: E402
from pipelines.assets.reports import inkorg_rapporter, rapport_fakta  # noqa: E402
from pipelines.assets.warehouse import dbt_modeller, lager_raw, publicerat_lager  # noqa: E402



def resources() -> dict:
    return {"dbt": DbtCliResource(
            project_dir=str(DBT_PROJECT_DIR), profiles_dir=str(DBT_PROJECT_DIR), dbt_executable=dbt_executable()
        )}


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
        schedules=[nattlig_schedule],
        sensors=[inkorg_sensor],
        resources=resources(),
    )
