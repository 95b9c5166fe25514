"""The national benchmark's generator (bench/generate.py): its documents, a PDF and a text
file, are read back by the extractor with exactly the facts it says they hold."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from pipelines.config import PROJECT_ROOT
from pipelines.reports.extract import extract_file

sys.path.insert(0, str(PROJECT_ROOT / "bench"))
import generate  # noqa: E402


def _read_back(path: Path, expected: dict) -> tuple[int, list[dict]]:
    result = extract_file(path)
    got: dict[tuple, list[float]] = {}
    for f in result.facts:
        got.setdefault((f.schema, f.label, f.scenario, f.year), []).append(f.value)
    bad = [e for e in expected["facts"] if e["value"] not in got.get((e["schema"], e["label"], e["scenario"], e["year"]), [])]
    assert result.info.kommun_kod == expected["kommun_kod"], (path.name, result.info.kommun_kod)
    assert result.info.namnd == expected["namnd"]
    assert result.info.period_typ == expected["period_typ"]
    return len(result.facts), bad


def test_generated_documents_are_read_back_with_their_known_facts(tmp_path: Path) -> None:
    specs = generate.plan(6, seed=7, pages=4)
    pdf = next(s for s in specs if s.fmt == "pdf" and s.period_typ != "helar")
    txt = next((s for s in specs if s.fmt == "txt"), None) or specs[-1]
    txt.fmt, txt.name = "txt", txt.name.rsplit(".", 1)[0] + ".txt"
    totals = generate.write([pdf, txt], tmp_path / "inbox")
    assert totals == {"documents": 2, "pages": pdf.pages + txt.pages, "pdf": 1, "txt": 1}
    for spec in (pdf, txt):
        expected = json.loads((tmp_path / "expected" / f"{spec.name}.expected.json").read_text(encoding="utf-8"))
        assert len(expected["facts"]) == 18 + 4 + 6   # drift 6×3, personal 2×2, goals 3×2
        n_facts, bad = _read_back(tmp_path / "inbox" / spec.name, expected)
        assert not bad, (spec.name, bad[:3])
        assert n_facts >= len(expected["facts"])
    # distinct documents: different kommuner and numbers
    assert pdf.kommun_kod != txt.kommun_kod
    assert [f["value"] for f in pdf.expected] != [f["value"] for f in txt.expected]


def test_plan_spreads_over_kommuner_namnder_and_periods() -> None:
    specs = generate.plan(300, seed=1)
    assert len({s.kommun_kod for s in specs}) == 290
    assert len({s.namnd for s in specs}) == len(generate.NAMNDER)
    assert {s.period_typ for s in specs} == {"manad", "tertial", "delar", "helar"}
    assert len({s.name for s in specs}) == 300
    assert 25 <= sum(s.pages for s in specs) / len(specs) <= 35
    for s in specs[:20]:   # the report's own identities hold: avvikelse = prognos/utfall − budget
        drift = {(f["label"], f["scenario"]): f["value"] for f in s.expected if f["schema"] == "ekonomi"}
        second = "utfall" if s.period_typ == "helar" else "prognos"
        for label, _, _ in generate.DRIFT_ROWS:
            assert drift[(label, "avvikelse")] == drift[(label, second)] - drift[(label, "budget")]
