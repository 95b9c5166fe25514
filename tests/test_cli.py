"""The command line: JSON Lines out, one clear line per expected error, no tracebacks."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from tests.conftest import SAMPLES

REQUIRED = {"document", "page", "schema", "label", "column", "scenario", "year", "period_end", "kon",
            "value", "unit", "evidence", "method"}


def kl(*args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    import os

    return subprocess.run([sys.executable, "-m", "pipelines.cli", *args], capture_output=True, text=True,
                          env=(os.environ | (env or {})))


def test_extract_writes_spec_facts_as_json_lines() -> None:
    done = kl("extract", str(SAMPLES / "001_8298ea3312bc035f.txt"))
    assert done.returncode == 0, done.stderr
    facts = [json.loads(line) for line in done.stdout.splitlines()]
    assert facts and all(REQUIRED <= set(f) for f in facts)
    intakter = [f for f in facts if f["label"] == "Intäkter" and f["column"] == "Budget helår 2016"]
    assert intakter and intakter[0]["value"] == 265704 and intakter[0]["unit"] == "tkr"


def test_extract_bad_files_one_line_each_and_the_good_file_still_out(tmp_path: Path) -> None:
    empty = tmp_path / "tom.pdf"
    empty.write_bytes(b"")
    fake = tmp_path / "rapport.pdf"
    fake.write_text("det här är ingen pdf", encoding="utf-8")
    done = kl("extract", str(empty), str(fake), str(tmp_path / "saknas.txt"), str(SAMPLES / "001_8298ea3312bc035f.txt"))
    assert done.returncode == 2
    # one line per bad file; the good file's count of oklar facts is a note, not an error
    errors = [ln for ln in done.stderr.strip().splitlines() if "oklara" not in ln]
    assert len(errors) == 3 and "Traceback" not in done.stderr
    assert "tom.pdf" in errors[0] and "rapport.pdf" in errors[1] and "saknas.txt" in errors[2]
    assert done.stdout.count("\n") > 10


def test_sql_without_warehouse_and_with_bad_query(data_dir: Path) -> None:
    done = kl("sql", "select 1")
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert "kommunlager.duckdb" in done.stderr and len(done.stderr.strip().splitlines()) == 1


def test_kolada_fetch_rejects_bad_years_and_offline() -> None:
    bad = kl("kolada", "fetch", "--kpi", "N00090", "--municipality", "1440", "--years", "2024-2019")
    assert bad.returncode == 1 and "--years" in bad.stderr and "Traceback" not in bad.stderr
    offline = kl("kolada", "fetch", "--kpi", "N00090", "--municipality", "1440", "--years", "2019-2020",
                 env={"KOLADA_OFFLINE": "1"})
    assert offline.returncode == 1 and "KOLADA_OFFLINE" in offline.stderr
