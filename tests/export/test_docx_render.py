"""The council's Word export as LibreOffice lays it out: converted to PDF (`soffice --headless`,
with a profile of its own) and read back with `pdftotext`. No label breaks inside a table cell
("Recommendation", "Disagree" and "amended" come out whole even in the fallback fonts LibreOffice
uses without Calibri and Cambria), and every page says "Page N of M". Skipped where LibreOffice
or poppler's pdftotext is not installed."""

from __future__ import annotations

import re
import shutil
import subprocess

import pytest
from export_helpers import council_sessions, save_merged

from workshop.consultation.inputs import read_result
from workshop.export import export_bytes

WHOLE = ("Recommendation", "Disagree", "amended", "Consensus", "Contested", "Facilitator",
         "Workshop", "Progress", "Commitment", "proposed")


@pytest.fixture(scope="module")
def pdf_text(protocol, tmp_path_factory) -> str:
    """The council's export (conftest's `council`, made once for the module) as PDF text."""
    soffice, pdftotext = shutil.which("soffice"), shutil.which("pdftotext")
    if soffice is None:
        pytest.skip("LibreOffice (soffice) is not installed")
    if pdftotext is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    tmp_path = tmp_path_factory.mktemp("render")
    merged = save_merged(tmp_path / "council.toml", council_sessions(protocol), protocol)
    docx = tmp_path / "council.docx"
    docx.write_bytes(export_bytes(read_result(merged, protocol), protocol, "docx"))
    profile = (tmp_path / "lo-profile").as_uri()
    subprocess.run([soffice, f"-env:UserInstallation={profile}", "--headless", "--convert-to",
                    "pdf", "--outdir", str(tmp_path), str(docx)],
                   check=True, capture_output=True, timeout=120)
    pdf = tmp_path / "council.pdf"
    assert pdf.is_file(), "LibreOffice wrote no PDF"
    return subprocess.run([pdftotext, str(pdf), "-"], check=True, capture_output=True,
                          text=True, timeout=60).stdout


def test_no_label_breaks_inside_a_cell(pdf_text):
    for word in WHOLE:
        assert re.search(rf"\b{word}\b", pdf_text), word
        for cut in range(2, len(word) - 1):  # "Recommendatio" / "n", "Disa" / "gree"...
            broken = rf"(?<![A-Za-z]){word[:cut]}\s*\n\s*{word[cut:]}(?![A-Za-z])"
            assert not re.search(broken, pdf_text), (word, cut)
    assert "Agree if\namended" in pdf_text or "Agree if amended" in pdf_text


def test_every_page_is_numbered(pdf_text):
    pages = pdf_text.split("\f")[:-1]
    assert len(pages) > 5
    for n, page in enumerate(pages, 1):
        assert f"Page {n} of {len(pages)}" in page, n


def test_the_contents_and_the_findings_are_there(pdf_text):
    assert "Contents" in pdf_text and "update the document's fields" in pdf_text
    assert "Still in progress: Salford Circle, 5 November 2026." in pdf_text
    assert "3 of 4 workshops propose adding 'independently verified'" in pdf_text
