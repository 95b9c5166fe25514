"""Swedish numbers as printed: cells, running text, and glued numbers."""

from __future__ import annotations

import pytest

from pipelines.reports.parse.numbers import find_numbers, parse_cell, parse_number, segmentations


@pytest.mark.parametrize(
    ("cell", "value"),
    [
        ("182 149", 182149), ("1\u00a0513,3", 1513.3), ("4\u202f000", 4000), ("-3 349", -3349),
        ("\u22121 306", -1306), ("\u2013 6 279", -6279), ("- 6 279", -6279), ("702,50", 702.5), ("7.6%", 7.6),
        ("102,7 %", 102.7), ("+4,5", 4.5), ("0", 0), ("20,068", 20.068), ("-0,092", -0.092),
        ("1 000 000", 1000000), ("8.29%", 8.29),
    ],
)
def test_swedish_numbers(cell: str, value: float) -> None:
    assert parse_number(cell) == pytest.approx(value)


@pytest.mark.parametrize("cell", ["", "-", "\u2013", "—", "abc", "12-14", "2020–2030", "Stängt", "Ej aktuellt", "x"])
def test_not_one_number(cell: str) -> None:
    assert parse_number(cell) is None


def test_cell_details_are_kept() -> None:
    pct = parse_cell("87,5%")
    assert pct.value == 87.5 and pct.percent and pct.decimals == 1
    target = parse_cell("<6%")
    assert target.value == 6 and target.comparator == "<" and target.percent
    assert parse_cell("≥90").comparator == ">="
    assert parse_cell(">99%").comparator == ">"
    # a year in brackets after the value, a footnote star, a qualifier before or after
    assert parse_cell("74 (2024)").year == 2024
    star = parse_cell("-400*")
    assert star.value == -400 and star.footnote
    assert parse_cell("ung 116 000").value == 116000
    assert parse_cell("117 271 ung").value == 117271
    # a unit word in the cell
    mn = parse_cell("0,2 mnkr")
    assert mn.value == 0.2 and mn.unit == "mnkr"
    assert parse_cell("+/- 0 tkr").value == 0
    assert parse_cell("- 6 279").explicit_sign


def test_numbers_in_running_text() -> None:
    text = "Prognosen visar ett underskott på -15,0 mnkr för 2026 och 3 529 tkr, LSS-2 samt − 6 279"
    found = [(text[s:e], n.value) for s, e, n in find_numbers(text)]
    assert ("-15,0", -15.0) in found
    assert ("3 529", 3529) in found
    assert ("− 6 279", -6279) in found
    assert all(v != -2 for _, v in found), "a hyphen after a word is not a minus"
    # a year before a number is not a thousands group of it
    assert [n.value for _, _, n in find_numbers("år 2019 500 tkr")] == [2019, 500]


def test_glued_numbers_have_every_reading() -> None:
    readings = segmentations("-730-13 899-2 290 927-13 399 500", 6)
    assert [-730, -13899, -2290, 927, -13399, 500] in readings
    assert len(readings) > 1, "without the table's identities the row is ambiguous"
    # a sign always starts a number; a group of exactly three digits may continue one
    assert segmentations("812 650 700", 3) == [[812, 650, 700]]
    assert segmentations("812 650 700", 2) == [[812, 650700], [812650, 700]]
    assert segmentations("138 400 55", 3) == [[138, 400, 55]]
    assert segmentations("1 234,5 6", 2) == [[1234.5, 6]]
    assert segmentations("12 34", 1) == [], "34 is not a thousands group"
