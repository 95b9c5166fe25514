"""Reliability: a load killed in the middle never leaves a half-written warehouse and the
next one completes; intake survives files that change or vanish while read; re-dropping a
file changes nothing; a collapsing load is not published; Kolada down does not stop it."""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pyarrow.parquet as pq
import pytest

from pipelines.config import Settings
from pipelines.reports.intake import registry
from pipelines.reports.intake.inbox import intake
from pipelines.runner import run_all
from pipelines.summary import render
from tests.conftest import SAMPLES


def _lake(settings: Settings) -> dict[Path, bytes]:
    return {p: p.read_bytes() for p in settings.lake_dir.rglob("*") if p.is_file()}


def _start(env: dict[str, str]) -> subprocess.Popen:
    # its own process group, so the kill reaches dbt (a child process) too
    return subprocess.Popen([sys.executable, "-m", "pipelines.cli", "run"], env=env, start_new_session=True,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def _kill_during_build(settings: Settings, env: dict[str, str]) -> None:
    """Start a load, wait until it is building its warehouse file, SIGKILL it."""
    before = set(settings.build_dir.glob("*.duckdb")) if settings.build_dir.exists() else set()
    proc = _start(env)
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline:
        if settings.build_dir.exists() and set(settings.build_dir.glob("*.duckdb")) - before:
            break
        assert proc.poll() is None, f"the load ended before building: {proc.communicate()}"
        time.sleep(0.05)
    else:
        os.killpg(proc.pid, signal.SIGKILL)
        pytest.fail("no build file appeared within 300 s")
    time.sleep(1.5)  # staging the raw layer / dbt build
    os.killpg(proc.pid, signal.SIGKILL)
    proc.communicate()
    assert proc.returncode == -signal.SIGKILL, "the load finished before it could be killed"


def _counts(path: Path) -> dict[str, int]:
    con = duckdb.connect(str(path), read_only=True)
    try:
        tables = [r[0] for r in con.execute(
            "select table_schema || '.' || table_name from information_schema.tables "
            "where table_schema in ('main', 'raw') order by 1").fetchall()]
        return {t: con.execute(f"select count(*) from {t}").fetchone()[0] for t in tables}
    finally:
        con.close()


@pytest.mark.slow
def test_kill_in_the_middle_never_half_publishes_and_the_next_run_completes(loaded_env: Path) -> None:
    settings = Settings.from_env()
    env = os.environ.copy()

    # 1. the very first load is killed while building: nothing is published
    _kill_during_build(settings, env)
    assert not settings.warehouse_path.exists()
    killed = list(settings.build_dir.glob("*.duckdb*"))
    assert killed, "the killed run left its build file"
    day_old = time.time() - 25 * 3600
    for path in killed:
        os.utime(path, (day_old, day_old))

    # 2. the next load completes, publishes a whole warehouse and removes the stale build
    done = subprocess.run([sys.executable, "-m", "pipelines.cli", "run"], env=env, capture_output=True, text=True,
                          timeout=300)
    assert done.returncode == 0, done.stdout + done.stderr
    assert not [p for p in killed if p.exists()], "stale build files of the killed run were not cleaned"
    assert not list(settings.build_dir.glob("*.duckdb")), "the finished run's build was renamed, not left"
    # the killed run no longer holds the build pool: it is recorded as failed
    import dagster as dg

    with dg.DagsterInstance.get() as instance:
        assert not instance.get_runs(filters=dg.RunsFilter(statuses=[dg.DagsterRunStatus.STARTED]))
        assert instance.get_runs(filters=dg.RunsFilter(job_name="nattlig_job", statuses=[dg.DagsterRunStatus.FAILURE]))
        assert not instance.event_log_storage.get_concurrency_run_ids()
    counts = _counts(settings.warehouse_path)
    facts_in_lake = sum(pq.read_metadata(p).num_rows for p in (settings.lake_dir / "fakta").rglob("*.parquet"))
    assert counts["raw.rapport_fakta"] == facts_in_lake > 0
    assert counts["main.dim_dokument"] == len(list(SAMPLES.glob("*.txt"))) and counts["main.fct_kolada_varde"] > 0
    published = settings.warehouse_path.read_bytes()

    # 3. a later load killed in the middle leaves the published warehouse as it was
    (settings.inbox_reports / "ny.txt").parent.mkdir(parents=True, exist_ok=True)
    (settings.inbox_reports / "ny.txt").write_bytes(SAMPLES.joinpath("000_29325da1e2c822b1.txt").read_bytes() + b"\nNy.\n")
    _kill_during_build(settings, env)
    assert settings.warehouse_path.read_bytes() == published
    assert _counts(settings.warehouse_path) == counts


def test_intake_skips_a_file_that_changes_while_read_and_takes_it_next_time(
        data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    settings = Settings.from_env()
    settings.inbox_reports.mkdir(parents=True)
    growing = settings.inbox_reports / "laddas_ner.txt"
    growing.write_bytes(SAMPLES.joinpath("001_8298ea3312bc035f.txt").read_bytes())
    real_hash = registry.sha256_file

    def writer_appends_while_we_read(path: Path) -> str:
        digest = real_hash(path)
        if path == growing:
            with path.open("ab") as fh:
                fh.write(b"\nmer text\n")
        return digest

    monkeypatch.setattr(registry, "sha256_file", writer_appends_while_we_read)
    first = intake(settings)
    assert first.files == [] and len(first.problems) == 1
    assert first.problems[0].startswith("laddas_ner.txt: filen ändrades medan den lästes")
    assert not (settings.lake_dir / "inkorg").exists() or not list((settings.lake_dir / "inkorg").iterdir())

    monkeypatch.setattr(registry, "sha256_file", real_hash)
    second = intake(settings)
    assert [f.name for f in second.files] == ["laddas_ner.txt"] and not second.problems
    assert second.files[0].sha256 == real_hash(growing)


def test_intake_copes_with_a_file_that_vanishes_or_changes_between_scan_and_copy(
        data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    settings = Settings.from_env()
    settings.inbox_reports.mkdir(parents=True)
    for name in ("borta.txt", "andras.txt", "kvar.txt"):
        (settings.inbox_reports / name).write_text(f"{name}\nIntäkter\t1\n", encoding="utf-8")
    real_scan = registry.scan

    def scan_then_the_user_acts(folders, problems=None, memo=None):
        found = real_scan(folders, problems, memo)
        (settings.inbox_reports / "borta.txt").unlink()
        (settings.inbox_reports / "andras.txt").write_text("helt annat innehåll\n", encoding="utf-8")
        return found

    monkeypatch.setattr(registry, "scan", scan_then_the_user_acts)
    result = intake(settings)
    assert [f.name for f in result.files] == ["kvar.txt"]
    assert result.problems == ["andras.txt: filen ändrades medan den lästes; den läses vid nästa körning "
                               "(changed while being read)"]
    stored = list((settings.lake_dir / "filer").iterdir())
    assert [p.name.split(".")[0] for p in stored] == [result.files[0].sha256], "no half or wrong copy in the lake"


def test_a_scan_reads_only_files_that_changed_since_the_last_one(
        data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The sensor scans every 30 s: unchanged files (same size and mtime) are not read again;
    a file rewritten in place is, and gets its new hash."""
    settings = Settings.from_env()
    settings.inbox_reports.mkdir(parents=True)
    for name in ("a.txt", "b.txt"):
        (settings.inbox_reports / name).write_bytes(SAMPLES.joinpath("000_29325da1e2c822b1.txt").read_bytes()
                                                    + name.encode())
    real_hash = registry.sha256_file
    read: list[str] = []

    def counting(path: Path) -> str:
        if path.parent == settings.inbox_reports:      # not the lake copy's verification
            read.append(path.name)
        return real_hash(path)

    monkeypatch.setattr(registry, "sha256_file", counting)
    first = intake(settings)
    assert sorted(read) == ["a.txt", "b.txt"]
    read.clear()
    assert intake(settings).document_ids == first.document_ids and read == []
    changed = settings.inbox_reports / "b.txt"
    changed.write_bytes(changed.read_bytes() + "\nrättad\n".encode())
    third = intake(settings)
    assert read == ["b.txt"]
    assert {f.name: f.sha256 for f in third.files}["b.txt"] == real_hash(changed) != first.files[1].sha256


def test_re_dropping_the_same_file_changes_nothing(data_dir: Path) -> None:
    settings = Settings.from_env()
    settings.inbox_reports.mkdir(parents=True)
    target = settings.inbox_reports / "rapport.txt"
    target.write_bytes(SAMPLES.joinpath("004_b18213af86805180.txt").read_bytes())
    first = intake(settings)
    assert first.new_sightings == 1
    lake = _lake(settings)
    # dropped again: the same bytes under the same name, a newer mtime, an Office lock file beside it
    target.unlink()
    time.sleep(0.01)
    target.write_bytes(SAMPLES.joinpath("004_b18213af86805180.txt").read_bytes())
    (settings.inbox_reports / "~$rapport.docx").write_bytes(b"lock")
    (settings.inbox_reports / "halvfardig.pdf.crdownload").write_bytes(b"%PDF-1.7")
    again = intake(settings)
    assert again.new_sightings == 0 and again.document_ids == first.document_ids and not again.problems
    assert _lake(settings) == lake


@pytest.mark.slow
def test_a_load_whose_facts_collapse_is_not_published(loaded_warehouse: Path) -> None:
    settings = Settings.from_env()
    assert settings.warehouse_path.exists()
    published = settings.warehouse_path.read_bytes()
    # the extraction output loses its tables (as a broken extractor would produce)
    for path in (settings.lake_dir / "fakta").rglob("*.parquet"):
        table = pq.read_table(path)
        pq.write_table(table.slice(0, 0), path)

    report = run_all(settings)
    assert not report.published
    blocked = {(c.asset, c.name) for c in report.checks_failed if c.severity == "ERROR"}
    assert ("fct_ekonomi", "gx_fct_ekonomi") in blocked
    detail = next(c.detail for c in report.checks_failed if c.name == "gx_fct_ekonomi")
    assert "radantalet har rasat" in detail and "0 nu" in detail
    assert settings.warehouse_path.read_bytes() == published
    assert not list(settings.build_dir.glob("*.duckdb*")), "the failed run's build file was removed"
    text = render(settings, report)
    assert "INTE publicerat (blockerande kontroll misslyckades: fct_ekonomi gx_fct_ekonomi)" in text
    assert "fct_ekonomi: gx_fct_ekonomi (blockerande) radantalet har rasat" in text


def _closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.mark.slow
def test_kolada_down_and_an_export_with_unknown_columns_do_not_stop_the_load(
        loaded_env: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("KOLADA_OFFLINE", raising=False)
    monkeypatch.setenv("KOLADA_BASE_URL", f"http://127.0.0.1:{_closed_port()}/v3")
    settings = Settings.from_env()
    settings.inbox_kolada.mkdir(parents=True, exist_ok=True)
    (settings.inbox_kolada / "export_med_okanda_kolumner.csv").write_text(
        "kpi,municipality_id,year,gender,value,okand_kolumn,annu_en\nN00090,1440,2022,T,9.3,x,y\n", encoding="utf-8")
    started = time.monotonic()
    report = run_all(settings)
    assert report.published, report.failure
    assert not [c for c in report.checks_failed if c.severity == "ERROR"]
    con = duckdb.connect(str(settings.warehouse_path), read_only=True)
    assert con.execute("select count(*) from dim_kommun").fetchone()[0] >= 290   # from the snapshot
    assert con.execute("select count(*) from fct_kolada_varde").fetchone()[0] > 0
    con.close()
    assert "Lagret publicerat" in render(settings, report)
    assert time.monotonic() - started < 300


def test_stale_half_written_lake_files_are_cleaned_but_fresh_ones_kept(data_dir: Path) -> None:
    from pipelines.lib.files import clean_partial_writes

    settings = Settings.from_env()
    folder = settings.lake_dir / "fakta" / "0.1.0"
    folder.mkdir(parents=True)
    old, fresh, real = folder / ".abc.parquet.x1.tmp", folder / ".def.parquet.x2.tmp", folder / "abc.parquet"
    for p in (old, fresh, real):
        p.write_bytes(b"x")
    hour_ago = time.time() - 7200
    os.utime(old, (hour_ago, hour_ago))
    assert clean_partial_writes(settings.lake_dir) == [old]
    assert fresh.exists() and real.exists()
    shutil.rmtree(folder)
