"""Kolada export files: header-driven import, names → codes, per-row problems, the lake."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import openpyxl
import pyarrow.parquet as pq
import pytest

from pipelines.config import Settings
from pipelines.kolada import store
from pipelines.kolada.exports import decode, import_file, parse_number, sniff_delimiter
from pipelines.kolada.load import export_lookup, load_exports
from pipelines.kolada.names import Lookup
from tests.conftest import shared_path

LEGACY = ("kolada", "samples", "legacy_webexport_2012_kld_bakgr_sample.csv")


@pytest.fixture(scope="module")
def lookup() -> Lookup:
    """Names → codes from the shared snapshot's metadata (v3 catalogue and municipalities)."""
    from pipelines.kolada.exports import format_rules
    from pipelines.kolada.snapshot import load_snapshot

    snap = load_snapshot(shared_path("kolada", "samples"), "2026-01-01T00:00:00+00:00", values=False)
    return Lookup.build(snap.meta, format_rules())


def test_the_legacy_2012_export_imports_in_place(lookup: Lookup) -> None:
    path = shared_path(*LEGACY)
    result = import_file(path, lookup)
    assert result.failed is None
    assert result.format == "CSV (;, Windows-1252/ISO-8859-1)"
    assert result.data_rows == 235
    # names → codes: Ale → 1440, "Mediannettoinkomst, kr/inv 20+" → N00905, "U. …" → U00800/U00801
    ale = {(r["kpi"], r["period"]): r["value"] for r in result.rows if r["municipality"] == "1440"}
    assert ale[("N00905", 2008)] == 196853.0
    assert {k for k, _ in ale} == {"N00905", "U00800", "U00801"}
    assert {r["municipality"] for r in result.rows} == {"1440", "0880", "0181", "1490", "1280"}
    assert all(r["gender"] == "T" for r in result.rows)
    assert "ingen kön-kolumn: värdena lästes som totalt (T)" in result.notes
    # every row that could not be mapped is one line naming the file, the row and the reason
    assert len(result.rows) + len(result.problems) == 235 and result.rejected_rows == len(result.problems) == 202
    assert result.problems[0] == (
        "legacy_webexport_2012_kld_bakgr_sample.csv rad 2: nyckeltal 'Arbetslöshet, (%)' finns inte i "
        "Koladas KPI-katalog (lägg till ett alias i export_format.yml)"
    )
    assert all("\n" not in p and p.startswith(path.name + " rad ") for p in result.problems)


def test_an_alias_maps_what_the_catalogue_cannot(lookup: Lookup) -> None:
    from dataclasses import replace

    with_alias = replace(lookup, kpi_aliases={"arbetslöshet, (%)": "N03920"})
    result = import_file(shared_path(*LEGACY), with_alias)
    assert result.rejected_rows == 202 - 30
    group = [r for r in result.rows if r["municipality"] == "G2328"]  # "Alla kommuner (ovägt medel)"
    assert [(r["period"], r["value"]) for r in group][:1] == [(2008, 3.83894583)]


def test_utf8_bom_comma_english_headers_codes_without_leading_zeros(tmp_path: Path, lookup: Lookup) -> None:
    path = tmp_path / "kolada.csv"
    path.write_bytes(
        "\ufeffKPI,Municipality,Year,Gender,Value\r\n"
        "N00090,880,2022,Women,9.1\r\n"
        "N00090,0880,2022,T,\"7,2\"\r\n"
        "N00090,1440,2022,Men,..\r\n"
        "N00090,9999,2022,T,1\r\n"
        "N0009,1440,2022,T,1\r\n"
        "N00090,1440,2022,X,1\r\n"
        "N00090,1440,22,T,1\r\n"
        "N00090,1440,2021,T,abc\r\n".encode("utf-8")
    )
    result = import_file(path, lookup)
    assert result.format == "CSV (,, UTF-8-SIG)"
    assert result.rows == [
        {"kpi": "N00090", "municipality": "0880", "period": 2022, "gender": "K", "value": 9.1, "status": None,
         "count": None, "isdeleted": None},
        {"kpi": "N00090", "municipality": "0880", "period": 2022, "gender": "T", "value": 7.2, "status": None,
         "count": None, "isdeleted": None},
        {"kpi": "N00090", "municipality": "1440", "period": 2022, "gender": "M", "value": None, "status": "Missing",
         "count": None, "isdeleted": None},
    ]
    assert any("880 → 0880" in n for n in result.notes)
    reasons = [p.split(": ", 1)[1] for p in result.problems]
    assert [p.split(":")[0] for p in result.problems] == [f"kolada.csv rad {n}" for n in (5, 6, 7, 8, 9)]
    assert "'9999' finns inte" in reasons[0] and "nyckeltal 'N0009'" in reasons[1] and "kön 'X'" in reasons[2]
    assert "år '22'" in reasons[3] and "värdet 'abc'" in reasons[4]


