"""What operators see in the Dagster UI for a document: its file name beside the
content-hash partition key, and a rejected document as a warning, not green. Real
materializations of the real assets on a two-file inbox."""

from __future__ import annotations

import hashlib
from pathlib import Path

import dagster as dg

from pipelines.assets.reports import FILNAMN_TAG, STATUS_CHECK, inkorg_rapporter, rapport_fakta
from pipelines.config import Settings
from tests.conftest import SAMPLES


def test_partitions_name_their_file_and_a_rejected_document_warns(data_dir: Path) -> None:
    settings = Settings.from_env()
    inbox = settings.inbox_reports
    inbox.mkdir(parents=True)
    good = inbox / "ale_uppfoljning.txt"
    good.write_bytes((SAMPLES / "004_b18213af86805180.txt").read_bytes())
    bad = inbox / "trasig.pdf"
    bad.write_bytes(b"%PDF-1.7\n%broken beyond repair\n")
    keys = {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in (good, bad)}
    with dg.instance_for_test() as instance:
        assert dg.materialize([inkorg_rapporter], instance=instance).success
        assert set(instance.get_dynamic_partitions("dokument")) == set(keys.values())
        evaluations = {}
        for name, key in keys.items():
            result = dg.materialize([rapport_fakta], partition_key=key, instance=instance)
            assert result.success                       # a rejected file is not a failed run
            run = instance.get_run_by_id(result.run_id)
            assert run.tags[FILNAMN_TAG] == name        # the run list names the file
            [mat] = result.asset_materializations_for_node("rapport_fakta")
            assert mat.partition == key and mat.metadata["filnamn"].value == name
            [ev] = result.get_asset_check_evaluations()
            evaluations[name] = ev
        ok, rejected = evaluations["ale_uppfoljning.txt"], evaluations["trasig.pdf"]
        assert ok.passed and ok.partition == keys["ale_uppfoljning.txt"]
        assert not rejected.passed and rejected.severity == dg.AssetCheckSeverity.WARN
        assert rejected.partition == keys["trasig.pdf"] and rejected.check_name == STATUS_CHECK.name
        assert rejected.metadata["orsak"].value.startswith("trasig.pdf: ")
        # the instance keeps the warning under the document's partition (what the UI shows)
        history = instance.event_log_storage.get_asset_check_execution_history(STATUS_CHECK.key, limit=10)
        assert {(r.event.dagster_event.event_specific_data.partition, r.status.value) for r in history} == {
            (keys["trasig.pdf"], "FAILED"), (keys["ale_uppfoljning.txt"], "SUCCEEDED")}


def test_a_run_over_many_documents_warns_on_each_rejected_partition() -> None:
    """status_check in a run that covers a partition range (batched extraction): one
    evaluation per document under its own partition, and one for the run."""
    from pipelines.assets.reports import dokument_partitions, status_check
    from pipelines.reports.model import DocumentInfo

    @dg.asset(name="rapport_fakta", partitions_def=dokument_partitions, check_specs=[STATUS_CHECK])
    def batched(context):  # no annotation: this module postpones annotations, which dagster cannot read
        infos = {k: DocumentInfo(filnamn=f"{k}.pdf", status="avvisad" if k == "b" else "laddad",
                                 orsak="b.pdf: trasig" if k == "b" else None) for k in context.partition_keys}
        return dg.MaterializeResult(check_results=[status_check(context, infos)])

    with dg.instance_for_test() as instance:
        instance.add_dynamic_partitions("dokument", ["a", "b", "c"])
        result = dg.materialize([batched], instance=instance, tags={
            "dagster/asset_partition_range_start": "a", "dagster/asset_partition_range_end": "c"})
        assert result.success
        per_partition = {e.partition: (e.passed, e.severity) for e in result.get_asset_check_evaluations()}
        warn = dg.AssetCheckSeverity.WARN
        assert per_partition == {"a": (True, warn), "b": (False, warn), "c": (True, warn), None: (False, warn)}
        history = instance.event_log_storage.get_asset_check_execution_history(STATUS_CHECK.key, limit=10)
        assert ("b", "FAILED") in {(r.event.dagster_event.event_specific_data.partition, r.status.value) for r in history}
