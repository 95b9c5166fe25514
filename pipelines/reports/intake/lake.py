"""The reports' part of the raw layer ("lake") under ``$KOMMUNLAGER_DATA_DIR/lake``.

Layout (every file is written once, atomically, and never changed afterwards):

    lake/filer/<sha256><.ext>                  the input file's bytes, as received
    lake/inkorg/<sha256>--<pathhash>.json      one sighting of a file: path, name, kommun folder
    lake/inkorg_nu.json                        the last scan's listing: which sightings are in the
                                               inbox now (the one file rewritten: when that changes)
    lake/fakta/<extractor-version>/<sha256>.parquet   extracted facts (FACT_ARROW_SCHEMA)
    lake/fakta/<extractor-version>/<sha256>.json      DocumentInfo of that extraction
    lake/kolada/...                            Kolada raw pages and normalised values (kolada/store.py)

The warehouse is rebuilt from these files alone (``warehouse.build``).
"""

from __future__ import annotations

import hashlib
import os
import shutil
from pathlib import Path
from typing import Any

from pipelines.config import Settings
from pipelines.lib.files import PRIVATE_FILE, now_iso, private_dir, read_json, sha256_file, write_json, write_parquet
from pipelines.reports.intake.registry import CHANGED_WHILE_READ, InboxFile
from pipelines.reports.model import DocumentInfo, ExtractionError, ExtractionResult, facts_to_table
from pipelines.reports.read.guard import check_size, sniff


def input_path(settings: Settings, sha256: str, suffix: str) -> Path:
    return settings.lake_dir / "filer" / f"{sha256}{suffix.lower()}"


def find_input(settings: Settings, sha256: str) -> Path | None:
    """The stored bytes of a document. The same bytes may arrive under two extensions
    (a text report also saved as ``x.pdf``): then the copy whose extension matches the
    content is the one to extract, so the document is not rejected for the wrong name."""
    matches = sorted(p for p in (settings.lake_dir / "filer").glob(f"{sha256}*") if not p.name.startswith("."))
    if len(matches) > 1:
        with matches[0].open("rb") as fh:
            what = sniff(fh.read(4096))
        expected = {"en PDF": ".pdf", "ett ZIP-arkiv (t.ex. Word/Excel)": ".docx", None: ".txt"}.get(what)
        matches.sort(key=lambda p: p.suffix.lower() != expected)
    return matches[0] if matches else None


def sighting_path(settings: Settings, item: InboxFile) -> Path:
    path_hash = hashlib.sha256(str(item.path).encode()).hexdigest()[:16]
    return settings.lake_dir / "inkorg" / f"{item.sha256}--{path_hash}.json"


def register(settings: Settings, item: InboxFile, intag: str | None = None) -> bool:
    """Keep the file's bytes and this sighting in the lake. True when the sighting is new.

    The copy is verified against the hash computed at scan time, so a file that changed
    while being read is not registered under the wrong content (the next scan sees it).
    A file over the size limit is not copied: the sighting says why (``ej_kopierad``) and
    the document is rejected from it (``oversized_reason``). When the limit is raised later,
    the next sighting keeps the bytes and the rejection is dropped, so it is extracted again.
    A symbolic link out of the inbox (``item.refused``) is recorded the same way, with the
    refusal as ``ej_kopierad``: its target is never read.
    ``intag`` is the time the scan started: equal for every file one scan finds, so files that
    arrive together are ordered by their content, not by the second each was copied in.
    """
    sighting = sighting_path(settings, item)
    too_big = item.refused or _oversized(item.name, item.size)
    target = input_path(settings, item.sha256, item.path.suffix)
    retry = sighting.exists()        # seen before, too large then (else returned here)
    # the common case, every scan: seen and kept. Only a sighting without bytes is read.
    if retry and (too_big or target.exists() or not read_json(sighting).get("ej_kopierad")):
        return False
    if not too_big and not target.exists():
        tmp = target.with_name(f".{target.name}.{os.getpid()}.tmp")
        private_dir(target.parent)
        try:
            shutil.copyfile(item.path, tmp)
            os.chmod(tmp, PRIVATE_FILE)      # the original, names and all: never world-readable
            if sha256_file(tmp) != item.sha256:
                raise OSError(f"{item.name}: {CHANGED_WHILE_READ}")
            os.replace(tmp, target)
        finally:
            tmp.unlink(missing_ok=True)
    write_json(
        sighting,
        {
            "sha256": item.sha256,
            "filnamn": item.name,
            "sokvag": str(item.path),
            "storlek": item.size,
            "kommun_kod_mapp": item.kommun_kod,
            "sedd": now_iso(),
            "intag": intag or now_iso(),
            **({"ej_kopierad": too_big} if too_big else {}),
        },
    )
    if not too_big:
        _forget_size_rejection(settings, item.sha256, retried=retry)
    return True


