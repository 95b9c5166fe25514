"""The report pages (rapportsidor), rendered in headless Chromium: the charts are there,
one bar per area, and every figure on the page equals the published mart it came from.

The pages are built by the `rapportsidor` asset inside the shared test warehouse's run
(tests/dbt_testlager.py), so this module adds one Chromium render, no pipeline run.
"""

from __future__ import annotations

import shutil
import struct
from itertools import groupby
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest

from tests.dbt_testlager import ALE, bygg_testlager

OAN_ID = f"{ALE}:omsorgs- och arbetsmarknadsnämnd"
PAGE = Path("sidor") / ALE / "omsorgs-och-arbetsmarknadsnamnden.html"


def chromium() -> str:
    exe = shutil.which("chromium") or shutil.which("chromium-browser")
    if not exe:
        pytest.fail("Chromium is not installed: run `make chromium` (Debian's chromium package); "
                    "this test renders the report page in headless Chromium")
    return exe


class Dom(HTMLParser):
    """Every element of the rendered DOM with its attributes and the section it is in."""

    def __init__(self):
        super().__init__()
        self.elements: list[tuple[str, dict, str | None]] = []
        self.section: str | None = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "section":
            self.section = attrs.get("id")
        self.elements.append((tag, attrs, self.section))

    def find(self, section: str, tag: str, cls: str | None = None) -> list[dict]:
        return [a for t, a, s in self.elements
                if s == section and t == tag and (cls is None or cls in (a.get("class") or "").split())]


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory):
    lager = bygg_testlager(tmp_path_factory)
    page = lager.settings.data_dir / PAGE
    assert page.is_file(), sorted(p.name for p in (lager.settings.data_dir / "sidor").rglob("*"))
    tmp = tmp_path_factory.mktemp("chromium")
    shot = tmp / "sida.png"
    done = subprocess.run(
        [chromium(), "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--no-first-run",
         f"--user-data-dir={tmp / 'profil'}", "--window-size=1100,1900", f"--screenshot={shot}", "--dump-dom",
         page.as_uri()],
        capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr[-2000:]
    dom = Dom()
    dom.feed(done.stdout)
    return lager, page, dom, shot


def test_the_page_renders_with_one_bar_per_area_equal_to_the_mart(rendered) -> None:
    lager, _, dom, shot = rendered
    latest = lager.query("select max(period_slut) from analys_budgetavvikelse where namnd_id = ? "
                         "and avvikelse_tkr is not null", [OAN_ID])[0][0]
    areas = lager.query("select distinct verksamhetsomrade_nyckel from analys_budgetavvikelse "
                        "where namnd_id = ? and period_slut = ? and avvikelse_tkr is not null", [OAN_ID, latest])
    bars = dom.find("avvikelse", "rect", "stapel")
    assert len(bars) == len(areas) == 6
    # each bar carries the mart's value (nettokostnad, the post every Ale area reports)
    mart = dict(lager.query("select coalesce(verksamhetsomrade, 'Hela nämnden'), avvikelse_tkr "
                            "from analys_budgetavvikelse where namnd_id = ? and period_slut = ? and post = 'nettokostnad'",
                            [OAN_ID, latest]))
    assert {b["data-etikett"]: float(b["data-varde"]) for b in bars} == mart
    assert mart["Äldreomsorg"] == -10954.0
    # the screenshot is a real picture of the page (PNG, the window's size)
    head = shot.read_bytes()[:24]
    assert head[:8] == b"\x89PNG\r\n\x1a\n" and struct.unpack(">II", head[16:24]) == (1100, 1900)


def test_every_figure_links_to_its_file_page_and_printed_text(rendered) -> None:
    lager, page, dom, _ = rendered
    cells = dom.find("avvikelse", "td", "tal")
    assert len(cells) == 6
    aldre = next(c for c in cells if c["data-varde"] == "-10954.0")
    # the printed row of Ale's årsredovisning, p. 30
    assert aldre["title"].startswith("ale_arsredovisning_2016.txt, s. 30: Äldreomsorg")
    assert "-10 954" in aldre["title"]
    links = [a["href"] for a in dom.find("avvikelse", "a") if a.get("href")]
    assert links and all((page.parent / href.split("#")[0]).resolve().is_file() for href in links)
    assert all(Path(h.split("#")[0]).parent.name == "filer" for h in links)


def test_result_and_forecast_over_the_tertials_equal_the_mart(rendered) -> None:
    lager, _, dom, _ = rendered
    assert dom.find("over-tid", "polyline", "linje")
    points = {(p["data-serie"], p["data-period"]): float(p["data-varde"]) for p in dom.find("over-tid", "circle", "punkt")}
    mart = lager.query("select ar_tertial, avvikelse_tkr, avvikelse_prognos_tkr from analys_budgetavvikelse "
                       "where namnd_id = ? and verksamhetsomrade_nyckel = '(hela nämnden)' and post = 'nettokostnad' "
                       "order by period_slut", [OAN_ID])
    resultat = {k[1]: v for k, v in points.items() if k[0].startswith("Resultat")}
    prognos = {k[1]: v for k, v in points.items() if k[0].startswith("Helårsprognos")}
    assert resultat == {t: v for t, v, _ in mart if v is not None}
    assert prognos == {t: v for t, _, v in mart if v is not None}
    assert resultat["2016 T3"] == 331.0


def test_sick_leave_beside_kolada_and_goal_lights_equal_the_marts(rendered) -> None:
    lager, _, dom, _ = rendered
    sick = lager.query("select sjukfranvaro_procent, kolada_kommun, kolada_riket, liknande_medel "
                       "from analys_sjukfranvaro where namnd_id = ? and kon = 'T' order by period_slut", [OAN_ID])
    bars = [float(b["data-varde"]) for b in dom.find("sjukfranvaro", "rect", "stapel")]
    assert bars == [v for v in sick[-1] if v is not None] and len(bars) == 4
    cells = [float(c["data-varde"]) for c in dom.find("sjukfranvaro", "td", "tal") if "data-varde" in c]
    assert cells == [v for row in sick for v in row if v is not None]
    goals = lager.query("select status from analys_malstatus where namnd_id = ? and period_slut = "
                        "(select max(period_slut) from analys_malstatus where namnd_id = ?) order by typ, mal, indikator",
                        [OAN_ID, OAN_ID])
    lights = [s["data-status"] for s in dom.find("mal", "span", "lampa")]
    assert lights == [g[0] for g in goals] and lights


def test_the_index_lists_every_page(rendered) -> None:
    lager, _, _, _ = rendered
    index = (lager.settings.data_dir / "sidor" / "index.html").read_text(encoding="utf-8")
    assert f'href="{ALE}/omsorgs-och-arbetsmarknadsnamnden.html"' in index
    assert 'href="1480/namnden-for-intraservice.html"' in index


def test_the_nightly_run_reports_each_phase_as_it_starts(rendered) -> None:
    lager, _, _, _ = rendered
    # after the last "Dokument n/n" line the operator sees Kolada, dbt, checks and publication start
    phases = [k for k, _ in groupby(line.split(":")[0] for line in lager.faser)]
    assert phases == ["Kolada", "Lager", "Kontroller", "dbt", "Kontroller", "Publicering", "Rapportsidor"]
    assert "dbt: bygger modeller och kör dbt-tester" in lager.faser
    assert lager.faser[-2] == "Publicering: ersätter warehouse/kommunlager.duckdb"


def test_numbers_read_the_swedish_way_and_a_missing_value_draws_no_bar() -> None:
    from pipelines.pages.model import Figur
    from pipelines.pages.svg import siffra, stapeldiagram

    assert siffra(-10954.0, "tkr") == "\u221210\u00a0954\u00a0tkr"
    assert siffra(1513300.5) == "1\u00a0513\u00a0300,5" and siffra(6.8, "%") == "6,8\u00a0%"
    svg = stapeldiagram([Figur("Nämnden", 8.7, "%"), Figur("Liknande kommuner", None, "%", not_="ingen grupp")],
                        rubrik="x", tecken=False)
    assert svg.count('class="stapel"') == 1 and "<title>ingen grupp</title>saknas" in svg


# --- every page against the marts (also run on the whole corpus: tests/test_corpus_load.py) --

SECTION_COLUMNS = {
    "avvikelse": ("analys_budgetavvikelse", ("avvikelse_tkr", "avvikelse_prognos_tkr")),
    "over-tid": ("analys_budgetavvikelse", ("avvikelse_tkr", "avvikelse_prognos_tkr")),
    "sjukfranvaro": ("analys_sjukfranvaro", ("sjukfranvaro_procent", "kolada_kommun", "kolada_riket", "liknande_medel")),
    "mal": ("analys_malstatus", ("utfall",)),
}


def pages_against_marts(sidor: Path, query) -> list[str]:
    """Every number on every page is a value of its mart for the page's kommun and nämnd,
    and the bars are one per area with the page's measure at the nämnd's latest period."""
    wrong = []
    pages = sorted(sidor.glob("*/*.html"))
    if not pages:
        return [f"{sidor}: inga sidor"]
    for path in pages:
        dom = Dom()
        dom.feed(path.read_text(encoding="utf-8"))
        body = next(a for t, a, _ in dom.elements if t == "body")
        kommun, namnd, matt = body["data-kommun-kod"], body["data-namnd-id"] or None, body["data-avvikelse-matt"]
        for section, (mart, cols) in SECTION_COLUMNS.items():
            allowed = {v for row in query(f"select {', '.join(cols)} from {mart} where kommun_kod = ? "
                                          "and namnd_id is not distinct from ?", [kommun, namnd]) for v in row}
            shown = [float(a["data-varde"]) for t, a, s in dom.elements if s == section and "data-varde" in a]
            wrong += [f"{path.name} {section}: {v} not in {mart}" for v in shown if v not in allowed]
        bars = dom.find("avvikelse", "rect", "stapel")
        areas = query(f"""
            with b as (select * from analys_budgetavvikelse where kommun_kod = ? and namnd_id is not distinct from ?
                       and {matt} is not null)
            select count(distinct verksamhetsomrade_nyckel) from b where period_slut = (select max(period_slut) from b)""",
            [kommun, namnd])[0][0]
        if len(bars) != areas:
            wrong.append(f"{path.name}: {len(bars)} bars, {areas} areas")
    return wrong


def test_every_page_shows_only_mart_values(rendered) -> None:
    lager, _, _, _ = rendered
    assert pages_against_marts(lager.settings.data_dir / "sidor", lager.query) == []
