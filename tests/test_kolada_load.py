"""Kolada loads into the raw layer (no Dagster): full then incremental, idempotent reruns,
revisions, the snapshot fallback, the KPI set, raw pages. HTTP is a loopback stand-in."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from pipelines.config import Settings
from pipelines.kolada import store
from pipelines.kolada.client import KoladaClient
from pipelines.kolada.kpi_set import read_kpi_set, resolve
from pipelines.kolada.load import ApiState, load_metadata, load_values
from tests.kolada_standin import KoladaStandIn, closed_port_url, value

TODAY = date.today()
UNITS = [("1440", "Ale", "K"), ("0880", "Kalmar", "K"), ("1280", "Malmö", "K"), ("0000", "Riket", "L"),
         ("0001", "Region Stockholm", "L")]


class Waits(list):
    def __call__(self, seconds: float) -> None:
        self.append(seconds)


def kpi_set_file(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "kpi_set.yml"
    path.write_text(text, encoding="utf-8")
    return path


BASIC_SET = f"""
kpier:
  - {{id: N00090, titel: Sjukfrånvaro}}
  - N30005
kommuner: alla
enheter: ["0000"]
ar_fran: {TODAY.year - 6}
inkrementell: {{metod: senaste_ar, ar_bakat: 3}}
"""


def fill(api: KoladaStandIn, kpis=("N00090", "N30005")) -> None:
    api.metadata["municipality"] = [{"id": i, "title": t, "type": ty} for i, t, ty in UNITS]
    api.metadata["kpi"] = [{"id": k, "title": f"KPI {k}", "municipality_type": "K", "is_divided_by_gender": True}
                           for k in kpis]
    api.metadata["municipality_groups"] = [
        {"id": "G36449", "title": "Liknande kommuner IFO, Ale, 2024",
         "members": [{"member_id": "1440", "member_title": "Ale"}]}]
    api.metadata["kpi_groups"] = [
        {"id": "GKPI268", "title": "Personalnyckeltal", "members": [{"member_id": "N00206", "member_title": "Heltid"}]}]
    for kpi in kpis:
        for muni, _, _ in UNITS[:4]:
            for year in range(TODAY.year - 6, TODAY.year):
                base = (int(muni) % 97) + (year - 2000) / 10
                api.put(kpi, muni, year, [value("T", round(base, 1)), value("K", round(base + 1, 1)),
                                          value("M", round(base - 1, 1))])


@pytest.fixture
def api():
    standin = KoladaStandIn()
    with standin.running():
        yield standin


@pytest.fixture
def online(data_dir: Path, api: KoladaStandIn, monkeypatch: pytest.MonkeyPatch) -> Settings:
    monkeypatch.delenv("KOLADA_OFFLINE", raising=False)
    monkeypatch.setenv("KOLADA_BASE_URL", api.base_url)
    monkeypatch.setenv("KOLADA_SNAPSHOT_DIR", str(data_dir / "ingen-ogonblicksbild"))
    return Settings.from_env()


def factory(waits: Waits):
    return lambda settings: KoladaClient(settings.kolada_base_url, rate=0, sleep=waits)


def lake_files(settings: Settings, sub: str) -> set[Path]:
    return set((store.kolada_dir(settings) / sub).rglob("*.*"))


def test_full_load_then_rerun_adds_nothing_and_a_revision_adds_one_row(
    online: Settings, api: KoladaStandIn, tmp_path: Path
) -> None:
    fill(api)
    ks = read_kpi_set(kpi_set_file(tmp_path, BASIC_SET))
    meta = load_metadata(online, client_factory=factory(Waits()))
    assert meta.kalla == "api" and not meta.problems and meta.extra["rader_municipality"] == 5

    first = load_values(online, ks, client_factory=factory(Waits()))
    assert first.kalla == "api" and not first.problems
    # full history for both KPIs: 3 kommuner (type K) + Riket, 6 years, 3 genders
    assert first.rader == first.nya_rader == 2 * 4 * 6 * 3
    assert "full 2 KPI × 4 enheter" in first.laddning
    data_requests = [r for r in api.requests if "/data/" in r]
    assert len(data_requests) == 1 and f"year/{TODAY.year - 6}," in data_requests[0]

    varden, sidor = lake_files(online, "varden"), lake_files(online, "sidor")
    api.requests.clear()
    again = load_values(online, ks, client_factory=factory(Waits()))
    assert again.rader == 2 * 4 * 4 * 3 - 2 * 4 * 3  # the last 3 years + this year (no data yet)
    assert again.nya_rader == 0 and again.nya_filer == 0 and "inkrementell" in again.laddning
    assert lake_files(online, "varden") == varden
    years = [r.split("/year/")[1].split("?")[0] for r in api.requests if "/data/" in r]
    assert years == [",".join(str(y) for y in range(TODAY.year - 3, TODAY.year + 1))]
    # the same nightly load once more: not a single file more, raw pages included
    sidor = lake_files(online, "sidor")
    assert load_values(online, ks, client_factory=factory(Waits())).nya_filer == 0
    assert lake_files(online, "varden") == varden and lake_files(online, "sidor") == sidor

    # a preliminary value is revised: one new row, the old file stays
    year = TODAY.year - 1
    old = api.values[("N00090", "1440", year)][0]["value"]
    api.values[("N00090", "1440", year)][0]["value"] = old + 0.3
    revised = load_values(online, ks, client_factory=factory(Waits()))
    assert revised.nya_rader == 1 and revised.nya_filer == 1
    new_files = lake_files(online, "varden") - varden
    assert len(new_files) == 1
    row = pq.read_table(next(iter(new_files))).to_pylist()
    assert len(row) == 1 and row[0]["value"] == old + 0.3 and row[0]["source"].startswith("api:")
    assert varden <= lake_files(online, "varden")
    assert any(
        r["value"] == old
        for f in varden
        for r in pq.read_table(f).to_pylist()
        if (r["kpi"], r["municipality"], r["period"], r["gender"]) == ("N00090", "1440", year, "T")
    )

    # revised back to the first number: a change again, stored although identical rows exist
    api.values[("N00090", "1440", year)][0]["value"] = old
    back = load_values(online, ks, client_factory=factory(Waits()))
    assert back.nya_rader == 1
    state = ApiState(online)
    state.prepare([(["N00090"], [year])])
    newest = state.con.execute(
        "select value from state where kpi='N00090' and municipality='1440' and period=? and gender='T'", [year]
    ).fetchone()
    state.close()
    assert newest == (old,)


def test_a_kpi_added_to_the_set_gets_its_full_history_alone(online: Settings, api: KoladaStandIn, tmp_path: Path) -> None:
    fill(api, kpis=("N00090", "N30005", "U21468"))
    load_metadata(online, client_factory=factory(Waits()))
    load_values(online, read_kpi_set(kpi_set_file(tmp_path, BASIC_SET)), client_factory=factory(Waits()))
    api.requests.clear()
    extended = read_kpi_set(kpi_set_file(tmp_path, BASIC_SET.replace("  - N30005", "  - N30005\n  - U21468")))
    result = load_values(online, extended, client_factory=factory(Waits()))
    assert result.nya_rader == 4 * 6 * 3
    urls = [r for r in api.requests if "/data/" in r]
    assert len(urls) == 2
    assert "/data/kpi/U21468/" in urls[0] and f"/year/{TODAY.year - 6}," in urls[0]
    assert "/data/kpi/N00090,N30005/" in urls[1] and f"/year/{TODAY.year - 3}," in urls[1]


def test_a_group_added_later_gets_its_history_and_a_kpi_without_values_is_not_refetched(
    online: Settings, api: KoladaStandIn, tmp_path: Path
) -> None:
    fill(api)
    api.put("N00090", "G36449", TODAY.year - 5, [value("T", 7.7)])
    with_empty = BASIC_SET.replace("  - N30005", "  - N30005\n  - U99999")  # a KPI with no values at all
    load_metadata(online, client_factory=factory(Waits()))
    assert load_values(online, read_kpi_set(kpi_set_file(tmp_path, with_empty)), client_factory=factory(Waits())).problems == []
    api.requests.clear()
    again = load_values(online, read_kpi_set(kpi_set_file(tmp_path, with_empty)), client_factory=factory(Waits()))
    assert again.laddning.startswith("inkrementell 3 KPI × 4 enheter") and "full" not in again.laddning

    grouped = with_empty.replace("enheter:", 'kommungrupper: ["Liknande kommuner IFO, Ale, 2024"]\nenheter:')
    result = load_values(online, read_kpi_set(kpi_set_file(tmp_path, grouped)), client_factory=factory(Waits()))
    assert result.laddning.startswith("full 3 KPI × 1 enheter") and "; inkrementell 3 KPI × 4 enheter" in result.laddning
    assert result.nya_rader == 1  # the group's value from five years ago


def test_a_full_request_that_failed_is_fetched_in_full_next_night(
    online: Settings, api: KoladaStandIn, tmp_path: Path
) -> None:
    fill(api)
    munis = ["1440"] + [f"{n:04d}" for n in range(1001, 1027)]
    ks = read_kpi_set(kpi_set_file(tmp_path, BASIC_SET.replace("kommuner: alla", f"kommuner: {json.dumps(munis)}")))
    api.fail("/municipality/1025,1026,0000/", status=404)
    first = load_values(online, ks, client_factory=factory(Waits()))
    assert len(first.problems) == 1
    second = load_values(online, ks, client_factory=factory(Waits()))
    assert second.laddning.startswith("full 2 KPI × 3 enheter") and not second.problems
    assert second.nya_rader == 2 * 6 * 3  # Riket's history, which the first night missed
    third = load_values(online, ks, client_factory=factory(Waits()))
    assert "full" not in third.laddning and third.nya_rader == 0


def test_from_date_mode_asks_for_changes_and_honours_isdeleted(online: Settings, api: KoladaStandIn, tmp_path: Path) -> None:
    fill(api)
    ks = read_kpi_set(kpi_set_file(tmp_path, BASIC_SET.replace("metod: senaste_ar", "metod: from_date")))
    load_metadata(online, client_factory=factory(Waits()))
    load_values(online, ks, client_factory=factory(Waits()))
    api.requests.clear()
    api.put("N00090", "0880", TODAY.year - 5, [value("T", None, isdeleted=True)], changed="2099-01-01")
    result = load_values(online, ks, client_factory=factory(Waits()), from_date="2098-12-31")
    assert "from_date 2098-12-31" in result.laddning
    assert all("from_date=2098-12-31" in r for r in api.requests if "/data/" in r)
    assert result.rader == 1 and result.nya_rader == 1
    # without a known date, from_date falls back to the last years
    fallback = load_values(online, ks, client_factory=factory(Waits()))
    assert "inkrementell" in fallback.laddning


def test_a_request_failing_midway_is_one_problem_and_the_others_load(
    online: Settings, api: KoladaStandIn, tmp_path: Path
) -> None:
    fill(api)
    munis = ["1440"] + [f"{n:04d}" for n in range(1001, 1027)]  # chunks: 1440,1001–1024 | 1025,1026,0000
    ks = read_kpi_set(kpi_set_file(tmp_path, BASIC_SET.replace("kommuner: alla", f"kommuner: {json.dumps(munis)}")))
    api.fail("/municipality/1025,1026,0000", status=404)
    result = load_values(online, ks, client_factory=factory(Waits()))
    assert result.kalla == "api" and result.anrop == 2
    assert len(result.problems) == 1
    assert "HTTP 404" in result.problems[0] and "/municipality/1025,1026,0000/" in result.problems[0]
    assert result.nya_rader == 2 * 6 * 3  # Ale from the first request; Riket's request is the problem


def test_unreachable_api_falls_back_to_the_snapshot_and_says_so(
    data_dir: Path, kolada_snapshot: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.delenv("KOLADA_OFFLINE", raising=False)
    monkeypatch.setenv("KOLADA_BASE_URL", closed_port_url())
    monkeypatch.setenv("KOLADA_SNAPSHOT_DIR", str(kolada_snapshot))
    settings = Settings.from_env()
    meta = load_metadata(settings)
    assert meta.kalla == "snapshot" and "kunde inte nås" in meta.offline_orsak
    values = load_values(settings, read_kpi_set(kpi_set_file(tmp_path, BASIC_SET)))
    assert values.kalla == "snapshot" and values.rader == 3645 + 63 + 303
    assert "offline: API:t kunde inte nås" in values.summary()


def test_an_api_that_only_fails_is_treated_as_unreachable(
    online: Settings, api: KoladaStandIn, kolada_snapshot: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("KOLADA_SNAPSHOT_DIR", str(kolada_snapshot))
    settings = Settings.from_env()
    api.fail("/municipality", status=503, times=100)
    waits = Waits()
    meta = load_metadata(settings, client_factory=factory(waits))
    assert meta.kalla == "snapshot" and "HTTP 503" in meta.offline_orsak
    assert waits == [1, 2, 4, 8, 16]


def test_offline_reads_the_snapshot_only(data_dir: Path, kolada_snapshot: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KOLADA_SNAPSHOT_DIR", str(kolada_snapshot))
    monkeypatch.setenv("KOLADA_BASE_URL", closed_port_url())
    settings = Settings.from_env()
    first = load_values(settings)
    assert first.kalla == "snapshot" and first.offline_orsak == "KOLADA_OFFLINE=1" and first.nya_filer == 3
    assert load_values(settings).nya_filer == 0
    assert not lake_files(settings, "sidor")


def test_raw_pages_are_kept_with_url_and_fetch_time(online: Settings, api: KoladaStandIn, tmp_path: Path) -> None:
    fill(api)
    api.page_size = 10
    api.fail("/data/", status=429, headers={"Retry-After": "1"})
    load_metadata(online, client_factory=factory(Waits()))
    load_values(online, read_kpi_set(kpi_set_file(tmp_path, BASIC_SET)), client_factory=factory(Waits()))
    pages = [json.loads(p.read_text(encoding="utf-8")) for p in lake_files(online, "sidor")]
    data_pages = [p for p in pages if "/data/" in p["url"] and p["status"] == 200]
    assert len(data_pages) == 5  # 48 records (kpi × unit × year), 10 per page
    assert sum(len(json.loads(p["body"])["values"]) for p in data_pages) == 2 * 4 * 6
    assert any(p["status"] == 429 for p in pages)
    assert all(p["fetched_at"].startswith(str(TODAY.year)) for p in pages)


def test_kpi_set_entries_are_checked_and_groups_resolved(tmp_path: Path) -> None:
    path = kpi_set_file(tmp_path, """
