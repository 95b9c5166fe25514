"""The data every stage of extraction hands on, and the fact contract.

Reading, table finding and fact mapping pass these plain types to each other, so each
stage imports them from here and never from a stage above it (the flow is one way:
model → vocabulary → parse → read → tables → facts → extract):

- values as printed: ``Num`` (a number with what was printed around it), ``Unit``,
  ``Period``;
- geometry: ``Word``, ``Cell``, ``Line`` (PDF points, or character columns and line numbers
  of a text), ``Icon`` (a status picture);
- what a reader returns: ``Page``, ``Block``, ``Document``;
- what extraction knows of the document while it maps tables: ``DocContext``;
- the result: ``Fact`` (SPEC's extracted fact, plus our optional keys), ``DocumentInfo``
  (a row of ``dim_dokument``), ``ExtractionResult``, ``ExtractionError``.

SPEC fixes the required keys of a fact; the optional keys are ours and every consumer
(raw layer Parquet, dbt staging, ``kommunlager extract``) reads them from here.
"""

from __future__ import annotations

import calendar
from dataclasses import asdict, dataclass, field, fields, replace
from pathlib import Path
from typing import Any

import pyarrow as pa


# --------------------------------------------------------------------------- values as printed

@dataclass
class Num:
    """One number read from a cell or a sentence, with what was printed around it."""

    value: float
    raw: str
    decimals: int = 0
    percent: bool = False
    comparator: str | None = None
    unit: str | None = None          # unit word printed with the number (tkr, mnkr, kr, åa …)
    year: int | None = None          # "(2024)" after the number
    footnote: bool = False           # a "*" after the number
    explicit_sign: bool = False      # the number carried a + or − sign


@dataclass(frozen=True)
class Unit:
    unit: str              # tkr | procent | antal | arsarbetare | index | dagar | kr | timmar | other
    factor: float = 1.0    # multiply the printed number by this to get the unit (mnkr → tkr: 1000)
    raw: str | None = None


PERIOD_TYPES = ("manad", "tertial", "kvartal", "delar", "helar")


def month_end(year: int, month: int) -> str:
    return f"{year:04d}-{month:02d}-{calendar.monthrange(year, month)[1]:02d}"


@dataclass(frozen=True)
class Period:
    year: int | None = None
    end: str | None = None           # ISO date the period runs to
    type: str | None = None          # manad | tertial | kvartal | delar | helar
    relative_year: int = 0           # -1 for "föregående år" / "fg år"
    whole_year: bool = False         # the text says helår / år / bokslut
    current_period: bool = False     # the text says "perioden" / "ack" (the report period)

    def shifted(self, years: int) -> "Period":
        if not self.end or self.year is None:
            return replace(self, year=self.year + years if self.year else None)
        y, m, _ = (int(p) for p in self.end.split("-"))
        return replace(self, year=self.year + years, end=month_end(y + years, m))


# --------------------------------------------------------------------------- geometry

@dataclass
class Word:
    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    fs: float = 10.0
    hyphen: bool = False      # ends in a soft hyphen (the word continues on the next line)
    bold: bool = False


@dataclass
class Cell:
    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    fs: float
    num: Num | None = None
    no_value: bool = False    # a dash or a no-value word standing in a value column
    hyphen: bool = False
    words: list[Word] = field(default_factory=list)

    @property
    def is_value(self) -> bool:
        return self.num is not None

    @property
    def center(self) -> float:
        return (self.x0 + self.x1) / 2


@dataclass
class Line:
    cells: list[Cell]
    top: float
    bottom: float
    fs: float
    page: int | None = None
    index: int = 0
    gap_above: float = 0.0          # vertical distance to the previous line (points or lines)
    raw: str | None = None          # the text line as printed (text sources)
    margin: bool = False            # in the top or bottom margin of a page (running header/footer)
    footnotes: list[str] = field(default_factory=list)
    side: str | None = None         # a sideways label to the left whose span covers this line

    @property
    def text(self) -> str:
        return " ".join(c.text for c in self.cells)

    @property
    def values(self) -> list[Cell]:
        return [c for c in self.cells if c.is_value]

    @property
    def x0(self) -> float:
        return min(c.x0 for c in self.cells)

    @property
    def x1(self) -> float:
        return max(c.x1 for c in self.cells)

    @property
    def center_y(self) -> float:
        return (self.top + self.bottom) / 2


