"""Report ingestion assets: the inbox intake, and the extraction of the documents (partitions) a run covers."""


import re
import warnings

import dagster as dg

from pipelines.assets import extraction
from pipelines.assets.extraction import extract_many
from pipelines.config import Settings, workers
from pipelines.reports.extract import EXTRACTOR_VERSION
from pipelines.reports.intake.inbox import intake, pending
from pipelines.reports.model import AVVISAD, DocumentInfo

GROUP = "rapporter"
dokument_partitions = dg.DynamicPartitionsDefinition(name="dokument")
# Partition keys stay the content hash; runs and materializations carry the file name.
FILNAMN_TAG = "kommunlager/filnamn"
# Dagster tag values: at most 63 characters of letters, digits, '_', '-' and '.'.
_TAG_UNSAFE = re.compile(r"[^A-Za-z0-9_.-]+")
_TAG_MAX = 63


def tag_value(name: str) -> str:
    """A file name as a valid Dagster tag value: other characters (å, ä, ö, spaces) become
    '_', and a long name keeps its start and its extension. The whole name stays in the
    materialization's ``filnamn`` metadata; an invalid tag would fail the whole run."""
    value = _TAG_UNSAFE.sub("_", name).strip("_") or "_"
    if len(value) <= _TAG_MAX:
        return value
    stem, dot, ext = value.rpartition(".")
    suffix = f"_.{ext}" if dot and stem and len(ext) <= 8 else "_"
    return value[:_TAG_MAX - len(suffix)].rstrip("_.-") + suffix


# One evaluation per document: a rejected file shows as a warning on its partition, not green.
with warnings.catch_warnings():  # partitioned checks are a preview feature in dagster 1.13
    warnings.simplefilter("ignore", dg.PreviewWarning)
    STATUS_CHECK = dg.AssetCheckSpec(
        "dokument_laddat", asset="rapport_fakta", partitions_def=dokument_partitions,
        description="Warns when the document was rejected (status avvisad, with the reason); the file name in metadata.",
    )


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


def status_check(context: dg.AssetExecutionContext, infos: dict[str, DocumentInfo]) -> dg.AssetCheckResult:
    """The ``dokument_laddat`` evaluation of each document of this run (partition → info).

    One partition: the result itself (Dagster files it under the step's partition). Several
    (a run over many partitions): one evaluation per partition logged here, and a result
    for the run as a whole that counts the rejected ones."""
    def meta(info: DocumentInfo) -> dict:
        return {"filnamn": info.filnamn or "", "status": info.status, "orsak": info.orsak or ""}

    if len(infos) == 1:
        info = next(iter(infos.values()))
        return dg.AssetCheckResult(passed=info.status != AVVISAD, severity=dg.AssetCheckSeverity.WARN,
                                   metadata=meta(info), description=info.orsak or None)
    for key, info in infos.items():
        context.log_event(dg.AssetCheckEvaluation(
            asset_key=STATUS_CHECK.asset_key, check_name=STATUS_CHECK.name, passed=info.status != AVVISAD,
            severity=dg.AssetCheckSeverity.WARN, partition=key, metadata=meta(info), description=info.orsak or None))
    bad = [i.filnamn for i in infos.values() if i.status == AVVISAD]
    return dg.AssetCheckResult(passed=not bad, severity=dg.AssetCheckSeverity.WARN,
                               metadata={"dokument": len(infos), "avvisade": "\n".join(bad) or "inga"})


def tag_file_name(context: dg.AssetExecutionContext, name: str) -> None:
    """The file name as a run tag, so the run list names the document (one-document runs)."""
    if context.has_partition_key and name:
        context.instance.add_run_tags(context.run_id, {FILNAMN_TAG: tag_value(name)})


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
    check_specs=[STATUS_CHECK],
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
    infos: dict[str, DocumentInfo] = {}
    for outcome in extract_many(settings, keys, n_workers):
        if outcome.error:
            failed.append(f"{outcome.filnamn}: {outcome.error}")
            context.log.error(failed[-1])
            continue
        if outcome.traceback:
            context.log.error(outcome.traceback)
        if outcome.warning:
            context.log.warning(outcome.warning)
        yield dg.AssetMaterialization(asset_key=context.asset_key, partition=outcome.sha256, metadata=outcome.metadata,
                                      tags={FILNAMN_TAG: tag_value(outcome.filnamn)})
        info = DocumentInfo(filnamn=outcome.filnamn)
        info.status, info.orsak = outcome.metadata.get("status"), outcome.metadata.get("orsak") or None
        infos[outcome.sha256] = info
    if len(keys) == 1 and infos:
        tag_file_name(context, next(iter(infos.values())).filnamn)
    if infos:
        yield status_check(context, infos)
    if failed:
        raise dg.Failure(
            description=f"{len(failed)} av {len(keys)} dokument kunde inte extraheras: {failed[0]}",
            metadata={"misslyckade": dg.MetadataValue.text("\n".join(failed))},
        )
