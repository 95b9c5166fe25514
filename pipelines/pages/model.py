"""What a report page shows: figures with their source (file, page, printed text)."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Kalla:
    """Where a figure was printed: the file, the page and the text as printed."""

    filnamn: str | None
    sida: int | None
    kalltext: str | None
    href: str | None = None   # the stored original, relative to the page, with #page=N

    def title(self) -> str:
        where = self.filnamn or "okänd fil"
        if self.sida:
            where += f", s. {self.sida}"
        return f"{where}: {self.kalltext}" if self.kalltext else where


@dataclass(frozen=True)
class Figur:
    """One number on the page, exactly as the mart holds it."""

    etikett: str
    varde: float | None
    enhet: str
    kalla: Kalla | None = None
    not_: str = ""            # why a value is missing, or how it was derived


@dataclass(frozen=True)
class Serie:
    namn: str
    punkter: list[tuple[str, Figur]]   # (x label, figure); figure.varde None = a gap


@dataclass(frozen=True)
class Sjukfranvaro:
    period: str
    namnd: Figur
    kommun: Figur
    riket: Figur
    liknande: Figur
    kolada_ar: int | None


@dataclass(frozen=True)
class Mal:
    typ: str
    mal: str
    indikator: str | None
    status: str | None
    status_kalla: str | None
    utfall: Figur
    period: str


@dataclass
class Sida:
    """One page: a kommun and a nämnd (namnd_id None: reports for the whole kommun)."""

    kommun_kod: str
    kommun_namn: str
    namnd_id: str | None
    namnd: str
    senaste_period: str | None = None
    avvikelser: list[Figur] = field(default_factory=list)        # per area, latest period
    avvikelse_post: str | None = None
    avvikelse_matt: str = "avvikelse_tkr"   # or avvikelse_prognos_tkr: the column of the bars
    serier: list[Serie] = field(default_factory=list)            # over tertials
    sjukfranvaro: list[Sjukfranvaro] = field(default_factory=list)
    mal: list[Mal] = field(default_factory=list)

    @property
    def fil(self) -> str:
        """The page's path under sidor/."""
        return f"{self.kommun_kod}/{slug(self.namnd)}.html"


def slug(text: str) -> str:
    """ASCII file name for a nämnd: 'Omsorgs- och arbetsmarknadsnämnden' → 'omsorgs-och-arbetsmarknadsnamnden'."""
    table = str.maketrans({"å": "a", "ä": "a", "ö": "o", "é": "e", "ü": "u"})
    out, dash = [], False
    for ch in text.lower().translate(table):
        if ch.isascii() and ch.isalnum():
            out.append(ch)
            dash = False
        elif not dash and out:
            out.append("-")
            dash = True
    return "".join(out).strip("-") or "namnd"
