"""Structures of reports the rules were not written for: school years as columns, sources
cited with a year, labels turned on their side, numbered table captions, figures ahead of
a plan's first year, amounts printed with a leading-zero group."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

from pipelines.reports.extract import extract_file
from pipelines.reports.facts import narrative
from pipelines.reports.facts.metadata import forward_scenario
from pipelines.reports.model import DocContext
from pipelines.reports.parse.numbers import find_numbers, parse_number
from pipelines.reports.parse.periods import read_period, school_year
from pipelines.reports.tables.outline import page_headings
from tests.conftest import shared_path

BUN_PLAN = "barn-och-ungdomsnamnden__2026-06-16__bilagor__bilaga-lokalforsorjningsplan-2026-2031-till-bun-20260610.pdf"
SAMLA = "kommunstyrelsen__2026-06-15__bilagor__samla-ekonomiska-anslag-for-ar-2027.pdf"


@pytest.mark.parametrize(
    ("text", "year", "end"),
    [("26/27", 2026, "2027-06-30"), ("Läsår 2026/27", 2026, "2027-06-30"), ("2026/2027", 2026, "2027-06-30"),
     ("99/00", 1999, "2000-06-30")],
)
def test_a_school_year_runs_from_its_first_autumn_to_the_next_june(text: str, year: int, end: str) -> None:
    p = read_period(text)
    assert (p.year, p.end, p.type) == (year, end, "lasar")


@pytest.mark.parametrize("text", ["26/28", "2026/2028", "11/12 2025", "3/4", "1/2 tjänst"])
def test_what_is_not_a_school_year(text: str) -> None:
    assert school_year(text) is None


def test_a_change_between_two_years_is_not_a_school_year() -> None:
    p = read_period("Förändring åa 2024/2025")
    assert p.type != "lasar" and p.year == 2025


def test_a_source_cited_with_its_year_is_not_the_period() -> None:
    assert read_period("Årskostnad (Sweco 2022)").year is None
    assert read_period("Invånare (SCB, 2025)").year is None
    assert read_period("Budget (Jan 2025)").year == 2025       # a month, not a source
    assert read_period("Utfall (T1 2025)").year == 2025


def test_an_amount_with_a_leading_zero_group_is_one_number() -> None:
    assert parse_number("1019 096") == 1019096
    assert [n.value for _, _, n in find_numbers("Kostnad 1019 096 kr")] == [1019096]


def test_the_numbered_headings_of_a_page() -> None:
    text = "2. Demografisk utveckling\n2.1. Befolkningsprognos förskola 2026-2036\nTotalt beräknas behovet\n" \
           "1. Inledning ........................ 3\n2025 var ett år med\n3.4.2 Grundskola årskurs F till 6"
    assert page_headings(text) == ["2. Demografisk utveckling", "2.1. Befolkningsprognos förskola 2026-2036",
                                   "3.4.2 Grundskola årskurs F till 6"]


def test_what_a_document_calls_the_figures_ahead() -> None:
    assert forward_scenario("befolkningsprognosen visar … prognosperioden … prognos") == "prognos"
    assert forward_scenario("budget 2027, budgetramen, budgeten, prognos") == "budget"
    assert forward_scenario("prognos och budget") is None


def test_a_forecast_of_another_post_is_not_the_result() -> None:
    ctx = DocContext(document="plan.pdf")
    cost = narrative.extract(["Prognostiserad hyreskostnad för år 2027 är 126,5 mnkr."], ctx, True, [])
    assert not [f for f in cost if f.measure == "resultat"]
    result = narrative.extract(["Prognosen för helåret är ett överskott på 2,5 mnkr."], ctx, True, [])
    assert [(f.measure, f.value) for f in result if f.measure == "resultat"] == [("resultat", 2500)]


@cache
def _facts(name: str) -> list:
    return extract_file(shared_path("corpus", "pool", name)).facts


def test_school_year_columns_and_a_sideways_area_label() -> None:
    """Lokalförsörjningsplan: tables of läsår columns (26/27 …) whose area is printed turned on
    its side beside the rows, shorter than the table it names."""
    facts = [f for f in _facts(BUN_PLAN) if f.page == 13]
    first = {(f.label, f.year, f.period_end): (f.value, f.area, f.scenario) for f in facts}
    assert first[("Förskoleklass", 2026, "2027-06-30")] == (109, "SÖDRA - Skolor", "prognos")
    assert first[("Åk 9", 2035, "2036-06-30")] == (75, "SÖDRA - Skolor", "prognos")
    assert all(f.schema == "verksamhet" and f.unit != "tkr" for f in facts)
    assert not any("SÖDRA" in f.label for f in facts)        # the side label is no row


def test_a_stub_set_lower_than_its_years_and_a_numbered_caption() -> None:
    """SAMLA: the stub ``År`` sits lower than the years of its header row; the amounts carry
    their unit (``1019 096 kr``) and the table its caption (``Tabell 1 …``)."""
    facts = _facts(SAMLA)
    by = {(f.page, f.label, f.year): f for f in facts}
    f = by[(2, "Västra Götalandsregionen", 2027)]
    assert (f.value, f.unit, f.scenario) == (pytest.approx(1019.096), "tkr", "budget")
    assert by[(3, "Kommunikatör", 2024)].scenario == "utfall"
    assert by[(3, "Kommunikatör", 2027)].value == 70


def test_pdf_file_of_the_pool_is_read_in_place() -> None:
    assert not (Path(__file__).parent.parent / "data" / BUN_PLAN).exists()


def test_the_tables_identity_and_its_columns_shape_give_the_periods() -> None:
    """Kalmar's delårsrapport (a seed text, one line per page): ``Budget VR aug 2019`` beside a
    whole-year forecast and their deviation is the year's budget (avvikelse = budget −
    prognos holds); ``2018 Antal personer`` beside ``2019 Antal personer`` is the same date
    a year before; ``Antal årsarbetare`` counts årsarbetare."""
    facts = extract_file(shared_path("corpus", "seeds", "002_b4559db47a798bae.txt")).facts
    by = {(f.label, f.column): f for f in facts}
    budget = by[("Intäkter", "Budget VR aug 2019")]
    assert (budget.value, budget.scenario, budget.period_end) == (-97261, "budget", "2019-12-31")
    staff = by[("Kvinnor", "2018 Antal personer")]
    assert (staff.value, staff.unit, staff.period_end) == (835, "antal", "2018-08-31")
    assert by[("Kvinnor", "2018 Antal årsarbetare")].unit == "arsarbetare"


def test_a_unit_printed_only_in_the_sum_row_is_the_tables() -> None:
    """Sweco's PM: ``Summa (mnkr)`` is the only place the table prints its unit; the columns
    name a source and its year (``Lokalt alternativ (Sweco 2022)``), not a period. A PM is
    class ``utredning`` and gives no table facts, so its tables are read here as the table
    reader reads any report's."""
    from pipelines.reports.facts.tables import table_facts
    from pipelines.reports.facts.units import document_money
    from pipelines.reports.model import DocContext
    from pipelines.reports.read import read_document
    from pipelines.reports.tables import document_tables
    from pipelines.reports.tables.stitch import stitch

    name = "kommunstyrelsen__2026-06-01__bilagor__pm-uppdaterad-jamforelsekalkyl-arskostnad-va-losning-bjarke-.pdf"
    assert not [f for f in _facts(name) if f.method == "table"]
    doc = read_document(shared_path("corpus", "pool", name), name)
    tables = document_tables(doc)
    ctx = DocContext(document=name, money=document_money(tables))
    facts = [f for t in stitch(tables) for f in table_facts(t, ctx)]
    f = next(f for f in facts if f.page == 2 and f.label == "Överföring" and f.column == "Lokalt alternativ (Sweco 2022)")
    assert (f.schema, f.value, f.unit, f.year) == ("ekonomi", 350000, "tkr", None)