kpier: [N00090, N0009, {id: U21468}]
kpi_grupper: [GKPI268, GKPI999]
kommuner: [1440, 0114, "0880"]
enheter: [0000, "0000"]
kommungrupper: [G2328, "Liknande kommuner IFO, Ale, 2024", "Finns inte"]
inkrementell: {metod: varje_natt}
""")
    ks = read_kpi_set(path)
    assert ks.kpier == ["N00090", "U21468"] and ks.kommuner == ["1440", "0880"] and ks.enheter == ["0000"]
    assert ks.metod == "senaste_ar"
    problems = "\n".join(ks.problems)
    assert "'N0009'" in problems and "76" in problems and "varje_natt" in problems  # 0114 read as octal by YAML
    import pyarrow as pa

    meta = {
        "kpi_groups": pa.table({"group_id": ["GKPI268"], "group_title": ["P"], "member_id": ["N00206"], "member_title": ["x"]}),
        "municipality": None,
        "municipality_groups": pa.table({"group_id": ["G36449"], "group_title": ["Liknande kommuner IFO, Ale, 2024"],
                                         "member_id": ["1440"], "member_title": ["Ale"]}),
    }
    resolved = resolve(ks, meta)
    assert resolved.kpis == ["N00090", "U21468", "N00206"]
    assert resolved.units == ["1440", "0880", "0000", "G2328", "G36449"]
    assert any("GKPI999" in p for p in resolved.problems) and any("Finns inte" in p for p in resolved.problems)


def test_the_default_kpi_set_is_valid_and_fits_one_request_segment() -> None:
    ks = read_kpi_set()
    assert not ks.problems
    assert {"N00090", "N30005", "N31008", "N28016", "N20011", "U21468", "U23471", "N00216", "N00206"} <= set(ks.kpier)
    assert len(ks.kpier) <= 25 and ks.alla_kommuner and ks.enheter == ["0000"]
