"""Jobs, the nightly schedule and the inbox sensor."""


import dagster as dg

from pipelines.assets.reports import add_new_partitions, dokument_partitions, rapport_fakta
from pipelines.assets.warehouse import WRITER_TAGS
from pipelines.config import Settings
from pipelines.reports.extract import EXTRACTOR_VERSION
from pipelines.reports.intake.inbox import intake, pending

# One document per run: a new file never reprocesses the others, and runs can fan out.
rapport_job = dg.define_asset_job(
    "rapport_job",
    selection=dg.AssetSelection.assets(rapport_fakta),
    partitions_def=dokument_partitions,
    description="Extract one document (partition = content hash) into the raw layer.",
)

# Everything unpartitioned: intake, Kolada, warehouse build, checks, publish. In-process,
# so only one step at a time touches the warehouse file.
nattlig_job = dg.define_asset_job(
    "nattlig_job",
    selection=dg.AssetSelection.all() - dg.AssetSelection.assets(rapport_fakta),
    executor_def=dg.in_process_executor,
    tags=WRITER_TAGS,
    description="Nightly load: intake, Kolada, build the warehouse, run the checks, publish.",
)

nattlig_schedule = dg.ScheduleDefinition(
    name="nattlig_laddning",
    job=nattlig_job,
    cron_schedule="0 2 * * *",
    execution_timezone="Europe/Stockholm",
    default_status=dg.DefaultScheduleStatus.RUNNING,
    description="02:00 Europe/Stockholm: the nightly load (documents are extracted by the inbox sensor).",
)


@dg.sensor(
    job=rapport_job,
    minimum_interval_seconds=30,
    default_status=dg.DefaultSensorStatus.RUNNING,
    description="Picks up new files in $KOMMUNLAGER_DATA_DIR/inbox/reports/: one extraction run per new document.",
)
def inkorg_sensor(context: dg.SensorEvaluationContext) -> dg.SensorResult:
    settings = Settings.from_env()
    found = intake(settings)
    known = set(context.instance.get_dynamic_partitions(dokument_partitions.name))
    new = [d for d in found.document_ids if d not in known]
    todo = pending(settings, found.document_ids, EXTRACTOR_VERSION)
    if not todo and not new:
        return dg.SensorResult(skip_reason=f"{len(found.document_ids)} dokument, inget nytt")
    return dg.SensorResult(
        run_requests=[dg.RunRequest(partition_key=d, run_key=f"{d}:{EXTRACTOR_VERSION}") for d in todo],
        dynamic_partitions_requests=[dokument_partitions.build_add_request(new)] if new else [],
    )


__all__ = ["rapport_job", "nattlig_job", "nattlig_schedule", "inkorg_sensor", "add_new_partitions"]
