"""`kommunlager run`: materialize every asset once, in the order the nightly load needs.

1. intake: scan the inbox, keep new files in the raw layer, register `dokument` partitions;
2. `rapport_job` runs for the documents not yet extracted by this extractor version, one
   run per batch of consecutive partitions (the same runs the inbox sensor launches), each
   extracting ``KOMMUNLAGER_WORKERS`` documents side by side;
3. one `nattlig_job` run: Kolada, warehouse build, checks, publish (what the schedule runs).

All runs go to the Dagster instance in $DAGSTER_HOME, so the UI shows them.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field

import dagster as dg
import duckdb

from pipelines.assets.kolada import run_lines as kolada_run_lines
from pipelines.assets import extraction
from pipelines.assets.automation import batches, range_tags
from pipelines.assets.warehouse import UNCHANGED_KEY
from pipelines.assets.reports import add_new_partitions, dokument_partitions
from pipelines.config import Settings, prepare_dagster_home
from pipelines.definitions import defs
from pipelines.lib.files import clean_partial_writes
from pipelines.reports.extract import EXTRACTOR_VERSION
from pipelines.reports.intake.inbox import intake, pending
from pipelines.reports.intake import lake
from pipelines.warehouse.build import build_path
from pipelines.warehouse.publish import WarehouseMissing, clean_stale_builds, connect_readonly

Progress = Callable[[int, int, str], None]
# One line per phase of the nightly run as it starts (Kolada, dbt, checks, publication).
Phase = Callable[[str], None]

# The nightly job's steps → the phase line an operator sees when the step starts.
PHASES = {
    "kolada_metadata": "Kolada: metadata (nyckeltal, kommuner, grupper)",
    "kolada_exportfiler": "Kolada: exportfiler i inkorgen",
    "kolada_varden": "Kolada: värden",
    "lager_raw": "Lager: rådata till körningens lagerfil",
    "gx_raw": "Kontroller: rådata (Great Expectations)",
    "dbt_modeller": "dbt: bygger modeller och kör dbt-tester",
    "gx_marts": "Kontroller: marts (Great Expectations)",
    "publicerat_lager": "Publicering: ersätter warehouse/kommunlager.duckdb",
    "rapportsidor": "Rapportsidor: sidor/index.html",
}


def _phase_listener(phase: Phase):
    """An instance event listener that reports each phase once, when its first step starts."""
    seen: set[str] = set()

    def listener(entry) -> None:
        event = entry.dagster_event
        if event is None or event.event_type_value != "STEP_START":
            return
        line = PHASES.get(event.step_key or "")
        if line and line not in seen:
            seen.add(line)
            phase(line)

    return listener


@dataclass
class CheckOutcome:
    asset: str
    name: str
    passed: bool
    blocking: bool
    severity: str
    detail: str = ""
    skipped: int = 0   # expectations not evaluated because their column is missing


@dataclass
class RunReport:
    documents_total: int = 0
    documents_extracted: int = 0
    # One line each: input that was rejected or could not be read (sets exit code 2).
    problems: list[str] = field(default_factory=list)
    # One line each: files whose content was already known under another name (loaded once).
    duplicates: list[str] = field(default_factory=list)
    checks: list[CheckOutcome] = field(default_factory=list)
    # Rows held back by row-level expectations in this run's build: rule → count.
    quarantined: dict[str, int] = field(default_factory=dict)
    published: bool = False
    # Nothing to build: the inputs equal the published warehouse's (dbt and checks skipped).
    unchanged: bool = False
    failure: str | None = None
    run_id: str | None = None
    # One line per Kolada asset: where its data came from (API, or the snapshot and why).
    kolada: list[str] = field(default_factory=list)

    @property
    def checks_failed(self) -> list[CheckOutcome]:
        return [c for c in self.checks if not c.passed]

    @property
    def rejected_anything(self) -> bool:
        return bool(self.problems or self.quarantined)


def _one_line(text: str) -> str:
    lines = [line.strip() for line in (text or "").strip().splitlines() if line.strip()]
    return lines[0] if lines else ""


def _check_outcomes(result: dg.ExecuteInProcessResult) -> list[CheckOutcome]:
    outcomes = []
    for ev in result.get_asset_check_evaluations():
        meta = ev.metadata or {}
        detail = ""
        if "sammanfattning" in meta:
            detail = str(meta["sammanfattning"].value)
        elif "misslyckade" in meta:
            detail = f"{meta['misslyckade'].value} misslyckade förväntningar"
        outcomes.append(
            CheckOutcome(
                asset=ev.asset_key.to_user_string(), name=ev.check_name, passed=ev.passed,
                blocking=bool(getattr(ev, "blocking", False)), severity=ev.severity.value, detail=_one_line(detail),
                skipped=int(meta["antal_hoppade_over"].value) if "antal_hoppade_over" in meta else 0,
            )
        )
    return outcomes


def _quarantined(result: dg.ExecuteInProcessResult) -> dict[str, int]:
    counts: dict[str, int] = {}
    for ev in result.get_asset_check_evaluations():
        per_rule = (ev.metadata or {}).get("karantan_per_regel")
        for rule, n in (per_rule.value if per_rule is not None else {}).items():
            counts[rule] = counts.get(rule, 0) + int(n)
    return counts


def _duplicates(settings: Settings, files: list) -> list[str]:
    """Files in the inbox now whose content another file there already has, as dim_dokument
    orders them (first sighting first). A file moved to another folder is no duplicate of
    its old path: only the files this scan found count."""
    here = {str(f.path) for f in files}
    lines = []
    for doc in dict.fromkeys(f.sha256 for f in files):
        seen = sorted((s for s in lake.sightings(settings, doc) if s.get("sokvag") in here),
                      key=lambda s: (s.get("sedd") or "", s.get("sokvag") or ""))
        lines += [f"{s['filnamn']}: samma innehåll som {seen[0]['filnamn']} (dubblett, laddas en gång)" for s in seen[1:]]
    return lines


def _unchanged(result: dg.ExecuteInProcessResult) -> bool:
    for event in result.all_events:
        if event.event_type_value == "ASSET_OBSERVATION":
            meta = event.asset_observation_data.asset_observation.metadata or {}
            if UNCHANGED_KEY in meta:
                return True
    return False


def _published_quarantine(settings: Settings) -> dict[str, int]:
    try:
        con = connect_readonly(settings)
    except WarehouseMissing:
        return {}
    try:
        return dict(con.execute("select regel, count(*) from karantan group by 1").fetchall())
    except duckdb.Error:
        return {}
    finally:
        con.close()


def _failure_reason(result: dg.ExecuteInProcessResult) -> str:
    for event in result.all_events:
        if event.event_type_value == "STEP_FAILURE":
            err = event.step_failure_data.error
            message = (err.message or "").strip().splitlines()
            return f"steg {event.step_key}: {message[0] if message else err.cls_name}"
    return "körningen misslyckades"


def _extract(instance: dg.DagsterInstance, found, todo: list[str], tags: dict[str, str],
             progress: Progress | None) -> tuple[int, list[str]]:
    """Extraction runs for the waiting documents: one run per batch of consecutive
    partitions (usually one run), its documents extracted ``KOMMUNLAGER_WORKERS`` at a
    time. Returns the number extracted and one line per document that failed."""
    if not todo:
        return 0, []
    names = {f.sha256: f.name for f in found.files}
    order = instance.get_dynamic_partitions(dokument_partitions.name)
    rapport_job = defs().resolve_job_def("rapport_job")
    if progress:
        progress(0, len(todo), names.get(todo[0], todo[0][:12]))
    done_before = 0

    def step(done: int, total: int, name: str) -> None:
        if progress:
            progress(done_before + done, len(todo), name if done_before + done < len(todo) else "klart")

    extracted, failed = 0, []
    extraction.progress_hook = step
    try:
        for batch in batches(order, todo):
            run_tags = {**tags, **(range_tags(batch) if len(batch) > 1 else {})}
            res = rapport_job.execute_in_process(partition_key=batch[0] if len(batch) == 1 else None,
                                                instance=instance, raise_on_error=False, tags=run_tags)
            done = {e.materialization.partition for e in res.get_asset_materialization_events()}
            extracted += len(done)
            if not res.success:
                lines = _failed_documents(res)
                failed += lines or [_one_line(f"{names.get(d, d[:12])}: {_failure_reason(res)}")
                                    for d in batch if d not in done]
            done_before += len(batch)
    finally:
        extraction.progress_hook = None
    return extracted, failed


def _failed_documents(result: dg.ExecuteInProcessResult) -> list[str]:
    """The documents an extraction run could not extract, one line each (its Failure metadata)."""
    for event in result.all_events:
        if event.event_type_value == "STEP_FAILURE":
            meta = event.step_failure_data.user_failure_data
            text = meta.metadata.get("misslyckade") if meta and meta.metadata else None
            if text is not None:
                return [_one_line(line) for line in str(text.value).splitlines() if line.strip()]
    return []


def run_all(settings: Settings | None = None, *, progress: Progress | None = None,
            phase: Phase | None = None) -> RunReport:
    settings = settings or Settings.from_env()
    prepare_dagster_home(settings)
    report = RunReport()
    # Leftovers of killed runs: build files older than a day, half-written lake files.
    clean_stale_builds(settings)
    clean_partial_writes(settings.lake_dir)
    tags = {PID_TAG: str(os.getpid())}
    with dg.DagsterInstance.get() as instance:
        recover_dead_runs(instance)
        found = intake(settings)
        report.problems.extend(found.problems)
        report.documents_total = len(found.document_ids)
        add_new_partitions(instance, found.document_ids)
        todo = pending(settings, found.document_ids, EXTRACTOR_VERSION)
        extracted, failed = _extract(instance, found, todo, tags, progress)
        report.documents_extracted += extracted
        report.problems.extend(failed)
        run_id = str(uuid.uuid4())
        if phase:
            instance.add_event_listener(run_id, _phase_listener(phase))
        nightly = defs().resolve_job_def("nattlig_job").execute_in_process(instance=instance, raise_on_error=False,
                                                                         tags=tags, run_id=run_id)
        report.run_id = nightly.run_id
        report.checks = _check_outcomes(nightly)
        report.kolada, kolada_problems = kolada_run_lines(nightly)
        report.problems.extend(kolada_problems)
        report.quarantined = _quarantined(nightly)
        mat_keys = {m.asset_key.to_user_string() for m in nightly.get_asset_materialization_events()}
        report.published = "publicerat_lager" in mat_keys
        report.unchanged = _unchanged(nightly)
        if report.unchanged:  # what the published warehouse holds back is still held back
            report.quarantined = _published_quarantine(settings)
        if not report.published and not report.unchanged:
            blocked = [c for c in report.checks_failed if c.severity == "ERROR"]
            report.failure = (f"blockerande kontroll misslyckades: {blocked[0].asset} {blocked[0].name}" if blocked
                              else _one_line(_failure_reason(nightly)))
            # This run's build is not published and never will be: remove it now rather
            # than leaving it to the 24-hour cleanup (the check metadata says what failed).
            _remove_build(build_path(settings, nightly.run_id))
    for doc in found.document_ids:
        info = lake.read_extraction_info(settings, doc, EXTRACTOR_VERSION)
        if info and info.orsak and info.status != "laddad":
            report.problems.append(_one_line(info.orsak))
    report.duplicates = _duplicates(settings, found.files)
    report.problems = list(dict.fromkeys(report.problems))
    return report


# Runs started by `kommunlager run` carry the pid of their process, so a later run can tell
# a run that is still going from one whose process was killed.
PID_TAG = "kommunlager/pid"


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def recover_dead_runs(instance: dg.DagsterInstance) -> list[str]:
    """Release what killed runs still hold.

    A run killed in the middle (SIGKILL, power loss) stays STARTED in the instance and keeps
    its slot in the ``kommunlager_lager`` pool, so every later build would wait for that slot
    forever. Runs of an earlier ``kommunlager run`` whose process is gone are marked failed
    and their slots freed; finished runs that still hold a slot are freed too. Runs launched
    by the Dagster daemon (no pid tag) that are still going are left alone."""
    storage = instance.event_log_storage
    if not storage.supports_global_concurrency_limits:
        return []
    recovered = []
    run_ids = set(storage.get_concurrency_run_ids())
    run_ids |= {r.run_id for r in instance.get_runs(filters=dg.RunsFilter(
        statuses=[dg.DagsterRunStatus.STARTED, dg.DagsterRunStatus.STARTING]))}
    for run_id in run_ids:
        run = instance.get_run_by_id(run_id)
        if run is None:
            storage.free_concurrency_slots_for_run(run_id)
            continue
        if not run.is_finished:
            pid = run.tags.get(PID_TAG)
            if not pid or not pid.isdigit() or int(pid) == os.getpid() or _alive(int(pid)):
                continue
            instance.report_run_failed(run, f"kommunlager run (pid {pid}) avbröts; körningen avslutades inte")
            recovered.append(run_id)
        storage.free_concurrency_slots_for_run(run_id)
    return recovered


def _remove_build(path) -> None:
    for p in (path, path.with_suffix(".duckdb.wal")):
        p.unlink(missing_ok=True)
