"""A loopback stand-in for the Kolada API v3 (tests only; never the internet).

It answers the real v3 shapes: ``{"values": [...], "count", "next_url", "previous_url"}``
for ``data/kpi/…/municipality/…/year/…`` (any two of the three) and the metadata entities,
paginates with ``per_page``/``page`` (``page_size`` caps it to force many pages), refuses
more than 25 ids per segment with 400 like the real API, and can be told to misbehave:
``fail(match, status=…, headers=…, body=…, delay=…, times=…)``.
"""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlencode, urlsplit

Key = tuple[str, str, int]  # kpi, municipality, period


@dataclass
class Fault:
    match: str
    status: int = 500
    headers: dict[str, str] = field(default_factory=dict)
    body: str | None = None
    delay: float = 0.0
    times: int = 1


class KoladaStandIn:
    def __init__(self, page_size: int = 5000) -> None:
        self.values: dict[Key, list[dict]] = {}
        self.changed: dict[Key, str] = {}  # for from_date: the date a record last changed
        self.metadata: dict[str, list[dict]] = {e: [] for e in
                                                ("kpi", "kpi_groups", "municipality", "municipality_groups", "ou")}
        self.page_size = page_size
        self.faults: list[Fault] = []
        self.requests: list[str] = []
        self.next_url_override: dict[str, str] = {}
        self._lock = threading.Lock()
        self._server: ThreadingHTTPServer | None = None

    # --- data --------------------------------------------------------------------------
    def put(self, kpi: str, municipality: str, period: int, values: list[dict], changed: str = "2020-01-01") -> None:
        self.values[(kpi, municipality, period)] = values
        self.changed[(kpi, municipality, period)] = changed

    def fail(self, match: str, **kwargs) -> None:
        self.faults.append(Fault(match, **kwargs))

    @property
    def base_url(self) -> str:
        assert self._server is not None
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}/v3"

    # --- answering ----------------------------------------------------------------------
    def _fault_for(self, path: str) -> Fault | None:
        with self._lock:
            for f in self.faults:
                if f.times > 0 and f.match in path:
                    f.times -= 1
                    return f
        return None

    def _page(self, path: str, query: dict, items: list[dict]) -> dict:
        per_page = min(int(query.get("per_page", ["5000"])[0]), self.page_size)
        page = int(query.get("page", ["1"])[0])
        chunk = items[(page - 1) * per_page : page * per_page]
        more = page * per_page < len(items)

        def link(p: int) -> str:
            return f"{self.base_url}{path}?" + urlencode({**{k: v[0] for k, v in query.items()}, "page": p})

        return {
            "count": len(chunk),
            "next_url": link(page + 1) if more else None,
            "previous_url": link(page - 1) if page > 1 else None,
            "values": chunk,
        }

    def answer(self, raw_path: str) -> tuple[int, dict[str, str], str, float]:
        split = urlsplit(raw_path)
        path = split.path.removeprefix("/v3")
        query = parse_qs(split.query, keep_blank_values=True)
        with self._lock:
            self.requests.append(raw_path)
        fault = self._fault_for(raw_path)
        if fault is not None:
            body = fault.body if fault.body is not None else json.dumps({"error": f"HTTP {fault.status}"})
            if fault.status == 200:
                return 200, fault.headers, body, fault.delay
            return fault.status, fault.headers, body, fault.delay
        parts = [p for p in path.split("/") if p]
        if parts and parts[0] == "data":
            dims = dict(zip(parts[1::2], parts[2::2]))
            ids = {k: v.split(",") for k, v in dims.items()}
            if any(len(v) > 25 for v in ids.values()):
                return 400, {}, json.dumps({"error": "Too many ids in one segment (max 25)"}), 0.0
            if len(ids) < 2 or not set(ids) <= {"kpi", "municipality", "year"}:
                return 400, {}, json.dumps({"error": "Need two of kpi, municipality, year"}), 0.0
            since = query.get("from_date", [None])[0]
            items = []
            for (kpi, muni, period), vals in sorted(self.values.items()):
                if "kpi" in ids and kpi not in ids["kpi"]:
                    continue
                if "municipality" in ids and muni not in ids["municipality"]:
                    continue
                if "year" in ids and str(period) not in ids["year"]:
                    continue
                if since and self.changed[(kpi, muni, period)] < since:
                    continue
                items.append({"kpi": kpi, "municipality": muni, "period": period, "values": vals})
            body = self._page(path, query, items)
        elif parts and parts[0] in self.metadata:
            items = self.metadata[parts[0]]
            if len(parts) > 1:
                wanted = parts[1].split(",")
                if len(wanted) > 25:
                    return 400, {}, json.dumps({"error": "Too many ids (max 25)"}), 0.0
                items = [i for i in items if i.get("id") in wanted]
            body = self._page(path, query, items)
        else:
            return 404, {}, json.dumps({"error": "Not found"}), 0.0
        if path in self.next_url_override:
            body["next_url"] = self.next_url_override[path]
        return 200, {}, json.dumps(body, ensure_ascii=False), 0.0

    # --- server -------------------------------------------------------------------------
    @contextmanager
    def running(self) -> Iterator[KoladaStandIn]:
        standin = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802
                status, headers, body, delay = standin.answer(self.path)
                if delay:
                    time.sleep(delay)
                data = body.encode("utf-8")
                try:
                    self.send_response(status)
                    self.send_header("Content-Type", "application/json; charset=utf-8")
                    self.send_header("Content-Length", str(len(data)))
                    for k, v in headers.items():
                        self.send_header(k, v)
                    self.end_headers()
                    self.wfile.write(data)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client gave up (a timeout test)

            def log_message(self, *args) -> None:
                pass

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        thread = threading.Thread(target=self._server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
        thread.start()
        try:
            yield self
        finally:
            self._server.shutdown()
            self._server.server_close()


def value(gender: str, v: float | None, status: str = "", count: int = 1, **extra) -> dict:
    return {"gender": gender, "count": count, "status": status if v is not None or status else "Missing", "value": v} | extra


def closed_port_url() -> str:
    """A loopback URL nobody listens on (connection refused at once)."""
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    return f"http://127.0.0.1:{port}/v3"
