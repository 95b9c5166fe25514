"""The dbt project itself: documented, layered, contracts on the marts, docs build offline."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest

from pipelines.assets.warehouse import dbt_project
from pipelines.config import PROJECT_ROOT, TELEMETRY_OFF


@pytest.fixture(scope="module")
def manifest() -> dict:
    return json.loads(Path(dbt_project().manifest_path).read_text(encoding="utf-8"))


def _models(manifest: dict) -> list[dict]:
    return [n for n in manifest["nodes"].values() if n["resource_type"] == "model"]


def test_every_model_seed_and_column_is_described(manifest: dict) -> None:
    missing = []
    for node in manifest["nodes"].values():
        if node["resource_type"] not in ("model", "seed"):
            continue
        if len(node["description"].strip()) < 20:
            missing.append(node["name"])
        missing += [f"{node['name']}.{c}" for c, col in node["columns"].items() if not col["description"].strip()]
    assert not missing, f"undocumented: {missing}"


def test_every_mart_has_an_enforced_contract(manifest: dict) -> None:
    for node in _models(manifest):
        if node["config"]["schema"] == "main":
            assert node["config"]["contract"]["enforced"], f"{node['name']}: mart without an enforced contract"
            assert all(col.get("data_type") for col in node["columns"].values()), node["name"]


def test_layers_and_names_follow_the_style(manifest: dict) -> None:
    for node in _models(manifest):
        name, schema = node["name"], node["config"]["schema"]
        if schema == "staging":
            assert name.startswith("stg_") and "__" in name, name
            assert node["config"]["materialized"] == "view"
        elif schema == "intermediate":
            assert name.startswith("int_") and "__" in name, name
        else:
            assert schema == "main" and name.split("_")[0] in {"dim", "fct", "brygga", "analys", "karantan"}, name
        if schema != "staging":  # only staging reads the raw layer
            assert not any(p.startswith("source.") for p in node["depends_on"]["nodes"]), name


def test_spec_tables_exist_with_their_columns(manifest: dict) -> None:
    marts = {n["name"]: set(n["columns"]) for n in _models(manifest) if n["config"]["schema"] == "main"}
    for table in ("dim_kommun", "dim_tid", "dim_namnd", "dim_verksamhetsomrade", "dim_kpi", "dim_dokument",
                  "fct_ekonomi", "fct_personal", "fct_maluppfyllelse", "fct_verksamhet", "fct_kolada_varde"):
        assert table in marts, table
    assert {"filnamn", "status", "orsak", "ersatt_av"} <= marts["dim_dokument"]
    assert {"kommun_kod", "namn", "lan_kod", "kommuntyp"} <= marts["dim_kommun"]
    # lineage on every report fact table
    for table in ("fct_ekonomi", "fct_personal", "fct_maluppfyllelse", "fct_verksamhet"):
        assert {"dokument_id", "filnamn", "sida", "kalltext"} <= marts[table], table
    assert {"belopp_tkr", "varde", "varde_tryckt", "tecken_status"} <= marts["fct_ekonomi"]
    # Swedish ASCII snake_case
    for table, columns in marts.items():
        for column in columns:
            assert column.isascii() and column == column.lower() and " " not in column, f"{table}.{column}"


def test_unit_tests_cover_the_tricky_models(manifest: dict) -> None:
    tested = {u["depends_on"]["nodes"][0].split(".")[-1] for u in manifest.get("unit_tests", {}).values()}
    assert {"int_ekonomi__tabelltecken", "int_ekonomi__normaliserad", "int_rapport_fakta__aktuella",
            "int_rapport_fakta__berikade", "int_maluppfyllelse__rader"} <= tested


def test_make_docs_builds_offline_without_a_warehouse(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    env = os.environ | TELEMETRY_OFF | {"KOMMUNLAGER_DATA_DIR": str(tmp_path / "data")}
    done = subprocess.run(["make", "--no-print-directory", "docs", f"DOCS_DIR={docs}"], cwd=PROJECT_ROOT,
                          capture_output=True, text=True, env=env, timeout=300)
    assert done.returncode == 0, done.stdout + done.stderr
    page = (docs / "static_index.html").read_text(encoding="utf-8")
    # the static page embeds the manifest: model docs and the overview are in it
    assert "analys_budgetavvikelse" in page and "Teckenkonvention" in page
    assert not (docs / "katalog.duckdb").exists()
