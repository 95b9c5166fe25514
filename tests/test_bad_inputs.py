"""Bad inputs: a corpus made here from the shared documents, each file checked on its own,
then all of them loaded end to end with `kommunlager run` (twice: the second run changes
nothing)."""

from __future__ import annotations

import hashlib
import os
import struct
import subprocess
import sys
from pathlib import Path

import duckdb
import pypdfium2 as pdfium
import pytest

from pipelines.reports.extract import extract_file
from pipelines.reports.read.guard import precheck
from pipelines.reports.model import ExtractionError
from tests import hostile_files
from tests.conftest import SAMPLES, shared_path

SEED_000 = SAMPLES / "000_29325da1e2c822b1.txt"
SEED_001 = SAMPLES / "001_8298ea3312bc035f.txt"
SEED_004 = SAMPLES / "004_b18213af86805180.txt"
SMALL_PDF = ("corpus", "alingsas", "socialnamnden_2026-06-16_tjansteskrivelse-ekonomisk-uppfoljning-maj-2026.pdf")
TABLE_PDF = ("corpus", "alingsas", "vard-och-omsorgsnamnden_2026-05-18_fordjupad-manadsuppfoljning-2026.pdf")

# --- a password-protected PDF, built by hand ------------------------------------------
# No installed library writes encrypted PDFs (pypdfium2 reads only), so this builds one:
# the PDF standard security handler, revision 2 (RC4, 40-bit key), user password below.

PASSWORD = b"hemligt"
_PAD = bytes.fromhex("28BF4E5E4E758A4164004E56FFFA01082E2E00B6D0683E802F0CA9FE6453697A")


def _rc4(key: bytes, data: bytes) -> bytes:
    s = list(range(256))
    j = 0
    for i in range(256):
        j = (j + s[i] + key[i % len(key)]) % 256
        s[i], s[j] = s[j], s[i]
    out, i, j = bytearray(), 0, 0
    for byte in data:
        i = (i + 1) % 256
        j = (j + s[i]) % 256
        s[i], s[j] = s[j], s[i]
        out.append(byte ^ s[(s[i] + s[j]) % 256])
    return bytes(out)


def encrypted_pdf(text: str = "Hemlig rapport: Nettokostnad 1 000 tkr") -> bytes:
    padded = lambda pw: (pw + _PAD)[:32]  # noqa: E731
    permissions = -44
    file_id = hashlib.md5(b"kommunlager-test").digest()
    owner = _rc4(hashlib.md5(padded(b"agare")).digest()[:5], padded(PASSWORD))
    key = hashlib.md5(padded(PASSWORD) + owner + struct.pack("<i", permissions) + file_id).digest()[:5]
    user = _rc4(key, _PAD)
    stream = f"BT /F1 18 Tf 72 720 Td ({text}) Tj ET".encode("latin-1")
    object_key = hashlib.md5(key + (4).to_bytes(3, "little") + (0).to_bytes(2, "little")).digest()[:10]
    body = _rc4(object_key, stream)
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(body) + body + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        b"<< /Filter /Standard /V 1 /R 2 /O <%s> /U <%s> /P %d >>" % (owner.hex().encode(), user.hex().encode(), permissions),
    ]
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for n, obj in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % n + obj + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R /Encrypt 6 0 R /ID [<%s> <%s>] >>\n" % (
        len(objects) + 1, file_id.hex().encode(), file_id.hex().encode())
    out += b"startxref\n%d\n%%%%EOF\n" % xref
    return bytes(out)


def image_only_pdf(source: Path, dest: Path) -> None:
    """Page 1 of a real report rendered to pixels and wrapped as a PDF (a scan)."""
    pdf = pdfium.PdfDocument(str(source))
    try:
        image = pdf[0].render(scale=1).to_pil().convert("RGB")
    finally:
        pdf.close()
    image.save(dest, "PDF", resolution=72)


