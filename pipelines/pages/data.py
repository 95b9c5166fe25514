"""The figures of the report pages, read from the published marts (read-only).

Each figure is a value of an analysis mart as it is stored (no arithmetic here), with its
source fact's file, page and printed text from the fact mart it came from.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

import duckdb

from pipelines.pages.model import Figur, Kalla, Mal, Serie, Sida, Sjukfranvaro

TOTAL = "(hela nämnden)"
# The post shown per area when an area reports several (the first one it has).
POST_ORDNING = ("nettokostnad", "resultat", "budgetavvikelse", "kostnader", "kommunbidrag", "intakter")
UTAN_NAMND = "Hela kommunen"


class Marts:
    """A read-only connection to the published warehouse and the lake's stored originals."""

    def __init__(self, warehouse: Path, originals: Path, sidor: Path):
        self.con = duckdb.connect(str(warehouse), read_only=True)
        self.originals = originals
        self.sidor = sidor
        self._files: dict[str, str | None] = {}
        self._ekonomi_key: tuple | None = None       # the page whose fct_ekonomi facts are cached
        self._ekonomi: dict[tuple, list[dict]] = {}

    def close(self) -> None:
        self.con.close()

    def rows(self, sql: str, params: Iterable = ()) -> list[dict]:
        cur = self.con.execute(sql, list(params))
        cols = [d[0] for d in cur.description]
        return [dict(zip(cols, r)) for r in cur.fetchall()]

    def original(self, dokument_id: str | None) -> str | None:
        """The stored original of a document, relative to a page in sidor/<kommun>/."""
        if not dokument_id:
            return None
        if dokument_id not in self._files:
            found = sorted(p for p in self.originals.glob(f"{dokument_id}*") if not p.name.startswith("."))
            self._files[dokument_id] = (
                Path(os.path.relpath(found[0], self.sidor / "_")).as_posix() if found else None)
        return self._files[dokument_id]

    def kalla(self, row: dict | None) -> Kalla | None:
        if not row:
            return None
        href = self.original(row.get("dokument_id"))
        if href and row.get("sida") and href.lower().endswith(".pdf"):
            href += f"#page={row['sida']}"
        return Kalla(filnamn=row.get("filnamn"), sida=row.get("sida"), kalltext=row.get("kalltext"), href=href)

    def facts(self, table: str, fakta_ids: Iterable[str]) -> dict[str, dict]:
        ids = sorted({f for f in fakta_ids if f})
        if not ids:
            return {}
        return {r["fakta_id"]: r for r in self.rows(
            f"select fakta_id, dokument_id, filnamn, sida, kalltext from {table} where fakta_id in "
            f"({', '.join('?' for _ in ids)})", ids)}


def sidor(m: Marts, problems: list[str] | None = None) -> list[Sida]:
    """One page per kommun × nämnd that any analysis mart has figures for. A page whose
    figures cannot be read is left out with one line in ``problems``; the others are built."""
    found = m.rows("""
        select kommun_kod, any_value(kommun_namn) as kommun_namn, namnd_id, any_value(namnd) as namnd
        from (
            select kommun_kod, kommun_namn, namnd_id, namnd from analys_budgetavvikelse
            union all select kommun_kod, kommun_namn, namnd_id, namnd from analys_sjukfranvaro
            union all select kommun_kod, kommun_namn, namnd_id, namnd from analys_malstatus
        )
        where kommun_kod is not null
        group by kommun_kod, namnd_id
        order by kommun_kod, namnd_id nulls first""")
    pages = []
    for r in found:
        page = Sida(kommun_kod=r["kommun_kod"], kommun_namn=r["kommun_namn"] or r["kommun_kod"],
                    namnd_id=r["namnd_id"], namnd=r["namnd"] or r["namnd_id"] or UTAN_NAMND)
        try:
            _avvikelser(m, page)
            _serier(m, page)
            _sjukfranvaro(m, page)
            _mal(m, page)
        except (duckdb.Error, KeyError, TypeError, ValueError) as exc:
            if problems is None:
                raise
            problems.append(f"{page.fil}: sidan kunde inte byggas ({type(exc).__name__}: {exc})".splitlines()[0])
            continue
        pages.append(page)
    return pages


def _period_label(row: dict) -> str:
    if row.get("manad") in (4, 8, 12) and row.get("ar_tertial"):
        return row["ar_tertial"]
    d = row["period_slut"]
    return f"{d.year}-{d.month:02d}"


