"""Kolada export files (what analysts download) → value rows with codes.

Header-driven: the columns are found by their headers (``export_format.yml``, Swedish or
English), long or wide (years as columns), in

- CSV/TSV/TXT: encoding detected (BOM, UTF-8, else Windows-1252/ISO-8859-1), delimiter
  detected (``;``, tab, ``,``, ``|``), ``,`` or ``.`` decimals;
- XLSX: the first sheet with a recognisable header row (title rows above it are skipped);
- JSON: a saved v3 API response (``{"values": [...]}``), or a list of flat records
  (also JSON Lines, as ``kommunlager kolada fetch`` writes them);
- the legacy kolada.se export (``Kommun/Landsting;Nyckeltal;År;Visat Värde``).

Names are mapped to codes through the Kolada metadata (``names.Lookup``). A row that cannot
be mapped or read is one problem line naming the file, the row and the reason; it is never
dropped silently. ``import_file`` is pure: it does not touch the raw layer.
"""

from __future__ import annotations

import codecs
import csv
import io
import json
import re
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from collections.abc import Iterable
from functools import lru_cache
from itertools import chain, islice
from pathlib import Path

import pyarrow as pa
import yaml

from pipelines.kolada.names import Lookup, norm
from pipelines.kolada.rows import GENDERS, VALUE_FIELDS, value_rows
from pipelines.kolada.store import VALUE_SCHEMA

FORMAT_PATH = Path(__file__).with_name("export_format.yml")
SUFFIXES = (".csv", ".txt", ".tsv", ".xlsx", ".xlsm", ".json", ".jsonl")
DELIMITERS = (";", "\t", ",", "|")
HEADER_SCAN = 30
_YEAR = re.compile(r"^(19|20)\d{2}$")
_YEAR_FLOAT = re.compile(r"^((19|20)\d{2})\.0+$")


@lru_cache(maxsize=1)
def format_rules() -> dict:
    return yaml.safe_load(FORMAT_PATH.read_text(encoding="utf-8")) or {}


@dataclass
class ImportResult:
    file: str
    format: str = ""
    columns: dict[str, list] = field(default_factory=lambda: {c: [] for c in VALUE_FIELDS})  # mapped values
    problems: list[str] = field(default_factory=list)   # one line per row left out (or for the file)
    notes: list[str] = field(default_factory=list)
    data_rows: int = 0                                  # rows read that carry data
    failed: str | None = None                           # the whole file could not be read

    def add(self, row: dict) -> None:
        for name, column in self.columns.items():
            column.append(row[name])

    @property
    def count(self) -> int:
        return len(self.columns["kpi"])

    @property
    def rows(self) -> list[dict]:
        """The mapped values as dicts (rows.VALUE_FIELDS)."""
        names = list(self.columns)
        return [dict(zip(names, values)) for values in zip(*self.columns.values())]

    def table(self, source: str, fetched_at: str) -> pa.Table:
        n = self.count
        return pa.table(self.columns | {"source": [source] * n, "fetched_at": [fetched_at] * n}, schema=VALUE_SCHEMA)

    def clear(self) -> None:
        for column in self.columns.values():
            column.clear()

    @property
    def rejected_rows(self) -> int:
        return self.data_rows - self.count if not self.failed else 0

    def report(self, sha256: str) -> dict:
        return {
            "fil": self.file, "sha256": sha256, "format": self.format, "datarader": self.data_rows,
            "mappade_varden": self.count, "omappade_rader": self.rejected_rows,
            "fel": self.failed, "problem": self.problems, "noteringar": self.notes,
        }


class _FileError(Exception):
    pass


# --- reading ------------------------------------------------------------------------------

def decode(data: bytes) -> tuple[str, str]:
    """(text, encoding name): BOM first, then strict UTF-8, then Windows-1252, then ISO-8859-1."""
    for bom, enc in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            return data.decode(enc), enc.upper()
    try:
        return data.decode("utf-8"), "UTF-8"
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252"), "Windows-1252/ISO-8859-1"
    except UnicodeDecodeError:
        return data.decode("latin-1"), "ISO-8859-1"


def sniff_delimiter(text: str) -> str:
    """The candidate that splits the first lines into the most consistent number (≥ 2) of fields."""
    lines = [ln for ln in text.splitlines()[:HEADER_SCAN] if ln.strip()]
    best, best_score = DELIMITERS[0], (-1.0, 0)
    for delim in DELIMITERS:
        counts = [len(r) for r in csv.reader(lines, delimiter=delim)]
        if not counts:
            continue
        mode = max(set(counts), key=counts.count)
        if mode < 2:
            continue
        score = (counts.count(mode) / len(counts), mode)
        if score > best_score:
            best, best_score = delim, score
    return best


