"""Atomic file writes, JSON reads and content hashes: the file I/O every package shares.

Files of the raw layer are written once, atomically (a temporary file in the same folder,
then ``os.replace``), so a reader never sees half a file and a killed writer leaves only a
``.<name>.<random>.tmp`` behind (``remove_stale`` clears those). They are created 0600
(``mkstemp``) in folders created 0700: the policy of ``PRIVATE_FILE``/``PRIVATE_DIR``.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
import time
import unicodedata
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

_CHUNK = 1 << 20

# File modes (docs/quality.md, "Filrättigheter"): the raw layer holds the unmasked originals
# (names, phone numbers), so everything under lake/ is the owner's alone; the warehouse is
# too unless the operator opens it to a group (KOMMUNLAGER_WAREHOUSE_GROUP_READ=1).
PRIVATE_FILE, PRIVATE_DIR = 0o600, 0o700
GROUP_FILE, GROUP_DIR = 0o640, 0o750
WAREHOUSE_GROUP_ENV = "KOMMUNLAGER_WAREHOUSE_GROUP_READ"


def warehouse_modes() -> tuple[int, int]:
    """(file mode, folder mode) of the published warehouse and its folder."""
    group = os.environ.get(WAREHOUSE_GROUP_ENV, "").strip().lower() in {"1", "true", "yes", "ja", "on"}
    return (GROUP_FILE, GROUP_DIR) if group else (PRIVATE_FILE, PRIVATE_DIR)


def private_dir(path: Path, mode: int = PRIVATE_DIR) -> Path:
    """Create ``path`` (and missing parents) and give ``path`` itself ``mode``."""
    path.mkdir(parents=True, exist_ok=True)
    if path.stat().st_mode & 0o777 != mode:
        os.chmod(path, mode)
    return path


def one_line_name(name: str) -> str:
    """A file name as it appears in one-line reasons and in ``filnamn``: control characters
    and line separators (a newline in a name would split the line) are escaped as ``\\n``,
    ``\\t``, ``\\x1b``, ``\\u2028``, and bytes that are not UTF-8 (surrogate escapes) as
    ``\\udcff``; everything else, å ä ö included, is kept."""
    return "".join(_ESCAPES.get(ch) or ch.encode("unicode_escape", "backslashreplace").decode("ascii")
                   if unicodedata.category(ch) in ("Cc", "Zl", "Zp", "Cs") else ch for ch in name)


_ESCAPES = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def now_iso() -> str:
    return datetime.now(timezone.utc).replace(microsecond=0).isoformat()


def _atomic(path: Path, write) -> None:
    path.parent.mkdir(mode=PRIVATE_DIR, parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    os.close(fd)
    try:
        write(Path(tmp))
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_json(path: Path, data: Any) -> None:
    _atomic(path, lambda p: p.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8"))


def write_parquet(path: Path, table: pa.Table) -> None:
    _atomic(path, lambda p: pq.write_table(table, p))


def write_text(path: Path, text: str) -> None:
    _atomic(path, lambda p: p.write_text(text, encoding="utf-8"))


def copy_file(src: Path, dest: Path) -> None:
    _atomic(dest, lambda p: shutil.copyfile(src, p))


def read_json(path: Path) -> Any:
    return json.loads(path.read_text(encoding="utf-8"))


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        while chunk := fh.read(_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def remove_stale(paths, max_age: float) -> list[Path]:
    """Remove the files not modified for ``max_age`` seconds (gone meanwhile is fine)."""
    removed = []
    now = time.time()
    for path in paths:
        try:
            if now - path.stat().st_mtime > max_age:
                path.unlink()
                removed.append(path)
        except FileNotFoundError:
            pass
    return removed


def clean_partial_writes(root: Path, max_age: float = 3600.0) -> list[Path]:
    """Remove half-written temporary files (``.<name>.<random>.tmp``) that a killed process
    left below ``root`` (the lake). Younger ones may belong to a writer that is still running."""
    return remove_stale(root.rglob(".*.tmp"), max_age)
