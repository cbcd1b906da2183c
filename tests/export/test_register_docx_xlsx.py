"""The sign-up register in the Word and Excel exports, read back with python-docx and openpyxl:
one Word table of the organisations signed up (current entries by organisation, then the
superseded entry of an organisation that signed again), a Register sheet with real dates and
formula-guarded text, people's words literal in Word; a consultation gets the register only when
someone signed; and with `anonymise`, no signatory's or facilitator's name anywhere in either
file (unzipped and searched), "Withheld" in their place and the note said once."""

from __future__ import annotations

import io
import zipfile
from datetime import date, datetime, timezone

import pytest
from docx import Document
from export_helpers import full_session
from openpyxl import load_workbook

from modes_helpers import SIGNATORIES, merged_of, sign_up
from workshop.consultation.report import ANONYMISED_NOTE
from workshop.export import export_bytes

HOSTILE = {"organisation": "=HYPERLINK(\"x\") Trust", "name": "@Kim <i>Nurse</i>",
           "role": "+Chair", "signed": date(2026, 11, 21),
           "reservations": "-5.3 [red]not[/red] <script>x</script>\nsecond line"}
"""A signatory whose every field starts like a formula."""
START = datetime(2026, 11, 22, 10, 0, tzinfo=timezone.utc)
NAMES = (b"Fay Facilitator", b"Alex Chief", b"Jo Officer", b"Sam <b>Lead</b>",
         b"Sam &lt;b&gt;Lead&lt;/b&gt;", b"Kim")


@pytest.fixture
def merged(protocol):
    """Two sign-up workshops: Manchester City Council signs again at the second."""
    again = dict(SIGNATORIES[0], signed=date(2027, 3, 3), role="Leader",
                 reservations="We do not accept 2.1")
    return merged_of(sign_up(protocol, signatories=[*SIGNATORIES, HOSTILE]),
                     sign_up(protocol, "Later partners", signatories=[again],
                             on=date(2027, 3, 3)))


def register_table(doc) -> list[list[str]]:
    [table] = [t for t in doc.tables if t.rows[0].cells[0].text == "Organisation"]
    return [[c.text for c in row.cells] for row in table.rows]


def test_the_word_register_with_a_superseded_entry(merged, protocol):
    doc = Document(io.BytesIO(export_bytes(merged, protocol, "docx")))
    assert doc.paragraphs[0].text == f"{protocol.title}: sign-up register"
    rows = register_table(doc)
    assert rows[0] == ["Organisation", "Person", "Role", "Signed", "Reservations", "Status",
                       "Workshop"]
    first = "Greater Manchester partners, 22 November 2026"
    assert rows[1:] == [
        [HOSTILE["organisation"], HOSTILE["name"], "+Chair", "21 November 2026",
         HOSTILE["reservations"], "Signed", first],
        ["Greater Manchester Police", "Jo Officer", "Superintendent", "20 November 2026", "None",
         "Signed", first],
        ["Manchester City Council", "Alex Chief", "Leader", "3 March 2027",
         "We do not accept 2.1", "Signed", "Later partners, 3 March 2027"],
        ["NHS Manchester", "Sam <b>Lead</b>", "Director", "22 November 2026",
         SIGNATORIES[1]["reservations"], "Signed", first],
        ["Manchester City Council", "Alex Chief", "Chief Executive", "22 November 2026", "None",
         "Superseded by the entry of 3 March 2027", first],
    ]
    texts = [p.text for p in doc.paragraphs]
    assert "4 organisations signed up, 3 with reservations; 1 earlier entry superseded." in texts
    assert ANONYMISED_NOTE not in texts


