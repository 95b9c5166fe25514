"""The evaluation harness: matching rules on synthetic facts, the gold files' format, and
one real run on a gold file (no extractor quality thresholds: those go to docs/extraction.md)."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from tools import evaluate as ev
from tests.conftest import shared_path


def fact(label: str = "Intäkter", value: float | None = 373.6, **kw) -> dict:
    base = {
        "document": "d.pdf", "page": 11, "schema": "ekonomi", "method": "table", "label": label,
        "column": "Utfall jan-mar 2026", "scenario": "utfall", "year": 2026, "period_end": "2026-03-31",
        "kon": None, "value": value, "unit": "tkr", "measure": None, "area": None, "category": None,
        "goal": None, "comparator": None, "status": None, "raw_value": None, "note": None,
    }
    base.update(kw)
    return base


def test_norm_collapses_whitespace_case_soft_hyphens_dashes_and_trailing_punctuation():
    assert ev.norm("  Kommun\u00adinterna\n  bidrag: ") == "kommuninterna bidrag"
    assert ev.norm("Förvaltnings\ufffeledning*") == "förvaltningsledning"
    assert ev.norm("Äldreomsorg \u2013 hemtjänst.") == ev.norm("äldreomsorg - HEMTJÄNST")
    assert ev.norm("Summa\u00a0nämnden\u00b9") == "summa nämnden"
    assert ev.norm(None) == ""
    assert ev.norm("- Ekonomi") == ev.norm("– Ekonomi") == ev.norm("• Ekonomi") == "ekonomi"
    assert ev.norm("-2,1 %") == "-2,1 %"
    assert ev.norm("SRHR-utbildning") == ev.norm("SRHRutbildning") and ev.norm("30-49 år") == ev.norm("30 - 49 år")
    assert ev.norm("30-49 år") != ev.norm("3049 år")
    assert ev.norm("30-49 år") != ev.norm("30-39 år")


def test_a_match_a_wrong_value_a_miss_and_an_extra():
    gold = [fact("Intäkter", 373.6), fact("Kostnader", -360.5), fact("Resultat", 22.5)]
    extracted = [
        fact("intäkter ", 373.6000000001),          # match (label normalised, float noise)
        fact("Kostnader", 360.5),                    # same key, sign lost: wrong value
        fact("Kommunbidrag", 9.4),                   # not in gold: extra
    ]
    m = ev.match_facts(gold, extracted)
    assert [(g["label"], e["value"]) for g, e in m.matched] == [("Intäkter", 373.6000000001)]
    assert [(g["value"], e["value"]) for g, e in m.wrong] == [(-360.5, 360.5)]
    assert [g["label"] for g in m.missing] == ["Resultat"]
    assert [e["label"] for e in m.extra] == ["Kommunbidrag"]


def test_a_difference_in_any_key_field_is_a_miss_and_an_extra_not_a_wrong_value():
    gold = [fact()]
    for change in ({"year": 2025}, {"period_end": "2026-12-31"}, {"scenario": "budget"}, {"page": 12},
                   {"schema": "personal"}, {"kon": "T"}, {"category": "30-49 år"}):
        m = ev.match_facts(gold, [fact(**change)])
        assert (len(m.matched), len(m.wrong), len(m.missing), len(m.extra)) == (0, 0, 1, 1), change
        near = ev.near_miss(gold[0], m.extra)
        assert near is not None and near[1], change


def test_column_and_unit_are_not_in_the_key_but_prefer_pairs():
    # two Summa rows on one page (two tables): each extracted fact pairs with its own.
    gold = [fact("Summa", 100.0, column="Utfall"), fact("Summa", 7.5, column="Utfall %", unit="procent")]
    extracted = [fact("Summa", 7.6, column="Utfall %", unit="procent"), fact("Summa", 100.0, column="Utfall")]
    m = ev.match_facts(gold, extracted)
    assert [(g["value"], e["value"]) for g, e in m.matched] == [(100.0, 100.0)]
    assert [(g["value"], e["value"]) for g, e in m.wrong] == [(7.5, 7.6)]
    assert not m.missing and not m.extra


def test_status_facts_compare_the_status():
    gold = [fact("Införa e-arkiv", None, unit="status", status="Pågående", scenario=None, measure="uppdrag")]
    same = [fact("Införa e-arkiv", None, unit="status", status="pågående", scenario=None)]
    other = [fact("Införa e-arkiv", None, unit="status", status="Avslutad", scenario=None)]
    assert len(ev.match_facts(gold, same).matched) == 1
    assert len(ev.match_facts(gold, other).wrong) == 1


def test_narrative_facts_match_on_measure_not_on_label():
    gold = [fact("Prognos helår, underskott", -15000.0, method="narrative", measure="resultat",
                 scenario="prognos", period_end="2026-12-31", column=None)]
    ok = [fact("Prognosen för helåret visar ett underskott", -15000.0, method="narrative", measure="resultat",
               scenario="prognos", period_end="2026-12-31")]
    as_table = [fact("Prognos helår, underskott", -15000.0, measure="resultat", scenario="prognos",
                     period_end="2026-12-31")]
    assert len(ev.match_facts(gold, ok).matched) == 1
    m = ev.match_facts(gold, as_table)
    assert (len(m.matched), len(m.missing), len(m.extra)) == (0, 1, 1)


def test_counts_recall_precision_on_covered_pages_only():
    gold = [fact("A", 1.0), fact("B", 2.0), fact("C", 3.0, schema="personal", kon="T", unit="procent")]
    extracted = [
        fact("A", 1.0), fact("B", 20.0),
        fact("X", 9.0),                                   # extra on covered page 11
        fact("Y", 9.0, page=30),                          # page 30 not covered: outside
        fact("Z", 5.0, method="narrative", measure="resultat"),  # narrative extra: not in precision
    ]
    m = ev.match_facts(gold, extracted)
    counts = ev.count(gold, extracted, m, covered=[11])
    allc, eko = counts["(all)"], counts["ekonomi"]
    assert (allc.gold, allc.matched, allc.wrong, allc.missing, allc.extra, allc.extra_narr, allc.outside) == (3, 1, 1, 1, 1, 1, 1)
    assert allc.extracted == 4
    assert allc.recall == pytest.approx(1 / 3)
    assert allc.precision == pytest.approx(1 / 3)      # 1 matched of A, B, X on page 11
    assert allc.value_accuracy == pytest.approx(1 / 2)
    assert counts["personal"].missing == 1 and eko.gold == 2
    assert ev.count(gold, extracted, m, covered="all")["(all)"].outside == 0


def test_attribute_differences_on_matched_facts_are_counted_per_schema_and_attribute():
    gold = [
        fact("Antal personer med trygghetslarm", 512.0, schema="verksamhet", unit="antal", area="Äldreomsorg",
             measure="verksamhetsmatt"),
        fact("Intäkter", 10.0, area="IT", measure="intakter"),
        fact("Kostnader", -5.0, measure="kostnader", comparator=None),
        fact("Sjukfrånvaro 30-49 år", 6.1, schema="personal", kon="T", unit="procent", category="30-49 år",
             measure="sjukfranvaro_total", goal=None),
        fact("Resultat", 3.0, measure="resultat"),                       # wrong value: not an attribute error
    ]
    extracted = [
        fact("Antal personer med trygghetslarm", 512.0, schema="verksamhet", unit="antal", area=None,
             measure="verksamhetsmatt"),                                  # area null != Äldreomsorg
        fact("Intäkter", 10.0, area="  it ", measure="intakter"),         # casefold + whitespace: agrees
        fact("Kostnader", -5.0, measure="nettokostnad", unit="procent", comparator=""),  # measure, unit; '' = null
        fact("Sjukfrånvaro 30-49 år", 6.1, schema="personal", kon="T", unit="procent", category="30 - 49 år",
             measure="sjukfranvaro_total", goal="Mål 1"),                # category as printed differs; goal
        fact("Resultat", 4.0, measure="x"),
    ]
    m = ev.match_facts(gold, extracted)
    assert len(m.matched) == 4 and len(m.wrong) == 1
    counts = ev.count(gold, extracted, m, covered=[11])
    assert counts["verksamhet"].attr["area"] == 1 and counts["verksamhet"].attr_any == 1
    eko = counts["ekonomi"]
    assert (eko.attr["area"], eko.attr["measure"], eko.attr["unit"], eko.attr["comparator"]) == (0, 1, 1, 0)
    assert eko.attr_any == 1 and eko.attr_agreement == pytest.approx(1 / 2)
    assert counts["personal"].attr["category"] == 1 and counts["personal"].attr["goal"] == 1
    total = counts["(all)"]
    assert total.attr == {"area": 1, "measure": 1, "unit": 1, "category": 1, "goal": 1, "status": 0, "comparator": 0}
    assert total.attr_any == 3 and total.to_dict()["attr"]["area"] == 1

    report = ev.evaluate_facts(ev.GoldDocument("d.pdf", {"covered_pages": [11]}, gold), extracted, {})
    assert [d for _g, _e, d in report.attribute_errors] == [
        ["area 'Äldreomsorg' != None"], ["measure 'kostnader' != 'nettokostnad'", "unit 'tkr' != 'procent'"],
        ["category '30-49 år' != '30 - 49 år'", "goal None != 'Mål 1'"],
    ]
    text = ev.render_text([report], verbose=True)
    assert "Attribute differences on matched facts" in text
    assert "ATTR     p11 verksamhet 'Antal personer med trygghetslarm'" in text and "area 'Äldreomsorg' != None" in text
    attr_table = text.split("Attribute differences on matched facts")[1]
    row = next(line for line in attr_table.splitlines() if line.startswith("TOTAL"))
    assert row.split() == ["TOTAL", "ekonomi", "2", "0", "1", "1", "0", "0", "0", "0", "50.0%"]
    md = ev.render_markdown([report])
    assert "### Attributes of matched facts" in md
    assert "| (all) | 4 | 1 | 1 | 1 | 1 | 1 | 0 | 0 | 25.0% |" in md
    assert "| `d.pdf` | area | 'Äldreomsorg' | None | Antal personer med trygghetslarm | 1 |" in md
    assert "| `d.pdf` | ekonomi | 2 | 0 | 1 | 1 |" in md and "|  | (all) | 4 | 1 | 1 | 1 | 1 | 1 |" in md
    clusters = ev.attribute_clusters([report])
    assert [(k[1], len(labels)) for k, labels in clusters] == [
        ("area", 1), ("category", 1), ("goal", 1), ("measure", 1), ("unit", 1)]


def test_metadata_fields_ok_fel_saknas_and_unscored():
    expected = {"kommun_kod": "1480", "namnd": "Nämnden för Intraservice", "ar": 2026, "period_slut": "2026-03-31"}
    info = {"kommun_kod": "1480", "namnd": "nämnden för intraservice", "ar": 2025, "period_slut": None, "kommun": "X"}
    out = ev.compare_meta(expected, info)
    assert {k: v["status"] for k, v in out.items()} == {
        "kommun_kod": "ok", "namnd": "ok", "ar": "fel", "period_slut": "saknas",
    }


def test_validate_fact_finds_format_errors():
    assert ev.validate_fact(fact()) == []
    bad = fact(scenario="helar", kon="X", period_end="2026-3-31", value="12")
    del bad["note"]
    problems = " ".join(ev.validate_fact(bad))
    for word in ("note", "scenario", "kon", "period_end", "value"):
        assert word in problems


def test_write_section_replaces_only_the_evaluation_section(tmp_path: Path):
    doc = tmp_path / "extraction.md"
    doc.write_text("# Extraction\n\nintro\n\n## Evaluation\n\nold table\n\n## Later\n\nkeep me\n", encoding="utf-8")
    ev.write_section(doc, "## Evaluation\n\nnew table\n")
    text = doc.read_text(encoding="utf-8")
    assert "old table" not in text and "new table" in text
    assert text.startswith("# Extraction\n\nintro\n") and text.rstrip().endswith("keep me")
    for _ in range(2):  # sub-headings of the section (###) stay inside it, twice over
        ev.write_section(doc, "## Evaluation\n\n### Per document\n\nt1\n")
    text = doc.read_text(encoding="utf-8")
    assert text.count("### Per document") == 1 and "new table" not in text and text.rstrip().endswith("keep me")
    fresh = tmp_path / "new.md"
    ev.write_section(fresh, "## Evaluation\n\nt\n")
    assert fresh.read_text(encoding="utf-8").count("## Evaluation") == 1


def test_every_gold_file_in_the_repository_is_well_formed():
    docs = ev.load_gold(ev.GOLD_DIR)
    assert docs, "tests/gold has no gold files"
    for doc in docs:
        assert doc.problems == [], (doc.name, doc.problems[:5])
        assert doc.meta.get("document") == doc.name
        covered = doc.meta.get("covered_pages")
        assert covered == "all" or isinstance(covered, list), doc.name
        pages = {f["page"] for f in doc.facts}
        if doc.meta.get("format") == "pdf":
            assert None not in pages and all(p <= doc.meta["pages"] for p in pages), doc.name
        else:
            assert pages <= {None}, doc.name  # a document may have no facts at all


@pytest.mark.parametrize("script", sorted(p.name for p in (ev.GOLD_DIR / "src").glob("*.py") if p.name != "goldlib.py"))
def test_each_gold_script_makes_its_committed_gold_files_byte_for_byte(script: str, tmp_path: Path):
    """The script is how a gold file was made (tests/gold/README.md): a hand edit of the .jsonl
    that the script does not make (as the Kommun-Bas post keys once were) fails here."""
    if '"shared"' in (ev.GOLD_DIR / "src" / script).read_text(encoding="utf-8"):
        shared_path("corpus")  # the script checks its cells against the corpus text
    env = {**os.environ, "KOMMUNLAGER_GOLD_OUT": str(tmp_path)}
    run = subprocess.run([sys.executable, str(ev.GOLD_DIR / "src" / script)], env=env,
                         capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr[-2000:]
    made = sorted(tmp_path.iterdir())
    assert made, f"{script} wrote nothing"
    for path in made:
        committed = ev.GOLD_DIR / path.name
        assert committed.exists(), f"{script} makes {path.name}, which is not committed"
        assert path.read_bytes() == committed.read_bytes(), f"{path.name} differs from what {script} makes"


def test_a_real_run_reads_the_gold_file_and_reports_its_gold_count():
    name = "goteborg_intraservice_delarsrapport_2026-03.pdf"
    shared_path("corpus", name)
    lines = [line for line in (ev.GOLD_DIR / f"{name}.jsonl").read_text(encoding="utf-8").splitlines() if line]
    [report] = ev.evaluate(ev.GOLD_DIR, only=name)
    assert report.status == "evaluerad", report.reason
    c = report.counts["(all)"]
    assert c.gold == len(lines) > 200
    assert c.matched + c.wrong + c.missing == c.gold
    # every extracted fact is accounted for once (the whole document is covered)
    assert report.covered == "all" and c.outside == 0
    assert c.matched + c.wrong + c.extra + c.extra_narr == c.extracted
    assert sum(s.gold for k, s in report.counts.items() if k != "(all)") == c.gold
    assert set(report.meta) == set(ev.META_FIELDS)


def test_an_absent_document_is_skipped_with_a_clear_line(tmp_path: Path):
    [report] = ev.evaluate(ev.GOLD_DIR, only="goteborg_intraservice_delarsrapport_2026-03.pdf", search_dirs=[tmp_path])
    assert report.status == "saknas" and str(tmp_path) in report.reason
    assert "saknas: document not found" in ev.render_text([report])


def test_the_command_line_writes_json_and_the_doc_section(tmp_path: Path, capsys: pytest.CaptureFixture):
    # A small synthetic gold file for a sample text report of the product (data/samples/reports).
    name = "001_8298ea3312bc035f.txt"
    gold_dir = tmp_path / "gold"
    gold_dir.mkdir()
    lines = [fact("Intäkter", 182149.0, document=name, page=None, column="Utfall jan-aug 2016", year=2016,
                  period_end="2016-08-31"),
             fact("Nettokostnad", 1.0, document=name, page=None)]
    (gold_dir / f"{name}.jsonl").write_text("".join(json.dumps(x, ensure_ascii=False) + "\n" for x in lines), encoding="utf-8")
    meta = {"document": name, "source": name, "format": "txt", "expected": {"ar": 2016}, "covered_pages": "all"}
    (gold_dir / f"{name}.meta.json").write_text(json.dumps(meta), encoding="utf-8")
    doc = tmp_path / "extraction.md"
    doc.write_text("# Extraction\n\nhand-written text\n", encoding="utf-8")

    assert ev.main(["--gold-dir", str(gold_dir), "--json", "--write-doc", str(doc)]) == 0
    out = json.loads(capsys.readouterr().out)
    [d] = out["documents"]
    assert d["document"] == name and d["status"] == "evaluerad"
    assert d["counts"]["(all)"]["gold"] == 2 and out["totals"]["(all)"]["gold"] == 2
    text = doc.read_text(encoding="utf-8")
    assert text.startswith("# Extraction\n\nhand-written text\n") and "## Evaluation" in text and name in text

    (gold_dir / f"{name}.jsonl").write_text('{"document": "x"}\n', encoding="utf-8")
    assert ev.main(["--gold-dir", str(gold_dir)]) == 1          # a broken gold file is reported, not run
    assert "ogiltig" in capsys.readouterr().out


def _flat(text: str) -> str:
    return ev.norm(" ".join(text.replace("\ufffe", "").replace("\u00ad", "").split())).replace(" ", "")


def _printed(label: str, page: str, next_page: str) -> bool:
    """The label is on the page, or starts on it and ends on the next one."""
    words = label.split()
    return _flat(label) in page or any(
        _flat(" ".join(words[:i])) in page and _flat(" ".join(words[i:])) in next_page for i in range(1, len(words))
    )


def _tokens(text: str) -> list[str]:
    """Words without punctuation, casefolded (so 'IT-tjänster,' = 'ittjänster')."""
    return [t for t in (re.sub(r"[\W_]", "", w.casefold()) for w in text.split()) if t]


def _in_order(label: list[str], words: list[str], window: int = 60) -> bool:
    """The label's words occur in this order, each within `window` words of the previous one;
    a word split by a line-break hyphen ('IT-' ... 'licenser') may be found in two pieces."""

    def find(word: str, pos: int) -> int | None:
        for j in range(pos + 1, min(pos + 1 + window, len(words))):
            if words[j] == word:
                return j
            if word.startswith(words[j]) and len(words[j]) < len(word):
                rest = find(word[len(words[j]):], j)
                if rest is not None:
                    return rest
        return None

    return any(_chain(label, find, start - 1) for start, w in enumerate(words) if label[0].startswith(w))


def _chain(label: list[str], find, pos: int) -> bool:
    for word in label:
        pos = find(word, pos)
        if pos is None:
            return False
    return True


def test_gold_table_labels_are_printed_on_their_page():
    """Gold quality: every table label is in the text layer of its page (or runs on to the next
    page), so labels were copied, not paraphrased. Exempt: a label whose note says a footnote
    mark was dropped, a total row whose note says it has no printed label, and facts read from a
    table printed as a picture (`image_table: true`)."""
    import pypdfium2 as pdfium

    checked = 0
    for doc in ev.load_gold(ev.GOLD_DIR):
        path = ev.resolve_document(doc, ev.default_search_dirs())
        if path is None:
            continue
        if doc.meta.get("format") == "pdf":
            pdf = pdfium.PdfDocument(str(path))
            pages = {i + 1: _flat(pdf[i].get_textpage().get_text_range()) for i in range(len(pdf))}
            pdf.close()
        else:  # a layout text dump: two-column tables interleave, so look for the words in order
            words = _tokens(path.read_text(encoding="utf-8", errors="replace"))
        missing = []
        for f in doc.facts:
            note = f.get("note") or ""
            if f["method"] != "table" or "footnote" in note or "no printed label" in note or f.get("image_table"):
                continue
            if doc.meta.get("format") == "pdf":
                found = _printed(f["label"], pages[f["page"]], pages.get(f["page"] + 1, ""))
            else:
                found = _in_order(_tokens(f["label"]), words)
            if not found:
                missing.append((f["page"], f["label"]))
            checked += 1
        assert not missing, (doc.name, sorted(set(missing))[:5])
    if not checked:
        pytest.skip("no gold document found under ../shared/corpus")
