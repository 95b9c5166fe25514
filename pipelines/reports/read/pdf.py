"""Reading born-digital PDFs with pypdfium2: text per page, page kinds, and words with
boxes (from character boxes) on pages that look like tables."""

from __future__ import annotations

import ctypes
import math
import re
from operator import attrgetter
from dataclasses import dataclass
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from pipelines.reports.model import Block, Document, ExtractionError, Line, Page, Word
from pipelines.reports.read import budget
from pipelines.reports.read.icons import page_icons
from pipelines.reports.read.layout import PDF_GAPS, make_line, words_to_cells
from pipelines.reports.vocabulary import document_words

# A page with fewer characters than this has no usable text layer (scan or charts only).
MIN_TEXT_CHARS = 200
_SPACE_CHARS = {" ", "\u00a0", "\u202f", "\u2009", "\t"}
# a status column header on its own or at a line end: the page may hold a status table
_STATUS_HEADER = re.compile(r"(?:^|\s)(?:Status|Bedömning|Måluppfyllelse|Uppdragets status)(?: och kommentar)?\s*$", re.M)
_NUMBER_LINE = re.compile(r"\d[\d\s\u00a0\u202f,.%]*")
_NUMBERS = re.compile(r"(?<![\w,])[-−–+]?\d[\d\u00a0\u202f ]*(?:[,.]\d+)?\s?%?")
_DIGIT = re.compile(r"\d")
_BROKEN_WORD = re.compile(r"[\ufffe\u00ad]\s*\n\s*")


def open_pdf(path: Path, name: str | None = None) -> pdfium.PdfDocument:
    name = name or path.name
    head = path.read_bytes()[:1024] if path.stat().st_size else b""
    if not head:
        raise ExtractionError(f"{name}: tom fil (empty file)")
    if b"%PDF" not in head:
        raise ExtractionError(f"{name}: inte en PDF (no %PDF header)")
    try:
        return pdfium.PdfDocument(str(path))
    except pdfium.PdfiumError as exc:
        reason = str(exc).lower()
        if "password" in reason:
            raise ExtractionError(f"{name}: lösenordsskyddad PDF (password protected)") from None
        raise ExtractionError(f"{name}: trasig PDF ({exc})") from None


def _clean_page_text(text: str) -> str:
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    # U+FFFE / U+00AD mark a word broken at the line end: join the halves
    text = _BROKEN_WORD.sub("", text)
    return text.replace("\ufffe", "").replace("\u00ad", "")


def read_document(path: Path, name: str) -> Document:
    """A PDF as a Document: every page's text and kind; the pages that look like tables are
    the blocks the table finder reads."""
    pages = read_pages(path, name=name)
    blocks = [Block(p.lines, p.number) for p in pages if p.kind == "table"]
    return Document(name, "pdf", pages, blocks, paged=True, words=document_words([p.text for p in pages]),
                    source=path)


def page_texts(path: Path) -> list[str]:
    """Text of every page, soft hyphens removed and line ends normalised."""
    return [p.text for p in read_pages(path, boxes=False)]


def read_pages(path: Path, boxes: bool = True, name: str | None = None) -> list[Page]:
    """Every page's text and kind; words with boxes on pages that look like tables.
    ``name``: the file's name for reasons (default its own)."""
    name = name or path.name
    pdf = open_pdf(path, name)
    pages: list[Page] = []
    lim, chars = budget.limits(), 0
    try:
        budget.check_pages(name, len(pdf), lim)
        for i in range(len(pdf)):
            page = pdf[i]
            textpage = page.get_textpage()
            try:
                count = textpage.count_chars()     # the text budget, before the text is copied
                chars += count
                budget.check_chars(name, count, lim, page=i + 1)
                budget.check_chars(name, chars, lim)
                text = _clean_page_text(textpage.get_text_range())
                p = Page(i + 1, text, page.get_width(), page.get_height())
                p.kind = classify_page(text)
                if p.kind == "image" and len("".join(text.split())) >= 20:
                    p.kind = "text"     # a title page: little text, but a text layer
                p.has_image = bool(big_image_boxes(page, PICTURE_PART, first_only=True))
                if boxes and p.kind in ("text", "table"):
                    p.icons = page_icons(page)
                if boxes and (p.kind == "table" or p.icons or (p.kind == "text" and _STATUS_HEADER.search(text))):
                    p.lines = page_lines(textpage, p.height, p.number)
            finally:
                textpage.close()
                page.close()
            pages.append(p)
    except pdfium.PdfiumError as exc:
        raise ExtractionError(f"{name}: trasig PDF ({exc})") from None
    finally:
        pdf.close()
    return pages


