"""Kolada loads into the raw layer: metadata, values (API or snapshot) and export files.

Where the data comes from:
- ``KOLADA_OFFLINE=1``: the snapshot folder (``KOLADA_SNAPSHOT_DIR``) and export files only;
- otherwise the API; when its first request cannot even connect (or fails for good before
  anything was read), the snapshot, and the result says so (``offline_orsak``).

API values are an observation of the API's current state: the rows whose content differs
from the newest API row of the same key are written (``ApiState``), one file per request.
A rerun therefore adds nothing, and a revised value adds one row (the warehouse shows it,
the lake keeps the old file). Every (kpi, unit) pair whose full history has not been
fetched yet (a KPI or group added to the set, a full request that failed) gets it; the
rest is re-pulled for the last years (or asked for with ``from_date``).
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, timezone
from pathlib import Path

import duckdb
import pyarrow as pa

from pipelines.config import Settings
from pipelines.kolada import store
from pipelines.kolada.client import KoladaClient, KoladaError, KoladaUnreachable, chunks, now_fetched, short_url
from pipelines.kolada.kpi_set import KpiSet, read_kpi_set, resolve
from pipelines.kolada.rows import VALUE_FIELDS, duplicate_problems, meta_table, value_rows, values_table
from pipelines.kolada.snapshot import load_snapshot
from pipelines.lib.files import now_iso

META_ENTITIES = ("municipality", "kpi", "municipality_groups", "kpi_groups")
ClientFactory = Callable[[Settings], KoladaClient]


@dataclass
class LoadResult:
    """What one Kolada asset did; ``summary`` is the line the run summary prints."""

    what: str                        # metadata | varden | exportfiler
    kalla: str = "ingen"             # api | snapshot | export | ingen
    detalj: str = ""                 # base URL or snapshot folder
    offline_orsak: str | None = None
    laddning: str = ""               # full / inkrementell … (API values)
    anrop: int = 0                   # HTTP requests, retries included
    sidor: int = 0                   # pages read
    rader: int = 0                   # value or metadata rows read
    nya_rader: int = 0               # value rows written (changed or new)
    nya_filer: int = 0
    hamtad: str | None = None
    problems: list[str] = field(default_factory=list)
    extra: dict[str, object] = field(default_factory=dict)

    def summary(self) -> str:
        if self.kalla == "api":
            src = f"API {self.detalj}"
        elif self.kalla == "snapshot":
            src = f"ögonblicksbild {self.detalj}" + (f" (offline: {self.offline_orsak})" if self.offline_orsak else "")
        elif self.kalla == "export":
            src = f"exportfiler i {self.detalj}"
        else:
            why = self.offline_orsak or self.detalj
            src = "ingen källa" + (f" ({why})" if why else "")
        parts = [f"Kolada {self.what}: {src}"]
        if self.laddning:
            parts.append(self.laddning)
        if self.anrop:
            parts.append(f"{self.anrop} anrop, {self.sidor} sidor")
        if self.what == "metadata":
            parts.append(f"{self.rader} rader, {self.nya_filer} nya filer")
        elif self.what == "exportfiler":
            parts.append(f"{self.rader} datarader lästa, {self.nya_rader} värden in i {self.nya_filer} nya filer")
        else:
            parts.append(f"{self.rader} värden lästa, {self.nya_rader} nya/ändrade i {self.nya_filer} nya filer")
        if self.problems:
            parts.append(f"{len(self.problems)} problem")
        return ", ".join(parts)


def _client(settings: Settings) -> KoladaClient:
    return KoladaClient(settings.kolada_base_url)


def _with_pages(settings: Settings, client: KoladaClient) -> KoladaClient:
    def on_page(url: str, fetched_at: str, status: int, text: str) -> None:
        store.write_page(settings, url, fetched_at, status, text)

    client.on_page = on_page
    return client


def offline_reason(settings: Settings) -> str | None:
    return "KOLADA_OFFLINE=1" if settings.kolada_offline else None


# --- metadata ----------------------------------------------------------------------------

def _snapshot_meta(settings: Settings, result: LoadResult, reason: str | None) -> LoadResult:
    result.offline_orsak = reason
    folder = settings.kolada_snapshot_dir
    if folder is None or not folder.is_dir():
        result.kalla = "ingen"
        result.offline_orsak = f"{reason}; ingen ögonblicksbild (KOLADA_SNAPSHOT_DIR)" if reason else "ingen ögonblicksbild"
        return result
    load = load_snapshot(folder, now_iso(), values=False)
    result.kalla, result.detalj = "snapshot", str(folder)
    result.problems.extend(load.problems)
    for entity, table in load.meta.items():
        result.rader += table.num_rows
        result.extra[f"rader_{entity}"] = table.num_rows
        if store.write_meta(settings, entity, table):
            result.nya_filer += 1
    return result


def load_metadata(settings: Settings, client_factory: ClientFactory = _client) -> LoadResult:
    result = LoadResult("metadata")
    reason = offline_reason(settings)
    if reason:
        return _snapshot_meta(settings, result, reason)
    with _with_pages(settings, client_factory(settings)) as client:
        try:
            for entity in META_ENTITIES:
                try:
                    items = list(client.metadata(entity))
                except KoladaUnreachable:
                    raise
                except KoladaError as exc:
                    if client.pages_read == 0:
                        raise KoladaUnreachable(str(exc)) from None
                    result.problems.append(f"Kolada {entity}: {exc}")
                    continue
                table = meta_table(entity, items)
                result.rader += table.num_rows
                result.extra[f"rader_{entity}"] = table.num_rows
                if table.num_rows == 0:
                    result.problems.append(f"Kolada {entity}: API:t gav inga rader; den förra laddningen gäller")
                elif store.write_meta(settings, entity, table):
                    result.nya_filer += 1
        except KoladaUnreachable as exc:
            return _snapshot_meta(settings, result, f"API:t kunde inte nås ({settings.kolada_base_url}: {exc.reason})")
        finally:
            result.anrop, result.sidor = client.requests, client.pages_read
    result.kalla, result.detalj = "api", settings.kolada_base_url
    return result


# --- values: the API state ---------------------------------------------------------------

_CONTENT = ("value", "status", "count", "isdeleted")


class ApiState:
    """The newest API row per key in the raw layer, to find what a new load changes.

    ``prepare`` reads only the KPIs and years a load asks for (a nightly re-pull of the last
    years compares with a tenth of the stored rows, not all of them)."""

    _EMPTY = ("create table state (kpi varchar, municipality varchar, period integer, gender varchar, "
              "value double, status varchar, count integer, isdeleted boolean)")

    def __init__(self, settings: Settings) -> None:
        self.con = duckdb.connect()
        self.con.execute("set preserve_insertion_order = false")
        self.files = [str(p) for p in store.value_files(settings)]
        self.con.execute(self._EMPTY)

    def prepare(self, scopes: list[tuple[list[str], list[int]]]) -> None:
        """Load the newest API rows of the given (kpis, years) scopes."""
        self.con.execute("drop table state")
        scopes = [(k, y) for k, y in scopes if k and y]
        if not self.files or not scopes:
            self.con.execute(self._EMPTY)
            return
        where = " or ".join("(kpi in (select unnest(?)) and period between ? and ?)" for _ in scopes)
        params: list = [self.files]
        for kpis, years in scopes:
            params += [kpis, min(years), max(years)]
        cols = ", ".join(f'"{c}"' for c in VALUE_FIELDS)
        self.con.execute(
            f"""create table state as
            select {cols} from read_parquet(?)
            where source like 'api:%' and ({where})
            qualify row_number() over (
                partition by kpi, municipality, period, gender
                order by cast(fetched_at as timestamp) desc, source desc) = 1""",
            params,
        )

    def changed(self, table: pa.Table) -> pa.Table:
        """The rows of ``table`` that are new keys or differ from the newest API row."""
        if table.num_rows == 0:
            return table
        self.con.register("_new", table)
        try:
            keys = " and ".join(f"n.{k} = s.{k}" for k in ("kpi", "municipality", "period", "gender"))
            differs = " or ".join(f"n.{c} is distinct from s.{c}" for c in _CONTENT)
            out = self.con.sql(
                f"select n.* from _new n left join state s on {keys} where s.kpi is null or {differs}"
            ).to_arrow_table()
        finally:
            self.con.unregister("_new")
        return out.cast(store.VALUE_SCHEMA)

    def close(self) -> None:
        self.con.close()


# --- values ------------------------------------------------------------------------------

def _snapshot_values(settings: Settings, result: LoadResult, reason: str | None) -> LoadResult:
    result.offline_orsak = reason
    result.laddning = ""  # the API plan was not carried out
    folder = settings.kolada_snapshot_dir
    if folder is None or not folder.is_dir():
        result.kalla = "ingen"
        result.offline_orsak = f"{reason}; ingen ögonblicksbild (KOLADA_SNAPSHOT_DIR)" if reason else "ingen ögonblicksbild"
        return result
    load = load_snapshot(folder, now_iso())
    result.kalla, result.detalj = "snapshot", str(folder)
    result.problems.extend(load.problems)
    for table in load.values:
        result.rader += table.num_rows
        if store.write_values(settings, table):
            result.nya_filer += 1
            result.nya_rader += table.num_rows
    return result


def _newest_meta(settings: Settings) -> dict[str, pa.Table | None]:
    return {e: store.read_meta(settings, e) for e in ("kpi_groups", "municipality", "municipality_groups")}


@dataclass
class Part:
    """One rectangle of requests: kpis × units × years (chunked to ≤ 25 ids by the client)."""

    label: str                 # full | inkrementell | from_date
    kpis: list[str]
    units: list[str]
    years: list[int]
    from_date: str | None = None


@dataclass
class Plan:
    parts: list[Part]

    def describe(self) -> str:
        return "; ".join(
            f"{p.label} {len(p.kpis)} KPI × {len(p.units)} enheter, {p.years[0]}–{p.years[-1]}"
            + (f", from_date {p.from_date}" if p.from_date else "")
            for p in self.parts
        )


def plan_values(ks: KpiSet, kpis: list[str], units: list[str], covered: dict[tuple[str, str], int],
                today: date, from_date: str | None) -> Plan:
    """Full history for every (kpi, unit) pair not yet covered from ``ar_fran`` (a KPI or a
    municipality group added to the set, or a full request that failed), incremental for the rest."""
    missing = [(k, u) for k in kpis for u in units if covered.get((k, u), 10_000) > ks.ar_fran]
    new_kpis = list(dict.fromkeys(k for k, _ in missing))
    new_units = list(dict.fromkeys(u for _, u in missing))
    all_years = list(range(min(ks.ar_fran, today.year), today.year + 1))
    parts = [Part("full", new_kpis, new_units, all_years)] if missing else []
    if ks.metod == "from_date" and from_date:
        label, years, since = "from_date", all_years, from_date
    else:
        label, years, since = "inkrementell", list(range(today.year - ks.ar_bakat, today.year + 1)), None
    for rest_kpis, rest_units in (([k for k in kpis if k not in new_kpis], units),
                                  (new_kpis, [u for u in units if u not in new_units])):
        if rest_kpis and rest_units:
            parts.append(Part(label, rest_kpis, rest_units, years, since))
    return Plan(parts)


def load_values(
    settings: Settings,
    kpi_set: KpiSet | None = None,
    *,
    client_factory: ClientFactory = _client,
    today: date | None = None,
    from_date: str | None = None,
) -> LoadResult:
    result = LoadResult("varden")
    reason = offline_reason(settings)
    if reason:
        return _snapshot_values(settings, result, reason)
    ks = kpi_set or read_kpi_set()
    resolved = resolve(ks, _newest_meta(settings))
    result.problems.extend(resolved.problems)
    plan = plan_values(ks, resolved.kpis, resolved.units, store.read_coverage(settings), today or date.today(), from_date)
    state = ApiState(settings)
    state.prepare([(p.kpis, p.years) for p in plan.parts])
    result.laddning = plan.describe()
    fetched_at = now_fetched()
    result.hamtad = fetched_at
    try:
        with _with_pages(settings, client_factory(settings)) as client:
            try:
                for part in plan.parts:
                    for kpis in chunks(part.kpis):
                        for units in chunks(part.units):
                            for years in chunks(part.years):
                                url = client.value_urls(kpis, units, years, part.from_date)[0]
                                if _load_request(settings, client, url, fetched_at, state, result) and part.label == "full":
                                    store.write_coverage(settings, kpis, units, ks.ar_fran)
            except KoladaUnreachable as exc:
                if client.pages_read:
                    result.problems.append(str(exc))
                else:
                    return _snapshot_values(settings, result, f"API:t kunde inte nås ({settings.kolada_base_url}: {exc.reason})")
            finally:
                result.anrop, result.sidor = client.requests, client.pages_read
    finally:
        state.close()
    result.kalla, result.detalj = "api", settings.kolada_base_url
    return result


def _load_request(settings: Settings, client: KoladaClient, url: str, fetched_at: str, state: ApiState,
                  result: LoadResult) -> bool:
    """Fetch one request (all its pages) and write what changed; False when it failed."""
    rows: list[dict] = []
    try:
        for page in client.pages(url):
            got, problems = value_rows(page.body, short_url(page.url))
            rows.extend(got)
            result.problems.extend(problems)
    except KoladaUnreachable:
        raise
    except KoladaError as exc:
        if client.pages_read == 0:
            raise KoladaUnreachable(str(exc)) from None
        result.problems.append(f"Kolada: {exc} (denna begäran hoppades över; nästa laddning försöker igen)")
        return False
    result.problems.extend(duplicate_problems(rows, short_url(url)))
    result.rader += len(rows)
    delta = state.changed(values_table(rows, f"api:{url}", fetched_at))
    if delta.num_rows and store.write_values(settings, delta, change=True):
        result.nya_rader += delta.num_rows
        result.nya_filer += 1
    return True


# --- export files ------------------------------------------------------------------------

def _sha256(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def export_lookup(settings: Settings):
    """Names → codes from the newest metadata in the lake, else the snapshot's."""
    from pipelines.kolada.exports import format_rules
    from pipelines.kolada.names import Lookup

    meta = {e: store.read_meta(settings, e) for e in ("kpi", "municipality", "municipality_groups")}
    if any(t is None for t in meta.values()) and settings.kolada_snapshot_dir and settings.kolada_snapshot_dir.is_dir():
        snap = load_snapshot(settings.kolada_snapshot_dir, now_iso(), values=False).meta
        meta = {e: t if t is not None else snap.get(e) for e, t in meta.items()}
    return Lookup.build(meta, format_rules())


