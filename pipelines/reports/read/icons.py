"""Status icons on PDF pages: small square pictures (or filled vector shapes) standing in a
status column or before an uppdrag, such as a green dot (mål uppfyllt), a green disc with a
check mark (✓ avslutad) or a blue ring with a play triangle (▶ pågående).

An icon is read from its rendered pixels, not from its file: colour (hue of the saturated
pixels) and shape (a filled disc, a disc with a light glyph inside, or a ring with a glyph:
triangle ▶ or two bars ⏸). The icon becomes a glyph token (``✓``, ``▶``, ``⏸``, ``●``)
with a colour word; ``vocabulary/status.yml`` maps tokens and colours to statuses, per kind
of column (mål or uppdrag).
"""

from __future__ import annotations

import colorsys
import ctypes

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from pipelines.reports.model import Icon

MIN_SIZE, MAX_SIZE = 5.0, 24.0      # points: an icon is about the height of a text line
MAX_ICONS = 200                     # more small pictures than this on a page: a chart or a map


def page_icons(page: pdfium.PdfPage) -> list[Icon]:
    """Small square pictures and small filled coloured shapes of a page, classified."""
    width, height = page.get_width(), page.get_height()
    boxes: list[tuple[float, float, float, float, tuple[int, int, int] | None]] = []
    try:
        for obj in page.get_objects(max_depth=3):
            if obj.type not in (pdfium_c.FPDF_PAGEOBJ_IMAGE, pdfium_c.FPDF_PAGEOBJ_PATH):
                continue
            left, bottom, right, top = obj.get_bounds()
            w, h = right - left, top - bottom
            if not (MIN_SIZE <= w <= MAX_SIZE and MIN_SIZE <= h <= MAX_SIZE and 0.75 <= w / h <= 1.33):
                continue
            fill = None
            if obj.type == pdfium_c.FPDF_PAGEOBJ_PATH:
                fill = _fill(obj)
                if fill is None or _color_name(fill) in ("grå", "svart", "vit"):
                    continue        # table rules, bullets and boxes, not status marks
            boxes.append((left, bottom, right, top, fill))
            if len(boxes) > MAX_ICONS:
                return []
    except pdfium.PdfiumError:
        return []
    icons: list[Icon] = []
    for left, bottom, right, top, fill in _merge(boxes):
        x0, x1, y0, y1 = left, right, height - top, height - bottom
        if any(abs(i.x0 - x0) < 1 and abs(i.top - y0) < 1 for i in icons):
            continue
        try:
            pixels = _render(page, left, bottom, right, top, width, height)
        except pdfium.PdfiumError:
            continue
        glyph, color = classify(pixels)
        if color in ("vit", "") or (fill is None and glyph == "?" and color in ("grå", "svart")):
            continue
        icons.append(Icon(x0, x1, y0, y1, glyph, color))
    return icons


def _merge(boxes):
    """Boxes overlapping another (a disc and the glyph drawn on it) as one box."""
    out: list[list] = []
    for b in sorted(boxes, key=lambda b: (b[2] - b[0]) * (b[3] - b[1]), reverse=True):
        for o in out:
            if b[0] >= o[0] - 1 and b[2] <= o[2] + 1 and b[1] >= o[1] - 1 and b[3] <= o[3] + 1:
                break
        else:
            out.append(list(b))
    return out


def _fill(obj) -> tuple[int, int, int] | None:
    r, g, b, a = (ctypes.c_uint() for _ in range(4))
    if not pdfium_c.FPDFPageObj_GetFillColor(obj.raw, r, g, b, a) or a.value < 128:
        return None
    mode, stroke = ctypes.c_int(), ctypes.c_int()
    if pdfium_c.FPDFPath_GetDrawMode(obj.raw, mode, stroke) and mode.value == 0:
        return None         # stroked only: an outline, not a filled mark
    return (r.value, g.value, b.value)


