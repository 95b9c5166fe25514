"""End to end: every asset materialized into a temporary data dir, then the warehouse read."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import dagster as dg
import duckdb

from pipelines.config import Settings
from pipelines.runner import run_all
from pipelines.summary import render
from tests.conftest import SAMPLES


def _query(settings: Settings, sql: str) -> list[tuple]:
    con = duckdb.connect(str(settings.warehouse_path), read_only=True)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


def _lake_files(settings: Settings) -> set[Path]:
    return {p for p in settings.lake_dir.rglob("*") if p.is_file()}


def test_full_load_publishes_a_warehouse_with_reports_and_kolada(loaded_env: Path) -> None:
    settings = Settings.from_env()
    report = run_all(settings)

    assert report.published, report.failure
    n = len(list(SAMPLES.glob("*.txt")))
    assert n == 5 and report.documents_total == n and report.documents_extracted == n
    assert report.checks and not report.checks_failed
    assert settings.warehouse_path.exists()
    assert not list(settings.build_dir.glob("*.duckdb")), "the build file was renamed, not copied"

    # every input file is a row of dim_dokument
    docs = _query(settings, "select filnamn, status from dim_dokument order by filnamn")
    assert docs == [(p.name, "laddad") for p in sorted(SAMPLES.glob("*.txt"))]
    # a figure exactly as printed in the Ale report (001, Ekonomisk analys, Intäkter jan-aug 2016)
    ekonomi = _query(
        settings,
        "select belopp_tkr, kalltext from fct_ekonomi "
        "where filnamn = '001_8298ea3312bc035f.txt' and etikett = 'Intäkter' and kolumn = 'Utfall jan-aug 2016'",
    )
    assert len(ekonomi) == 1 and ekonomi[0][0] == 182149 and "182 149" in ekonomi[0][1]
    # Kolada: all 290 kommuner + 21 regioner + Riket, and a value from the snapshot
    assert _query(settings, "select count(*) from dim_kommun") == [(312,)]
    assert _query(settings, "select count(*) from dim_kommun where kommuntyp = 'kommun'") == [(290,)]
    ale = _query(
        settings,
        "select kon, varde from fct_kolada_varde where kpi_id = 'N00090' and kommun_kod = '1440' and ar = 2022 order by kon",
    )
    assert ale == [("K", 10.3), ("M", 5.2), ("T", 9.3)]


def _compared(run_id: str) -> list[str]:
    """How each no-change observation of a run was decided (by the files or the content)."""
    with dg.DagsterInstance.get() as instance:
        seen = [e.dagster_event.asset_observation_data.asset_observation.metadata
                for e in instance.all_logs(run_id, of_type=dg.DagsterEventType.ASSET_OBSERVATION)]
    return [m["jamfort"].value for m in seen if "oforandrat" in m]


def test_second_run_changes_nothing_and_a_new_file_is_extracted_alone(loaded_warehouse: Path, tmp_path: Path) -> None:
    settings = Settings.from_env()
    lake_before = _lake_files(settings)
    counts_before = _query(settings, "select (select count(*) from fct_ekonomi), (select count(*) from fct_kolada_varde)")
    published = settings.warehouse_path.stat()

    # nothing changed since the warehouse was published: a flat night, nothing is built
    again = run_all(settings)
    assert again.unchanged and not again.published and again.failure is None and again.documents_extracted == 0
    assert _lake_files(settings) == lake_before
    assert settings.warehouse_path.stat().st_ino == published.st_ino, "the published warehouse was replaced"
    assert not settings.build_dir.exists() or not list(settings.build_dir.glob("*.duckdb*")), "a build was staged"
    assert "Oförändrat: samma indata och kod" in render(settings, again)
    with dg.DagsterInstance.get() as instance:
        steps = {e.step_key for e in instance.all_logs(again.run_id, of_type=dg.DagsterEventType.STEP_SKIPPED)}
    assert {"dbt_modeller", "publicerat_lager"} <= steps, steps
    # told by the files' metadata alone: the raw layer was not even read
    assert _compared(again.run_id) == ["filerna"]

    # a lake file touched but not changed: the content decides once, and the next night is
    # told by the files' metadata again
    touched = next(p for p in sorted(lake_before) if p.suffix == ".parquet" and "inkorg" not in p.parts)
    os.utime(touched, (1_700_000_000, 1_700_000_000))
    for expected in ("innehållet", "filerna"):
        night = run_all(settings)
        assert night.unchanged and _compared(night.run_id) == [expected]
    assert settings.warehouse_path.stat().st_ino == published.st_ino

    # the same document under another name in the inbox: a duplicate, nothing re-extracted
    settings.inbox_reports.mkdir(parents=True, exist_ok=True)
    shutil.copy(SAMPLES / "001_8298ea3312bc035f.txt", settings.inbox_reports / "kopia.txt")
    third = run_all(settings)
    assert third.published and third.documents_extracted == 0
    assert _query(settings, "select status from dim_dokument where filnamn = 'kopia.txt'") == [("dubblett",)]
    assert _query(settings, "select (select count(*) from fct_ekonomi), (select count(*) from fct_kolada_varde)") == counts_before
