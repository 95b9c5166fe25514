"""Tables checked against their own sums; facts flagged, never dropped."""

from __future__ import annotations

from pipelines.reports.facts.checks import check_table
from pipelines.reports.model import Fact
from pipelines.reports.read.layout import Cell, classify
from pipelines.reports.tables.model import Column, Row, Table
from pipelines.reports.extract import extract_file
from tests.conftest import shared_path


def _table(headers: list[str], rows: list[tuple[str, list[str | None]]]) -> tuple[Table, list[Fact]]:
    cols = [Column(i, 0, 0, header=h) for i, h in enumerate(headers)]
    trows = [Row(label=lab, cells=[classify(Cell(v, 0, 0, 0, 0, 1)) if v else None for v in vals]) for lab, vals in rows]
    table = Table(page=1, columns=cols, rows=trows, id="t1")
    facts = []
    for r, row in enumerate(trows):
        for c, cell in enumerate(row.cells):
            if cell is not None and cell.num is not None:
                facts.append(Fact("d", 1, "ekonomi", row.label, headers[c], None, None, None, None,
                                  cell.num.value, "tkr", row.label, "table", table_id="t1", row=r, col=c))
    return table, facts


def test_nested_totals_and_difference_column_pass() -> None:
    table, facts = _table(
        ["Budget 2026", "Prognos helår 2026", "Avv. prognos/ budget 2026"],
        [
            ("Verksamhetens intäkter", ["38 613", "40 013", "1 400"]),
            ("Personalkostnader", ["-174 304", "-173 604", "700"]),
            ("Lokalhyror", ["-16 513", "-16 013", "500"]),
            ("Köp av tjänster", ["-65 033", "-69 533", "-4 500"]),
            ("Övriga kostnader", ["-48 599", "-46 699", "1 900"]),
            ("Verksamhetens kostnader", ["-304 449", "-305 849", "-1 400"]),
            ("Verksamhetens nettokostnader", ["-265 836", "-265 836", "0"]),
            ("Kommunbidrag", ["265 836", "265 836", "0"]),
            ("Finansnetto", ["0", "0", "0"]),
            ("Årets resultat", ["0", "0", "0"]),
        ],
    )
    check_table(table, facts)
    assert {f.check for f in facts} == {"ok"}
    costs = next(f for f in facts if f.label == "Verksamhetens kostnader" and f.col == 0)
    assert "4 rader" in costs.check_detail


def test_rounding_tolerance_and_a_printed_error() -> None:
    # rows of rounded figures sum to -62 051 against a printed -62 049: within ±0.5 per term
    rows = [("A", ["-698", "-679"]), ("B", ["-602", "-373"]), ("C", ["2 802", "2 803"]), ("D", ["-63 553", "-64 870"])]
    table, facts = _table(["Utfall 2025", "Budget 2025"], rows + [("Summa totalt", ["-62 049", "-63 119"])])
    check_table(table, facts)
    assert {f.check for f in facts} == {"ok"}
    # 12 off is not rounding: the total is flagged with what was expected and what is printed
    rows[3] = ("D", ["-63 563", "-64 870"])
    table, facts = _table(["Utfall 2025", "Budget 2025"], rows + [("Summa totalt", ["-62 049", "-63 119"])])
    check_table(table, facts)
    total = next(f for f in facts if f.label == "Summa totalt" and f.col == 0)
    assert total.check == "fel" and "−62 061" in total.check_detail and "−62 049" in total.check_detail
    budget_total = next(f for f in facts if f.label == "Summa totalt" and f.col == 1)
    assert budget_total.check == "ok"


def test_avvikelse_column_with_either_sign_and_a_wrong_row() -> None:
    table, facts = _table(
        ["Budget helår", "Prognos helår", "Avvikelse prognos budget helår"],
        [("Intäkter", ["265 704", "269 053", "3 349"]), ("Kostnader", ["747 335", "750 684", "-3 349"]),
         ("Lönekostnad", ["287 360", "290 360", "-3 000"]), ("Övrigt", ["100", "90", "25"])],
    )
    check_table(table, facts)
    assert all(f.check == "ok" for f in facts if f.label != "Övrigt")
    bad = next(f for f in facts if f.label == "Övrigt" and f.col == 2)
    assert bad.check == "fel" and "tryckt 25" in bad.check_detail
    assert len(facts) == 12, "a failing fact is flagged, not dropped"


def test_real_sign_error_in_goteborg_report_is_flagged() -> None:
    """The delårsrapport prints Totalt -1 633,7 for the prognos intäkter (should be +1 633,7)."""
    result = extract_file(shared_path("corpus", "goteborg_intraservice_delarsrapport_2026-03.pdf"))
    total = [f for f in result.facts if f.page == 16 and f.label == "Totalt" and f.column == "Prognos intäkter helår"]
    assert total and total[0].value == -1633700 and total[0].check == "fel"
    ok = [f for f in result.facts if f.page == 11 and f.method == "table"]
    # every identity of p. 11 holds; the facts whose meaning is incomplete (Kommunbidrag under
    # both "Helår Prognos" and "Helår Fg prognos": the forecast's date is lost; Kommuninterna
    # bidrag: no post) are oklar and keep the identity's verdict (docs/facts.md)
    assert len(ok) == 40 and {f.check for f in ok} == {"ok", "oklar"}
    assert all("stämmer" in f.check_detail for f in ok if f.check == "oklar")