def test_the_register_sheet_dates_and_formula_guard(merged, protocol):
    wb = load_workbook(io.BytesIO(export_bytes(merged, protocol, "xlsx")))
    assert wb.sheetnames == ["Summary", "Register", "Sessions"]
    ws = wb["Register"]
    header = [c.value for c in ws[1]]
    rows = [dict(zip(header, (c.value for c in row), strict=True))
            for row in ws.iter_rows(min_row=2)]
    assert [(r["Organisation"], r["Signed"], r["Status"]) for r in rows] == [
        (HOSTILE["organisation"], datetime(2026, 11, 21), "Signed"),
        ("Greater Manchester Police", datetime(2026, 11, 20), "Signed"),
        ("Manchester City Council", datetime(2027, 3, 3), "Signed"),
        ("NHS Manchester", datetime(2026, 11, 22), "Signed"),
        ("Manchester City Council", datetime(2026, 11, 22),
         "Superseded by the entry of 3 March 2027")]
    hostile = list(ws.iter_rows(min_row=2, max_row=2))[0]
    for column in ("Organisation", "Name", "Role", "Reservations"):
        cell = hostile[header.index(column)]
        assert cell.data_type == "s" and cell.quotePrefix, column
    assert hostile[header.index("Reservations")].value == HOSTILE["reservations"]
    assert not list(ws.iter_rows(min_row=3, max_row=3))[0][0].quotePrefix
    summary = [c.value for c in wb["Summary"]["A"] if c.value]
    assert summary[1] == "4 organisations signed up, 3 with reservations; 1 earlier entry " \
                         "superseded."
    assert f"NHS Manchester: {SIGNATORIES[1]['reservations']}" in summary


@pytest.mark.parametrize("fmt", ["docx", "xlsx"])
def test_anonymised_leaves_out_every_name(merged, protocol, fmt):
    data = export_bytes(merged, protocol, fmt, anonymise=True)
    archive = zipfile.ZipFile(io.BytesIO(data))
    for name in archive.namelist():
        part = archive.read(name)
        for person in NAMES:
            assert person not in part, (name, person)
    assert b"Manchester City Council" in b"".join(archive.read(n) for n in archive.namelist())
    if fmt == "docx":
        doc = Document(io.BytesIO(data))
        assert [p.text for p in doc.paragraphs].count(ANONYMISED_NOTE) == 1
        assert {row[1] for row in register_table(doc)[1:]} == {"Withheld"}
    else:
        wb = load_workbook(io.BytesIO(data))
        assert wb["Summary"]["A2"].value == ANONYMISED_NOTE
        assert {row[1] for row in wb["Register"].iter_rows(min_row=2, values_only=True)} == {
            "Withheld"}


def consultation(protocol, signatories):
    """A finished consultation session (export_helpers.full_session) with `signatories`."""
    session = full_session(protocol, "Manchester Partnership Board", START, 0,
                           "0f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b")
    for details in signatories:
        session.add_signatory(**details)
    return merged_of(session)


def test_a_consultation_gets_the_register_only_when_someone_signed(protocol):
    without = consultation(protocol, [])
    signed = consultation(protocol, SIGNATORIES)
    plain = Document(io.BytesIO(export_bytes(without, protocol, "docx")))
    assert "Sign-up register" not in [p.text for p in plain.paragraphs]
    doc = Document(io.BytesIO(export_bytes(signed, protocol, "docx")))
    headings = [p.text for p in doc.paragraphs if p.style.name == "Heading 1"]
    assert headings.index("Sign-up register") == len(headings) - 2  # before the appendix
    assert [row[0] for row in register_table(doc)[1:]] == [
        "Greater Manchester Police", "Manchester City Council", "NHS Manchester"]
    before = load_workbook(io.BytesIO(export_bytes(without, protocol, "xlsx"))).sheetnames
    after = load_workbook(io.BytesIO(export_bytes(signed, protocol, "xlsx"))).sheetnames
    assert "Register" not in before
    assert after == [*before[:-1], "Register", before[-1]]  # before the hidden chart data


def test_an_assessment_with_signatories_ends_with_the_register(protocol):
    from modes_helpers import assessment

    session = assessment(protocol)
    for details in SIGNATORIES:
        session.add_signatory(**details)
    merged = merged_of(session)
    doc = Document(io.BytesIO(export_bytes(merged, protocol, "docx")))
    headings = [p.text for p in doc.paragraphs if p.style.name == "Heading 1"]
    assert headings[-2:] == ["Actions", "Sign-up register"]
    assert len(register_table(doc)) == 1 + len(SIGNATORIES)
    wb = load_workbook(io.BytesIO(export_bytes(merged, protocol, "xlsx")))
    assert wb.sheetnames[-2:] == ["Register", "Chart data"]
    assert wb["Register"].max_row == 1 + len(SIGNATORIES)
