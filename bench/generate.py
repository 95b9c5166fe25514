"""Distinct synthetic follow-up reports in the layouts of our corpus, with their known facts.

    .venv/bin/python bench/generate.py --out DIR [--documents N] [--seed S] [--text-share 0.2]

Each document belongs to one real kommun (``pipelines/reports/vocabulary/kommuner.yml``), one
nämnd and one period (månad, tertial, delår, helår) and holds: a title page; a drift table
(Budget / Utfall / Prognos / Avvikelse, the Alingsås månadsuppföljning layout, ``Belopp i
tkr``); a personnel table (Antal anställda, Antal årsarbetare, Sjukfrånvaro %); a goal table
(Mått / Utfall / Målvärde); and pages of running text (so that documents average ~30 pages,
as a national year does: 290 kommuner × ~10 reports × ~30 pages). Numbers are drawn from the
seed and satisfy the report's own identities (Avvikelse = Prognos − Budget, sums). A share of
the documents are written as text files (form feeds between pages), the rest as PDFs
(reportlab, a bench extra: ``pip install -e .[bench]``).

Every document gets ``<name>.expected.json`` beside the manifest (``expected/``): the facts a
reader must find, keyed by schema, label and column, which ``bench/national.py`` compares to
what the warehouse holds (recall, wrong values).
"""

from __future__ import annotations

import argparse
import json
import random
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
KOMMUNER_YML = ROOT / "pipelines" / "reports" / "vocabulary" / "kommuner.yml"

NAMNDER = [
    "Socialnämnden", "Vård- och omsorgsnämnden", "Omsorgsnämnden", "Individ- och familjeomsorgsnämnden",
    "Barn- och utbildningsnämnden", "Arbetsmarknadsnämnden", "Äldrenämnden", "Kultur- och fritidsnämnden",
]
MONTHS = ["januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september",
          "oktober", "november", "december"]
MONTH_ABBR = ["jan", "feb", "mar", "apr", "maj", "jun", "jul", "aug", "sep", "okt", "nov", "dec"]
# drift rows: label, sign (+ income, − cost), typical size in tkr
DRIFT_ROWS = [
    ("Verksamhetens intäkter", 1, 40_000), ("Personalkostnader", -1, 170_000), ("Lokalhyror", -1, 16_000),
    ("Köp av tjänster", -1, 65_000), ("Övriga kostnader", -1, 48_000),
]
PERSONAL_ROWS = [("Antal anställda", "antal", 400), ("Antal årsarbetare", "arsarbetare", 350)]
GOALS = [
    ("Andel brukare som är nöjda med sitt särskilda boende", "procent", 80),
    ("Andel ärenden inom utredningstiden", "procent", 70),
    ("Väntetid till särskilt boende, dagar", "dagar", 60),
]
FILLER = (
    "Förvaltningen följer utvecklingen av kostnaderna noga och bedömer att ekonomin är i balans på "
    "övergripande nivå. Köpt vård inom avdelning unga minskar något till följd av lägre volymer, samtidigt "
    "som kostnaderna för konsulentstödda familjehem ligger kvar på en hög nivå. Arbetet med heltid som norm "
    "fortsätter och flera medarbetare har påbörjat valideringsutbildning. Samverkan med regionen och "
    "skolan är central för att barn och unga ska få rätt stöd i rätt tid. Nämnden följer upp arbetet "
    "med intern kontroll enligt plan och återkommer med en fördjupad analys i nästa rapport."
).split()


@dataclass
class Spec:
    """One generated document: who, when, what it says."""
    name: str
    kommun_kod: str
    kommun: str
    namnd: str
    period_typ: str          # manad | tertial | delar | helar
    year: int
    month: int               # the last month the report covers
    pages: int
    fmt: str                 # pdf | txt
    seed: int
    tables: list[dict] = field(default_factory=list)   # rendered tables (title, head, rows)
    expected: list[dict] = field(default_factory=list)


def kommuner() -> list[tuple[str, str]]:
    data = yaml.safe_load(KOMMUNER_YML.read_text(encoding="utf-8"))["kommuner"]
    return sorted((str(k).zfill(4), v) for k, v in data.items())


def _ascii(text: str) -> str:
    text = unicodedata.normalize("NFKD", text.lower()).encode("ascii", "ignore").decode()
    return "-".join("".join(c if c.isalnum() else " " for c in text).split())


def _fmt(value: int) -> str:
    """Swedish thousands groups with a space, minus as a hyphen: -174 304."""
    sign = "-" if value < 0 else ""
    return sign + f"{abs(value):,}".replace(",", " ")


def _title(spec: Spec) -> str:
    if spec.period_typ == "manad":
        return f"Månadsuppföljning {MONTHS[spec.month - 1]} {spec.year}"
    if spec.period_typ == "tertial":
        return f"Tertialrapport {spec.month // 4} {spec.year}"
    if spec.period_typ == "delar":
        return f"Delårsrapport per {MONTHS[spec.month - 1]} {spec.year}"
    return f"Verksamhetsberättelse {spec.year}"


