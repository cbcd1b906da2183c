"""The Excel export of an assessment, read back with openpyxl (and its charts from the file's
XML, which openpyxl does not load): the sheets Summary, Profile, Actions, Evidence, Ratings and
Sessions; the means in Profile and Ratings are the sessions' own (worked out here from the counts
they were given), shown to one decimal; the actions' due dates are real dates; a profile chart
per principle with a series per point of the scale; the weakest commitments lowest mean first;
people's words formula-guarded; with `anonymise`, no facilitator's name in any part of the
file, and the Summary says so."""

from __future__ import annotations

import io
import re
import zipfile
from datetime import date, datetime

import pytest
from openpyxl import load_workbook
from test_assessment_docx import expected_means, tenth

from modes_helpers import ACTIONS, EVIDENCE, assessment, merged_of
from workshop.consultation.report import ANONYMISED_NOTE
from workshop.export import export_bytes


@pytest.fixture
def sessions(protocol):
    return [assessment(protocol),
            assessment(protocol, "Salford Partnership", on=date(2026, 11, 25), principles=3,
                       shift=1, facilitator="Bo Other")]


@pytest.fixture
def data(protocol, sessions) -> bytes:
    return export_bytes(merged_of(*sessions), protocol, "xlsx")


def book(data: bytes):
    return load_workbook(io.BytesIO(data))


def records(ws, header_row: int = 1) -> list[dict]:
    rows = list(ws.iter_rows(min_row=header_row, values_only=True))
    return [dict(zip(rows[0], row, strict=True)) for row in rows[1:]]


def test_the_sheets_of_an_assessment(data):
    wb = book(data)
    assert wb.sheetnames == ["Summary", "Profile", "Actions", "Evidence", "Ratings", "Sessions",
                             "Chart data"]
    assert wb["Chart data"].sheet_state == "hidden"


def test_profile_means_are_the_sessions_own(data, protocol, sessions):
    ws = book(data)["Profile"]
    rows = records(ws)
    means = expected_means(protocol, sessions)
    assert {r["Ref"]: (tenth(r["Mean"]) if r["Mean"] is not None else "–") for r in rows} == means
    first = rows[0]
    assert first["Rated (n)"] == 20 and first["1 Not at all"] == 4 + 0
    mean_col = [c.value for c in ws[1]].index("Mean") + 1
    assert ws.cell(row=2, column=mean_col).number_format == "0.0"


def test_ratings_per_session_and_commitment(data, protocol, sessions):
    rows = records(book(data)["Ratings"])
    commitments = [c for p in protocol.principles for c in p.commitments]
    assert len(rows) == len(sessions) * len(commitments)
    for s in sessions:
        mine = [r for r in rows if r["Session id"] == s.id]
        for row, c in zip(mine, commitments, strict=True):
            counts = {int(k): v for k, v in s.votes.get(c.id, {}).items()}
            n = sum(counts.values())
            assert row["Rated (n)"] == n
            assert [row[f"{v} {label}"] for v, label in enumerate(
                ("Not at all", "Rarely", "Sometimes", "Mostly", "Consistently"), 1)] == [
                counts.get(v, 0) for v in range(1, 6)]
            expected = tenth(sum(k * v for k, v in counts.items()) / n) if n else None
            assert (tenth(row["Mean"]) if row["Mean"] is not None else None) == expected


def test_actions_with_owner_and_real_due_dates(data):
    ws = book(data)["Actions"]
    rows = records(ws)
    dated, undated = ACTIONS
    assert [(r["Ref"], r["Action"], r["Owner"], r["Due"]) for r in rows] == [
        ("1.1", dated[0], dated[1], datetime(2027, 3, 31)),
        ("1.1", dated[0], dated[1], datetime(2027, 3, 31)),
        ("1.4", undated[0], None, None), ("1.4", undated[0], None, None)]
    due = [c.value for c in ws[1]].index("Due") + 1
    assert ws.cell(row=2, column=due).is_date
    action = ws.cell(row=4, column=[c.value for c in ws[1]].index("Action") + 1)
    assert action.value == undated[0] and action.data_type == "s" and action.quotePrefix


def test_evidence_with_its_workshop(data):
    ws = book(data)["Evidence"]
    rows = records(ws)
    assert sorted((r["Ref"], r["Evidence"], r["Group"]) for r in rows) == [
        ("1.1", EVIDENCE[0], "Manchester Partnership Board"),
        ("1.1", EVIDENCE[0], "Salford Partnership"),
        ("1.4", EVIDENCE[1], "Manchester Partnership Board"),
        ("1.4", EVIDENCE[1], "Salford Partnership")]
    assert all(cell.data_type == "s" for row in ws.iter_rows(min_row=2, max_col=3)
               for cell in row)


def test_summary_weakest_first_and_a_profile_chart_per_principle(data, protocol, sessions):
    ws = book(data)["Summary"]
    assert ws["A1"].value == f"{protocol.title}: assessment results"
    assert ws["A2"].value.startswith(f"{len(expected_means(protocol, sessions))}/")
    header = next(r for r in range(1, 20) if ws.cell(row=r, column=1).value == "Ref")
    rows = []
    for row in ws.iter_rows(min_row=header + 1, values_only=True):
        if row[0] is None:
            break
        rows.append(row)
    means = [row[4] for row in rows]
    assert means == sorted(means) and len(rows) >= 5
    rated = sorted(float(m) for m in expected_means(protocol, sessions).values() if m != "–")
    assert [tenth(m) for m in means] == [tenth(m) for m in rated[:len(rows)]]
    archive = zipfile.ZipFile(io.BytesIO(data))
    charts = sorted(n for n in archive.namelist() if re.fullmatch(r"xl/charts/chart\d+\.xml", n))
    assert len(charts) == len(protocol.principles)
    first = archive.read(charts[0]).decode()
    assert protocol.principles[0].title in first and first.count("<c:ser>") == 5
    assert "'Chart data'!$A$2:$A$" in first


def test_anonymised_no_facilitator_anywhere_and_it_says_so(protocol, sessions):
    data = export_bytes(merged_of(*sessions), protocol, "xlsx", anonymise=True)
    archive = zipfile.ZipFile(io.BytesIO(data))
    for name in archive.namelist():
        part = archive.read(name)
        assert b"Fay Facilitator" not in part and b"Bo Other" not in part, name
    ws = book(data)["Summary"]
    assert ws["A2"].value == ANONYMISED_NOTE
    sessions_sheet = records(book(data)["Sessions"])
    assert [r["Facilitator"] for r in sessions_sheet] == [None, None]
