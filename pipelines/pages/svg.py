"""Charts as inline SVG, drawn here so the page works offline and a test can count them.

Every bar and point is a link to its source (``<a href>``) with the printed text as its
``<title>`` (the browser's tooltip), and carries the mart's value in ``data-varde``.
"""

from __future__ import annotations

from html import escape

from pipelines.pages.model import Figur, Serie

BAR_ROW = 28
LABEL_W = 250
PLOT_W = 360
VALUE_W = 110
COLOURS = ("#1f5f99", "#c2571a", "#2e8540", "#6f4e9c")


def siffra(v: float | None, enhet: str = "") -> str:
    """A number as Swedish text: space for thousands, decimal comma, a real minus sign."""
    if v is None:
        return "–"
    decimals = next((d for d in range(4) if round(v, d) == v), 3)
    text = f"{abs(v):,.{decimals}f}".replace(",", "\u00a0").replace(".", ",")
    text = ("\u2212" if v < 0 else "") + text
    return f"{text}\u00a0{enhet}" if enhet else text


def _attr(text: str | None) -> str:
    return escape(text or "", quote=True)


def _linked(fig: Figur, inner: str) -> str:
    """The element wrapped in a link to its source, with the printed text as tooltip."""
    title = fig.kalla.title() if fig.kalla else "källa saknas"
    if fig.not_:
        title += f" ({fig.not_})"
    body = f"<title>{escape(f'{fig.etikett}: {siffra(fig.varde, fig.enhet)} — {title}')}</title>{inner}"
    href = fig.kalla.href if fig.kalla else None
    return f'<a href="{_attr(href)}" target="_blank">{body}</a>' if href else f"<g>{body}</g>"


def _short(text: str, n: int = 36) -> str:
    return text if len(text) <= n else text[: n - 1] + "…"


def stapeldiagram(figurer: list[Figur], *, rubrik: str, tecken: bool = True) -> str:
    """Horizontal bars, one per figure; with ``tecken`` positive (better) in green and
    negative in red, else all in one colour (levels such as sick leave)."""
    values = [f.varde for f in figurer if f.varde is not None]
    lo, hi = min([0.0, *values]), max([0.0, *values])
    span = (hi - lo) or 1.0
    x = lambda v: LABEL_W + (v - lo) / span * PLOT_W  # noqa: E731
    height = BAR_ROW * len(figurer) + 30
    width = LABEL_W + PLOT_W + VALUE_W
    parts = [f'<svg class="diagram stapeldiagram" role="img" xmlns="http://www.w3.org/2000/svg" '
             f'width="{width}" height="{height}" viewBox="0 0 {width} {height}" aria-label="{_attr(rubrik)}">']
    for i, fig in enumerate(figurer):
        y = 10 + i * BAR_ROW
        v = fig.varde or 0.0
        x0, x1 = sorted((x(0.0), x(v)))
        colour = COLOURS[0] if not tecken else "#2e8540" if v >= 0 else "#b3261e"
        rect = (f'<rect class="stapel" data-varde="{fig.varde!r}" data-etikett="{_attr(fig.etikett)}" '
                f'x="{x0:.1f}" y="{y}" width="{max(x1 - x0, 1):.1f}" height="{BAR_ROW - 8}" fill="{colour}"/>')
        parts.append(f'<text x="{LABEL_W - 8}" y="{y + 15}" text-anchor="end" font-size="12">'
                     f"{escape(_short(fig.etikett))}</text>")
        if fig.varde is None:   # no bar: the reason instead
            parts.append(f'<text class="saknas" x="{x(0.0) + 6:.1f}" y="{y + 15}" font-size="11" fill="#777">'
                         f"<title>{escape(fig.not_)}</title>saknas</text>")
            continue
        parts.append(_linked(fig, rect))
        parts.append(f'<text class="varde" x="{LABEL_W + PLOT_W + 6}" y="{y + 15}" font-size="12">'
                     f"{escape(siffra(fig.varde, fig.enhet))}</text>")
    zero = x(0.0)
    parts.append(f'<line x1="{zero:.1f}" y1="4" x2="{zero:.1f}" y2="{height - 20}" stroke="#333"/>')
    parts.append(f'<text x="{zero:.1f}" y="{height - 6}" text-anchor="middle" font-size="11">0</text>')
    parts.append("</svg>")
    return "".join(parts)


def linjediagram(serier: list[Serie], *, rubrik: str, enhet: str) -> str:
    """One line per series over the x labels (periods); a missing value breaks the line."""
    labels = list(dict.fromkeys(lbl for s in serier for lbl, _ in s.punkter))
    values = [f.varde for s in serier for _, f in s.punkter if f.varde is not None]
    lo, hi = min([0.0, *values]), max([0.0, *values])
    span = (hi - lo) or 1.0
    left, top, plot_w, plot_h = 90, 20, 520, 200
    width, height = left + plot_w + 290, top + plot_h + 50
    step = plot_w / max(len(labels) - 1, 1)
    xs = {lbl: left + (i * step if len(labels) > 1 else plot_w / 2) for i, lbl in enumerate(labels)}
    y = lambda v: top + (hi - v) / span * plot_h  # noqa: E731
    parts = [f'<svg class="diagram linjediagram" role="img" xmlns="http://www.w3.org/2000/svg" '
             f'width="{width}" height="{height}" viewBox="0 0 {width} {height}" aria-label="{_attr(rubrik)}">']
    for k in range(5):
        v = lo + span * k / 4
        parts.append(f'<line x1="{left}" x2="{left + plot_w}" y1="{y(v):.1f}" y2="{y(v):.1f}" stroke="#ddd"/>'
                     f'<text x="{left - 6}" y="{y(v) + 4:.1f}" text-anchor="end" font-size="11">'
                     f"{escape(siffra(round(v), ''))}</text>")
    parts.append(f'<line x1="{left}" x2="{left + plot_w}" y1="{y(0.0):.1f}" y2="{y(0.0):.1f}" stroke="#333"/>')
    for lbl, px in xs.items():
        parts.append(f'<text x="{px:.1f}" y="{top + plot_h + 18}" text-anchor="middle" font-size="11">'
                     f"{escape(lbl)}</text>")
    for n, serie in enumerate(serier):
        colour = COLOURS[n % len(COLOURS)]
        segments, current = [], []
        for lbl, fig in serie.punkter:
            if fig.varde is None:
                segments.append(current)
                current = []
            else:
                current.append(f"{xs[lbl]:.1f},{y(fig.varde):.1f}")
        segments.append(current)
        for seg in (s for s in segments if len(s) > 1):
            parts.append(f'<polyline class="linje" fill="none" stroke="{colour}" stroke-width="2" '
                         f'points="{" ".join(seg)}"/>')
        for lbl, fig in serie.punkter:
            if fig.varde is None:
                continue
            dot = (f'<circle class="punkt" data-serie="{_attr(serie.namn)}" data-period="{_attr(lbl)}" '
                   f'data-varde="{fig.varde!r}" cx="{xs[lbl]:.1f}" cy="{y(fig.varde):.1f}" r="4" fill="{colour}"/>')
            parts.append(_linked(fig, dot))
        ly = top + 14 + n * 18
        parts.append(f'<rect x="{left + plot_w + 14}" y="{ly - 9}" width="12" height="4" fill="{colour}"/>'
                     f'<text x="{left + plot_w + 30}" y="{ly - 4}" font-size="12">{escape(serie.namn)}</text>')
    parts.append(f'<text x="{left - 60}" y="{top - 6}" font-size="11">{escape(enhet)}</text>')
    parts.append("</svg>")
    return "".join(parts)
