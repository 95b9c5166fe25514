"""Period words in column headers and document titles; unit words and scaling."""

from __future__ import annotations

import pytest

from pipelines.reports.parse.periods import document_period, read_period, row_month
from pipelines.reports.parse.units import money_unit, other_unit, scale


@pytest.mark.parametrize(
    ("header", "year", "end", "kind"),
    [
        ("Utfall jan-aug 2016", 2016, "2016-08-31", "manad"),
        ("Budget helår 2016", 2016, "2016-12-31", "helar"),
        ("Bokslut 2015", 2015, "2015-12-31", "helar"),
        ("2016-06-30", 2016, "2016-06-30", "manad"),
        ("Utfall 201711", 2017, "2017-11-30", "manad"),
        ("Utfall 2018-02", 2018, "2018-02-28", "manad"),
        ("Utfall T2 2016", 2016, "2016-08-31", "tertial"),
        ("Målvärde T1 2019", 2019, "2019-04-30", "tertial"),
        ("Q4 2023", 2023, "2023-12-31", "kvartal"),
        ("kvartal 1 2019", 2019, "2019-03-31", "kvartal"),
        ("Utfall helår 2025", 2025, "2025-12-31", "helar"),
    ],
)
def test_column_periods(header: str, year: int, end: str, kind: str) -> None:
    p = read_period(header)
    assert (p.year, p.end, p.type) == (year, end, kind)


@pytest.mark.parametrize(
    ("label", "expected"),
    [
        ("Januari", (1, False)),
        ("maj", (5, False)),
        ("S.A Jan-Febr", (2, True)),
        ("Ack. jan–mars", (3, True)),
        ("Jan - april", (4, True)),
        ("Prog.Bokslut", None),
        ("Mars 2019", None),                 # a dated label is not a bare month
        ("Sjukfrånvaro jan-dec", None),      # a measure over a span, not a month row
        ("feb-jan", None),
        ("Summa", None),
    ],
)
def test_row_labels_that_are_months(label: str, expected) -> None:
    assert row_month(label) == expected


def test_relative_and_current_period_words() -> None:
    fg = read_period("Utfall fg år")
    assert fg.relative_year == -1 and fg.year is None
    assert read_period("Bokslut fg år").whole_year
    assert read_period("Utfall perioden 2026").current_period
    # a month without a year takes the default year
    assert read_period("Jan-Febr", default_year=2019).end == "2019-02-28"


@pytest.mark.parametrize(
    ("title", "end", "kind"),
    [
        ("Delårsrapport mars 2026- nämnder och styrelser", "2026-03-31", "delar"),
        ("Fördjupad månadsuppföljning per april 2026", "2026-04-30", "manad"),
        ("Månadsuppföljning maj 2026 Socialnämnden", "2026-05-31", "manad"),
        ("2025 Årsbokslut Status: Påbörjad Rapportperiod: 2025-12-31", "2025-12-31", "helar"),
        ("Årsredovisning 2025", "2025-12-31", "helar"),
        ("Uppföljningsrapport Augusti 2016 … 3 Personalanalys per 30 juni", "2016-08-31", "tertial"),
        ("Statistikrapport avseende ej verkställda beslut enligt LSS, kvartal 1 2019", "2019-03-31", "kvartal"),
        ("Månadsuppföljning ekonomi november 2017 Socialnämnden", "2017-11-30", "manad"),
    ],
)
def test_document_periods(title: str, end: str, kind: str) -> None:
    p = document_period(title)
    assert p is not None and (p.end, p.type) == (end, kind)


def test_no_period_is_guessed() -> None:
    assert document_period("Protokoll från sammanträde") is None
    assert read_period("Antal").year is None


def test_money_units_scale_to_tkr() -> None:
    for text, factor, raw in [
        ("Belopp i tkr", 1, "tkr"), ("Belopp i mnkr", 1000, "mnkr"), ("Miljoner kronor", 1000, "Miljoner kronor"),
        ("Investeringsredovisning (mnkr)", 1000, "mnkr"), ("Mkr", 1000, "Mkr"), ("Tkr", 1, "Tkr"),
        ("2 500 kr", 0.001, "kr"), ("miljarder kronor", 1_000_000, "miljarder kronor"),
    ]:
        u = money_unit(text)
        assert u is not None and u.unit == "tkr" and u.factor == factor and u.raw == raw, text
    assert scale(20.068, 1000) == 20068
    assert scale(1513.3, 1000) == 1513300
    assert scale(2500, 0.001) == 2.5
    # money per something stays in kronor
    per = money_unit("Kostnad för kommunal primärvård per invånare, kronor per år")
    assert per.unit == "kr" and per.factor == 1
    assert money_unit("Antal besökare") is None


def test_other_units() -> None:
    assert other_unit("Sjukfrånvaro i procent").unit == "procent"
    assert other_unit("Tills vidare (åa)").unit == "arsarbetare"
    assert other_unit("Nöjd-Kund-Index (NKI)").unit == "index"
    assert other_unit("Köpta dygn tillfällig vistelse").unit == "dagar"
