"""Publishing a built warehouse, and reading the published one.

Publishing is one ``os.replace`` of a complete, checkpointed file over
``warehouse/kommunlager.duckdb``: an analyst's open read-only connection keeps reading
the old file (its inode lives on until closed), new connections see the new one, and a
run that fails before this step leaves the last good warehouse in place.
"""

from __future__ import annotations

import os
from pathlib import Path

import duckdb

from pipelines.config import Settings
from pipelines.lib.files import remove_stale

# Build files of runs that died are removed after this long (a live run is far shorter).
STALE_BUILD_SECONDS = 24 * 3600


class WarehouseMissing(Exception):
    pass


def _fsync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def publish(settings: Settings, built: Path) -> Path:
    if not built.exists():
        raise FileNotFoundError(f"{built}: det byggda lagret saknas (nothing to publish)")
    con = duckdb.connect(str(built))
    try:
        con.execute("checkpoint")
    finally:
        con.close()
    built.with_suffix(".duckdb.wal").unlink(missing_ok=True)
    _fsync(built)
    target = settings.warehouse_path
    target.parent.mkdir(parents=True, exist_ok=True)
    os.replace(built, target)
    _fsync(target.parent)
    clean_stale_builds(settings)
    return target


def clean_stale_builds(settings: Settings, max_age: float = STALE_BUILD_SECONDS) -> list[Path]:
    """Build files of runs that died (a live run touches its file far more often)."""
    return remove_stale(settings.build_dir.glob("*.duckdb*"), max_age)


def connect_readonly(settings: Settings) -> duckdb.DuckDBPyConnection:
    path = settings.warehouse_path
    if not path.exists():
        raise WarehouseMissing(f"{path}: inget publicerat lager ännu (run 'kommunlager run' first)")
    return duckdb.connect(str(path), read_only=True)