def _seed_001_variant(replacements: dict[str, str]) -> str:
    lines = SEED_001.read_text(encoding="utf-8").split("\n")
    for i, line in enumerate(lines):
        for start, new in replacements.items():
            if line.startswith(start):
                lines[i] = new
    return "\n".join(lines)


# Rows of seed 001 changed so that row-level expectations must catch them.
FELRADER = {
    "Intäkter\t182 149": "Intäkter (frågor: anna.andersson@ale.se)\t182 149\t177 382\t102,7 %\t265 704\t269 053\t3 349\t127 051\t203 816",
    "Kostnader\t500 806": "Kostnader\t500,8\t496 248\t100,9 %\t747 335\t750 684\t-3 349\t448 453\t675 659",
    "Sjukfrånvaro totalt samtliga anställda": "Sjukfrånvaro totalt samtliga anställda\t150,0\t9,4",
}

# file name → the words its one-line reason must contain (status avvisad)
REJECTED = {
    "tom.pdf": "tom fil",
    "avkortad.pdf": "avkortad PDF",
    "trasig.pdf": "trasig PDF",
    "text.pdf": "inte en PDF, innehållet är text",
    "losenord.pdf": "lösenordsskyddad",
    "bild.pdf": "inget textlager",
    "rapport.docx": "inte ett Word-dokument, innehållet är en PDF",
    "stor.txt": "för stor fil",
    # hostile (issue 11 item 2; the fuzz test measures their memory): small on disk, huge unpacked
    "nollor.pdf": "KOMMUNLAGER_MAX_STREAM_MB",
    "zipbomb.docx": "KOMMUNLAGER_MAX_UNPACKED_MB",
    "manga-sidor.pdf": "KOMMUNLAGER_MAX_PAGES",
}


