"""Shared fixtures: a fresh data dir per test, the shared corpus read in place."""

from __future__ import annotations

import fcntl
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from pipelines.config import DEFAULT_SHARED_DIR, PROJECT_ROOT, TELEMETRY_OFF

for _k, _v in TELEMETRY_OFF.items():
    os.environ.setdefault(_k, _v)

SHARED = Path(os.environ.get("KOMMUNLAGER_SHARED_DIR", str(DEFAULT_SHARED_DIR)))
SAMPLES = PROJECT_ROOT / "data" / "samples" / "reports"


def shared_path(*parts: str) -> Path:
    """A file or folder under ../shared, or skip the test saying what is missing."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} is absent: this test reads the shared corpus in place (../shared beside the checkout)")
    return path


@pytest.fixture
def kolada_snapshot() -> Path:
    return shared_path("kolada", "samples")


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty KOMMUNLAGER_DATA_DIR with its own Dagster instance; Kolada offline."""
    data = tmp_path / "data"
    data.mkdir()
    monkeypatch.setenv("KOMMUNLAGER_DATA_DIR", str(data))
    monkeypatch.setenv("DAGSTER_HOME", str(data / "dagster"))
    monkeypatch.setenv("KOLADA_OFFLINE", "1")
    monkeypatch.delenv("KOMMUNLAGER_REPORT_SOURCES", raising=False)
    monkeypatch.delenv("KOMMUNLAGER_EXPECTATIONS_DIR", raising=False)
    return data


@pytest.fixture
def loaded_env(data_dir: Path, kolada_snapshot: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """data_dir with the sample reports as a report source and the shared Kolada snapshot."""
    monkeypatch.setenv("KOMMUNLAGER_REPORT_SOURCES", str(SAMPLES))
    monkeypatch.setenv("KOLADA_SNAPSHOT_DIR", str(kolada_snapshot))
    return data_dir


@pytest.fixture(scope="session")
def _samples_loaded_once(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A data dir after one `kommunlager run` of the sample reports with the Kolada snapshot,
    built once per test session and shared by the xdist workers (a file lock; the first
    worker to ask builds it, in a subprocess so this process's environment stays clean)."""
    snapshot = shared_path("kolada", "samples")
    base = tmp_path_factory.getbasetemp()
    root = base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base
    built = root / "samples_loaded" / "data"
    with open(root / "samples_loaded.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        done = built.parent / "klar"
        if not done.exists():
            shutil.rmtree(built.parent, ignore_errors=True)
            built.mkdir(parents=True)
            env = {k: v for k, v in os.environ.items()
                   if k not in ("KOMMUNLAGER_EXPECTATIONS_DIR", "KOMMUNLAGER_FULL_BUILD")}
            env |= {"KOMMUNLAGER_DATA_DIR": str(built), "DAGSTER_HOME": str(built / "dagster"),
                    "KOLADA_OFFLINE": "1", "KOMMUNLAGER_REPORT_SOURCES": str(SAMPLES),
                    "KOLADA_SNAPSHOT_DIR": str(snapshot)}
            done_run = subprocess.run([sys.executable, "-m", "pipelines.cli", "run", "--quiet"], env=env,
                                      capture_output=True, text=True, timeout=900)
            assert done_run.returncode == 0, done_run.stdout[-3000:] + done_run.stderr[-3000:]
            done.write_text("ok\n", encoding="utf-8")
    return built


@pytest.fixture
def loaded_warehouse(loaded_env: Path, _samples_loaded_once: Path) -> Path:
    """loaded_env after its first load: a copy of the session's loaded sample data dir
    (lake, Dagster instance, published warehouse), so a test starts where a first
    `kommunlager run` ends without paying for it. Copies keep modification times, so the
    next run sees the same inputs (a no-change night)."""
    shutil.copytree(_samples_loaded_once, loaded_env, symlinks=True, dirs_exist_ok=True)
    return loaded_env


# `make test` runs on both cores (pytest-xdist, `-n 2`), scheduled by `ByFile` below: each
# test file stays on one worker, so its module fixtures are built once, and the files that
# share the session's test warehouse (tests/dbt_testlager.py, built once per process) go to
# the same worker. (xdist's own `--dist loadgroup` marks do not work with pytest 9: xdist
# 3.8 renames `item._nodeid`, which pytest 9 no longer reads, so every test was scheduled
# alone and the shared warehouses were built on both workers.)
SHARED_WAREHOUSE_FILES = {"test_dbt_marts.py", "test_export.py", "test_pages.py", "test_analyst_guide.py",
                          "test_reports_classify.py"}
# Files whose tests run whole loads (minutes each), started first so that the two workers
# finish together; measured with `--durations` in a clean clone, longest first.
SLOW_FIRST = ["test_reliability.py", "test_kolada_warehouse.py", "test_pipeline_e2e.py", "test_bad_inputs.py",
              "test_versions.py", "test_publish.py", "test_corpus_load.py", "test_analyst_guide.py"]


def _scope(file_name: str) -> str:
    return "testlager" if file_name in SHARED_WAREHOUSE_FILES else file_name


def pytest_xdist_make_scheduler(config: pytest.Config, log):
    from xdist.scheduler import LoadScopeScheduling

    class ByFile(LoadScopeScheduling):
        """One work unit per test file (per group of files sharing a fixture), in collection order."""

        def _split_scope(self, nodeid: str) -> str:
            return _scope(Path(nodeid.split("::", 1)[0]).name)

    config.option.loadscopereorder = False  # keep SLOW_FIRST's order
    return ByFile(config, log)


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """The slow files first (stable: the same order on every worker, as xdist requires)."""
    rank = {name: i for i, name in enumerate(SLOW_FIRST)}
    first_of_scope: dict[str, int] = {}
    for i, item in enumerate(items):
        first_of_scope.setdefault(_scope(item.path.name), i)

    def key(pair: tuple[int, pytest.Item]) -> tuple[int, int, int]:
        i, item = pair
        scope = _scope(item.path.name)
        return (rank.get(item.path.name, rank.get(scope, len(rank))), first_of_scope[scope], i)

    items[:] = [item for _, item in sorted(enumerate(items), key=key)]
