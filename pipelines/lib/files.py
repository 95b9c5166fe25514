"""Atomic file writes, JSON reads and content hashes: the file I/O every package shares.

Files of the raw layer are written once, atomically (a temporary file in the same folder,
then ``os.replace``), so a reader never sees half a file and a killed writer leaves only a
``.<name>.<random>.tmp`` behind (``remove_stale`` clears those).
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
import time
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

_CHUNK = 1 << 20


def now_iso() -> str:
    return datetime.now(timezone.utc).replace(microsecond=0).isoformat()


def _atomic(path: Path, write) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
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
