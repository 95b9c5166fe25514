"""What extraction says about one document (beside its facts).

``DocumentInfo`` is written to the raw layer next to the facts and becomes a row of
``dim_dokument``; ``ExtractionResult`` is what ``extract_file`` returns.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

from pipelines.reports.facts import Fact

# dim_dokument.status (SPEC)
LADDAD = "laddad"
AVVISAD = "avvisad"
DUBBLETT = "dubblett"


class ExtractionError(Exception):
    """An expected failure of one document: its message is the one-line reason (orsak)."""


@dataclass
class DocumentInfo:
    filnamn: str
    sha256: str | None = None
    storlek: int | None = None
    format: str | None = None            # pdf | txt | docx
    kommun_kod: str | None = None
    kommun: str | None = None
    namnd: str | None = None
    dokumenttyp: str | None = None       # uppfoljningsrapport, delarsrapport, manadsuppfoljning …
    period_typ: str | None = None        # manad | tertial | kvartal | delar | helar
    period_slut: str | None = None       # ISO date of the report period's end
    ar: int | None = None
    sidor: int | None = None
    bildsidor: list[int] = field(default_factory=list)   # pages without a usable text layer
    status: str = LADDAD
    orsak: str | None = None
    varningar: list[str] = field(default_factory=list)
    extraktor_version: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class ExtractionResult:
    info: DocumentInfo
    facts: list[Fact] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.info.status == LADDAD
