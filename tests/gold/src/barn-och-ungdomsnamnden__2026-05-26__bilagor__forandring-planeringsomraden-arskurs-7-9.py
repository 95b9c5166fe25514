"""Gold: Förändring planeringsområden Årskurs 7-9 (Alingsås BUN, 8 pages, pool; a bilaga to
Barn- och ungdomsnämnden 2026-05-26, Diarienummer 2026.034 BUN, 'Typ av styrdokument: Plan').

Read from the rendered pages (all 8) and the text layer (pypdfium2, pdfplumber). The document
is a plan for the skolskjuts planeringsområden of the högstadieskolor: running text (p3-p7),
a table of contents (p2), and two tables, neither of which holds a fact of the four schemas:

  p7  'Årskurs | Avstånd i km mellan hem och skola' (Förskoleklass / årskurs 1: 2 km,
      Årskurs 2–3: 3 km, Årskurs 4–6: 4 km, Årskurs 7–9: 5 km): the distance limits of the
      nämnd's skolskjuts rules (BUN 2025-11-18 § 79). A rule, not a result, budget, volume or
      key index (like the 'nedre beloppsgräns' of the BUN resursfördelningsmodell and the
      'fyra månader' garantitid of the förskola tjänsteskrivelse, both left out).
  p8  'Planeringsområde | Område | Nyckelkoder': SCB nyckelkoder (six-digit identifiers of
      geographical areas, and ranges '117029 -117035'): codes, not numbers of a measure.

No pupil or class counts are printed anywhere (the text speaks of 'antalet barn i skolåldern'
and 'avsevärt fler folkbokförda elever' without a figure). No chart, no map, no goal or
uppdrag status. Every page is covered with no facts, so any extracted table fact is an extra.
Run:
    .venv/bin/python tests/gold/src/barn-och-ungdomsnamnden__2026-05-26__bilagor__forandring-planeringsomraden-arskurs-7-9.py
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from goldlib import Gold, write_meta  # noqa: E402

DOC = "barn-och-ungdomsnamnden__2026-05-26__bilagor__forandring-planeringsomraden-arskurs-7-9.pdf"
g = Gold(DOC)

# No facts: see the module docstring. The p7 rule table, retyped for the record (not written):
SKOLSKJUTS_AVSTAND = [  # (Årskurs, Avstånd i km mellan hem och skola), p7, as printed
    ("Förskoleklass / årskurs 1", "2 km"),
    ("Årskurs 2–3", "3 km"),
    ("Årskurs 4–6", "4 km"),
    ("Årskurs 7–9", "5 km"),
]

g.write()

meta = {
    "document": DOC,
    "source": f"pool/{DOC}",
    "format": "pdf",
    "pages": 8,
    "expected": {
        "kommun_kod": "1489",
        "kommun": "Alingsås",
        "namnd": "Barn- och ungdomsnämnden",
    },
    "covered_pages": "all",
    "image_pages": [],
    "chart_pages": [],
    "notes": [
        "Förändring planeringsområden Årskurs 7-9 (cover: 'Typ av styrdokument: Plan', 'Beslutande instans: "
        "Barn- och ungdomsnämnden', 'Datum för beslut: 2026-05-26', Diarienummer 2026.034 BUN, 'Giltighetstid: "
        "Tillsvidare'), Alingsås (alingsas.se, kommun logo). expected: kommun_kod 1489, kommun Alingsås, namnd "
        "Barn- och ungdomsnämnden; dokumenttyp left out (a plan for the skolskjuts planeringsområden is no class "
        "of the vocabulary, not a verksamhetsplan), period_typ, period_slut and ar left out (no report period: "
        "valid until further notice, the changes apply from läsår 2027/2028).",
        "No fact of the four schemas: every page is covered with no facts, so every extracted table fact is an "
        "extra. p7 table 'Årskurs | Avstånd i km mellan hem och skola' (2, 3, 4, 5 km per årskurs band): the "
        "distance limits of the nämnd's skolskjuts rules (BUN 2025-11-18 § 79), a rule, not a result, budget, "
        "volume or key index (as the 'nedre beloppsgräns' of the BUN resursfördelningsmodell and the garantitid "
        "'fyra månader' of the förskola tjänsteskrivelse were left out). p8 table 'Planeringsområde | Område | "
        "Nyckelkoder': SCB nyckelkoder, six-digit identifiers of areas (and ranges such as '117029 -117035'), "
        "not facts.",
        "Running text (p3-p7) holds no key figure: no pupil, class or cost figure is printed ('antalet barn i "
        "skolåldern', 'avsevärt fler folkbokförda elever' without a number). Left out: 'mindre än 5 km' (p4, the "
        "same skolskjuts rule), dates (25 oktober 2023, 17 mars 2026, höstterminen 2025/2027), läsår 2027/2028 "
        "and 2029/2030, paragraph and ärende references (§ 183, 2023.357 KS, § 20, 2026.035 BUN, § 79), school "
        "forms 'F-9', 'F-6', 'årskurs 7–9', numbers written as words ('två byggnader', 'två av tätortens "
        "högstadieskolor'), the table of contents (p2). The document names only a Dokumentansvarig role "
        "(Planeringsstrateg); no name is in any gold field.",
        "No sums to check (no table of values). No charts or maps; the only picture on each page is the kommun logo.",
    ],
}
write_meta(DOC, meta)
