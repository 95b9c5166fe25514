"""Scale: batched runs, parallel extraction, per-document quarantine, executors, deploy/ configs."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

import dagster as dg
import pyarrow as pa
import pytest
import yaml

from pipelines.config import PROJECT_ROOT
from tests.conftest import SAMPLES

RANGE = ("dagster/asset_partition_range_start", "dagster/asset_partition_range_end")


def test_waiting_documents_are_split_into_runs_of_consecutive_partitions() -> None:
    from pipelines.assets.automation import batches

    order = list("abcdefgh")
    assert batches(order, list("abcdefgh"), size=3) == [list("abc"), list("def"), list("gh")]
    # a document already extracted (d) splits the range: a run never re-extracts it
    assert batches(order, list("abcefh"), size=10) == [list("abc"), list("ef"), ["h"]]
    assert batches(order, [], size=10) == []


def _drop_samples(data_dir: Path) -> list[str]:
    inbox = data_dir / "inbox" / "reports" / "1440"
    inbox.mkdir(parents=True)
    for p in sorted(SAMPLES.glob("*.txt")):
        (inbox / p.name).write_bytes(p.read_bytes())
    return sorted(p.name for p in inbox.iterdir())


def _extract_all(instance: dg.DagsterInstance) -> dg.ExecuteInProcessResult:
    """What `kommunlager run` does before the build: intake, then one batched extraction run."""
    from pipelines.assets.automation import range_tags
    from pipelines.assets.reports import add_new_partitions
    from pipelines.config import Settings
    from pipelines.definitions import defs
    from pipelines.reports.intake.inbox import intake

    found = intake(Settings.from_env())
    add_new_partitions(instance, found.document_ids)
    keys = instance.get_dynamic_partitions("dokument")
    return defs().resolve_job_def("rapport_job").execute_in_process(instance=instance, tags=range_tags(keys))


def _raw(settings) -> dict[str, list]:
    """The raw tables staging builds from the extractions (quarantine is a function of these
    and is checked against itself below)."""
    from pipelines.reports.extract import EXTRACTOR_VERSION
    from pipelines.reports.intake import lake
    from pipelines.warehouse import build

    folder = lake.extraction_dir(settings, EXTRACTOR_VERSION)
    facts = build._with_fact_ids(build._parquet_table(sorted(folder.glob("*.parquet")), build.FAKTA_SCHEMA))
    documents = build._json_table(sorted(folder.glob("*.json")), build.DOKUMENT_SCHEMA).drop_columns(["extraherad"])
    return {"rapport_fakta": facts.to_pylist(), "dokument": documents.to_pylist()}


def test_parallel_extraction_gives_the_same_raw_layer_as_serial(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The marts are built from the raw tables alone (dbt is deterministic on them): the same
    inbox extracted serially (1 worker) and in parallel (2 processes) gives the same facts,
    fact ids and documents, and one run materializes every partition with its own metadata."""
    from pipelines.assets import extraction
    from pipelines.config import Settings

    monkeypatch.setattr(extraction, "MIN_POOL_DOCUMENTS", 2)   # a pool even for the five samples
    monkeypatch.setenv("KOLADA_OFFLINE", "1")
    monkeypatch.delenv("KOMMUNLAGER_REPORT_SOURCES", raising=False)
    raws = {}
    for workers in (1, 2):
        data = tmp_path / f"w{workers}"
        monkeypatch.setenv("KOMMUNLAGER_DATA_DIR", str(data))
        monkeypatch.setenv("KOMMUNLAGER_WORKERS", str(workers))
        names = _drop_samples(data)
        with dg.instance_for_test() as instance:
            result = _extract_all(instance)
            assert result.success
            events = [e.materialization for e in result.get_asset_materialization_events()]
            assert sorted(e.metadata["filnamn"].value for e in events) == names
            assert len({e.partition for e in events}) == len(names) == 5
            assert instance.get_materialized_partitions(dg.AssetKey("rapport_fakta")) == {e.partition for e in events}
            assert all(e.metadata["status"].value == "laddad" and e.metadata["fakta"].value > 0 for e in events)
            logs = [entry.user_message for entry in instance.all_logs(result.run_id)]
            assert f"5 dokument, {workers} processer" in logs
        raws[workers] = _raw(Settings.from_env())
    assert raws[1]["rapport_fakta"], "the samples give facts"
    assert raws[1] == raws[2]


