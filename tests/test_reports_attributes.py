"""The attributes the star schemas group by (area, measure, unit, goal) on real pages: which
row, column or section is a verksamhetsområde, which post a value belongs to (docs/facts.md,
*Areas* and *Canonical measure keys*). Corpus documents are read in place from ../shared."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from pipelines.reports.extract import extract_file
from pipelines.reports.model import Fact
from pipelines.reports.tables.header import goal_statement
from tests.conftest import SAMPLES, shared_path

ALE_2016 = SAMPLES / "001_8298ea3312bc035f.txt"
ALE_2019 = SAMPLES / "000_29325da1e2c822b1.txt"
BORAS = SAMPLES / "004_b18213af86805180.txt"
GBG_AR = ("corpus", "goteborg_intraservice_arsrapport_2025.pdftotext.txt")
GBG_DR = ("corpus", "goteborg_intraservice_delarsrapport_2026-03.pdf")
SIM = ("corpus", "simrishamn_kfn_bokslut_2025.pdf")
SN17 = ("corpus", "alingsas", "socialnamnden_2018-01-23_manadsuppfoljning-ekonomi-november-2017.pdf")
KS = ("corpus", "alingsas", "kommunstyrelsen_2026-06-01_fordjupad-manadsuppfoljning-2026-alingsas-kommun.pdf")
VON_GL = ("corpus", "alingsas", "vard-och-omsorgsnamnden_2026-06-11_genomlysning-2026-2027.pdf")
VON_FM = ("corpus", "alingsas", "vard-och-omsorgsnamnden_2026-05-18_fordjupad-manadsuppfoljning-2026.pdf")
TFV = ("corpus", "alingsas", "kommunfullmaktige_2026-06-10_arsredovisning-2025-for-tolkformedling-vast-.pdf")


@lru_cache(maxsize=16)
def _facts(path: Path) -> tuple[Fact, ...]:
    result = extract_file(path)
    assert result.ok
    return tuple(result.facts)


def facts_of(where: Path | tuple[str, ...]) -> tuple[Fact, ...]:
    return _facts(where if isinstance(where, Path) else shared_path(*where))


def one(facts, **want) -> Fact:
    found = [f for f in facts if all(getattr(f, k) == v for k, v in want.items())]
    assert len(found) == 1, (want, [(f.label, f.column, f.value) for f in found])
    return found[0]


def every(facts, **want) -> list[Fact]:
    found = [f for f in facts if all(getattr(f, k) == v for k, v in want.items())]
    assert found, want
    return found


# --- units and goals --------------------------------------------------------------------

def test_status_facts_are_in_unit_status() -> None:
    statuses = [f for f in facts_of(ALE_2016) if f.value is None]
    assert statuses and {f.unit for f in statuses} == {"status"}


def test_goal_statement_after_a_goal_lead() -> None:
    text = "Strategiska målsättningar:\n1.2.3 Sysselsättning\nNämndens prioriterade mål:\n\n" \
           "Andelen arbetslösa ungdomar ska minska, vilket kräver åtgärder.\n\nSamtliga verksamheter har anmält intresse."
    assert goal_statement(text) == "Andelen arbetslösa ungdomar ska minska, vilket kräver åtgärder."
    flat = "egen försörjning. Mål (nivå 1): Andel arbetslösa i åldern 18 24 år ska minska. Jämfört med förra året"
    assert goal_statement(flat) == "Andel arbetslösa i åldern 18 24 år ska minska."
    assert goal_statement("Inga mål här. Bara text om målen i allmänhet.") is None


def test_indicator_tables_get_the_goal_printed_above_them() -> None:
    ale = facts_of(ALE_2016)
    f = one(ale, label="Antal ungdomar som erbjuds feriearbete.", column="Målvärde 2016")
    assert f.goal == "Andelen arbetslösa ungdomar ska minska, vilket kräver fortsatt aktiva åtgärder i samverkan."
    # "… ska vara 50 personer": the indicator is counted in persons
    g = one(ale, column="Utfall T2 2016", value=133)
    assert g.unit == "antal"
    flat = one(facts_of(ALE_2019), column="Målvärde")
    assert flat.goal == "Andel arbetslösa och i program i åldern 18 24 år ska minska."


def test_sick_leave_units_and_the_share_of_short_absence() -> None:
    ale = facts_of(ALE_2016)
    kort = one(ale, label="Korttidsfrånvaro 1-14 dagar (i relation till ordinarie arbetstid)", column="2016-06-30")
    assert (kort.unit, kort.measure) == ("procent", "sjukfranvaro_kort")
    share = one(ale, label="Dag 1-14", column="2016-06-30")
    assert share.value == 33.3 and share.measure is None
    assert one(ale, label="Dag 60 och över", column="2016-06-30").measure == "sjukfranvaro_lang"


# --- areas from the group column, sections and headings ---------------------------------

def test_group_column_holds_into_the_continued_table_and_beats_an_area_like_label() -> None:
    ale = facts_of(ALE_2016)
    assert one(ale, label="Antal personer med trygghetslarm", column="Budget 2016").area == "Äldreomsorg"
    assert one(ale, label="Särskilt boende antal årsplatser", column="Budget 2016").area \
        == "Särskilt boende och hemsjukvård"
    ferie = one(ale, label="Feriearbete per år, antal", column="Budget 2016")
    assert ferie.area == "Individ- och familjeomsorg" and ferie.measure == "verksamhetsmatt"
    # a row of a Verksamhetsmått table is a verksamhetsmått, and a cost per place is money
    evb = one(ale, label="Ej verkställda beslut bostad med särskild service, snitt (Tertial)", column="Budget 2016")
    assert evb.measure == "verksamhetsmatt"
    kost = one(ale, label="Kostnad per plats, särskilt boende (LSS och SoL), i snitt per månad", column="Budget 2016")
    assert (kost.value, kost.unit) == (56, "tkr")


def test_numbered_heading_of_a_flattened_table_is_its_area() -> None:
    boras = facts_of(BORAS)
    assert one(boras, label="Antal hushåll med försörjningsstöd", column="Budget 2019").area == "Ekonomiskt bistånd"
    assert one(boras, label="Mottagna flyktingar", column="Budget 2019").area == "Flyktingmottagning"


def test_table_continued_on_the_next_page_keeps_its_section() -> None:
    von = facts_of(VON_GL)
    # p7: "LSS" stands above the first row of the continued table
    f = one(von, page=7, label="Sjukfrånvaro bland månadsanställda i Göteborgsregionen (%) – stödassistenter",
            column="Alingsås 2025")
    assert f.area == "LSS"
    # p8: no section line; the rows go on under the last section of p7 (LSS)
    g = one(von, page=8, label="Andel stödassistenter (%), Alingsås kommun LSS", column="År 2024")
    assert g.area == "LSS"
    assert one(von, page=8, label="Sjukfrånvaro, månadsavlönade (%) jan-dec – sjuksköterskor",
               column="År 2024").area == "Kommunal primärvård"


def test_sub_heading_above_a_table_is_the_area_of_all_its_rows_and_its_total() -> None:
    sim = facts_of(SIM)
    bidrag = one(sim, page=33, label="Arrangörsbidrag för kulturföreningar", column="Bokslut 2025")
    assert bidrag.area == "Allmän kulturverksamhet" and bidrag.measure is None
    total = one(sim, page=33, label="Totalt", column="Bokslut 2025")
    assert total.area == "Allmän kulturverksamhet"
    # "Bibliotekslån" is a measure of the Folkbibliotek section, not an area of its own
    assert one(sim, page=35, label="Bibliotekslån", column="Bokslut 2025").area == "Folkbibliotek"
    # the captionless table after "Anläggningar samt …" on the same page stands under it too
    simskola = every(sim, page=35, label="Hammenhögsbadet")
    assert {f.area for f in simskola} == {"Anläggningar samt fritids- och föreningsutveckling"}


# --- areas from the header over the label column, the document and the columns -----------

def test_area_stub_rows_down_to_the_first_post_and_their_bottom_line_post() -> None:
    gbg = facts_of(GBG_AR)
    ek = one(gbg, label="- Ekonomi", column="Utfall 2025", value=7200)
    assert (ek.area, ek.measure) == ("Ekonomi", "resultat")       # Avdelning | …, Resultat below
    assert one(gbg, label="Avdelning Kund och servicecenter", column="Utfall 2025").area \
        == "Avdelning Kund och servicecenter"
    aterreg = one(gbg, label="Återreglering 2025", column="Utfall 2025")
    assert aterreg.area is None
    # "Förändringsinsatser | …": the same labels are areas because "Tjänster | …" shows them so
    dig = every(gbg, label="Digital infrastruktur", column="Budget 2025")
    assert {f.area for f in dig} == {"Digital infrastruktur"}


def test_unknown_rows_of_a_table_of_posts_are_posts() -> None:
    gbg = facts_of(GBG_AR)
    konsult = one(gbg, label="Konsultkostnader", column="2025", unit="procent")
    assert konsult.area is None and konsult.measure is None


def test_columns_of_posts_rows_of_tjanster_and_the_budgetavvikelse_column() -> None:
    gbg = facts_of(GBG_DR)
    kb = one(gbg, page=14, label="Kommunbidrag", column="Utfall intäkter period")
    assert (kb.area, kb.measure) == ("Kommunbidrag", "intakter")
    avv = one(gbg, page=14, label="Tilläggstjänster", column="Budgetavvikelse")
    assert (avv.area, avv.measure, avv.scenario) == ("Tilläggstjänster", "budgetavvikelse", "avvikelse")
    assert one(gbg, page=14, label="Total förvaltning", column="Budgetavvikelse").area is None
    ars = one(gbg, page=19, label="Handläggare", column="Ack åa helår 2025")
    assert (ars.measure, ars.category, ars.unit) == ("arsarbetare", "Handläggare", "arsarbetare")


def test_columns_that_are_areas_and_their_headers_split_at_right_edges() -> None:
    sn = facts_of(SN17)
    areas = {f.column: f.area for f in sn if f.page == 1 and f.label == "Personalkostnader" and f.scenario == "avvikelse"
             and f.column not in ("Avvikelse helår",)}
    assert areas == {
        "Förvaltningsledning": "Förvaltningsledning",
        "AFF Avd för funktionsstöd exkl EKB": "AFF Avd för funktionsstöd exkl EKB",
        "ASS Arbetsmarkn Stöd o service exkl EKB": "ASS Arbetsmarkn Stöd o service exkl EKB",
        "IFO Individ o familjeomsorg exkl EKB": "IFO Individ o familjeomsorg exkl EKB",
        "EKB - Ensamkommande": "EKB - Ensamkommande",
        "Summa": None,
    }
    # "Verksamhet: Alla" is the whole nämnd; "EKB" an area
    assert one(sn, page=4, label="Restriktivitet vid tjänstetillsättningar").area is None
    assert one(sn, page=4, label="Avslutade platser och nerförhandlade priser").area == "EKB"


def test_rows_per_namnd_are_areas_and_a_driftsprognos_shows_results() -> None:
    ks = facts_of(KS)
    son = one(ks, page=2, label="Socialnämnden", column="Årsbokslut 2025")
    assert (son.area, son.measure, son.value) == ("Socialnämnden", "resultat", -3000)
    assert one(ks, page=2, label="VA", column="Årsbokslut 2025").area == "VA"
    assert one(ks, page=2, label="Totalt kommunen", column="Årsbokslut 2025").area is None
    inv = one(ks, page=3, label="Kommunstyrelsen", column="Budget 2026")
    assert (inv.area, inv.measure, inv.value) == ("Kommunstyrelsen", "investering", 140800)


# --- investment tables and notes -----------------------------------------------------------

def test_investment_projects_are_not_areas_and_their_totals_are_investering() -> None:
    sim = facts_of(SIM)
    proj = every(sim, page=21, label="Ombyggnad Garvaren (6013)")
    assert {f.measure for f in proj} == {"investering"} and {f.area for f in proj} == {None}
    von = facts_of(VON_FM)
    assert {f.measure for f in every(von, page=4, label="Totala utgifter")} == {"investering"}


def test_a_note_heading_inside_a_table_ends_the_caption_post() -> None:
    tfv = facts_of(TFV)
    assert one(tfv, page=31, label="Pågående investeringar", column="Bokslut 2025").measure == "investering"
    assert one(tfv, page=31, label="Ingående avskrivning", column="Bokslut 2025").measure is None
    assert one(tfv, page=31, label="Årets investering", column="Bokslut 2025").measure == "investering"
    assert one(tfv, page=21, label="Årets resultat efter balanskravsjusteringar", column="2025").measure is None
