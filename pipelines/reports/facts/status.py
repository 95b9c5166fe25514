"""Status rows as facts: one ``maluppfyllelse`` fact per goal or uppdrag, ``value`` null,
``unit`` status, the printed (or pictured) status in ``status`` (rows: ``tables/status.py``)."""

from __future__ import annotations

from pipelines.reports.model import DocContext, Fact
from pipelines.reports.tables.status import StatusRow


def row_facts(rows: list[StatusRow], ctx: DocContext) -> list[Fact]:
    facts: list[Fact] = []
    period = ctx.period
    numbers: dict[int, int] = {}
    for row in rows:
        label = row.label
        n = numbers[row.table] = numbers.get(row.table, -1) + 1
        facts.append(Fact(
            document=ctx.document, page=row.page, schema="maluppfyllelse", label=label, column=row.column,
            scenario=None, year=period.year if period else None, period_end=period.end if period else None,
            kon=None, value=None, unit="status", evidence=f"{row.mark} {label}"[:300], method="table",
            measure=row.kind, goal=label if row.kind == "mal" else row.goal, status=row.status,
            confidence=row.confidence, period_type=period.type if period else None,
            kommun_kod=ctx.kommun_kod, namnd=ctx.namnd, table_id=f"status{row.table}", row=n, col=0,
            check="ej_kontrollerad", bbox=row.bbox,
        ))
    return facts