# A picture covering this part of a page or more may be a pasted table (read/ocr.py reads it)
PICTURE_PART = 8


def big_image_boxes(page: pdfium.PdfPage, part: int = 3, first_only: bool = False
                    ) -> list[tuple[float, float, float, float]]:
    """(left, bottom, right, top) in points of the images covering 1/part of the page or more,
    also inside forms one level down, through the raw API (a Python object per page object
    cost more than the test itself); an object whose bounds cannot be read ends the search."""
    area = page.get_width() * page.get_height()
    left, bottom, right, top = ctypes.c_float(), ctypes.c_float(), ctypes.c_float(), ctypes.c_float()
    found: list[tuple[float, float, float, float]] = []

    def walk(count, get, parent, level: int) -> bool:
        n = count(parent)
        for i in range(max(0, n)):
            obj = get(parent, i)
            if not obj:
                return False
            kind = pdfium_c.FPDFPageObj_GetType(obj)
            if kind == pdfium_c.FPDF_PAGEOBJ_IMAGE:
                if not pdfium_c.FPDFPageObj_GetBounds(obj, left, bottom, right, top):
                    return False
                if (right.value - left.value) * (top.value - bottom.value) >= area / part:
                    found.append((left.value, bottom.value, right.value, top.value))
                    if first_only:
                        return False
            if kind == pdfium_c.FPDF_PAGEOBJ_FORM and level < 1:
                if not walk(pdfium_c.FPDFFormObj_CountObjects, pdfium_c.FPDFFormObj_GetObject, obj, level + 1):
                    return False
        return n >= 0

    walk(pdfium_c.FPDFPage_CountObjects, pdfium_c.FPDFPage_GetObject, page.raw, 0)
    return found


def classify_page(text: str) -> str:
    """``image`` (no text layer), ``chart`` (axis ticks and data labels, numbers in the
    picture), ``table`` (lines with several numbers), else ``text``."""
    stripped = "".join(text.split())
    if len(stripped) < MIN_TEXT_CHARS and not _DIGIT.search(stripped):
        return "image"
    lines = [ln.strip() for ln in text.split("\n") if ln.strip()]
    numeric_only = [ln for ln in lines if _NUMBER_LINE.fullmatch(ln)]
    if _has_axis(numeric_only) and len(stripped) < 600:
        return "chart"
    if len(stripped) < MIN_TEXT_CHARS and len(numeric_only) >= len(lines) / 2:
        return "chart"
    multi = 0
    for ln in lines:
        nums = _NUMBERS.findall(ln)
        if len(nums) >= 2 or (nums and len(ln) < 60):
            multi += 1
    if multi >= 2:
        return "table"
    if len(stripped) < MIN_TEXT_CHARS:
        return "image"
    return "text"


def _has_axis(numeric_lines: list[str]) -> bool:
    """Five or more single numbers in an even progression (0, 1000, 2000 …): a chart axis."""
    values: list[float] = []
    for ln in numeric_lines:
        t = ln.replace(" ", "").replace("\u00a0", "").replace(",", ".").rstrip("%")
        try:
            values.append(float(t))
        except ValueError:
            values = []
            continue
        if len(values) >= 5:
            steps = {round(b - a, 6) for a, b in zip(values[-5:], values[-4:])}
            if len(steps) == 1 and steps.pop() != 0:
                return True
    return False


# --------------------------------------------------------------------------- characters

@dataclass(slots=True)
class _Char:
    ch: str
    x0: float
    x1: float
    base: float      # baseline, top-down
    fs: float
    generated: bool


# every code point str.isspace() holds for, and the sort keys of characters
_WHITESPACE = frozenset(c for c in range(0x3001) if chr(c).isspace())   # the last is U+3000
_BY_BASE_X = attrgetter("base", "x0")
_BY_X = attrgetter("x0")

# a character turned by more than this (radians) is set sideways: a rotated side label
_UPRIGHT = 0.05


def _upright(angle: float) -> bool:
    turn = angle % (2 * math.pi)
    return min(turn, 2 * math.pi - turn) <= _UPRIGHT


