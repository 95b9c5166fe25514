"""Document versions, one design (docs/facts.md, "Document versions"): a revision replaces
its predecessor, a file moved into a kommun folder is re-attributed, a file deleted from the
inbox is withdrawn (tillbakadragen) and comes back when put back, the fact order depends on
content only, and the run summary names what an operator has to fix."""

from __future__ import annotations

import shutil
from pathlib import Path

import duckdb

from pipelines.config import Settings
from pipelines.reports.intake import lake
from pipelines.reports.intake.inbox import intake
from pipelines.runner import _duplicates, run_all
from pipelines.summary import document_lines, render
from pipelines.warehouse.build import _sightings_table
from tests.conftest import SAMPLES

SAMPLE_004 = SAMPLES / "004_b18213af86805180.txt"   # Borås, Arbetslivsnämnden, februari 2019
SAMPLE_000 = SAMPLES / "000_29325da1e2c822b1.txt"   # a goal table (10 facts)


def _query(settings: Settings, sql: str, params: list | None = None) -> list[tuple]:
    con = duckdb.connect(str(settings.warehouse_path), read_only=True)
    try:
        return con.execute(sql, params or []).fetchall()
    finally:
        con.close()


# --- intake: what is in the inbox now -------------------------------------------------

def test_a_moved_file_is_one_file_a_deleted_one_is_gone_and_a_scan_is_one_arrival(data_dir: Path) -> None:
    settings = Settings.from_env()
    inbox = settings.inbox_reports
    inbox.mkdir(parents=True)
    (inbox / "a.txt").write_text("rapport a\n", encoding="utf-8")
    (inbox / "b.txt").write_text("rapport b\n", encoding="utf-8")
    first = intake(settings)
    sightings = lake.sightings(settings)
    assert len(sightings) == 2 and len({s["intag"] for s in sightings}) == 1   # one scan, one arrival time

    (inbox / "1440").mkdir()
    shutil.move(inbox / "a.txt", inbox / "1440" / "a.txt")
    moved = intake(settings)
    here = lake.in_inbox(settings)
    assert not here(str(inbox / "a.txt")) and here(str(inbox / "1440" / "a.txt"))
    assert _duplicates(settings, moved.files) == []        # not a duplicate of its old path
    a_sha = first.files[0].sha256
    assert lake.current_sightings(settings, a_sha)[0]["kommun_kod_mapp"] == "1440"
    staged = _sightings_table(settings).to_pylist()   # raw.inkorg as staged
    assert {(Path(r["sokvag"]).relative_to(inbox).as_posix(), r["i_inkorgen"]) for r in staged} == {
        ("a.txt", False), ("1440/a.txt", True), ("b.txt", True)}

    (inbox / "b.txt").unlink()                              # withdrawn ...
    intake(settings)
    assert not lake.in_inbox(settings)(str(inbox / "b.txt"))
    (inbox / "b.txt").write_text("rapport b\n", encoding="utf-8")   # ... and back
    intake(settings)
    assert lake.in_inbox(settings)(str(inbox / "b.txt"))


def test_an_unreachable_source_folder_withdraws_nothing(data_dir: Path, tmp_path: Path, monkeypatch) -> None:
    share = tmp_path / "share"
    share.mkdir()
    (share / "r.txt").write_text("rapport\n", encoding="utf-8")
    monkeypatch.setenv("KOMMUNLAGER_REPORT_SOURCES", str(share))
    settings = Settings.from_env()
    intake(settings)
    shutil.rmtree(share)                                    # an unmounted share
    intake(settings)
    assert lake.in_inbox(settings)(str(share / "r.txt"))


# --- the run summary -------------------------------------------------------------------

def test_the_summary_names_documents_to_fix_withdrawn_ones_and_tables_a_revision_lost(data_dir: Path) -> None:
    settings = Settings.from_env()
    settings.warehouse_path.parent.mkdir(parents=True)
    con = duckdb.connect(str(settings.warehouse_path))
    con.execute("""create table dim_dokument as select * from (values
        ('u:1', 'u', 'utan_kommun.txt', 'laddad', null, '1440:x', date '2019-02-28', null),
        ('n:1', 'n', 'utan_namnd.txt', 'laddad', '1440', null, null, null),
        ('o:1', 'o', 'gammal.txt', 'laddad', '1490', '1490:y', date '2019-02-28', 'r'),
        ('r:1', 'r', 'ny.txt', 'laddad', '1490', '1490:y', date '2019-02-28', null),
        ('w:1', 'w', 'borttagen.txt', 'tillbakadragen', '1490', '1490:y', date '2019-04-30', null),
        ('k:1', 'k', 'komplett.txt', 'laddad', '1490', '1490:y', date '2019-04-30', null)
    ) as t(dokument_nyckel, dokument_id, filnamn, status, kommun_kod, namnd_id, rapportperiod, ersatt_av)""")
    con.execute("create schema raw")
    con.execute("""create table raw.rapport_fakta as select * from (values
        ('o', 'f1', 4, 'ekonomi', 'Integration', 'Utfall 2019-02'),
        ('o', 'f1', 4, 'ekonomi', 'Summa', 'Utfall 2019-02'),
        ('o', 'f2', 5, 'ekonomi', 'Intäkter', 'Utfall'),
        ('r', 'f1', 4, 'ekonomi', 'Intäkter', 'Utfall')
    ) as t(dokument_id, table_id, page, schema, label, "column")""")
    con.close()
    lines = document_lines(settings)
    assert [line.split(": ")[0] + ": " + line.split(": ")[1] for line in lines[:4]] == [
        "Saknar kommun: utan_kommun.txt", "Saknar nämnd: utan_namnd.txt", "Saknar period: utan_namnd.txt",
        "Tillbakadragen: borttagen.txt"]
    assert "inbox/reports/<kommunkod>/" in lines[0]
    # f1 (Integration, Summa) is gone from the new version; f2's row Intäkter is still there
    assert lines[4:] == ["Version: ny.txt ersätter gammal.txt, men tabellen f1 på sida 4 (Integration …, 2 fakta)"
                         " saknas i den nya versionen; kontrollera den nya filen"]


