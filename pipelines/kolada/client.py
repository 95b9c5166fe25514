"""Kolada API v3 client (thin first version: chunking and next_url pagination).

The full client (retries with tenacity, 429/Retry-After, rate limit, raw page storage,
metadata endpoints) is issue 4.
"""

from __future__ import annotations

from collections.abc import Iterator

import httpx

MAX_IDS = 25
TIMEOUT = httpx.Timeout(30.0, connect=5.0)


class KoladaError(Exception):
    """An expected Kolada failure; the message is one line naming the request."""


def chunks(ids: list[str], size: int = MAX_IDS) -> Iterator[list[str]]:
    for i in range(0, len(ids), size):
        yield ids[i : i + size]


def _pages(client: httpx.Client, url: str) -> Iterator[dict]:
    while url:
        try:
            response = client.get(url)
        except httpx.HTTPError as exc:
            raise KoladaError(f"{url}: {type(exc).__name__}: {exc}") from None
        if response.status_code != 200:
            raise KoladaError(f"{url}: HTTP {response.status_code}")
        try:
            body = response.json()
        except ValueError:
            raise KoladaError(f"{url}: svaret är inte JSON (malformed JSON)") from None
        yield body
        url = body.get("next_url") or ""


def fetch_values(kpis: list[str], municipalities: list[str], years: list[int], base_url: str) -> Iterator[dict]:
    with httpx.Client(timeout=TIMEOUT) as client:
        for k in chunks(kpis):
            for m in chunks(municipalities):
                for y in chunks([str(v) for v in years]):
                    url = f"{base_url}/data/kpi/{','.join(k)}/municipality/{','.join(m)}/year/{','.join(y)}"
                    for body in _pages(client, url):
                        for rec in body.get("values", []):
                            for v in rec.get("values", []):
                                yield {
                                    "kpi": rec["kpi"], "municipality": rec["municipality"], "period": rec["period"],
                                    "gender": v.get("gender"), "value": v.get("value"),
                                    "status": v.get("status"), "count": v.get("count"),
                                }