def _build(spec: Spec) -> None:
    rnd = random.Random(spec.seed)
    y = spec.year
    helar = spec.period_typ == "helar"
    utfall_col = f"Utfall {y}" if helar else f"Utfall jan-{MONTH_ABBR[spec.month - 1]} {y}"
    second = utfall_col if helar else f"Prognos helår {y}"
    cols = [f"Budget {y}", second, f"Avvikelse {y}"]
    scen = ["budget", "utfall" if helar else "prognos", "avvikelse"]
    rows = []
    tot_b = tot_p = 0
    for label, sign, size in DRIFT_ROWS:
        b = sign * rnd.randint(int(size * 0.6), int(size * 1.4))
        p = b + rnd.randint(-size // 20, size // 20)
        rows.append((label, [b, p, p - b]))
        tot_b, tot_p = tot_b + b, tot_p + p
    rows.append(("Verksamhetens nettokostnader", [tot_b, tot_p, tot_p - tot_b]))
    spec.tables.append({"title": "Drift", "unit": "Belopp i tkr", "head": cols, "rows": rows})
    for label, values in rows:
        for col, sc, v in zip(cols, scen, values):
            spec.expected.append({"schema": "ekonomi", "label": label, "column": col, "scenario": sc,
                                  "year": y, "value": v, "unit": "tkr"})
    # personnel: this year and last year, December (or the period's month)
    pcols = [f"{MONTHS[spec.month - 1].capitalize()} {y - 1}", f"{MONTHS[spec.month - 1].capitalize()} {y}"]
    prows = []
    for label, unit, size in PERSONAL_ROWS:
        a = rnd.randint(int(size * 0.5), int(size * 1.5))
        prows.append((label, [a, a + rnd.randint(-20, 20)], unit))
    spec.tables.append({"title": "Personal", "unit": "", "head": pcols, "rows": [(r[0], r[1]) for r in prows]})
    for label, values, unit in prows:
        for col, year, v in zip(pcols, (y - 1, y), values):
            spec.expected.append({"schema": "personal", "label": label, "column": col, "scenario": "utfall",
                                  "year": year, "value": v, "unit": unit})
    # goals: Utfall and Målvärde
    gcols = ["Utfall", "Målvärde"]
    grows = []
    for label, unit, size in GOALS:
        u, m = rnd.randint(size // 2, size + size // 4), size
        grows.append((label, [u, m], unit))
    spec.tables.append({"title": "Mål och mått", "unit": "Mått", "head": gcols,
                        "rows": [(r[0], r[1]) for r in grows], "units": [r[2] for r in grows]})
    for label, values, unit in grows:
        for col, v in zip(gcols, values):
            spec.expected.append({"schema": "maluppfyllelse", "label": label, "column": col,
                                  "scenario": "utfall" if col == "Utfall" else "malvarde", "year": y,
                                  "value": v, "unit": unit})


def _paragraphs(rnd: random.Random, n: int) -> list[str]:
    out = []
    for _ in range(n):
        words = [rnd.choice(FILLER) for _ in range(rnd.randint(50, 90))]
        out.append(" ".join(words).capitalize().rstrip(".,") + ".")
    return out


def _cell(value: int, unit: str | None) -> str:
    return f"{value} %" if unit == "procent" else _fmt(value)


def pages_of(spec: Spec) -> list[list[tuple[str, object]]]:
    """Pages as lists of items: ("h1"|"h2"|"p", text) or ("table", table dict)."""
    rnd = random.Random(spec.seed + 1)
    pages: list[list[tuple[str, object]]] = [[("h1", _title(spec)), ("h2", spec.namnd), ("h2", f"{spec.kommun} kommun")]]
    drift, personal, goals = spec.tables
    pages.append([("h2", "Ekonomisk uppföljning"), ("table", drift), ("h2", "Inledande sammanfattning"),
                  *[("p", t) for t in _paragraphs(rnd, 2)]])
    pages.append([("h2", "Personal"), ("table", personal), *[("p", t) for t in _paragraphs(rnd, 2)]])
    pages.append([("h2", "Verksamhetens mål"), ("table", goals), *[("p", t) for t in _paragraphs(rnd, 1)]])
    while len(pages) < spec.pages:
        pages.append([("h2", f"{len(pages)}. {rnd.choice(['Analys', 'Verksamhet', 'Omvärld', 'Intern kontroll'])}"),
                      *[("p", t) for t in _paragraphs(rnd, 4)]])
    return pages


def write_pdf(spec: Spec, path: Path) -> None:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(path), pagesize=A4, pageCompression=1, invariant=1)
    c.setTitle(_title(spec))
    width, height = A4
    for number, items in enumerate(pages_of(spec), start=1):
        yy = height - 72
        for kind, obj in items:
            if kind == "h1":
                c.setFont("Helvetica-Bold", 22)
                c.drawString(72, yy, obj)
                yy -= 34
            elif kind == "h2":
                c.setFont("Helvetica-Bold", 13)
                c.drawString(72, yy, obj)
                yy -= 22
            elif kind == "p":
                c.setFont("Helvetica", 10)
                line = ""
                for word in obj.split():
                    if c.stringWidth(line + " " + word, "Helvetica", 10) > width - 144:
                        c.drawString(72, yy, line)
                        yy -= 13
                        line = word
                    else:
                        line = f"{line} {word}".strip()
                c.drawString(72, yy, line)
                yy -= 20
            else:
                yy = _pdf_table(c, obj, yy, width)
        c.setFont("Helvetica", 8)
        c.drawRightString(width - 72, 40, f"{number}({spec.pages})")
        c.showPage()
    c.save()


def _pdf_table(c, table: dict, yy: float, width: float) -> float:
    head = table["head"]
    right = [width - 72 - 100 * (len(head) - 1 - i) for i in range(len(head))]
    c.setFont("Helvetica-Bold", 9)
    c.drawString(72, yy, table["unit"])
    for x, h in zip(right, head):
        c.drawRightString(x, yy, h)
    yy -= 14
    c.setFont("Helvetica", 9)
    units = table.get("units") or [None] * len(table["rows"])
    for (label, values), unit in zip(table["rows"], units):
        c.drawString(72, yy, label)
        for x, v in zip(right, values):
            c.drawRightString(x, yy, _cell(v, unit))
        yy -= 13
    return yy - 16


def write_text(spec: Spec, path: Path) -> None:
    out = []
    for number, items in enumerate(pages_of(spec), start=1):
        lines = []
        for kind, obj in items:
            if kind in ("h1", "h2", "p"):
                lines.append(obj)
            else:
                # the layout of ``pdftotext -layout``: columns right-aligned, apart by spaces
                units = obj.get("units") or [None] * len(obj["rows"])
                lines.append(obj["unit"].ljust(56) + "".join(h.rjust(22) for h in obj["head"]))
                for (label, values), unit in zip(obj["rows"], units):
                    lines.append(label.ljust(56) + "".join(_cell(v, unit).rjust(22) for v in values))
        lines.append(f"{number}({spec.pages})")
        out.append("\n".join(lines))
    path.write_text("\f".join(out) + "\n", encoding="utf-8")


def plan(documents: int, seed: int = 2026, text_share: float = 0.2, pages: int = 30) -> list[Spec]:
    """``documents`` distinct documents spread over the kommuner, nämnder and periods."""
    rnd = random.Random(seed)
    ks = kommuner()
    periods = [("manad", m) for m in (2, 3, 5, 6, 9, 10, 11)] + [("tertial", 4), ("delar", 8), ("helar", 12)]
    specs = []
    for i in range(documents):
        kod, name = ks[i % len(ks)]
        namnd = rnd.choice(NAMNDER)
        ptyp, month = rnd.choice(periods)
        year = 2025 if ptyp == "helar" else 2026
        fmt = "txt" if rnd.random() < text_share else "pdf"
        n_pages = max(4, int(rnd.gauss(pages, pages / 3)))
        stem = f"{_ascii(name)}_{_ascii(namnd)}_{ptyp}-{year}-{month:02d}_{i:05d}"
        spec = Spec(f"{stem}.{fmt}", kod, name, namnd, ptyp, year, month, n_pages, fmt, seed * 100_003 + i)
        _build(spec)
        specs.append(spec)
    return specs


def write(specs: list[Spec], out: Path, expected_dir: Path | None = None) -> dict:
    """Write the documents into ``out`` (flat) and their expected facts into ``expected_dir``
    (default ``out/../expected/``); returns totals."""
    out.mkdir(parents=True, exist_ok=True)
    expected_dir = expected_dir or out.parent / "expected"
    expected_dir.mkdir(parents=True, exist_ok=True)
    total_pages = 0
    for spec in specs:
        path = out / spec.name
        (write_pdf if spec.fmt == "pdf" else write_text)(spec, path)
        total_pages += spec.pages
        meta = {k: getattr(spec, k) for k in ("name", "kommun_kod", "kommun", "namnd", "period_typ", "year", "month",
                                               "pages", "fmt")}
        (expected_dir / f"{spec.name}.expected.json").write_text(
            json.dumps({**meta, "facts": spec.expected}, ensure_ascii=False), encoding="utf-8")
    return {"documents": len(specs), "pages": total_pages,
            "pdf": sum(s.fmt == "pdf" for s in specs), "txt": sum(s.fmt == "txt" for s in specs)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, required=True, help="folder for the documents (expected/ beside it)")
    parser.add_argument("--documents", type=int, default=10)
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--text-share", type=float, default=0.2)
    args = parser.parse_args()
    print(write(plan(args.documents, args.seed, args.text_share), args.out))


if __name__ == "__main__":
    main()
