"""Intake: scan the report folders and keep every new file in the raw layer.

Shared by the sensor, the ``inkorg_rapporter`` asset and ``kommunlager run``.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from pipelines.config import Settings
from pipelines.lib.files import now_iso, read_json, write_json
from pipelines.reports.intake import lake, registry


@dataclass
class Intake:
    files: list[registry.InboxFile] = field(default_factory=list)
    new_sightings: int = 0
    problems: list[str] = field(default_factory=list)   # one line each

    @property
    def document_ids(self) -> list[str]:
        """Distinct content hashes, in scan order."""
        return list(dict.fromkeys(f.sha256 for f in self.files))


def _memo_path(settings: Settings):
    return settings.data_dir / "cache" / "inkorg_sha256.json"


def _load_memo(settings: Settings) -> dict[str, list]:
    """The hashes of the last scan (a cache: unreadable or missing means hash again)."""
    try:
        memo = read_json(_memo_path(settings))
        return memo if isinstance(memo, dict) else {}
    except (OSError, ValueError):
        return {}


def intake(settings: Settings) -> Intake:
    settings.ensure_dirs()
    result = Intake()
    scanned_at = now_iso()
    memo = _load_memo(settings)
    before = dict(memo)
    folders = settings.report_folders()
    scanned = registry.scan(folders, result.problems, memo)
    if memo != before:
        write_json(_memo_path(settings), memo)
    unreadable: list = []   # seen but not kept this time: still in the inbox
    for item in scanned:
        try:
            if lake.register(settings, item, intag=scanned_at):
                result.new_sightings += 1
            result.files.append(item)
        except FileNotFoundError:
            # Removed between the scan and the copy: gone, nothing to load and nothing wrong.
            continue
        except OSError as exc:
            unreadable.append(item.path)
            message = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
            result.problems.append(message if message.startswith(item.name) else f"{item.name}: {message}")
    # What is in the inbox now: a file no longer found was moved or withdrawn (lake.in_inbox).
    lake.write_inventory(settings, scanned_at, folders, [f.path for f in result.files] + unreadable)
    return result


def pending(settings: Settings, document_ids: list[str], version: str) -> list[str]:
    """Documents with no extraction by this extractor version yet."""
    return [d for d in document_ids if not lake.has_extraction(settings, d, version)]
