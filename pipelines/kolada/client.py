"""Kolada API v3 client: chunked ids, ``next_url`` pagination, a polite rate and retries.

- At most 25 ids per path segment (KPIs, municipalities and years alike): chunked here.
- ``next_url`` is followed until it is null; ``count`` is never trusted. A ``next_url`` to
  another host, or back to a page already read, is an error.
- About 5 requests/s (``rate``). 429 is retried honouring ``Retry-After``; 5xx, timeouts
  and transport errors with exponential backoff; both bounded by ``max_attempts``.
  Any other 4xx is a ``KoladaError`` whose one-line message names the request.
- Every response, whatever its status, is handed to ``on_page(url, fetched_at, status, text)``
  before it is parsed: the loader stores it in the raw layer as received.
- Time is bounded per client (one client = one phase: metadata, values, a ``kolada fetch``):
  no answer at all for ``stall`` seconds (``KOLADA_STALL_S``, default 90) or more than
  ``deadline`` seconds in total (``KOLADA_DEADLINE_S``, default 1800) ends the phase with a
  ``KoladaTimeout`` naming the limit; a read waits at most ``KOLADA_TIMEOUT_S`` (default 30)
  and never past either limit. A hanging API therefore costs ``stall`` seconds per phase, not
  ``max_attempts`` read timeouts plus backoff (6.5 minutes before). Every retry is reported
  to ``on_retry(line)`` (the CLI prints it), so a slow phase is never silent.
- ``sleep`` and ``clock`` are injectable, so tests assert the waits instead of sleeping.
"""

from __future__ import annotations

import json
import os
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime, timezone
from email.utils import parsedate_to_datetime
from itertools import product
from urllib.parse import urlencode, urljoin, urlsplit

import httpx
from tenacity import Retrying, retry_if_exception_type, stop_after_attempt, wait_exponential
from tenacity.wait import wait_base

MAX_IDS = 25
PER_PAGE = 5000
RATE = 5.0
# Connect short (an unreachable API is noticed within seconds), reads patient.
TIMEOUT = httpx.Timeout(30.0, connect=4.0)
# Per phase: seconds without any answer, and seconds in total (see the module docstring).
STALL_S, DEADLINE_S = 90.0, 1800.0
TIMEOUT_ENV, STALL_ENV, DEADLINE_ENV = "KOLADA_TIMEOUT_S", "KOLADA_STALL_S", "KOLADA_DEADLINE_S"
METADATA_ENTITIES = ("kpi", "kpi_groups", "municipality", "municipality_groups", "ou")

PageHook = Callable[[str, str, int, str], None]


class KoladaError(Exception):
    """An expected Kolada failure; the message is one line naming the request."""


class KoladaUnreachable(KoladaError):
    """The first request could not even connect: the caller may fall back to the snapshot."""

    def __init__(self, message: str, reason: str | None = None) -> None:
        super().__init__(message)
        self.reason = reason or message  # without the request, for a summary line


class KoladaTimeout(KoladaUnreachable):
    """The phase ran out of time (no answer for ``stall`` s, or over ``deadline`` s in total)."""


def _env_seconds(name: str, default: float) -> float:
    try:
        value = float(os.environ.get(name, "").strip() or default)
    except ValueError:
        return default
    return value if value > 0 else default


class _Retryable(Exception):
    def __init__(self, reason: str, retry_after: float | None = None) -> None:
        super().__init__(reason)
        self.retry_after = retry_after


def now_fetched() -> str:
    """Fetch times with microseconds, so two loads within a second still order correctly."""
    return datetime.now(timezone.utc).isoformat()


def chunks(ids: Sequence[str], size: int = MAX_IDS) -> Iterator[list[str]]:
    for i in range(0, len(ids), size):
        yield list(ids[i : i + size])


