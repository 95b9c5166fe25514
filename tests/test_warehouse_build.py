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


def test_the_fingerprint_follows_every_input_and_the_rules(data_dir: Path, tmp_path: Path, monkeypatch) -> None:
    """A no-change night rebuilds nothing (docs/architecture.md): the fingerprint must change
    with the raw tables, with a Kolada value file and with the expectation suites, and
    stay the same when nothing did."""
    import shutil

    from pipelines.config import EXPECTATIONS_DIR
    from pipelines.kolada.store import VALUE_SCHEMA, write_values
    from pipelines.warehouse.build import prepare_raw

    from pipelines.warehouse.fingerprint import code_fingerprint, quick_fingerprint

    settings = Settings.from_env()
    meta = write_meta(settings, "kpi", _kpis(("N00090", "Sjukfrånvaro")))
    first, quick = prepare_raw(settings, "x").fingerprint, quick_fingerprint(settings, "x", code_fingerprint())
    assert prepare_raw(settings, "x").fingerprint == first and quick_fingerprint(settings, "x", code_fingerprint()) == quick
    # a file touched but not changed: the quick fingerprint (file metadata) sees a change,
    # the content fingerprint does not, so the night still builds nothing
    os.utime(meta, (1_700_000_000, 1_700_000_000))
    assert quick_fingerprint(settings, "x", code_fingerprint()) != quick and prepare_raw(settings, "x").fingerprint == first

    write_meta(settings, "kpi", _kpis(("N30005", "Nettokostnad IFO")))
    second = prepare_raw(settings, "x").fingerprint
    assert second != first

    value = pa.table({"kpi": ["N00090"], "municipality": ["1440"], "period": [2022], "gender": ["T"], "value": [9.3],
                      "status": [""], "count": [1], "isdeleted": [None], "source": ["api"],
                      "fetched_at": ["2026-11-22T00:00:00+00:00"]}, schema=VALUE_SCHEMA)
    written = write_values(settings, value)
    third = prepare_raw(settings, "x").fingerprint
    assert third != second
    os.utime(written, (1_700_000_000, 1_700_000_000))  # the file was replaced
    assert prepare_raw(settings, "x").fingerprint != third

    suites = tmp_path / "suites"
    shutil.copytree(EXPECTATIONS_DIR, suites)
    monkeypatch.setenv("KOMMUNLAGER_EXPECTATIONS_DIR", str(suites))
    same_rules = prepare_raw(settings, "x").fingerprint
    suite = sorted(suites.glob("*.json"))[0]
    suite.write_text(suite.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    assert prepare_raw(settings, "x").fingerprint != same_rules
