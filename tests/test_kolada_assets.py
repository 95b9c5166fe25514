"""The Kolada assets in Dagster: what their metadata says, from_date from the asset's own
history, and a broken KPI set that does not stop the load."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import dagster as dg
import pytest

from pipelines.assets.kolada import kolada_exportfiler, kolada_metadata, kolada_varden
from tests.kolada_standin import KoladaStandIn, value

YEAR = date.today().year - 1


@pytest.fixture
def online(data_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    api = KoladaStandIn()
    api.metadata["municipality"] = [{"id": "1440", "title": "Ale", "type": "K"}, {"id": "0000", "title": "Riket", "type": "L"}]
    api.metadata["kpi"] = [{"id": "N00090", "title": "Sjukfrånvaro", "municipality_type": "K"}]
    api.put("N00090", "1440", YEAR, [value("T", 9.3)], changed="2026-01-01")
    kpi_set = tmp_path / "kpi_set.yml"
    kpi_set.write_text(f"kpier: [N00090]\nar_fran: {YEAR - 1}\ninkrementell: {{metod: from_date}}\n", encoding="utf-8")
    with api.running():
        monkeypatch.delenv("KOLADA_OFFLINE", raising=False)
        monkeypatch.setenv("KOLADA_BASE_URL", api.base_url)
        monkeypatch.setenv("KOLADA_KPI_SET", str(kpi_set))
        monkeypatch.setenv("KOLADA_SNAPSHOT_DIR", str(tmp_path / "ingen"))
        yield api, kpi_set


def _meta(result: dg.ExecuteInProcessResult, name: str) -> dict:
    events = [e for e in result.get_asset_materialization_events() if e.asset_key.to_user_string() == name]
    return {k: v.value for k, v in events[0].step_materialization_data.materialization.metadata.items()}


def test_assets_report_their_source_and_the_next_load_uses_from_date(online) -> None:
    api, _ = online
    with dg.instance_for_test() as instance:
        first = dg.materialize([kolada_metadata, kolada_varden, kolada_exportfiler], instance=instance)
        assert first.success
        meta = _meta(first, "kolada_varden")
        assert meta["kalla"] == "api" and meta["offline"] is False and meta["nya_rader"] == 1
        assert meta["problem_antal"] == 0 and meta["laddning"].startswith("full 1 KPI × 2 enheter")
        assert _meta(first, "kolada_metadata")["rader_municipality"] == 2
        assert _meta(first, "kolada_exportfiler")["rader"] == 0

        api.requests.clear()
        second = dg.materialize([kolada_varden], instance=instance)
        assert second.success
        since = meta["hamtad"][:10]
        assert f"from_date {since}" in _meta(second, "kolada_varden")["laddning"]
        assert all(f"from_date={since}" in r for r in api.requests if "/data/" in r)


def test_a_broken_kpi_set_is_a_problem_not_a_failed_load(online) -> None:
    _, kpi_set = online
    kpi_set.write_text("kpier: [N00090\n", encoding="utf-8")
    with dg.instance_for_test() as instance:
        result = dg.materialize([kolada_varden], instance=instance)
        assert result.success
        meta = _meta(result, "kolada_varden")
        assert meta["problem_antal"] == 1 and "ogiltig YAML" in meta["problem"][0] and "kpi_set.yml" in meta["problem"][0]
        assert meta["kalla"] == "ingen"


def test_offline_is_said_in_the_metadata(data_dir: Path, kolada_snapshot: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KOLADA_SNAPSHOT_DIR", str(kolada_snapshot))
    with dg.instance_for_test() as instance:
        result = dg.materialize([kolada_metadata, kolada_varden], instance=instance)
    meta = _meta(result, "kolada_varden")
    assert meta["kalla"] == "snapshot" and meta["offline"] is True and meta["offline_orsak"] == "KOLADA_OFFLINE=1"
    assert meta["sammanfattning"].startswith("Kolada varden: ögonblicksbild ") and "(offline: KOLADA_OFFLINE=1)" in meta["sammanfattning"]
