"""``kommunlager export --out FILE.xlsx``: the analyst answers as an Excel workbook.

One sheet per question (sheets.py), each a query on the marts written cell by cell:
native Excel charts (bar for the deviation per area and for sick leave, line over the
tertials), Excel number formats (``#,##0``, ``0.0``: Excel shows them with the reader's
separators, so Swedish Excel shows ``1 234`` and ``9,1``), frozen header rows, an
autofilter, and a sheet "Källor" that says where each figure came from (file, page,
printed text). A "Källa" column on every data row links to its first line there."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from openpyxl import Workbook
from openpyxl.chart import BarChart, LineChart, Reference
from openpyxl.chart.data_source import AxDataSource, StrRef
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.hyperlink import Hyperlink
from openpyxl.worksheet.worksheet import Worksheet

from pipelines.export.sheets import (DATUM, EKONOMI_KALLOR, FAKTA_KALLOR, HELTAL, PROCENT, SANT, SHEETS, TAL, TKR,
                                     Sheet)

FORMATS = {TKR: "#,##0", PROCENT: "0.0", TAL: "#,##0.0", HELTAL: "0", DATUM: "yyyy-mm-dd"}
HEADER_ROW = 3              # row 1: title, row 2: note, row 3: headers, data from row 4
KALLOR = "Källor"
STATUS_FARG = {"uppfyllt": "C6EFCE", "delvis_uppfyllt": "FFEB9C", "ej_uppfyllt": "FFC7CE",
               "pagaende_med_avvikelser": "FFEB9C"}
_BOLD = Font(bold=True)
_HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")


class ExportError(Exception):
    pass


def _filter(con, kommun: str | None, namnd: str | None) -> tuple[str, list]:
    villkor, params = "", []
    if kommun:
        if not con.execute("select 1 from dim_kommun where kommun_kod = ?", [kommun]).fetchall():
            raise ExportError(f"--kommun {kommun}: ingen sådan kommunkod i dim_kommun")
        villkor += " and kommun_kod = ?"
        params.append(kommun)
    if namnd:
        found = con.execute("select count(*) from dim_namnd where lower(namnd) = lower(?)", [namnd]).fetchone()[0]
        if not found:
            raise ExportError(f"--namnd {namnd}: ingen nämnd med det namnet i dim_namnd")
        villkor += " and namnd_id in (select namnd_id from dim_namnd where lower(namnd) = lower(?))"
        params.append(namnd)
    return villkor, params


def _rows(con, sql: str, params: list) -> tuple[list[str], list[dict]]:
    cursor = con.execute(sql, params)
    columns = [d[0] for d in cursor.description]
    # a column asked for twice (etikett, *, keys) keeps its first value
    return columns, [{c: v for c, v in reversed(list(zip(columns, row)))} for row in cursor.fetchall()]


def _cell_value(value):
    if isinstance(value, dt.datetime):
        return value.replace(tzinfo=None)
    return value


def _header(ws: Worksheet, sheet_title: str, note: str, headers: list[str]) -> None:
    ws.cell(row=1, column=1, value=sheet_title).font = Font(bold=True, size=13)
    ws.cell(row=2, column=1, value=note).font = Font(italic=True)
    for c, text in enumerate(headers, start=1):
        cell = ws.cell(row=HEADER_ROW, column=c, value=text)
        cell.font, cell.fill = _BOLD, _HEADER_FILL
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    ws.freeze_panes = ws.cell(row=HEADER_ROW + 1, column=1)


def _finish(ws: Worksheet, ncols: int, nrows: int, widths: list[int]) -> None:
    last = get_column_letter(ncols)
    ws.auto_filter.ref = f"A{HEADER_ROW}:{last}{HEADER_ROW + max(nrows, 1)}"
    for c, width in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(c)].width = min(max(width, 8), 60)


class _Kallor:
    """The Källor sheet, filled as the data sheets are written."""

    def __init__(self, ws: Worksheet) -> None:
        self.ws = ws
        self.headers = ["Blad", "Rad", "Figur", "Värde", "Fil", "Sida", "Tryckt text", "fakta_id"]
        _header(ws, "Källor: varifrån varje siffra kommer",
                "Fil, sida och den tryckta raden för siffrorna på de andra bladen (Blad, Rad).", self.headers)
        self.next_row = HEADER_ROW + 1

    def add(self, blad: str, rad: int, figur: str, varde, filnamn, sida, kalltext, fakta_id) -> int:
        row = self.next_row
        for c, value in enumerate([blad, rad, figur, varde, filnamn, sida, kalltext, fakta_id], start=1):
            cell = self.ws.cell(row=row, column=c, value=value)
            if c == 4 and isinstance(value, (int, float)):
                cell.number_format = FORMATS[TAL]
        self.next_row += 1
        return row

    def finish(self) -> None:
        _finish(self.ws, len(self.headers), self.next_row - HEADER_ROW - 1, [20, 6, 24, 12, 40, 6, 80, 20])


def _sources(con, sheet: Sheet, row: dict, fakta: dict) -> list[tuple]:
    if sheet.sources == "ekonomi":
        return con.execute(EKONOMI_KALLOR, [row["kommun_kod"], row["namnd_id"], row["verksamhetsomrade_nyckel"],
                                            row["post"], row["period_slut"]]).fetchall()
    if sheet.sources == "fakta" and row.get("fakta_id") in fakta:
        filnamn, sida, kalltext = fakta[row["fakta_id"]]
        value = next((row[c] for c in ("sjukfranvaro_procent", "rapport_varde", "utfall") if row.get(c) is not None),
                     None)
        return [(row["fakta_id"], "rapportens siffra", value, filnamn, sida, kalltext)]
    return []


def _write_sheet(con, wb: Workbook, sheet: Sheet, villkor: str, params: list, kallor: _Kallor,
                 fakta: dict) -> int:
    ws = wb.create_sheet(sheet.name)
    _, rows = _rows(con, sheet.sql.format(villkor=villkor), params * sheet.sql.count("{villkor}"))
    headers = [h for _, h, _ in sheet.columns] + (["Källa"] if sheet.sources else [])
    _header(ws, sheet.title, sheet.note, headers)
    widths = [len(h) + 2 for h in headers]
    for r, row in enumerate(rows, start=HEADER_ROW + 1):
        for c, (name, _, kind) in enumerate(sheet.columns, start=1):
            value = _cell_value(row.get(name))
            if kind == SANT and value is not None:
                value = "ja" if value else "nej"
            cell = ws.cell(row=r, column=c, value=value)
            if kind in FORMATS:
                cell.number_format = FORMATS[kind]
            if name == "status" and value in STATUS_FARG:
                cell.fill = PatternFill("solid", fgColor=STATUS_FARG[value])
            widths[c - 1] = max(widths[c - 1], min(len(str(value)) if value is not None else 0, 60) + 1)
        if sheet.sources:
            first = None
            for fakta_id, figur, varde, filnamn, sida, kalltext in _sources(con, sheet, row, fakta):
                line = kallor.add(sheet.name, r, figur, varde, filnamn, sida, kalltext, fakta_id)
                first = first or line
            if first:
                cell = ws.cell(row=r, column=len(sheet.columns) + 1, value=f"Källor rad {first}")
                cell.hyperlink = Hyperlink(ref=cell.coordinate, location=f"'{KALLOR}'!A{first}")
                cell.font = Font(color="0563C1", underline="single")
    _finish(ws, len(headers), len(rows), widths)
    if rows and sheet.chart:
        _chart(wb, ws, sheet, rows)
    return len(rows)


def _col(sheet: Sheet, name: str) -> int:
    return [c for c, _, _ in sheet.columns].index(name) + 1


def _chart(wb: Workbook, ws: Worksheet, sheet: Sheet, rows: list[dict]) -> None:
    spec = sheet.chart
    anchor = f"{get_column_letter(len(sheet.columns) + 3)}{HEADER_ROW + 1}"
    first, last = HEADER_ROW + 1, HEADER_ROW + len(rows)
    if spec["typ"] == "stapel":
        if "endast" in spec:  # the rows the chart shows come first (ORDER BY in the query)
            col, value = spec["endast"]
            last = HEADER_ROW + sum(1 for row in rows if row.get(col) == value)
            if last < first:
                return
        chart = BarChart()
        chart.type = "bar" if len(spec["serier"]) == 1 else "col"
        for name in spec["serier"]:
            c = _col(sheet, name)
            chart.add_data(Reference(ws, min_col=c, min_row=HEADER_ROW, max_row=last), titles_from_data=True)
        chart.set_categories(Reference(ws, min_col=_col(sheet, spec["kategori"]), min_row=first, max_row=last))
        for series in chart.series:  # text labels: a string reference (openpyxl writes a numeric one)
            series.cat = AxDataSource(strRef=StrRef(f=series.cat.numRef.f))
        chart.y_axis.number_format = FORMATS[TKR] if sheet.columns[_col(sheet, spec["serier"][0]) - 1][2] == TKR \
            else FORMATS[PROCENT]
    else:
        chart = _line_chart(wb, sheet, rows, spec)
    chart.title = spec["titel"]
    chart.x_axis.delete = chart.y_axis.delete = False   # openpyxl 3.1 hides the axes otherwise
    chart.height, chart.width = 9 + min(len(rows), 40) * 0.25, 22
    ws.add_chart(chart, anchor)


def _line_chart(wb: Workbook, sheet: Sheet, rows: list[dict], spec: dict) -> LineChart:
    """A line per series (nämnd: område) over the periods, from a pivot of the sheet's own
    values on a sheet of its own (Diagramdata), since a line chart needs one column per line."""
    periods = sorted({row[spec["kategori"]] for row in rows})
    series = list(dict.fromkeys(row[spec["serie"]] for row in rows))
    data = wb.create_sheet("Diagramdata")
    data.cell(row=1, column=1, value=f"{sheet.name}: {spec['varde']} per period (värdena från bladet)").font = _BOLD
    data.cell(row=2, column=1, value="Period").font = _BOLD
    for s, name in enumerate(series, start=2):
        data.cell(row=2, column=s, value=name).font = _BOLD
    for p, period in enumerate(periods, start=3):
        data.cell(row=p, column=1, value=_cell_value(period)).number_format = FORMATS[DATUM]
    index = {name: s for s, name in enumerate(series, start=2)}
    prow = {period: p for p, period in enumerate(periods, start=3)}
    for row in rows:
        if row.get(spec["varde"]) is not None:
            cell = data.cell(row=prow[row[spec["kategori"]]], column=index[row[spec["serie"]]], value=row[spec["varde"]])
            cell.number_format = FORMATS[TKR]
    data.freeze_panes = "B3"
    chart = LineChart()
    chart.add_data(Reference(data, min_col=2, max_col=len(series) + 1, min_row=2, max_row=len(periods) + 2),
                   titles_from_data=True)
    chart.set_categories(Reference(data, min_col=1, min_row=3, max_row=len(periods) + 2))
    chart.x_axis.number_format = FORMATS[DATUM]
    chart.y_axis.number_format = FORMATS[TKR]
    return chart


def write_workbook(con, path: Path, kommun: str | None = None, namnd: str | None = None) -> dict[str, int]:
    """Write the workbook; returns the number of data rows per sheet."""
    villkor, params = _filter(con, kommun, namnd)
    fakta = {fid: (f, s, k) for fid, f, s, k in con.execute(FAKTA_KALLOR).fetchall()}
    wb = Workbook()
    wb.remove(wb.active)
    kallor = _Kallor(wb.create_sheet(KALLOR))
    counts = {}
    for sheet in SHEETS:
        counts[sheet.name] = _write_sheet(con, wb, sheet, villkor, params, kallor, fakta)
    kallor.finish()
    counts[KALLOR] = kallor.next_row - HEADER_ROW - 1
    # Källor and the chart data last: the questions come first in the workbook
    for name in (KALLOR, "Diagramdata"):
        if name in wb.sheetnames:
            wb.move_sheet(name, offset=len(wb.sheetnames) - 1 - wb.sheetnames.index(name))
    wb.active = 0
    wb.save(path)
    return counts
