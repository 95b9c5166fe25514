"""A national year through the product's own entry point: `kommunlager run` on an inbox of
generated reports (bench/generate.py, known facts) plus real files of ../shared/corpus/pool/.

    .venv/bin/python bench/national.py                      # 1/10 of a year, prints the table
    .venv/bin/python bench/national.py --scale 1            # the full year (2 900 documents)
    .venv/bin/python bench/national.py --fit 0.025,0.05,0.1 --write   # three scales, a fitted
                                      # line to the full year, the "National year" section of docs/benchmarks.md
    make bench-national                                     # the same, nice'd

A national year is 290 kommuner × ~10 reports × ~30 pages ≈ 2 900 documents and 87 000 pages;
scale s takes round(2 900 · s) documents, a quarter of them (at most all 362) real pool files,
read-only copies in the temporary data dir. Per scale, in a fresh data dir with Kolada offline:
a first run (everything new) and a second run with nothing new (most nights). Measured: wall
time, CPU time of the process tree (CPU / wall = cores kept busy), the peak RSS of the whole
process tree (sampled every 0.5 s from /proc), and the numbers: every expected fact of the
generated documents looked up in the published warehouse (recall, wrong values). Floors, in
the same run on the same PDFs, in one process: pypdfium2 text only and text with every
character box (bench/_floors.py); the product's pages/s is given as a ratio to them.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

from _common import replace_section  # noqa: E402
from _floors import floors  # noqa: E402
from generate import plan, write  # noqa: E402

SECTION = "## National year"
SHARED = Path(os.environ.get("KOMMUNLAGER_SHARED_DIR", ROOT.parent / "shared"))
SAMPLES = ROOT / "data" / "samples" / "reports"
YEAR_DOCUMENTS = 2900
YEAR_PAGES = 87_000
POOL_SHARE = 0.25
_PAGE = os.sysconf("SC_PAGE_SIZE")
_TICK = os.sysconf("SC_CLK_TCK")


# --------------------------------------------------------------------------- process tree

def _tree(root: int) -> list[int]:
    """The process and its descendants (/proc/PID/task/TID/children)."""
    out, todo = [], [root]
    while todo:
        pid = todo.pop()
        out.append(pid)
        try:
            tasks = os.listdir(f"/proc/{pid}/task")
        except OSError:
            continue
        for tid in tasks:
            try:
                todo.extend(int(c) for c in Path(f"/proc/{pid}/task/{tid}/children").read_text().split())
            except OSError:
                continue
    return out


def _sample(pids: list[int]) -> tuple[int, float]:
    """(RSS bytes, CPU seconds) of these live processes."""
    rss, cpu = 0, 0.0
    for pid in pids:
        try:
            rss += int(Path(f"/proc/{pid}/statm").read_text().split()[1]) * _PAGE
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
            cpu += (int(fields[11]) + int(fields[12])) / _TICK
        except (OSError, IndexError, ValueError):
            continue
    return rss, cpu


class TreeMonitor(threading.Thread):
    """Peak RSS of a process and all its descendants, and the busiest sampled interval."""

    def __init__(self, pid: int, interval: float = 0.5) -> None:
        super().__init__(daemon=True)
        self.pid, self.interval = pid, interval
        self.peak_rss = 0
        self.samples: list[tuple[float, float]] = []   # (time, cpu of live tree)
        self.stop = threading.Event()

    def run(self) -> None:
        while not self.stop.is_set():
            rss, cpu = _sample(_tree(self.pid))
            self.peak_rss = max(self.peak_rss, rss)
            self.samples.append((time.perf_counter(), cpu))
            self.stop.wait(self.interval)

    def busy_share(self, cores: float = 2.0) -> float:
        """Share of 1-second windows in which the tree used ≥ 1.5 cores."""
        windows, busy = 0, 0
        s = self.samples
        j = 0
        for i in range(len(s)):
            while j < len(s) and s[j][0] - s[i][0] < 1.0:
                j += 1
            if j >= len(s):
                break
            dt, dc = s[j][0] - s[i][0], s[j][1] - s[i][1]
            windows += 1
            busy += dc / dt >= 0.75 * cores
        return busy / windows if windows else 0.0


def run_product(data: Path) -> dict:
    env = os.environ | {
        "KOMMUNLAGER_DATA_DIR": str(data), "DAGSTER_HOME": str(data / "dagster"), "KOLADA_OFFLINE": "1",
    }
    env.pop("KOMMUNLAGER_REPORT_SOURCES", None)
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-m", "pipelines.cli", "run", "--quiet"], cwd=ROOT, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    monitor = TreeMonitor(proc.pid)
    monitor.start()
    stdout, stderr = proc.communicate()
    seconds = time.perf_counter() - start
    monitor.stop.set()
    monitor.join()
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    if proc.returncode not in (0, 2):
        raise SystemExit(f"kommunlager run failed ({proc.returncode}):\n{stdout[-3000:]}\n{stderr[-3000:]}")
    documents = next((ln for ln in stdout.splitlines() if ln.startswith("Dokument:")), "")
    return {"seconds": seconds, "cpu_s": cpu, "cores": cpu / seconds if seconds else 0.0,
            "busy_share": monitor.busy_share(), "tree_rss_mb": monitor.peak_rss / 2**20,
            "max_rss_mb": after.ru_maxrss / 1024, "documents": documents.split(": ", 1)[-1],
            "exit": proc.returncode}


# --------------------------------------------------------------------------- the numbers

def check_numbers(warehouse: Path, expected_dir: Path, lake_facts: Path | None = None) -> dict:
    """Every expected fact of the generated documents looked up in the published warehouse's
    raw facts (by document, schema, label, scenario and year): found with the expected value,
    found with another value only (wrong), or not found."""
    import duckdb

    query = "select document, schema, label, scenario, year, value from {}"
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        rows = con.execute(query.format("raw.rapport_fakta")).fetchall()
    except duckdb.Error:
        if lake_facts is None:
            raise
        # no raw layer in the published file: the lake's fact files, which it is staged from
        rows = con.execute(query.format(f"read_parquet('{lake_facts}/**/*.parquet', union_by_name = true)")).fetchall()
    finally:
        con.close()
    got: dict[tuple, set] = {}
    for doc, schema, label, scenario, year, value in rows:
        got.setdefault((doc, schema, label, scenario, year), set()).add(value)
    expected = found = wrong = 0
    wrong_examples: list[str] = []
    for path in sorted(expected_dir.glob("*.expected.json")):
        spec = json.loads(path.read_text(encoding="utf-8"))
        for f in spec["facts"]:
            expected += 1
            values = got.get((spec["name"], f["schema"], f["label"], f["scenario"], f["year"]))
            if values is None:
                continue
            if any(v is not None and abs(v - f["value"]) < 1e-6 for v in values):
                found += 1
            else:
                wrong += 1
                if len(wrong_examples) < 3:
                    wrong_examples.append(f"{spec['name']}: {f['label']} {f['scenario']} {f['value']} ≠ {sorted(values)}")
    return {"expected": expected, "found": found, "wrong": wrong, "missing": expected - found - wrong,
            "recall": found / expected if expected else 0.0, "wrong_examples": wrong_examples}


# --------------------------------------------------------------------------- one scale

def pool_files(n: int) -> list[Path]:
    pool = SHARED / "corpus" / "pool"
    files = sorted(p for p in pool.iterdir() if p.is_file() and p.suffix.lower() in (".pdf", ".txt", ".docx")) \
        if pool.is_dir() else []
    if n <= 0 or not files:
        return []
    if n >= len(files):
        return files
    step = len(files) / n
    return [files[int(i * step)] for i in range(n)]


def _pdf_pages(path: Path) -> int:
    import pypdfium2 as pdfium

    try:
        pdf = pdfium.PdfDocument(str(path))
    except Exception:  # noqa: BLE001 - a broken pool file has no pages to count
        return 0
    try:
        return len(pdf)
    finally:
        pdf.close()


def one_scale(scale: float, tmp: Path, seed: int, use_pool: bool) -> dict:
    documents = max(2, round(YEAR_DOCUMENTS * scale))
    n_pool = min(362, round(documents * POOL_SHARE)) if use_pool else 0
    pool = pool_files(n_pool)
    data = tmp / f"scale-{scale:g}"
    inbox = data / "inbox" / "reports"
    t = time.perf_counter()
    specs = plan(documents - len(pool), seed=seed)
    expected_dir = tmp / f"expected-{scale:g}"    # outside the data dir: not an inbox folder
    totals = write(specs, inbox, expected_dir)
    for p in pool:
        shutil.copy(p, inbox / p.name)
    generated_s = time.perf_counter() - t
    pool_pages = sum(_pdf_pages(p) for p in pool if p.suffix.lower() == ".pdf")
    pdfs = sorted(inbox.glob("*.pdf"))
    fl = floors(pdfs)
    first = run_product(data)
    try:
        numbers = check_numbers(data / "warehouse" / "kommunlager.duckdb", expected_dir, data / "lake" / "fakta")
    except Exception as exc:  # noqa: BLE001 - the timings still count; say why the numbers are absent
        numbers = {"expected": 0, "found": 0, "wrong": 0, "missing": 0, "recall": 0.0, "error": repr(exc),
                   "wrong_examples": []}
    second = run_product(data)
    pages = totals["pages"] + pool_pages
    return {"scale": scale, "documents": documents, "generated": len(specs), "pool": len(pool),
            "pdf": totals["pdf"] + sum(p.suffix.lower() == ".pdf" for p in pool), "txt": totals["txt"],
            "pages": pages, "pdf_pages": fl["text"]["pages"], "generate_s": generated_s, "floors": fl,
            "first": first, "second": second, "numbers": numbers}


# --------------------------------------------------------------------------- report

def _fit(xs: list[float], ys: list[float]) -> tuple[float, float]:
    """Least-squares line y = a + b·x."""
    n = len(xs)
    mx, my = sum(xs) / n, sum(ys) / n
    sxx = sum((x - mx) ** 2 for x in xs)
    b = sum((x - mx) * (y - my) for x, y in zip(xs, ys)) / sxx if sxx else 0.0
    return my - b * mx, b


def table(rows: list[dict]) -> str:
    lines = [
        "| scale | documents (generated + pool) | pages | first run s | s/document | pages/s | × text floor | "
        "× box floor | cores used (CPU/wall) | seconds with ≥ 1.5 cores busy | no-change run s | "
        "peak RSS tree MB (first / no-change) | recall of known facts | wrong values |",
        "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---:|---:|",
    ]
    for r in rows:
        f, s, fl, num = r["first"], r["second"], r["floors"], r["numbers"]
        pps = r["pages"] / f["seconds"]
        lines.append(
            f"| 1/{1 / r['scale']:.0f} | {r['documents']} ({r['generated']} + {r['pool']}) | {r['pages']} | "
            f"{f['seconds']:.0f} | {f['seconds'] / r['documents']:.2f} | {pps:.3g} | "
            f"{pps / fl['text']['pages_per_cpu_s']:.3g} | {pps / fl['boxes']['pages_per_cpu_s']:.3g} | "
            f"{f['cores']:.2f} | {f['busy_share']:.0%} | {s['seconds']:.0f} | "
            f"{f['tree_rss_mb']:.0f} / {s['tree_rss_mb']:.0f} | "
            f"{num['recall']:.1%} ({num['found']}/{num['expected']}) | {num['wrong']} |")
    return "\n".join(lines)


def floors_table(rows: list[dict]) -> str:
    lines = ["| scale | PDF pages | text floor pages/s | box floor pages/s |", "|---|---:|---:|---:|"]
    for r in rows:
        fl = r["floors"]
        lines.append(f"| 1/{1 / r['scale']:.0f} | {fl['text']['pages']} | {fl['text']['pages_per_cpu_s']:.0f} | "
                     f"{fl['boxes']['pages_per_cpu_s']:.0f} |")
    return "\n".join(lines)


def extrapolation(rows: list[dict]) -> str:
    if len(rows) < 3:
        return "(fewer than three scales: no fit)"
    xs = [r["documents"] for r in rows]
    out = []
    for name, ys, unit in (
        ("first run", [r["first"]["seconds"] for r in rows], "s"),
        ("no-change run", [r["second"]["seconds"] for r in rows], "s"),
        ("peak RSS of the tree, first run", [r["first"]["tree_rss_mb"] for r in rows], "MB"),
    ):
        a, b = _fit(xs, ys)
        if b <= 0:   # flat: the fitted slope is noise, not a saving per document
            out.append(f"- {name}: flat, no growth over the scales ({min(ys):.0f}–{max(ys):.0f} {unit}); "
                       f"full year ≈ {max(ys):.0f} {unit}")
            continue
        full = a + b * YEAR_DOCUMENTS
        extra = f" = {full / 60:.1f} min" if unit == "s" else ""
        out.append(f"- {name}: {a:.1f} {unit} + {b:.3f} {unit}/document → full year ({YEAR_DOCUMENTS} documents) "
                   f"≈ {full:.0f} {unit}{extra}")
    return "\n".join(out)


def section(rows: list[dict], total_s: float, load: tuple[float, float]) -> str:
    scales = ",".join(f"{r['scale']:g}" for r in rows)
    busy = "far above" if max(load) > 2.5 else "about" if max(load) > 1.5 else "below"
    unreadable = max((r["floors"]["text"].get("unreadable", 0) for r in rows), default=0)
    return "\n".join([
        SECTION,
        "",
        f"`nice -n 10 .venv/bin/python bench/national.py --fit {scales} --write` "
        f"(bench/national.py, `make bench-national`); measured {date.today().isoformat()} on {platform.machine()}, "
        f"Python {platform.python_version()}, {os.cpu_count()} CPUs; the 1-minute load average was "
        f"{load[0]:.1f} before and {load[1]:.1f} after ({busy} the {os.cpu_count()} cores; the benchmark's own "
        "work counts in it). The whole benchmark took "
        f"{total_s / 60:.1f} min.",
        "",
        "Each scale is a fresh data dir, Kolada offline: `kommunlager run` with every document new, then a "
        "second run with nothing new. Documents: generated reports (bench/generate.py: real kommuner, "
        "8 nämnder, månad/tertial/delår/helår, drift, personal and goal tables among running text, ~30 "
        "pages, a fifth as text files) with their facts known, and a quarter real files of "
        "../shared/corpus/pool/ (copied into the temporary inbox only). pages/s = all pages ÷ first-run wall "
        "time (extraction, Dagster, dbt, checks, publishing); × floor = that ÷ the pypdfium2 floor measured "
        "in the same run on the same PDFs, one process, per CPU second. Cores used = CPU time of the process "
        "tree ÷ wall time; seconds with ≥ 1.5 cores busy = share of the first run's 1-second windows in "
        "which the tree used at least 1.5 cores (CPU sampled from /proc). Peak RSS is the whole process tree (/proc, every 0.5 s). Recall: the generated "
        "documents' known facts found with their exact value in `raw.rapport_fakta` of the published "
        "warehouse; wrong = found with another value only.",
        "",
        table(rows),
        "",
        "Floors in the same runs (pages per CPU second, one process"
        + (f"; {unreadable} pool files that PDFium cannot open, e.g. HTML saved as .pdf, left out" if unreadable else "")
        + "):",
        "",
        floors_table(rows),
        "",
        "Fitted over the scales (least squares, seconds against documents):",
        "",
        extrapolation(rows),
        "",
    ])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--scale", type=float, default=0.1, help="share of a national year (default 0.1)")
    parser.add_argument("--fit", help="comma-separated scales to run and fit a line over (e.g. 0.025,0.05,0.1)")
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--no-pool", action="store_true", help="generated documents only")
    parser.add_argument("--write", action="store_true", help="replace the National year section of docs/benchmarks.md")
    parser.add_argument("--json", type=Path, help="also write the raw measurements here")
    args = parser.parse_args()
    scales = [float(s) for s in args.fit.split(",")] if args.fit else [args.scale]
    start = time.perf_counter()
    load_before = os.getloadavg()[0]
    rows = []
    with tempfile.TemporaryDirectory(prefix="kommunlager-national-") as tmp:
        for scale in scales:
            row = one_scale(scale, Path(tmp), args.seed, not args.no_pool)
            rows.append(row)
            print(table([row]).splitlines()[-1], flush=True)
            if args.json:   # after every scale: a long run that is stopped keeps what it measured
                args.json.write_text(json.dumps(rows, indent=1, default=str), encoding="utf-8")
            shutil.rmtree(Path(tmp) / f"scale-{scale:g}", ignore_errors=True)
    total = time.perf_counter() - start
    print(table(rows))
    print(extrapolation(rows))
    print(f"total {total:.0f} s")
    if args.json:
        args.json.write_text(json.dumps(rows, indent=1, default=str), encoding="utf-8")
    if args.write:
        replace_section(SECTION, section(rows, total, (load_before, os.getloadavg()[0])))
        print(f"wrote docs/benchmarks.md ({SECTION})")


if __name__ == "__main__":
    main()
