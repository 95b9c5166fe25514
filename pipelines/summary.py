"""The short summary `kommunlager run` prints: what was loaded and how to query it."""

from __future__ import annotations

import duckdb

from pipelines.config import Settings
from pipelines.runner import RunReport
from pipelines.warehouse.publish import WarehouseMissing, connect_readonly

OKLARA_FROM = "intermediate.int_rapport_fakta__berikade"
FACT_TABLES = ("fct_ekonomi", "fct_personal", "fct_maluppfyllelse", "fct_verksamhet", "fct_kolada_varde")


def _count(con: duckdb.DuckDBPyConnection, sql: str) -> list[tuple]:
    try:
        return con.execute(sql).fetchall()
    except duckdb.Error:
        return []


def warehouse_counts(settings: Settings) -> dict[str, object]:
    con = connect_readonly(settings)
    try:
        tables = {r[0] for r in _count(con, "select table_name from information_schema.tables where table_schema='main'")}
        out: dict[str, object] = {
            "dokument": dict(_count(con, "select status, count(*) from dim_dokument group by 1 order by 1")),
            "fakta": {t: _count(con, f"select count(*) from {t}")[0][0] for t in FACT_TABLES if t in tables},
            "kommuner": (_count(con, "select count(*) from dim_kommun") or [(0,)])[0][0],
            "kpier_med_varden": (_count(con, "select count(distinct kpi_id) from fct_kolada_varde") or [(0,)])[0][0],
            # facts whose meaning is incomplete: kept for review, never current facts (docs/facts.md)
            "oklara": (_count(con, f"select count(*) from {OKLARA_FROM} where kontroll = 'oklar'") or [(0,)])[0][0],
        }
        return out
    finally:
        con.close()


def command() -> str:
    """How to call kommunlager from here: the bare name when it is on PATH, else the script
    beside this interpreter (after `make run` the virtualenv is not activated)."""
    import os
    import shutil
    import sys
    from pathlib import Path

    beside = Path(sys.executable).parent / "kommunlager"
    on_path = shutil.which("kommunlager")
    if on_path and Path(on_path).resolve() == beside.resolve():
        return "kommunlager"
    if beside.exists():
        try:
            return os.path.relpath(beside)
        except ValueError:
            return str(beside)
    return "kommunlager"


def render(settings: Settings, report: RunReport) -> str:
    """The summary: one line per fact of the load, one line per problem (no tracebacks)."""
    lines = []
    if report.published:
        lines.append(f"Lagret publicerat: {settings.warehouse_path}")
    else:
        lines.append(f"INTE publicerat ({report.failure}); det senaste goda lagret ligger kvar.")
    lines.append(f"Dokument: {report.documents_total} i inkorgen, {report.documents_extracted} extraherade nu")
    try:
        counts = warehouse_counts(settings)
    except WarehouseMissing:
        counts = None
    if counts:
        if not report.published:
            lines.append("I det publicerade lagret (från en tidigare körning):")
        status = ", ".join(f"{k} {v}" for k, v in counts["dokument"].items()) or "inga"
        lines.append(f"  status: {status}")
        lines.append("Fakta per stjärna: " + ", ".join(f"{t} {n}" for t, n in counts["fakta"].items()))
        if counts.get("oklara"):
            lines.append(f"Oklara fakta: {counts['oklara']} (period, mått eller en dimension saknas) hölls utanför "
                         f"marternas aktuella fakta; select * from {OKLARA_FROM} where kontroll = 'oklar'")
        lines.append(f"Kolada: {counts['kommuner']} kommuner/regioner, {counts['kpier_med_varden']} KPI:er med värden")
    held = sum(report.quarantined.values())
    if held:
        per_rule = ", ".join(f"{rule} {n}" for rule, n in sorted(report.quarantined.items()))
        lines.append(f"Karantän: {held} rader hölls utanför marterna ({per_rule}); select * from karantan")
    else:
        lines.append("Karantän: 0 rader")
    lines.extend(report.kolada)
    passed = sum(c.passed for c in report.checks)
    failed = report.checks_failed
    blocking = sum(c.severity == "ERROR" for c in failed)
    lines.append(f"Kontroller: {passed} godkända, {len(failed)} underkända ({blocking} blockerande)")
    for c in failed:
        kind = "blockerande" if c.severity == "ERROR" else "varning"
        lines.append(f"  - {c.asset}: {c.name} ({kind}) {c.detail}".rstrip())
    skipped = [c for c in report.checks if c.skipped]
    if skipped:
        names = ", ".join(f"{c.name} {c.skipped}" for c in skipped)
        lines.append(f"  Obs: förväntningar hoppades över, kolumnen saknas ({names}); se hoppade_over i Dagster")
    for problem in report.problems:
        lines.append(f"Problem: {problem}")
    for duplicate in report.duplicates:
        lines.append(f"Dubblett: {duplicate}")
    lines.append("")
    lines.append("Fråga lagret / query the warehouse (read-only, works during a load):")
    lines.append(f'  {command()} sql "select * from fct_ekonomi limit 10"')
    lines.append(f"  duckdb -readonly {settings.warehouse_path}")
    return "\n".join(lines)