def short_url(url: str) -> str:
    """The URL for a one-line message: long id lists shortened (``0114,0115,…,2584 (25)``)."""
    head, sep, query = url.partition("?")
    parts = []
    for part in head.split("/"):
        ids = part.split(",")
        parts.append(f"{ids[0]},{ids[1]},…,{ids[-1]} ({len(ids)})" if len(ids) > 4 else part)
    return "/".join(parts) + sep + query


def retry_after_seconds(value: str | None, now: datetime | None = None) -> float | None:
    """``Retry-After`` as seconds: an integer, or an HTTP date."""
    if not value:
        return None
    value = value.strip()
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=timezone.utc)
    return max(0.0, (when - (now or datetime.now(timezone.utc))).total_seconds())


class _RetryAfterOrBackoff(wait_base):
    """Wait what the server asked for (capped), else exponential backoff."""

    def __init__(self, backoff: wait_base, cap: float) -> None:
        self.backoff = backoff
        self.cap = cap

    def __call__(self, retry_state) -> float:
        exc = retry_state.outcome.exception() if retry_state.outcome else None
        if isinstance(exc, _Retryable) and exc.retry_after is not None:
            return min(exc.retry_after, self.cap)
        return self.backoff(retry_state)


class _Throttle:
    """At most ``rate`` request starts per second."""

    def __init__(self, rate: float, clock: Callable[[], float], sleep: Callable[[float], None]) -> None:
        self.interval = 1.0 / rate if rate > 0 else 0.0
        self.clock, self.sleep = clock, sleep
        self.next_at: float | None = None

    def wait(self) -> None:
        if not self.interval:
            return
        now = self.clock()
        if self.next_at is not None and now < self.next_at:
            self.sleep(self.next_at - now)
            now = self.next_at
        self.next_at = now + self.interval


@dataclass(frozen=True)
class Page:
    url: str
    status: int
    fetched_at: str
    text: str
    body: dict


