"""``kommunlager sql`` without a query: a small interactive prompt on the read-only
warehouse. Statements end with ``;`` (they may span lines); ``.quit`` or end of input
leaves; ``.tables`` lists the tables. Line editing and history through readline when the
prompt is on a terminal."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import IO

from pipelines.export.files import format_table

def sql_error(exc: Exception) -> str:
    """A DuckDB error as one line; a refused write or file access says what works instead."""
    from pipelines.warehouse.readonly import READ_ONLY_HINT, refused

    first = (str(exc).strip().splitlines() or [type(exc).__name__])[0]
    return first + (f" ({READ_ONLY_HINT})" if refused(exc) else "")


HELP = "Avsluta med .quit, lista tabeller med .tables; en sats slutar med ';' (statements end with ';')."


def _readline(history: Path | None) -> None:
    try:
        import readline
    except ImportError:  # not on every platform
        return
    if history is None:
        return
    try:
        readline.read_history_file(history)
    except OSError:
        pass
    import atexit

    def save() -> None:
        try:
            readline.set_history_length(1000)
            readline.write_history_file(history)
        except OSError:
            pass

    atexit.register(save)


def run_prompt(con, stdin: IO[str] | None = None, out: IO[str] | None = None, err: IO[str] | None = None,
               history: Path | None = None) -> int:
    """Read statements from stdin until .quit or EOF; an error is one line and the prompt
    goes on. Returns the number of statements that failed."""
    import duckdb

    # the streams as they are now (not when this module was imported)
    stdin, out, err = stdin or sys.stdin, out or sys.stdout, err or sys.stderr

    tty = stdin.isatty()
    if tty:
        _readline(history)
        out.write(f"kommunlager sql (läsande) — {HELP}\n")
    failed = 0
    buffer: list[str] = []
    while True:
        prompt = ("   ...> " if buffer else "kommunlager> ") if tty else ""
        try:
            line = input(prompt) if tty and stdin is sys.stdin else stdin.readline()
        except EOFError:
            break
        if not tty and line == "":
            break
        line = line.rstrip("\n")
        if not buffer and line.strip() in (".quit", ".exit", "\\q"):
            break
        if not buffer and line.strip() == ".tables":
            line = "select table_schema, table_name from information_schema.tables order by 1, 2;"
        if not buffer and line.strip() in (".help", "help"):
            out.write(HELP + "\n")
            continue
        if not line.strip() and not buffer:
            continue
        buffer.append(line)
        if not line.rstrip().endswith(";"):
            continue
        sql = "\n".join(buffer).strip()
        buffer = []
        try:
            cursor = con.execute(sql)
            columns = [d[0] for d in cursor.description or []]
            rows = cursor.fetchall() if columns else []
        except duckdb.Error as exc:
            err.write(f"kommunlager: sql: {sql_error(exc)}\n")
            err.flush()
            failed += 1
            continue
        if columns:
            out.write(format_table(columns, rows) + "\n")
        out.flush()
    if buffer:
        err.write("kommunlager: sql: satsen saknar avslutande ';' och kördes inte (statement without ';' not run)\n")
        failed += 1
    return failed