def _facts_with_faults(n_docs: int = 4) -> pa.Table:
    """Facts of n synthetic documents, some of which break row-level and document-level rules."""
    from pipelines.warehouse.build import FAKTA_SCHEMA, _with_fact_ids

    rows = []
    for d in range(n_docs):
        doc = f"{d:064x}"
        for r in range(6):
            value = [1200.0, 1300.0, 1250.0, 1.3, 900.0, 5.0][r]
            rows.append({
                "dokument_id": doc, "document": f"rapport{d}.pdf", "schema": "ekonomi", "scenario": "utfall",
                "unit": "tkr", "value": value * (1 + d), "raw_value": f"{value:g}".replace(".", ","),
                "raw_unit": "tkr", "year": 2026 if r != 4 or d % 2 else 1850, "page": 1 if r != 5 else None,
                "method": "table", "table_id": "t1", "row": 3 if r < 4 else r, "col": r, "kon": "T", "check": "fel" if (d, r) == (3, 0) else "ok",
                "evidence": f"Rad {r}: {value:g}" + (" kontakt anna.svensson@kommun.se" if d == 1 and r == 2 else ""),
                "label": "Individ- och familjeomsorg", "period_end": "2026-04-30",
            })
    table = pa.Table.from_pylist([{f.name: row.get(f.name) for f in FAKTA_SCHEMA} for row in rows], schema=FAKTA_SCHEMA)
    return _with_fact_ids(table)


