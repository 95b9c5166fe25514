"""kommunlager export (the Excel workbook of the analyst answers), `sql --format csv-sv /
parquet`, the interactive `sql` prompt, and the answer marts behind them (latest period,
huvudpost, per capita, reasons, area patterns). On the warehouse of tests/dbt_testlager.py."""

from __future__ import annotations

import csv
import io
import sys
from pathlib import Path

import duckdb
import pytest
from openpyxl import load_workbook

from pipelines.cli import main
from pipelines.config import PROJECT_ROOT
from pipelines.export.workbook import write_workbook
from tests.dbt_testlager import ALE, ALE_INVANARE_2016, ByggtLager, bygg_testlager

OAN = "Omsorgs- och arbetsmarknadsnämnden"


@pytest.fixture(scope="module")
def lager(tmp_path_factory: pytest.TempPathFactory) -> ByggtLager:
    built = bygg_testlager(tmp_path_factory)
    assert built.report.published, built.report.failure
    return built


@pytest.fixture(scope="module")
def arbetsbok(lager: ByggtLager, tmp_path_factory: pytest.TempPathFactory):
    path = tmp_path_factory.mktemp("export") / "svar.xlsx"
    con = duckdb.connect(str(lager.settings.warehouse_path), read_only=True)
    try:
        counts = write_workbook(con, path)
    finally:
        con.close()
    return load_workbook(path), counts


@pytest.fixture
def env(lager: ByggtLager, monkeypatch: pytest.MonkeyPatch) -> ByggtLager:
    monkeypatch.setenv("KOMMUNLAGER_DATA_DIR", str(lager.settings.data_dir))
    return lager


def _data(ws, ncols: int) -> list[tuple]:
    return [tuple(c.value for c in row[:ncols]) for row in ws.iter_rows(min_row=4)]


def avvikelse_senaste_against_marts(ws, query) -> tuple[list[tuple], list[tuple]]:
    """The "Avvikelse senaste" sheet's rows and what `analys_budgetavvikelse_senaste` says
    they must be, in the sheet's order (also used over the whole corpus)."""
    expected = query(
        "select namnd || ': ' || verksamhetsomrade, kommun_namn, namnd, ar_tertial, period_slut, verksamhetsomrade, "
        "standardomrade_namn, post, utfall_tkr, budget_tkr, avvikelse_tkr from analys_budgetavvikelse_senaste "
        "where huvudpost and verksamhetsomrade_nyckel <> '(hela nämnden)' "
        "order by kommun_namn, namnd, standardomrade, verksamhetsomrade")
    got = [r[:4] + (r[4].date(),) + r[5:] for r in _data(ws, 11)]
    return got, expected


def test_latest_period_per_namnd_and_the_post_each_reports_per_area(lager: ByggtLager) -> None:
    rows = lager.query("select distinct kommun_kod, namnd, post, period_slut::varchar from analys_budgetavvikelse_senaste "
                       "where huvudpost order by 1")
    # Ale's latest follow-up is the årsredovisning; Göteborg's nämnd reports resultat per tjänst
    assert (ALE, OAN, "nettokostnad", "2016-12-31") in rows
    assert ("1480", "Nämnden för Intraservice", "resultat", "2026-03-31") in rows
    assert lager.query("select count(distinct period_slut) from analys_sjukfranvaro_senaste where kommun_kod = ?",
                       [ALE]) == [(1,)]
    # a goal keeps its latest status: one row per mål/indikator
    assert lager.query("select count(*) - count(distinct naturlig_nyckel) from analys_malstatus_senaste") == [(0,)]


def test_per_capita_beside_kolada_and_reasons_where_a_comparison_is_empty(lager: ByggtLager) -> None:
    [(kr_inv, invanare, kolada, skillnad, orsak)] = lager.query(
        "select rapport_kr_per_invanare, invanare, kolada_kommun, skillnad_mot_kommun, orsak "
        "from analys_rapport_mot_kolada where kommun_kod = ? and kpi_id = 'N30005' and period_slut = '2016-12-31'",
        [ALE])
    assert invanare == ALE_INVANARE_2016
    assert kr_inv == pytest.approx(101900 * 1000 / ALE_INVANARE_2016)
    assert kolada is not None and skillnad == pytest.approx(kr_inv - kolada) and orsak is None
    # the delårsrapport's figure is per capita too, but not a full year like Kolada's
    assert lager.query("select distinct orsak from analys_rapport_mot_kolada where kommun_kod = ? and kpi_id = 'N30005' "
                       "and period_slut = '2016-08-31'", [ALE]) == [("delar_av_ar",)]
    # every empty comparison says why
    assert lager.query("select count(*) from analys_sjukfranvaro where kolada_kommun is null and kolada_orsak is null "
                       "or liknande_medel is null and liknande_orsak is null") == [(0,)]
    assert lager.query("select count(*) from analys_rapport_mot_kolada "
                       "where skillnad_mot_kommun is null and orsak is null") == [(0,)]


