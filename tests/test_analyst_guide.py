"""Every ```sql block in docs/analyst-guide.md runs against a warehouse built in the test
(tests/dbt_testlager.py) and returns rows: the guide's examples never rot."""

from __future__ import annotations

import re
from pathlib import Path

import duckdb
import pytest

from pipelines.config import PROJECT_ROOT
from tests.dbt_testlager import ByggtLager, bygg_testlager

GUIDE = PROJECT_ROOT / "docs" / "analyst-guide.md"
_SQL_BLOCK = re.compile(r"^```sql\n(.*?)^```", re.S | re.M)


def sql_blocks(path: Path = GUIDE) -> list[str]:
    return [m.group(1).strip() for m in _SQL_BLOCK.finditer(path.read_text(encoding="utf-8"))]


@pytest.fixture(scope="module")
def lager(tmp_path_factory: pytest.TempPathFactory) -> ByggtLager:
    return bygg_testlager(tmp_path_factory)


def test_the_guide_has_examples_for_every_analyst_mart() -> None:
    text = "\n".join(sql_blocks())
    assert len(sql_blocks()) >= 10
    for table in ("analys_budgetavvikelse", "analys_sjukfranvaro", "analys_malstatus", "analys_rapport_mot_kolada",
                  "fct_ekonomi", "fct_kolada_varde", "fct_verksamhet", "dim_dokument", "brygga_kommungrupp"):
        assert table in text, f"no example query uses {table}"


@pytest.mark.parametrize("nr", range(len(sql_blocks())), ids=lambda nr: f"sql{nr + 1}")
def test_every_example_query_returns_rows(lager: ByggtLager, nr: int) -> None:
    assert lager.report.published, lager.report.failure
    sql = sql_blocks()[nr]
    con = duckdb.connect(str(lager.settings.warehouse_path), read_only=True)
    try:
        rows = con.execute(sql).fetchall()
    except duckdb.Error as exc:  # pragma: no cover - the message is the point
        pytest.fail(f"example {nr + 1} fails: {exc}\n{sql}")
    finally:
        con.close()
    assert rows, f"example {nr + 1} returns no rows on the test warehouse:\n{sql}"
