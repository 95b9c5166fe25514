"""The analysts' connection to the published warehouse: it reads, and it cannot write any file.

``connect_readonly(path)`` opens the warehouse file ``read_only`` and with DuckDB's
``enable_external_access = false`` and ``lock_configuration = true`` given at connect time.
Checked on DuckDB 2.0 (``tests/test_hardening.py``):

- still works: every table and view of the warehouse, ``information_schema``, ``SHOW``,
  ``DESCRIBE``, ``SUMMARIZE``, ``EXPLAIN``, temporary tables (in memory);
- refused: ``COPY … TO`` (any path, the warehouse itself and ``lake/`` included),
  ``EXPORT DATABASE``, ``ATTACH`` (read-write or read-only), ``read_csv``/``read_text``/``glob``
  of any file, ``INSTALL``/``LOAD`` of extensions, every ``SET``/``RESET``/``PRAGMA`` that
  changes a setting (the configuration is locked, so the options cannot be switched back),
  and ``CREATE``/``INSERT``/``UPDATE``/``DELETE`` on the warehouse (read-only attach).

Given at connect time the options do not block opening the warehouse file itself (DuckDB
checks external access for files a query names, not for the database it was opened on).
Writing files (``--out``, ``kommunlager export``) is done from Python with the rows this
connection returns, never by SQL.
"""

from __future__ import annotations

from pathlib import Path

import duckdb

# Appended to a refused statement's one-line error, so the analyst knows the way that works.
READ_ONLY_HINT = "lagret är skrivskyddat för frågor; skriv filer med --out eller 'kommunlager export'"


class WarehouseMissing(Exception):
    pass


def connect_readonly(path: Path) -> duckdb.DuckDBPyConnection:
    """A connection to the warehouse file at ``path`` that can read it and write nothing."""
    path = Path(path)
    if not path.exists():
        raise WarehouseMissing(f"{path}: inget publicerat lager ännu (run 'kommunlager run' first)")
    return duckdb.connect(
        str(path), read_only=True,
        config={"enable_external_access": False, "lock_configuration": True},
    )


def refused(error: duckdb.Error) -> bool:
    """True when ``error`` is DuckDB refusing a write or a file access on this connection."""
    text = str(error)
    return isinstance(error, duckdb.PermissionException) or "configuration has been locked" in text \
        or "attached in read-only mode" in text
