"""Gold: Alingsås barn- och ungdomsnämnden, tjänsteskrivelse 'Tillgång till och deltagande i
förskola' (2 pages, pool; a bilaga to BUN 2026-05-26, dated 2026-05-05).

No tables (p1 running text, p2 decision and signatures). The key figures of the p1 text are
retyped as narrative facts; phrases copied from the text layer (pypdfium2). Run:
    .venv/bin/python tests/gold/src/barn-och-ungdomsnamnden__2026-05-26__bilagor__tillgang-till-och-deltagande-i-forskola.py
"""

from __future__ import annotations

import sys
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from goldlib import Gold, d, write_meta  # noqa: E402

DOC = "barn-och-ungdomsnamnden__2026-05-26__bilagor__tillgang-till-och-deltagande-i-forskola.pdf"
g = Gold(DOC)
# Every figure is a stock stated for 'I april 2026' (the paragraph's first words): utfall, 2026-04-30.
APRIL = dict(page=1, schema="verksamhet", method="narrative", column=None, scenario="utfall", year=2026,
             period_end="2026-04-30", measure="verksamhetsmatt")

# --- p1, Förvaltningens yttrande, last paragraph ---------------------------------------------------
g.fact(**APRIL, label="Barn i förskoleåldern (1 till 5 år) inskrivna i förskola", value_raw="1 812", unit="antal",
       note="printed 'I april 2026 finns det 1 812 barn i förskoleåldern (1 till 5 år) inskrivna i antingen "
            "fristående eller kommunala förskolor i Alingsås kommun'")
g.fact(**APRIL, label="Barn i förskoleåldern utan placering inför hösten 2026", value_raw="230", unit="antal",
       note="printed 'Inför hösten 2026 saknar 230 barn i förskoleåldern en placering' (present tense, in the "
            "'I april 2026' paragraph: the count now, for the coming autumn; period_end 2026-04-30)")
g.fact(**APRIL, label="Barn med rätt till allmän förskola utan placering och utan köplats", value_raw="47",
       unit="antal",
       note="printed 'Av dessa har förvaltningen identifierat 47 barn med rätt till allmän förskola som varken "
            "har en placering eller står i kö till placering' (a subset of the 230)")
g.fact(**APRIL, label="Andel barn med rätt till allmän förskola utan placering och utan köplats", value_raw="2,5 %",
       unit="procent",
       note="printed 'Detta motsvarar 2,5 % av barnen i den aktuella åldersgruppen i Alingsås kommun' (the 47 "
            "children; '2,5' and '%' on two lines). The base is not printed: 47 of the 1 812 enrolled is 2,59 % (2,5 truncated, 2,6 rounded), "
            "47 of 1 812 + 230 is 2,3 %")
g.fact(**APRIL, label="Nyanlända bland barnen utan placering och utan köplats", value_raw="2", unit="antal",
       note="printed 'Bland de 47 barnen är 2 nyanlända enligt den angivna definitionen' (Skollagen 8 kap 14a: "
            "born abroad or in Sweden at most five years); they have been offered a place, none has accepted")

# --- checks ----------------------------------------------------------------------------------------
v = {f["label"]: Decimal(str(f["value"])) for f in g.facts}
g.check("47 is a subset of the 230 without placement", Decimal(1),
        Decimal(1) if d("47") <= d("230") else Decimal(0))
g.check("2 nyanlända are a subset of the 47", Decimal(1), Decimal(1) if d("2") <= d("47") else Decimal(0))
share_enrolled = (Decimal(47) / Decimal(1812) * 100).quantize(Decimal("0.1"))
g.check("2,5 % = 47 / 1 812 enrolled (base not printed; 2,59 truncated)", share_enrolled, d("2,5"), tol="0.1")

g.write()

meta = {
    "document": DOC,
    "source": f"pool/{DOC}",
    "format": "pdf",
    "pages": 2,
    "expected": {
        "kommun_kod": "1489",
        "kommun": "Alingsås",
        "namnd": "Barn- och ungdomsnämnden",
        "dokumenttyp": "tjansteskrivelse",
        "ar": 2026,
    },
    "covered_pages": "all",
    "image_pages": [],
    "chart_pages": [],
    "notes": [
        "A tjänsteskrivelse of the förvaltning to Barn- och ungdomsnämnden (dated 2026-05-05, Diarienr 2026.133 BUN; "
        "headings Ärendebeskrivning, Förvaltningens yttrande, Ekonomisk bedömning, Förslag till beslut; p2 "
        "'Godkännare tjänsteskrivelse'), a bilaga to BUN 2026-05-26: a nuläge of the förskola queue and the "
        "uppsökande verksamhet. expected: kommun Alingsås (1489), namnd Barn- och ungdomsnämnden, dokumenttyp "
        "tjansteskrivelse, ar 2026 (date and 'I april 2026'); period_typ and period_slut left out (a status at a "
        "date, not a report of a period).",
        "No tables and no charts. p2 holds only 'Beslutet har ingen ekonomisk påverkan', the proposal and the "
        "signatures: covered with no facts.",
        "Narrative (p1, the paragraph 'I april 2026 finns det ...'): 1 812 children enrolled, 230 without "
        "placement for autumn 2026, 47 of them with rätt till allmän förskola neither placed nor in the queue, "
        "2,5 % (of the age group), 2 nyanlända among the 47. All schema verksamhet, measure verksamhetsmatt, "
        "utfall, year 2026, period_end 2026-04-30 (a stock stated for April 2026, like 'i augusti 2018' in "
        "002_b4559db47a798bae). area null: the counts are kommun-wide and include fristående förskolor, so they "
        "are the nämnd's responsibility as hemkommun, not one verksamhetsområde of its own; category null (the "
        "age band '1 till 5 år' stays in the label).",
        "Left out: 'inga barn ... inskrivna i pedagogisk omsorg' (a number as a word), the rules 'fyra månader' / "
        "'4 månader' (garantitid, a legal limit, not a figure of the kommun), 'fyller tre år' / '3 år' (an age), "
        "'Per den 22 april' (a date), law references (8 kap §14, 12a§, 14a), the diarienummer and dates, names.",
        "Check: the base of the 2,5 % ('barnen i den aktuella åldersgruppen') is not printed; 47 / 1 812 enrolled "
        "= 2,59 % (2,5 if truncated, 2,6 if rounded), 47 / (1 812 + 230) = 2,3 %. Within 0,1 of the enrolled "
        "base; value as printed, noted on the line. The 47 are a subset of the 230, the 2 of the 47.",
    ],
}
write_meta(DOC, meta)
