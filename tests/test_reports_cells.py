"""Cell rules and the flattened-text reader on small synthetic tables (no ../shared needed):
what a column header, a caption, a section and a row label make of a value."""

from __future__ import annotations

from pipelines.reports.facts.tables import table_facts
from pipelines.reports.model import Cell, DocContext, Period
from pipelines.reports.read.layout import classify
from pipelines.reports.tables import flat
from pipelines.reports.tables.model import Column, Row, Table

DOC = DocContext(document="d.pdf", period=Period(2026, "2026-04-30", "manad"), doc_type="manadsuppfoljning")


def _table(headers: list[str], rows: list[tuple[str, list[str | None]]], **kw) -> Table:
    cols = [Column(i, 0, 0, header=h) for i, h in enumerate(headers)]
    trows = [Row(label=label, cells=[classify(Cell(v, 0, 0, 0, 0, 1)) if v else None for v in values],
                 evidence=f"{label} {' '.join(v or '' for v in values)}", section=kw.pop(f"section_{i}", None))
             for i, (label, values) in enumerate(rows)]
    return Table(page=3, columns=cols, rows=trows, id="p3t1", **kw)


def _facts(table: Table) -> dict[tuple[str, str], dict]:
    return {(f.label, f.column): f.to_dict() for f in table_facts(table, DOC)}


def test_a_table_of_areas_gets_area_post_scenario_period_and_unit_in_tkr() -> None:
    t = _table(["Budget 2026", "Prognos 2026", "Avvikelse"],
               [("Äldreomsorg", ["-412,5", "-420,0", "-7,5"]), ("Hemtjänst", ["-100,0", "-98,0", "2,0"]),
                ("Summa", ["-512,5", "-518,0", "-5,5"])], caption=["Driftredovisning, mnkr"])
    f = _facts(t)
    aldre = f[("Äldreomsorg", "Prognos 2026")]
    assert (aldre["schema"], aldre["measure"], aldre["area"]) == ("ekonomi", "nettokostnad", "Äldreomsorg")
    assert (aldre["scenario"], aldre["year"], aldre["period_end"]) == ("prognos", 2026, "2026-12-31")
    assert (aldre["value"], aldre["unit"], aldre["raw_unit"]) == (-420000.0, "tkr", "mnkr")
    assert f[("Summa", "Avvikelse")]["area"] is None                 # the total of areas is the whole nämnd
    assert f[("Hemtjänst", "Budget 2026")]["scenario"] == "budget"


def test_a_period_column_runs_to_the_report_date_and_a_prior_year_column_a_year_earlier() -> None:
    t = _table(["Utfall jan-apr 2026", "Utfall jan-apr 2025"], [("Intäkter", ["10 135", "9 870"])],
               caption=["Resultaträkning (tkr)"])
    f = _facts(t)
    assert f[("Intäkter", "Utfall jan-apr 2026")]["period_end"] == "2026-04-30"
    assert f[("Intäkter", "Utfall jan-apr 2025")]["period_end"] == "2025-04-30"
    assert f[("Intäkter", "Utfall jan-apr 2026")]["measure"] == "intakter"


def test_percent_and_counts_are_not_money() -> None:
    t = _table(["2025", "2026"], [("Sjukfrånvaro totalt (%)", ["7,1", "6,8"]), ("Antal tillsvidareanställda", ["412", "420"])],
               caption=["Personal"])
    f = _facts(t)
    sick = f[("Sjukfrånvaro totalt (%)", "2026")]
    assert (sick["schema"], sick["unit"], sick["kon"]) == ("personal", "procent", "T")
    heads = f[("Antal tillsvidareanställda", "2025")]
    assert (heads["schema"], heads["measure"], heads["unit"], heads["value"]) == (
        "personal", "anstallda_tillsvidare", "antal", 412)


def test_a_section_line_that_is_an_area_gives_its_rows_the_area() -> None:
    t = _table(["Utfall 2025"], [("Antal brukare", ["1 204"]), ("Antal beslut", ["388"])],
               caption=["Verksamhetsmått"], section_0="Hemtjänst", section_1="Hemtjänst")
    f = _facts(t)
    assert {v["area"] for v in f.values()} == {"Hemtjänst"}
    assert {v["measure"] for v in f.values()} == {"verksamhetsmatt"}


def test_flattened_row_with_glued_numbers_is_read_by_the_identity_or_refused() -> None:
    line = ("Ekonomisk uppföljning per kostnadsslag, tkr Budget 2019 Prognos 2019 Avvikelse "
            "Intäkter -97 261-97 061-200 Personalkostnader 556 042 555 842 200 Övriga kostnader 10 1 ") + "x " * 120
    (t,) = [t for t in flat.find_tables(line) if t.rows]
    rows = {r.label: [c.text for c in r.cells] for r in t.rows}
    assert rows["Intäkter"] == ["-97 261", "-97 061", "-200"]          # avvikelse = budget − prognos picks it
    assert rows["Personalkostnader"] == ["556 042", "555 842", "200"]
    assert "Övriga kostnader" not in rows                               # two values for three columns: refused