class KoladaClient:
    def __init__(
        self,
        base_url: str,
        *,
        timeout: httpx.Timeout | None = None,
        rate: float = RATE,
        max_attempts: int = 6,
        backoff_max: float = 30.0,
        retry_after_max: float = 120.0,
        per_page: int = PER_PAGE,
        on_page: PageHook | None = None,
        sleep: Callable[[float], None] = time.sleep,
        clock: Callable[[], float] = time.monotonic,
        stall: float | None = None,
        deadline: float | None = None,
        on_retry: Callable[[str], None] | None = None,
    ) -> None:
        if timeout is None:
            timeout = httpx.Timeout(_env_seconds(TIMEOUT_ENV, TIMEOUT.read), connect=TIMEOUT.connect)
        self.stall = stall if stall is not None else _env_seconds(STALL_ENV, STALL_S)
        self.deadline = deadline if deadline is not None else _env_seconds(DEADLINE_ENV, DEADLINE_S)
        self.on_retry = on_retry
        self._clock = clock
        self._started = self._answered = clock()
        self._timeout = timeout
        self.base_url = base_url.rstrip("/")
        self.per_page = per_page
        self.on_page = on_page
        self.max_attempts = max_attempts
        self._sleep = sleep
        self._throttle = _Throttle(rate, clock, sleep)
        self._wait = _RetryAfterOrBackoff(wait_exponential(multiplier=1, min=1, max=backoff_max), retry_after_max)
        self._http = httpx.Client(
            timeout=timeout, follow_redirects=True,
            headers={"Accept": "application/json", "User-Agent": "kommunlager (Kolada v3 client)"},
        )
        self._host = urlsplit(self.base_url).netloc
        self._reached = False
        self.requests = 0  # HTTP requests sent, retries included
        self.pages_read = 0

    def close(self) -> None:
        self._http.close()

    def __enter__(self) -> KoladaClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- time -------------------------------------------------------------------------
    def time_left(self) -> float:
        """Seconds before the phase gives up (the nearer of the stall and total limits)."""
        now = self._clock()
        return min(self.stall - (now - self._answered), self.deadline - (now - self._started))

    def _out_of_time(self, name: str, last: str | None = None) -> KoladaTimeout:
        now = self._clock()
        if self.deadline - (now - self._started) <= self.stall - (now - self._answered):
            why = f"fasens tidsgräns {self.deadline:g} s överskriden ({DEADLINE_ENV})"
        else:
            why = f"inget svar på {self.stall:g} s ({STALL_ENV})"
        reason = why + (f"; senast: {last}" if last else "")
        return KoladaTimeout(f"GET {name}: gav upp, {reason} (timed out)", reason)

    def _request_timeout(self) -> httpx.Timeout:
        """The configured timeouts, none longer than the time the phase has left."""
        left = max(self.time_left(), 0.05)
        cap = (lambda t: left if t is None else min(t, left))
        return httpx.Timeout(connect=cap(self._timeout.connect), read=cap(self._timeout.read),
                             write=cap(self._timeout.write), pool=cap(self._timeout.pool))

    # --- one request ------------------------------------------------------------------
    def _get_once(self, url: str) -> Page:
        name = short_url(url)
        self._throttle.wait()
        if self.time_left() <= 0:
            raise self._out_of_time(name)
        self.requests += 1
        try:
            response = self._http.get(url, timeout=self._request_timeout())
        except httpx.TimeoutException as exc:
            if isinstance(exc, httpx.ConnectTimeout) and not self._reached:
                raise KoladaUnreachable(f"GET {name}: API:t svarar inte (connect timeout)", "connect timeout") from None
            raise _Retryable(f"tidsgräns ({type(exc).__name__})") from None
        except httpx.ConnectError as exc:
            if not self._reached:
                why = f"ConnectError: {exc}"
                raise KoladaUnreachable(f"GET {name}: API:t nås inte ({why})", why) from None
            raise _Retryable(f"ConnectError: {exc}") from None
        except httpx.TransportError as exc:
            raise _Retryable(f"{type(exc).__name__}: {exc}") from None
        self._reached = True
        self._answered = self._clock()
        fetched_at = now_fetched()
        text = response.text
        if self.on_page:
            self.on_page(url, fetched_at, response.status_code, text)
        status = response.status_code
        if status == 429 or status >= 500:
            raise _Retryable(f"HTTP {status}", retry_after_seconds(response.headers.get("Retry-After")))
        if status != 200:
            snippet = " ".join(text.split())[:160]
            raise KoladaError(f"GET {name}: HTTP {status} {response.reason_phrase}" + (f": {snippet}" if snippet else ""))
        try:
            body = json.loads(text)
        except ValueError as exc:
            raise KoladaError(f"GET {name}: svaret är inte giltig JSON (malformed JSON: {exc})") from None
        if not isinstance(body, dict) or not isinstance(body.get("values"), list):
            raise KoladaError(f"GET {name}: oväntat svar, ingen lista 'values' (unexpected body)")
        self.pages_read += 1
        return Page(url=url, status=status, fetched_at=fetched_at, text=text, body=body)

    def get(self, url: str) -> Page:
        """One page, retried on 429/5xx/timeouts; a ``KoladaError`` naming ``url`` otherwise
        (``KoladaTimeout`` when the phase ran out of time)."""
        attempts = stop_after_attempt(self.max_attempts)

        def stop(state) -> bool:
            return attempts(state) or self.time_left() <= 0

        def wait(state) -> float:
            return max(0.0, min(self._wait(state), self.time_left()))

        def before_sleep(state) -> None:
            if self.on_retry:
                exc = state.outcome.exception()
                self.on_retry(f"GET {short_url(url)}: {exc}; försök {state.attempt_number + 1}/{self.max_attempts} "
                              f"om {state.next_action.sleep:.0f} s ({max(self.time_left(), 0):.0f} s kvar av fasen)")

        retrying = Retrying(sleep=self._sleep, wait=wait, stop=stop, before_sleep=before_sleep,
                            retry=retry_if_exception_type(_Retryable), reraise=True)
        try:
            return retrying(self._get_once, url)
        except _Retryable as exc:
            if self.time_left() <= 0:
                raise self._out_of_time(short_url(url), str(exc)) from None
            raise KoladaError(f"GET {short_url(url)}: gav upp efter {self.max_attempts} försök (gave up): {exc}") from None

    # --- pagination -------------------------------------------------------------------
    def url(self, path: str, params: dict | None = None) -> str:
        query = {"per_page": self.per_page} | {k: v for k, v in (params or {}).items() if v is not None}
        return f"{self.base_url}/{path.lstrip('/')}?{urlencode(query, safe=',')}"

    def pages(self, url: str) -> Iterator[Page]:
        """The page at ``url`` and every page after it (``next_url`` until null)."""
        seen: set[str] = set()
        while url:
            if url in seen:
                raise KoladaError(f"GET {short_url(url)}: next_url pekar på en sida som redan lästs (pagination loop)")
            seen.add(url)
            page = self.get(url)
            yield page
            nxt = page.body.get("next_url")
            if not nxt:
                return
            nxt = urljoin(url, str(nxt))
            if urlsplit(nxt).netloc != self._host:
                raise KoladaError(f"GET {short_url(url)}: next_url leder till en annan värd ({urlsplit(nxt).netloc})")
            url = nxt

    # --- endpoints --------------------------------------------------------------------
    def metadata_urls(self, entity: str, ids: Sequence[str] | None = None, **params: str) -> list[str]:
        if entity not in METADATA_ENTITIES:
            raise ValueError(f"unknown Kolada entity {entity!r}")
        if not ids:
            return [self.url(entity, params)]
        return [self.url(f"{entity}/{','.join(c)}", params) for c in chunks(list(ids))]

    def metadata(self, entity: str, ids: Sequence[str] | None = None, **params: str) -> Iterator[dict]:
        """Items of ``kpi``, ``kpi_groups``, ``municipality``, ``municipality_groups`` or ``ou``."""
        for url in self.metadata_urls(entity, ids, **params):
            for page in self.pages(url):
                yield from page.body["values"]

    def value_urls(
        self,
        kpis: Sequence[str] | None,
        municipalities: Sequence[str] | None,
        years: Sequence[int] | None,
        from_date: str | None = None,
    ) -> list[str]:
        """``data/kpi/{≤25}/municipality/{≤25}/year/{≤25}`` for every chunk combination.

        At least two of the three dimensions are required (the API's rule)."""
        dims = [("kpi", kpis), ("municipality", municipalities), ("year", years)]
        given = [(name, [str(v) for v in ids]) for name, ids in dims if ids]
        if len(given) < 2:
            raise ValueError("Kolada data calls need at least two of kpi, municipality and year")
        urls = []
        for combo in product(*(list(chunks(ids)) for _, ids in given)):
            path = "data/" + "/".join(f"{name}/{','.join(part)}" for (name, _), part in zip(given, combo))
            urls.append(self.url(path, {"from_date": from_date}))
        return urls

    def values(
        self,
        kpis: Sequence[str] | None,
        municipalities: Sequence[str] | None,
        years: Sequence[int] | None,
        from_date: str | None = None,
    ) -> Iterator[Page]:
        for url in self.value_urls(kpis, municipalities, years, from_date):
            yield from self.pages(url)


def fetch_values(
    kpis: list[str], municipalities: list[str], years: list[int], base_url: str,
    from_date: str | None = None, on_page: PageHook | None = None,
    on_retry: Callable[[str], None] | None = None,
) -> tuple[list[dict], list[str]]:
    """Every value row for the request (null values and status Missing kept), and problems."""
    from pipelines.kolada.rows import value_rows

    rows: list[dict] = []
    problems: list[str] = []
    with KoladaClient(base_url, on_page=on_page, on_retry=on_retry) as client:
        for page in client.values(kpis, municipalities, years, from_date):
            got, bad = value_rows(page.body, short_url(page.url))
            rows.extend(got)
            problems.extend(bad)
    return rows, problems