def _ekonomi_kalla(m: Marts, row: dict, scenario: str) -> dict | None:
    """The fct_ekonomi fact behind one figure of analys_budgetavvikelse (the mart's own
    document first). The nämnd's facts are read once per page."""
    page_key = (row["kommun_kod"], row["namnd_id"])
    if m._ekonomi_key != page_key:
        m._ekonomi_key, m._ekonomi = page_key, {}
        for f in m.rows("""
                select verksamhetsomrade_nyckel, post, scenario, period_slut, dokument_id, filnamn, sida, kalltext
                from fct_ekonomi
                where kommun_kod = ? and namnd_id is not distinct from ? and kategori is null and belopp_tkr is not null
                order by fakta_id""", page_key):
            key = (f["verksamhetsomrade_nyckel"], f["post"], f["scenario"], f["period_slut"])
            m._ekonomi.setdefault(key, []).append(f)
    found = m._ekonomi.get((row["verksamhetsomrade_nyckel"], row["post"], scenario, row["period_slut"]), [])
    return next((f for f in found if f["dokument_id"] == row["dokument_id"]), found[0] if found else None)


def _budget_rows(m: Marts, page: Sida) -> list[dict]:
    return m.rows("""
        select * from analys_budgetavvikelse
        where kommun_kod = ? and namnd_id is not distinct from ?
        order by period_slut, verksamhetsomrade_nyckel, post""", [page.kommun_kod, page.namnd_id])


def _pick_post(rows: list[dict]) -> dict:
    rank = {p: i for i, p in enumerate(POST_ORDNING)}
    return min(rows, key=lambda r: (rank.get(r["post"], len(rank)), r["post"]))


def _avvikelser(m: Marts, page: Sida) -> None:
    """The deviation per area at the nämnd's latest follow-up: the forecast's full-year
    deviation when the latest period is part of a year and reports one (a delårsrapport's
    headline), else the period's own deviation (a year-end outcome)."""
    rows = [r for r in _budget_rows(m, page)
            if r["avvikelse_tkr"] is not None or r["avvikelse_prognos_tkr"] is not None]
    if not rows:
        return
    latest = max(r["period_slut"] for r in rows)
    at = [r for r in rows if r["period_slut"] == latest]
    prognos = sum(r["avvikelse_prognos_tkr"] is not None for r in at)
    page.avvikelse_matt = "avvikelse_prognos_tkr" if prognos >= sum(r["avvikelse_tkr"] is not None for r in at) \
        else "avvikelse_tkr"
    at = [r for r in at if r[page.avvikelse_matt] is not None]
    page.senaste_period = _period_label(at[0])
    per_area: dict[str, list[dict]] = {}
    for r in at:
        per_area.setdefault(r["verksamhetsomrade_nyckel"], []).append(r)
    chosen = [_pick_post(rs) for rs in per_area.values()]
    chosen.sort(key=lambda r: (r["verksamhetsomrade_nyckel"] == TOTAL,
                               (r["verksamhetsomrade"] or r["verksamhetsomrade_nyckel"]).lower()))
    posts = [r["post"] for r in chosen]
    page.avvikelse_post = max(set(posts), key=posts.count)
    for r in chosen:
        name = "Hela nämnden" if r["verksamhetsomrade_nyckel"] == TOTAL else (r["verksamhetsomrade"] or r["verksamhetsomrade_nyckel"])
        if r["post"] != page.avvikelse_post:
            name += f" ({r['post']})"
        note = ""
        if page.avvikelse_matt == "avvikelse_prognos_tkr":
            src = _ekonomi_kalla(m, {**r, "period_slut": r["period_slut"].replace(month=12, day=31)}, "avvikelse")
        elif r["avvikelse_beraknad"]:
            src = _ekonomi_kalla(m, r, "utfall")
            note = f"beräknad ur budget {r['budget_tkr']!r} och utfall {r['utfall_tkr']!r} tkr; ingen tryckt avvikelse"
        else:
            src = _ekonomi_kalla(m, r, "avvikelse")
        page.avvikelser.append(Figur(etikett=name, varde=r[page.avvikelse_matt], enhet="tkr", kalla=m.kalla(src),
                                     not_=note))


