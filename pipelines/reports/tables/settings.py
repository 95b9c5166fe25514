"""How far apart things may be in a table: one object per kind of geometry.

PDF pages measure in points, and distances scale with the font size; layout text (``pdftotext
-layout``), tab text and Word tables measure in character columns and line numbers. Every
tolerance of the table finder is a named field here, so the finder has no branches on where
its lines came from, and the document's own words (for joining words broken across lines)
travel with it.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace


@dataclass(frozen=True)
class Reach:
    """A distance: ``per_fs`` × the font size (PDF points) plus ``fixed`` (characters or
    lines of a text), at least ``at_least``."""

    per_fs: float = 0.0
    fixed: float = 0.0
    at_least: float = 0.0

    def __call__(self, fs: float) -> float:
        return max(self.at_least, self.per_fs * fs + self.fixed)


@dataclass(frozen=True)
class TableSettings:
    name: str
    column: Reach          # right edges of one column's values (clustering, alignment)
    range_label: Reach     # a "-19" label standing under "20-25" labels
    row_gap: Reach         # the vertical gap that ends a table …
    row_gap_widest: float  # … or this times the widest gap between its rows so far
    total_gap: Reach       # a Summa row set off by blank lines still closes the table
    edge: Reach            # slack at the columns' edges (comments to the right, text over the columns)
    tight: Reach           # a label line this close to a row belongs to it (wrapped label)
    near: Reach            # a label line this close to a label-less row belongs to it (centred rows)
    label_slack: Reach     # a label cell may reach this far past the label column's end
    char: Reach            # about one character
    header_gap: Reach      # between two header lines
    first_header_gap: Reach  # between the header and the first row
    span_right: Reach      # header cells may reach this far right of the last column
    caption_gap: Reach     # between a caption line and the header
    header_reach: Reach    # a header cell over no column still belongs to the nearest within this
    comment_reach: Reach   # value cells further right than this are a comment column
    label_column_gap: Reach  # between two label columns (Verksamhet | Verksamhetsmått)
    band_gap: Reach | None   # header lines this close form one band (PDF); None: each line is a band
    grid: bool             # characters on a grid: one column's right edges drift by a few characters
    boxes: bool            # words have true boxes and font sizes: header words split at gaps,
                           # right-aligned runs, small print between rows
    continuations: bool    # a headerless table at the top of a page may continue the last one
    capital_wraps: bool    # a wrapped label line may start with a capital (gaps are measured)
    words: frozenset[str] = field(default_factory=frozenset)   # the document's words

    def with_words(self, words: frozenset[str]) -> "TableSettings":
        return replace(self, words=words)


PDF = TableSettings(
    name="pdf", column=Reach(0.35, at_least=2.0), range_label=Reach(0.5), row_gap=Reach(3.6), row_gap_widest=1.6,
    total_gap=Reach(8), edge=Reach(0.5), tight=Reach(0.45), near=Reach(0.7), label_slack=Reach(0.3),
    char=Reach(1.0), header_gap=Reach(1.6), first_header_gap=Reach(3.2), span_right=Reach(3),
    caption_gap=Reach(3.0), header_reach=Reach(1.5), comment_reach=Reach(2), label_column_gap=Reach(2),
    band_gap=Reach(0.2), grid=False, boxes=True, continuations=True, capital_wraps=True,
)

TEXT = TableSettings(
    name="text", column=Reach(fixed=1.2), range_label=Reach(fixed=1.0), row_gap=Reach(fixed=2), row_gap_widest=0.0,
    total_gap=Reach(fixed=6), edge=Reach(fixed=1), tight=Reach(), near=Reach(), label_slack=Reach(),
    char=Reach(fixed=1), header_gap=Reach(fixed=1), first_header_gap=Reach(fixed=1), span_right=Reach(fixed=3),
    caption_gap=Reach(fixed=2), header_reach=Reach(fixed=6), comment_reach=Reach(fixed=2),
    label_column_gap=Reach(fixed=50), band_gap=None, grid=True, boxes=False, continuations=False,
    capital_wraps=False,
)

SETTINGS = {"pdf": PDF, "text": TEXT}
