"""What a warehouse was built from, as one hash: a night whose inputs equal the published
warehouse's builds nothing.

The fingerprint covers everything a build reads: the raw tables as they would be staged
(their content, hashed as an Arrow stream), the Kolada value files DuckDB reads straight from
the lake (name, size, modification time: they are written once and never changed), and the
code and rules that turn them into marts and checks (the ``pipelines`` package, the dbt
project, the expectation suites). The published warehouse keeps its fingerprint in
``raw.lager_indata``, with a quick fingerprint of the same inputs taken from file
metadata only (``quick_fingerprint``): a night whose quick fingerprint matches reads
nothing; one whose files were touched but not changed is recognised by the content, and
its quick fingerprint is kept beside the warehouse (``remember_quick``) so the next night
reads nothing again. A
warehouse from before fingerprints, or none, is always rebuilt.
``KOMMUNLAGER_FULL_BUILD=1`` (``kommunlager run --full``) rebuilds regardless.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterable, Mapping
from pathlib import Path

import duckdb
import pyarrow as pa

from pipelines.config import DBT_PROJECT_DIR, PROJECT_ROOT, Settings, expectations_dir
from pipelines.kolada.store import kolada_dir
from pipelines.lib.files import read_json, write_json
from pipelines.reports.intake import lake
from pipelines.warehouse.readonly import WarehouseMissing, connect_readonly

TABLE = "raw.lager_indata"
FULL_BUILD_ENV = "KOMMUNLAGER_FULL_BUILD"
# Not inputs: dbt's own output and caches, Python byte code.
_SKIP_DIRS = {"target", "logs", "dbt_packages", "__pycache__", ".pytest_cache"}


class _HashSink:
    """A write-only file object that feeds a hash (so an Arrow stream is never held whole)."""

    def __init__(self, digest) -> None:
        self.digest = digest
        self.closed = False

    def write(self, data) -> int:
        self.digest.update(data)
        return len(data)

    def flush(self) -> None:
        pass

    def close(self) -> None:
        self.closed = True


def _hash_table(digest, name: str, table: pa.Table) -> None:
    digest.update(f"\0table {name} {table.num_rows}\0".encode())
    with pa.ipc.new_stream(pa.PythonFile(_HashSink(digest), mode="w"), table.schema) as writer:
        writer.write_table(table)


def _files(root: Path) -> Iterable[Path]:
    for folder, dirs, files in os.walk(root):
        dirs[:] = sorted(d for d in dirs if d not in _SKIP_DIRS and not d.startswith("."))
        for name in sorted(files):
            if not name.endswith((".pyc", ".duckdb", ".wal")):
                yield Path(folder) / name


def code_fingerprint() -> str:
    """The code, dbt project and expectation suites a build runs, by content."""
    digest = hashlib.sha256()
    for root in (PROJECT_ROOT / "pipelines", DBT_PROJECT_DIR, expectations_dir()):
        if not root.is_dir():
            digest.update(f"\0missing {root.name}\0".encode())
            continue
        for path in _files(root):
            digest.update(f"\0{path.relative_to(root).as_posix()}\0".encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


def input_fingerprint(tables: Mapping[str, pa.Table], direct_files: Mapping[str, list[Path]], code: str) -> str:
    """The fingerprint of one build: the staged tables, the directly read files, and the
    code (``code_fingerprint()``, taken once per build by the caller)."""
    digest = hashlib.sha256(code.encode())
    for name in sorted(tables):
        _hash_table(digest, name, tables[name])
    for name in sorted(direct_files):
        for path in direct_files[name]:
            st = path.stat()
            digest.update(f"\0{name} {path.name} {st.st_size} {st.st_mtime_ns}\0".encode())
    return digest.hexdigest()


def _stat_line(digest, root: Path, path: Path) -> None:
    st = path.stat()
    digest.update(f"\0{path.relative_to(root).as_posix()} {st.st_size} {st.st_mtime_ns}\0".encode())


def quick_fingerprint(settings: Settings, extractor_version: str, code: str) -> str:
    """The same inputs, known without reading them: the code by content, and the lake files
    the raw layer is read from by name, size and modification time (lake files are written
    once, by an atomic rename), and what the raw layer reads of the inbox listing.

    Cost: a stat per file, so a night with nothing new stays flat as history grows."""
    digest = hashlib.sha256(code.encode())
    lake_dir = settings.lake_dir
    for folder in (lake_dir / "inkorg", lake.extraction_dir(settings, extractor_version), kolada_dir(settings)):
        digest.update(f"\0dir {folder.name}\0".encode())
        if folder.is_dir():
            for path in _files(folder):
                _stat_line(digest, lake_dir, path)
    digest.update(_listing(settings))
    return digest.hexdigest()


def _listing(settings: Settings) -> bytes:
    """What the raw layer takes from the inbox listing (``lake.in_inbox``): the files found
    and the folders that could not be read; not when or from which folders it was taken."""
    try:
        data = json.loads(lake.inventory_path(settings).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return b"\0no listing\0"
    kept = {k: sorted(data.get(k) or []) for k in ("sokvagar", "ej_tillgangliga")}
    return json.dumps(kept, ensure_ascii=False).encode()


def write_fingerprint(con: duckdb.DuckDBPyConnection, fingerprint: str, quick: str) -> None:
    con.execute(f"create or replace table {TABLE} (fingerprint varchar, snabb varchar)")
    con.execute(f"insert into {TABLE} values (?, ?)", [fingerprint, quick])


def _seen_path(settings: Settings) -> Path:
    return settings.warehouse_path.with_suffix(".indata.json")


def remember_quick(settings: Settings, fingerprint: str, quick: str) -> None:
    """A night whose files were touched but whose content was unchanged: its quick
    fingerprint is kept beside the published warehouse (a published file is never written
    again), so the next such night reads nothing either."""
    write_json(_seen_path(settings), {"fingerprint": fingerprint, "snabb": quick})


def published_fingerprints(settings: Settings) -> tuple[str | None, set[str]]:
    """The published warehouse's fingerprint and the quick fingerprints known to stand for
    it (its own, and the one ``remember_quick`` kept for it); (None, ∅) when there is no
    warehouse or it has none."""
    try:
        con = connect_readonly(settings.warehouse_path)
    except (WarehouseMissing, duckdb.Error):
        return None, set()
    try:
        row = con.execute(f"select fingerprint, snabb from {TABLE}").fetchone()
    except duckdb.Error:
        return None, set()
    finally:
        con.close()
    if not row:
        return None, set()
    quicks = {row[1]}
    try:
        seen = read_json(_seen_path(settings))
        if seen.get("fingerprint") == row[0] and seen.get("snabb"):
            quicks.add(seen["snabb"])
    except (OSError, ValueError, AttributeError):
        pass
    return row[0], quicks


def full_build_forced() -> bool:
    return os.environ.get(FULL_BUILD_ENV, "").strip().lower() in ("1", "true", "ja", "yes")
