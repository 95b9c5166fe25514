"""Static HTML report pages: one per kommun and nämnd, and an index. Offline: no script,
no CDN; the charts are inline SVG (pipelines.pages.svg), every figure links to its source."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from html import escape
from pathlib import Path

from pipelines.lib.files import write_text
from pipelines.pages.data import Marts, sidor
from pipelines.pages.model import Figur, Sida
from pipelines.pages.svg import linjediagram, siffra, stapeldiagram

STYLE = """
body{font-family:system-ui,'DejaVu Sans',sans-serif;margin:2rem auto;max-width:64rem;color:#222;padding:0 1rem}
h1{font-size:1.6rem;margin-bottom:.2rem}h2{font-size:1.2rem;margin-top:2rem;border-bottom:1px solid #ccc}
.meta{color:#555;font-size:.9rem}table{border-collapse:collapse;font-size:.9rem;margin:.5rem 0}
td,th{border-bottom:1px solid #e4e4e4;padding:.25rem .6rem;text-align:left;vertical-align:top}
td.tal{text-align:right;white-space:nowrap}.saknas{color:#777;font-style:italic}
.lampa{display:inline-block;width:.9rem;height:.9rem;border-radius:50%;vertical-align:middle;border:1px solid #555}
.uppfyllt{background:#2e8540}.delvis_uppfyllt{background:#e6b800}.ej_uppfyllt{background:#b3261e}
.annan{background:#bbb}a{color:#1f5f99}
"""
LAMPOR = {"uppfyllt": "uppfyllt", "delvis_uppfyllt": "delvis_uppfyllt", "ej_uppfyllt": "ej_uppfyllt",
          "avslutad": "uppfyllt", "pagaende": "delvis_uppfyllt", "pagaende_med_avvikelser": "ej_uppfyllt"}
STATUS_TEXT = {"uppfyllt": "Uppfyllt", "delvis_uppfyllt": "Delvis uppfyllt", "ej_uppfyllt": "Ej uppfyllt",
               "pagaende": "Pågående", "pagaende_med_avvikelser": "Pågående med avvikelser",
               "avslutad": "Avslutad", "ej_paborjad": "Ej påbörjad", "ej_bedomd": "Ej bedömd", "ej_tolkad": "Ej tolkad"}


def tal(fig: Figur) -> str:
    """A table cell with the figure, linked to its source with the printed text as tooltip."""
    if fig.varde is None:
        return f'<td class="tal saknas" title="{escape(fig.not_, quote=True)}">saknas</td>'
    title = fig.kalla.title() if fig.kalla else "källa saknas"
    if fig.not_:
        title += f" ({fig.not_})"
    text = escape(siffra(fig.varde, fig.enhet))
    if fig.kalla and fig.kalla.href:
        text = f'<a href="{escape(fig.kalla.href, quote=True)}" target="_blank">{text}</a>'
    return f'<td class="tal" data-varde="{fig.varde!r}" title="{escape(title, quote=True)}">{text}</td>'


def _source(fig: Figur) -> str:
    k = fig.kalla
    if not k or not k.filnamn:
        return '<td class="saknas">–</td>'
    where = escape(k.filnamn) + (f", s.&nbsp;{k.sida}" if k.sida else "")
    if k.href:
        where = f'<a href="{escape(k.href, quote=True)}" target="_blank">{where}</a>'
    return f"<td>{where}</td>"


def _page_html(page: Sida, built: str) -> str:
    out = [f"<!doctype html><html lang=\"sv\"><head><meta charset=\"utf-8\"><title>{escape(page.namnd)}, "
           f"{escape(page.kommun_namn)}</title><style>{STYLE}</style></head>"
           f'<body data-kommun-kod="{escape(page.kommun_kod, quote=True)}" data-namnd-id="{escape(page.namnd_id or "", quote=True)}" '
           f'data-avvikelse-matt="{page.avvikelse_matt}">',
           '<p class="meta"><a href="../index.html">Alla nämnder</a></p>',
           f"<h1>{escape(page.namnd)}</h1><p class=\"meta\">{escape(page.kommun_namn)} ({escape(page.kommun_kod)}) · "
           f"byggd ur det publicerade lagret {escape(built)} · håll muspekaren över en siffra för den tryckta texten, "
           "klicka för originalet på rätt sida</p>"]
    out.append('<section id="avvikelse"><h2>Budgetavvikelse per verksamhetsområde'
               + (f", {escape(page.senaste_period)}" if page.senaste_period else "") + "</h2>")
    if page.avvikelser:
        what = ("helårsprognosens avvikelse mot helårsbudget" if page.avvikelse_matt == "avvikelse_prognos_tkr"
                else "periodens avvikelse mot budget")
        out.append(f'<p class="meta">{what.capitalize()} i tkr, positiv = bättre än budget (post '
                   f'{escape(page.avvikelse_post or "")}; analys_budgetavvikelse.{page.avvikelse_matt}).</p>')
        out.append(stapeldiagram(page.avvikelser, rubrik="Budgetavvikelse per verksamhetsområde"))
        out.append("<table><tr><th>Verksamhetsområde</th><th>Avvikelse</th><th>Källa</th></tr>")
        out += [f"<tr><td>{escape(f.etikett)}</td>{tal(f)}{_source(f)}</tr>" for f in page.avvikelser]
        out.append("</table>")
    else:
        out.append('<p class="saknas">Inga budgetavvikelser rapporterade för nämnden.</p>')
    out.append("</section>")
    out.append('<section id="over-tid"><h2>Resultat och prognos över tertialen</h2>')
    if page.serier and any(f.varde is not None for s in page.serier for _, f in s.punkter):
        out.append('<p class="meta">Hela nämnden, tkr: periodens avvikelse mot budget och helårsprognosens avvikelse '
                   "vid varje uppföljning.</p>")
        out.append(linjediagram(page.serier, rubrik="Resultat och prognos över tiden", enhet="tkr"))
        labels = [lbl for lbl, _ in page.serier[0].punkter]
        out.append("<table><tr><th></th>" + "".join(f"<th>{escape(lbl)}</th>" for lbl in labels) + "</tr>")
        for s in page.serier:
            out.append(f"<tr><td>{escape(s.namn)}</td>" + "".join(tal(f) for _, f in s.punkter) + "</tr>")
        out.append("</table>")
    else:
        out.append('<p class="saknas">Nämnden rapporterar ingen total för hela nämnden över tiden.</p>')
    out.append("</section>")
    out.append('<section id="sjukfranvaro"><h2>Sjukfrånvaro mot Kolada</h2>')
    if page.sjukfranvaro:
        last = page.sjukfranvaro[-1]
        figs = [last.namnd, last.kommun, last.riket, last.liknande]
        out.append(f'<p class="meta">Procent. Nämnden {escape(last.period)}; Kolada N00090 (hela kommunen) '
                   f"{last.kolada_ar or '–'}.</p>")
        out.append(stapeldiagram(figs, rubrik="Sjukfrånvaro mot Kolada", tecken=False))
        out.append("<table><tr><th>Period</th><th>Nämnden</th><th>Kommunen</th><th>Riket</th>"
                   "<th>Liknande kommuner</th><th>Kolada-år</th><th>Anmärkning</th></tr>")
        for s in page.sjukfranvaro:
            notes = "; ".join(dict.fromkeys(f.not_ for f in (s.namnd, s.kommun, s.riket, s.liknande) if f.not_))
            out.append(f"<tr><td>{escape(s.period)}</td>{tal(s.namnd)}{tal(s.kommun)}{tal(s.riket)}{tal(s.liknande)}"
                       f"<td>{s.kolada_ar or '–'}</td><td>{escape(notes)}</td></tr>")
        out.append("</table>")
    else:
        out.append('<p class="saknas">Ingen sjukfrånvaro för hela nämnden rapporterad.</p>')
    out.append("</section>")
    out.append('<section id="mal"><h2>Måluppfyllelse'
               + (f", {escape(page.mal[0].period)}" if page.mal else "") + "</h2>")
    if page.mal:
        out.append("<table><tr><th></th><th>Typ</th><th>Mål</th><th>Indikator/uppdrag</th><th>Status</th>"
                   "<th>Utfall</th><th>Källa</th></tr>")
        for g in page.mal:
            lamp = LAMPOR.get(g.status or "", "annan")
            status = STATUS_TEXT.get(g.status or "", g.status or "saknas")
            if g.status_kalla == "harledd":
                status += " (härledd)"
            out.append(f'<tr class="mal"><td><span class="lampa {lamp}" data-status="{escape(g.status or "", quote=True)}" '
                       f'title="{escape(status, quote=True)}"></span></td><td>{escape(g.typ)}</td><td>{escape(g.mal)}</td>'
                       f"<td>{escape(g.indikator or '')}</td><td>{escape(status)}</td>{tal(g.utfall)}{_source(g.utfall)}</tr>")
        out.append("</table>")
    else:
        out.append('<p class="saknas">Inga mål rapporterade för nämnden.</p>')
    out.append("</section></body></html>")
    return "".join(out)


def _index_html(pages: list[Sida], built: str, utan_kommun: list[dict]) -> str:
    out = [f"<!doctype html><html lang=\"sv\"><head><meta charset=\"utf-8\"><title>Rapportsidor</title>"
           f"<style>{STYLE}</style></head><body><h1>Rapportsidor</h1>"
           f"<p class=\"meta\">En sida per kommun och nämnd, byggd ur det publicerade lagret {escape(built)}.</p>"]
    current = None
    for p in pages:
        if p.kommun_kod != current:
            out.append(("</ul>" if current else "") + f"<h2>{escape(p.kommun_namn)} ({escape(p.kommun_kod)})</h2><ul>")
            current = p.kommun_kod
        out.append(f'<li><a href="{escape(p.fil, quote=True)}">{escape(p.namnd)}</a>'
                   + (f' <span class="meta">senaste period {escape(p.senaste_period)}</span>' if p.senaste_period else "")
                   + "</li>")
    if current:
        out.append("</ul>")
    if utan_kommun:
        out.append("<h2>Dokument utan kommun</h2><p class=\"meta\">Finns inte på någon sida: lägg filen i "
                   "<code>inbox/reports/&lt;kommunkod&gt;/</code>.</p><ul>")
        out += [f"<li>{escape(d['filnamn'])}</li>" for d in utan_kommun]
        out.append("</ul>")
    out.append("</body></html>")
    return "".join(out)


@dataclass
class Byggda:
    index: Path
    sidor: list[Path]
    stavar: int = 0       # bars drawn, over all pages
    problem: list[str] = field(default_factory=list)


def write_pages(warehouse: Path, lake_dir: Path, out_dir: Path) -> Byggda:
    """Every page and the index under out_dir (each file replaced atomically)."""
    m = Marts(warehouse, lake_dir / "filer", out_dir)
    try:
        built = datetime.fromtimestamp(warehouse.stat().st_mtime).strftime("%Y-%m-%d %H:%M")
        problems: list[str] = []
        pages = sidor(m, problems)
        utan_kommun = m.rows("select filnamn from dim_dokument where kommun_kod is null and status = 'laddad' "
                             "order by filnamn")
    finally:
        m.close()
    paths = []
    for page in pages:
        path = out_dir / page.fil
        path.parent.mkdir(parents=True, exist_ok=True)
        write_text(path, _page_html(page, built))
        paths.append(path)
    index = out_dir / "index.html"
    out_dir.mkdir(parents=True, exist_ok=True)
    write_text(index, _index_html(pages, built, utan_kommun))
    # pages of nämnder no longer in the marts (a withdrawn document) go
    for old in set(out_dir.glob("*/*.html")) - set(paths):
        old.unlink(missing_ok=True)
    return Byggda(index=index, sidor=paths, stavar=sum(len(p.avvikelser) for p in pages), problem=problems)
