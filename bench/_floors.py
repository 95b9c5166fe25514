"""The pypdfium2 floors that extraction is measured against, in the same run on the same PDFs:
text only (every page's text), and text with every character's box (one ``FPDFText_GetCharBox``
per character, the least a reader of character boxes does). Both in CPU seconds of this
process, so that other work on a shared machine counts less."""

from __future__ import annotations

import ctypes
import time
from pathlib import Path


def floors(pdfs: list[Path]) -> dict:
    import pypdfium2 as pdfium
    import pypdfium2.raw as pdfium_c

    out = {}
    for name, boxes in (("text", False), ("boxes", True)):
        pages = 0
        t = time.process_time()
        w = time.perf_counter()
        left, right, bottom, top = ctypes.c_double(), ctypes.c_double(), ctypes.c_double(), ctypes.c_double()
        unreadable = 0
        for path in pdfs:
            try:
                pdf = pdfium.PdfDocument(str(path))
            except pdfium.PdfiumError:
                unreadable += 1   # e.g. an HTML page saved as .pdf (the pool has them); the product rejects it too
                continue
            try:
                for i in range(len(pdf)):
                    page = pdf[i]
                    tp = page.get_textpage()
                    tp.get_text_range()
                    if boxes:
                        raw = tp.raw
                        for j in range(pdfium_c.FPDFText_CountChars(raw)):
                            pdfium_c.FPDFText_GetCharBox(raw, j, left, right, bottom, top)
                    tp.close()
                    page.close()
                    pages += 1
            finally:
                pdf.close()
        cpu = time.process_time() - t
        out[name] = {"pages": pages, "cpu_s": cpu, "wall_s": time.perf_counter() - w,
                     "pages_per_cpu_s": pages / cpu if cpu else 0.0, "unreadable": unreadable}
    return out