@dataclass
class Icon:
    x0: float
    x1: float
    top: float
    bottom: float
    glyph: str          # ✓ ▶ ⏸ ● or ? (unknown shape)
    color: str          # grön | gul | orange | röd | blå | grå | svart

    @property
    def center_y(self) -> float:
        return (self.top + self.bottom) / 2

    @property
    def token(self) -> str:
        return f"{self.glyph}{self.color}"


# --------------------------------------------------------------------------- what a reader returns

@dataclass
class Page:
    """One page as read. ``lines`` (cells with positions) are filled where tables or
    statuses may stand: PDF pages that look like tables or carry status icons, every page of
    a text file."""

    number: int | None              # 1-based PDF page; None where the format has no pages
    text: str                       # plain text, soft hyphens joined, \n line ends
    width: float = 0.0
    height: float = 0.0
    kind: str = "text"              # text | table | image | chart
    has_image: bool = False         # a picture covering 1/8 of the page or more
    lines: list[Line] = field(default_factory=list)
    icons: list[Icon] = field(default_factory=list)


@dataclass
class Block:
    """Lines the table finder reads together: a PDF page that looks like a table, a page of
    a text file, a Word table."""

    lines: list[Line]
    page: int | None
    id_prefix: str = ""                                  # "s2" (page 2 of a text), "d1" (Word table 1)
    caption: list[str] = field(default_factory=list)     # text printed just before it (a Word table's)


@dataclass
class Document:
    """What a reader hands on: pages (text for metadata and sentences, lines for statuses),
    the blocks where tables are looked for, and the text whose long lines may hold
    flattened tables."""

    name: str
    format: str                     # pdf | txt | docx
    pages: list[Page]
    blocks: list[Block]
    paged: bool                     # pages are real pages (PDF): page numbers go on the facts
    words: frozenset[str] = frozenset()    # the document's words, for joining words broken over lines
    flat_text: str | None = None    # a text file's whole text (flattened tables, side-by-side blocks)
    source: Path | None = None      # the file read (a PDF's pictures are read from it with OCR)

    @property
    def page_texts(self) -> list[str]:
        return [p.text for p in self.pages]

    @property
    def image_pages(self) -> list[int]:
        return [p.number for p in self.pages if p.kind == "image" and p.number is not None]

    @property
    def chart_pages(self) -> list[int]:
        return [p.number for p in self.pages if p.kind == "chart" and p.number is not None]


@dataclass
class DocContext:
    """What extraction knows of the document while it maps tables and sentences."""

    document: str
    period: Period | None = None
    doc_type: str | None = None
    kommun_kod: str | None = None
    namnd: str | None = None
    plan_year: int | None = None       # no report period: the first year of the title's span
    forward: str | None = None         # prognos | budget: what the document calls figures ahead
    money: Unit | None = None          # the document's usual money unit (when a table prints none)
    areas: set[str] = field(default_factory=set)   # label keys that are areas in some table of the document
    warnings: list[str] = field(default_factory=list)

    @property
    def year(self) -> int | None:
        return self.period.year if self.period else None


# --------------------------------------------------------------------------- the result

SCHEMAS = ("ekonomi", "personal", "maluppfyllelse", "verksamhet")
SCENARIOS = (
    "utfall", "budget", "prognos", "avvikelse", "bokslut", "forandring", "malvarde", "utgangsvarde",
)
KON = ("T", "K", "M")
METHODS = ("table", "narrative")
# Result of checking a table against its own identities (sums, budget - prognos = avvikelse).
CHECKS = ("ok", "fel", "ej_kontrollerad", "oklar")


