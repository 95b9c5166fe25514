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


# What a document without kommun, nämnd or period misses, and what to do about it.
_MISSING = {
    "kommun": "lägg filen i inbox/reports/<kommunkod>/ (t.ex. inbox/reports/1440/); flytten läses vid nästa körning",
    "nämnd": "nämnden står inte på titelsidan (eller flera nämnder): siffrorna finns per dokument men inte per nämnd;"
             " nämndnamn känns igen enligt namnd_patterns i pipelines/reports/vocabulary/documents.yml",
    "period": "rapportperioden kunde inte läsas ur titeln eller utfallskolumnerna: siffrorna placeras inte i tiden"
              " och ersätts inte av en ny version; se periods.yml",
}


def document_lines(settings: Settings) -> list[str]:
    """One line per document the operator should act on (docs/quality.md, "The run summary"):
    loaded without kommun, nämnd or report period (with the fix), withdrawn, and each
    revision that lacks a table its predecessor had."""
    try:
        con = connect_readonly(settings)
    except WarehouseMissing:
        return []
    try:
        lines = []
        for name, *missing in _count(con, """
                select filnamn, kommun_kod is null, namnd_id is null, rapportperiod is null from dim_dokument
                where status = 'laddad' and ersatt_av is null
                  and (kommun_kod is null or namnd_id is null or rapportperiod is null)
                order by filnamn, dokument_nyckel"""):
            for what, absent in zip(_MISSING, missing):
                if absent:
                    lines.append(f"Saknar {what}: {name}: {_MISSING[what]}")
        for (name,) in _count(con, "select filnamn from dim_dokument where status = 'tillbakadragen' order by filnamn"):
            lines.append(f"Tillbakadragen: {name}: finns inte längre i inkorgen; dess fakta är borta ur marterna"
                         " (lägg tillbaka filen för att ladda den igen)")
        for old, new, sida, tabell, antal, forsta in _count(con, _LOST_TABLES):
            lines.append(f"Version: {new} ersätter {old}, men tabellen {tabell} på sida {sida if sida is not None else '?'}"
                         f" ({forsta} …, {antal} fakta) saknas i den nya versionen; kontrollera den nya filen")
        return lines
    finally:
        con.close()


# A table of a superseded version none of whose printed rows (schema, label, column) the
# current version has: it vanished, and only the summary can say so (its facts left the marts
# with the rest of the old version).
_LOST_TABLES = """
with versioner as (
    select distinct o.dokument_id as gammal, o.filnamn as gammal_fil, n.dokument_id as ny, n.filnamn as ny_fil
    from dim_dokument as o
    join dim_dokument as n on n.dokument_id = o.ersatt_av and n.status = 'laddad'
    where o.ersatt_av is not null and o.status = 'laddad'
),
rader as (
    select dokument_id, table_id, page, schema, lower(trim(label)) as etikett, lower(trim("column")) as kolumn, label
    from raw.rapport_fakta where table_id is not null
)
select v.gammal_fil, v.ny_fil, min(g.page), g.table_id, count(*), min(g.label)
from versioner as v
join rader as g on g.dokument_id = v.gammal
left join (select distinct dokument_id, schema, etikett, kolumn from rader) as r
    on r.dokument_id = v.ny and r.schema = g.schema and r.etikett = g.etikett and r.kolumn = g.kolumn
group by v.gammal, v.gammal_fil, v.ny, v.ny_fil, g.table_id
having count(r.dokument_id) = 0
order by 1, 4
"""


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
    elif report.unchanged:
        lines.append(f"Oförändrat: samma indata och kod som det publicerade lagret, inget byggdes; "
                     f"lagret ligger kvar: {settings.warehouse_path}")
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
        kept = " (oförändrat, i det publicerade lagret)" if report.unchanged else ""
        lines.append(f"Karantän: {held} rader hölls utanför marterna{kept} ({per_rule}); select * from karantan")
    else:
        lines.append("Karantän: 0 rader")
    lines.extend(report.kolada)
    passed = sum(c.passed for c in report.checks)
    failed = report.checks_failed
    blocking = sum(c.severity == "ERROR" for c in failed)
    if report.unchanged:
        lines.append("Kontroller: kördes inte, inget nytt att kontrollera (lagret klarade dem när det byggdes)")
    else:
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
    lines.extend(document_lines(settings))
    lines.append("")
    lines.append("Fråga lagret / query the warehouse (read-only, works during a load):")
    lines.append(f'  {command()} sql "select * from fct_ekonomi limit 10"')
    lines.append(f"  duckdb -readonly {settings.warehouse_path}")
    return "\n".join(lines)