def test_area_patterns_map_the_standard_socialtjanst_names() -> None:
    """The patterns in verksamhetsomrade_monster.csv, matched as the dbt model does (RE2 in
    DuckDB, lowest prioritet wins), on names printed in the corpus."""
    seed = PROJECT_ROOT / "dbt_project" / "seeds" / "verksamhetsomrade_monster.csv"
    expected = {
        "IFO Individ o familjeomsorg exkl EKB": "ifo", "ASS Arbetsmarkn Stöd o service exkl EKB": "arbetsmarknad",
        "AFF Avd för funktionsstöd exkl EKB": "funktionsnedsattning", "EKB - Ensamkommande": "flyktingmottagande",
        "IFO ekonomiskt bistånd exkl. försörjningsstöd": "ekonomiskt_bistand", "Handläggning LSS Vuxen": "lss",
        "Gemensamma kostnader för LSS och SoL": "funktionsnedsattning", "Sociala barn- och ungdomsvården": "barn_och_unga",
        "Missbruks- och beroendevården": "vuxen_missbruk", "Ordinärt boende enligt SoL": "hemtjanst",
        "Särskilt boende enligt SoL": "sarskilt_boende", "Kommunal primärvård": "halso_och_sjukvard",
        "Bostad med särskilt service": "lss", "Individ- och familjeomsorg (IFO)": "ifo", "SÖDRA - Skolor": None,
        "Övrigt": "ovrigt", "Buffert": "ovrigt", "Övrig IFO": "ifo", "Övrigt material": None,
        # Södertälje's budget frame (seed 003): LSS and SoL blocks with their common costs
        "Korta insatser": "lss", "Gemensamma kostnader LSS": "lss",
        "Gemensamma kostnader SoL": "namnd_och_administration", "Medelreserv": "ovrigt",
        "Riksfärdtjänst": "ovrigt", "Turbundna resor": "ovrigt", "Gemensamma lokaler": None,
    }
    con = duckdb.connect()
    con.execute(f"create table monster as select * from read_csv('{seed}', header = true, all_varchar = true)")
    got = dict(con.execute(
        "select n.namn, arg_min(m.standardomrade, m.prioritet::integer) from (select unnest(?) as namn) as n "
        "left join monster as m on regexp_matches(lower(n.namn), m.monster) group by n.namn", [list(expected)],
    ).fetchall())
    assert got == expected


def test_the_workbook_answers_equal_the_marts(lager: ByggtLager, arbetsbok) -> None:
    wb, counts = arbetsbok
    assert wb.sheetnames[:6] == ["Avvikelse senaste", "Avvikelse över tid", "Sjukfrånvaro", "Mål",
                                 "Rapport mot Kolada", "Dokument"]
    assert wb.sheetnames[-1] in ("Källor", "Diagramdata") and "Källor" in wb.sheetnames

    ws = wb["Avvikelse senaste"]
    got, expected = avvikelse_senaste_against_marts(ws, lager.query)
    assert got == expected and counts["Avvikelse senaste"] == len(expected) >= 5
    assert ws.freeze_panes == "A4" and ws.auto_filter.ref == f"A3:P{3 + len(expected)}"
    assert ws["I4"].number_format == "#,##0" and ws["E4"].number_format == "yyyy-mm-dd"
    [chart] = ws._charts
    assert chart.tagname == "barChart"
    assert chart.series[0].val.numRef.f == f"'Avvikelse senaste'!$K$4:$K${3 + len(expected)}"
    assert chart.series[0].cat.strRef.f == f"'Avvikelse senaste'!$A$4:$A${3 + len(expected)}"

    # over time: a line chart on the pivot of the sheet's own values
    [line] = wb["Avvikelse över tid"]._charts
    assert line.tagname == "lineChart" and "Diagramdata" in line.series[0].val.numRef.f
    over_tid = lager.query("select count(*) from analys_budgetavvikelse where huvudpost and namnd_id is not null")
    assert counts["Avvikelse över tid"] == over_tid[0][0]

    ws = wb["Sjukfrånvaro"]
    totals = lager.query(
        "select namnd, sjukfranvaro_procent, kolada_kommun, kolada_orsak, kolada_riket, liknande_medel, liknande_orsak "
        "from analys_sjukfranvaro where kon = 'T' order by kommun_namn, namnd, period_slut")
    cells = [(r[2], r[5], r[8], r[9], r[10], r[12], r[14]) for r in _data(ws, 16) if r[4] == "T"]
    assert cells == totals and ws["F4"].number_format == "0.0"
    [bar] = ws._charts
    assert len(bar.series) == 4 and bar.series[0].val.numRef.f == f"'Sjukfrånvaro'!$F$4:$F${3 + len(totals)}"

    mal = lager.query("select count(*) from analys_malstatus_senaste")[0][0]
    assert counts["Mål"] == mal and counts["Dokument"] == lager.query("select count(*) from dim_dokument")[0][0]
    status = {r[10]: wb["Mål"].cell(row=i, column=11).fill.fgColor.rgb
              for i, r in enumerate(_data(wb["Mål"], 11), start=4)}
    assert status["uppfyllt"].endswith("C6EFCE")


