"""The `kommunlager` command line (SPEC: run, extract, kolada fetch, sql, export).

Expected failures print one line on stderr and exit non-zero; no tracebacks.
Exit codes: 0 ok; 1 failed (nothing published / bad argument / network); 2 done, but some
input was rejected (documents avvisade, files that could not be read, rows in karantän).
"""

from __future__ import annotations

import argparse
import contextlib
import csv
import json
import os
import sys
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

from pipelines.config import Settings, disable_telemetry

EXIT_OK, EXIT_FAILED, EXIT_REJECTED = 0, 1, 2


class UsageError(Exception):
    pass


def _fail(message: str, code: int = EXIT_FAILED) -> int:
    print(f"kommunlager: {message}", file=sys.stderr)
    return code


@contextlib.contextmanager
def _output_to(log_path: Path) -> Iterator[object]:
    """Send everything Dagster, dbt and GX write (fd 1 and 2) to a log file; yield a stream
    to the real terminal for progress and the summary."""
    from pipelines.lib.files import PRIVATE_FILE, private_dir

    private_dir(log_path.parent)     # logs name files and documents: private (docs/quality.md)
    os.close(os.open(log_path, os.O_CREAT | os.O_WRONLY | os.O_APPEND, PRIVATE_FILE))
    sys.stdout.flush()
    sys.stderr.flush()
    saved_out, saved_err = os.dup(1), os.dup(2)
    terminal = os.fdopen(os.dup(saved_out), "w", buffering=1, encoding="utf-8")
    with log_path.open("ab") as log:
        os.dup2(log.fileno(), 1)
        os.dup2(log.fileno(), 2)
        try:
            yield terminal
        finally:
            sys.stdout.flush()
            sys.stderr.flush()
            os.dup2(saved_out, 1)
            os.dup2(saved_err, 2)
            os.close(saved_out)
            os.close(saved_err)
            terminal.close()


def cmd_run(args: argparse.Namespace) -> int:
    from pipelines.warehouse.publish import quality_guard_problem

    problem = quality_guard_problem()
    if problem:  # refused before any work: a run without its checks would publish unchecked
        return _fail(f"run: {problem}")
    from pipelines.runner import run_all
    from pipelines.summary import render

    if args.full:
        from pipelines.warehouse.fingerprint import FULL_BUILD_ENV

        os.environ[FULL_BUILD_ENV] = "1"
    settings = Settings.from_env()
    log_path = settings.data_dir / "logs" / f"run-{datetime.now():%Y%m%d-%H%M%S}.log"
    with _output_to(log_path) as terminal:
        tty = terminal.isatty()

        def progress(done: int, total: int, name: str) -> None:
            line = f"Dokument {done}/{total}: {name}"
            if tty:
                terminal.write("\r\033[K" + line + ("\n" if done == total else ""))
            elif done == total or done == 0 or not args.quiet:
                terminal.write(line + "\n")
            terminal.flush()

        def phase(line: str) -> None:
            terminal.write(("\r\033[K" if tty else "") + line + "\n")
            terminal.flush()

        try:
            report = run_all(settings, progress=progress, phase=phase)
        except Exception as exc:  # unexpected: one line here, the traceback in the log
            import traceback

            traceback.print_exc()
            terminal.write(f"kommunlager: run misslyckades: {type(exc).__name__}: {exc} (logg: {log_path})\n")
            return EXIT_FAILED
        terminal.write(render(settings, report) + "\n")
        terminal.write(f"Logg: {log_path}\n")
    if not (report.published or report.unchanged):
        return EXIT_FAILED
    return EXIT_REJECTED if report.rejected_anything else EXIT_OK


def cmd_extract(args: argparse.Namespace) -> int:
    from pipelines.lib.files import one_line_name
    from pipelines.reports.extract import extract_file_or_reason

    rejected = 0
    for name in args.files:
        path = Path(name)
        if not path.is_file():
            print(f"kommunlager: {one_line_name(name)}: filen finns inte (no such file)", file=sys.stderr)
            rejected += 1
            continue
        result, _traceback = extract_file_or_reason(path, kommun_kod=args.kommun)
        if not result.ok:
            print(f"kommunlager: {result.info.orsak}", file=sys.stderr)
            rejected += 1
            continue
        for warning in result.info.varningar:
            print(f"kommunlager: {one_line_name(path.name)}: {warning}", file=sys.stderr)
        for fact in result.facts:
            sys.stdout.write(json.dumps(fact.to_dict(), ensure_ascii=False) + "\n")
    return EXIT_REJECTED if rejected else EXIT_OK