# --- end to end: revision, move and withdrawal in two runs ------------------------------

def test_revision_move_and_withdrawal_end_to_end(data_dir: Path, kolada_snapshot: Path, monkeypatch) -> None:
    monkeypatch.setenv("KOLADA_SNAPSHOT_DIR", str(kolada_snapshot))
    settings = Settings.from_env()
    inbox = settings.inbox_reports
    inbox.mkdir(parents=True)
    original = SAMPLE_004.read_text(encoding="utf-8")
    shutil.copy(SAMPLE_004, inbox / SAMPLE_004.name)
    shutil.copy(SAMPLE_000, inbox / "att_dra_tillbaka.txt")
    # the same report with the municipality's name blanked: extraction finds no kommun
    utan_kommun = original.replace("Borås", "Staden").replace("borås", "staden").replace("boras", "staden")
    (inbox / "arbetsliv_utan_kommun.txt").write_text(utan_kommun, encoding="utf-8")
    first = run_all(settings)
    assert first.published, first.failure
    assert "Saknar kommun: arbetsliv_utan_kommun.txt: lägg filen i inbox/reports/<kommunkod>/" in render(settings, first)
    ids = dict(_query(settings, "select filnamn, dokument_id from dim_dokument"))
    orig_id, gone_id = ids[SAMPLE_004.name], ids["att_dra_tillbaka.txt"]
    assert _query(settings, "select count(*) > 0 from fct_maluppfyllelse where dokument_id = ?", [gone_id]) == [(True,)]

    # the documented fix: move the file into the kommun folder; a revision of 004 arrives;
    # and a file is withdrawn by deleting it from the inbox
    (inbox / "1440").mkdir()
    shutil.move(inbox / "arbetsliv_utan_kommun.txt", inbox / "1440" / "arbetsliv_utan_kommun.txt")
    revised = original.replace("-250 -211-1 505", "-250 -219-1 505", 1)
    assert revised != original
    (inbox / "004_reviderad.txt").write_text(revised, encoding="utf-8")
    (inbox / "att_dra_tillbaka.txt").unlink()
    second = run_all(settings)
    assert second.published, second.failure
    summary = render(settings, second)
    assert second.duplicates == [] and second.documents_extracted == 1
    # moved: one file, not a duplicate of itself, and its facts carry the folder's kommun
    assert _query(settings, "select status, kommun_kod, sokvag like '%/1440/%' from dim_dokument "
                            "where filnamn = 'arbetsliv_utan_kommun.txt'") == [("laddad", "1440", True)]
    assert _query(settings, "select kommun_kod, count(*) from fct_ekonomi "
                            "where filnamn = 'arbetsliv_utan_kommun.txt' group by 1") == [("1440", 63)]   # 75 read, 12 month rows without a post are oklar
    assert "Saknar kommun: arbetsliv_utan_kommun.txt" not in summary
    # the revision replaces every fact of its predecessor; its changed figure is the current one
    rev_id = _query(settings, "select dokument_id from dim_dokument where filnamn = '004_reviderad.txt'")[0][0]
    assert _query(settings, "select ersatt_av from dim_dokument where dokument_id = ?", [orig_id]) == [(rev_id,)]
    for table in ("fct_ekonomi", "fct_verksamhet"):
        assert _query(settings, f"select count(*) from {table} where dokument_id = ?", [orig_id]) == [(0,)]
    figure = ("select belopp_tkr, filnamn from fct_ekonomi where kommun_kod = '1490' "
              "and etikett = 'Politisk verksamhet' and kolumn = 'Utfall 2019-02'")
    assert _query(settings, figure) == [(219.0, "004_reviderad.txt")]
    assert _query(settings, "select count(*) from fct_ekonomi where dokument_id = ?", [rev_id]) == [(63,)]   # 12 month rows without a post are oklar
    # the earlier version stays in the raw layer, the printed −211 with it
    assert _query(settings, "select count(*), count(*) filter (where value = -211) from raw.rapport_fakta "
                            "where dokument_id = ?", [orig_id]) == [(87, 1)]
    # withdrawn: a status of its own, its facts out of the marts, kept in the raw layer
    assert _query(settings, "select status from dim_dokument where dokument_id = ?", [gone_id]) == [("tillbakadragen",)]
    assert _query(settings, "select count(*) from fct_maluppfyllelse where dokument_id = ?", [gone_id]) == [(0,)]
    assert _query(settings, "select count(*) > 0 from raw.rapport_fakta where dokument_id = ?", [gone_id]) == [(True,)]
    assert "Tillbakadragen: att_dra_tillbaka.txt" in summary