def test_a_lone_two_digit_school_year_column_is_refused() -> None:
    """``10/11`` alone may be 10 November; a run of ``26/27 27/28`` is a run of läsår."""
    from pipelines.reports.facts.columns import ColumnMeaning, lone_short_school_year

    def col(header: str) -> ColumnMeaning:
        return ColumnMeaning(header=header, scenario="utfall", year=2010, period_end="2011-06-30", period_type="lasar")

    lone = [col("10/11"), ColumnMeaning(header="Budget 2026", scenario="budget", year=2026,
                                        period_end="2026-12-31", period_type="helar")]
    lone_short_school_year(lone)
    assert lone[0].skip and not lone[1].skip
    run = [col("26/27"), col("27/28")]
    lone_short_school_year(run)
    assert not any(m.skip for m in run)
    full = [col("Läsår 2010/2011")]
    lone_short_school_year(full)
    assert not full[0].skip


def test_the_total_row_of_a_table_by_kon_takes_the_tables_measure(tmp_path: Path) -> None:
    """Rows Kvinnor, Män, Totalt under a caption naming the measure (Kalmar's sick-leave
    table, seed 002): the total row is that measure for kön T, not a fact without a measure."""
    from pipelines.reports.extract import extract_file

    text = ("Socialnämnden Delårsrapport augusti 2019 Sjukfrånvaro i procent, ackumulerat "
            "2016 2017 2018 2019 Kvinnor 8.29% 8.60% 7.87% 8.80% Män 5.08% 5.27% 4.41% 4.11% "
            "Totalt 7.40% 7.67% 6.92% 7.59% Sjukfrånvaron har minskat.\n")
    path = tmp_path / "sjuk.txt"
    path.write_text(text, encoding="utf-8")
    facts = [f for f in extract_file(path).facts if f.schema == "personal" and f.method == "table"]
    total = {f.year: (f.value, f.measure, f.kon, f.check) for f in facts if f.label == "Totalt"}
    assert total[2016] == (7.4, "sjukfranvaro_total", "T", total[2016][3]) and total[2016][3] != "oklar"
    assert {f.measure for f in facts} == {"sjukfranvaro_total"} and len(facts) == 12


