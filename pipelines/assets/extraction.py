"""Extraction of many documents in one step, in a pool of processes.

``extract_one`` is the work of one ``rapport_fakta`` partition: find the document's bytes
in the lake, run the extractor (``reports.extract.extract_file_or_reason``, unchanged), write facts
and info to the lake. It is pure in the sense that matters here: file in, lake files out,
keyed by content hash, so documents can be extracted in any order and in any process and
the lake (and so the marts) is the same. ``extract_many`` runs it for a batch of
partitions, in-process for one worker, else in a ``ProcessPoolExecutor`` of
``KOMMUNLAGER_WORKERS`` processes; each outcome is a small dict (the partition's metadata)
or a one-line error, so a broken document never stops the others.

This module imports no Dagster: the pool's processes import only the extractor.
"""

from __future__ import annotations

import multiprocessing
from collections import Counter
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pipelines.config import Settings
from pipelines.reports.extract import EXTRACTOR_VERSION, extract_file_or_reason, rejected
from pipelines.reports.intake import lake


@dataclass
class Outcome:
    sha256: str
    filnamn: str
    metadata: dict[str, Any] = field(default_factory=dict)
    error: str | None = None      # one line: why this document could not be extracted
    warning: str | None = None    # the document's orsak (rejected or partly read)
    traceback: str | None = None  # an unexpected extractor failure (the document is avvisad), for the log


def extract_one(settings: Settings, sha: str) -> Outcome:
    """Extract one document (partition key = SHA-256 of its bytes) into the raw layer. A
    rejected document is a success with status avvisad; only a missing input is an error."""
    seen = lake.current_sightings(settings, sha)   # the file where it is now first (a move)
    name = seen[0]["filnamn"] if seen else sha[:12]
    failure = None
    try:
        source = lake.find_input(settings, sha)
        kommun = next((s["kommun_kod_mapp"] for s in seen if s.get("kommun_kod_mapp")), None)
        too_big = lake.oversized_reason(settings, sha)
        if source is None and too_big:
            result = rejected(seen[0]["filnamn"], too_big, kommun_kod=kommun)
            result.info.sha256, result.info.storlek = sha, seen[0]["storlek"]
        elif source is None:
            return Outcome(sha, name, error=f"dokument {sha[:12]}: filen saknas i lake/filer (run the intake first)")
        else:
            # the folder it was dropped in (not lake/filer/) is the kommun hint a name folder gives
            folder = Path(seen[0]["sokvag"]).parent.name if seen else None
            name = seen[0]["filnamn"] if seen else source.name
            result, failure = extract_file_or_reason(source, filename=name, kommun_kod=kommun, folder=folder)
            result.info.sha256, result.info.storlek = sha, source.stat().st_size
        lake.write_extraction(settings, sha, EXTRACTOR_VERSION, result)
    except Exception as exc:  # noqa: BLE001 - one broken document never stops the batch
        first = (str(exc).strip().splitlines() or [type(exc).__name__])[0]
        return Outcome(sha, name, error=f"{type(exc).__name__}: {first}"[:300])
    per_schema = Counter(f.schema for f in result.facts)
    return Outcome(sha, result.info.filnamn, warning=result.info.orsak or None, traceback=failure, metadata={
        "filnamn": result.info.filnamn,
        "status": result.info.status,
        "orsak": result.info.orsak or "",
        "fakta": len(result.facts),
        **{f"fakta_{k}": v for k, v in sorted(per_schema.items())},
        "sidor": result.info.sidor or 0,
        "extraktor_version": EXTRACTOR_VERSION,
    })


def _size(settings: Settings, sha: str) -> int:
    source = lake.find_input(settings, sha)
    return source.stat().st_size if source else 0


# Called once per finished document (done, total, file name) when set: `kommunlager run`
# executes in-process and shows per-document progress through it.
Progress = Callable[[int, int, str], None]
progress_hook: Progress | None = None


# Fewer documents than this are extracted in the run's own process: starting a pool of
# fresh interpreters (importing the extractor) costs about a second, more than a few small
# documents take (the sensor's usual run is one or two new files).
MIN_POOL_DOCUMENTS = 8


def extract_many(settings: Settings, keys: list[str], workers: int) -> Iterator[Outcome]:
    """Outcomes of ``extract_one`` for every key, as documents finish (any order)."""
    total = len(keys)
    workers = max(1, min(workers, total))
    if workers == 1 or total < MIN_POOL_DOCUMENTS:
        outcomes: Iterator[Outcome] = (extract_one(settings, sha) for sha in keys)
    else:
        outcomes = _pooled(settings, keys, workers)
    for done, outcome in enumerate(outcomes, start=1):
        if progress_hook:
            progress_hook(done, total, outcome.filnamn)
        yield outcome


def _pooled(settings: Settings, keys: list[str], workers: int) -> Iterator[Outcome]:
    # Largest first, so one big report does not finish alone at the end. "spawn": workers
    # start clean (no copy of Dagster's threads and locks) and read the current environment.
    order = sorted(keys, key=lambda k: -_size(settings, k))
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
        futures = {pool.submit(extract_one, settings, sha): sha for sha in order}
        for future in as_completed(futures):
            sha = futures[future]
            try:
                yield future.result()
            except Exception as exc:  # noqa: BLE001 - a worker that died (killed, out of memory)
                name = next((s["filnamn"] for s in lake.sightings(settings, sha)), sha[:12])
                yield Outcome(sha, name, error=f"extraktionsprocessen avbröts ({type(exc).__name__}: {exc})"[:300])
