"""Report ingestion assets: the inbox intake and one extraction per document (partition)."""


import warnings
from collections import Counter
from pathlib import Path

import dagster as dg

from pipelines.config import Settings
from pipelines.reports.extract import EXTRACTOR_VERSION, extract_file, rejected
from pipelines.reports.model import AVVISAD, DocumentInfo
from pipelines.reports.intake.inbox import intake, pending
from pipelines.reports.intake import lake

GROUP = "rapporter"
dokument_partitions = dg.DynamicPartitionsDefinition(name="dokument")
# Partition keys stay the content hash; runs and materializations carry the file name.
FILNAMN_TAG = "kommunlager/filnamn"
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
        context.instance.add_run_tags(context.run_id, {FILNAMN_TAG: name})


@dg.asset(
    group_name=GROUP,
    partitions_def=dokument_partitions,
    deps=[inkorg_rapporter],
    kinds={"python", "parquet"},
    tags={"kommunlager/steg": "extraktion"},
    check_specs=[STATUS_CHECK],
)
def rapport_fakta(context: dg.AssetExecutionContext) -> dg.MaterializeResult:
    """Extract the facts of one document (partition key = SHA-256 of its bytes) into the
    raw layer. A rejected document is a successful materialization with status avvisad."""
    settings = Settings.from_env()
    sha = context.partition_key
    source = lake.find_input(settings, sha)
    seen = lake.sightings(settings, sha)
    kommun = next((s["kommun_kod_mapp"] for s in seen if s.get("kommun_kod_mapp")), None)
    too_big = lake.oversized_reason(settings, sha)
    if source is None and too_big:
        result = rejected(seen[0]["filnamn"], too_big, kommun_kod=kommun)
        result.info.sha256, result.info.storlek = sha, seen[0]["storlek"]
    elif source is None:
        raise dg.Failure(f"dokument {sha[:12]}: filen saknas i lake/filer (run the intake first)")
    else:
        # the folder it was dropped in (not lake/filer/) is the kommun hint a name folder gives
        folder = Path(seen[0]["sokvag"]).parent.name if seen else None
        name = seen[0]["filnamn"] if seen else source.name
        result = extract_file(source, filename=name, kommun_kod=kommun, folder=folder)
        result.info.sha256, result.info.storlek = sha, source.stat().st_size
    name = result.info.filnamn
    tag_file_name(context, name)
    lake.write_extraction(settings, sha, EXTRACTOR_VERSION, result)
    per_schema = Counter(f.schema for f in result.facts)
    if result.info.orsak:
        context.log.warning(result.info.orsak)
    return dg.MaterializeResult(
        metadata={
            "filnamn": name,
            "status": result.info.status,
            "orsak": result.info.orsak or "",
            "fakta": len(result.facts),
            **{f"fakta_{k}": v for k, v in sorted(per_schema.items())},
            "sidor": result.info.sidor or 0,
            "extraktor_version": EXTRACTOR_VERSION,
        },
        tags={FILNAMN_TAG: name},
        check_results=[status_check(context, {sha: result.info})],
    )