@dataclass
class Fact:
    # --- required (SPEC) ---
    document: str
    page: int | None
    schema: str
    label: str
    column: str
    scenario: str | None
    year: int | None
    period_end: str | None
    kon: str | None
    value: float | None
    unit: str
    evidence: str
    method: str
    # --- optional (ours) ---
    measure: str | None = None          # canonical measure key from the vocabulary, e.g. nettokostnad
    area: str | None = None             # verksamhetsområde as printed; None = the whole nämnd
    goal: str | None = None             # the mål an indicator belongs to (maluppfyllelse)
    category: str | None = None         # a further split as printed: age band, insats, yrkesgrupp …
    comparator: str | None = None       # <, <=, >, >=, = in a målvärde such as "<6%"
    status: str | None = None           # printed status (uppdrag: Pågående …; mål: Uppfyllt …)
    raw_value: str | None = None        # the cell text exactly as printed
    raw_unit: str | None = None         # the unit word as printed (tkr, mnkr, %)
    table_id: str | None = None         # document-local table id, e.g. "p11t1"
    row: int | None = None
    col: int | None = None
    check: str = "ej_kontrollerad"      # one of CHECKS
    check_detail: str | None = None
    confidence: float | None = None
    period_type: str | None = None      # manad | tertial | kvartal | delar | helar
    kommun_kod: str | None = None
    namnd: str | None = None
    bbox: list[float] | None = field(default=None)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


FACT_FIELDS: tuple[str, ...] = tuple(f.name for f in fields(Fact))

# Arrow schema of the raw-layer fact files; the warehouse staging reads exactly these columns.
FACT_ARROW_SCHEMA = pa.schema(
    [
        ("document", pa.string()),
        ("page", pa.int32()),
        ("schema", pa.string()),
        ("label", pa.string()),
        ("column", pa.string()),
        ("scenario", pa.string()),
        ("year", pa.int32()),
        ("period_end", pa.string()),
        ("kon", pa.string()),
        ("value", pa.float64()),
        ("unit", pa.string()),
        ("evidence", pa.string()),
        ("method", pa.string()),
        ("measure", pa.string()),
        ("area", pa.string()),
        ("goal", pa.string()),
        ("category", pa.string()),
        ("comparator", pa.string()),
        ("status", pa.string()),
        ("raw_value", pa.string()),
        ("raw_unit", pa.string()),
        ("table_id", pa.string()),
        ("row", pa.int32()),
        ("col", pa.int32()),
        ("check", pa.string()),
        ("check_detail", pa.string()),
        ("confidence", pa.float64()),
        ("period_type", pa.string()),
        ("kommun_kod", pa.string()),
        ("namnd", pa.string()),
        ("bbox", pa.list_(pa.float64())),
    ]
)
assert tuple(FACT_ARROW_SCHEMA.names) == FACT_FIELDS, "FACT_ARROW_SCHEMA out of step with Fact"


def facts_to_table(facts: list[Fact], **extra: Any) -> pa.Table:
    """Facts as an Arrow table in FACT_ARROW_SCHEMA (plus constant extra columns)."""
    rows = [f.to_dict() for f in facts]
    table = pa.Table.from_pylist(rows, schema=FACT_ARROW_SCHEMA)
    for name, value in extra.items():
        table = table.append_column(name, pa.array([value] * len(rows), type=pa.string()))
    return table

# dim_dokument.status (SPEC)
LADDAD = "laddad"
AVVISAD = "avvisad"
DUBBLETT = "dubblett"


class ExtractionError(Exception):
    """An expected failure of one document: its message is the one-line reason (orsak)."""


@dataclass
class DocumentInfo:
    filnamn: str
    sha256: str | None = None
    storlek: int | None = None
    format: str | None = None            # pdf | txt | docx
    kommun_kod: str | None = None
    kommun: str | None = None
    namnd: str | None = None
    dokumenttyp: str | None = None       # uppfoljningsrapport, delarsrapport, manadsuppfoljning …
    period_typ: str | None = None        # manad | tertial | kvartal | delar | helar
    period_slut: str | None = None       # ISO date of the report period's end
    ar: int | None = None
    sidor: int | None = None
    bildsidor: list[int] = field(default_factory=list)   # pages without a usable text layer
    status: str = LADDAD
    orsak: str | None = None
    varningar: list[str] = field(default_factory=list)
    extraktor_version: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class ExtractionResult:
    info: DocumentInfo
    facts: list[Fact] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.info.status == LADDAD
