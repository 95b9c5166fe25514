"""`kommunlager run` over N distinct documents: first run, a run with nothing new, CPU, memory.

    .venv/bin/python bench/scale.py --docs 20 100              # this checkout
    .venv/bin/python bench/scale.py --docs 20 100 --root ../main   # another checkout (before/after)

The inbox holds N copies of the corpus PDFs (``../shared/corpus``), each made distinct by a
PDF comment appended after ``%%EOF`` (readers ignore it; the content hash changes), in a
temporary folder removed afterwards. Kolada offline (the shared snapshot). CPU is the run's
own process tree (user + system seconds / wall seconds = cores kept busy on average), since
the machine is shared; peak RSS is the largest single process of the tree.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("KOMMUNLAGER_SHARED_DIR", ROOT.parent / "shared"))


def _inbox(folder: Path, n: int) -> int:
    pdfs = sorted(p for p in (SHARED / "corpus").rglob("*.pdf") if "pool" not in p.relative_to(SHARED / "corpus").parts)
    if not pdfs:
        raise SystemExit(f"{SHARED / 'corpus'} has no PDFs: the benchmark reads ../shared in place")
    folder.mkdir(parents=True)
    pages = 0
    import pypdfium2

    counts = {p: len(pypdfium2.PdfDocument(str(p))) for p in pdfs}
    for i in range(n):
        src = pdfs[i % len(pdfs)]
        (folder / f"{i:04d}_{src.name}").write_bytes(src.read_bytes() + f"\n%kommunlager-bench-{i}\n".encode())
        pages += counts[src]
    return pages


def _run(root: Path, data: Path, workers: str | None) -> dict:
    env = os.environ | {"KOMMUNLAGER_DATA_DIR": str(data), "DAGSTER_HOME": str(data / "dagster"),
                        "KOLADA_OFFLINE": "1"}
    env.pop("KOMMUNLAGER_REPORT_SOURCES", None)
    if workers:
        env["KOMMUNLAGER_WORKERS"] = workers
    python = str(root / ".venv" / "bin" / "python")
    start = time.perf_counter()
    # a fresh parent per run, so its children's peak RSS and CPU are this run's alone
    done = subprocess.run([sys.executable, "-c", _MEASURE, python, "-m", "pipelines.cli", "run", "--quiet"],
                          cwd=root, env=env, capture_output=True, text=True)
    wall = time.perf_counter() - start
    *out, measured = done.stdout.rstrip("\n").rsplit("\n", 1)
    code, cpu, rss = measured.split()
    if int(code) not in (0, 2):
        raise SystemExit(f"kommunlager run failed ({code}):\n{done.stdout[-3000:]}\n{done.stderr[-3000:]}")
    facts = next((ln for ln in "\n".join(out).splitlines() if ln.startswith("Fakta per stjärna")), "").split(": ", 1)[-1]
    return {"seconds": wall, "cpu": float(cpu), "cores": float(cpu) / wall, "rss_mb": int(rss) / 1024, "facts": facts}


_MEASURE = """
import resource, subprocess, sys
done = subprocess.run(sys.argv[1:])
u = resource.getrusage(resource.RUSAGE_CHILDREN)
print()
print(done.returncode, u.ru_utime + u.ru_stime, u.ru_maxrss)
"""


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--docs", type=int, nargs="+", default=[20, 100])
    parser.add_argument("--root", type=Path, default=ROOT, help="the checkout to run (its .venv)")
    parser.add_argument("--workers", default=None, help="KOMMUNLAGER_WORKERS for the runs")
    args = parser.parse_args()
    root = args.root.resolve()
    commit = subprocess.run(["git", "-C", str(root), "rev-parse", "--short", "HEAD"], capture_output=True,
                            text=True).stdout.strip()
    print("| checkout | N documents (PDF pages) | run | seconds | CPU s | cores busy | peak RSS (MiB) | facts in the marts |")
    print("|---|---|---|---:|---:|---:|---:|---|")
    for n in args.docs:
        with tempfile.TemporaryDirectory(prefix="kommunlager-scale-") as tmp:
            data = Path(tmp) / "data"
            pages = _inbox(data / "inbox" / "reports", n)
            for label in ("first run", "no-change run"):
                r = _run(root, data, args.workers)
                print(f"| {root.name}@{commit} | {n} ({pages}) | {label} | {r['seconds']:.1f} | {r['cpu']:.1f} | "
                      f"{r['cores']:.2f} | {r['rss_mb']:.0f} | {r['facts']} |", flush=True)


if __name__ == "__main__":
    main()