def test_an_amount_column_of_a_plan_without_a_scenario_word_is_the_plans_budget(tmp_path: Path) -> None:
    """An investment list under ``Projekt | Belopp`` in a verksamhetsplan (seed 003): the
    amounts the plan sets for its year are budget, not an outcome; a column that names its
    year and scenario stays what it says."""
    text = ("Omsorgsnämnden Verksamhetsplan 2019 med budget. Investeringar KS/KF-investeringar "
            "Projekt Belopp Inventarier nyöppnad LSS bostad 2019 1000 Totalt 1000 Nämnden planerar. "
            "Södertäljelyftet Projekt Belopp Miljöåtgärder problemskapande miljöer DV 200 Miljöåtgärder "
            "problemskapande miljöer LSS-boende 200 Tillgänglighetsanpassningar OMS 200 Totalt 600 Medlen avser.\n"
            "Jämförelse av budgetram 2018 och 2019 Budget 2018 Utfall 2018 Budget 2019 Förändring av budget "
            "Verksamhetsområde SoL och nämnd 78 564 73 653 81 526 2 962 Verksamhetsområde LSS 663 230 644 184 "
            "645 429-17 801 Totalbudget 741 794 717 837 726 955-14 839 Omsorgsnämnden har en fast budgetram.\n")
    path = tmp_path / "vp.txt"
    path.write_text(text, encoding="utf-8")
    facts = [f for f in extract_file(path).facts if f.schema == "ekonomi" and f.method == "table"]
    belopp = {(f.label, f.scenario, f.year, f.value) for f in facts if f.column.startswith("Belopp")}
    assert ("Tillgänglighetsanpassningar OMS", "budget", 2019, 200.0) in belopp, belopp
    assert len(belopp) >= 5 and {s for _, s, _, _ in belopp} == {"budget"}
    framed = {(f.scenario, f.year): f.value for f in facts if f.label == "Verksamhetsområde SoL och nämnd"}
    assert framed == {("budget", 2018): 78564.0, ("utfall", 2018): 73653.0, ("budget", 2019): 81526.0,
                      ("forandring", 2019): 2962.0}, framed



def test_an_amount_larger_than_any_kommuns_is_refused_with_a_warning(tmp_path: Path) -> None:
    """Layout text whose narrow columns were squeezed to single spaces: five numbers read as
    one cell (``231 858 220 452 …``, 10^29 tkr). The cell is refused and the document warns;
    the amounts that are amounts stay."""
    text = ("Förbundet Årsredovisning 2025\n\n"
            "Ekonomisk översikt (tkr)            2025 2024 2023 2022 2021\n"
            "Verksamhetens intäkter     231 858 220 452 221 686 223 851 206 925\n"
            "Årets resultat                 315    -3 950    -215    4 177    5 442\n")
    path = tmp_path / "layout.txt"
    path.write_text(text, encoding="utf-8")
    result = extract_file(path)
    assert all(abs(f.value) <= 1e9 for f in result.facts if f.unit == "tkr")
    assert not [f for f in result.facts if f.label == "Verksamhetens intäkter"]
    assert any("större än något kommunalt värde" in w for w in result.info.varningar), result.info.varningar


