"""The whole nightly load, as an operator sees it: `kommunlager run` wall time and peak memory.

    .venv/bin/python bench/load.py            # prints the table
    .venv/bin/python bench/load.py --write    # … and replaces the "Load" section of docs/benchmarks.md

Scenarios, each in a fresh data dir under a temporary folder, Kolada offline (the shared
snapshot): the sample reports; the whole shared corpus (every PDF and text dump of
``../shared/corpus`` copied into the inbox, plus the samples); and a second run over the
corpus with nothing new (what most nights are). The copies live in the temporary folder
only and are removed afterwards.
"""

from __future__ import annotations

import argparse
import os
import platform
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

from _common import replace_section  # noqa: E402

SECTION = "## Load"
SAMPLES = ROOT / "data" / "samples" / "reports"
SHARED = Path(os.environ.get("KOMMUNLAGER_SHARED_DIR", ROOT.parent / "shared"))


def _run(data: Path) -> dict:
    env = os.environ | {
        "KOMMUNLAGER_DATA_DIR": str(data), "DAGSTER_HOME": str(data / "dagster"), "KOLADA_OFFLINE": "1",
        "KOMMUNLAGER_REPORT_SOURCES": str(SAMPLES),
    }
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "pipelines.cli", "run", "--quiet"], cwd=ROOT, env=env,
                          capture_output=True, text=True)
    seconds = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    if done.returncode not in (0, 2):
        raise SystemExit(f"kommunlager run failed ({done.returncode}):\n{done.stdout}\n{done.stderr}")
    summary = next((ln for ln in done.stdout.splitlines() if ln.startswith("Fakta per stjärna")), "")
    documents = next((ln for ln in done.stdout.splitlines() if ln.startswith("Dokument:")), "")
    return {"seconds": seconds, "rss_mb": max(peak, before) / 1024, "facts": summary.split(": ", 1)[-1],
            "documents": documents.split(": ", 1)[-1], "exit": done.returncode}


def _corpus_files() -> list[Path]:
    corpus = SHARED / "corpus"
    if not corpus.is_dir():
        raise SystemExit(f"{corpus} is absent: the corpus scenarios read ../shared in place")
    # pool/ is the diarium's inbox of 362 handlingar, measured by `make pool` (tools/pool.py)
    pdfs = [p for p in corpus.rglob("*.pdf") if "pool" not in p.relative_to(corpus).parts]
    return sorted(pdfs) + sorted(corpus.glob("*.pdftotext.txt"))


def scenarios() -> list[tuple[str, dict]]:
    out = []
    with tempfile.TemporaryDirectory(prefix="kommunlager-bench-") as tmp:
        samples = Path(tmp) / "samples"
        n_samples = len(list(SAMPLES.glob("*.txt")))
        out.append((f"{n_samples} sample reports, first run", _run(samples)))
        corpus = Path(tmp) / "corpus"
        inbox = corpus / "inbox" / "reports"
        inbox.mkdir(parents=True)
        files = _corpus_files()
        for path in files:
            shutil.copy(path, inbox / path.name)
        pages = sum(1 for _ in files)
        out.append((f"whole corpus ({pages} files + {n_samples} samples), first run", _run(corpus)))
        out.append(("whole corpus, second run (nothing new)", _run(corpus)))
    return out


def table(rows: list[tuple[str, dict]]) -> str:
    lines = ["| scenario | seconds | peak RSS (MB) | documents | facts in the marts |", "|---|---:|---:|---|---|"]
    for name, r in rows:
        lines.append(f"| {name} | {r['seconds']:.1f} | {r['rss_mb']:.0f} | {r['documents']} | {r['facts']} |")
    return "\n".join(lines)


def section(body: str) -> str:
    return "\n".join([
        SECTION,
        "",
        f"`.venv/bin/python bench/load.py --write` (bench/load.py), `make bench`: `kommunlager run` in a fresh "
        f"data dir, Kolada offline; measured {date.today().isoformat()} on {platform.machine()}, Python "
        f"{platform.python_version()}, {os.cpu_count()} CPUs shared with other work (expect ±20 % noise). "
        "Peak RSS is the largest process of the run (Dagster executes in-process; dbt is its own process).",
        "",
        body,
        "",
        "A first run extracts the documents in one Dagster run per batch (KOMMUNLAGER_WORKERS processes), "
        "then builds, checks and publishes "
        "the warehouse; most of the fixed cost is Dagster's run set-up and the dbt build (~250 tests). "
        "A second run extracts nothing and rebuilds the warehouse from the raw layer.",
        "",
    ])


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--write", action="store_true", help="replace the Load section of docs/benchmarks.md")
    args = parser.parse_args()
    body = table(scenarios())
    print(body)
    if args.write:
        replace_section(SECTION, section(body))
        print(f"wrote docs/benchmarks.md ({SECTION})")


if __name__ == "__main__":
    main()
