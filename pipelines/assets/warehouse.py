"""Warehouse assets: stage the raw layer into this run's build file, dbt, publish.

The dbt assets come from dbt's manifest, which is prepared on first use (``dbt_project()``),
not when this module is imported: importing the code location costs no ``dbt parse``.
"""

import json
import os
import subprocess
from functools import cache

import dagster as dg
from dagster_dbt import DagsterDbtTranslator, DagsterDbtTranslatorSettings, DbtCliResource, DbtProject, dbt_assets

from pipelines.assets.kolada import kolada_exportfiler, kolada_metadata, kolada_varden
from pipelines.assets.reports import inkorg_rapporter, rapport_fakta
from pipelines.config import DBT_PROJECT_DIR, TELEMETRY_OFF, Settings, dbt_executable
from pipelines.reports.extract import EXTRACTOR_VERSION
from pipelines.warehouse.build import RAW_TABLES, PreparedRaw, build_path, prepare_raw, stage_raw
from pipelines.warehouse.fingerprint import (code_fingerprint, full_build_forced, published_fingerprints,
                                             quick_fingerprint, remember_quick)
from pipelines.warehouse.publish import publish

MODELS_GROUP = "modeller"
PUBLISH_GROUP = "publicering"
# Runs that write a warehouse file carry this tag; dagster.yaml limits them to one at a time.
WRITER_TAGS = {"kommunlager/lager": "bygg"}

@cache
def dbt_project() -> DbtProject:
    """The dbt project, its manifest prepared (once per process)."""
    project = DbtProject(project_dir=DBT_PROJECT_DIR, profiles_dir=DBT_PROJECT_DIR)
    ensure_manifest(project)
    return project


def ensure_manifest(project: DbtProject) -> None:
    """`dbt parse` when there is no manifest yet, and on every load under `dagster dev`.

    Outside `dagster dev` dagster-dbt expects a prepared manifest; `make` prepares it too,
    this only makes a bare `kommunlager run` or a test on a fresh checkout work."""
    if project.manifest_path.exists() and not os.environ.get("DAGSTER_IS_DEV_CLI"):
        return
    cmd = [dbt_executable(), "parse", "--quiet", "--project-dir", str(project.project_dir),
           "--profiles-dir", str(project.profiles_dir)]
    done = subprocess.run(cmd, capture_output=True, text=True, env=os.environ | TELEMETRY_OFF)
    if done.returncode != 0 or not project.manifest_path.exists():
        raise RuntimeError(f"dbt parse failed: {(done.stdout + done.stderr).strip()[-2000:]}")


class Translator(DagsterDbtTranslator):
    """Asset keys: dbt source raw.<t> → raw/<t>; marts (schema main) → <model>, the name
    analysts query; staging and intermediate models → <schema>/<model>. All in `modeller`."""

    def get_asset_key(self, dbt_resource_props) -> dg.AssetKey:
        if dbt_resource_props["resource_type"] == "source":
            return dg.AssetKey(["raw", dbt_resource_props["name"]])
        if dbt_resource_props.get("schema") == "main":
            return dg.AssetKey([dbt_resource_props["name"]])
        return super().get_asset_key(dbt_resource_props)

    def get_group_name(self, dbt_resource_props) -> str:
        return MODELS_GROUP


def _stage(context: dg.AssetExecutionContext, settings: Settings, prepared: PreparedRaw | None = None):
    db = build_path(settings, context.run_id)
    counts = stage_raw(settings, db, EXTRACTOR_VERSION, prepared)
    context.log.info(f"raw layer staged into {db}: {counts}")
    return db, counts


# Metadata of the observation a no-change night records on raw/inkorg (runner.py reads it).
UNCHANGED_KEY = "oforandrat"


def _raw_deps(table: str) -> list:
    if table == "inkorg":
        return [inkorg_rapporter]
    if table in ("dokument", "rapport_fakta"):
        return [rapport_fakta]
    return [kolada_varden, kolada_exportfiler] if table == "kolada_varden" else [kolada_metadata]