def _serier(m: Marts, page: Sida) -> None:
    """The nämnd's result against budget and its full-year forecast over the periods."""
    rows = [r for r in _budget_rows(m, page) if r["verksamhetsomrade_nyckel"] == TOTAL]
    if not rows:
        return
    post = _pick_post(rows)["post"]
    rows = [r for r in rows if r["post"] == post]
    resultat, prognos = [], []
    for r in rows:
        label = _period_label(r)
        resultat.append((label, Figur(etikett=f"Resultat mot budget {label}", varde=r["avvikelse_tkr"], enhet="tkr",
                                      kalla=m.kalla(_ekonomi_kalla(m, r, "utfall" if r["avvikelse_beraknad"] else "avvikelse")),
                                      not_="beräknad ur budget och utfall" if r["avvikelse_beraknad"] else "")))
        helar = r["period_slut"].replace(month=12, day=31)
        src = None
        if r["avvikelse_prognos_tkr"] is not None:
            src = _ekonomi_kalla(m, {**r, "period_slut": helar}, "avvikelse")
        note = "" if src or r["avvikelse_prognos_tkr"] is not None else (
            "helår: utfall, ingen prognos" if r["period_slut"] == helar else "ingen prognos rapporterad")
        prognos.append((label, Figur(etikett=f"Prognos helår (avvikelse) {label}", varde=r["avvikelse_prognos_tkr"],
                                     enhet="tkr", kalla=m.kalla(src), not_=note)))
    # periods with neither figure (an earlier year printed only for comparison) are left out
    keep = [i for i, ((_, a), (_, b)) in enumerate(zip(resultat, prognos)) if a.varde is not None or b.varde is not None]
    page.serier = [Serie(f"Resultat mot budget ({post})", [resultat[i] for i in keep]),
                   Serie("Helårsprognos, avvikelse", [prognos[i] for i in keep])]


def _sjukfranvaro(m: Marts, page: Sida) -> None:
    rows = m.rows("""
        select * from analys_sjukfranvaro where kommun_kod = ? and namnd_id is not distinct from ?
        order by period_slut, kon = 'T' desc, kon""", [page.kommun_kod, page.namnd_id])
    if any(r["kon"] == "T" for r in rows):
        rows = [r for r in rows if r["kon"] == "T"]
    src = m.facts("fct_personal", (r["fakta_id"] for r in rows))
    for r in rows:
        ar = r["kolada_ar"]
        kolada = lambda what, v, note: Figur(  # noqa: E731
            etikett=what, varde=v, enhet="%", not_=note,
            kalla=Kalla(filnamn=f"Kolada {r['kpi_id']}", sida=None, kalltext=f"{what}, {ar}" if ar else None))
        no_year = f"Kolada har inget värde för kommunen till och med {r['ar']}"
        if r["liknande_grupp_id"] is None:
            lik_note = "ingen grupp Liknande kommuner (övergripande) för kommunen i Kolada-datat"
        elif r["liknande_medel"] is None:
            lik_note = no_year if ar is None else f"inga värden för gruppens medlemmar {ar}"
        else:
            lik_note = f"ovägt medel av {r['liknande_antal']} kommuner i {r['liknande_grupp_namn']}"
        page.sjukfranvaro.append(Sjukfranvaro(
            period=r["period_slut"].isoformat(),
            namnd=Figur(etikett="Nämnden", varde=r["sjukfranvaro_procent"], enhet="%", kalla=m.kalla(src.get(r["fakta_id"])),
                        not_="" if r["helarsvarde"] else "delår; Kolada avser helår"),
            kommun=kolada(f"Kommunen ({r['kommun_namn'] or r['kommun_kod']})", r["kolada_kommun"],
                          "" if r["kolada_kommun"] is not None else no_year),
            riket=kolada("Riket", r["kolada_riket"], "" if r["kolada_riket"] is not None else
                         f"Kolada har inget värde för Riket till och med {r['ar']}"),
            liknande=kolada("Liknande kommuner", r["liknande_medel"], lik_note),
            kolada_ar=ar,
        ))


def _mal(m: Marts, page: Sida) -> None:
    """Goals, indicators and uppdrag of the nämnd's latest period with goals."""
    rows = m.rows("""
        with g as (select * from analys_malstatus where kommun_kod = ? and namnd_id is not distinct from ?)
        select * from g where period_slut is not distinct from (select max(period_slut) from g)
        order by typ, mal, indikator""", [page.kommun_kod, page.namnd_id])
    src = m.facts("fct_maluppfyllelse", (r["fakta_id"] for r in rows))
    for r in rows:
        period = r["ar_tertial"] or (r["period_slut"].isoformat() if r["period_slut"] else str(r["ar"] or ""))
        page.mal.append(Mal(
            typ=r["typ"], mal=r["mal"] or "", indikator=r["indikator"], status=r["status"],
            status_kalla=r["status_kalla"], period=period,
            utfall=Figur(etikett=r["indikator"] or r["mal"] or r["typ"], varde=r["utfall"], enhet=r["enhet"] or "",
                         kalla=m.kalla(src.get(r["fakta_id"]) or {"filnamn": r["filnamn"], "sida": r["sida"]}),
                         not_=f"målvärde {r['jamforelse'] or ''} {r['malvarde']!r}" if r["malvarde"] is not None else ""),
        ))
