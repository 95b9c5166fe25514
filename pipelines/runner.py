"""`kommunlager run`: materialize every asset once, in the order the nightly load needs.

1. intake: scan the inbox, keep new files in the raw layer, register `dokument` partitions;
2. one `rapport_job` run per document not yet extracted by this extractor version
   (the same runs the inbox sensor launches);
3. one `nattlig_job` run: Kolada, warehouse build, checks, publish (what the schedule runs).

All runs go to the Dagster instance in $DAGSTER_HOME, so the UI shows them.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import dagster as dg

from pipelines.config import Settings, prepare_dagster_home
from pipelines.reports.extract import EXTRACTOR_VERSION
from pipelines.reports.inbox import intake, pending
from pipelines.warehouse import lake

Progress = Callable[[int, int, str], None]


@dataclass
class CheckOutcome:
    asset: str
    name: str
    passed: bool
    blocking: bool
    severity: str
    detail: str = ""


@dataclass
class RunReport:
    documents_total: int = 0
    documents_extracted: int = 0
    problems: list[str] = field(default_factory=list)
    checks: list[CheckOutcome] = field(default_factory=list)
    published: bool = False
    failure: str | None = None
    run_id: str | None = None
    # One line per Kolada asset: where its data came from (API, or the snapshot and why).
    kolada: list[str] = field(default_factory=list)

    @property
    def checks_failed(self) -> list[CheckOutcome]:
        return [c for c in self.checks if not c.passed]


def _check_outcomes(result: dg.ExecuteInProcessResult) -> list[CheckOutcome]:
    outcomes = []
    for ev in result.get_asset_check_evaluations():
        meta = ev.metadata or {}
        detail = ""
        if "misslyckade" in meta:
            detail = f"{meta['misslyckade'].value} misslyckade förväntningar"
        outcomes.append(
            CheckOutcome(
                asset=ev.asset_key.to_user_string(), name=ev.check_name, passed=ev.passed,
                blocking=bool(getattr(ev, "blocking", False)), severity=ev.severity.value, detail=detail,
            )
        )
    return outcomes


def _failure_reason(result: dg.ExecuteInProcessResult) -> str:
    for event in result.all_events:
        if event.event_type_value == "STEP_FAILURE":
            err = event.step_failure_data.error
            message = (err.message or "").strip().splitlines()
            return f"steg {event.step_key}: {message[0] if message else err.cls_name}"
    return "körningen misslyckades"


def run_all(settings: Settings | None = None, *, progress: Progress | None = None) -> RunReport:
    from pipelines.assets.kolada import run_lines as kolada_run_lines
    from pipelines.assets.reports import add_new_partitions
    from pipelines.definitions import defs

    settings = settings or Settings.from_env()
    prepare_dagster_home(settings)
    report = RunReport()
    with dg.DagsterInstance.get() as instance:
        found = intake(settings)
        report.problems.extend(found.problems)
        report.documents_total = len(found.document_ids)
        add_new_partitions(instance, found.document_ids)
        todo = pending(settings, found.document_ids, EXTRACTOR_VERSION)
        names = {f.sha256: f.name for f in found.files}
        rapport_job = defs.resolve_job_def("rapport_job")
        for i, doc in enumerate(todo, start=1):
            if progress:
                progress(i - 1, len(todo), names.get(doc, doc[:12]))
            res = rapport_job.execute_in_process(partition_key=doc, instance=instance, raise_on_error=False)
            if res.success:
                report.documents_extracted += 1
            else:
                report.problems.append(f"{names.get(doc, doc[:12])}: {_failure_reason(res)}")
        if progress and todo:
            progress(len(todo), len(todo), "klart")
        nightly = defs.resolve_job_def("nattlig_job").execute_in_process(instance=instance, raise_on_error=False)
        report.run_id = nightly.run_id
        report.checks = _check_outcomes(nightly)
        report.kolada, kolada_problems = kolada_run_lines(nightly)
        report.problems.extend(kolada_problems)
        mat_keys = {m.asset_key.to_user_string() for m in nightly.get_asset_materialization_events()}
        report.published = "publicerat_lager" in mat_keys
        if not report.published:
            report.failure = _failure_reason(nightly) if not nightly.success else "blockerande kontroll misslyckades"
    for doc in found.document_ids:
        info = lake.read_extraction_info(settings, doc, EXTRACTOR_VERSION)
        if info and info.orsak and info.status != "laddad":
            report.problems.append(info.orsak)
    return report
