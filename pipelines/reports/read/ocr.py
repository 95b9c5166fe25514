"""Tables pasted as pictures (an Excel range copied into Word as an image), read with
Tesseract OCR into the same words, cells and lines as a PDF page's text layer.

Only the pictures of pages that have a text layer are read (a scanned page is a different
problem), only in documents of a report class (extract.py decides), and only pictures that
are mostly paper (a photo is skipped before Tesseract sees it). Each picture is rendered at ``DPI``, made black and white (a
coloured header fill becomes white) and read by ``tesseract --psm 6`` as TSV: every word
with its box, which becomes a :class:`Word` in PDF points at the picture's place on the page.
A line's words are split into cells by the PDF reader's gaps, so the table finder reads a
picture like any other table.

OCR misreads digits; numbers are sacred. A fact read from a picture keeps its place in the
warehouse only when its table's own identities hold (extract.py: anything else is
``oklar``). Tesseract is a Debian package (``tesseract-ocr``, ``tesseract-ocr-swe``; the
Makefile installs them); without it, or with ``KOMMUNLAGER_OCR=0``, pictures are warned
about and skipped as before.
"""

from __future__ import annotations

import csv
import io
import os
import shutil
import subprocess
from pathlib import Path
from statistics import median

from pipelines.reports.model import Line, Word
from pipelines.reports.read.layout import Gaps, make_line, words_to_cells
from pipelines.reports.read.pdf import PICTURE_PART, big_image_boxes, open_pdf

DPI = 300
# grey levels above this are paper: a yellow or blue header fill turns white, text black
THRESHOLD = 150
# a word box is about this share of the font size high (ascenders to descenders)
BOX_TO_FONT = 0.8
# a guard against a hung process only: a picture that passed the photo test is read however
# long it takes, so that a busy machine gives the same facts as an idle one
TIMEOUT_S = 300
MIN_CONFIDENCE = 30
# a picture of a table is mostly paper: more dark than this (at THRESHOLD) is a photo or a
# drawing, never read (a cover photo cost Tesseract over 20 s for nothing)
MAX_DARK_SHARE = 0.3
# OCR boxes are looser than a text layer's glyphs: the thousands space of "-355 019" comes out
# as wide as a third of the font size, while a picture's columns stand far apart
OCR_GAPS = Gaps(text_text=1.0, text_num=0.8, num_num=1.0)


class OcrError(RuntimeError):
    """Tesseract failed on a picture or took longer than ``TIMEOUT_S``."""


def available() -> bool:
    """Tesseract is installed and OCR is not turned off (``KOMMUNLAGER_OCR=0``)."""
    return os.environ.get("KOMMUNLAGER_OCR", "1") != "0" and shutil.which("tesseract") is not None


def picture_lines(path: Path, pages: list[int]) -> tuple[dict[int, list[Line]], dict[int, str]]:
    """The lines of the pictures on these pages (1-based) of a PDF, top to bottom, and why a
    page's pictures could not be read (Tesseract failed): the PDF is opened once."""
    doc = open_pdf(path)
    read: dict[int, list[Line]] = {}
    failed: dict[int, str] = {}
    try:
        for page_no in pages:
            try:
                read[page_no] = _page_lines(doc[page_no - 1], page_no)
            except OcrError as exc:
                failed[page_no] = str(exc)
    finally:
        doc.close()
    return read, failed


def _page_lines(page, page_no: int) -> list[Line]:
    width, height = page.get_size()
    scale = DPI / 72
    lines: list[Line] = []
    for left, bottom, right, top in big_image_boxes(page, PICTURE_PART):
        crop = (left, bottom, width - right, height - top)
        if _dark_share(page.render(scale=0.5, crop=crop).to_pil()) > MAX_DARK_SHARE:
            continue
        image = page.render(scale=scale, crop=crop).to_pil().convert("L").point(lambda v: 255 if v > THRESHOLD else 0)
        buf = io.BytesIO()
        image.save(buf, format="PNG")
        y0_page = height - top       # the picture's top, in the page's top-down points
        for boxes in _tesseract_lines(buf.getvalue()):
            # one font size per line: the median word box height
            fs = median(y1 - y0 for _, _, _, y0, y1 in boxes) / scale / BOX_TO_FONT
            words = [Word(text, left + x0 / scale, left + x1 / scale, y0_page + y0 / scale, y0_page + y1 / scale, fs)
                     for text, x0, x1, y0, y1 in boxes]
            lines.append(make_line(words_to_cells(words, OCR_GAPS), page_no))
    lines.sort(key=lambda ln: ln.top)
    for i, ln in enumerate(lines):
        ln.index = i
        ln.gap_above = ln.top - lines[i - 1].bottom if i else 99.0
    return lines


def _dark_share(image) -> float:
    """The share of a picture's pixels darker than ``THRESHOLD``."""
    histogram = image.convert("L").histogram()
    return sum(histogram[:THRESHOLD + 1]) / max(1, sum(histogram))


def _tesseract_lines(png: bytes) -> list[list[tuple[str, float, float, float, float]]]:
    """Words of a picture grouped by line: (text, x0, x1, top, bottom) in pixels."""
    try:
        run = subprocess.run(["tesseract", "stdin", "stdout", "-l", "swe", "--psm", "6", "tsv"], input=png,
                             capture_output=True, timeout=TIMEOUT_S, check=False,
                             env={**os.environ, "OMP_THREAD_LIMIT": "1"})   # one core: extraction runs in parallel
    except subprocess.TimeoutExpired as exc:
        raise OcrError(f"tesseract tog mer än {TIMEOUT_S} s") from exc
    except OSError as exc:
        raise OcrError(f"tesseract kunde inte startas: {exc}") from exc
    if run.returncode != 0:
        last = (run.stderr.decode(errors="replace").strip().splitlines() or ["okänt fel"])[-1]
        raise OcrError(f"tesseract: {last[:120]}")
    rows = csv.DictReader(io.StringIO(run.stdout.decode("utf-8", errors="replace")), delimiter="\t",
                          quoting=csv.QUOTE_NONE)
    lines: dict[tuple[str, str, str], list[tuple[str, float, float, float, float]]] = {}
    for r in rows:
        text = (r.get("text") or "").strip()
        if r.get("level") != "5" or not text or float(r.get("conf") or -1) < MIN_CONFIDENCE:
            continue
        x0, y0 = float(r["left"]), float(r["top"])
        lines.setdefault((r["block_num"], r["par_num"], r["line_num"]), []).append(
            (text, x0, x0 + float(r["width"]), y0, y0 + float(r["height"])))
    return [sorted(ws, key=lambda w: w[1]) for ws in lines.values()]
