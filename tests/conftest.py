"""Shared fixtures: a fresh data dir per test, the shared corpus read in place."""

from __future__ import annotations

import os
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


# `make test` runs on both cores (pytest-xdist, --dist loadgroup). Each test file stays on
# one worker, so its module fixtures are built once; the files that share the session's test
# warehouse (tests/dbt_testlager.py, built once per process) go to the same worker.
SHARED_WAREHOUSE_FILES = {"test_dbt_marts.py", "test_export.py", "test_pages.py", "test_analyst_guide.py",
                          "test_reports_classify.py"}


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    for item in items:
        if item.get_closest_marker("xdist_group") is None:
            name = item.path.name
            item.add_marker(pytest.mark.xdist_group("testlager" if name in SHARED_WAREHOUSE_FILES else name))
