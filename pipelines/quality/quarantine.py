"""Row-level quarantine: raw rows that fail a row-level expectation stay out of the marts.

``quarantine(tables)`` gets the raw tables about to be staged and returns the rows to hold
back, in ``KARANTAN_SCHEMA``. dbt staging excludes them and the mart ``karantan`` shows
them with their reason and lineage. (First version: nothing is quarantined yet; issue 6.)
"""

from __future__ import annotations

import pyarrow as pa


def quarantine(tables: dict[str, pa.Table]) -> pa.Table:
    from pipelines.warehouse.build import KARANTAN_SCHEMA

    return KARANTAN_SCHEMA.empty_table()