def _fast_calls():
    """The per-character PDFium calls without ctypes argument conversion (half the cost of
    a call through pypdfium2.raw, whose argtypes convert every argument): the same library,
    the text page passed as a void pointer. None where the library cannot be reached so."""
    try:
        from pypdfium2_raw import bindings

        lib = ctypes.CDLL(bindings._libs["pdfium"]._name)
    except (ImportError, AttributeError, KeyError, OSError):
        return None
    calls = {}
    for name, restype in (("FPDFText_IsGenerated", ctypes.c_int), ("FPDFText_GetCharAngle", ctypes.c_float),
                          ("FPDFText_GetLooseCharBox", ctypes.c_int), ("FPDFText_GetCharOrigin", ctypes.c_int),
                          ("FPDFText_GetFontSize", ctypes.c_double), ("FPDFText_GetUnicode", ctypes.c_uint)):
        fn = getattr(lib, name)
        fn.restype = restype
        calls[name] = fn
    return calls


_FAST = _fast_calls()


def _codes(tp, n: int) -> list[int]:
    """The Unicode code of every character, read in one call (FPDFText_GetText); one call a
    character where the text and the character list do not line up (PDFium may insert or
    leave out characters in the text, and the text is UTF-16)."""
    buf = (ctypes.c_ushort * (n + 1))()
    got = pdfium_c.FPDFText_GetText(tp, 0, n, buf) if n else 0
    if got == n + 1:
        codes = list(buf[:n])
        if not any(0xD800 <= c <= 0xDFFF for c in codes):
            return codes
    return [pdfium_c.FPDFText_GetUnicode(tp, i) for i in range(n)]


# A character's loose box is its font's full height (ascent to descent) as drawn, about
# 0.9–1.2 × the font size; a reported size outside 1/2.5–2.5 × that is not the drawn one.
_SIZE_SPREAD = 2.5
_LOOSE_PER_EM = 1.1


def _chars(textpage: pdfium.PdfTextPage, height: float) -> tuple[list[_Char], list[_Side]]:  # noqa: C901
    """Upright characters with boxes (turned ones among upright text left out) and the runs of
    turned characters (for ``_sideways``), in one pass over the page's characters: each
    PDFium call once a character."""
    tp = textpage.raw
    n = pdfium_c.FPDFText_CountChars(tp)
    codes = _codes(tp, n)
    if _FAST is not None:
        tpv = ctypes.c_void_p(ctypes.cast(tp, ctypes.c_void_p).value)
        is_generated, char_angle = _FAST["FPDFText_IsGenerated"], _FAST["FPDFText_GetCharAngle"]
        loose_box, char_origin = _FAST["FPDFText_GetLooseCharBox"], _FAST["FPDFText_GetCharOrigin"]
        font_size = _FAST["FPDFText_GetFontSize"]
    else:
        tpv = tp
        is_generated, char_angle = pdfium_c.FPDFText_IsGenerated, pdfium_c.FPDFText_GetCharAngle
        loose_box, char_origin = pdfium_c.FPDFText_GetLooseCharBox, pdfium_c.FPDFText_GetCharOrigin
        font_size = pdfium_c.FPDFText_GetFontSize
    rect = pdfium_c.FS_RECTF()
    ox, oy = ctypes.c_double(), ctypes.c_double()
    rect_p, ox_p, oy_p = ctypes.byref(rect), ctypes.byref(ox), ctypes.byref(oy)
    out: list[_Char] = []
    sideways: list[int] = []
    runs: list[list[tuple[str, float, float, float, float]]] = []
    upright = 0
    last = -2
    keep_generated = _SPACE_CHARS | {"\ufffe", "\u00ad"}
    for i in range(n):
        code = codes[i]
        if code == 0x0D or code == 0x0A:
            continue
        angle = char_angle(tpv, i)   # -1: unknown
        turned = angle > 0 and not _upright(angle)
        have_box = False
        if code != 0x02:
            # sideways text: runs of turned characters
            if not turned:
                if code not in _WHITESPACE:
                    upright += 1
            else:
                loose_box(tpv, i, rect_p)
                have_box = True
                box = (chr(code), rect.left, rect.right, height - rect.top, height - rect.bottom)
                if runs and i == last + 1:
                    runs[-1].append(box)
                else:
                    runs.append([box])
                last = i
        ch = "\ufffe" if code == 0x02 else chr(code)   # PDFium marks a soft hyphen with 0x02
        generated = bool(is_generated(tpv, i))
        if generated:
            if ch not in keep_generated:
                continue
            if out:
                # a generated space stands right after the character before it in the text
                prev = out[-1]
                out.append(_Char(ch, prev.x1 - 0.01, prev.x1 - 0.01, prev.base, prev.fs, True))
                continue
        elif turned:
            sideways.append(len(out))
        if not have_box:
            loose_box(tpv, i, rect_p)
        char_origin(tpv, i, ox_p, oy_p)
        fs = font_size(tpv, i) or 10.0
        loose = rect.top - rect.bottom
        if loose > 0 and not (loose / _SIZE_SPREAD <= fs <= loose * _SIZE_SPREAD):
            # the nominal size (Tf) of text scaled by its matrix (a font set at size 1 and
            # drawn at 12): the loose box, the font's full height as drawn, gives the size
            fs = loose / _LOOSE_PER_EM
        out.append(_Char(ch, rect.left, rect.right, height - oy.value, fs, generated))
    if sideways and len(sideways) < 0.5 * len(out):
        # sideways text among upright text (a rotated group label beside a table's rows)
        # reads as noise when its letters are put on the horizontal lines they cross
        drop = set(sideways)
        out = [c for i, c in enumerate(out) if i not in drop]
    return out, _sideways(runs, upright)