def test_a_month_named_by_the_caption_over_year_columns_ends_each_years_values(tmp_path: Path) -> None:
    """An HR system's filter line over year columns (Kalmar, seed 002): ``Period: Juli`` with
    ``ack`` means each year from January to July, not the whole year or the report's August;
    without a month in the caption the years stay whole years and the current one to date."""
    def facts(caption: str) -> dict:
        text = ("Socialnämnden Delårsrapport augusti 2019 Sjukfrånvaro Sysselsättningsgrupp: Alla " + caption +
                "Sjukfrv %, ack valt kalenderår 2017 2018 2019 Kvinnor 8.60% 7.87% 8.80% Män 5.27% 4.41% 4.11% "
                "Totalt 7.67% 6.92% 7.59% Den ackumulerade sjukfrånvaron har ökat.\n")
        path = tmp_path / "sjuk.txt"
        path.write_text(text, encoding="utf-8")
        return {(f.label, f.year): (f.period_end, f.period_type) for f in extract_file(path).facts
                if f.schema == "personal" and f.method == "table"}

    by_july = facts("Period: Juli År: 2019 ")
    assert by_july[("Totalt", 2017)] == ("2017-07-31", "delar") and by_july[("Kvinnor", 2019)] == ("2019-07-31", "delar")
    plain = facts("")
    assert plain[("Totalt", 2017)][0] == "2017-12-31" and plain[("Totalt", 2019)][0] == "2019-08-31", plain


def test_a_ruled_table_with_centred_cells_reads_its_rows_whole() -> None:
    """VON's ekonomisk handlingsplan 2026 (pool): text set at size 1 and scaled, a ruled
    table whose short date cell (`Startdatum 260401`) is centred between the two lines of
    each label, and effect columns `(innevarande år)` / `(helår)` in a document whose only
    year is its title's. Each åtgärd is one row with both effects for 2026; dates are no facts."""
    name = "vard-och-omsorgsnamnden__2026-05-18__bilagor__handlingsplan-2026-korttidstillsyn-korttidsverksamheten-avlosning-och-ledsagning.pdf"
    facts = [f for f in extract_file(shared_path("corpus", "pool", name)).facts if f.method == "table"]
    got = {(f.label, f.column, f.year): f.value for f in facts}
    assert got == {
        ("1. Verksamhetsanpassa schemat och planera in nya insatser", "Ekonomisk effekt (innevarande år)", 2026): 150.0,
        ("1. Verksamhetsanpassa schemat och planera in nya insatser", "Ekonomisk effekt (helår)", 2026): 225.0,
        ("2. Minska timvikarietillsättning och öka samplanering", "Ekonomisk effekt (innevarande år)", 2026): 150.0,
        ("2. Minska timvikarietillsättning och öka samplanering", "Ekonomisk effekt (helår)", 2026): 225.0,
        ("3. Samlokalisering, minska ÅA", "Ekonomisk effekt (innevarande år)", 2026): 200.0,
        ("3. Samlokalisering, minska ÅA", "Ekonomisk effekt (helår)", 2026): 900.0,
    }, got
    assert all(f.unit == "tkr" and f.schema == "ekonomi" for f in facts)


def test_a_plans_amounts_year_by_year_in_one_sentence_are_one_fact_each(tmp_path: Path) -> None:
    """A kommunalförbund's budget as the kommunstyrelse states it (KSAU § 84, pool):
    `medlemsbidrag beräknas år 2027 till 69 994 tkr; år 2028 till 72 906 tkr; och år 2029 till
    75 706 tkr`: three budget figures of the post the sentence names. Percent rates year by
    year and outcomes of years before the document's are not a plan's amounts."""
    text = ("Kommunstyrelsen Protokoll 2026-06-03 Budget 2027 och ramar 2028-2029 för förbundet\n\n"
            "Alingsås kommuns medlemsbidrag beräknas år 2027 till 69 994 tkr; år 2028 till 72 906 tkr; "
            "och år 2029 till 75 706 tkr.\n\n"
            "Detta motsvarar en uppräkning om 3,0 procent år 2027; 3,7 procent år 2028; och 3,4 procent år 2029.\n\n"
            "Kostnaderna uppgick år 2024 till 61 000 tkr och år 2025 till 64 500 tkr.\n")
    path = tmp_path / "ks.txt"
    path.write_text(text, encoding="utf-8")
    facts = [f for f in extract_file(path).facts if f.method == "narrative"]
    got = {(f.measure, f.scenario, f.year, f.period_end): f.value for f in facts}
    assert got == {("kommunbidrag", "budget", 2027, "2027-12-31"): 69994.0,
                   ("kommunbidrag", "budget", 2028, "2028-12-31"): 72906.0,
                   ("kommunbidrag", "budget", 2029, "2029-12-31"): 75706.0}, got