def export_fetched_at(path: Path, first_seen: str) -> str:
    """An export's values count as fetched when the file was saved, or first seen if earlier:
    an old download dropped in today never overrides values loaded after it was made."""
    modified = datetime.fromtimestamp(path.stat().st_mtime, timezone.utc).isoformat()
    return min(modified, first_seen, key=lambda s: datetime.fromisoformat(s))


def load_exports(settings: Settings) -> LoadResult:
    from pipelines.kolada.exports import SUFFIXES, import_file

    result = LoadResult("exportfiler", kalla="export", detalj=str(settings.inbox_kolada))
    folder = settings.inbox_kolada
    files = sorted(p for p in folder.rglob("*") if p.is_file() and not p.name.startswith(".")) if folder.is_dir() else []
    lookup = None
    per_file = []
    for path in files:
        if path.suffix.lower() not in SUFFIXES + (".xls",):
            result.problems.append(f"{path.name}: okänd filtyp, inte läst (use {', '.join(SUFFIXES)})")
            continue
        lookup = lookup or export_lookup(settings)
        try:
            sha = _sha256(path)
            sighting = store.keep_export_file(settings, path, sha, now_iso())
            fetched_at = export_fetched_at(path, sighting["forst_sedd"])
        except OSError as exc:
            result.problems.append(f"{path.name}: kan inte läsas ({exc.strerror or exc})")
            continue
        imported = import_file(path, lookup)
        store.write_import_report(settings, imported.report(sha))
        if imported.failed:
            result.problems.append(imported.failed)
        result.problems.extend(imported.problems)
        result.rader += imported.data_rows
        per_file.append({"fil": path.name, "varden": imported.count, "omappade": imported.rejected_rows,
                         "format": imported.format, "noteringar": imported.notes})
        if imported.count:
            table = imported.table(f"export:{sighting['filnamn']}", fetched_at)
            if store.write_values(settings, table):
                result.nya_filer += 1
                result.nya_rader += table.num_rows
    result.extra["filer"] = per_file
    return result