def test_semicolon_decimal_comma_swedish_headers_and_names(tmp_path: Path, lookup: Lookup) -> None:
    path = tmp_path / "export.csv"
    path.write_bytes(
        "Nyckeltal;Kommun;År;Kön;Värde\r\n"
        "Sjukfrånvaro totalt bland anställda, kommun, andel (%);Ale kommun;2022;Kvinnor;10,3\r\n"
        "Sjukfrånvaro totalt bland anställda, kommun, andel (%);Malmö stad;2022;Totalt;1 234,5\r\n"
        "Sjukfrånvaro totalt bland anställda, kommun, andel (%);Riket;2022;Män;5.2\r\n"
        ";;;;\r\n"
        "Källa: Kolada;;;;\r\n".encode("cp1252")
    )
    result = import_file(path, lookup)
    assert result.format == "CSV (;, Windows-1252/ISO-8859-1)" and not result.problems
    assert [(r["municipality"], r["gender"], r["value"]) for r in result.rows] == [
        ("1440", "K", 10.3), ("1280", "T", 1234.5), ("0000", "M", 5.2)]
    assert all(r["kpi"] == "N00090" for r in result.rows)
    assert any("källrad" in n for n in result.notes)


def test_xlsx_with_title_rows_wide_years_and_a_percent_format(tmp_path: Path, lookup: Lookup) -> None:
    path = tmp_path / "jamforelse.xlsx"
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Jämförelse från Kolada"])
    sheet.append([])
    sheet.append(["Kommun", "Nyckeltal", 2021, "2022"])
    sheet.append(["Kalmar", "N00090", 7.0, 7.2])
    sheet.append(["Borås", "N00090", 8.1, None])
    sheet.append([1440, "N00090", 0.091, 0.093])
    for cell in ("C6", "D6"):
        sheet[cell].number_format = "0.0%"
    book.save(path)
    result = import_file(path, lookup)
    assert result.format.startswith("XLSX") and not result.problems
    got = {(r["municipality"], r["period"]): r["value"] for r in result.rows}
    assert got == {("0880", 2021): 7.0, ("0880", 2022): 7.2, ("1490", 2021): 8.1, ("1490", 2022): None,
                   ("1440", 2021): 9.1, ("1440", 2022): 9.3}


def test_saved_api_json_and_json_lines(tmp_path: Path, lookup: Lookup) -> None:
    v3 = tmp_path / "svar.json"
    v3.write_text(json.dumps({"count": 2, "next_url": None, "values": [
        {"kpi": "N00090", "municipality": "1440", "period": 2022,
         "values": [{"gender": "T", "value": 9.3, "count": 1, "status": ""},
                    {"gender": "K", "value": None, "count": 0, "status": "Missing"}]},
        {"kpi": "N00090", "municipality": "9999", "period": 2022, "values": [{"gender": "T", "value": 1.0}]},
    ]}), encoding="utf-8")
    result = import_file(v3, lookup)
    assert [(r["gender"], r["value"], r["status"]) for r in result.rows] == [("T", 9.3, ""), ("K", None, "Missing")]
    assert len(result.problems) == 1 and "9999" in result.problems[0]

    lines = tmp_path / "hamtat.jsonl"
    lines.write_text(
        '{"kpi": "N00090", "municipality": "0880", "period": 2022, "gender": "T", "value": 7.2, "status": "", "count": 1}\n',
        encoding="utf-8")
    assert [(r["municipality"], r["value"], r["count"]) for r in import_file(lines, lookup).rows] == [("0880", 7.2, 1)]


def test_broken_files_are_one_line_each(tmp_path: Path, lookup: Lookup) -> None:
    cases = {
        "gammal.xls": b"\xd0\xcf\x11\xe0 old excel",
        "trasig.xlsx": b"not a zip",
        "trasig.json": b'{"values": [',
        "utan_rubrik.csv": "a;b;c\r\n1;2;3\r\n".encode(),
    }
    for name, data in cases.items():
        (tmp_path / name).write_bytes(data)
        result = import_file(tmp_path / name, lookup)
        assert result.failed and result.failed.startswith(f"{name}: ") and "\n" not in result.failed
        assert not result.rows