def _ids(value: str) -> list[str]:
    ids = [v.strip() for v in value.split(",") if v.strip()]
    if not ids:
        raise UsageError(f"'{value}': tom lista (expected comma-separated ids)")
    return ids


def _years(value: str) -> list[int]:
    try:
        if "-" in value:
            a, b = (int(v) for v in value.split("-", 1))
            if a > b:
                raise ValueError
            return list(range(a, b + 1))
        return [int(v) for v in value.split(",")]
    except ValueError:
        raise UsageError(f"--years '{value}': expected A-B (e.g. 2019-2024) or a comma list") from None


KOLADA_COLUMNS = ["kpi", "municipality", "period", "gender", "value", "status", "count"]


def _write_rows(rows: list[dict], out: str | None) -> None:
    """Kolada rows (SPEC: kpi, municipality, period, gender, value, status, count; plus
    isdeleted when the API sent it) as JSON Lines on stdout or into .jsonl/.csv/.parquet."""
    columns = KOLADA_COLUMNS + (["isdeleted"] if any(r.get("isdeleted") is not None for r in rows) else [])
    rows = [{c: r.get(c) for c in columns} for r in rows]
    if not out:
        for row in rows:
            sys.stdout.write(json.dumps(row, ensure_ascii=False) + "\n")
        return
    path = Path(out)
    suffix = path.suffix.lower()
    if suffix not in (".jsonl", ".csv", ".parquet"):
        raise UsageError(f"--out {out}: unknown format '{suffix}' (use .parquet, .csv or .jsonl)")
    try:
        if suffix == ".jsonl":
            path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
        elif suffix == ".csv":
            with path.open("w", newline="", encoding="utf-8") as fh:
                writer = csv.DictWriter(fh, fieldnames=columns)
                writer.writeheader()
                writer.writerows(rows)
        else:
            import pyarrow as pa
            import pyarrow.parquet as pq

            from pipelines.kolada.store import VALUE_SCHEMA

            schema = pa.schema([VALUE_SCHEMA.field(c) for c in columns])
            pq.write_table(pa.Table.from_pylist(rows, schema=schema), path)
    except OSError as exc:
        raise UsageError(f"--out {out}: kan inte skrivas ({exc.strerror or exc})") from None


def _date(value: str | None) -> str | None:
    if value is None:
        return None
    try:
        return datetime.strptime(value, "%Y-%m-%d").date().isoformat()
    except ValueError:
        raise UsageError(f"--from-date '{value}': expected YYYY-MM-DD") from None


def cmd_kolada_fetch(args: argparse.Namespace) -> int:
    """Values from the API; every response page is also kept in the raw layer (lake/kolada/sidor)."""
    from pipelines.kolada.client import KoladaError, fetch_values
    from pipelines.kolada.store import write_page

    settings = Settings.from_env()
    kpis, munis, years = _ids(args.kpi), _ids(args.municipality), _years(args.years)
    from_date = _date(args.from_date)
    if settings.kolada_offline:
        return _fail("KOLADA_OFFLINE=1: kolada fetch needs the network")
    if args.out and Path(args.out).suffix.lower() not in (".jsonl", ".csv", ".parquet"):
        raise UsageError(f"--out {args.out}: unknown format '{Path(args.out).suffix}' (use .parquet, .csv or .jsonl)")

    def keep(url: str, fetched_at: str, status: int, text: str) -> None:
        write_page(settings, url, fetched_at, status, text)

    try:
        rows, problems = fetch_values(kpis, munis, years, settings.kolada_base_url, from_date=from_date, on_page=keep,
                                      on_retry=lambda line: print(f"kommunlager: kolada: {line}", file=sys.stderr))
    except KoladaError as exc:
        return _fail(f"kolada: {exc}")
    _write_rows(rows, args.out)
    for problem in problems:
        print(f"kommunlager: kolada: {problem}", file=sys.stderr)
    print(f"kommunlager: {len(rows)} värden", file=sys.stderr)
    return EXIT_REJECTED if problems else EXIT_OK


