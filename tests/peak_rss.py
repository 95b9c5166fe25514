"""Extract files one by one, each in its own forked process, and report its peak RSS.

``python -m tests.peak_rss FILE...`` prints one JSON line per file: name, status, reason,
facts, exit code and ``peak_mb`` (the child's ``ru_maxrss`` from ``wait4``: its high-water
mark, including the interpreter and code it inherited, as a fresh process would have).
The extractor is imported once, so a file costs a fork, not a Python start-up.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path


def measure(path: Path) -> dict:
    from pipelines.reports.extract import extract_file

    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:                               # the child: extract, report, exit
        os.close(read_end)
        code = 0
        try:
            result = extract_file(path)
            report = {"status": result.info.status, "orsak": result.info.orsak, "fakta": len(result.facts)}
        except BaseException as exc:           # noqa: BLE001 - reported, the test fails on it
            report, code = {"status": None, "orsak": f"{type(exc).__name__}: {exc}"[:500], "fakta": 0}, 3
        with os.fdopen(write_end, "w") as fh:
            fh.write(json.dumps(report))
        os._exit(code)
    os.close(write_end)
    with os.fdopen(read_end) as fh:
        raw = fh.read()
    _, status, usage = os.wait4(pid, 0)
    report = json.loads(raw) if raw else {"status": None, "orsak": "child died", "fakta": 0}
    return {"file": path.name, **report, "exit": os.waitstatus_to_exitcode(status),
            "peak_mb": usage.ru_maxrss / 1024}


def main(argv: list[str]) -> int:
    import pipelines.reports.extract  # noqa: F401 - imported once, before the forks

    for name in argv:
        print(json.dumps(measure(Path(name)), ensure_ascii=False), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