def test_detection_helpers() -> None:
    assert decode("Värde".encode("utf-16"))[0] == "Värde"
    assert decode("Värde".encode("latin-1")) == ("Värde", "Windows-1252/ISO-8859-1")
    assert sniff_delimiter("a\tb\tc\n1,5\t2\t3\n") == "\t"
    assert sniff_delimiter("a;b;c\n1,5;2,5;3\n") == ";"
    missing = {"", ".."}
    assert parse_number("1.234,5", missing) == (True, 1234.5)
    assert parse_number("1,234.5", missing) == (True, 1234.5)
    assert parse_number("−3,5 %", missing) == (True, -3.5)
    assert parse_number("1,2,3", missing) == (False, None)


def test_inbox_files_go_to_the_lake_once_with_their_save_time(data_dir: Path, kolada_snapshot: Path,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KOLADA_SNAPSHOT_DIR", str(kolada_snapshot))
    settings = Settings.from_env()
    settings.inbox_kolada.mkdir(parents=True)
    legacy = settings.inbox_kolada / "kld_bakgr.csv"
    legacy.write_bytes(shared_path(*LEGACY).read_bytes())
    os.utime(legacy, (1_355_000_000, 1_355_000_000))  # saved in December 2012
    (settings.inbox_kolada / "anteckningar.docx").write_bytes(b"PK")
    (settings.inbox_kolada / "trasig.xlsx").write_bytes(b"nope")

    first = load_exports(settings)
    assert first.nya_filer == 1 and first.nya_rader == 33 and first.rader == 235
    assert len(first.problems) == 202 + 2
    assert any(p.startswith("anteckningar.docx: okänd filtyp") for p in first.problems)
    assert any(p.startswith("trasig.xlsx: ") for p in first.problems)
    values = pq.read_table(next((store.kolada_dir(settings) / "varden").glob("*.parquet"))).to_pylist()
    assert {v["source"] for v in values} == {"export:kld_bakgr.csv"}
    assert {v["fetched_at"][:10] for v in values} == {"2012-12-08"}  # the save time, not today
    reports = [json.loads(p.read_text(encoding="utf-8")) for p in (store.kolada_dir(settings) / "importer").glob("*.json")]
    legacy_report = next(r for r in reports if r["fil"] == "kld_bakgr.csv")
    assert legacy_report["mappade_varden"] == 33 and len(legacy_report["problem"]) == 202
    assert list((store.kolada_dir(settings) / "filer").glob("*.csv"))

    lake = set(store.kolada_dir(settings).rglob("*.*"))
    again = load_exports(settings)
    assert again.nya_filer == 0 and set(store.kolada_dir(settings).rglob("*.*")) == lake


def test_cli_import_prints_rows_and_one_line_per_problem(tmp_path: Path, kolada_snapshot: Path) -> None:
    env = os.environ | {"KOMMUNLAGER_DATA_DIR": str(tmp_path / "data"), "KOLADA_SNAPSHOT_DIR": str(kolada_snapshot)}
    done = subprocess.run([sys.executable, "-m", "pipelines.cli", "kolada", "import", str(shared_path(*LEGACY)),
                           str(tmp_path / "saknas.csv")], capture_output=True, text=True, env=env)
    assert done.returncode == 2 and "Traceback" not in done.stderr
    rows = [json.loads(line) for line in done.stdout.splitlines()]
    assert len(rows) == 33 and set(rows[0]) == {"kpi", "municipality", "period", "gender", "value", "status", "count"}
    errors = done.stderr.splitlines()
    assert sum(" rad " in e for e in errors) == 202 and any("saknas.csv: filen finns inte" in e for e in errors)


def test_lookup_without_metadata_maps_codes_not_names(data_dir: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("KOLADA_SNAPSHOT_DIR", str(tmp_path / "saknas"))
    lookup = export_lookup(Settings.from_env())
    path = tmp_path / "x.csv"
    path.write_text("kpi;kommun;år;värde\nN00090;1440;2022;9,3\nN00090;Ale;2022;9,3\n", encoding="utf-8")
    result = import_file(path, lookup)
    assert [r["municipality"] for r in result.rows] == ["1440"]
    assert "metadata saknas" in result.problems[0]


def test_the_run_summary_groups_row_problems_by_file_and_reason(lookup: Lookup) -> None:
    from pipelines.kolada.exports import group_row_problems

    result = import_file(shared_path(*LEGACY), lookup)
    grouped = group_row_problems(result.problems)
    assert len(grouped) == 12 < len(result.problems) == 202
    assert grouped[0].startswith("legacy_webexport_2012_kld_bakgr_sample.csv rader 2–6, 14–18, ")
    assert "(30 rader): nyckeltal 'Arbetslöshet, (%)' finns inte" in grouped[0]
    assert group_row_problems(["x.csv rad 4: y", "annat"]) == ["x.csv rad 4: y", "annat"]
