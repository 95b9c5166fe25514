"""Gold: Alingsås kommunstyrelsens arbetsutskott, protokoll 2026-06-03 § 84 'Budget 2027 och ramar
2028-2029 för AVRF' (Alingsås och Vårgårda Räddningstjänstförbund); 2 pages, pool; a bilaga to
kommunstyrelsen 2026-06-15.

No tables: p1 is running text (Ärendebeskrivning, Beredning), p2 the decision and the list of
beslutsunderlag. The key figures of p1 are retyped as narrative facts; phrases copied from the
text layer (pypdfium2). Run:
    .venv/bin/python tests/gold/src/kommunstyrelsen__2026-06-15__bilagor__ss84-ksau-budget-2027-och-ramar-2028-2029-for-avrf.py
"""

from __future__ import annotations

import sys
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from goldlib import Gold, d, write_meta  # noqa: E402

DOC = "kommunstyrelsen__2026-06-15__bilagor__ss84-ksau-budget-2027-och-ramar-2028-2029-for-avrf.pdf"
g = Gold(DOC)
NARR = dict(page=1, method="narrative", column=None)
Y = {y: f"{y}-12-31" for y in range(2027, 2032)}


def money(label: str, raw: str, *, measure: str, scenario: str, year: int | None, period_end: str | None,
          note: str, schema: str = "ekonomi") -> dict:
    return g.fact(**NARR, schema=schema, label=label, scenario=scenario, year=year, period_end=period_end,
                  value_raw=raw, unit="tkr", measure=measure, note=note)


def per_year(label: str, printed: dict[int, str], *, measure: str, note: str) -> dict[int, Decimal]:
    """One budget fact per year of a sentence 'år 2027 till N tkr; år 2028 till M tkr; ...'; the first
    year's note quotes the sentence, the others point to it. Returns the values for the checks."""
    first = min(printed)
    values = {}
    for year, raw in printed.items():
        f = money(f"{label} {year}", raw, measure=measure, scenario="budget", year=year, period_end=Y[year],
                  note=note if year == first else f"see {first}: 'år {year} till {raw} tkr'")
        values[year] = Decimal(str(f["value"]))
    return values


# --- p1 Ärendebeskrivning: Alingsås kommuns medlemsbidrag 2027-2029 --------------------------------------
N_MB = ("printed 'Alingsås kommuns medlemsbidrag beräknas år 2027 till 69 994 tkr; år 2028 till 72 906 tkr; och år "
        "2029 till 75 706 tkr'; measure kommunbidrag: Alingsås kommun's share of the förbund's frame (area null, "
        "like the huvudmän's anslag in the SAMLA gold); 2028-2029 are budgetramar, scenario budget")
mb = per_year("Alingsås kommuns medlemsbidrag", {2027: "69 994", 2028: "72 906", 2029: "75 706"},
              measure="kommunbidrag", note=N_MB)
g.facts[-2]["note"] += ("; does not add up to the last tkr: 94 120 x 77,46 % = 72 905,4, printed 72 906 (the "
                        "2027 and 2029 figures do round from 77,46 %)")

# --- p1 Beredning: ramjusteringar utöver PKV ---------------------------------------------------------------
money("Ramjustering 2027: gemensamt ledningssystem (Älvsborg, Södra Halland, Fyrbodal)", "1 000",
      measure="kommunbidrag", scenario="forandring", year=2027, period_end=Y[2027],
      note="printed 'Utöver uppräkning med PKV har ramarna justerats för: År 2027: ... gemensamt ledningssystem ...; "
           "1 000 tkr.' An increase of the förbund's frame (both members), beyond the PKV uppräkning")
N_SWEN = ("printed 'År 2028 och 2029: Utökade kostnader för SWEN (Swedish Emergency Network) ...; 830 tkr (415 tkr "
          "per år).' Listed as 415 tkr for each year (830 = their sum, not listed again): the printed frames give "
          "exactly 90 362 x 1,037 + 415 = 94 120 and 94 120 x 1,034 + 415 = 97 735, so 415 tkr is added in each year")
for year in (2028, 2029):
    money(f"Ramjustering {year}: utökade kostnader för SWEN", "415", measure="kommunbidrag", scenario="forandring",
          year=year, period_end=Y[year], note=N_SWEN)
g.check("SWEN 415 tkr per år x 2 = 830 tkr", d("830"), d("415") * 2)

# --- p1: finansiellt mål 2027 ---------------------------------------------------------------------------
g.fact(**NARR, schema="maluppfyllelse", label="Finansiellt mål 2027: positivt resultat i procent av omsättningen",
       scenario="malvarde", year=2027, period_end=Y[2027], value_raw="1", unit="procent", measure="indikator",
       note="printed 'Det finansiella målet för god ekonomisk hushållning 2027 är ett positivt resultat på 1 procent "
            "av omsättningen (intäkter + medlemsbidrag)'; no comparator printed; goal null (the sentence is the "
            "mål itself, no goal statement above it)")

# --- p1: samlade driftkostnader 2027-2029 --------------------------------------------------------------
N_DK = ("printed 'De samlade driftkostnaderna beräknas år 2027 till 90 362 tkr; år 2028 till 94 120 tkr; och år 2029 "
        "till 97 735 tkr, och fördelas mellan medlemskommunerna baserat på befolkningsstorlek'; measure kostnader as "
        "the sentence names it, but by the document's own arithmetic this is the members' total medlemsbidrag "
        "(Alingsås 77,46 % of it = its medlemsbidrag), i.e. the net cost financed by the members, not the förbund's "
        "gross costs (its omsättning also has intäkter)")
