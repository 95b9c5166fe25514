"""Report ingestion assets: the inbox intake and one extraction per document (partition)."""


from collections import Counter
from pathlib import Path

import dagster as dg

from pipelines.config import Settings
from pipelines.reports.extract import EXTRACTOR_VERSION, extract_file, rejected
from pipelines.reports.intake.inbox import intake, pending
from pipelines.reports.intake import lake

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


@dg.asset(
    group_name=GROUP,
    partitions_def=dokument_partitions,
    deps=[inkorg_rapporter],
    kinds={"python", "parquet"},
    tags={"kommunlager/steg": "extraktion"},
)
def rapport_fakta(context: dg.AssetExecutionContext) -> dg.MaterializeResult:
    """Extract the facts of one document (partition key = SHA-256 of its bytes) into the
    raw layer. A rejected document is a successful materialization with status avvisad."""
    settings = Settings.from_env()
    sha = context.partition_key
    source = lake.find_input(settings, sha)
    seen = lake.current_sightings(settings, sha)   # the file where it is now first (a move)
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
        }
    )