def test_every_figure_links_to_its_file_page_and_printed_text(lager: ByggtLager, arbetsbok) -> None:
    wb, _ = arbetsbok
    ws, kallor = wb["Avvikelse senaste"], wb["Källor"]
    link = ws.cell(row=4, column=16)
    first = int(link.value.removeprefix("Källor rad "))
    assert link.hyperlink.location == f"'Källor'!A{first}"
    blad, rad, _, varde, filnamn, sida, kalltext, fakta_id = (c.value for c in kallor[first][:8])
    assert (blad, rad) == ("Avvikelse senaste", 4)
    assert lager.query("select belopp_tkr, filnamn, sida, kalltext from fct_ekonomi where fakta_id = ?",
                       [fakta_id]) == [(varde, filnamn, sida, kalltext)]
    assert kallor.freeze_panes == "A4" and kallor.auto_filter.ref.startswith("A3:H")


def test_export_command_filters_and_refuses_unknown_names(env: ByggtLager, tmp_path: Path, capsys) -> None:
    out = tmp_path / "ale.xlsx"
    assert main(["export", "--out", str(out), "--kommun", ALE, "--namnd", OAN.lower()]) == 0
    wb = load_workbook(out)
    assert {r[1] for r in _data(wb["Avvikelse senaste"], 2)} == {"Ale"}
    assert main(["export", "--out", str(tmp_path / "x.xlsx"), "--namnd", "Ingen sådan nämnd"]) == 1
    assert "--namnd Ingen sådan nämnd: ingen nämnd" in capsys.readouterr().err
    assert main(["export", "--out", str(tmp_path / "x.csv")]) == 1


def test_sql_csv_sv_and_parquet_are_written_from_the_result(env: ByggtLager, tmp_path: Path, capsys) -> None:
    query = "select 'Äldreomsorg; hemtjänst' as omrade, 1234.5::double as belopp, 3 as antal, null as tom"
    assert main(["sql", query, "--format", "csv-sv"]) == 0
    text = capsys.readouterr().out
    assert text.startswith("\ufeff") and text[1:] == 'omrade;belopp;antal;tom\r\n"Äldreomsorg; hemtjänst";1234,5;3;\r\n'
    out = tmp_path / "svar.csv"
    assert main(["sql", query, "--format", "csv-sv", "--out", str(out)]) == 0
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and list(csv.reader(io.StringIO(raw.decode("utf-8-sig")), delimiter=";"))[1][1] == "1234,5"

    import pyarrow.parquet as pq

    pq_out = tmp_path / "avvikelse.parquet"
    assert main(["sql", "select verksamhetsomrade, avvikelse_tkr from analys_budgetavvikelse_senaste order by all",
                 "--format", "parquet", "--out", str(pq_out)]) == 0
    table = pq.read_table(pq_out)
    assert table.column_names == ["verksamhetsomrade", "avvikelse_tkr"] and str(table.schema.field(1).type) == "double"
    assert [tuple(r.values()) for r in table.to_pylist()] == env.query(
        "select verksamhetsomrade, avvikelse_tkr from analys_budgetavvikelse_senaste order by all")
    assert main(["sql", "select 1", "--format", "parquet"]) == 1
    assert "--format parquet needs --out" in capsys.readouterr().err


def test_sql_without_a_query_is_a_prompt_on_the_read_only_warehouse(env: ByggtLager, monkeypatch, capsys) -> None:
    stdin = "select 41 + 1 as svar;\nselect kommun_kod\n  from dim_kommun where kommun_kod = '1440';\n" \
            "create table skrivet as select 1;\n.quit\nselect 'efter quit' as x;\n"
    monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
    assert main(["sql"]) == 1     # one statement failed (not on a terminal: the exit code says so)
    done = capsys.readouterr()
    assert "svar" in done.out and "42" in done.out and "1440" in done.out and "efter quit" not in done.out
    assert done.err.count("kommunlager: sql:") == 1 and "read-only" in done.err.lower()
    assert env.query("select count(*) from information_schema.tables where table_name = 'skrivet'") == [(0,)]