def render_crop(page, left, bottom, right, top, width, height) -> tuple[float, float, float, float] | None:
    """The crop (left, bottom, right, top margins of the rendered page) that leaves the box
    ``left, bottom, right, top`` (PDF user space), clipped to the page; None when less than
    a point of it is on the page.

    The box is in unrotated coordinates while ``width``/``height`` and the rendering are
    those of the page as shown, so a page with ``/Rotate`` (drawings in landscape) has the
    box turned first; a shape partly or wholly off the page (a bolag report's logo bleeding
    over the edge) is clipped, never handed to pdfium as a crop wider than the page."""
    rotation = page.get_rotation() % 360     # /Rotate turns the page clockwise when shown
    if rotation == 90:
        x0, x1, y0, y1 = bottom, top, height - right, height - left
    elif rotation == 180:
        x0, x1, y0, y1 = width - right, width - left, height - top, height - bottom
    elif rotation == 270:
        x0, x1, y0, y1 = width - top, width - bottom, left, right
    else:
        x0, x1, y0, y1 = left, right, bottom, top
    # (x0, x1) from the left edge and (y0, y1) from the bottom edge of the page as shown
    x0, x1 = max(x0, 0.0), min(x1, width)
    y0, y1 = max(y0, 0.0), min(y1, height)
    if x1 - x0 < 1 or y1 - y0 < 1:
        return None
    return (x0, y0, width - x1, height - y1)


def _render(page, left, bottom, right, top, width, height):
    size = max(right - left, top - bottom)
    scale = 24.0 / size
    crop = render_crop(page, left, bottom, right, top, width, height)
    if crop is None:
        return []
    bitmap = page.render(scale=scale, crop=crop, rev_byteorder=True)
    try:
        w, h = bitmap.width, bitmap.height
        n = bitmap.n_channels
        buf = bytes(bitmap.buffer)
        stride = bitmap.stride
        return [[tuple(buf[y * stride + x * n: y * stride + x * n + 3]) for x in range(w)] for y in range(h)]
    finally:
        bitmap.close()


def _color_name(rgb: tuple[int, int, int]) -> str:
    r, g, b = (v / 255 for v in rgb)
    h, s, v = colorsys.rgb_to_hsv(r, g, b)
    if v < 0.25:
        return "svart"
    if s < 0.25:
        return "vit" if v > 0.9 else "grå"
    deg = h * 360
    if deg < 15 or deg >= 330:
        return "röd"
    if deg < 40:
        return "orange"
    if deg < 70:
        return "gul"
    if deg < 170:
        return "grön"
    if deg < 260:
        return "blå"
    return "lila"


def classify(pixels: list[list[tuple[int, int, int]]]) -> tuple[str, str]:
    """(glyph, colour) of a rendered icon: ● filled disc, ✓ disc with a light mark inside,
    ▶ / ⏸ ring with a glyph inside, ? otherwise."""
    h = len(pixels)
    w = len(pixels[0]) if h else 0
    if not h or not w:
        return "?", ""
    names = [[_color_name(p) for p in row] for row in pixels]
    colored = [(y, x, n) for y, row in enumerate(names) for x, n in enumerate(row) if n not in ("vit", "grå")]
    if not colored:
        grey = sum(1 for row in names for n in row if n == "grå")
        return ("●", "grå") if grey > 0.3 * w * h else ("?", "vit")
    counts: dict[str, int] = {}
    for _y, _x, n in colored:
        counts[n] = counts.get(n, 0) + 1
    color = max(counts, key=counts.get)
    share = len(colored) / (w * h)
    # inner square (middle half): how much of it is light?
    ys, xs = range(h // 4, h - h // 4), range(w // 4, w - w // 4)
    inner = [(y, x) for y in ys for x in xs]
    inner_light = sum(1 for y, x in inner if names[y][x] in ("vit", "grå")) / max(len(inner), 1)
    if share >= 0.55 and inner_light < 0.08:
        return "●", color
    if share >= 0.4 and inner_light >= 0.08:
        return "✓", color       # a filled disc with a light glyph: the check mark
    # a ring with a glyph: triangle (mass leans left, one column run) or bars (two runs)
    inner_col = [(y, x) for y, x in inner if names[y][x] not in ("vit", "grå")]
    if not inner_col:
        return "?", color
    runs = _column_runs(sorted({x for _y, x in inner_col}))
    if runs >= 2:
        return "⏸", color
    heights = [sum(1 for _y, x in inner_col if x == c) for c in sorted({x for _y, x in inner_col})]
    if len(heights) >= 3 and heights[0] >= 2 * heights[-1] and max(heights) >= 3:
        return "▶", color       # column heights fall from left to right: a triangle
    return "?", color


def _column_runs(cols: list[int]) -> int:
    runs, prev = 0, None
    for c in cols:
        if prev is None or c > prev + 1:
            runs += 1
        prev = c
    return runs