def _forget_size_rejection(settings: Settings, sha256: str, retried: bool) -> None:
    """The bytes are kept now: earlier sightings lose their ``ej_kopierad`` and the rejected
    extraction is removed, so the document is extracted from its bytes."""
    rejected = retried
    for path in (settings.lake_dir / "inkorg").glob(f"{sha256}--*.json"):
        record = read_json(path)
        if record.pop("ej_kopierad", None):
            write_json(path, record)
            rejected = True
    if rejected:
        for info in (settings.lake_dir / "fakta").glob(f"*/{sha256}.json"):
            info.unlink(missing_ok=True)


def _oversized(name: str, size: int) -> str | None:
    try:
        check_size(name, size)
    except ExtractionError as exc:
        return str(exc)
    return None


def oversized_reason(settings: Settings, sha256: str) -> str | None:
    """Why a document's bytes were not kept (too large when it arrived, or a link out of
    the inbox), or None."""
    return next((s["ej_kopierad"] for s in sightings(settings, sha256) if s.get("ej_kopierad")), None)




def sightings(settings: Settings, sha256: str | None = None) -> list[dict[str, Any]]:
    pattern = f"{sha256}--*.json" if sha256 else "*.json"
    return [read_json(p) for p in sorted((settings.lake_dir / "inkorg").glob(pattern))]


# --- what is in the inbox now (moves and withdrawals) ---------------------------------
#
# Sightings are history: a file moved into a kommun folder has two, a deleted file keeps its
# own. The listing says which of them the last scan found. A sighting no scan finds any more
# is gone: its document is withdrawn (tillbakadragen) when no sighting of it is left; a
# sighting under a folder that could not be read (an unmounted share) counts as still there,
# so an unreachable source withdraws nothing.

def inventory_path(settings: Settings) -> Path:
    return settings.lake_dir / "inkorg_nu.json"


def write_inventory(settings: Settings, scanned_at: str, folders: list[Path], paths: list[Path]) -> None:
    """Write the listing when it changed (a scan that finds the inbox as it was writes nothing)."""
    listing = {
        "mappar": [str(f) for f in folders if f.is_dir()],
        "ej_tillgangliga": [str(f) for f in folders if not f.is_dir()],
        "sokvagar": sorted(str(p) for p in paths),
    }
    try:
        before = read_json(inventory_path(settings))
        before.pop("andrad", None)
    except (OSError, ValueError):
        before = None
    if before != listing:
        write_json(inventory_path(settings), {"andrad": scanned_at, **listing})


def in_inbox(settings: Settings):
    """A predicate on a sighting's ``sokvag``: is that file in the inbox now? Without a
    listing (a lake from before listings) every sighting counts as present."""
    try:
        listing = read_json(inventory_path(settings))
    except (OSError, ValueError):
        return lambda sokvag: True
    present = set(listing.get("sokvagar") or [])
    unreachable = [Path(f) for f in listing.get("ej_tillgangliga") or []]

    def check(sokvag: str | None) -> bool:
        if not sokvag:
            return True
        return sokvag in present or any(Path(sokvag).is_relative_to(f) for f in unreachable)
    return check


def current_sightings(settings: Settings, sha256: str) -> list[dict[str, Any]]:
    """A document's sightings, those in the inbox now first (the file's current name and folder)."""
    here = in_inbox(settings)
    return sorted(sightings(settings, sha256), key=lambda s: not here(s.get("sokvag")))


def extraction_dir(settings: Settings, version: str) -> Path:
    return settings.lake_dir / "fakta" / version


def has_extraction(settings: Settings, sha256: str, version: str) -> bool:
    return (extraction_dir(settings, version) / f"{sha256}.json").exists()


def write_extraction(settings: Settings, sha256: str, version: str, result: ExtractionResult) -> None:
    """Facts first, then the info file: the info file's presence marks a complete extraction."""
    folder = extraction_dir(settings, version)
    write_parquet(folder / f"{sha256}.parquet", facts_to_table(result.facts, dokument_id=sha256))
    info = result.info.to_dict() | {"sha256": sha256, "extraherad": now_iso()}
    write_json(folder / f"{sha256}.json", info)


def read_extraction_info(settings: Settings, sha256: str, version: str) -> DocumentInfo | None:
    path = extraction_dir(settings, version) / f"{sha256}.json"
    if not path.exists():
        return None
    data = read_json(path)
    data.pop("extraherad", None)
    return DocumentInfo(**data)
