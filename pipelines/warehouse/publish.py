"""Publishing a built warehouse, and reading the published one.

Publishing is one ``os.replace`` of a complete, checkpointed file over
``warehouse/kommunlager.duckdb``: an analyst's open read-only connection keeps reading
the old file (its inode lives on until closed), new connections see the new one, and a
run that fails before this step leaves the last good warehouse in place. The file is 0600
(0640 and its folder 0750 with ``KOMMUNLAGER_WAREHOUSE_GROUP_READ=1``; docs/quality.md).
"""

from __future__ import annotations

import os
from pathlib import Path

import duckdb

from pipelines.config import Settings
from pipelines.lib.files import private_dir, remove_stale, warehouse_modes
from pipelines.warehouse.readonly import WarehouseMissing, connect_readonly as _connect_readonly

__all__ = ["WarehouseMissing", "clean_stale_builds", "connect_readonly", "publish"]

# Build files of runs that died are removed after this long (a live run is far shorter).
STALE_BUILD_SECONDS = 24 * 3600


def _fsync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


class QualityGuardMissing(Exception):
    """The expectations a published warehouse must have passed are not there."""


def quality_guard_problem() -> str | None:
    """Why no warehouse may be published now, or None: without the suites of
    ``KOMMUNLAGER_EXPECTATIONS_DIR`` there is no quarantine and no blocking personal-data check,
    so a build would be published unchecked."""
    from pipelines.config import expectations_dir
    from pipelines.quality.patterns import PERSONAL_DATA_FILE

    folder = expectations_dir()
    where = f"KOMMUNLAGER_EXPECTATIONS_DIR={folder}"
    if not folder.is_dir():
        return f"{where}: mappen finns inte; inget publiceras utan kvalitetskontroller (no expectations)"
    if not any(folder.glob("*.json")):
        return f"{where}: inga förväntningar (*.json); inget publiceras utan kvalitetskontroller (no suites)"
    if not (folder / PERSONAL_DATA_FILE).is_file():
        return f"{where}: {PERSONAL_DATA_FILE} saknas; inget publiceras utan personuppgiftskontrollen"
    return None


def publish(settings: Settings, built: Path) -> Path:
    problem = quality_guard_problem()
    if problem:
        raise QualityGuardMissing(problem)
    if not built.exists():
        raise FileNotFoundError(f"{built}: det byggda lagret saknas (nothing to publish)")
    con = duckdb.connect(str(built))
    try:
        con.execute("checkpoint")
    finally:
        con.close()
    built.with_suffix(".duckdb.wal").unlink(missing_ok=True)
    file_mode, dir_mode = warehouse_modes()
    os.chmod(built, file_mode)
    _fsync(built)
    target = settings.warehouse_path
    private_dir(target.parent, dir_mode)
    os.replace(built, target)
    _fsync(target.parent)
    clean_stale_builds(settings)
    return target


def clean_stale_builds(settings: Settings, max_age: float = STALE_BUILD_SECONDS) -> list[Path]:
    """Build files of runs that died (a live run touches its file far more often)."""
    return remove_stale(settings.build_dir.glob("*.duckdb*"), max_age)


def connect_readonly(settings: Settings) -> duckdb.DuckDBPyConnection:
    """The published warehouse, read-only and unable to write files (``readonly.py``)."""
    return _connect_readonly(settings.warehouse_path)