def cmd_kolada_import(args: argparse.Namespace) -> int:
    """Read export files as the inbox would (names → codes), without loading them."""
    from pipelines.kolada.exports import import_file
    from pipelines.kolada.load import export_lookup

    settings = Settings.from_env()
    lookup = export_lookup(settings)
    rows: list[dict] = []
    rejected = 0
    for name in args.files:
        path = Path(name)
        if not path.is_file():
            print(f"kommunlager: {name}: filen finns inte (no such file)", file=sys.stderr)
            rejected += 1
            continue
        result = import_file(path, lookup)
        if result.failed:
            print(f"kommunlager: {result.failed}", file=sys.stderr)
            rejected += 1
            continue
        for line in result.problems:
            print(f"kommunlager: {line}", file=sys.stderr)
        for note in result.notes:
            print(f"kommunlager: {path.name}: {note}", file=sys.stderr)
        rejected += bool(result.problems)
        rows.extend(result.rows)
        print(f"kommunlager: {path.name} ({result.format}): {result.count} värden, "
              f"{result.rejected_rows} rader kunde inte mappas", file=sys.stderr)
    _write_rows(rows, args.out)
    return EXIT_REJECTED if rejected else EXIT_OK


def _open_warehouse():
    """The analysts' read-only connection to the published warehouse (the one place it is
    opened for `sql` and `export`; pipelines/warehouse/readonly.py)."""
    from pipelines.warehouse.readonly import connect_readonly

    return connect_readonly(Settings.from_env().warehouse_path)


def _connect_for(out: Path | None, raw_out: str | None):
    """The connection for a command that may write ``--out``: the folder must exist and the
    warehouse open; None when it does not (the reason printed)."""
    from pipelines.warehouse.readonly import WarehouseMissing

    if out is not None and not out.parent.is_dir():
        raise UsageError(f"--out {raw_out}: katalogen {out.parent} finns inte (no such directory)")
    try:
        return _open_warehouse()
    except WarehouseMissing as exc:
        _fail(str(exc))
        return None


def cmd_sql(args: argparse.Namespace) -> int:
    """A query's result on stdout (table, csv, csv-sv, json) or in --out (csv-sv, parquet),
    written by this code from the result; without a query, an interactive prompt."""
    import duckdb

    from pipelines.export.files import format_table, write_csv_sv, write_parquet
    from pipelines.export.prompt import sql_error

    out = Path(args.out) if args.out else None
    if args.format == "parquet" and out is None:
        raise UsageError("--format parquet needs --out FILE.parquet")
    if out is not None and args.format not in ("csv-sv", "parquet"):
        raise UsageError(f"--out {args.out}: use --format csv-sv or parquet with --out")
    con = _connect_for(out, args.out)
    if con is None:
        return EXIT_FAILED
    try:
        if args.query is None:
            from pipelines.export.prompt import run_prompt

            # the prompt's history lives with the user, not beside the warehouse
            history = Path(os.environ.get("KOMMUNLAGER_SQL_HISTORY", Path.home() / ".kommunlager_sql_history"))
            return EXIT_FAILED if run_prompt(con, history=history) and not sys.stdin.isatty() else EXIT_OK
        try:
            if args.format == "parquet":
                relation = con.sql(args.query)
                if relation is None:
                    raise UsageError("--format parquet: the statement returns no rows to write")
                try:
                    write_parquet(relation, out)
                except OSError as exc:
                    raise UsageError(f"--out {args.out}: kan inte skrivas ({exc.strerror or exc})") from None
                print(f"kommunlager: {out}", file=sys.stderr)
                return EXIT_OK
            cursor = con.execute(args.query)
            columns = [d[0] for d in cursor.description or []]
            rows = cursor.fetchall()
        except duckdb.Error as exc:
            return _fail(f"sql: {sql_error(exc)}")
    finally:
        con.close()
    if args.format == "csv-sv":
        try:
            write_csv_sv(columns, rows, out if out is not None else sys.stdout)
        except OSError as exc:
            raise UsageError(f"--out {args.out}: kan inte skrivas ({exc.strerror or exc})") from None
    elif args.format == "csv":
        writer = csv.writer(sys.stdout)
        writer.writerow(columns)
        writer.writerows(rows)
    elif args.format == "json":
        for row in rows:
            sys.stdout.write(json.dumps(dict(zip(columns, row)), ensure_ascii=False, default=str) + "\n")
    else:
        print(format_table(columns, rows))
    return EXIT_OK


