"""Settings from the environment (SPEC: Configuration).

Everything that depends on where data lives is read here and nowhere else. Settings are
read when asked for (``Settings.from_env()``), never frozen at import time, so tests can
point a fresh data dir at the same code.
"""

from __future__ import annotations

import os
import shutil
import sys
from dataclasses import dataclass, field
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DBT_PROJECT_DIR = PROJECT_ROOT / "dbt_project"
EXPECTATIONS_DIR = PROJECT_ROOT / "expectations"
DEFAULT_SHARED_DIR = PROJECT_ROOT.parent / "shared"

DEFAULT_KOLADA_BASE_URL = "https://api.kolada.se/v3"

# Telemetry off for every tool we drive (dbt, GX, Dagster's own is set in dagster.yaml).
TELEMETRY_OFF = {
    "DBT_SEND_ANONYMOUS_USAGE_STATS": "false",
    "DO_NOT_TRACK": "1",
    "GX_ANALYTICS_ENABLED": "false",
    "DAGSTER_DISABLE_TELEMETRY": "1",
}


def expectations_dir() -> Path:
    """Where the Great Expectations suites are read from (``KOMMUNLAGER_EXPECTATIONS_DIR``)."""
    return Path(os.environ.get("KOMMUNLAGER_EXPECTATIONS_DIR", str(EXPECTATIONS_DIR)))


def disable_telemetry() -> None:
    for key, value in TELEMETRY_OFF.items():
        os.environ.setdefault(key, value)


def dbt_executable() -> str:
    """The dbt of this environment, also when the virtualenv is not activated."""
    beside = Path(sys.executable).parent / "dbt"
    return str(beside) if beside.exists() else (shutil.which("dbt") or "dbt")


def _truthy(value: str | None) -> bool:
    return (value or "").strip().lower() in {"1", "true", "yes", "ja", "on"}


def _paths(value: str | None) -> list[Path]:
    if not value:
        return []
    return [Path(p).expanduser().resolve() for p in value.split(os.pathsep) if p.strip()]


@dataclass(frozen=True)
class Settings:
    data_dir: Path
    kolada_base_url: str = DEFAULT_KOLADA_BASE_URL
    kolada_offline: bool = False
    kolada_snapshot_dir: Path | None = None
    # Extra folders scanned for reports besides the inbox (``make run`` adds the samples).
    report_sources: tuple[Path, ...] = field(default_factory=tuple)
    shared_dir: Path = DEFAULT_SHARED_DIR

    @classmethod
    def from_env(cls) -> Settings:
        data_dir = Path(os.environ.get("KOMMUNLAGER_DATA_DIR", "data")).expanduser().resolve()
        shared = Path(os.environ.get("KOMMUNLAGER_SHARED_DIR", str(DEFAULT_SHARED_DIR))).resolve()
        snapshot_env = os.environ.get("KOLADA_SNAPSHOT_DIR")
        if snapshot_env:
            snapshot: Path | None = Path(snapshot_env).expanduser().resolve()
        else:
            default = shared / "kolada" / "samples"
            snapshot = default if default.is_dir() else None
        return cls(
            data_dir=data_dir,
            kolada_base_url=os.environ.get("KOLADA_BASE_URL", DEFAULT_KOLADA_BASE_URL).rstrip("/"),
            kolada_offline=_truthy(os.environ.get("KOLADA_OFFLINE")),
            kolada_snapshot_dir=snapshot,
            report_sources=tuple(_paths(os.environ.get("KOMMUNLAGER_REPORT_SOURCES"))),
            shared_dir=shared,
        )

    # --- folders under the data dir -------------------------------------------------
    @property
    def inbox_reports(self) -> Path:
        return self.data_dir / "inbox" / "reports"

    @property
    def inbox_kolada(self) -> Path:
        return self.data_dir / "inbox" / "kolada"

    @property
    def lake_dir(self) -> Path:
        """The raw layer: immutable files keyed by content hash."""
        return self.data_dir / "lake"

    @property
    def warehouse_dir(self) -> Path:
        return self.data_dir / "warehouse"

    @property
    def warehouse_path(self) -> Path:
        """The published warehouse analysts read."""
        return self.warehouse_dir / "kommunlager.duckdb"

    @property
    def build_dir(self) -> Path:
        """Warehouses under construction, one file per run; never read by analysts."""
        return self.warehouse_dir / ".bygg"

    @property
    def dagster_home(self) -> Path:
        return Path(os.environ.get("DAGSTER_HOME") or (self.data_dir / "dagster")).resolve()

    def report_folders(self) -> list[Path]:
        return [self.inbox_reports, *self.report_sources]

    def ensure_dirs(self) -> None:
        from pipelines.lib.files import private_dir, warehouse_modes

        for d in (self.inbox_reports, self.inbox_kolada):
            d.mkdir(parents=True, exist_ok=True)
        private_dir(self.lake_dir)          # unmasked originals: the owner's alone (docs/quality.md)
        private_dir(self.warehouse_dir, warehouse_modes()[1])
        private_dir(self.build_dir)


