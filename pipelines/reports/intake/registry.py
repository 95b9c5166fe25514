"""Finding report files: the inbox scan shared by the sensor, the nightly job and the CLI.

A document is identified by the SHA-256 of its bytes (its Dagster partition key). A file
under a sub-folder named by a 4-digit kommunkod (``inbox/reports/1440/x.pdf``) carries
that municipality.

Symbolic links: a link whose target lies inside the scanned folder is read like the file
it points to (the same bytes, so the same document; a second name of it is a dubblett). A
link that leads out of the folder (``ln -s /etc/passwd inbox/reports/x.txt``), or whose
target is missing, is never read or copied: it is returned with ``refused`` set, and the
document gets status ``avvisad`` with that reason. Its id is the hash of the link's path
and target, not of content, since the content is not ours to read.
"""

from __future__ import annotations

import hashlib
import os
import re
from dataclasses import dataclass
from pathlib import Path

from pipelines.lib.files import one_line_name, sha256_file

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
    # why the file's bytes are not read (a link out of the inbox); None for a normal file
    refused: str | None = None

    @property
    def name(self) -> str:
        """The file name for reasons and ``filnamn`` (control characters escaped)."""
        return one_line_name(self.path.name)


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
    """Regular files and symbolic links below ``root`` (links to folders are not entered:
    ``rglob`` does not follow them, and a link to a folder is not a report)."""
    out = []
    for p in root.rglob("*"):
        try:
            if _ignored(p):
                continue
            if p.is_symlink():
                if not p.is_dir():
                    out.append(p)
            elif p.is_file():
                out.append(p)
        except OSError:
            continue
    return sorted(out)


def link_refusal(path: Path, root: Path) -> str | None:
    """Why the link ``path`` is not followed, or None when it is a plain file or a link to
    a file inside ``root``."""
    if not path.is_symlink():
        return None
    target = os.readlink(path)
    try:
        resolved = path.resolve(strict=True)
    except (OSError, RuntimeError):
        return f"{one_line_name(path.name)}: symbolisk länk till något som inte finns ({one_line_name(target)}); läses inte (dangling symlink)"
    if not resolved.is_relative_to(root.resolve()):
        return (f"{one_line_name(path.name)}: symbolisk länk ut ur inkorgen ({one_line_name(target)}); "
                "läses inte och kopieras inte (symlink leaving the inbox)")
    if not resolved.is_file():
        return f"{one_line_name(path.name)}: symbolisk länk till något som inte är en fil ({one_line_name(target)})"
    return None


def _refused_item(path: Path, root: Path, reason: str) -> InboxFile:
    digest = hashlib.sha256(f"symlink\0{path}\0{os.readlink(path)}".encode("utf-8", "surrogateescape")).hexdigest()
    return InboxFile(path, digest, 0, kommun_kod_from_path(path, root), refused=reason)


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
                refusal = link_refusal(path, root)
                if refusal:
                    found.append(_refused_item(path, root, refusal))
                    continue
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
                problems.append(f"{one_line_name(path.name)}: kan inte läsas ({exc.strerror or exc})")
                continue
            if (before.st_size, before.st_mtime_ns) != (after.st_size, after.st_mtime_ns):
                problems.append(f"{one_line_name(path.name)}: {CHANGED_WHILE_READ}")
                continue
            seen[str(path)] = [after.st_size, after.st_mtime_ns, digest]
            found.append(InboxFile(path, digest, after.st_size, kommun_kod_from_path(path, root)))
    if memo is not None:
        memo.clear()
        memo.update(seen)
    return found