def cmd_export(args: argparse.Namespace) -> int:
    """The Excel workbook of the analyst answers (pipelines/export/workbook.py)."""
    import duckdb

    from pipelines.export.workbook import ExportError, write_workbook

    out = Path(args.out)
    if out.suffix.lower() != ".xlsx":
        raise UsageError(f"--out {args.out}: expected a file ending in .xlsx")
    con = _connect_for(out, args.out)
    if con is None:
        return EXIT_FAILED
    try:
        summary = write_workbook(con, out, kommun=args.kommun, namnd=args.namnd)
    except ExportError as exc:
        return _fail(f"export: {exc}")
    except duckdb.Error as exc:  # e.g. a warehouse published before the marts existed
        return _fail(f"export: {str(exc).splitlines()[0]} (run 'kommunlager run' to rebuild the warehouse)")
    except OSError as exc:
        return _fail(f"--out {args.out}: kan inte skrivas ({exc.strerror or exc})")
    finally:
        con.close()
    print(f"kommunlager: {out}: " + ", ".join(f"{blad} {n}" for blad, n in summary.items()), file=sys.stderr)
    return EXIT_OK


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="kommunlager", description="Data warehouse for municipal social services.")
    sub = parser.add_subparsers(dest="command", required=True)

    run = sub.add_parser("run", help="materialize every asset once (the nightly load)")
    run.add_argument("--quiet", action="store_true", help="no per-document progress lines when not on a terminal")
    run.add_argument("--full", action="store_true",
                     help="build and check the warehouse even when nothing changed since it was published")
    run.set_defaults(func=cmd_run)

    extract = sub.add_parser("extract", help="extract facts from report files as JSON Lines")
    extract.add_argument("files", nargs="+", metavar="FILE")
    extract.add_argument("--kommun", help="4-digit kommunkod of the documents, when known")
    extract.set_defaults(func=cmd_extract)

    kolada = sub.add_parser("kolada", help="Kolada commands")
    ksub = kolada.add_subparsers(dest="kolada_command", required=True)
    fetch = ksub.add_parser("fetch", help="fetch values from the Kolada API v3")
    fetch.add_argument("--kpi", required=True, help="KPI ids, comma-separated (N00090,U21468)")
    fetch.add_argument("--municipality", required=True, help="kommun ids, comma-separated (1440,0000)")
    fetch.add_argument("--years", required=True, help="A-B, e.g. 2019-2024")
    fetch.add_argument("--from-date", help="only values changed since YYYY-MM-DD (the API's from_date)")
    fetch.add_argument("--out", help="PATH ending in .parquet, .csv or .jsonl (default: JSON Lines on stdout)")
    fetch.set_defaults(func=cmd_kolada_fetch)
    imp = ksub.add_parser("import", help="read Kolada export files (CSV/XLSX/JSON) as the inbox would, without loading")
    imp.add_argument("files", nargs="+", metavar="FILE")
    imp.add_argument("--out", help="PATH ending in .parquet, .csv or .jsonl (default: JSON Lines on stdout)")
    imp.set_defaults(func=cmd_kolada_import)

    sql = sub.add_parser("sql", help="query the published warehouse (read-only); no query: a prompt")
    sql.add_argument("query", nargs="?", help="one SQL statement (omit for an interactive prompt)")
    sql.add_argument("--format", choices=["table", "csv", "csv-sv", "json", "parquet"], default="table",
                     help="csv-sv: ';', decimal comma, UTF-8 with BOM (Swedish Excel); parquet needs --out")
    sql.add_argument("--out", help="write the result to this file (csv-sv or parquet)")
    sql.set_defaults(func=cmd_sql)

    export = sub.add_parser("export", help="an Excel workbook of the analyst answers, with charts and sources")
    export.add_argument("--out", required=True, help="FILE.xlsx")
    export.add_argument("--kommun", help="only this kommun (4-digit kod)")
    export.add_argument("--namnd", help="only this nämnd (its name, case-insensitive)")
    export.set_defaults(func=cmd_export)
    return parser


def main(argv: list[str] | None = None) -> int:
    disable_telemetry()
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return args.func(args)
    except UsageError as exc:
        return _fail(str(exc))
    except KeyboardInterrupt:
        return _fail("avbruten (interrupted)", 130)
    except BrokenPipeError:
        return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
