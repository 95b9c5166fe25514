"""Per-file budgets (issue 11 item 2): each limit rejects before the memory is spent, names
the file and its variable, and is set from the environment (pipelines/config.py Limits)."""

from __future__ import annotations

import zlib
from pathlib import Path

import duckdb
import pytest

from pipelines.config import DBT_PROJECT_DIR, Limits, Settings
from pipelines.reports.extract import extract_file
from tests import hostile_files as hf


def test_limits_come_from_the_environment_and_nonsense_keeps_the_default(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KOMMUNLAGER_MAX_PAGES", "12")
    monkeypatch.setenv("KOMMUNLAGER_MAX_STREAM_MB", "0.5")
    monkeypatch.setenv("KOMMUNLAGER_MAX_TEXT_CHARS", "många")
    monkeypatch.setenv("KOMMUNLAGER_MAX_PAGE_CHARS", "-3")
    monkeypatch.setenv("KOMMUNLAGER_DUCKDB_MEMORY_LIMIT", "lite")
    lim = Limits.from_env()
    assert lim.duckdb_memory_limit == "2GB"
    assert (lim.max_pages, lim.max_stream_mb) == (12, 0.5)
    assert (lim.max_text_chars, lim.max_page_chars) == (Limits.max_text_chars, Limits.max_page_chars)
    assert Settings.from_env().limits == lim


def test_a_pdf_stream_over_the_limit_is_rejected_and_under_it_loads(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    content = hf.page_content(hf.REPORT_LINES) + b"\n"
    path = tmp_path / "rapport.pdf"
    path.write_bytes(hf.pdf_bytes([], compressed=[hf.deflate_repeated(content, b" ", 8 << 20)]))
    monkeypatch.setenv("KOMMUNLAGER_MAX_STREAM_MB", "4")
    result = extract_file(path)
    assert result.info.status == "avvisad"
    assert result.info.orsak.startswith("rapport.pdf: över gränsen: en ström") and "KOMMUNLAGER_MAX_STREAM_MB" in result.info.orsak
    monkeypatch.setenv("KOMMUNLAGER_MAX_STREAM_MB", "9")
    assert extract_file(path).info.status == "laddad"


def test_pdf_pages_and_characters_per_page(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "rapport.pdf"
    path.write_bytes(hf.pdf_bytes([hf.page_content(hf.REPORT_LINES)] * 3))
    monkeypatch.setenv("KOMMUNLAGER_MAX_PAGES", "2")
    assert "3 sidor" in extract_file(path).info.orsak
    monkeypatch.setenv("KOMMUNLAGER_MAX_PAGES", "3")
    monkeypatch.setenv("KOMMUNLAGER_MAX_PAGE_CHARS", "50")
    orsak = extract_file(path).info.orsak
    assert orsak.startswith("rapport.pdf: över gränsen: sida 1 har") and "KOMMUNLAGER_MAX_PAGE_CHARS" in orsak
    monkeypatch.setenv("KOMMUNLAGER_MAX_PAGE_CHARS", "1000")
    monkeypatch.setenv("KOMMUNLAGER_MAX_TEXT_CHARS", "400")      # ~180 per page: over on page 3
    assert "KOMMUNLAGER_MAX_TEXT_CHARS" in extract_file(path).info.orsak


def test_a_text_too_long_for_the_budget_is_refused_before_it_is_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "lang.txt"
    path.write_text(hf.good_text() * 200, encoding="utf-8")
    monkeypatch.setenv("KOMMUNLAGER_MAX_TEXT_CHARS", "1000")

    def not_read(self: Path) -> bytes:
        raise AssertionError(f"{self} was read")

    with monkeypatch.context() as m:
        m.setattr(Path, "read_bytes", not_read)
        result = extract_file(path)
    assert result.info.status == "avvisad" and "KOMMUNLAGER_MAX_TEXT_CHARS" in result.info.orsak
    # within 4 bytes per character it is read, then counted exactly
    monkeypatch.setenv("KOMMUNLAGER_MAX_TEXT_CHARS", str(path.stat().st_size // 2))
    assert "tecken text" in extract_file(path).info.orsak


def test_a_form_feed_page_over_the_page_budget_is_named(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "sidor.txt"
    path.write_text(hf.good_text() + "\f" + hf.good_text() * 3, encoding="utf-8")
    monkeypatch.setenv("KOMMUNLAGER_MAX_PAGE_CHARS", str(len(hf.good_text()) + 5))
    assert "sida 2 har" in extract_file(path).info.orsak


def test_a_docx_member_whose_directory_lies_about_its_size_is_caught(tmp_path: Path) -> None:
    """The directory says 1 000 bytes; the member inflates to 64 MB. zipfile stops at the
    declared size and the CRC fails: rejected as broken, never inflated whole."""
    head = hf._DOC_HEAD.encode() + b"<w:p><w:r><w:t>"
    raw, size = hf._raw_repeated(head, b" ", 64 << 20, b"</w:t></w:r></w:p>" + hf._DOC_TAIL.encode())
    members = [hf._member("[Content_Types].xml", hf._CT), hf._member("_rels/.rels", hf._RELS),
               ("word/document.xml", raw, zlib.crc32(b"x"), 1000)]
    path = tmp_path / "ljuger.docx"
    path.write_bytes(hf.zip_bytes(members))
    result = extract_file(path)
    assert result.info.status == "avvisad" and result.info.orsak.startswith("ljuger.docx: trasig .docx")


def test_a_docx_over_the_unpacked_budget_names_the_variable(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = hf.docx_bytes(tmp_path / "stor.docx", bomb=8 << 20)
    monkeypatch.setenv("KOMMUNLAGER_MAX_DOCX_XML_MB", "4")
    assert "KOMMUNLAGER_MAX_DOCX_XML_MB" in extract_file(path).info.orsak
    monkeypatch.setenv("KOMMUNLAGER_MAX_UNPACKED_MB", "2")
    assert "KOMMUNLAGER_MAX_UNPACKED_MB" in extract_file(path).info.orsak


def test_duckdb_memory_limit_is_set_for_the_build_and_for_dbt(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from pipelines.warehouse.build import duckdb_config

    monkeypatch.setenv("KOMMUNLAGER_DUCKDB_MEMORY_LIMIT", "300MB")
    monkeypatch.setenv("KOMMUNLAGER_DATA_DIR", str(tmp_path))
    con = duckdb.connect(str(tmp_path / "bygg.duckdb"), config=duckdb_config(Settings.from_env()))
    try:
        limit = con.execute("select current_setting('memory_limit')").fetchone()[0]
    finally:
        con.close()
    assert limit.startswith("286") and "MiB" in limit        # 300 MB as DuckDB reports it
    profile = (DBT_PROJECT_DIR / "profiles.yml").read_text(encoding="utf-8")
    assert "memory_limit: \"{{ env_var('KOMMUNLAGER_DUCKDB_MEMORY_LIMIT', '2GB') }}\"" in profile
