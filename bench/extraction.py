"""Report extraction benchmark: pages per second and peak memory over the shared corpus.

    .venv/bin/python bench/extraction.py            # prints the table
    .venv/bin/python bench/extraction.py --write    # … and replaces the "Extraction" section of docs/benchmarks.md

Every document of ``../shared/corpus`` (PDFs, the pdftotext dumps) and the sample texts
in ``data/samples/reports`` is extracted in its own process (so its peak RSS is its own),
best of ``--repeat`` runs for the time. A last run extracts the whole corpus in one process,
the way the nightly job does, and a baseline reads only the pypdfium2 text of every page.
Text documents count as one page per form feed (``\\f``), or one page per 3 000 characters.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from _common import replace_section  # noqa: E402

SECTION = "## Extraction"


def corpus() -> list[Path]:
    shared = Path(os.environ.get("KOMMUNLAGER_SHARED_DIR", ROOT.parent / "shared")) / "corpus"
    files = sorted(shared.rglob("*.pdf")) + sorted(shared.glob("*.pdftotext.txt")) if shared.is_dir() else []
    return files + sorted((ROOT / "data" / "samples" / "reports").glob("*.txt"))


def _pages(path: Path, result) -> int:
    if result.info.sidor:
        return result.info.sidor
    text = path.read_bytes().decode("utf-8", errors="replace")
    return text.count("\f") + 1 if "\f" in text else max(1, round(len(text) / 3000))


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def one(path: Path, repeat: int) -> dict:
    from pipelines.reports.extract import extract_file

    best = None
    result = None
    for _ in range(repeat):
        t = time.perf_counter()
        result = extract_file(path)
        dt = time.perf_counter() - t
        best = dt if best is None else min(best, dt)
    return {"file": path.name, "pages": _pages(path, result), "seconds": best, "facts": len(result.facts),
            "rss_mb": _rss_mb(), "table_pages": sum(1 for _ in {f.page for f in result.facts if f.method == "table"})}


def whole(paths: list[Path]) -> dict:
    from pipelines.reports.extract import extract_file

    t = time.perf_counter()
    pages = facts = 0
    for p in paths:
        r = extract_file(p)
        pages += _pages(p, r)
        facts += len(r.facts)
    return {"pages": pages, "seconds": time.perf_counter() - t, "facts": facts, "rss_mb": _rss_mb()}


def text_only(paths: list[Path]) -> dict:
    from pipelines.reports.read.pdf import page_texts

    t = time.perf_counter()
    pages = 0
    for p in paths:
        if p.suffix == ".pdf":
            pages += len(page_texts(p))
    return {"pages": pages, "seconds": time.perf_counter() - t, "facts": 0, "rss_mb": _rss_mb()}


def _child(args: list[str]) -> dict:
    out = subprocess.run([sys.executable, __file__, *args], capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def table(rows: list[dict], total: dict, single: dict, baseline: dict) -> str:
    lines = [
        "| document | pages | seconds | pages/s | facts | peak RSS (MB) |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    for r in rows:
        lines.append(f"| {r['file']} | {r['pages']} | {r['seconds']:.2f} | {r['pages'] / r['seconds']:.1f} | "
                     f"{r['facts']} | {r['rss_mb']:.0f} |")
    lines.append(f"| **all, one process each** | {total['pages']} | {total['seconds']:.2f} | "
                 f"{total['pages'] / total['seconds']:.1f} | {total['facts']} | {total['rss_mb']:.0f} (max) |")
    lines.append(f"| **all, one process** (the nightly job) | {single['pages']} | {single['seconds']:.2f} | "
                 f"{single['pages'] / single['seconds']:.1f} | {single['facts']} | {single['rss_mb']:.0f} |")
    lines.append(f"| baseline: pypdfium2 text of every PDF page only | {baseline['pages']} | {baseline['seconds']:.2f} | "
                 f"{baseline['pages'] / baseline['seconds']:.1f} | – | {baseline['rss_mb']:.0f} |")
    return "\n".join(lines)


def section(body: str, repeat: int) -> str:
    return "\n".join([
        SECTION,
        "",
        f"`.venv/bin/python bench/extraction.py --write` (bench/extraction.py), `make bench`. Each document is "
        f"extracted in its own process, best of {repeat} runs; measured {date.today().isoformat()} on "
        f"{platform.machine()}, Python {platform.python_version()}, {os.cpu_count()} CPUs shared with other work "
        "(expect ±20 % noise). Peak RSS includes the Python interpreter and the imported libraries (~60–80 MB). "
        "Pages of text documents: form feeds, else 3 000 characters a page.",
        "",
        body,
        "",
        "Every PDF page gets pypdfium2 text; only pages that look like tables (two or more lines "
        "with numbers) get character boxes, words, cells and the table finder. The heavy part is "
        "pure-Python geometry on those pages; pages of running text cost little more than the "
        "baseline.",
        "",
    ])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--write", action="store_true", help="replace the Extraction section of docs/benchmarks.md")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--one", help=argparse.SUPPRESS)
    ap.add_argument("--whole", action="store_true", help=argparse.SUPPRESS)
    ap.add_argument("--text-only", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args()
    files = corpus()
    if args.one:
        print(json.dumps(one(Path(args.one), args.repeat)))
        return
    if args.whole:
        print(json.dumps(whole(files)))
        return
    if args.text_only:
        print(json.dumps(text_only(files)))
        return
    if not files:
        sys.exit("bench/extraction.py: no corpus found (../shared/corpus) and no samples")
    rows = [_child(["--one", str(p), "--repeat", str(args.repeat)]) for p in files]
    total = {"pages": sum(r["pages"] for r in rows), "seconds": sum(r["seconds"] for r in rows),
             "facts": sum(r["facts"] for r in rows), "rss_mb": max(r["rss_mb"] for r in rows)}
    single = _child(["--whole"])
    baseline = _child(["--text-only"])
    body = table(rows, total, single, baseline)
    print(body)
    if args.write:
        replace_section(SECTION, section(body, args.repeat))
        print(f"wrote docs/benchmarks.md ({SECTION})")


if __name__ == "__main__":
    main()
