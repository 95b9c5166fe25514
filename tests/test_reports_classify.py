"""Documents that are not reports give no table facts; a person's name is never a label;
a fact whose meaning is incomplete is flagged ``oklar`` (issue 10 items 3 and 4)."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from pipelines.reports.extract import extract_file
from pipelines.reports.facts import classify
from pipelines.reports.facts.meaning import OKLAR, mark_unclear
from pipelines.reports.facts.privacy import is_person_name, scrub
from pipelines.reports.model import Fact
from tests.conftest import shared_path
from tests.dbt_testlager import bygg_testlager

DRAWING = "\n".join(["115", "Badplatsvägen", "1:400", *[f"61,{n}" for n in range(5811, 5841)],
                     "NY NÄTSTATION", "2500", "2750", "SKALA 1:100", "RITAD AV", "FASAD MOT VÄST"])
STAFF = ("Nyanställda VOO April 2026\nOrganisation: Vård och omsorg Datum: 2026-04-01 - 2026-04-30\n"
         "Anställningsdatum Befattning Rekryteringsväg Sysselsättningsgrad\n"
         + "".join(f"2026-04-{d:02d} 1650 Undersköterska 1 Från samma förv 100%\n" for d in range(1, 9)))
DELEGATION = ("DELEGATIONSLISTA\nBARN- OCH UNGDOMSNÄMNDEN\nANMÄLAN AV BESLUT FATTADE MED STÖD AV DELEGATION\n"
              "Delegat och befattning Beslutet avser Diarienummer\n"
              + "".join(f"2.5.4 10:32 1 2026-64{n:02d}\n" for n in range(10)))
REPORT = """Månadsuppföljning april 2026
Socialnämnden