def _read_text(path: Path) -> tuple[Iterable[list], str]:
    """Rows of a delimited text file, read lazily (a large export is not held twice)."""
    text, encoding = decode(path.read_bytes())
    delim = sniff_delimiter(text[:100_000])
    shown = {"\t": "tab"}.get(delim, delim)
    return csv.reader(io.StringIO(text, newline=""), delimiter=delim), f"CSV ({shown}, {encoding})"


def _read_xlsx(path: Path, header_roles) -> tuple[list[list], str]:
    import openpyxl

    try:
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many types for a broken file
        raise _FileError(f"kan inte läsas som Excel-fil ({type(exc).__name__}: {exc})") from None
    try:
        for sheet in book.worksheets:
            grid = []
            for row in sheet.iter_rows():
                grid.append([_cell(c) for c in row])
            if _find_header(grid, header_roles) is not None:
                return grid, f"XLSX (blad {sheet.title!r})"
        raise _FileError("inget blad har en rubrikrad med nyckeltal, kommun och värde (no header row found)")
    finally:
        book.close()


def _cell(cell) -> object:
    value = getattr(cell, "value", None)
    fmt = getattr(cell, "number_format", "") or ""
    if isinstance(value, (int, float)) and not isinstance(value, bool) and "%" in fmt:
        return _Percent(value)
    return value


class _Percent(float):
    """A number Excel shows as a percentage: 0.093 shown as 9,3 %."""


def _read_json(path: Path) -> tuple[object, str]:
    text, encoding = decode(path.read_bytes())
    try:
        if path.suffix.lower() == ".jsonl":
            return [json.loads(ln) for ln in text.splitlines() if ln.strip()], f"JSON Lines ({encoding})"
        return json.loads(text), f"JSON ({encoding})"
    except ValueError as exc:
        raise _FileError(f"ogiltig JSON ({exc})") from None


# --- header -------------------------------------------------------------------------------

def _header_roles(rules: dict) -> dict[str, list[str]]:
    return {role: [norm(h) for h in headers] for role, headers in (rules.get("kolumner") or {}).items()}


def _role_columns(header: list, roles: dict[str, list[str]]) -> tuple[dict[str, int], dict[int, int]]:
    """role → column index (first preferred header present), and wide year columns."""
    cells = [norm(str(h)) if h is not None else "" for h in header]
    found: dict[str, int] = {}
    for role, names in roles.items():
        for name in names:
            if name in cells:
                found[role] = cells.index(name)
                break
    years = {}
    for i, c in enumerate(cells):
        y = _year(header[i]) if header[i] is not None and c else None
        if y is not None and i not in found.values():
            years[i] = y
    return found, years


def _find_header(grid: list[list], roles) -> tuple[int, dict[str, int], dict[int, int]] | None:
    for i, row in enumerate(grid[:HEADER_SCAN]):
        found, years = _role_columns(row, roles)
        if "kpi" in found and "kommun" in found and ("varde" in found or years) and ("ar" in found or years):
            return i, found, years
    return None


# --- cells --------------------------------------------------------------------------------

def _text(v: object) -> str:
    if v is None:
        return ""
    if isinstance(v, float) and v.is_integer():
        return str(int(v))
    return str(v).strip()


def _year(v: object) -> int | None:
    if isinstance(v, bool):
        return None
    if isinstance(v, int):
        return v if 1900 <= v <= 2099 else None
    if isinstance(v, float):
        return int(v) if v.is_integer() and 1900 <= v <= 2099 else None
    if isinstance(v, (date, datetime)):
        return None
    s = str(v).strip()
    if _YEAR.match(s):
        return int(s)
    m = _YEAR_FLOAT.match(s)
    return int(m.group(1)) if m else None


def parse_number(v: object, missing: set[str]) -> tuple[bool, float | None]:
    """(ok, value). ``9,3`` / ``9.3`` / ``1 234,5`` / ``1,234.5`` / ``9,3 %``; missing marks → None."""
    if isinstance(v, _Percent):
        return True, float(Decimal(repr(float(v))) * 100)
    if isinstance(v, bool):
        return False, None
    if isinstance(v, (int, float)):
        return True, float(v)
    s = "" if v is None else str(v)
    s = s.replace("\u00a0", "").replace("\u202f", "").replace(" ", "").strip()
    if norm(s) in missing:
        return True, None
    s = s.removesuffix("%").replace("\u2212", "-")
    if "," in s and "." in s:
        if s.rfind(",") > s.rfind("."):
            s = s.replace(".", "").replace(",", ".")
        else:
            s = s.replace(",", "")
    elif "," in s:
        if s.count(",") > 1:
            return False, None
        s = s.replace(",", ".")
    try:
        return True, float(Decimal(s))
    except (InvalidOperation, ValueError):
        return False, None


