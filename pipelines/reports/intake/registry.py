"""Finding report files: the inbox scan shared by the sensor, the nightly job and the CLI.

A document is identified by the SHA-256 of its bytes (its Dagster partition key). A file
under a sub-folder named by a 4-digit kommunkod (``inbox/reports/1440/x.pdf``) carries
that municipality.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from pipelines.lib.files import sha256_file

REPORT_SUFFIXES = {".pdf", ".txt", ".docx"}
# Downloads and editors still writing: never picked up (the finished file is).
PARTIAL_SUFFIXES = {".part", ".partial", ".crdownload", ".download", ".tmp", ".swp"}
CHANGED_WHILE_READ = "filen ändrades medan den lästes; den läses vid nästa körning (changed while being read)"
KOMMUNKOD_DIR = re.compile(r"^\d{4}$")


@dataclass(frozen=True)
class InboxFile:
    path: Path
    sha256: str
    size: int
    kommun_kod: str | None

    @property
    def name(self) -> str:
        return self.path.name


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


def _ignored(path: Path) -> bool:
    return path.name.startswith((".", "~$")) or path.suffix.lower() in PARTIAL_SUFFIXES


def _files(root: Path) -> list[Path]:
    out = []
    for p in root.rglob("*"):
        try:
            if p.is_file() and not _ignored(p):
                out.append(p)
        except OSError:
            continue
    return sorted(out)


def scan(folders: list[Path], problems: list[str] | None = None,
         memo: dict[str, list] | None = None) -> list[InboxFile]:
    """Every report-like file under the folders, sorted by path.

    ``memo`` (path → [size, mtime_ns, sha256]) spares re-reading a file whose size and
    modification time are unchanged since it was hashed: the sensor scans every 30 s, and
    hashing the whole inbox each time would read every byte of it. It is updated in place
    to the files found now.

    Files with other suffixes are returned too (they get status ``avvisad`` downstream,
    so a user sees that the file was seen and why it was not loaded); hidden files, Office
    lock files and partial downloads are ignored. A file that vanishes while it is read is
    skipped quietly (it is gone); one that cannot be read, or changes while it is hashed
    (size or mtime differ before and after), is skipped with one line in ``problems`` and
    seen again by the next scan.
    """
    found: list[InboxFile] = []
    problems = problems if problems is not None else []
    known = dict(memo) if memo is not None else {}
    seen: dict[str, list] = {}
    for root in folders:
        if not root.is_dir():
            continue
        for path in _files(root):
            try:
                before = path.stat()
                cached = known.get(str(path))
                if cached and cached[:2] == [before.st_size, before.st_mtime_ns]:
                    digest, after = cached[2], before
                else:
                    digest = sha256_file(path)
                    after = path.stat()
            except FileNotFoundError:
                continue
            except OSError as exc:
                problems.append(f"{path.name}: kan inte läsas ({exc.strerror or exc})")
                continue
            if (before.st_size, before.st_mtime_ns) != (after.st_size, after.st_mtime_ns):
                problems.append(f"{path.name}: {CHANGED_WHILE_READ}")
                continue
            seen[str(path)] = [after.st_size, after.st_mtime_ns, digest]
            found.append(InboxFile(path, digest, after.st_size, kommun_kod_from_path(path, root)))
    if memo is not None:
        memo.clear()
        memo.update(seen)
    return found
