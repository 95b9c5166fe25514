from __future__ import annotations

import pytest

from pipelines.reports.numbers import parse_number


@pytest.mark.parametrize(
    ("cell", "value"),
    [
        ("182 149", 182149), ("1\u00a0513,3", 1513.3), ("4\u202f000", 4000), ("-3 349", -3349),
        ("\u22121 306", -1306), ("\u2013 6 279", -6279), ("- 6 279", -6279), ("702,50", 702.5), ("7.6%", 7.6),
        ("102,7 %", 102.7), ("+4,5", 4.5), ("0", 0),
    ],
)
def test_swedish_numbers(cell: str, value: float) -> None:
    assert parse_number(cell) == pytest.approx(value)


@pytest.mark.parametrize("cell", ["", "-", "\u2013", "abc", "12-14", "2020–2030"])
def test_not_one_number(cell: str) -> None:
    assert parse_number(cell) is None
