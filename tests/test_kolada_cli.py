"""`kommunlager kolada fetch` against the loopback stand-in: rows out, pages kept, errors one line."""

from __future__ import annotations

import csv
import json
import os
import subprocess
import sys
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from tests.kolada_standin import KoladaStandIn, closed_port_url, value


def kl(*args: str, env: dict) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "pipelines.cli", *args], capture_output=True, text=True,
                          env=os.environ | env)


@pytest.fixture
def api():
    standin = KoladaStandIn(page_size=2)
    standin.put("N00090", "1440", 2022, [value("T", 9.3), value("K", 10.3), value("M", 5.2)])
    standin.put("N00090", "1440", 2023, [value("T", None)])
    standin.put("N00090", "0000", 2022, [value("T", 8.1, isdeleted=False)])
    with standin.running():
        yield standin


def test_fetch_writes_rows_and_keeps_every_page(api: KoladaStandIn, tmp_path: Path) -> None:
    env = {"KOMMUNLAGER_DATA_DIR": str(tmp_path / "data"), "KOLADA_BASE_URL": api.base_url, "KOLADA_OFFLINE": ""}
    done = kl("kolada", "fetch", "--kpi", "N00090", "--municipality", "1440,0000", "--years", "2022-2023", env=env)
    assert done.returncode == 0, done.stderr
    rows = [json.loads(line) for line in done.stdout.splitlines()]
    assert len(rows) == 5 and "5 värden" in done.stderr
    assert set(rows[0]) == {"kpi", "municipality", "period", "gender", "value", "status", "count", "isdeleted"}
    assert {"kpi": "N00090", "municipality": "1440", "period": 2023, "gender": "T", "value": None,
            "status": "Missing", "count": 1, "isdeleted": None} in rows
    pages = list((tmp_path / "data" / "lake" / "kolada" / "sidor").glob("*.json"))
    assert len(pages) == 2  # three records, two per page

    out = tmp_path / "n00090.csv"
    assert kl("kolada", "fetch", "--kpi", "N00090", "--municipality", "1440", "--years", "2022",
              "--out", str(out), env=env).returncode == 0
    with out.open(encoding="utf-8") as fh:
        got = list(csv.DictReader(fh))
    assert [(r["gender"], r["value"]) for r in got] == [("T", "9.3"), ("K", "10.3"), ("M", "5.2")]
    assert list(got[0]) == ["kpi", "municipality", "period", "gender", "value", "status", "count"]

    parquet = tmp_path / "n00090.parquet"
    assert kl("kolada", "fetch", "--kpi", "N00090", "--municipality", "1440", "--years", "2022,2023",
              "--from-date", "2019-01-01", "--out", str(parquet), env=env).returncode == 0
    table = pq.read_table(parquet)
    assert table.num_rows == 4 and table.schema.field("municipality").type == "string"
    assert "from_date=2019-01-01" in api.requests[-1]


def test_fetch_errors_are_one_line(api: KoladaStandIn, tmp_path: Path) -> None:
    env = {"KOMMUNLAGER_DATA_DIR": str(tmp_path / "data"), "KOLADA_BASE_URL": api.base_url, "KOLADA_OFFLINE": ""}
    api.fail("/data/", status=404, body='{"error": "Unknown KPI"}')
    notfound = kl("kolada", "fetch", "--kpi", "N99999", "--municipality", "1440", "--years", "2022", env=env)
    assert notfound.returncode == 1 and "Traceback" not in notfound.stderr
    assert notfound.stderr.count("\n") == 1 and "HTTP 404" in notfound.stderr and "N99999" in notfound.stderr

    down = kl("kolada", "fetch", "--kpi", "N00090", "--municipality", "1440", "--years", "2022",
              env=env | {"KOLADA_BASE_URL": closed_port_url()})
    assert down.returncode == 1 and down.stderr.count("\n") == 1 and "nås inte" in down.stderr

    bad = kl("kolada", "fetch", "--kpi", "N00090", "--municipality", "1440", "--years", "2022",
             "--from-date", "igår", env=env)
    assert bad.returncode == 1 and "--from-date" in bad.stderr
    fmt = kl("kolada", "fetch", "--kpi", "N00090", "--municipality", "1440", "--years", "2022",
             "--out", str(tmp_path / "x.xlsx"), env=env)
    assert fmt.returncode == 1 and "--out" in fmt.stderr and len(api.requests) == 1  # refused before fetching
