"""Kolada end to end through the warehouse (run_all: Dagster, dbt, GX, publish).

1. The API cannot be reached: the snapshot is loaded, the summary says so, and every
   N00090 value of Ale (1440) by year and kön equals the sample file.
2. The API (a loopback stand-in answering v3 bodies) is reached: the KPI set is loaded in
   full, and an export file from the inbox lands beside it.
3. The nightly load again, with one preliminary value revised: the warehouse shows the new
   value, nothing else changes, and the lake keeps the old file.
"""

from __future__ import annotations

import csv
import json
from datetime import date
from pathlib import Path

import duckdb
import pyarrow.parquet as pq
import pytest

from pipelines.config import Settings
from pipelines.kolada import store
from pipelines.kolada.snapshot import load_snapshot
from pipelines.runner import run_all
from pipelines.summary import render
from tests.conftest import shared_path
from tests.kolada_standin import KoladaStandIn, closed_port_url, value

pytestmark = pytest.mark.slow
LAST = date.today().year - 1


def _query(settings: Settings, sql: str, params: list | None = None) -> list[tuple]:
    con = duckdb.connect(str(settings.warehouse_path), read_only=True)
    try:
        return con.execute(sql, params or []).fetchall()
    finally:
        con.close()


def _sample_rows(kpi: str, municipality: str) -> set[tuple]:
    path = shared_path("kolada", "samples", "v2_values_socialservices_5munis_2024-08.csv")
    with path.open(encoding="utf-8", newline="") as fh:
        return {
            (int(r["year"]), r["gender"], float(r["value"]) if r["value"] else None)
            for r in csv.DictReader(fh)
            if r["kpi"] == kpi and r["municipality_id"] == municipality
        }


def _standin(snapshot: Path) -> KoladaStandIn:
    """Real metadata from the snapshot; values: the sample file's where it has them, then
    deterministic numbers for the years after it (the API's recent years)."""
    api = KoladaStandIn(page_size=200)
    meta = load_snapshot(snapshot, "2026-01-01T00:00:00+00:00", values=False).meta
    api.metadata["municipality"] = meta["municipality"].to_pylist()
    api.metadata["kpi"] = [k for k in meta["kpi"].to_pylist() if k["id"] in ("N00090", "N30005", "N31008")]
    for entity, name in (("municipality_groups", "v3_municipality_groups_subset_2026-03.json"),
                         ("kpi_groups", "v2_kpi_groups_socialservices_subset_2024-01.json")):
        data = json.loads((snapshot / name).read_text(encoding="utf-8"))
        api.metadata[entity] = data["values"] if isinstance(data, dict) else data
    for kpi in ("N00090", "N30005"):
        for muni in ("1440", "0880", "1280", "0000"):
            known = {(y, g): v for y, g, v in _sample_rows(kpi, muni)}
            for year in range(LAST - 5, LAST + 1):
                genders = ("T", "K", "M") if kpi == "N00090" else ("T",)
                vals = [value(g, known.get((year, g), round(5 + int(muni) % 7 + (year - 2000) / 10 + i, 1)))
                        for i, g in enumerate(genders)]
                api.put(kpi, muni, year, vals)
    return api


def test_kolada_offline_then_api_then_a_revision_through_the_warehouse(
    loaded_env: Path, kolada_snapshot: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    # 1. the API cannot be reached: the snapshot stands in, and the summary says so
    monkeypatch.delenv("KOLADA_OFFLINE", raising=False)
    monkeypatch.setenv("KOLADA_BASE_URL", closed_port_url())
    settings = Settings.from_env()
    offline = run_all(settings)
    assert offline.published, offline.failure
    assert any("ögonblicksbild" in line and "API:t kunde inte nås" in line for line in offline.kolada)
    assert "Kolada varden: ögonblicksbild" in render(settings, offline)
    ale = _query(settings, "select ar, kon, varde from fct_kolada_varde where kpi_id = 'N00090' and kommun_kod = '1440'")
    assert set(ale) == _sample_rows("N00090", "1440") and len(ale) == len(_sample_rows("N00090", "1440")) > 30
    assert (2022, "T", 9.3) in ale and (2022, "K", 10.3) in ale and (2022, "M", 5.2) in ale

    # 2. the API answers: the KPI set is loaded in full; an export file arrives in the inbox
    api = _standin(kolada_snapshot)
    kpi_set = tmp_path / "kpi_set.yml"
    kpi_set.write_text(
        f'kpier: [N00090, N30005]\nkommuner: ["1440", "0880", "1280"]\nenheter: ["0000"]\nar_fran: {LAST - 5}\n',
        encoding="utf-8",
    )
    monkeypatch.setenv("KOLADA_KPI_SET", str(kpi_set))
    settings.inbox_kolada.mkdir(parents=True, exist_ok=True)
    (settings.inbox_kolada / "egen.csv").write_bytes(
        "Nyckeltal;Kommun;År;Värde\r\nNettokostnad ekonomiskt bistånd, kr/inv;Ale;2011;1234,5\r\n"
        "Nyckeltal som inte finns;Ale;2011;1\r\n".encode("cp1252")
    )
    with api.running():
        monkeypatch.setenv("KOLADA_BASE_URL", api.base_url)
        online = run_all(settings)
        assert online.published, online.failure
        assert any(line.startswith(f"Kolada varden: API {api.base_url}") and "full 2 KPI × 4 enheter" in line
                   for line in online.kolada)
        assert online.problems == ["egen.csv rad 3: nyckeltal 'Nyckeltal som inte finns' finns inte i Koladas "
                                   "KPI-katalog (lägg till ett alias i export_format.yml)"]
        assert _query(settings, "select count(*) from dim_kommun") == [(312,)]
        api_rows = _query(settings, "select count(*) from fct_kolada_varde where kalla like 'api:%'")[0][0]
        assert api_rows == 4 * 6 * 4  # (3 genders N00090 + T N30005) × 4 units × 6 years
        assert _query(settings, "select varde, kalla from fct_kolada_varde where kpi_id = 'N31008' "
                                "and kommun_kod = '1440' and ar = 2011") == [(1234.5, "export:egen.csv")]
        before = dict(_query(settings, "select kpi_id || kommun_kod || ar || kon, varde from fct_kolada_varde"))
        lake_values = set((store.kolada_dir(settings) / "varden").glob("*.parquet"))
        key = ("N00090", "1440", LAST)
        old = api.values[key][0]["value"]

        # 3. the nightly load again, with Ale's preliminary N00090 (T) for last year revised
        api.values[key][0]["value"] = round(old + 0.4, 1)
        revised = run_all(settings)
        assert revised.published, revised.failure
        assert any("inkrementell" in line and "1 nya/ändrade" in line for line in revised.kolada)

    after = dict(_query(settings, "select kpi_id || kommun_kod || ar || kon, varde from fct_kolada_varde"))
    changed = {k for k in before if before[k] != after.get(k)}
    assert changed == {f"N000901440{LAST}T"} and set(after) == set(before)
    assert after[f"N000901440{LAST}T"] == round(old + 0.4, 1)
    new_files = set((store.kolada_dir(settings) / "varden").glob("*.parquet")) - lake_values
    assert len(new_files) == 1 and pq.read_table(next(iter(new_files))).num_rows == 1
    assert lake_values <= set((store.kolada_dir(settings) / "varden").glob("*.parquet"))
    kept = [r for f in lake_values for r in pq.read_table(f).to_pylist()
            if (r["kpi"], r["municipality"], r["period"], r["gender"]) == (*key, "T") and r["source"].startswith("api:")]
    assert [r["value"] for r in kept] == [old]