@dataclass
class _Side:
    """Sideways text: one run of turned characters (x across, top/bottom along the run)."""
    text: str
    x0: float
    x1: float
    top: float
    bottom: float


def _sideways(runs: list[list[tuple[str, float, float, float, float]]], upright: int) -> list[_Side]:
    """Runs of turned characters that stand among upright text (a rotated group label
    ``Alingsås kommun förskolor`` beside a table's rows), in text order; none when turned
    characters are as many as the upright ones."""
    if not runs or sum(len(r) for r in runs) >= upright:
        return []
    out = []
    for run in runs:
        text = " ".join("".join(b[0] for b in run).split())
        if text:
            out.append(_Side(text, min(b[1] for b in run), max(b[2] for b in run),
                             min(b[3] for b in run), max(b[4] for b in run)))
    return out


def _mark_sides(lines: list[Line], sides: list[_Side]) -> None:
    """Each line beside a sideways label (to its right, within the label's span) gets the
    label's text as ``side``; a label whose lines stand one above the other is one label."""
    for side in sides:
        if len(side.text) < 3:
            continue
        for ln in lines:
            middle = (ln.top + ln.bottom) / 2
            if side.top <= middle <= side.bottom and side.x1 <= ln.x0 + 1:
                ln.side = side.text


def page_lines(textpage: pdfium.PdfTextPage, height: float, page_no: int) -> list[Line]:  # noqa: C901
    """Lines of cells from character boxes (top-down coordinates)."""
    # generated spaces are PDFium's word breaks: keep them
    chars, sides = _chars(textpage, height)
    if not chars:
        return []
    sizes = [c.fs for c in chars if not c.ch.isspace()]
    body_fs = _median(sizes) if sizes else 10.0
    normal = [c for c in chars if c.fs >= 0.72 * body_fs or c.ch.isspace()]
    small = [c for c in chars if c.fs < 0.72 * body_fs and not c.ch.isspace()]
    groups = _group_lines(normal)
    # small characters: their own line when they form one (footnote text), else superscripts
    small_groups = _group_lines(small)
    footnotes: dict[int, list[str]] = {}
    # each group's baseline, font size and extent, computed once
    shape = [_shape(g) for g in groups] if small_groups else []
    for sg in small_groups:
        text = "".join(c.ch for c in sorted(sg, key=lambda c: c.x0)).strip()
        host = None
        for gi, (base, fs, x0, x1) in enumerate(shape):
            if 0 <= base - sg[0].base <= 0.75 * fs and x0 - fs <= sg[0].x0 <= x1 + fs:
                host = gi
                break
        if host is not None and len(text) <= 3:
            footnotes.setdefault(host, []).append(text)
        else:
            groups.append(sg)
            shape.append(_shape(sg))
    groups.sort(key=lambda g: _median([c.base for c in g]))
    lines: list[Line] = []
    for gi, g in enumerate(groups):
        words = _words(g)
        if not words:
            continue
        line = make_line(words_to_cells(words, PDF_GAPS), page_no, len(lines))
        lines.append(line)
    lines.sort(key=lambda ln: (round(ln.top, 1), ln.x0))
    lines = _merge_offset_cells(lines)
    _mark_sides(lines, sides)
    for i, ln in enumerate(lines):
        ln.margin = ln.top < 0.07 * height or ln.bottom > 0.93 * height
        ln.index = i
        ln.gap_above = ln.top - lines[i - 1].bottom if i else 99.0
    return lines


