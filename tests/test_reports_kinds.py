"""Documents of the kinds the extractor is built for, made here as small born-digital PDFs
(text placed with pypdfium2, numbers right-aligned): a delårsrapport with personnel tables
by kön and year, and a verksamhetsplan with budget tables and indicator targets for three
years. They check the layouts, not one corpus file."""

from __future__ import annotations

import ctypes
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
import pytest

from pipelines.reports.extract import extract_file


def make_pdf(path: Path, pages: list[list[tuple]]) -> Path:
    """Each page: (x, top, text[, {"r": right-aligned at x, "fs": size, "b": bold}])."""
    doc = pdfium.PdfDocument.new()
    fonts: dict[str, object] = {}
    for items in pages:
        page = doc.new_page(595, 842)
        for item in items:
            x, top, text = item[:3]
            opt = item[3] if len(item) > 3 else {}
            fs = opt.get("fs", 10)
            name = "Helvetica-Bold" if opt.get("b") else "Helvetica"
            if name not in fonts:
                fonts[name] = pdfium_c.FPDFText_LoadStandardFont(doc.raw, name.encode())
            obj = pdfium_c.FPDFPageObj_CreateTextObj(doc.raw, fonts[name], ctypes.c_float(fs))
            buf = (text + "\x00").encode("utf-16-le")
            pdfium_c.FPDFText_SetText(obj, (ctypes.c_ushort * (len(buf) // 2)).from_buffer_copy(buf))
            dx = 0.0
            if opt.get("r"):
                left, bottom, right, top_ = (ctypes.c_float() for _ in range(4))
                pdfium_c.FPDFPageObj_GetBounds(obj, left, bottom, right, top_)
                dx = -(right.value - left.value)
            pdfium_c.FPDFPageObj_Transform(obj, 1, 0, 0, 1, x + dx, 842 - top - fs)
            pdfium_c.FPDFPage_InsertObject(page.raw, obj)
        pdfium_c.FPDFPage_GenerateContent(page.raw)
    doc.save(str(path))
    return path


def row(top: float, label: str, values: list[str | None], xs: list[float], bold: bool = False) -> list[tuple]:
    items: list[tuple] = [(72, top, label, {"b": bold})]
    items += [(x, top, v, {"r": True, "b": bold}) for v, x in zip(values, xs) if v is not None]
    return items


def headers(top: float, texts: list[str], xs: list[float]) -> list[tuple]:
    return [(x, top, t, {"r": True, "b": True}) for t, x in zip(texts, xs)]


@pytest.fixture(scope="module")
def delarsrapport(tmp_path_factory) -> list:
    xs = [250, 300, 350, 420, 470, 520]
    p = [(72, 60, "Socialnämnden Alingsås kommun", {"fs": 9}),
         (72, 90, "Delårsrapport januari–augusti 2025", {"fs": 18, "b": True}),
         (72, 155, "Antal anställda per kön, 31 augusti", {"b": True}),
         (285, 175, "2024", {"b": True}), (455, 175, "2025", {"b": True})]
    p += headers(190, ["Kvinnor", "Män", "Totalt"] * 2, xs)
    p += row(208, "Tillsvidareanställda", ["412", "98", "510", "420", "101", "521"], xs)
    p += row(224, "Tidsbegränsat anställda", ["35", "12", "47", "30", "10", "40"], xs)
    p += row(240, "Årsarbetare", ["380,5", "90,2", "470,7", "388,0", "93,5", "481,5"], xs)
    p += [(72, 280, "Sjukfrånvaro i procent av ordinarie arbetstid", {"b": True})]
    xs2 = [350, 450]
    p += headers(300, ["Jan–aug 2024", "Jan–aug 2025"], xs2)
    for i, (label, a, b) in enumerate([
            ("Total sjukfrånvaro", "8,1", "7,6"), ("Kvinnor", "8,9", "8,2"), ("Män", "5,0", "4,9"),
            ("Sjukfrånvaro 1-14 dagar", "2,9", "2,7"), ("Sjukfrånvaro 60 dagar eller mer", "45,2", "44,0"),
            ("29 år eller yngre", "6,1", "5,8"), ("30-49 år", "7,9", "7,5")]):
        p += row(318 + 16 * i, label, [a, b], xs2)
    path = make_pdf(tmp_path_factory.mktemp("kinds") / "delarsrapport.pdf", [p])
    return extract_file(path)


@pytest.fixture(scope="module")
def verksamhetsplan(tmp_path_factory) -> list:
    xs = [300, 370, 440, 510]
    p1 = [(72, 60, "Kultur- och fritidsnämnden", {"fs": 9}),
          (72, 90, "Verksamhetsplan 2026–2028 Alingsås kommun", {"fs": 18, "b": True}),
          (72, 130, "Nettokostnad per verksamhet (tkr)", {"b": True})]
    p1 += headers(150, ["Budget 2025", "Budget 2026", "Plan 2027", "Plan 2028"], xs)
    p1 += row(168, "Bibliotek", ["-12 500", "-12 900", "-13 200", "-13 500"], xs)
    p1 += row(184, "Fritid", ["-20 100", "-20 600", "-21 000", "-21 400"], xs)
    p1 += row(200, "Kultur", ["-8 400", "-8 700", "-8 900", "-9 100"], xs)
    p1 += row(216, "Summa", ["-41 000", "-42 200", "-43 100", "-44 000"], xs, bold=True)
    p1 += [(72, 260, "Indikatorer för nämndmålet: Fler ska delta i kulturlivet", {"b": True}),
           (72, 280, "Indikator", {"b": True})]
    p1 += headers(280, ["Utfall 2024", "Målvärde 2026", "Målvärde 2027", "Målvärde 2028"], xs)
    p1 += row(298, "Andel nöjda besökare (%)", ["82", ">=85", ">=87", ">=90"], xs)
    p1 += row(314, "Antal besök i simhallen", ["118 000", "120 000", "122 000", "125 000"], xs)
    p2 = [(72, 100, "Nämndmål: Fler barn och unga ska läsa", {"b": True}), (72, 120, "Indikator", {"b": True})]
    p2 += headers(120, ["Ingående värde", "2026", "2027", "2028"], xs)
    p2 += row(138, "Andel elever som läser varje dag (%)", ["35", "38", "40", "45"], xs)
    path = make_pdf(tmp_path_factory.mktemp("kinds") / "verksamhetsplan.pdf", [p1, p2])
    return extract_file(path)


def _get(result, **want):
    found = [f for f in result.facts if all(getattr(f, k) == v for k, v in want.items())]
    assert len(found) == 1, (want, found)
    return found[0]


def test_personnel_by_kon_and_year(delarsrapport) -> None:
    r = delarsrapport
    assert (r.info.dokumenttyp, r.info.period_slut, r.info.namnd) == ("delarsrapport", "2025-08-31", "Socialnämnden")
    f = _get(r, label="Tillsvidareanställda", year=2024, kon="M")
    assert (f.value, f.measure, f.column, f.period_end) == (98, "anstallda_tillsvidare", "2024 Män", "2024-08-31")
    f = _get(r, label="Årsarbetare", year=2025, kon="T")
    assert (f.value, f.unit, f.measure) == (481.5, "arsarbetare", "arsarbetare")
    assert _get(r, label="Tidsbegränsat anställda", year=2025, kon="K").value == 30
    # the kön totals add up: the table is checked
    assert {f.check for f in r.facts if f.label == "Tillsvidareanställda"} == {"ok"}


def test_sick_leave_by_kon_length_and_age(delarsrapport) -> None:
    r = delarsrapport
    f = _get(r, label="Kvinnor", year=2024)
    assert (f.value, f.kon, f.measure, f.period_end, f.period_type) == (8.9, "K", "sjukfranvaro_total", "2024-08-31", "delar")
    assert _get(r, label="Sjukfrånvaro 60 dagar eller mer", year=2025).measure == "sjukfranvaro_lang"
    f = _get(r, label="30-49 år", year=2025)
    assert (f.value, f.category, f.kon, f.unit) == (7.5, "30-49 år", "T", "procent")


def test_budget_and_plan_years(verksamhetsplan) -> None:
    r = verksamhetsplan
    assert (r.info.dokumenttyp, r.info.ar) == ("verksamhetsplan", 2026)
    f = _get(r, label="Fritid", column="Plan 2028")
    assert (f.value, f.scenario, f.year, f.area, f.measure, f.unit) == (-21400, "budget", 2028, "Fritid", "nettokostnad", "tkr")
    assert {f.check for f in r.facts if f.table_id == "p1t1"} == {"ok"}      # Summa = the rows


def test_indicator_targets_for_three_years(verksamhetsplan) -> None:
    r = verksamhetsplan
    f = _get(r, label="Andel nöjda besökare (%)", year=2027)
    assert (f.value, f.scenario, f.comparator, f.goal, f.schema) == (87, "malvarde", ">=", "Fler ska delta i kulturlivet", "maluppfyllelse")
    assert _get(r, label="Andel nöjda besökare (%)", year=2024).scenario == "utfall"
    assert _get(r, label="Antal besök i simhallen", year=2028).value == 125000
    start = _get(r, label="Andel elever som läser varje dag (%)", scenario="utgangsvarde")
    assert (start.value, start.year) == (35, None)
    target = _get(r, label="Andel elever som läser varje dag (%)", year=2028)
    assert (target.value, target.scenario, target.goal) == (45, "malvarde", "Fler barn och unga ska läsa")


@pytest.fixture(scope="module")
def drift(tmp_path_factory) -> list:
    xs = [230, 285, 340, 410, 465, 520]
    p = [(72, 60, "Vård- och omsorgsnämnden Alingsås kommun", {"fs": 9}),
         (72, 90, "Delårsrapport 2025", {"fs": 18, "b": True}),
         (72, 115, "Perioden januari-augusti"),
         (72, 150, "Driftredovisning per verksamhetsområde (mnkr)", {"b": True}),
         (250, 170, "Perioden", {"b": True}), (445, 170, "Helår", {"b": True})]
    p += headers(185, ["Utfall", "Budget", "Avvikelse", "Budget", "Prognos", "Avvikelse"], xs)
    p += row(203, "Äldreomsorg", ["-412,3", "-405,0", "-7,3", "-610,0", "-621,5", "-11,5"], xs)
    p += row(219, "Hemtjänst", ["-150,2", "-151,0", "0,8", "-228,0", "-226,5", "1,5"], xs)
    p += row(235, "Summa", ["-562,5", "-556,0", "-6,5", "-838,0", "-848,0", "-10,0"], xs, bold=True)
    p += [(72, 290, "Personal per kön", {"b": True})]
    xs2 = [330, 400, 470]
    p += headers(310, ["2023", "2024", "2025"], xs2)
    p += row(328, "Kvinnor", ["1 210", "1 232", "1 245"], xs2)
    p += row(344, "Män", ["201", "215", "220"], xs2)
    p += row(360, "Totalt", ["1 411", "1 447", "1 465"], xs2, bold=True)
    return extract_file(make_pdf(tmp_path_factory.mktemp("kinds") / "drift.pdf", [p]))


def test_centred_group_headers_and_report_period(drift) -> None:
    r = drift
    assert (r.info.period_slut, r.info.period_typ) == ("2025-08-31", "delar")
    f = _get(r, label="Äldreomsorg", column="Perioden Avvikelse")
    assert (f.value, f.scenario, f.period_end, f.unit) == (-7300, "avvikelse", "2025-08-31", "tkr")
    f = _get(r, label="Hemtjänst", column="Helår Prognos")
    assert (f.value, f.scenario, f.period_end, f.area) == (-226500, "prognos", "2025-12-31", "Hemtjänst")
    assert {f.check for f in r.facts if f.label == "Summa"} == {"ok"}


def test_headcount_by_kon_per_year(drift) -> None:
    f = _get(drift, label="Kvinnor", year=2024)
    assert (f.value, f.kon, f.unit, f.schema, f.period_end) == (1232, "K", "antal", "personal", "2024-12-31")
    f = _get(drift, label="Totalt", year=2025)
    assert (f.value, f.kon, f.period_end) == (1465, "T", "2025-08-31")   # this year: to the report date