EXECUTORS = ("in_process", "multiprocess", "k8s", "celery")


def workers() -> int:
    """Processes extracting documents side by side (``KOMMUNLAGER_WORKERS``, default: the
    cores this process may use). 1 extracts in the run's own process."""
    value = os.environ.get("KOMMUNLAGER_WORKERS", "").strip()
    if value:
        if not value.isdigit() or int(value) < 1:
            raise ValueError(f"KOMMUNLAGER_WORKERS={value!r}: expected a whole number ≥ 1")
        return int(value)
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def batch_size() -> int:
    """Most documents one extraction run covers (``KOMMUNLAGER_BATCH_SIZE``, default 500):
    the sensor and the schedule split what waits into runs of at most this many, so on a
    cluster several runs can extract side by side and one failed run retries only its part."""
    value = os.environ.get("KOMMUNLAGER_BATCH_SIZE", "").strip() or "500"
    if not value.isdigit() or int(value) < 1:
        raise ValueError(f"KOMMUNLAGER_BATCH_SIZE={value!r}: expected a whole number ≥ 1")
    return int(value)


def executor_name() -> str:
    """How runs execute their steps (``KOMMUNLAGER_EXECUTOR``): in_process (default: tests,
    `kommunlager run`), multiprocess (one machine), k8s or celery (a cluster)."""
    value = os.environ.get("KOMMUNLAGER_EXECUTOR", "").strip().lower() or "in_process"
    if value not in EXECUTORS:
        raise ValueError(f"KOMMUNLAGER_EXECUTOR={value!r}: expected one of {', '.join(EXECUTORS)}")
    return value


DAGSTER_YAML = """\
# Written by kommunlager (pipelines/config.py). Safe to edit; it is not overwritten.
telemetry:
  enabled: false
concurrency:
  runs:
    max_concurrent_runs: 4
    tag_concurrency_limits:
      # Only one run at a time may build and publish the warehouse (one DuckDB writer).
      - key: "kommunlager/lager"
        limit: 1
  pools:
    default_limit: 1
# A run whose process died (killed, machine restarted) is marked failed and its pool slots
# are freed, so the next nightly build is not blocked behind it; a nightly load that hangs
# for 3 hours is failed too. (`kommunlager run` also recovers its own dead runs.)
run_monitoring:
  enabled: true
  start_timeout_seconds: 600
  max_runtime_seconds: 10800
  free_slots_after_run_end_seconds: 300
"""


def prepare_dagster_home(settings: Settings) -> Path:
    """Make sure DAGSTER_HOME exists with our dagster.yaml and is exported."""
    home = settings.dagster_home
    home.mkdir(parents=True, exist_ok=True)
    config = home / "dagster.yaml"
    if not config.exists():
        config.write_text(DAGSTER_YAML, encoding="utf-8")
    os.environ["DAGSTER_HOME"] = str(home)
    return home