Resultaträkning (tkr)      Budget 2026     Prognos 2026     Avvikelse
Intäkter                       -97 261          -97 061          -200
Personalkostnader              556 042          555 842           200
Lokalhyror                      40 100           40 100             0
Köp av tjänster                 12 000           12 500          -500
"""


def _fact(label: str, value: float, **kw) -> Fact:
    base = dict(document="d", page=1, schema="ekonomi", label=label, column="Utfall", scenario="utfall", year=2026,
                period_end="2026-04-30", kon=None, value=value, unit="tkr", evidence=label, method="table",
                measure="nettokostnad")
    return Fact(**(base | kw))


def test_drawings_staff_and_delegation_lists_are_told_by_layout_not_by_name() -> None:
    assert classify.classify([DRAWING], None).klass == "ritning"
    staff = classify.classify([STAFF], None)
    assert (staff.klass, staff.gives) == ("personallista", classify.INGA)
    assert classify.classify([DELEGATION], "delegationslista").gives == classify.INGA
    # a report stays a report, whatever its layout
    assert classify.classify([DRAWING], "manadsuppfoljning").gives == classify.ALLA
    assert classify.classify([REPORT], None).gives == classify.ALLA


def test_a_cover_gives_its_stated_figures_unless_it_carries_the_report() -> None:
    cover = "TJÄNSTESKRIVELSE\nDelårsrapport augusti 2019\nSocialnämnden föreslås godkänna rapporten.\n"
    assert classify.classify([cover], "tjansteskrivelse").gives == classify.BERATTADE
    bundle = cover + ("Verksamheten har under perioden arbetat med omställning och budget i balans. " * 300)
    carried = classify.classify([bundle], "tjansteskrivelse")
    assert (carried.klass, carried.gives) == ("delarsrapport", classify.ALLA)


def test_a_staff_list_gives_no_facts_and_a_report_does(tmp_path: Path) -> None:
    (tmp_path / "lista.txt").write_text(STAFF, encoding="utf-8")
    staff = extract_file(tmp_path / "lista.txt")
    assert staff.info.dokumenttyp == "personallista" and staff.facts == []
    assert any("ingen rapport" in w for w in staff.info.varningar)
    (tmp_path / "rapport.txt").write_text(REPORT, encoding="utf-8")
    report = extract_file(tmp_path / "rapport.txt")
    assert report.info.dokumenttyp == "manadsuppfoljning"
    posts = {f.label: f.measure for f in report.facts}
    # Kommun-Bas posts are known posts, so fct_ekonomi can sign their amounts
    assert posts["Lokalhyror"] == "lokalkostnad" and posts["Köp av tjänster"] == "kop_av_tjanster"
    assert len(report.facts) == 12 and all(f.check == "ok" for f in report.facts)


@pytest.mark.parametrize("title, klass", [
    ("Reglemente för ersättningar till förtroendevalda 2027–2030", "styrdokument"),
    ("Beslutsunderlag för framtida VA-försörjning i Bjärke", "utredning"),
    ("PM Uppdaterad jämförelsekalkyl", "utredning"),
    ("Bilaga Renhållningstaxa 2027", "taxa"),            # a compound's head: *taxa
    ("Ansökan om anläggningsbidrag, Holmalund City FF", "ansokan"),
])
def test_steering_documents_memos_taxor_and_applications_give_no_table_facts(title: str, klass: str,
                                                                              tmp_path: Path) -> None:
    table = REPORT.split("\n", 2)[2]      # the report's table without its title lines
    (tmp_path / "dokument.txt").write_text(f"{title}\n\n{table}", encoding="utf-8")
    result = extract_file(tmp_path / "dokument.txt")
    assert result.info.dokumenttyp == klass
    assert [f for f in result.facts if f.method == "table"] == []
    assert any("ingen rapport" in w for w in result.info.varningar)


def test_a_flattened_text_is_classed_by_the_start_of_its_first_page(tmp_path: Path) -> None:
    # one line per page (the seeds' form): "förstudie" on a later page is not the title
    pages = ["Bilaga Lokalförsörjningsplan 2026-2031 Barn- och ungdomsnämnden " + "Planeringen av lokaler " * 30,
             *("Behovet av platser ökar i söder. " * 20 for _ in range(3)),
             "En förstudie av en ny skola i Ingared pågår. " * 12]
    (tmp_path / "plan.txt").write_text("\n".join(pages), encoding="utf-8")
    assert extract_file(tmp_path / "plan.txt").info.dokumenttyp is None
    pages[0] = "Förstudie av en ny skola i Ingared " + pages[0]
    (tmp_path / "plan.txt").write_text("\n".join(pages), encoding="utf-8")
    assert extract_file(tmp_path / "plan.txt").info.dokumenttyp == "utredning"


@pytest.fixture(scope="module")
def review_of_every_namnd():
    """The revision's grundläggande granskning: one numbered section per nämnd (``7.2 BARN- OCH
    UNGDOMSNÄMNDEN``), each with the same three-row result table."""
    return extract_file(shared_path("corpus", "pool", "overformyndarnamnden__2026-06-11__bilagor__grundlaggande-granskning-2025.pdf"))


def test_a_numbered_section_naming_a_namnd_is_the_area_of_its_tables(review_of_every_namnd) -> None:
    results = {(f.page, f.area): f.value for f in review_of_every_namnd.facts
               if f.label == "Årets resultat" and f.scenario == "bokslut"}
    # "Årets resultat 0,1" (mkr) under 7.1 Kommunstyrelsen, on the page after its heading; 6 under 7.2
    assert results[(20, "KOMMUNSTYRELSEN")] == 100.0 and results[(21, "BARN- OCH UNGDOMSNÄMNDEN")] == 6000.0
    assert results[(23, "VÅRD- OCH OMSORGSNÄMNDEN")] == 2000.0 and results[(23, "KULTUR- OCH UTBILDNINGSNÄMNDEN")] == 600.0
    ekonomi = [f for f in review_of_every_namnd.facts if f.schema == "ekonomi" and f.method == "table"]
    assert ekonomi and not any(f.check == OKLAR for f in ekonomi)


def test_a_row_that_counts_is_never_money(review_of_every_namnd) -> None:
    # "Antal kontrollområden 2025 7 st" in a document whose tables are in mkr: 7, not 7 000 tkr
    counts = [f for f in review_of_every_namnd.facts if f.label.startswith("Antal kontrollområden")]
    assert counts and all(f.schema == "verksamhet" and f.unit == "antal" for f in counts)
    assert {f.value for f in counts} <= {4.0, 5.0, 6.0, 7.0, 8.0}


def test_a_persons_name_is_never_a_label() -> None:
    for name in ("Monica Persson", "Anna-Karin Nord, rektor", "Persson, Monica", "Eva Maria Lind"):
        assert is_person_name(name), name
    for label in ("Hela nämnden", "Maria Alberts förskola", "Lokalhyror", "Stora Vallen", "Per capita"):
        assert not is_person_name(label), label
    kept = scrub([_fact("Monica Persson", 100.0), _fact("Hemtjänst", 200.0)])
    assert [f.label for f in kept] == ["Hemtjänst"]


def test_two_values_under_one_key_and_facts_without_period_are_oklar_not_dropped() -> None:
    facts = [_fact("Hemtjänst", 100.0), _fact("Hemtjänst", 120.0),            # a lost dimension
             _fact("Hemtjänst", 90.0, area="Norr"),                         # the area tells it apart
             _fact("Vuxna", 50.0, year=None, period_end=None),               # no period
             _fact("Okänd post", 7.0, measure=None),                         # no measure
             _fact("Barn", 30.0), _fact("Barn", 30.0),                       # the same value twice: fine
             _fact("Netto", 62049.0), _fact("Netto", 62000.0)]               # tkr and mnkr: one figure
    assert mark_unclear(facts) == 4
    assert [f.check == OKLAR for f in facts] == [True, True, False, True, True, False, False, False, False]
    assert "2 värden under samma nyckel" in facts[0].check_detail and "saknar period" in facts[3].check_detail


@pytest.mark.parametrize("name", [
    "bygg-och-miljonamnden__2026-06-16__bilagor__ritning-64118.pdf",
    "vard-och-omsorgsnamnden__2026-05-18__bilagor__delegationslista-punkt-318-nyanstallningar-2026-04-01-2026-04-30-11-stycken.pdf",
    "barn-och-ungdomsnamnden__2026-05-26__bilagor__delegationslista-skolkjuts-1-april-2026.pdf",
])
def test_labelled_pool_files_give_no_facts(name: str) -> None:
    result = extract_file(shared_path("corpus", "pool", name))
    assert result.ok and result.facts == [], (result.info.dokumenttyp, result.facts[:3])
    assert result.info.dokumenttyp in ("ritning", "personallista", "delegationslista")


def test_the_run_summary_counts_oklar_facts(data_dir: Path) -> None:
    from pipelines.config import Settings
    from pipelines.summary import OKLARA_FROM, warehouse_counts

    settings = Settings.from_env()
    settings.warehouse_path.parent.mkdir(parents=True, exist_ok=True)
    con = duckdb.connect(str(settings.warehouse_path))
    schema, table = OKLARA_FROM.split(".")
    con.execute(f"create schema {schema}")
    con.execute(f"create table {OKLARA_FROM} as select * from (values ('ok'), ('oklar'), ('oklar')) t(kontroll)")
    con.execute("create table dim_dokument as select 'laddad' as status")
    con.close()
    assert warehouse_counts(settings)["oklara"] == 2


def test_an_oklar_fact_is_kept_for_review_but_never_a_current_fact(tmp_path_factory) -> None:
    lager = bygg_testlager(tmp_path_factory)
    kept = lager.query("select varde from intermediate.int_rapport_fakta__berikade where kontroll = 'oklar'")
    assert kept == [(4400.0,)]
    assert lager.query("select count(*) from fct_ekonomi where varde = 4400") == [(0,)]
    assert lager.query("select count(*) from fct_ekonomi where kontroll = 'oklar'") == [(0,)]


def test_pool_figures_count_labelled_files_periods_and_two_valued_keys() -> None:
    from tools.pool import figures, label_of

    assert label_of("x__bilagor__situationsplan-1.pdf") == "ritning" and label_of("protokoll.pdf") is None
    fact = dict(schema="ekonomi", measure="resultat", label="Resultat", area=None, category=None, goal=None,
                unit="tkr", scenario="utfall", year=2026, period_end="2026-04-30", kon=None, value=1.0, check="ok",
                check_detail=None, method="table", page=1, column="Utfall")
    results = [
        {"file": "a-ritning.pdf", "status": "laddad", "dokumenttyp": None, "seconds": 1.0, "facts": [fact]},
        {"file": "rapport.pdf", "status": "laddad", "dokumenttyp": "manadsuppfoljning", "seconds": 1.0,
         "facts": [fact, fact | {"value": 2.0, "check": "oklar"}, fact | {"year": None, "period_end": None}]},
        {"file": "b.pdf", "crash": "Traceback …\nValueError: boom", "seconds": 0.1},
    ]
    fig = figures(results)
    assert fig["crashes"] == 1 and fig["crash_files"] == {"b.pdf": "ValueError: boom"}
    assert fig["all"]["facts_from_labelled"] == {"ritning": 1}
    assert fig["all"]["facts_without_period"] == 1 and fig["all"]["keys_with_two_values"] == 1
    assert fig["current"]["facts"] == 3 and fig["current"]["keys_with_two_values"] == 0