# --- problems -----------------------------------------------------------------------------

_ROW_PROBLEM = re.compile(r"^(?P<file>.+?) rad (?P<row>\d+)(?: \(\d{4}\))?: (?P<why>.+)$")


def _ranges(rows: list[int]) -> str:
    out, start, prev = [], rows[0], rows[0]
    for r in rows[1:] + [None]:
        if r is not None and r == prev + 1:
            prev = r
            continue
        out.append(str(start) if start == prev else f"{start}–{prev}")
        if r is not None:
            start = prev = r
    return ", ".join(out)


def group_row_problems(lines: list[str]) -> list[str]:
    """Per-row problem lines with the same file and reason as one line listing the rows
    (for the run summary; the per-row lines stay in the import report and asset metadata)."""
    groups: dict[tuple[str, str], list[int]] = {}
    out: list[str | tuple[str, str]] = []
    for line in lines:
        m = _ROW_PROBLEM.match(line)
        if not m:
            out.append(line)
            continue
        key = (m["file"], m["why"])
        if key not in groups:
            groups[key] = []
            out.append(key)
        if not groups[key] or groups[key][-1] != int(m["row"]):
            groups[key].append(int(m["row"]))
    return [
        item if isinstance(item, str)
        else (f"{item[0]} rad {_ranges(groups[item])}: {item[1]}" if len(groups[item]) < 2
              else f"{item[0]} rader {_ranges(groups[item])} ({len(groups[item])} rader): {item[1]}")
        for item in out
    ]


# --- mapping ------------------------------------------------------------------------------

class _Mapper:
    def __init__(self, name: str, lookup: Lookup, rules: dict, result: ImportResult) -> None:
        self.name, self.lookup, self.result = name, lookup, result
        self.missing = {norm(m) for m in rules.get("saknas", [])}
        self.genders = {norm(str(v)): g for g, vals in (rules.get("kon") or {}).items() for v in vals}
        self._units: dict[str, tuple] = {}
        self._kpis: dict[tuple, tuple] = {}
        self.padded: dict[str, str] = {}

    def unit(self, text: str):
        if text not in self._units:
            self._units[text] = self.lookup.unit(text)
        code, problem, note = self._units[text]
        if note:
            self.padded[text] = code
        return code, problem

    def kpi(self, text: str, unit: str | None):
        key = (text, self.lookup.unit_type.get(unit or "", ""))
        if key not in self._kpis:
            self._kpis[key] = self.lookup.kpi(text, unit)
        return self._kpis[key]

    def gender(self, v: object) -> str | None:
        s = _text(v)
        if s.upper() in GENDERS:
            return s.upper()
        return self.genders.get(norm(s))

    def row(self, where: str, kpi_cell, unit_cell, year_cell, value_cell, gender_cell, status_cell, count_cell) -> None:
        self.result.data_rows += 1
        problem = lambda why: self.result.problems.append(f"{self.name} {where}: {why}")  # noqa: E731
        unit_text, kpi_text = _text(unit_cell), _text(kpi_cell)
        if not unit_text:
            return problem("kommun saknas")
        if not kpi_text:
            return problem("nyckeltal saknas")
        unit, why = self.unit(unit_text)
        if unit is None:
            return problem(why)
        kpi, why = self.kpi(kpi_text, unit)
        if kpi is None:
            return problem(why)
        year = _year(year_cell)
        if year is None:
            return problem(f"år {_text(year_cell)!r} är inget årtal")
        gender = "T" if gender_cell is _NO_COLUMN else self.gender(gender_cell)
        if gender is None:
            return problem(f"kön {_text(gender_cell)!r} okänt (T/K/M, Totalt/Kvinnor/Män)")
        ok, value = parse_number(value_cell, self.missing)
        if not ok:
            return problem(f"värdet {_text(value_cell)!r} är inget tal")
        status = None if status_cell is _NO_COLUMN else (_text(status_cell) or None)
        if value is None and status is None:
            status = "Missing"
        count = None
        if count_cell is not _NO_COLUMN and _text(count_cell):
            ok, c = parse_number(count_cell, self.missing)
            count = int(c) if ok and c is not None and float(c).is_integer() else None
        cols = self.result.columns
        cols["kpi"].append(kpi)
        cols["municipality"].append(unit)
        cols["period"].append(year)
        cols["gender"].append(gender)
        cols["value"].append(value)
        cols["status"].append(status)
        cols["count"].append(count)
        cols["isdeleted"].append(None)


_NO_COLUMN = object()


def _is_blank(row: list) -> bool:
    return all(_text(c) == "" for c in row)


