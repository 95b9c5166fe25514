"""Jobs, the nightly schedules and the inbox sensor.

Extraction runs cover many documents each: a run is a range of ``dokument`` partitions
(``rapport_fakta`` has a single-run backfill policy), so each document keeps its own
partition, status and metadata in the UI without paying a Dagster run of its own. The
waiting documents are split into ranges of consecutive partitions (the order they were
registered in) of at most ``KOMMUNLAGER_BATCH_SIZE``; documents an unfinished run already
covers are left out, so a new file arriving mid-run does not extract the others twice.
"""

from __future__ import annotations

import dagster as dg

from pipelines.assets.reports import add_new_partitions, dokument_partitions, rapport_fakta
from pipelines.assets.warehouse import WRITER_TAGS
from pipelines.config import Settings, batch_size
from pipelines.reports.extract import EXTRACTOR_VERSION
from pipelines.reports.intake.inbox import intake, pending

RANGE_START = "dagster/asset_partition_range_start"
RANGE_END = "dagster/asset_partition_range_end"
# Extraction runs the nightly schedule started carry the night they belong to; the
# warehouse build of that night starts when they have all finished (efter_nattlig_extraktion).
NIGHT_TAG = "kommunlager/natt"
UNFINISHED = [dg.DagsterRunStatus.QUEUED, dg.DagsterRunStatus.NOT_STARTED, dg.DagsterRunStatus.STARTING,
              dg.DagsterRunStatus.STARTED]

# Many documents per run: a new file never reprocesses the others, and runs can fan out.
rapport_job = dg.define_asset_job(
    "rapport_job",
    selection=dg.AssetSelection.assets(rapport_fakta),
    partitions_def=dokument_partitions,
    description="Extract documents (a range of partitions = content hashes) into the raw layer.",
)

# Everything unpartitioned: intake, Kolada, warehouse build, checks, publish. In-process
# whatever KOMMUNLAGER_EXECUTOR says, so only one step at a time touches the warehouse file.
nattlig_job = dg.define_asset_job(
    "nattlig_job",
    selection=dg.AssetSelection.all() - dg.AssetSelection.assets(rapport_fakta),
    executor_def=dg.in_process_executor,
    tags=WRITER_TAGS,
    description="Nightly load: intake, Kolada, build the warehouse, run the checks, publish.",
)


def batches(order: list[str], todo: list[str], size: int | None = None) -> list[list[str]]:
    """``todo`` as runs of consecutive partitions of ``order``, each at most ``size`` long."""
    size = size or batch_size()
    wanted = set(todo)
    out: list[list[str]] = []
    current: list[str] = []
    for key in order:
        if key in wanted and len(current) < size:
            current.append(key)
            continue
        if current:
            out.append(current)
        current = [key] if key in wanted else []
    if current:
        out.append(current)
    return out


def range_tags(batch: list[str]) -> dict[str, str]:
    return {RANGE_START: batch[0], RANGE_END: batch[-1]}


def in_flight(instance: dg.DagsterInstance, order: list[str]) -> set[str]:
    """Documents an unfinished extraction run covers."""
    index = {k: i for i, k in enumerate(order)}
    covered: set[str] = set()
    for run in instance.get_runs(filters=dg.RunsFilter(job_name=rapport_job.name, statuses=UNFINISHED)):
        start, end = run.tags.get(RANGE_START), run.tags.get(RANGE_END)
        if start in index and end in index:
            covered.update(order[index[start]:index[end] + 1])
        elif run.tags.get("dagster/partition"):
            covered.add(run.tags["dagster/partition"])
    return covered


def extraction_requests(instance: dg.DagsterInstance, order: list[str], todo: list[str],
                        tags: dict[str, str] | None = None) -> list[dg.RunRequest]:
    """One run request per batch of waiting documents no unfinished run covers yet. A batch
    of one is an ordinary one-partition run."""
    busy = in_flight(instance, order)
    requests = []
    for batch in batches(order, [d for d in todo if d not in busy]):
        run_key = f"{batch[0]}:{EXTRACTOR_VERSION}" if len(batch) == 1 else \
            f"{batch[0]}..{batch[-1]}:{len(batch)}:{EXTRACTOR_VERSION}"
        if len(batch) == 1:
            requests.append(dg.RunRequest(partition_key=batch[0], run_key=run_key, tags=tags or {}))
        else:
            requests.append(dg.RunRequest(run_key=run_key, tags={**range_tags(batch), **(tags or {})}))
    return requests


