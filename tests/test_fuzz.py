"""Fuzz: mutated and hostile PDFs, DOCX and text through `kommunlager extract`.

Every file gets a status (laddad or avvisad with a one-line reason naming it), nothing
prints a traceback, and each file's extraction, measured in its own process, peaks at
≤ 600 MB RSS with the default limits (issue 11 item 2). The hostile files are built here,
small on disk: a 1 GB deflate stream is 1 MB, a 256 MB zip bomb 0.1 MB. Three of them go
through a whole `kommunlager run` in tests/test_bad_inputs.py (its end-to-end run, so no
extra run is paid for here).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zlib
from pathlib import Path

import pytest

from pipelines.config import LIMIT_ENV, PROJECT_ROOT
from tests import hostile_files as hf

PEAK_MB = 600


def _mutants(folder: Path) -> dict[str, str]:
    """The hostile files, written into ``folder``: name → the status it must get."""
    folder.mkdir(parents=True, exist_ok=True)
    pdf = hf.good_pdf()
    docx = hf.docx_bytes(folder / "bra.docx").read_bytes()
    text = hf.good_text().encode()
    files: dict[str, bytes] = {
        "bra.pdf": pdf,
        "avkortad.pdf": pdf[: len(pdf) // 2],
        "avkortad-eof.pdf": pdf[: len(pdf) // 2] + b"\n%%EOF\n",
        "flippad-1.pdf": hf.flip_bytes(pdf, 12, seed=1),
        "flippad-2.pdf": hf.flip_bytes(pdf, 40, seed=2),
        "nollor-1gb.pdf": hf.pdf_bytes([], compressed=[
            hf.deflate_repeated(hf.page_content(hf.REPORT_LINES) + b"\n", b"\0", 1 << 30)]),
        "dubbel-deflate.pdf": hf.pdf_bytes([], compressed=[
            zlib.compress(hf.deflate_repeated(b"", b"\0", 64 << 20))]).replace(
                b"/Filter /FlateDecode", b"/Filter [/FlateDecode /FlateDecode]"),
        "manga-sidor.pdf": hf.pdf_bytes([b"BT ET"] * 3001),
        "avkortad.docx": docx[: len(docx) // 2],
        "flippad.docx": hf.flip_bytes(docx, 20, seed=3),
        "avkortad.txt": text[:-3] + "å".encode()[:1],
        "binar.txt": hf.flip_bytes(text, 0, seed=4)[:20] + b"\x00\x01\x02" + text[20:],
        "en-lang-rad.txt": b"Nettokostnad 1 234 tkr. " * (5_100_000 // 24 + 1),
    }
    for name, data in files.items():
        (folder / name).write_bytes(data)
    hf.docx_bytes(folder / "zipbomb.docx", bomb=256 << 20)
    return {
        "bra.pdf": "laddad", "bra.docx": "laddad",
        "avkortad.pdf": "avvisad", "avkortad-eof.pdf": "avvisad",
        "flippad-1.pdf": "*", "flippad-2.pdf": "*",
        "nollor-1gb.pdf": "avvisad", "dubbel-deflate.pdf": "avvisad", "manga-sidor.pdf": "avvisad",
        "avkortad.docx": "avvisad", "flippad.docx": "*", "zipbomb.docx": "avvisad",
        "avkortad.txt": "laddad", "binar.txt": "avvisad", "en-lang-rad.txt": "avvisad",
    }


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str]]:
    folder = tmp_path_factory.mktemp("fientliga")
    return folder, _mutants(folder)


def _env() -> dict[str, str]:
    """The default limits, whatever the developer's shell says."""
    return {k: v for k, v in os.environ.items() if k not in LIMIT_ENV.values()}


REASONS = {
    "nollor-1gb.pdf": "KOMMUNLAGER_MAX_STREAM_MB", "dubbel-deflate.pdf": "KOMMUNLAGER_MAX_STREAM_MB",
    "manga-sidor.pdf": "KOMMUNLAGER_MAX_PAGES", "zipbomb.docx": "KOMMUNLAGER_MAX_UNPACKED_MB",
    "en-lang-rad.txt": "KOMMUNLAGER_MAX_TEXT_CHARS",
}


def test_each_hostile_file_gets_a_status_within_600_mb_in_its_own_process(hostile) -> None:
    folder, expected = hostile
    names = sorted(expected)
    done = subprocess.run([sys.executable, "-m", "tests.peak_rss", *(str(folder / n) for n in names)],
                          cwd=PROJECT_ROOT, env=_env(), capture_output=True, text=True, timeout=300)
    assert done.returncode == 0 and "Traceback" not in done.stderr, done.stderr[-3000:]
    rows = {r["file"]: r for r in map(json.loads, done.stdout.splitlines())}
    assert sorted(rows) == names
    for name, row in rows.items():
        assert row["exit"] == 0 and row["status"] in ("laddad", "avvisad"), row
        assert row["peak_mb"] <= PEAK_MB, row
        if expected[name] != "*":
            assert row["status"] == expected[name], row
        if row["status"] == "avvisad":
            assert row["orsak"].startswith(f"{name}: ") and "\n" not in row["orsak"], row
    for name, env in REASONS.items():
        assert env in rows[name]["orsak"], rows[name]
    assert rows["bra.pdf"]["fakta"] > 0


def test_extract_reads_them_all_on_one_command_line(hostile) -> None:
    folder, expected = hostile
    names = sorted(expected)
    done = subprocess.run([sys.executable, "-m", "pipelines.cli", "extract", *(str(folder / n) for n in names)],
                          cwd=PROJECT_ROOT, env=_env(), capture_output=True, text=True, timeout=300)
    assert "Traceback" not in done.stdout + done.stderr, done.stderr[-3000:]
    assert done.returncode == 2, done.stderr
    rejected = [line for line in done.stderr.splitlines() if line.startswith("kommunlager: ") and "över gränsen" in line]
    assert {line.split(": ")[1] for line in rejected} == set(REASONS)
    documents = {json.loads(line)["document"] for line in done.stdout.splitlines()}
    assert "bra.pdf" in documents        # a good file among the bad still loads