def _map_grid(grid: Iterable[list], name: str, lookup: Lookup, rules: dict, result: ImportResult, line0: int = 1) -> None:
    roles = _header_roles(rules)
    rows = iter(grid)
    head = list(islice(rows, HEADER_SCAN))
    found = _find_header(head, roles)
    if found is None:
        raise _FileError(
            "ingen rubrikrad med nyckeltal, kommun, år och värde hittades "
            "(no header with kpi, municipality, year and value; see export_format.yml)"
        )
    h, cols, years = found
    if "kon" not in cols:
        result.notes.append("ingen kön-kolumn: värdena lästes som totalt (T)")
    mapper = _Mapper(name, lookup, rules, result)
    get = lambda row, role: (row[cols[role]] if cols[role] < len(row) else None) if role in cols else _NO_COLUMN  # noqa: E731
    skipped = 0
    for n, row in enumerate(chain(head[h + 1:], rows), start=h + 1 + line0):
        if _is_blank(row):
            continue
        if sum(_text(c) != "" for c in row) <= 1:
            skipped += 1  # one lone cell: a title or a footer such as "Källa: Kolada"
            continue
        kpi, unit = get(row, "kpi"), get(row, "kommun")
        if "ar" in cols and "varde" in cols:
            mapper.row(f"rad {n}", kpi, unit, get(row, "ar"), get(row, "varde"), get(row, "kon"),
                       get(row, "status"), get(row, "antal"))
        else:
            for i, year in years.items():
                cell = row[i] if i < len(row) else None
                mapper.row(f"rad {n} ({year})", kpi, unit, year, cell, get(row, "kon"), _NO_COLUMN, _NO_COLUMN)
    if skipped:
        result.notes.append(f"{skipped} rad(er) med bara en ifylld cell (t.ex. en källrad) lästes inte som data")
    if mapper.padded:
        example = next(iter(mapper.padded.items()))
        result.notes.append(
            f"{len(mapper.padded)} kommunkod(er) saknade inledande nolla och fick den tillbaka "
            f"(t.ex. {example[0]} → {example[1]})"
        )


def _map_json(data: object, name: str, lookup: Lookup, rules: dict, result: ImportResult) -> None:
    if isinstance(data, dict) and isinstance(data.get("values"), list) and any(
        isinstance(r, dict) and isinstance(r.get("values"), list) for r in data["values"]
    ):
        rows, problems = value_rows(data, name)
        result.problems.extend(problems)
        result.data_rows += len(rows) + len(problems)
        for r in rows:
            unit, why = lookup.unit(r["municipality"])[:2]
            kpi, why_kpi = lookup.kpi(r["kpi"], unit) if unit else (None, None)
            if unit is None or kpi is None:
                result.problems.append(f"{name} {r['kpi']} {r['municipality']} {r['period']} {r['gender']}: {why or why_kpi}")
                continue
            result.add(r | {"municipality": unit, "kpi": kpi})
        return
    records = data.get("values") if isinstance(data, dict) else data
    if not isinstance(records, list) or not all(isinstance(r, dict) for r in records):
        raise _FileError("JSON är varken ett v3-svar ({\"values\": [...]}) eller en lista med poster")
    if not records:
        return
    keys: list[str] = []
    for r in records:
        keys.extend(k for k in r if k not in keys)
    grid = [keys] + [[r.get(k) for k in keys] for r in records]
    _map_grid(grid, name, lookup, rules, result, line0=0)


def import_file(path: Path, lookup: Lookup, rules: dict | None = None) -> ImportResult:
    """Read one export file; never raises for a bad file (``failed`` says why, in one line)."""
    rules = rules if rules is not None else format_rules()
    result = ImportResult(file=path.name)
    suffix = path.suffix.lower()
    try:
        if suffix in (".csv", ".txt", ".tsv"):
            grid, result.format = _read_text(path)
            _map_grid(grid, path.name, lookup, rules, result)
        elif suffix in (".xlsx", ".xlsm"):
            grid, result.format = _read_xlsx(path, _header_roles(rules))
            _map_grid(grid, path.name, lookup, rules, result)
        elif suffix in (".json", ".jsonl"):
            data, result.format = _read_json(path)
            _map_json(data, path.name, lookup, rules, result)
        elif suffix == ".xls":
            raise _FileError("Excel 97–2003 (.xls) läses inte: spara filen som .xlsx eller CSV")
        else:
            raise _FileError(f"okänd filtyp {suffix or '(ingen)'} (use {', '.join(SUFFIXES)})")
    except _FileError as exc:
        result.failed = f"{path.name}: {exc}"
    except (OSError, csv.Error, UnicodeError) as exc:
        result.failed = f"{path.name}: kan inte läsas ({type(exc).__name__}: {exc})"
    if result.failed:
        result.clear()
    return result
