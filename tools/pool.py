"""Gold-free figures over a real inbox: ``../shared/corpus/pool/`` (issue 10 item 6).

    python -m tools.pool [--pool DIR] [--jobs 2] [--only SUBSTR ...] [--out FILE.json]
                         [--jsonl FILE.jsonl] [--from-jsonl FILE.jsonl ...]

Every file of the pool is extracted in place (never copied) and the run reports:

- crashes: files where ``extract_file`` raised (a traceback; expected problems come back as
  ``avvisad`` with a reason and are counted apart);
- facts per document class (``dokumenttyp``) and facts from classes that are not reports;
- facts from the files the *file names* say are drawings, delegation lists or staff lists:
  the labelled check of the classifier (the classifier itself never sees the file name);
- facts without period (no year and no period end);
- keys with two values: the fact's natural key in the marts (document, schema,
  measure/post, label, area, scenario, period, kön) carrying more than one value;
- the share of facts that pass an identity of their table (``kontroll = ok``), and how many
  are ``oklar`` (kept out of the marts' current facts).

Figures are counted over all facts and over the facts that reach the marts' current facts
(``kontroll`` not ``oklar``). ``--only`` restricts the run to files whose name contains one
of the given strings (a development subset). Files are extracted smallest first and, with
``--jsonl``, each file's result is appended to that file as soon as it is done, so an
interrupted pass still gives figures: ``--from-jsonl`` recomputes them from saved results
(restricted to the files every given result file holds, to compare two passes).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
import traceback
from collections import Counter, defaultdict
from concurrent.futures import ProcessPoolExecutor, as_completed
from pathlib import Path

from pipelines.config import PROJECT_ROOT

POOL_DIR = PROJECT_ROOT.parent / "shared" / "corpus" / "pool"
SKIP = {"README.md", "SHA256SUMS"}
# The labelled check: what the file name says a file is (never an input to the classifier).
LABELS = {
    "ritning": ("ritning", "situationsplan", "karta", "fotografi", "tomtplats"),
    "delegationslista": ("delegationslista", "delegationsbeslut", "anmalan-av-delegerade"),
    "personallista": ("avgangar", "nyanstallningar"),
}
_FACT_FIELDS = ("schema", "measure", "label", "area", "category", "goal", "unit", "scenario", "year", "period_end",
                "kon", "value", "check", "check_detail", "method", "page", "column")


def label_of(name: str) -> str | None:
    low = name.lower()
    for label, words in LABELS.items():
        if any(w in low for w in words):
            return label
    return None


def _one(path: str) -> dict:
    from pipelines.reports.extract import extract_file

    t0 = time.perf_counter()
    p = Path(path)
    try:
        result = extract_file(p)
    except Exception:  # noqa: BLE001 - a crash is what we measure
        return {"file": p.name, "crash": traceback.format_exc(), "seconds": time.perf_counter() - t0}
    info = result.info
    return {
        "file": p.name,
        "status": info.status,
        "orsak": info.orsak,
        "dokumenttyp": info.dokumenttyp,
        "sidor": info.sidor,
        "facts": [{k: getattr(f, k) for k in _FACT_FIELDS} for f in result.facts],
        "seconds": time.perf_counter() - t0,
    }


def natural_key(doc: str, f: dict) -> tuple:
    """The key of a fact within its document: schema, measure/post, label, area, category,
    goal, unit, scenario, period, kön, and the column header when there is no period (the
    marts' natural key, facts/meaning.py)."""
    def t(k):
        return " ".join((f.get(k) or "").split()).casefold()
    column = t("column") if f["year"] is None and not f["period_end"] else ""
    return (doc, f["schema"], f["measure"] or "", t("label"), t("area"), t("category"), t("goal"), f.get("unit") or "",
            f["scenario"] or "", f["year"], f["period_end"], f["kon"] or "", column)


def _report_types() -> set[str]:
    """The report classes (``gives: alla`` in vocabulary/classes.yml), fixed here so that two
    passes of different extractor versions are counted alike."""
    return {"manadsuppfoljning", "tertialrapport", "delarsrapport", "arsredovisning", "verksamhetsplan",
            "genomlysning", "statistikrapport", "kvalitetsberattelse", "uppfoljningsrapport"}


def figures(results: list[dict]) -> dict:
    reports = _report_types()
    crashes = [r for r in results if r.get("crash")]
    done = [r for r in results if not r.get("crash")]
    out: dict = {"files": len(results), "crashes": len(crashes),
                 "crash_files": {r["file"]: r["crash"].strip().splitlines()[-1] for r in crashes},
                 "avvisade": sum(r["status"] == "avvisad" for r in done),
                 "seconds": round(sum(r["seconds"] for r in results), 1)}
    for scope in ("all", "current"):
        facts_by_class: Counter = Counter()
        files_by_class: Counter = Counter()
        by_label: Counter = Counter()
        label_files: dict[str, list] = defaultdict(list)
        values: dict[tuple, set] = defaultdict(set)
        n = no_period = ok = oklar = non_report = non_report_table = unclassified = 0
        for r in done:
            facts = r["facts"] if scope == "all" else [f for f in r["facts"] if f["check"] != "oklar"]
            cls = r["dokumenttyp"] or "okand"
            files_by_class[cls] += 1
            facts_by_class[cls] += len(facts)
            label = label_of(r["file"])
            if label:
                by_label[label] += len(facts)
                if facts:
                    label_files[label].append(f"{r['file']} ({len(facts)})")
            if cls == "okand":
                unclassified += len(facts)
            elif cls not in reports:
                non_report += len(facts)
                non_report_table += sum(f["method"] != "narrative" for f in facts)
            for f in facts:
                n += 1
                no_period += f["year"] is None and f["period_end"] is None
                ok += f["check"] == "ok"
                oklar += f["check"] == "oklar"
                values[natural_key(r["file"], f)].add(f["value"])
        two = sum(len(v) > 1 for v in values.values())
        out[scope] = {
            "facts": n,
            "facts_by_class": dict(facts_by_class.most_common()),
            "files_by_class": dict(files_by_class.most_common()),
            "facts_from_non_reports": non_report,
            "table_facts_from_non_reports": non_report_table,
            "facts_from_unclassified": unclassified,
            "facts_from_labelled": dict(by_label),
            "labelled_files_with_facts": dict(label_files),
            "facts_without_period": no_period,
            "share_without_period": round(no_period / n, 4) if n else 0.0,
            "keys": len(values),
            "keys_with_two_values": two,
            "share_keys_two_values": round(two / len(values), 4) if values else 0.0,
            "facts_kontroll_ok": ok,
            "share_kontroll_ok": round(ok / n, 4) if n else 0.0,
            "facts_oklar": oklar,
        }
    out["labelled_files"] = {label: sum(label_of(r["file"]) == label for r in results) for label in LABELS}
    out["labelled_classes"] = {
        label: dict(Counter(r.get("dokumenttyp") or "okand" for r in done if label_of(r["file"]) == label))
        for label in LABELS}
    return out


def render(fig: dict) -> str:
    lines = [f"files {fig['files']}, crashes {fig['crashes']}, avvisade {fig['avvisade']}, "
             f"extraction {fig['seconds']} s (sum over files)"]
    for name, last in fig["crash_files"].items():
        lines.append(f"  CRASH {name}: {last}")
    for scope, title in (("all", "all facts"), ("current", "facts reaching the marts (kontroll not oklar)")):
        s = fig[scope]
        lines.append(f"{title}: {s['facts']}")
        lines.append(f"  from non-reports {s['facts_from_non_reports']} (table {s['table_facts_from_non_reports']}), "
                     f"unclassified {s['facts_from_unclassified']}; "
                     f"from labelled drawings/delegation/staff lists {s['facts_from_labelled']}")
        lines.append(f"  without period {s['facts_without_period']} ({s['share_without_period']:.1%}); "
                     f"keys with two values {s['keys_with_two_values']} of {s['keys']} "
                     f"({s['share_keys_two_values']:.1%}); kontroll ok {s['share_kontroll_ok']:.1%}; "
                     f"oklar {s['facts_oklar']}")
    lines.append("facts by class: " + ", ".join(f"{k} {v}" for k, v in fig["all"]["facts_by_class"].items()))
    lines.append("files by class: " + ", ".join(f"{k} {v}" for k, v in fig["all"]["files_by_class"].items()))
    lines.append(f"labelled files {fig['labelled_files']}; their classes {fig['labelled_classes']}")
    for label, files in fig["all"]["labelled_files_with_facts"].items():
        lines.append(f"  {label} with facts: {', '.join(files[:10])}")
    return "\n".join(lines)


def pool_files(pool: Path, only: list[str] | None = None) -> list[Path]:
    files = sorted(p for p in pool.iterdir() if p.is_file() and p.name not in SKIP)
    if only:
        files = [p for p in files if any(s.lower() in p.name.lower() for s in only)]
    return files


def load_saved(path: Path) -> dict[str, dict]:
    out = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            r = json.loads(line)
            out[r["file"]] = r
    return out


def markdown(names: list[str], figs: list[dict]) -> str:
    """The figures of several passes side by side, as a Markdown table."""
    def pct(x: float) -> str:
        return f"{x:.1%}".replace(".", ",")

    def row(title: str, get) -> str:
        return f"| {title} | " + " | ".join(get(f) for f in figs) + " |"

    lab = lambda f, scope: str(sum(f[scope]["facts_from_labelled"].values()))  # noqa: E731
    lines = ["| figure | " + " | ".join(names) + " |", "|---|" + "---:|" * len(names),
             row("files", lambda f: str(f["files"])), row("crashes", lambda f: str(f["crashes"])),
             row("avvisade (a status with a reason)", lambda f: str(f["avvisade"])),
             row("facts", lambda f: str(f["all"]["facts"])),
             row("facts from drawings, delegation and staff lists (file names)", lambda f: lab(f, "all")),
             row("facts from non-reports (class), of them table facts",
                 lambda f: f"{f['all']['facts_from_non_reports']}, {f['all']['table_facts_from_non_reports']}"),
             row("facts without period", lambda f: f"{f['all']['facts_without_period']} "
                                                   f"({pct(f['all']['share_without_period'])})"),
             row("keys with two values", lambda f: f"{f['all']['keys_with_two_values']} of {f['all']['keys']} "
                                                   f"({pct(f['all']['share_keys_two_values'])})"),
             row("facts passing an identity (kontroll ok)", lambda f: pct(f["all"]["share_kontroll_ok"])),
             row("facts oklar (kept, out of the marts)", lambda f: str(f["all"]["facts_oklar"])),
             row("facts reaching the marts' current facts", lambda f: str(f["current"]["facts"])),
             row("… of them without period", lambda f: pct(f["current"]["share_without_period"])),
             row("… keys with two values", lambda f: pct(f["current"]["share_keys_two_values"])),
             row("… passing an identity", lambda f: pct(f["current"]["share_kontroll_ok"]))]
    return "\n".join(lines)


def _from_saved(paths: list[Path], only: list[str] | None, as_markdown: bool = False) -> int:
    saved = [load_saved(p) for p in paths]
    common = set.intersection(*(set(s) for s in saved))
    if only:
        common = {n for n in common if any(o.lower() in n.lower() for o in only)}
    if as_markdown:
        print(markdown([p.stem for p in paths], [figures([r[n] for n in sorted(common)]) for r in saved]))
        return 0
    for path, results in zip(paths, saved):
        print(f"== {path} ({len(common)} files common to all given passes)")
        print(render(figures([results[n] for n in sorted(common)])))
    return 0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--pool", type=Path, default=POOL_DIR)
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--only", nargs="*", help="only files whose name contains one of these")
    ap.add_argument("--out", type=Path, help="write figures and per-file results as JSON")
    ap.add_argument("--jsonl", type=Path, help="append each file's result to this file as it is done")
    ap.add_argument("--from-jsonl", type=Path, nargs="*", help="figures from saved --jsonl results")
    ap.add_argument("--markdown", action="store_true", help="with --from-jsonl: one Markdown table of the passes")
    args = ap.parse_args(argv)
    if not args.pool.is_dir():
        print(f"{args.pool}: no pool directory (../shared/corpus/pool beside the project)", file=sys.stderr)
        return 2
    if args.from_jsonl:
        return _from_saved(args.from_jsonl, args.only, args.markdown)
    files = sorted(pool_files(args.pool, args.only), key=lambda p: (p.stat().st_size, p.name))
    results: list[dict] = []
    if args.jsonl and args.jsonl.exists():
        # resume an interrupted pass: the files already in the result file are not read again
        done = load_saved(args.jsonl)
        results = [done[p.name] for p in files if p.name in done]
        files = [p for p in files if p.name not in done]
    sink = args.jsonl.open("a", encoding="utf-8") if args.jsonl else None
    # (no max_tasks_per_child: on Python 3.11 replacing a retired worker can hang the pool)
    with ProcessPoolExecutor(max_workers=max(1, args.jobs)) as ex:
        futures = [ex.submit(_one, str(p)) for p in files]
        for i, fut in enumerate(as_completed(futures), 1):
            r = fut.result()
            results.append(r)
            if sink:
                sink.write(json.dumps(r, ensure_ascii=False, default=str) + "\n")
                sink.flush()
            if i % 25 == 0:
                print(f"  {i}/{len(files)}", file=sys.stderr, flush=True)
    if sink:
        sink.close()
    results.sort(key=lambda r: r["file"])
    fig = figures(results)
    print(render(fig))
    if args.out:
        per_file = [{k: v for k, v in r.items() if k != "facts"} | {"n_facts": len(r.get("facts", []))}
                    for r in results]
        args.out.write_text(json.dumps({"figures": fig, "files": per_file,
                                        "facts": {r["file"]: r.get("facts", []) for r in results}},
                                       ensure_ascii=False, indent=1, default=str))
    return 1 if fig["crashes"] else 0


if __name__ == "__main__":
    raise SystemExit(main())
