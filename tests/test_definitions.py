"""Snapshot of the asset graph: keys, groups, checks, jobs, schedule and sensor.

A deliberate change to the graph updates the snapshot: UPDATE_SNAPSHOTS=1 make test.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import dagster as dg

from pipelines.definitions import defs

SNAPSHOT = Path(__file__).parent / "snapshots" / "asset_graph.json"


def graph_description() -> dict:
    graph = defs().resolve_asset_graph()
    assets = {}
    for key in sorted(graph.get_all_asset_keys(), key=lambda k: k.to_user_string()):
        node = graph.get(key)
        assets[key.to_user_string()] = {
            "group": node.group_name,
            "partitioned": node.partitions_def is not None,
            "deps": sorted(k.to_user_string() for k in node.parent_keys),
        }
    checks = {}
    for ck in sorted(graph.asset_check_keys, key=lambda k: k.to_user_string()):
        checks[ck.to_user_string()] = {"blocking": graph.get_check_spec(ck).blocking}
    schedules = {
        s.name: {"cron": s.cron_schedule, "timezone": s.execution_timezone, "job": s.job_name}
        for s in defs().schedules or []
    }
    sensors = {s.name: {"jobs": sorted(j.name for j in s.jobs)} for s in defs().sensors or []}
    jobs = sorted(j.name for j in defs().jobs or [])
    return {"assets": assets, "checks": checks, "jobs": jobs, "schedules": schedules, "sensors": sensors}


def test_asset_graph_matches_snapshot() -> None:
    current = graph_description()
    if os.environ.get("UPDATE_SNAPSHOTS") or not SNAPSHOT.exists():
        SNAPSHOT.parent.mkdir(exist_ok=True)
        SNAPSHOT.write_text(json.dumps(current, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    assert current == json.loads(SNAPSHOT.read_text(encoding="utf-8"))


def test_groups_schedule_and_sensor() -> None:
    current = graph_description()
    groups = {a["group"] for a in current["assets"].values()}
    assert groups == {"rapporter", "kolada", "modeller", "publicering"}
    assert current["assets"]["rapport_fakta"]["partitioned"]
    assert current["schedules"]["nattlig_laddning"] == {
        "cron": "0 2 * * *", "timezone": "Europe/Stockholm", "job": "nattlig_job",
    }
    assert current["sensors"]["inkorg_sensor"]["jobs"] == ["rapport_job"]
    # dbt tests and GX suites are asset checks; the publication waits for blocking ones
    assert any(name.startswith("fct_kolada_varde:gx_") for name in current["checks"])
    assert any(":unique_" in name for name in current["checks"])
    assert set(current["assets"]["publicerat_lager"]["deps"]) >= {"fct_ekonomi", "fct_kolada_varde", "dim_dokument"}


def test_sensor_requests_one_run_for_the_new_documents(data_dir: Path) -> None:
    from pipelines.assets.automation import inkorg_sensor
    from tests.conftest import SAMPLES

    inbox = data_dir / "inbox" / "reports" / "1440"
    inbox.mkdir(parents=True)
    for p in SAMPLES.glob("00[01]*.txt"):
        (inbox / p.name).write_bytes(p.read_bytes())
    with dg.instance_for_test() as instance:
        result = inkorg_sensor(dg.build_sensor_context(instance=instance))
        # one run covering both new documents (a range of two partitions)
        [request] = result.run_requests
        new = list(result.dynamic_partitions_requests[0].partition_keys)
        assert len(new) == 2 and request.partition_key is None
        assert (request.tags["dagster/asset_partition_range_start"], request.tags["dagster/asset_partition_range_end"]) \
            == (new[0], new[1])
        instance.add_dynamic_partitions("dokument", list(result.dynamic_partitions_requests[0].partition_keys))
        # nothing extracted yet: the same runs are requested again, with the same run keys
        again = inkorg_sensor(dg.build_sensor_context(instance=instance))
        assert {r.run_key for r in again.run_requests} == {r.run_key for r in result.run_requests}
        assert not again.dynamic_partitions_requests
