"""Report ingestion assets: the inbox intake and one extraction per document (partition)."""


import warnings

import dagster as dg

from pipelines.assets import extraction
from pipelines.assets.extraction import extract_many
from pipelines.config import Settings, workers
from pipelines.reports.extract import EXTRACTOR_VERSION
from pipelines.reports.intake.inbox import intake, pending

GROUP = "rapporter"
dokument_partitions = dg.DynamicPartitionsDefinition(name="dokument")


def add_new_partitions(instance: dg.DagsterInstance, document_ids: list[str]) -> list[str]:
    known = set(instance.get_dynamic_partitions(dokument_partitions.name))
    new = [d for d in document_ids if d not in known]
    if new:
        instance.add_dynamic_partitions(dokument_partitions.name, new)
    return new


@dg.asset(group_name=GROUP, kinds={"python", "file"})
def inkorg_rapporter(context: dg.AssetExecutionContext) -> dg.MaterializeResult:
    """Scan inbox/reports (and extra report folders), keep new files in the raw layer and
    register one `dokument` partition per distinct content."""
    settings = Settings.from_env()
    result = intake(settings)
    new = add_new_partitions(context.instance, result.document_ids)
    waiting = pending(settings, result.document_ids, EXTRACTOR_VERSION)
    for problem in result.problems:
        context.log.warning(problem)
    return dg.MaterializeResult(
        metadata={
            "filer": len(result.files),
            "dokument": len(result.document_ids),
            "nya_partitioner": len(new),
            "nya_filer": result.new_sightings,
            "vantar_pa_extraktion": len(waiting),
            "problem": "\n".join(result.problems) or "inga",
        }
    )


# backfill_policy is beta in dagster 1.13; the single-run policy is what batched runs need.
warnings.filterwarnings("ignore", category=dg.BetaWarning, message=".*backfill_policy.*")


@dg.asset(
    group_name=GROUP,
    partitions_def=dokument_partitions,
    deps=[inkorg_rapporter],
    kinds={"python", "parquet"},
    tags={"kommunlager/steg": "extraktion"},
    # One run may cover many documents (a range of partitions): each still gets its own
    # materialization, status and metadata, without paying a Dagster run per document.
    backfill_policy=dg.BackfillPolicy.single_run(),
    output_required=False,
)
def rapport_fakta(context: dg.AssetExecutionContext):
    """Extract the facts of each document of this run (partition key = SHA-256 of its
    bytes) into the raw layer, ``KOMMUNLAGER_WORKERS`` documents side by side. A rejected
    document is a successful materialization with status avvisad; a document that could
    not be extracted at all is not materialized, and the run fails after the others."""
    settings = Settings.from_env()
    keys = list(context.partition_keys)
    n_workers = min(workers(), len(keys)) if len(keys) >= extraction.MIN_POOL_DOCUMENTS else 1
    if len(keys) > 1:
        context.log.info(f"{len(keys)} dokument, {n_workers} processer")
    failed = []
    for outcome in extract_many(settings, keys, n_workers):
        if outcome.error:
            failed.append(f"{outcome.filnamn}: {outcome.error}")
            context.log.error(failed[-1])
            continue
        if outcome.traceback:
            context.log.error(outcome.traceback)
        if outcome.warning:
            context.log.warning(outcome.warning)
        yield dg.AssetMaterialization(asset_key=context.asset_key, partition=outcome.sha256, metadata=outcome.metadata)
    if failed:
        raise dg.Failure(
            description=f"{len(failed)} av {len(keys)} dokument kunde inte extraheras: {failed[0]}",
            metadata={"misslyckade": dg.MetadataValue.text("\n".join(failed))},
        )