@dg.multi_asset(
    specs=[
        dg.AssetSpec(["raw", t], group_name=MODELS_GROUP, deps=_raw_deps(t), kinds={"duckdb"}, skippable=True,
                     description=f"raw.{t} in this run's warehouse file, copied from the raw layer")
        for t in RAW_TABLES
    ],
    pool="kommunlager_lager",
)
def lager_raw(context: dg.AssetExecutionContext):
    """A new warehouse file for this run, holding the raw layer in schema `raw`.

    When the raw layer, the Kolada files and the code equal what the published warehouse
    was built from (its fingerprint), nothing is staged: dbt, the checks and the publication
    are skipped and the published warehouse stays (a flat no-change night)."""
    settings = Settings.from_env()
    published, published_quick = (None, set()) if full_build_forced() else published_fingerprints(settings)
    code = code_fingerprint()
    quick = quick_fingerprint(settings, EXTRACTOR_VERSION, code)
    prepared, how = None, None
    if published and quick in published_quick:
        how = "filerna"                    # nothing read: the lake's files are as published
    else:
        prepared = prepare_raw(settings, EXTRACTOR_VERSION, code, quick)
        if published and prepared.fingerprint == published:
            how = "innehållet"             # files touched, content the same
            remember_quick(settings, published, quick)
    if how:
        context.log.info(f"indata oförändrade sedan det publicerade lagret ({how}, {published[:12]}): "
                         "inget byggs, lagret ligger kvar")
        yield dg.AssetObservation(asset_key=["raw", "inkorg"], metadata={
            UNCHANGED_KEY: True, "fingerprint": published, "jamfort": how})
        return
    _, counts = _stage(context, settings, prepared)
    for table, rows in counts.items():
        yield dg.MaterializeResult(asset_key=["raw", table], metadata={"dagster/row_count": rows})


@cache
def dbt_modeller() -> dg.AssetsDefinition:
    """The dbt models, seeds and tests as assets and asset checks (from the manifest)."""
    project = dbt_project()

    @dbt_assets(
        manifest=project.manifest_path,
        project=project,
        name="dbt_modeller",
        dagster_dbt_translator=Translator(settings=DagsterDbtTranslatorSettings(enable_asset_checks=True)),
        pool="kommunlager_lager",
    )
    def _dbt_modeller(context: dg.AssetExecutionContext, dbt: DbtCliResource):
        """dbt build (models, seeds and tests) into this run's warehouse file."""
        settings = Settings.from_env()
        db = build_path(settings, context.run_id)
        if not db.exists():  # dbt selected without lager_raw in the same run: stage first
            db, _ = _stage(context, settings)
        args = ["build", "--vars", json.dumps({"warehouse_path": str(db)})]
        yield from dbt.cli(args, context=context).stream()

    return _dbt_modeller


def mart_keys() -> list[dg.AssetKey]:
    """The marts: the dbt models analysts query (schema main), asset keys without a prefix."""
    return sorted((k for k in dbt_modeller().keys if len(k.path) == 1), key=lambda k: k.path[-1])


@cache
def publicerat_lager() -> dg.AssetsDefinition:
    """The publication step, after every mart."""

    @dg.asset(name="publicerat_lager", group_name=PUBLISH_GROUP, deps=mart_keys(), kinds={"duckdb"},
              pool="kommunlager_lager")
    def _publicerat_lager(context: dg.AssetExecutionContext) -> dg.MaterializeResult:
        """Atomically replace warehouse/kommunlager.duckdb with this run's checked build.

        Runs only when every blocking check upstream passed (dbt tests and GX suites)."""
        settings = Settings.from_env()
        built = build_path(settings, context.run_id)
        if not built.exists():
            raise dg.Failure(f"{built.name}: inget byggt lager i denna körning (build the models in the same run)")
        target = publish(settings, built)
        return dg.MaterializeResult(metadata={"lager": dg.MetadataValue.path(str(target))})

    return _publicerat_lager
