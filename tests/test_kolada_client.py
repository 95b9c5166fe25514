"""The Kolada v3 client against a loopback stand-in: pagination, chunking, retries, errors.

No test sleeps for real: the client's ``sleep`` records the waits it would have made."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from email.utils import format_datetime

import httpx
import pytest

from pipelines.kolada.client import (
    KoladaClient,
    KoladaError,
    KoladaUnreachable,
    fetch_values,
    retry_after_seconds,
)
from pipelines.kolada.rows import value_rows
from tests.kolada_standin import KoladaStandIn, closed_port_url, value


class Waits(list):
    """Stands in for time.sleep: remembers each wait instead of sleeping."""

    def __call__(self, seconds: float) -> None:
        self.append(round(seconds, 3))


@pytest.fixture
def api():
    standin = KoladaStandIn()
    with standin.running():
        yield standin


def client_for(api: KoladaStandIn, waits: Waits, **kwargs) -> KoladaClient:
    kwargs.setdefault("rate", 0)  # the throttle has its own test
    return KoladaClient(api.base_url, sleep=waits, **kwargs)


def rows_of(client: KoladaClient, *args, **kwargs) -> list[dict]:
    out = []
    for page in client.values(*args, **kwargs):
        rows, problems = value_rows(page.body)
        assert not problems
        out.extend(rows)
    return out


def test_follows_next_url_over_many_pages_and_ignores_count(api: KoladaStandIn) -> None:
    api.page_size = 7
    for year in range(2000, 2025):
        for muni in ("1440", "0880", "1280", "0000"):
            api.put("N00090", muni, year, [value("T", year / 10), value("K", 1.0), value("M", 2.0)])
    waits = Waits()
    with client_for(api, waits) as client:
        rows = rows_of(client, ["N00090"], ["1440", "0880", "1280", "0000"], list(range(2000, 2025)))
        assert client.pages_read == 15  # 100 records, 7 per page
    assert len(rows) == 300
    assert {(r["municipality"], r["period"]) for r in rows} == {
        (m, y) for m in ("1440", "0880", "1280", "0000") for y in range(2000, 2025)
    }
    pages = [r for r in api.requests if "/data/" in r]
    assert len(pages) == 15 and "page=15" in pages[-1]
    assert waits == []


def test_more_than_25_ids_are_chunked_in_every_segment(api: KoladaStandIn) -> None:
    kpis = [f"N{n:05d}" for n in range(30)]
    munis = [f"{n:04d}" for n in range(1, 61)]
    years = list(range(1990, 2020))
    for k in kpis[::7]:
        for m in munis[::9]:
            for y in years[::11]:
                api.put(k, m, y, [value("T", 1.5)])
    with client_for(api, Waits()) as client:
        urls = client.value_urls(kpis, munis, years)
        rows = rows_of(client, kpis, munis, years)
    assert len(urls) == 2 * 3 * 2
    for url in urls:
        segments = url.split("?")[0].split("/data/")[1].split("/")
        assert all(len(ids.split(",")) <= 25 for ids in segments[1::2])
    assert len(rows) == len(api.values)
    assert not any("400" in r for r in api.requests)


def test_the_standin_refuses_26_ids_like_the_api_and_the_error_names_the_request(api: KoladaStandIn) -> None:
    munis = [f"{n:04d}" for n in range(26)]
    waits = Waits()
    with client_for(api, waits) as client:
        url = client.url(f"data/kpi/N00090/municipality/{','.join(munis)}")
        with pytest.raises(KoladaError) as err:
            client.get(url)
    message = str(err.value)
    assert "HTTP 400" in message and "\n" not in message
    assert "/data/kpi/N00090/municipality/0000,0001,…,0025 (26)?per_page=5000" in message
    assert waits == []  # a 4xx other than 429 is not retried


def test_429_waits_what_retry_after_says(api: KoladaStandIn) -> None:
    api.put("N00090", "1440", 2022, [value("T", 9.3)])
    api.fail("/data/", status=429, headers={"Retry-After": "7"}, times=2)
    waits = Waits()
    with client_for(api, waits) as client:
        rows = rows_of(client, ["N00090"], ["1440"], [2022])
        assert client.requests == 3
    assert waits == [7.0, 7.0]
    assert rows[0]["value"] == 9.3


def test_retry_after_as_http_date_and_a_cap() -> None:
    now = datetime(2026, 11, 22, 12, 0, tzinfo=timezone.utc)
    assert retry_after_seconds(format_datetime(now + timedelta(seconds=30), usegmt=True), now) == 30.0
    assert retry_after_seconds("3", now) == 3.0
    assert retry_after_seconds("nonsense", now) is None and retry_after_seconds(None) is None


def test_retry_after_is_capped(api: KoladaStandIn) -> None:
    api.put("N00090", "1440", 2022, [value("T", 9.3)])
    api.fail("/data/", status=429, headers={"Retry-After": "86400"})
    waits = Waits()
    with client_for(api, waits, retry_after_max=60) as client:
        assert len(rows_of(client, ["N00090"], ["1440"], [2022])) == 1
    assert waits == [60.0]


def test_500_then_success_backs_off_exponentially(api: KoladaStandIn) -> None:
    api.put("N00090", "1440", 2022, [value("T", 9.3)])
    api.fail("/data/", status=500, times=3)
    waits = Waits()
    with client_for(api, waits) as client:
        rows = rows_of(client, ["N00090"], ["1440"], [2022])
    assert waits == [1.0, 2.0, 4.0]
    assert rows[0]["value"] == 9.3


def test_5xx_for_good_gives_up_after_the_bound_with_one_line(api: KoladaStandIn) -> None:
    api.fail("/data/", status=503, times=100)
    waits = Waits()
    with client_for(api, waits, max_attempts=6) as client:
        with pytest.raises(KoladaError) as err:
            rows_of(client, ["N00090"], ["1440"], [2022])
        assert client.requests == 6
    assert waits == [1.0, 2.0, 4.0, 8.0, 16.0]
    assert "N00090" in str(err.value) and "HTTP 503" in str(err.value) and "\n" not in str(err.value)


def test_a_timeout_is_retried(api: KoladaStandIn) -> None:
    api.put("N00090", "1440", 2022, [value("T", 9.3)])
    api.fail("/data/", status=200, delay=1.5)  # the first answer comes too late
    waits = Waits()
    timeout = httpx.Timeout(0.3, connect=2.0)
    with client_for(api, waits, timeout=timeout) as client:
        rows = rows_of(client, ["N00090"], ["1440"], [2022])
        assert client.requests == 2
    assert waits == [1.0]
    assert rows[0]["value"] == 9.3


def test_malformed_json_is_a_clear_error_and_the_page_is_still_kept(api: KoladaStandIn) -> None:
    api.fail("/data/", status=200, body='{"values": [{"kpi": "N00090", "municipality": "14')
    kept = []
    with client_for(api, Waits(), on_page=lambda *page: kept.append(page)) as client:
        with pytest.raises(KoladaError) as err:
            rows_of(client, ["N00090"], ["1440"], [2022])
    assert "JSON" in str(err.value) and "/data/kpi/N00090/municipality/1440/year/2022" in str(err.value)
    assert kept and kept[0][2] == 200 and kept[0][3].startswith('{"values": [{"kpi"')


def test_empty_results(api: KoladaStandIn) -> None:
    with client_for(api, Waits()) as client:
        pages = list(client.values(["N00090"], ["1440"], [2022]))
    assert len(pages) == 1 and pages[0].body["values"] == [] and pages[0].body["next_url"] is None


def test_null_values_missing_status_and_isdeleted_are_kept(api: KoladaStandIn) -> None:
    api.put("U21468", "1440", 2023, [value("T", None), value("K", None, status="Missing"), value("M", 88.0, isdeleted=True)])
    rows, problems = fetch_values(["U21468"], ["1440"], [2023], api.base_url)
    assert not problems
    by_gender = {r["gender"]: r for r in rows}
    assert by_gender["T"]["value"] is None and by_gender["T"]["status"] == "Missing"
    assert by_gender["K"]["value"] is None and by_gender["K"]["status"] == "Missing"
    assert by_gender["M"]["value"] == 88.0 and by_gender["M"]["isdeleted"] is True
    assert by_gender["T"]["count"] == 1


def test_rows_that_cannot_be_read_are_reported_not_dropped() -> None:
    body = {"values": [
        {"kpi": "N00090", "municipality": "1440", "period": 2022,
         "values": [value("T", 9.3), value("X", 1.0), {"gender": "K", "value": "9,3", "count": 1, "status": ""}]},
        {"kpi": "N00090", "period": 2022, "values": []},
    ]}
    rows, problems = value_rows(body, "sida 1")
    assert [r["gender"] for r in rows] == ["T"]
    assert len(problems) == 3 and all(p.startswith("sida 1: ") for p in problems)
    assert "'X'" in problems[0] and "'9,3'" in problems[1] and "municipality=None" in problems[2]


def test_next_url_to_another_host_or_back_is_refused(api: KoladaStandIn) -> None:
    api.put("N00090", "1440", 2022, [value("T", 9.3)])
    api.next_url_override["/data/kpi/N00090/municipality/1440/year/2022"] = "https://evil.example/v3/data?page=2"
    with client_for(api, Waits()) as client:
        with pytest.raises(KoladaError, match="annan värd"):
            rows_of(client, ["N00090"], ["1440"], [2022])
    api.next_url_override["/data/kpi/N00090/municipality/1440/year/2022"] = (
        f"{api.base_url}/data/kpi/N00090/municipality/1440/year/2022?per_page=5000"
    )
    with client_for(api, Waits()) as client:
        with pytest.raises(KoladaError, match="pagination loop"):
            rows_of(client, ["N00090"], ["1440"], [2022])


def test_metadata_endpoints_paginate_and_chunk_ids(api: KoladaStandIn) -> None:
    api.page_size = 10
    api.metadata["municipality"] = [{"id": f"{n:04d}", "title": f"Kommun {n}", "type": "K"} for n in range(1, 41)]
    with client_for(api, Waits()) as client:
        assert len(list(client.metadata("municipality"))) == 40
        some = list(client.metadata("municipality", ids=[f"{n:04d}" for n in range(1, 31)]))
    assert len(some) == 30
    assert sum("/municipality/" in r for r in api.requests) == 2 + 2  # two chunks, one of two pages


def test_from_date_is_sent(api: KoladaStandIn) -> None:
    api.put("N00090", "1440", 2022, [value("T", 9.3)], changed="2026-11-01")
    api.put("N00090", "1440", 2021, [value("T", 9.0)], changed="2025-01-01")
    with client_for(api, Waits()) as client:
        rows = rows_of(client, ["N00090"], ["1440"], [2021, 2022], from_date="2026-10-01")
    assert [r["period"] for r in rows] == [2022]
    assert "from_date=2026-10-01" in api.requests[-1]


def test_throttle_keeps_about_five_requests_a_second(api: KoladaStandIn) -> None:
    clock = [0.0]
    waits = Waits()

    def sleep(seconds: float) -> None:
        waits(seconds)
        clock[0] += seconds

    with KoladaClient(api.base_url, rate=5.0, sleep=sleep, clock=lambda: clock[0]) as client:
        for _ in range(10):
            client.get(client.url("municipality"))
    assert waits == [0.2] * 9
    assert clock[0] == pytest.approx(1.8)


def test_an_unreachable_api_is_noticed_at_once() -> None:
    with KoladaClient(closed_port_url(), rate=0, sleep=Waits()) as client:
        with pytest.raises(KoladaUnreachable):
            client.get(client.url("municipality"))
        assert client.requests == 1