def _median(values: list[float]) -> float:
    """statistics.median, without its generality (the same value: the middle one, or the
    mean of the two middle ones)."""
    data = sorted(values)
    n = len(data)
    if n % 2:
        return data[n // 2]
    return (data[n // 2 - 1] + data[n // 2]) / 2


def _shape(group: list[_Char]) -> tuple[float, float, float, float]:
    """A line group's median baseline, largest font size, left and right edge."""
    return (_median([c.base for c in group]), max(c.fs for c in group),
            min(c.x0 for c in group), max(c.x1 for c in group))


def _merge_offset_cells(lines: list[Line]) -> list[Line]:
    """A short lone cell set a little lower or higher than the line beside it (a stub ``År``
    bottom-aligned in a header row whose years are top-aligned) stands in that line's row:
    their boxes overlap by half a line or more, no cells overlap across, and the lone cell is
    a word in the line's own font size (a chart's data label beside running text is not)."""
    out: list[Line] = []
    for ln in lines:
        prev = out[-1] if out else None
        if prev is not None and (len(ln.cells) == 1 or len(prev.cells) == 1):
            lone, other = (ln, prev) if len(ln.cells) == 1 else (prev, ln)
            cell = lone.cells[0]
            height = min(ln.bottom - ln.top, prev.bottom - prev.top)
            overlap = min(ln.bottom, prev.bottom) - max(ln.top, prev.top)
            apart = all(cell.x1 < c.x0 or c.x1 < cell.x0 for c in other.cells)
            same_size = abs(lone.fs - other.fs) <= 0.15 * max(lone.fs, other.fs)
            if (height > 0 and overlap >= 0.5 * height and apart and len(cell.text.split()) <= 3
                    and cell.num is None and same_size):
                cells = sorted(prev.cells + ln.cells, key=lambda c: c.x0)
                merged = make_line(cells, prev.page, prev.index)
                merged.footnotes = prev.footnotes + ln.footnotes
                out[-1] = merged
                continue
        out.append(ln)
    return out


def _group_lines(chars: list[_Char]) -> list[list[_Char]]:
    """Characters sharing a baseline (within a third of the font size)."""
    groups: list[list[_Char]] = []
    for c in sorted(chars, key=_BY_BASE_X):
        if groups:
            last = groups[-1][-1]
            if abs(c.base - last.base) <= 0.3 * (c.fs if c.fs > last.fs else last.fs):
                groups[-1].append(c)
                continue
        groups.append([c])
    return [g for g in groups if any(not c.ch.isspace() for c in g)]


def _words(chars: list[_Char]) -> list[Word]:
    chars = sorted(chars, key=_BY_X)
    words: list[Word] = []
    cur: list[_Char] = []

    def flush() -> None:
        if not cur:
            return
        text = "".join(c.ch for c in cur)
        hyphen = "\ufffe" in text[-1:] or "\u00ad" in text[-1:]
        text = text.replace("\ufffe", "").replace("\u00ad", "")
        if text:
            fs = max([c.fs for c in cur])
            base = _median([c.base for c in cur])
            words.append(Word(text, cur[0].x0, cur[-1].x1, base - 0.8 * fs, base + 0.2 * fs, fs, hyphen))
        cur.clear()

    gen_space = False
    for c in chars:
        if c.ch in _SPACE_CHARS:
            if c.generated:
                gen_space = True     # PDFium's guess: a break only where there is a visible gap
            else:
                flush()
            continue
        gap = c.x0 - cur[-1].x1 if cur else 0.0
        if cur and (gap > 0.2 * c.fs or (gen_space and gap > -0.05 * c.fs)):
            flush()
        gen_space = False
        cur.append(c)
    flush()
    return words
