"""Staging the raw layer into a build file: what the warehouse is built from."""

from __future__ import annotations

import os
from pathlib import Path

import pyarrow as pa

from pipelines.config import Settings
from pipelines.kolada.store import META_SCHEMAS, write_meta
from pipelines.warehouse.build import raw_tables


def _kpis(*rows: tuple[str, str]) -> pa.Table:
    return pa.Table.from_pylist([{"id": i, "title": t} for i, t in rows], schema=META_SCHEMAS["kpi"])


def test_metadata_of_all_loads_is_merged_newest_per_id(data_dir: Path) -> None:
    settings = Settings.from_env()
    full = write_meta(settings, "kpi", _kpis(("N00090", "Sjukfrånvaro"), ("N30005", "Nettokostnad IFO"), ("U21468", "Brukarbedömning")))
    os.utime(full, (1_700_000_000, 1_700_000_000))  # the older load
    # a later load asks only for one KPI, and its title was revised
    write_meta(settings, "kpi", _kpis(("N00090", "Sjukfrånvaro totalt bland anställda, kommun, andel (%)")))

    kpi = {r["id"]: r["title"] for r in raw_tables(settings, "x")["kolada_kpi"].to_pylist()}
    assert kpi == {
        "N00090": "Sjukfrånvaro totalt bland anställda, kommun, andel (%)",
        "N30005": "Nettokostnad IFO",
        "U21468": "Brukarbedömning",
    }


def test_a_group_takes_its_whole_member_list_from_its_newest_load(data_dir: Path) -> None:
    settings = Settings.from_env()
    schema = META_SCHEMAS["municipality_groups"]
    row = lambda g, m: {"group_id": g, "group_title": f"Grupp {g}", "member_id": m, "member_title": m}  # noqa: E731
    old = write_meta(settings, "municipality_groups", pa.Table.from_pylist(
        [row("G1", "1440"), row("G1", "1490"), row("G2", "0880")], schema=schema))
    os.utime(old, (1_700_000_000, 1_700_000_000))
    write_meta(settings, "municipality_groups", pa.Table.from_pylist([row("G1", "1440")], schema=schema))

    members = sorted((r["group_id"], r["member_id"]) for r in raw_tables(settings, "x")["kolada_municipality_groups"].to_pylist())
    assert members == [("G1", "1440"), ("G2", "0880")]
