"""Finding report files: the inbox scan shared by the sensor, the nightly job and the CLI.

A document is identified by the SHA-256 of its bytes (its Dagster partition key). A file
under a sub-folder named by a 4-digit kommunkod (``inbox/reports/1440/x.pdf``) carries
that municipality.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

REPORT_SUFFIXES = {".pdf", ".txt", ".docx"}
KOMMUNKOD_DIR = re.compile(r"^\d{4}$")
_CHUNK = 1 << 20


@dataclass(frozen=True)
class InboxFile:
    path: Path
    sha256: str
    size: int
    kommun_kod: str | None

    @property
    def name(self) -> str:
        return self.path.name


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        while chunk := fh.read(_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def kommun_kod_from_path(path: Path, root: Path) -> str | None:
    """The nearest parent folder below ``root`` named by a 4-digit kommunkod."""
    try:
        parts = path.relative_to(root).parts[:-1]
    except ValueError:
        return None
    for part in reversed(parts):
        if KOMMUNKOD_DIR.match(part):
            return part
    return None


def scan(folders: list[Path]) -> list[InboxFile]:
    """Every report-like file under the folders, sorted by path; unreadable files skipped.

    Files with other suffixes are returned too (they get status ``avvisad`` downstream,
    so a user sees that the file was seen and why it was not loaded); hidden files and
    partial downloads are ignored.
    """
    found: list[InboxFile] = []
    for root in folders:
        if not root.is_dir():
            continue
        for path in sorted(p for p in root.rglob("*") if p.is_file()):
            if path.name.startswith(".") or path.suffix.lower() in {".part", ".crdownload", ".tmp"}:
                continue
            try:
                size = path.stat().st_size
                digest = sha256_file(path)
            except OSError:
                continue  # vanished or unreadable while scanning: the next scan sees it again
            found.append(InboxFile(path, digest, size, kommun_kod_from_path(path, root)))
    return found