def _scan(instance: dg.DagsterInstance) -> tuple[list[str], list[str], list[str]]:
    """(partition order including the new documents, new documents, waiting documents)."""
    settings = Settings.from_env()
    found = intake(settings)
    known = instance.get_dynamic_partitions(dokument_partitions.name)
    new = [d for d in found.document_ids if d not in set(known)]
    return [*known, *new], new, pending(settings, found.document_ids, EXTRACTOR_VERSION)


@dg.sensor(
    job=rapport_job,
    minimum_interval_seconds=30,
    default_status=dg.DefaultSensorStatus.RUNNING,
    description="Picks up new files in $KOMMUNLAGER_DATA_DIR/inbox/reports/: extraction runs of up to "
                "KOMMUNLAGER_BATCH_SIZE new documents each.",
)
def inkorg_sensor(context: dg.SensorEvaluationContext) -> dg.SensorResult:
    order, new, todo = _scan(context.instance)
    if not todo and not new:
        return dg.SensorResult(skip_reason=f"{len(order)} dokument, inget nytt")
    return dg.SensorResult(
        run_requests=extraction_requests(context.instance, order, todo),
        dynamic_partitions_requests=[dokument_partitions.build_add_request(new)] if new else [],
    )


def _night(context: dg.ScheduleEvaluationContext) -> str:
    try:
        return context.scheduled_execution_time.isoformat()
    except Exception:  # noqa: BLE001 - evaluated by hand (no tick): the night is today
        from datetime import date

        return date.today().isoformat()


@dg.schedule(
    job=rapport_job,
    cron_schedule="0 2 * * *",
    execution_timezone="Europe/Stockholm",
    default_status=dg.DefaultScheduleStatus.RUNNING,
    description="02:00 Europe/Stockholm: extract the documents the inbox sensor has not handled (sensor off, "
                "or a failed run); the night's load starts when these runs have finished.",
)
def nattlig_extraktion(context: dg.ScheduleEvaluationContext):
    order, new, todo = _scan(context.instance)
    if new:
        add_new_partitions(context.instance, new)
    requests = extraction_requests(context.instance, order, todo, tags={NIGHT_TAG: _night(context)})
    return requests or dg.SkipReason("inga dokument väntar på extraktion")


@dg.schedule(
    job=nattlig_job,
    cron_schedule="0 2 * * *",
    execution_timezone="Europe/Stockholm",
    default_status=dg.DefaultScheduleStatus.RUNNING,
    description="02:00 Europe/Stockholm: the nightly load; when documents wait for extraction it leaves the "
                "night to efter_nattlig_extraktion, which starts the load once they are extracted.",
)
def nattlig_laddning(context: dg.ScheduleEvaluationContext):
    order, _, todo = _scan(context.instance)
    waiting = [d for d in todo if d not in in_flight(context.instance, order)]
    if waiting:
        return dg.SkipReason(f"{len(waiting)} dokument väntar: laddningen startar när de är extraherade")
    return dg.RunRequest(run_key=f"nattlig:{_night(context)}", tags={NIGHT_TAG: _night(context)})


@dg.sensor(
    job=nattlig_job,
    minimum_interval_seconds=60,
    default_status=dg.DefaultSensorStatus.RUNNING,
    description="Starts the night's load once the extraction runs the nightly schedule started have finished.",
)
def efter_nattlig_extraktion(context: dg.SensorEvaluationContext):
    latest = context.instance.get_runs(filters=dg.RunsFilter(job_name=rapport_job.name), limit=200)
    nights = [r.tags[NIGHT_TAG] for r in latest if NIGHT_TAG in r.tags]
    if not nights:
        return dg.SkipReason("ingen nattlig extraktion")
    night = max(nights)
    of_night = [r for r in latest if r.tags.get(NIGHT_TAG) == night]
    if any(not r.is_finished for r in of_night):
        return dg.SkipReason(f"nattens extraktion ({len(of_night)} körningar) pågår")
    return dg.RunRequest(run_key=f"nattlig:{night}", tags={NIGHT_TAG: night})


__all__ = ["rapport_job", "nattlig_job", "nattlig_extraktion", "nattlig_laddning", "inkorg_sensor",
           "efter_nattlig_extraktion", "add_new_partitions", "batches", "extraction_requests", "range_tags"]