def make_corpus(folder: Path) -> dict[str, Path]:
    """Every bad (and awkward but good) input, derived from the shared documents."""
    folder.mkdir(parents=True, exist_ok=True)
    small = shared_path(*SMALL_PDF).read_bytes()
    files = {
        "tom.pdf": b"",
        "avkortad.pdf": small[: len(small) // 2],
        "trasig.pdf": b"%PDF-1.7\n" + hashlib.sha256(b"x").digest() * 500 + b"\n%%EOF\n",
        "text.pdf": SEED_000.read_bytes() + b"\nSparad med fel filandelse.\n",
        "losenord.pdf": encrypted_pdf(),
        "rapport.docx": small,
        "stor.txt": SEED_004.read_bytes() * 40,   # ~2.4 MB, over the 1 MB limit the test sets
        "cp1252.txt": SEED_001.read_text(encoding="utf-8").encode("cp1252", errors="replace"),
        "bom.txt": b"\xef\xbb\xbf" + SEED_000.read_bytes(),
        "kopia.txt": SEED_004.read_bytes(),
        "felrader.txt": _seed_001_variant(FELRADER).encode("utf-8"),
    }
    paths = {}
    for name, data in files.items():
        paths[name] = folder / name
        paths[name].write_bytes(data)
    paths["nollor.pdf"] = folder / "nollor.pdf"     # a page of 256 MB of zeros: 0.3 MB on disk
    paths["nollor.pdf"].write_bytes(hostile_files.pdf_bytes([], compressed=[hostile_files.deflate_repeated(
        hostile_files.page_content(hostile_files.REPORT_LINES) + b"\n", b"\0", 256 << 20)]))
    paths["zipbomb.docx"] = hostile_files.docx_bytes(folder / "zipbomb.docx", bomb=256 << 20)
    paths["manga-sidor.pdf"] = folder / "manga-sidor.pdf"
    paths["manga-sidor.pdf"].write_bytes(hostile_files.pdf_bytes([b"BT ET"] * 3001))
    paths["bild.pdf"] = folder / "bild.pdf"
    image_only_pdf(shared_path(*TABLE_PDF), paths["bild.pdf"])
    revised = folder / "1440" / "reviderad.txt"
    revised.parent.mkdir(exist_ok=True)
    revised.write_text(_seed_001_variant(
        {"Intäkter\t182 149": "Intäkter\t182 150\t177 382\t102,7 %\t265 704\t269 053\t3 349\t127 051\t203 816"}),
        encoding="utf-8")
    paths["reviderad.txt"] = revised
    return paths


# --- each file on its own ----------------------------------------------------------------

def test_the_hand_built_encrypted_pdf_is_real_it_opens_with_its_password(tmp_path: Path) -> None:
    path = tmp_path / "losenord.pdf"
    path.write_bytes(encrypted_pdf())
    with pytest.raises(pdfium.PdfiumError, match="(?i)password"):
        pdfium.PdfDocument(str(path))
    pdf = pdfium.PdfDocument(str(path), password=PASSWORD.decode())
    assert "Hemlig rapport" in pdf[0].get_textpage().get_text_range()
    pdf.close()


def test_each_bad_file_is_rejected_with_a_one_line_reason(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KOMMUNLAGER_MAX_FILE_MB", "1")
    corpus = make_corpus(tmp_path / "in")
    for name, words in REJECTED.items():
        result = extract_file(corpus[name])
        assert result.info.status == "avvisad", name
        assert words in result.info.orsak and result.info.orsak.startswith(f"{name}: "), result.info.orsak
        assert "\n" not in result.info.orsak and not result.facts
    # the image-only file really is a PDF with a page, just no text layer
    pdf = pdfium.PdfDocument(str(corpus["bild.pdf"]))
    assert len(pdf) == 1 and not pdf[0].get_textpage().get_text_range().strip()
    pdf.close()


def test_cp1252_and_bom_text_load_like_the_utf8_original(tmp_path: Path) -> None:
    corpus = make_corpus(tmp_path / "in")
    original = extract_file(SEED_001)
    cp1252 = extract_file(corpus["cp1252.txt"])
    assert cp1252.ok and len(cp1252.facts) == len(original.facts)
    assert [(f.label, f.value) for f in cp1252.facts] == [(f.label, f.value) for f in original.facts]
    assert any(f.label == "Intäkter" and f.value == 182149 for f in cp1252.facts)
    bom = extract_file(corpus["bom.txt"])
    assert bom.ok and [f.value for f in bom.facts] == [f.value for f in extract_file(SEED_000).facts]


def test_guard_lets_real_reports_through_and_names_the_file(tmp_path: Path) -> None:
    precheck(shared_path(*TABLE_PDF))
    precheck(SEED_001)
    gone = tmp_path / "borta.pdf"
    with pytest.raises(ExtractionError, match=r"^borta\.pdf: filen försvann"):
        precheck(gone)


# --- all of them, end to end --------------------------------------------------------------

def _dump(db: Path) -> dict[str, list[tuple]]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        tables = [r[0] for r in con.execute(
            "select table_schema || '.' || table_name from information_schema.tables "
            "where table_schema in ('main', 'raw') order by 1").fetchall()]
        return {t: sorted(con.execute(f"select * from {t}").fetchall(), key=repr) for t in tables}
    finally:
        con.close()


def _run(env: dict[str, str], *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "pipelines.cli", "run", *args], env=env, capture_output=True,
                          text=True, timeout=600)


@pytest.mark.slow
def test_bad_inputs_end_to_end_then_a_second_run_changes_nothing(loaded_env: Path) -> None:
    from pipelines.config import Settings

    settings = Settings.from_env()
    make_corpus(settings.inbox_reports)
    env = os.environ.copy() | {"KOMMUNLAGER_MAX_FILE_MB": "1"}

    first = _run(env)
    out = first.stdout
    assert first.returncode == 2, out + first.stderr            # published, but input was rejected
    assert "Traceback" not in out + first.stderr
    assert out.startswith("Dokument") or "Lagret publicerat" in out
    problems = [line for line in out.splitlines() if line.startswith("Problem: ")]
    # one line per rejected file, naming it and the reason; nothing else is a problem
    assert sorted(p.split(": ")[1] for p in problems) == sorted(REJECTED), problems
    for name, words in REJECTED.items():
        assert any(p.startswith(f"Problem: {name}: ") and words in p for p in problems), name
    duplicates = [line for line in out.splitlines() if line.startswith("Dubblett: ")]
    assert len(duplicates) == 1 and "kopia.txt" in duplicates[0] and SEED_004.name in duplicates[0]
    # the e-mail address in a row label is masked by the extractor (the row's numbers load);
    # the mnkr-looking cost and the 150 % sick leave are held back
    assert "Karantän: 2 rader" in out and "tusenfel 1" in out and "procent_0_100 1" in out

    db = settings.warehouse_path
    con = duckdb.connect(str(db), read_only=True)
    q = lambda sql: con.execute(sql).fetchall()  # noqa: E731
    status = dict(q("select filnamn, status from dim_dokument"))
    for name in REJECTED:
        assert status[name] == "avvisad", name
    reasons = dict(q("select filnamn, orsak from dim_dokument where status = 'avvisad'"))
    assert all(REJECTED[name] in reasons[name] for name in REJECTED)
    # the oversized file was not copied into the lake; its size is still on record
    stor_sha, stor_size = q("select dokument_id, storlek from dim_dokument where filnamn = 'stor.txt'")[0]
    assert stor_size == len(SEED_004.read_bytes()) * 40
    assert not list((settings.lake_dir / "filer").glob(f"{stor_sha}*"))
    assert list((settings.lake_dir / "filer").glob("*"))   # the others were
    assert {status["kopia.txt"], status[SEED_004.name]} == {"laddad", "dubblett"}
    for name in ("cp1252.txt", "bom.txt", "felrader.txt", "reviderad.txt", SEED_000.name, SEED_001.name):
        assert status[name] == "laddad", name
    # cp1252 text reads as the original, the revised copy has its changed figure. (Checked in
    # raw: these files are versions of one report — same kommun, nämnd and period — so the
    # marts show one current version of each figure; which one is newer cannot be told when
    # they arrive in the same scan. tests/test_pipeline_e2e.py drops a revision later.)
    intakter = ("select value from raw.rapport_fakta where document = '{}' and label = 'Intäkter' "
                "and \"column\" = 'Utfall jan-aug 2016'")
    assert q(intakter.format("cp1252.txt")) == [(182149.0,)]
    assert q(intakter.format("reviderad.txt")) == [(182150.0,)]
    assert q("select kommun_kod from dim_dokument where filnamn = 'reviderad.txt'") == [("1440",)]
    # never two current values of one figure (which version is current among files of one
    # scan is the content order, docs/facts.md "Document versions")
    assert q("select count(*) from fct_ekonomi where kommun_kod = '1440' and etikett = 'Intäkter' "
             "and kolumn = 'Utfall jan-aug 2016'")[0][0] <= 1
    # quarantined rows: out of the marts, in karantan with reason and lineage, personal data masked
    held = q("select regel, orsak, filnamn, kalltext from karantan order by regel, rad_id")
    assert {r[0] for r in held} == {"procent_0_100", "tusenfel"}
    assert all(r[2] == "felrader.txt" for r in held)
    assert q("select count(*) from raw.rapport_fakta where document = 'felrader.txt' "
             "and label = 'Intäkter (frågor: [e-post])'") == [(8,)]
    for table in ("fct_ekonomi", "fct_personal", "karantan", "raw.rapport_fakta"):
        assert q(f"select count(*) from {table} where kalltext like '%anna.andersson%'"
                 if table != "raw.rapport_fakta" else
                 "select count(*) from raw.rapport_fakta where evidence like '%anna.andersson%'") == [(0,)], table
    assert q("select count(*) from fct_personal where filnamn = 'felrader.txt' and varde = 150") == [(0,)]
    assert q("select count(*) from fct_ekonomi where filnamn = 'felrader.txt' and belopp_tkr = 500.8") == [(0,)]
    # the rest of that document loads: the untouched rows and the other cells of its rows pass
    # staging (which drops exactly the quarantined rows); the marts then keep one current
    # version of each figure among the versions of this report (see the cp1252 note above)
    stg = "select {} from staging.stg_rapporter__fakta where filnamn = 'felrader.txt' and etikett = '{}'"
    assert q(stg.format("count(*)", "Resultat")) == [(8,)]
    assert q(stg.format("count(*)", "Kostnader")) == [(7,)]
    assert 500.8 not in {r[0] for r in q(stg.format("varde", "Kostnader"))}
    assert q(stg.format("varde", "Sjukfrånvaro totalt samtliga anställda")) == [(9.4,)]
    con.close()

    before = _dump(db)
    lake_before = {p: p.stat().st_size for p in settings.lake_dir.rglob("*") if p.is_file()}
    # rebuilt from the same inputs (--full: a no-change night would build nothing), the
    # warehouse is the same, row for row, and the lake gains nothing
    second = _run(env, "--full")
    assert second.returncode == 2 and "Traceback" not in second.stdout + second.stderr
    assert "Lagret publicerat" in second.stdout
    assert [line for line in second.stdout.splitlines() if line.startswith("Problem: ")] == problems
    assert "Dokument: 20 i inkorgen, 0 extraherade nu" in second.stdout
    assert _dump(db) == before
    assert {p: p.stat().st_size for p in settings.lake_dir.rglob("*") if p.is_file()} == lake_before

    # and a night with nothing new builds nothing, but still names what it rejects and holds back
    third = _run(env)
    assert third.returncode == 2, third.stdout + third.stderr
    assert "Oförändrat: samma indata och kod" in third.stdout and "Lagret publicerat" not in third.stdout
    assert [line for line in third.stdout.splitlines() if line.startswith("Problem: ")] == problems
    assert "Karantän: 2 rader" in third.stdout and "tusenfel 1" in third.stdout
    assert _dump(db) == before


def test_an_oversized_file_is_not_copied_and_loads_once_the_limit_is_raised(
        data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import dagster as dg

    from pipelines.assets.automation import inkorg_sensor
    from pipelines.assets.reports import rapport_fakta
    from pipelines.config import Settings
    from pipelines.reports.extract import EXTRACTOR_VERSION
    from pipelines.reports.intake import lake

    settings = Settings.from_env()
    big = settings.inbox_reports / "1490" / "stor.txt"
    big.parent.mkdir(parents=True)
    big.write_bytes(SEED_004.read_bytes() * 20)            # ~1.2 MB
    sha = hashlib.sha256(big.read_bytes()).hexdigest()

    def extract_pending(instance) -> list[str]:
        result = inkorg_sensor(dg.build_sensor_context(instance=instance))
        if result.dynamic_partitions_requests:
            instance.add_dynamic_partitions("dokument", list(result.dynamic_partitions_requests[0].partition_keys))
        keys = [r.partition_key for r in result.run_requests or []]
        for key in keys:
            assert dg.materialize([rapport_fakta], partition_key=key, instance=instance).success
        return keys

    with dg.instance_for_test() as instance:
        monkeypatch.setenv("KOMMUNLAGER_MAX_FILE_MB", "1")
        assert extract_pending(instance) == [sha]
        info = lake.read_extraction_info(settings, sha, EXTRACTOR_VERSION)
        assert info.status == "avvisad" and info.orsak.startswith("stor.txt: för stor fil (1.")
        assert info.storlek == big.stat().st_size and info.kommun_kod == "1490"
        assert lake.find_input(settings, sha) is None                  # the bytes were not kept
        assert extract_pending(instance) == []                         # nothing new: no rerun

        monkeypatch.setenv("KOMMUNLAGER_MAX_FILE_MB", "5")
        assert extract_pending(instance) == [sha]                      # kept now, extracted again
        assert lake.find_input(settings, sha) is not None
        info = lake.read_extraction_info(settings, sha, EXTRACTOR_VERSION)
        assert info.status != "avvisad" and lake.oversized_reason(settings, sha) is None
        assert extract_pending(instance) == []

