"""Extraction against its floor: the corpus PDFs in one process (start-up spread out, as the
nightly job and a national load run), as a ratio to the pypdfium2 floors measured in the same
run on the same files.

    .venv/bin/python bench/extraction_floor.py            # prints the table
    .venv/bin/python bench/extraction_floor.py --write    # … and replaces its section of docs/benchmarks.md

Floors (bench/_floors.py): pypdfium2 text of every page, and text with every character box.
Everything in CPU seconds of this process (so other work on a shared machine counts less),
best of ``--repeat`` rounds; each round measures the floors and the extraction back to back.
"""

from __future__ import annotations

import argparse
import os
import platform
import sys
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from _common import replace_section  # noqa: E402
from _floors import floors  # noqa: E402

SECTION = "## Extraction against the floor"
# the figures of issue 14 on an idle machine, to translate a ratio into pages/s
IDLE_TEXT_FLOOR = 906


NOTES = [
    "Before issue 14 item 4 (main d44e887, the same method, rounds alternating with the new code on "
    "2026-12-02 at a load average of ~24): 0.056–0.077 × text floor and 0.095–0.144 × box floor "
    "(51–70 pages/s at an idle floor); after: 0.103–0.108 × text floor, 0.17–0.21 × box floor "
    "(93–97 pages/s), about 1.5× faster, with `python -m tools.evaluate` identical on every gold document, and every fact and document "
    "info identical, field by field, on the first 60 PDFs of ../shared/corpus (12 corpus PDFs and 48 pool "
    "files, 1 287 facts).",
    "",
    "What changed (pipelines/reports/read/pdf.py, same lines and cells): one pass over a page's characters "
    "serves both the upright characters and the sideways runs (`_chars` then `_sideways`; before, the "
    "page was walked twice); the per-character PDFium calls go through the library without ctypes argument "
    "conversion (half the cost of a call); character codes come in one `FPDFText_GetText` call (one call a "
    "character where text and character list do not line up); a generated space after a character takes no "
    "box, origin or font-size call; the big-image test walks page objects through the raw API instead of a "
    "helper object each; patterns compiled once; medians and line shapes computed once.",
    "",
    "Where the rest goes (cProfile over the same files): per-character work in `_chars` (5 PDFium calls "
    "a character: angle, generated, loose box, origin, font size) ~20 %; the geometry of lines, words and "
    "cells ~25 %; icon detection (read/icons.py, its object walk and rendering) ~10 %; `find_kommun` "
    "(facts/metadata.py: one 290-name alternation with re.I over the whole text, ~0.2 s a document "
    "here) and the narrative readers ~10 %; PDFium page loading ~6 %. Character boxes are still taken "
    "on 137 of 166 pages (every page that `classify_page` calls a table); taking them on fewer pages is "
    "the remaining large lever, but it changes which pages reach the table finder and needs a fact-by-fact "
    "comparison over the corpus and the pool, not only the gold documents. The target of 150 pages/s "
    "(0.166 × text floor) is not reached.",
    "",
]


def corpus_pdfs() -> list[Path]:
    shared = Path(os.environ.get("KOMMUNLAGER_SHARED_DIR", ROOT.parent / "shared")) / "corpus"
    return sorted(shared.glob("*.pdf")) + sorted((shared / "alingsas").glob("*.pdf")) if shared.is_dir() else []


def measure(pdfs: list[Path], repeat: int) -> dict:
    from pipelines.reports.extract import extract_file

    extract_file(pdfs[0])   # imports and vocabularies, once per process
    best = None
    for _ in range(repeat):
        fl = floors(pdfs)
        t = time.process_time()
        pages = sum(extract_file(p).info.sidor or 0 for p in pdfs)
        cpu = time.process_time() - t
        row = {"pages": pages, "cpu_s": cpu, "pages_per_cpu_s": pages / cpu,
               "text": fl["text"]["pages_per_cpu_s"], "boxes": fl["boxes"]["pages_per_cpu_s"]}
        row["x_text"], row["x_boxes"] = row["pages_per_cpu_s"] / row["text"], row["pages_per_cpu_s"] / row["boxes"]
        if best is None or row["x_text"] > best["x_text"]:
            best = row
    return best


def table(r: dict, files: int) -> str:
    return "\n".join([
        "| files | pages | extraction pages/CPU-s | text floor | box floor | × text floor | × box floor | "
        f"at an idle {IDLE_TEXT_FLOOR}-pages/s text floor |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|",
        f"| {files} | {r['pages']} | {r['pages_per_cpu_s']:.1f} | {r['text']:.0f} | {r['boxes']:.0f} | "
        f"{r['x_text']:.3f} | {r['x_boxes']:.3f} | {r['x_text'] * IDLE_TEXT_FLOOR:.0f} pages/s |",
    ])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--write", action="store_true", help="replace this section of docs/benchmarks.md")
    ap.add_argument("--repeat", type=int, default=2)
    args = ap.parse_args()
    pdfs = corpus_pdfs()
    if not pdfs:
        sys.exit("bench/extraction_floor.py: no corpus PDFs (../shared/corpus)")
    body = table(measure(pdfs, args.repeat), len(pdfs))
    print(body)
    if args.write:
        text = "\n".join([
            SECTION, "",
            f"`.venv/bin/python bench/extraction_floor.py --write` (bench/extraction_floor.py), `make bench`; measured "
            f"{date.today().isoformat()} on {platform.machine()}, Python {platform.python_version()}, "
            f"{os.cpu_count()} CPUs shared with other work; best of {args.repeat} rounds, CPU seconds of one process.",
            "", body, "",
            *NOTES,
        ])
        replace_section(SECTION, text)
        print(f"wrote docs/benchmarks.md ({SECTION})")


if __name__ == "__main__":
    main()