def test_quarantine_by_document_and_cached_matches_the_whole_table(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from pipelines.quality import quarantine as q

    facts = _facts_with_faults()
    whole = {"rapport_fakta": facts}
    suite = q.quarantine_suites(whole)[0]
    expected_rows, expected_personal = q.find(suite, facts)
    assert {r["regel"] for r in expected_rows} >= {"ar_rimligt", "harkomst", "personuppgifter"}, expected_rows
    assert expected_personal
    monkeypatch.setattr(q, "CHUNK_ROWS", 12)          # two batches of two whole documents
    cache = tmp_path / "karantan"
    first = q._find_by_document(suite, facts, "dokument_id", cache)
    assert first == (expected_rows, expected_personal)
    assert len(list(cache.rglob("*.json"))) == 4       # one outcome per document, kept
    monkeypatch.setattr(q, "find", lambda *a: pytest.fail("a cached document was judged again"))
    assert q._find_by_document(suite, facts, "dokument_id", cache) == first
    # the staged table is masked the same way
    tables = {"rapport_fakta": facts}
    karantan = q.quarantine(tables, cache=cache)
    assert karantan.num_rows == len(expected_rows)
    assert "anna.svensson" not in json.dumps(tables["rapport_fakta"].to_pylist(), default=str)


def test_nightly_schedule_extracts_what_the_sensor_left_then_loads(data_dir: Path) -> None:
    from pipelines.assets.automation import NIGHT_TAG, efter_nattlig_extraktion, nattlig_extraktion, nattlig_laddning

    _drop_samples(data_dir)
    with dg.instance_for_test() as instance:
        ctx = dg.build_schedule_context(instance=instance, scheduled_execution_time=datetime(2026, 12, 3, 2, 0))
        # sensor off: the five samples wait; the load leaves the night to the extraction
        assert isinstance(nattlig_laddning(ctx), dg.SkipReason)
        [request] = nattlig_extraktion(ctx)
        keys = instance.get_dynamic_partitions("dokument")
        assert len(keys) == 5 and (request.tags[RANGE[0]], request.tags[RANGE[1]]) == (keys[0], keys[-1])
        night = request.tags[NIGHT_TAG]
        sensor_ctx = dg.build_sensor_context(instance=instance)
        assert isinstance(efter_nattlig_extraktion(sensor_ctx), dg.SkipReason)   # no nightly extraction yet
        from pipelines.definitions import defs

        job = defs().resolve_job_def("rapport_job")
        assert job.execute_in_process(instance=instance, tags=request.tags).success
        # extracted: the load of that night starts (once: the run key is the night)
        load = efter_nattlig_extraktion(sensor_ctx)
        assert isinstance(load, dg.RunRequest) and load.run_key == f"nattlig:{night}"
        assert isinstance(nattlig_laddning(ctx), dg.RunRequest)
        assert isinstance(nattlig_extraktion(ctx), dg.SkipReason)


# --- executors and deploy/ ------------------------------------------------------------------

# The keys the dagster-k8s docs name for K8sRunLauncher and k8s_job_executor, and dagster-celery
# for celery_executor (docs.dagster.io, api/libraries/dagster-k8s and dagster-celery).
K8S_LAUNCHER_KEYS = {
    "instance_config_map", "postgres_password_secret", "dagster_home", "load_incluster_config", "kubeconfig_file",
    "job_namespace", "job_image", "image_pull_policy", "image_pull_secrets", "service_account_name",
    "env_config_maps", "env_secrets", "env_vars", "volume_mounts", "volumes", "labels", "resources",
    "scheduler_name", "security_context", "run_k8s_config", "fail_pod_on_run_failure", "only_allow_user_defined_k8s_config_fields",
}
K8S_EXECUTOR_KEYS = {
    "job_namespace", "job_image", "image_pull_policy", "image_pull_secrets", "service_account_name",
    "env_config_maps", "env_secrets", "env_vars", "volume_mounts", "volumes", "labels", "resources",
    "scheduler_name", "security_context", "max_concurrent", "tag_concurrency_limits", "step_k8s_config",
    "per_step_k8s_config", "load_incluster_config", "kubeconfig_file", "retries",
}
K8S_CONFIG_KEYS = {"container_config", "pod_spec_config", "pod_template_spec_metadata", "job_spec_config", "job_metadata"}
CELERY_EXECUTOR_KEYS = {"broker", "backend", "include", "config_source", "retries"}


@pytest.mark.parametrize("target", ["k8s", "celery"])
def test_deploy_configs_are_what_dagster_reads(target: str) -> None:
    from dagster._core.instance.config import dagster_instance_config

    folder = PROJECT_ROOT / "deploy" / target
    instance, _ = dagster_instance_config(str(folder))     # Dagster's own schema check of dagster.yaml
    limits = instance["concurrency"]["runs"]["tag_concurrency_limits"]
    assert {"key": "kommunlager/lager", "limit": 1} in limits            # one warehouse writer
    run_config = yaml.safe_load((folder / "run_config.yaml").read_text(encoding="utf-8"))
    execution = run_config["execution"]["config"]
    if target == "k8s":
        launcher = instance["run_launcher"]
        assert (launcher["module"], launcher["class"]) == ("dagster_k8s", "K8sRunLauncher")
        assert set(launcher["config"]) <= K8S_LAUNCHER_KEYS, set(launcher["config"]) - K8S_LAUNCHER_KEYS
        assert set(launcher["config"]["run_k8s_config"]) <= K8S_CONFIG_KEYS
        assert set(execution) <= K8S_EXECUTOR_KEYS, set(execution) - K8S_EXECUTOR_KEYS
        assert set(execution["step_k8s_config"]) <= K8S_CONFIG_KEYS
        mounts = {m["mountPath"] for m in launcher["config"]["volume_mounts"]}
        assert mounts == {m["mountPath"] for m in execution["volume_mounts"]}  # the same data volume everywhere
    else:
        assert set(execution) <= CELERY_EXECUTOR_KEYS and execution["broker"]


def test_the_definitions_take_their_executor_from_the_environment(monkeypatch: pytest.MonkeyPatch, data_dir) -> None:
    import importlib.util

    # A Dagster run earlier on this xdist worker may leave its instance's state storage set
    # in a context variable after its temporary home is gone; resolving a job would then
    # open that vanished SQLite file. This test needs no instance at all.
    from dagster._core.storage.defs_state.base import set_defs_state_storage

    from pipelines import definitions

    for name, expected in (("in_process", "in_process"), ("multiprocess", "multiprocess")):
        monkeypatch.setenv("KOMMUNLAGER_EXECUTOR", name)
        definitions._defs.cache_clear()
        try:
            with set_defs_state_storage(None):
                defs = definitions.defs()
                assert defs.resolve_job_def("rapport_job").executor_def.name == expected
                # the warehouse build stays one writer whatever the environment says
                assert defs.resolve_job_def("nattlig_job").executor_def.name == "in_process"
        finally:
            definitions._defs.cache_clear()
    for name, package in (("k8s", "dagster_k8s"), ("celery", "dagster_celery")):
        if importlib.util.find_spec(package) is None:
            with pytest.raises(RuntimeError, match=f"KOMMUNLAGER_EXECUTOR={name}: dagster-"):
                definitions.executor(name)
        else:
            assert definitions.executor(name).name
    monkeypatch.setenv("KOMMUNLAGER_EXECUTOR", "spark")
    with pytest.raises(ValueError, match="KOMMUNLAGER_EXECUTOR='spark'"):
        definitions.executor()


def test_raw_checks_by_document_batches_match_the_whole_table(data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import duckdb

    from pipelines.assets import quality
    from pipelines.config import Settings
    from pipelines.quality.gx_runner import load_suites, run_suite
    from pipelines.quality.quarantine import KARANTAN_SCHEMA
    from pipelines.warehouse.build import build_path

    settings = Settings.from_env()
    path = build_path(settings, "scale-test")
    path.parent.mkdir(parents=True)
    facts = _facts_with_faults()
    con = duckdb.connect(str(path))
    con.execute("create schema raw")
    for name, table in (("rapport_fakta", facts), ("karantan", KARANTAN_SCHEMA.empty_table())):
        con.register("_t", table)
        con.execute(f"create table raw.{name} as select * from _t")
        con.unregister("_t")
    con.close()
    monkeypatch.setattr(quality, "CHUNK_ROWS", 12)     # two batches of two documents
    warehouse = quality._Warehouse(settings, "scale-test")
    try:
        for suite in (s for s in load_suites() if s.table == "raw.rapport_fakta"):
            assert len(warehouse.document_batches(suite.table, "dokument_id")) == 2
            whole = quality.check_result(suite, run_suite(suite, warehouse.frame(suite), warehouse.context()))
            batched = quality.check_result(suite, warehouse.result(suite))
            assert not whole.passed
            assert batched.metadata == whole.metadata and batched.passed == whole.passed, suite.name
    finally:
        warehouse.close()


def test_a_document_that_cannot_be_extracted_is_one_line_and_the_others_load(data_dir: Path) -> None:
    from pipelines.assets.extraction import extract_many
    from pipelines.config import Settings
    from pipelines.lib.files import write_json
    from pipelines.reports.intake.inbox import intake

    _drop_samples(data_dir)
    settings = Settings.from_env()
    found = intake(settings)
    gone = "f" * 64          # registered, but its bytes are not in the lake
    write_json(settings.lake_dir / "inkorg" / f"{gone}--0.json",
               {"sha256": gone, "filnamn": "borta.pdf", "sokvag": str(data_dir / "borta.pdf"), "storlek": 10})
    outcomes = {o.sha256: o for o in extract_many(settings, [*found.document_ids, gone], workers=1)}
    assert outcomes[gone].filnamn == "borta.pdf" and "filen saknas i lake/filer" in outcomes[gone].error
    assert all(o.error is None and o.metadata["status"] == "laddad" for k, o in outcomes.items() if k != gone)


def test_long_swedish_file_names_do_not_fail_the_extraction_run(data_dir: Path, monkeypatch) -> None:
    """Diarium file names are long and Swedish; a Dagster tag value may only be 63 ASCII
    letters, digits, '_', '-', '.'. The tag is made safe, the metadata keeps the name, and
    the batched run succeeds (it failed for every document of the batch)."""
    from pipelines.assets import extraction
    from pipelines.assets.reports import FILNAMN_TAG

    monkeypatch.setattr(extraction, "MIN_POOL_DOCUMENTS", 2)
    monkeypatch.setenv("KOMMUNLAGER_WORKERS", "2")
    inbox = data_dir / "inbox" / "reports" / "1440"
    inbox.mkdir(parents=True)
    names = []
    for i, p in enumerate(sorted(SAMPLES.glob("*.txt"))):
        names.append(f"Omsorgs- och arbetsmarknadsnämnden {i} – månadsuppföljning med bilagor, tabeller och grafer.txt")
        (inbox / names[-1]).write_bytes(p.read_bytes())
    with dg.instance_for_test() as instance:
        result = _extract_all(instance)
        assert result.success
        events = [e.materialization for e in result.get_asset_materialization_events()]
        assert sorted(e.metadata["filnamn"].value for e in events) == sorted(names)
        tags = [e.tags[FILNAMN_TAG] for e in events]
        assert all(len(t) <= 63 and t.endswith(".txt") and t.isascii() for t in tags), tags
