"""Atomic publishing: readers are never blocked nor see a partial state; a failing blocking
check leaves the last good warehouse published."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pyarrow as pa

from pipelines.config import Settings
from pipelines.kolada.store import VALUE_SCHEMA, write_values
from pipelines.runner import run_all
from tests.conftest import SAMPLES


def _count(con: duckdb.DuckDBPyConnection, table: str) -> int:
    return con.execute(f"select count(*) from {table}").fetchone()[0]


def test_reader_keeps_reading_while_a_load_runs_in_another_process(loaded_warehouse: Path) -> None:
    settings = Settings.from_env()
    assert settings.warehouse_path.exists()
    reader = duckdb.connect(str(settings.warehouse_path), read_only=True)
    before = _count(reader, "dim_dokument")

    # a new report arrives; a second load runs in another process (as the nightly job would)
    settings.inbox_reports.mkdir(parents=True, exist_ok=True)
    (settings.inbox_reports / "ny.txt").write_bytes((SAMPLES / "000_29325da1e2c822b1.txt").read_bytes() + b"\nTillagd rad.\n")
    load = subprocess.Popen(
        [sys.executable, "-m", "pipelines.cli", "run"], env=os.environ.copy(),
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )
    queries = 0
    while load.poll() is None:
        assert _count(reader, "dim_dokument") == before  # never blocked, never partial
        queries += 1
        time.sleep(0.05)
    out, err = load.communicate()
    assert load.returncode == 0, out + err
    assert queries > 10
    # the open connection still reads its snapshot; a new one sees the new warehouse
    assert _count(reader, "dim_dokument") == before
    reader.close()
    fresh = duckdb.connect(str(settings.warehouse_path), read_only=True)
    assert _count(fresh, "dim_dokument") == before + 1
    fresh.close()


def test_failing_blocking_check_leaves_the_previous_warehouse(loaded_warehouse: Path) -> None:
    settings = Settings.from_env()
    assert settings.warehouse_path.exists()
    published_before = settings.warehouse_path.read_bytes()

    # a Kolada load whose ids lost their leading zeros (a spreadsheet did it): the GX suite
    # on fct_kolada_varde must stop the publication
    bad = pa.table(
        {"kpi": ["N00090"], "municipality": ["880"], "period": [2022], "gender": ["T"], "value": [7.2],
         "status": [""], "count": [1], "isdeleted": [None], "source": ["export:trasig.csv"],
         "fetched_at": ["2026-11-22T00:00:00+00:00"]},
        schema=VALUE_SCHEMA,
    )
    assert write_values(settings, bad) is not None

    report = run_all(settings)
    assert not report.published
    failed = {(c.asset, c.name) for c in report.checks_failed}
    assert ("fct_kolada_varde", "gx_fct_kolada_varde") in failed
    assert settings.warehouse_path.read_bytes() == published_before
    con = duckdb.connect(str(settings.warehouse_path), read_only=True)
    assert con.execute("select count(*) from fct_kolada_varde where kommun_kod = '880'").fetchone() == (0,)
    con.close()
