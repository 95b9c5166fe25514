"""Tables pasted as pictures, read with Tesseract (read/ocr.py): only values a table's own
identities confirm are stored, a photo is never read, and without OCR the picture is warned
about as before."""

from __future__ import annotations

import shutil

import pytest

from pipelines.reports.extract import extract_file
from pipelines.reports.facts.checks import confirmed_ocr
from pipelines.reports.model import Fact
from tests.conftest import shared_path

BUN = "barn-och-ungdomsnamnden_2026-05-26_bilaga-fordjupad-manadsuppfoljning-2026-per-april-bun.pdf"


def _fact(raw: str, check: str) -> Fact:
    return Fact(document="d", page=2, schema="ekonomi", label="Kommunbidrag", column="Budget 2026", scenario="budget",
                year=2026, period_end="2026-12-31", kon=None, value=1.0, unit="tkr", evidence="e", method="table",
                raw_value=raw, check=check)


def test_only_confirmed_and_grouped_ocr_values_are_kept() -> None:
    facts = [_fact("1 131 226", "ok"), _fact("1131", "ok"), _fact("1.131", "fel"), _fact("-717 828", "ej_kontrollerad")]
    kept = confirmed_ocr(facts)
    assert [f.raw_value for f in kept] == ["1 131 226"]
    assert kept[0].confidence <= 0.5 and "OCR" in kept[0].check_detail


@pytest.fixture(scope="module")
def bun():
    if shutil.which("tesseract") is None:
        pytest.skip("tesseract is not installed (make tesseract installs Debian's tesseract-ocr and tesseract-ocr-swe)")
    return extract_file(shared_path("corpus", "alingsas", BUN))


def test_an_excel_range_pasted_as_a_picture_is_read_with_its_sums(bun) -> None:
    """BUN's drift table and its table per verksamhet are pictures (page 2 and 3)."""
    got = {(f.page, f.label, f.measure, f.column): f.value
           for f in bun.facts if f.method == "table"}
    assert got[(2, "Personalkostnader", "personalkostnad", "Budget 2026")] == -717828
    assert got[(2, "Verksamhetens kostnader", "kostnader", "Prognos helår 2026")] == -1264583
    # stub sub-headers Intäkter / Kostnader give the areas under them their post
    assert got[(3, "Förskola", "kostnader", "Budget 2026")] == -390887
    assert got[(3, "Summa", "kostnader", "Prognos 2026")] == -1269764
    ocr = [f for f in bun.facts if f.method == "table" and f.page in (2, 3)]
    assert ocr and all(f.check == "ok" and f.confidence <= 0.5 for f in ocr)
    # misread cells never get in: "1.131" for 1 131 226, "1131" without its group
    assert not any(f.raw_value in ("1.131", "1131") for f in ocr)
    assert any("lagras inte" in w for w in bun.info.varningar)
    # the cover photo is not given to Tesseract at all
    assert not any(w.startswith("sida 1: bilden kunde inte") for w in bun.info.varningar)


def test_without_ocr_the_picture_is_warned_about_and_skipped(monkeypatch) -> None:
    monkeypatch.setenv("KOMMUNLAGER_OCR", "0")
    result = extract_file(shared_path("corpus", "alingsas", BUN))
    assert not [f for f in result.facts if f.method == "table" and f.page in (2, 3)]
    assert any("ingen OCR" in w for w in result.info.varningar)
