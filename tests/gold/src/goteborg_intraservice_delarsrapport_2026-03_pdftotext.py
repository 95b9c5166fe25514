"""Gold: the pdftotext -layout dump of the Göteborg Intraservice delårsrapport mars 2026.

Derived from the PDF gold of the same report (tests/gold/goteborg_intraservice_delarsrapport_2026-03.pdf.jsonl):
the same facts with page = null, except what the text dump cannot show (the uppdrag statuses
come from ▶ icons, which pdftotext drops). Every derived value is checked against the dump
(its printed cell text must occur in it). Run after the PDF script:
    .venv/bin/python tests/gold/src/goteborg_intraservice_delarsrapport_2026-03_pdftotext.py
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from goldlib import GOLD_DIR, KEYS, OUT_DIR, write_meta  # noqa: E402

SOURCE = "goteborg_intraservice_delarsrapport_2026-03.pdf"
DOC = "goteborg_intraservice_delarsrapport_2026-03.pdftotext.txt"
CORPUS = Path(__file__).resolve().parents[4] / "shared" / "corpus"
text = " ".join((CORPUS / DOC).read_text(encoding="utf-8").split())

facts = []
problems = []
for line in (GOLD_DIR / f"{SOURCE}.jsonl").read_text(encoding="utf-8").splitlines():
    f = json.loads(line)
    if f["unit"] == "status" and "▶" in (f["note"] or ""):
        continue  # icon-derived status: not in the text dump
    f = dict(f, document=DOC, page=None)
    raw = f["raw_value"]
    if raw is not None and not re.search(rf"(?<![\d,]){re.escape(raw)}(?![\d,])", text):
        problems.append(f"{f['label']!r} {f['column']!r}: {raw!r} not in the dump")
    facts.append(f)

if problems:
    raise SystemExit("\n".join(problems))
with (OUT_DIR / f"{DOC}.jsonl").open("w", encoding="utf-8") as fh:
    for f in facts:
        fh.write(json.dumps({k: f[k] for k in KEYS}, ensure_ascii=False) + "\n")
counts: dict[str, int] = {}
for f in facts:
    counts[f["schema"]] = counts.get(f["schema"], 0) + 1
print(f"wrote {DOC}.jsonl: {len(facts)} facts {counts}")

pdf_meta = json.loads((GOLD_DIR / f"{SOURCE}.meta.json").read_text(encoding="utf-8"))
meta = {
    "document": DOC,
    "source": DOC,
    "format": "txt",
    "expected": pdf_meta["expected"],
    "covered_pages": "all",
    "image_pages": [],
    "chart_pages": [],
    "notes": [
        f"Derived from the PDF gold ({SOURCE}): same facts, page null; every raw_value checked against the dump.",
        "The 18 uppdrag statuses of the PDF (▶ icons) are not in the text dump and are left out.",
        "Without pages, facts of different tables share keys more often (e.g. Kommunbidrag on p11 and the "
        "Kommunbidrag tjänst row on p14); the matcher pairs them by value.",
    ] + [n for n in pdf_meta["notes"] if not n.startswith("Uppdrag")],
}
write_meta(DOC, meta)