dk = per_year("Samlade driftkostnader", {2027: "90 362", 2028: "94 120", 2029: "97 735"}, measure="kostnader",
              note=N_DK)

# --- p1: investeringsbudget 2027-2031 ----------------------------------------------------------------------
money("Investeringar under perioden 2027–2031", "38 211", measure="investering", scenario="budget", year=None,
      period_end=Y[2031],
      note="printed 'Under perioden planeras för investeringar om 38 211 tkr' (Investeringsbudget för åren "
           "2027–2031): a five-year total, so year null and period_end the end of 2031")
money("Höjdfordon 2027", "10 000", measure="investering", scenario="budget", year=2027, period_end=Y[2027],
      note="printed 'periodens största investeringar är ett höjdfordon 2027 (10 000 tkr)'")
money("Släckfordon 2028", "7 500", measure="investering", scenario="budget", year=2028, period_end=Y[2028],
      note="printed 'samt ett släckfordon 2028 (7 500 tkr)'")
g.check("höjdfordon + släckfordon within the period's 38 211", Decimal(1),
        Decimal(1) if d("10 000") + d("7 500") <= d("38 211") else Decimal(0))

# --- checks of the text's own arithmetic -----------------------------------------------------------------
SHARE = d("77,46") / 100


def tkr_round(x: Decimal) -> Decimal:
    return x.quantize(Decimal(1), rounding=ROUND_HALF_UP)


for year in (2027, 2028, 2029):
    # 2028: 94 120 x 77,46 % = 72 905,4 -> 72 905, printed 72 906 (the share is rounded; see meta notes)
    g.check(f"{year}: driftkostnader x 77,46 % = Alingsås medlemsbidrag", tkr_round(dk[year] * SHARE), mb[year],
            known=year == 2028)
g.check("2028 frame = 2027 x (1 + PKV 3,7 %) + SWEN 415", tkr_round(dk[2027] * d("1,037") + 415), dk[2028])
g.check("2029 frame = 2028 x (1 + PKV 3,4 %) + SWEN 415", tkr_round(dk[2028] * d("1,034") + 415), dk[2029])

g.write()

meta = {
    "document": DOC,
    "source": f"pool/{DOC}",
    "format": "pdf",
    "pages": 2,
    "expected": {
        "kommun_kod": "1489",
        "kommun": "Alingsås",
        "namnd": "Kommunstyrelsen",
        "dokumenttyp": "protokoll",
        "ar": 2027,
    },
    "covered_pages": "all",
    "image_pages": [],
    "chart_pages": [],
    "notes": [
        "A protokoll (utdrag) of Alingsås Kommunstyrelsens arbetsutskott 2026-06-03, § 84, Dnr 2026.272 KS: the "
        "kommun's handling of the budget 2027, ramar 2028-2029 and investeringsbudget 2027-2031 that the direktion "
        "of Alingsås och Vårgårda Räddningstjänstförbund (AVRF) decided on 17 April 2026; a bilaga to kommunstyrelsen "
        "2026-06-15. expected: kommun Alingsås (1489, logo and 'Alingsås kommuns medlemsbidrag'); namnd "
        "Kommunstyrelsen (the printed organ is 'Kommunstyrelsens arbetsutskott', a committee of KS; the yttrande is "
        "'Kommunstyrelsen har i skrivelse ...'); dokumenttyp protokoll; ar 2027 (the budget year handled, as for the "
        "SAMLA anslag 2027 of the same meeting); period_typ and period_slut left out (a decision on a budget, not a "
        "report of a period).",
        "No tables and no charts; p2 (Beslut, Beslutsunderlag) has no figures: covered with no facts. All facts are "
        "narrative on p1, money in tkr as printed.",
        "Listed: Alingsås kommuns medlemsbidrag 2027/2028/2029 (69 994 / 72 906 / 75 706 tkr, kommunbidrag, budget); "
        "ramjusteringar beyond PKV (2027 gemensamt ledningssystem 1 000 tkr; SWEN '830 tkr (415 tkr per år)' as 415 "
        "tkr in 2028 and in 2029; kommunbidrag, forandring); the finansiellt mål 2027 (1 procent of omsättningen, "
        "maluppfyllelse indikator malvarde); the samlade driftkostnader 2027/2028/2029 (90 362 / 94 120 / 97 735 tkr, "
        "kostnader, budget); investeringar 2027-2031 38 211 tkr (year null, period_end 2031-12-31), höjdfordon 2027 "
        "10 000 tkr and släckfordon 2028 7 500 tkr (investering, budget of their year).",
        "Left out: the PKV uppräkning 3,0 / 3,7 / 3,4 procent and '100 procent av prisindex' (price assumptions, no "
        "canonical measure), Alingsås kommuns del/medlemsbidrag '77,46 procent' (a share, no canonical measure; used "
        "in the checks), '830 tkr' as a separate fact (the sum of 415 + 415), Vårgårda's share (not printed), dates "
        "(17 april 2026, 2026-02-20, 26 maj 2026), § and diarienummer.",
        "Checks: the frames follow PKV plus the SWEN 415 tkr exactly (90 362 x 1,037 + 415 = 94 120,4; 94 120 x 1,034 "
        "+ 415 = 97 735,1). Driftkostnader x 77,46 % gives the medlemsbidrag for 2027 (69 994,4) and 2029 (75 705,5), "
        "but 72 905,4 for 2028 against the printed 72 906: 1 tkr off. The implied shares (69 994 / 90 362 = 77,4596 %, "
        "72 906 / 94 120 = 77,4607 %) cannot both round from one share, so the document's figures do not agree to the "
        "last tkr (probably rounded parts); values kept as printed.",
    ],
}
write_meta(DOC, meta)
