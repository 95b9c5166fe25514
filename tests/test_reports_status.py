"""Status icons and status tables: goals and uppdrag with a pictured or printed status."""

from __future__ import annotations

from pipelines.reports.extract import extract_file
from pipelines.reports.read.icons import Icon, classify
from pipelines.reports.read.layout import Word, layout_text_lines, make_line, words_to_cells, PDF_GAPS
from pipelines.reports.tables.status import find_rows, icon_status, status_word
from tests.conftest import shared_path

WHITE, GREEN, BLUE, ORANGE = (255, 255, 255), (153, 204, 0), (88, 117, 223), (240, 140, 20)
N = 24


def _disc(color, inner=None, ring=False):
    c = (N - 1) / 2
    px = []
    for y in range(N):
        row = []
        for x in range(N):
            d = ((x - c) ** 2 + (y - c) ** 2) ** 0.5
            p = WHITE
            if d <= 11:
                p = color if (not ring or d >= 9) else WHITE
            if inner and d < 9 and inner(x, y):
                p = WHITE if not ring else color
            row.append(p)
        px.append(row)
    return px


def test_icon_shapes_and_colours() -> None:
    assert classify(_disc(GREEN)) == ("●", "grön")
    check = _disc(GREEN, inner=lambda x, y: abs((x - 6) - (y - 10)) <= 1 or abs((x - 9) + (y - 13)) <= 1)
    assert classify(check) == ("✓", "grön")
    triangle = _disc(BLUE, ring=True, inner=lambda x, y: 8 <= x <= 15 and abs(y - 11.5) <= (15 - x) / 2)
    assert classify(triangle) == ("▶", "blå")
    bars = _disc(ORANGE, ring=True, inner=lambda x, y: 7 <= y <= 16 and (8 <= x <= 9 or 14 <= x <= 15))
    assert classify(bars) == ("⏸", "orange")


def test_icon_status_per_kind() -> None:
    def icon(glyph, color):
        return Icon(0, 10, 0, 10, glyph, color)
    assert icon_status(icon("▶", "blå"), "uppdrag") == "Pågående"
    assert icon_status(icon("▶", "orange"), "uppdrag") == "Pågående med avvikelser"
    assert icon_status(icon("✓", "grön"), "uppdrag") == "Avslutad"
    assert icon_status(icon("●", "grön"), "mal") == "Uppfyllt"
    assert icon_status(icon("●", "gul"), "mal") == "Delvis uppfyllt"
    assert icon_status(icon("●", "röd"), "mal") == "Ej uppfyllt"
    assert status_word("Pågående") == "Pågående" and status_word("delvis uppfyllt") == "Delvis uppfyllt"
    assert status_word("Kommentar") is None


def _line(top, *cells, fs=10.0):
    words = []
    for x, text in cells:
        for part in text.split():
            words.append(Word(part, x, x + 5.0 * len(part), top, top + fs, fs))
            x += 5.0 * len(part) + 2.5
    return make_line(words_to_cells(words, PDF_GAPS), 1)


def test_status_rows_from_icons_labels_wrap_and_comments() -> None:
    lines = [
        _line(100, (74, "Aktivitet"), (380, "Status"), (454, "Färdiggrad")),
        _line(116, (74, "Utveckla friluftsliv för barn och")),
        _line(128, (74, "ungdomar på landsbygden.")),
        _line(146, (74, "Kommentar:")),
        _line(158, (74, "Under året har mycket gjorts, och allt gick enligt plan med god uppslutning.")),
        _line(176, (74, "Öka tillgängligheten till kulturmiljöer.")),
    ]
    for i, ln in enumerate(lines):
        ln.gap_above = ln.top - lines[i - 1].bottom if i else 99.0
    icons = [Icon(380, 391, 115, 126, "✓", "grön"), Icon(380, 391, 175, 186, "▶", "blå")]
    rows = find_rows([(3, lines, icons)])
    assert [(r.label, r.status, r.kind, r.page) for r in rows] == [
        ("Utveckla friluftsliv för barn och ungdomar på landsbygden.", "Avslutad", "uppdrag", 3),
        ("Öka tillgängligheten till kulturmiljöer.", "Pågående", "uppdrag", 3),
    ]


def test_status_words_in_layout_text() -> None:
    text = (
        "    Uppdrag från KF/KS                 Uppdragets status och kommentar\n"
        "\n"
        "    Alla nämnder får i uppdrag att     Avslutad\n"
        "    analysera sina inköp.\n"
        "                                       2025-12-01\n"
        "    Uppdragsår                         Uppdraget återrapporterades.\n"
        "    2025\n"
        "    Förvaltningen ska säkerställa      Pågående\n"
        "    utbildning för chefer.\n"
    )
    rows = find_rows([(None, layout_text_lines(text), [])], text_source=True)
    assert [(r.label, r.status) for r in rows] == [
        ("Alla nämnder får i uppdrag att analysera sina inköp.", "Avslutad"),
        ("Förvaltningen ska säkerställa utbildning för chefer.", "Pågående"),
    ]
    assert rows[0].column == "Uppdragets status och kommentar"


def test_simrishamn_goal_dots_and_activity_checks() -> None:
    result = extract_file(shared_path("corpus", "simrishamn_kfn_bokslut_2025.pdf"))
    mal = [f for f in result.facts if f.measure == "mal"]
    akt = [f for f in result.facts if f.measure == "uppdrag"]
    assert len(mal) == 11 and {f.status for f in mal} == {"Uppfyllt"}
    assert len(akt) == 22 and {f.status for f in akt} == {"Avslutad"}
    p27 = [f for f in akt if f.page == 27]
    assert p27[0].label == ("Utveckla friluftsliv samt kultur- och fritidsaktiviteter för barn och ungdomar i "
                            "samarbete med föreningar verksamma på landsbygden.")
    assert p27[0].goal == "Arbeta för en livskraftig landsbygd."
    assert p27[-1].goal.startswith("Bevara och utveckla Simrishamns och Österlens attraktivitet")


def test_goteborg_uppdrag_icons_across_pages() -> None:
    result = extract_file(shared_path("corpus", "goteborg_intraservice_delarsrapport_2026-03.pdf"))
    upp = [f for f in result.facts if f.measure == "uppdrag"]
    assert len(upp) == 18 and {f.status for f in upp} == {"Pågående"}
    cont = next(f for f in upp if f.label.startswith("Nämnden för intraservice får i uppdrag att utreda"))
    assert cont.page == 23 and cont.label.endswith("Återrapportering i samband med ordinarie rapportering men i "
                                                   "separat rapportering.")


def test_goal_status_sentences() -> None:
    result = extract_file(shared_path(
        "corpus", "alingsas", "kommunfullmaktige_2026-06-10_arsredovisning-2025-for-tolkformedling-vast-.pdf"))
    status = {f.goal: f.status for f in result.facts if f.measure == "mal"}
    assert status["Tolkförmedling Väst ska ha en pålitlig leverans"] == "Uppfyllt"
    assert status["Tolkförmedling Väst ska ligga i framkant och verksamheten ska utvecklas"] == "Delvis uppfyllt"
    assert len(status) == 5
