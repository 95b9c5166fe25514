"""The Kolada KPI set (``kpi_set.yml``, or ``$KOLADA_KPI_SET``): what the API load fetches.

``read_kpi_set`` validates the file: a bad entry is one problem line naming the file and
the entry (and is left out); a file that cannot be read at all raises ``KpiSetError``.
``resolve`` turns groups and ``kommuner: alla`` into ids through the metadata.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path

import pyarrow as pa
import yaml

DEFAULT_PATH = Path(__file__).with_name("kpi_set.yml")
KPI_ID = re.compile(r"^[NU]\d{5}$")
UNIT_ID = re.compile(r"^\d{4}$")
GROUP_ID = re.compile(r"^G\d+$")
KPI_GROUP_ID = re.compile(r"^G\d*KPI\d+$")
METODER = ("senaste_ar", "from_date")


class KpiSetError(Exception):
    """The KPI set file cannot be used; one line naming the file."""


@dataclass
class KpiSet:
    path: Path
    kpier: list[str] = field(default_factory=list)
    kpi_grupper: list[str] = field(default_factory=list)
    alla_kommuner: bool = True
    kommuner: list[str] = field(default_factory=list)
    enheter: list[str] = field(default_factory=list)
    kommungrupper: list[str] = field(default_factory=list)  # ids or exact titles
    ar_fran: int = 2010
    metod: str = "senaste_ar"
    ar_bakat: int = 3
    problems: list[str] = field(default_factory=list)


def kpi_set_path() -> Path:
    env = os.environ.get("KOLADA_KPI_SET")
    return Path(env).expanduser().resolve() if env else DEFAULT_PATH


def _ids(data: dict, key: str, pattern: re.Pattern, path: Path, problems: list[str], what: str) -> list[str]:
    out: list[str] = []
    for entry in data.get(key) or []:
        raw = entry.get("id") if isinstance(entry, dict) else entry
        value = str(raw).strip() if raw is not None else ""
        if pattern.match(value):
            if value not in out:
                out.append(value)
        else:
            problems.append(f"{path.name}: {key}: {entry!r} är inget {what} (left out)")
    return out


def read_kpi_set(path: Path | None = None) -> KpiSet:
    path = path or kpi_set_path()
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except OSError as exc:
        raise KpiSetError(f"{path}: kan inte läsas ({exc.strerror or exc})") from None
    except yaml.YAMLError as exc:
        raise KpiSetError(f"{path}: ogiltig YAML ({str(exc).splitlines()[0]})") from None
    if not isinstance(data, dict):
        raise KpiSetError(f"{path}: väntade en mappning med kpier, kommuner, … (expected a mapping)")
    problems: list[str] = []
    ks = KpiSet(path=path, problems=problems)
    ks.kpier = _ids(data, "kpier", KPI_ID, path, problems, "KPI-id (N/U + 5 siffror)")
    ks.kpi_grupper = _ids(data, "kpi_grupper", KPI_GROUP_ID, path, problems, "KPI-grupp-id (GKPI…)")
    kommuner = data.get("kommuner", "alla")
    if isinstance(kommuner, str) and kommuner.strip().lower() in {"alla", "all"}:
        ks.alla_kommuner = True
    else:
        ks.alla_kommuner = False
        ks.kommuner = _ids({"kommuner": kommuner if isinstance(kommuner, list) else [kommuner]},
                           "kommuner", UNIT_ID, path, problems, "kommunkod (4 siffror, inom citattecken)")
    # Riket unless the file says otherwise (enheter: [] for none).
    ks.enheter = _ids({"enheter": data.get("enheter", ["0000"])}, "enheter", UNIT_ID, path, problems,
                      "enhetskod (4 siffror, t.ex. \"0000\")")
    for entry in data.get("kommungrupper") or []:
        value = str(entry.get("id") if isinstance(entry, dict) else entry).strip()
        if value and value not in ks.kommungrupper:
            ks.kommungrupper.append(value)
    try:
        ks.ar_fran = int(data.get("ar_fran", 2010))
    except (TypeError, ValueError):
        problems.append(f"{path.name}: ar_fran {data.get('ar_fran')!r} är inget år (2010 används)")
    inkr = data.get("inkrementell") or {}
    metod = str(inkr.get("metod", "senaste_ar")).strip()
    if metod in METODER:
        ks.metod = metod
    else:
        problems.append(f"{path.name}: inkrementell.metod {metod!r} okänd (senaste_ar används; välj {' eller '.join(METODER)})")
    try:
        ks.ar_bakat = max(0, int(inkr.get("ar_bakat", 3)))
    except (TypeError, ValueError):
        problems.append(f"{path.name}: inkrementell.ar_bakat {inkr.get('ar_bakat')!r} är inget heltal (3 används)")
    if not ks.kpier and not ks.kpi_grupper:
        problems.append(f"{path.name}: inga KPI:er (kpier/kpi_grupper är tomma)")
    return ks


@dataclass
class Resolved:
    kpis: list[str]
    units: list[str]
    problems: list[str]


def _column(table: pa.Table | None, name: str) -> list:
    return table.column(name).to_pylist() if table is not None else []


def resolve(ks: KpiSet, meta: dict[str, pa.Table | None]) -> Resolved:
    """KPI ids and unit ids to fetch. ``meta``: the newest kpi_groups, municipality and
    municipality_groups tables (a missing one only limits what can be resolved)."""
    problems = list(ks.problems)
    kpis = list(ks.kpier)
    groups = meta.get("kpi_groups")
    for gid in ks.kpi_grupper:
        members = [m for g, m in zip(_column(groups, "group_id"), _column(groups, "member_id")) if g == gid]
        if not members:
            problems.append(f"{ks.path.name}: kpi_grupper: {gid} finns inte i KPI-gruppernas metadata")
        kpis.extend(m for m in members if m not in kpis)
    units: list[str] = []
    if ks.alla_kommuner:
        munis = meta.get("municipality")
        ids = [i for i, t in zip(_column(munis, "id"), _column(munis, "type")) if t == "K"]
        if not ids:
            problems.append(f"{ks.path.name}: kommuner: alla, men ingen kommunlista i metadata (municipality)")
        units.extend(ids)
    else:
        units.extend(ks.kommuner)
    units.extend(u for u in ks.enheter if u not in units)
    mgroups = meta.get("municipality_groups")
    by_title: dict[str, set[str]] = {}
    for g, t in zip(_column(mgroups, "group_id"), _column(mgroups, "group_title")):
        by_title.setdefault(t, set()).add(g)
    for entry in ks.kommungrupper:
        if GROUP_ID.match(entry):
            gid = entry
        elif len(by_title.get(entry, ())) == 1:
            gid = next(iter(by_title[entry]))
        else:
            why = "flera grupper har den titeln" if by_title.get(entry) else "ingen grupp har den titeln"
            problems.append(f"{ks.path.name}: kommungrupper: {entry!r}: {why} (ange id, G…)")
            continue
        if gid not in units:
            units.append(gid)
    return Resolved(kpis=kpis, units=units, problems=problems)
