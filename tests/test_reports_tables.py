"""Tables found by geometry on real corpus pages, values asserted as printed.

The PDFs are read in place from ../shared/corpus (never copied into the repository).
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from pipelines.reports.extract import extract_file
from pipelines.reports.model import Page
from pipelines.reports.read import pdf
from pipelines.reports.tables.find import find_tables
from pipelines.reports.tables.model import Table
from pipelines.reports.tables.settings import PDF
from pipelines.reports.vocabulary import document_words
from tests.conftest import SAMPLES, shared_path

GBG = ("corpus", "goteborg_intraservice_delarsrapport_2026-03.pdf",)
SIM = ("corpus", "simrishamn_kfn_bokslut_2025.pdf",)
SN17 = ("corpus", "alingsas", "socialnamnden_2018-01-23_manadsuppfoljning-ekonomi-november-2017.pdf")
TFV = ("corpus", "alingsas", "kommunfullmaktige_2026-06-10_arsredovisning-2025-for-tolkformedling-vast-.pdf")
CHARTS = ("corpus", "alingsas", "socialnamnden_2026-06-16_bilaga-tabeller-och-grafer-maj-2026.pdf")


@lru_cache(maxsize=8)
def _pages(parts: tuple[str, ...]) -> list[Page]:
    return pdf.read_pages(shared_path(*parts))


def tables_on(parts: tuple[str, ...], page: int) -> list[Table]:
    pages = _pages(parts)
    return find_tables(pages[page - 1].lines, page, PDF.with_words(document_words([p.text for p in pages])))


def cells(table: Table) -> dict[str, list[str | None]]:
    return {r.label: [c.text if c else None for c in r.cells] for r in table.rows}


def test_goteborg_resultat_table_grid_wrapped_label_and_group_headers() -> None:
    (t,) = tables_on(GBG, 11)
    assert [c.header for c in t.columns] == [
        "Utfall", "Budget", "Avvikelse", "Utfall fg år", "Prognos", "Fg prognos", "Budget", "Bokslut fg år"]
    assert [c.group for c in t.columns] == ["Period"] * 4 + ["Helår"] * 4
    assert t.stub == "Belopp i mnkr"
    rows = cells(t)
    assert rows["Intäkter"] == ["373,6", "375,7", "-2,1", "346,2", "1 513,3", "1 506,8", "1 506,8", "1 413,5"]
    assert rows["Kostnader"][4] == "-1 550,7"
    # "Kommuninterna" / values / "bidrag": one row, the label joined around its centred values
    assert rows["Kommuninterna bidrag"] == ["0"] * 8
    assert rows["Resultat"] == ["22,5", "3,0", "19,5", "8,6", "0", "0", "0", "6,9"]


def test_goteborg_tjanster_table_top_aligned_wrapped_labels() -> None:
    (t,) = tables_on(GBG, 16)
    labels = [r.label for r in t.rows]
    assert "Digital infrastruktur, Demokrati- och Medborgarservice (DM)" in labels
    assert "Överförd verksamhet till SLK - kommunbidrag" in labels
    assert "Total förvaltning och förändringsinitiativ" in labels
    assert t.columns[4].header == "Prognosavvikelse mot budget helår"
    assert cells(t)["Totalt"] == ["-1 633,7", "-1 633,7", "0", "-1 633,7", "0"]


def test_simrishamn_drift_empty_cell_and_spaced_minus() -> None:
    t = tables_on(SIM, 33)[0]
    assert [c.header for c in t.columns] == ["Utfall 2025", "Budget 2025", "Återstår"]
    rows = cells(t)
    assert rows["Alkoholtillstånd"] == ["1", None, "1"], "the empty budget cell stays empty"
    assert rows["Allmän fritidsverksamhet"][0] == "- 6 279"
    assert rows["Summa totalt"] == ["-62 049", "-63 119", "1 070"]
    assert len(t.rows) == 13


def test_simrishamn_investments_group_headers_and_narrow_columns() -> None:
    (t,) = tables_on(SIM, 21)
    assert [c.header for c in t.columns] == [
        "Total projektbudget", "Ack. Utfall", "Avvikelse", "Budget 2025", "Utfall 2025", "Budgetavvikelse"]
    assert t.columns[0].group == "Utgifter sedan projektets start"
    assert t.columns[5].group == "Varav årets investeringar"
    rows = cells(t)
    assert rows["Ny inredning, biblioteket (6014)"][0] == "4,827"
    assert rows["Inventarier, löpande"][:3] == [None, None, None]


def test_per_department_table_keeps_empty_cells_in_their_columns() -> None:
    t = tables_on(SN17, 1)[-1]
    rows = cells(t)
    assert rows["Lokalhyror"] == ["-1 840", None, "0", "0", "-550", "-2 390"]
    assert rows["Övriga kostnader"] == ["1 795", None, "0", "3 000", "-1 055", "3 740"]
    assert t.columns[-1].header == "Summa"


def test_years_as_rows_and_charts_beside_text_are_not_tables() -> None:
    t = next(t for t in tables_on(TFV, 23) if t.stub == "År")
    assert [r.label for r in t.rows] == ["2025", "2024", "2023", "2022", "2021"]
    assert t.columns[3].header == "Totalt (åa)"
    # the chart labels printed beside the running text on the same page are left alone
    assert len(tables_on(TFV, 23)) == 1


def test_chart_pages_are_reported_not_read() -> None:
    result = extract_file(shared_path(*CHARTS))
    assert result.info.bildsidor == [3, 4, 5]
    assert all(f.page == 2 for f in result.facts if f.method == "table")
    assert any("diagram" in w for w in result.info.varningar)


def test_layout_text_dump_reads_like_the_pdf() -> None:
    """The pdftotext -layout dump of the same report gives the same resultat table."""
    dump = extract_file(shared_path("corpus", "goteborg_intraservice_delarsrapport_2026-03.pdftotext.txt"))
    got = {(f.label, f.column): f.value for f in dump.facts if f.method == "table"}
    assert got[("Intäkter", "Period Utfall")] == 373600
    assert got[("Kostnader", "Helår Prognos")] == -1550700
    assert got[("Resultat", "Helår Bokslut fg år")] == 6900


def test_pdf_file_is_not_needed_in_the_repository() -> None:
    assert not list(Path(__file__).parent.rglob("*.pdf"))


def test_a_short_row_refused_for_its_size_stands_when_its_subtotal_confirms_it() -> None:
    """Flattened text: `Riksfärdtjänst 203 202 203 -` among rows of five digits. Each space
    could be a thousands separator, so a row unlike its column is refused, unless the Summa
    row under its block adds up with it read this way (Södertälje's budget frame, seed 003)."""
    from pipelines.reports.tables.flat import find_tables

    head = "Verksamhet Budget 2018 Utfall 2018 Förslag till budget 2019 Förändring "
    rows = ("Gemensamma kostnader SoL 10 673 9 360 15 612 4 939 Ordinärt boende 35 343 30 035 30 640-4 703 "
            "Särskilt boende 18 350 20 302 20 909 2 559 Turbundna resor 13 130 13 013 13 254 124 "
            "Riksfärdtjänst 203 202 203 - ")
    confirmed = find_tables(head + rows + "Summa verksamhetsområde SoL 77 699 72 912 80 618 2 919 Nämnd 865 739 908 43")
    row = {r.label: [c.text for c in r.cells] for t in confirmed for r in t.rows}
    assert row["Riksfärdtjänst"] == ["203", "202", "203", "-"]
    # the same row under a Summa that does not add up with it: still refused
    unconfirmed = find_tables(head + rows + "Summa verksamhetsområde SoL 77 899 72 912 80 618 2 919 Nämnd 865 739 908 43")
    assert "Riksfärdtjänst" not in {r.label for t in unconfirmed for r in t.rows}


def test_under_a_note_column_a_row_whose_spaces_could_be_thousands_is_refused(tmp_path: Path) -> None:
    """Flattened resultaträkning with a `Not` column printed on some rows only:
    `Verksamhetens nettokostnader 25 501 -3 875` is Not 25 and three values, or no note and
    25 501 | -3 875. The count of values cannot tell, so the row is refused: whatever is read
    of the table is what it prints (before: 501 as the budget, -3 and 875 as outcomes)."""
    text = ("Förbundet Årsredovisning 2025 Resultaträkning (tkr) Not Budget 2025 Utfall 2025 Utfall 2024 "
            "Verksamhetens intäkter 1 233 760 231 858 220 452 Verksamhetens kostnader 2 -231 935 -229 672 -222 593 "
            "Avskrivningar 3 -1 800 -1 686 -1 734 Verksamhetens nettokostnader 25 501 -3 875 Finansiella intäkter "
            "4 20 6 8 Finansiella kostnader 5 -45 -192 -83 Resultat före extraord. poster 0 315 -3 950 "
            "Extraordinära poster 0 0 0 Årets resultat 0 315 -3 950 Balansräkning (tkr) TILLGÅNGAR\n")
    path = tmp_path / "rr.txt"
    path.write_text(text, encoding="utf-8")
    printed = {"Verksamhetens intäkter": (233760, 231858, 220452), "Verksamhetens kostnader": (-231935, -229672, -222593),
               "Avskrivningar": (-1800, -1686, -1734), "Verksamhetens nettokostnader": (25, 501, -3875),
               "Finansiella intäkter": (20, 6, 8), "Finansiella kostnader": (-45, -192, -83),
               "Resultat före extraord. poster": (0, 315, -3950), "Extraordinära poster": (0, 0, 0),
               "Årets resultat": (0, 315, -3950)}
    columns = ("Budget 2025", "Utfall 2025", "Utfall 2024")
    for f in extract_file(path).facts:
        if f.method == "table":
            assert f.label in printed and f.column in columns, (f.label, f.column, f.value)
            assert f.value == printed[f.label][columns.index(f.column)], (f.label, f.column, f.value)


def test_text_set_at_size_one_and_scaled_by_its_matrix_reads_like_text_set_at_its_size(tmp_path: Path) -> None:
    """Some producers set every font at size 1 (``/F1 1 Tf``) and draw it at 10 pt with the
    text matrix. PDFium then reports size 1, and every gap looked like a column gap: each
    word its own cell, `150 | tkr` apart, no table. The drawn size (the loose box) is used."""
    import re as _re

    from tests.hostile_files import REPORT_LINES, page_content, pdf_bytes

    plain = page_content(REPORT_LINES)
    scaled = _re.sub(rb"/F1 10 Tf (\d+) (\d+) Td", rb"/F1 1 Tf 10 0 0 10 \1 \2 Tm", plain)
    assert scaled != plain and b"/F1 10 Tf" not in scaled
    facts = {}
    for name, content in (("plain.pdf", plain), ("scaled.pdf", scaled)):
        path = tmp_path / name
        path.write_bytes(pdf_bytes([content]))
        facts[name] = sorted((f.label, f.column, f.value) for f in extract_file(path).facts if f.method == "table")
    assert facts["plain.pdf"] and facts["scaled.pdf"] == facts["plain.pdf"], facts


def test_a_wrapped_list_of_codes_is_not_a_row_of_values(tmp_path: Path) -> None:
    """BUN's planeringsområden (pool): a column of SCB nyckelkoder wrapped over lines,
    `213105, 220089,` / `212096, 213086,` / `220094`, read as label, header and value. A
    label that is only numbers joined by ", " (or one number and a comma) is a code list."""
    from pipelines.reports.facts.tables import _CODE_LIST

    assert all(_CODE_LIST.fullmatch(t) for t in ("213105, 220089,", "332084,", "312077, 320080, 341074"))
    assert not any(_CODE_LIST.fullmatch(t) for t in ("2025", "2,5", "-19", "20-25", "51 -", "1.", "Åk 7-9"))
    name = "barn-och-ungdomsnamnden__2026-05-26__bilagor__forandring-planeringsomraden-arskurs-7-9.pdf"
    assert extract_file(shared_path("corpus", "pool", name)).facts == []


def test_consecutive_school_years_in_a_flattened_header_are_columns_each() -> None:
    """BUN's lokalförsörjningsplan as one line per page: `Antal barn 26/27 27/28 … 35/36`
    over rows of ten counts. A break between two periods cost as much as one inside a word,
    so the header never split into ten columns and the table was not read."""
    from pipelines.reports.tables.flat import find_tables

    line = ("Antal barn 26/27 27/28 28/29 29/30 30/31 31/32 32/33 33/34 34/35 35/36 1-3 år 765 750 735 722 715 713 "
            "714 718 725 732 4-5 år 629 578 551 545 535 526 521 519 519 522 BEHOV HT 1394 1328 1286 1267 1251 "
            "1238 1235 1237 1244 1254 Alingsås kommun förskolor")
    tables = find_tables(line)
    assert len(tables) == 1 and [c.header for c in tables[0].columns][1:] == [
        "27/28", "28/29", "29/30", "30/31", "31/32", "32/33", "33/34", "34/35", "35/36"]
    rows = {r.label: [c.text for c in r.cells] for r in tables[0].rows}
    assert rows["4-5 år"] == "629 578 551 545 535 526 521 519 519 522".split()


def test_a_flattened_table_reads_past_one_row_of_another_count_and_a_yyyymm_header() -> None:
    """One line per page of a månadsuppföljning: `Budget 2017 Utfall 201711 Prognos helår
    Avvikelse helår`, then rows of four; one row prints a stray fifth value and one only
    three. `201711` is the header's period, not a value; `Budget 2017` is one column; the two
    odd rows are refused and the table goes on (before: no table, or `174 | 917` split into
    a column of its own to fit five)."""
    from pipelines.reports.tables.flat import find_tables

    line = ("Socialnämnden Belopp i tkr Budget 2017 Utfall 201711 Prognos helår Avvikelse helår "
            "Verksamhetens intäkter 210 000 175 500 190 000 -20 000 Personalkostnader -400 000 -366 100 -401 000 -1 000 "
            "Övriga kostnader -74 000 -63 300 -71 000 3 000 0 Verksamhetens kostnader -600 000 -567 600 -620 000 -20 000 "
            "Finansnetto -9 -9 -9 Årets resultat 0 -38 400 -45 000 -45 000 Nämndens prognos är ett underskott.")
    tables = find_tables(line)
    assert [c.header for t in tables for c in t.columns] == ["Budget 2017", "Utfall 201711", "Prognos helår", "Avvikelse helår"]
    rows = {r.label: [c.text for c in r.cells] for t in tables for r in t.rows}
    assert rows["Verksamhetens intäkter"] == ["210 000", "175 500", "190 000", "-20 000"]
    assert rows["Årets resultat"] == ["0", "-38 400", "-45 000", "-45 000"]
    assert "Övriga kostnader" not in rows and "Finansnetto" not in rows


def test_a_row_of_zeros_says_nothing_of_its_columns_size() -> None:
    """`Ekonomisk plan 2025–2027 Budget (tkr) 2025 2026 2027 Intäkter 233 760 236 000 238 000 …
    Budgeterat resultat 0 0 0`: the zeros made every column look one digit wide, so the
    three-column reading lost to four columns that split `233 | 760` (Tolkförmedling)."""
    from pipelines.reports.tables.flat import find_tables

    line = ("Budget 2025 (tkr) Verksamhetens intäkter 233 500 Verksamhetens kostnader 233 500 Årets resultat 0 "
            "Ekonomisk plan 2025–2027 Budget (tkr) 2025 2026 2027 Intäkter 233 500 236 000 238 000 "
            "Kostnader 233 500 236 000 238 000 Budgeterat resultat 0 0 0")
    rows = {r.label: [c.text for c in r.cells] for t in find_tables(line) for r in t.rows}
    assert rows.get("Intäkter") == ["233 500", "236 000", "238 000"], rows
    assert rows.get("Budgeterat resultat") == ["0", "0", "0"]


def test_a_label_starting_with_a_header_word_is_not_taken_as_the_last_column() -> None:
    """`… Utfall helår 2025 Utfall helår 2024 Antal incidenter lösta inom Service Level
    Agreement snitt 87,5% 85 % 87 % 85 %`: every column names its year, so `Antal incidenter
    lösta inom` (no year, no scenario word) starts the row's label; taken as a fifth column it
    shifted every value one column (Göteborg's effektmått, one line per page). A last column
    with a scenario word and no year (`Avvikelse`) stays a column."""
    from pipelines.reports.tables.flat import find_tables

    line = ("Mått/nyckeltal Utfall perioden 2026 Prognos helår 2026 Utfall helår 2025 Utfall helår 2024 Antal incidenter "
            "lösta inom Service Level Agreement snitt 87,5% 85 % 87 % 85 % Antal Major Incidents 7 - 55 34 En incident "
            "är ett fel.")
    tables = find_tables(line)
    assert [c.header for t in tables for c in t.columns] == [
        "Utfall perioden 2026", "Prognos helår 2026", "Utfall helår 2025", "Utfall helår 2024"]
    rows = {r.label: [c.text for c in r.cells] for t in tables for r in t.rows}
    assert rows["Antal Major Incidents"] == ["7", "-", "55", "34"]
    kept = {f.column: f.value for f in extract_file(SAMPLES / "002_b4559db47a798bae.txt").facts
            if f.label == "Personalkostnader" and f.method == "table"}
    assert kept == {"Budget VR aug 2019": 556042.0, "Prognos VR aug 2019": 555842.0, "Avvikelse": 200.0}, kept


def test_a_row_with_its_own_label_never_takes_the_values_of_a_lower_case_row_below(tmp_path: Path) -> None:
    """`Summa intäkter 500` (Budget only) and right below `varav bidrag 200` (Utfall only):
    two rows, though they fill different columns and the second starts in lower case. Only a
    row without a label of its own (a cell centred between a label's lines) is joined."""
    from tests.hostile_files import pdf_bytes

    def at(x: int, y: int, text: str) -> bytes:
        return b"BT /F1 10 Tf %d %d Td (" % (x, y) + text.encode("cp1252") + b") Tj ET"

    content = b"\n".join([
        at(56, 780, "Socialnämnden månadsrapport april 2025"),
        at(276, 760, "Budget"), at(376, 760, "Utfall"),
        at(56, 746, "Intäkter"), at(276, 746, "900"), at(376, 746, "880"),
        at(56, 734, "Summa intäkter"), at(276, 734, "500"),
        at(56, 722, "varav bidrag"), at(376, 722, "200"),
        at(56, 710, "Kostnader"), at(276, 710, "400"), at(376, 710, "420"),
    ])
    path = tmp_path / "varav.pdf"
    path.write_bytes(pdf_bytes([content]))
    got = {(f.label, f.column): f.value for f in extract_file(path).facts if f.method == "table"}
    assert got.get(("Summa intäkter", "Budget")) == 500.0, got
    assert ("Summa intäkter", "Utfall") not in got
