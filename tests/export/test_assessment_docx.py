"""The Word export of an assessment, read back with python-docx: a profile chart per principle
(its figures in words as the alt text), a table per principle whose means are the sessions' own
(worked out here from the counts the sessions were given), the weakest commitments lowest mean
first, the action table with owner and due date, evidence quoted with its workshop, people's
words literal (no markup read, no field), and with `anonymise` no facilitator's name anywhere in
the file, said once."""

from __future__ import annotations

import io
import zipfile
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

import pytest
from docx import Document

from modes_helpers import ACTIONS, EVIDENCE, assessment, merged_of
from workshop.consultation.report import ANONYMISED_NOTE
from workshop.export import export_bytes

MANCHESTER = "Manchester Partnership Board, 22 November 2026"


@pytest.fixture
def sessions(protocol):
    """Two workshops: one rated every commitment, the other the first three principles."""
    return [assessment(protocol),
            assessment(protocol, "Salford Partnership", on=date(2026, 11, 25), principles=3,
                       shift=1, facilitator="Bo Other")]


def tenth(value: float) -> str:
    """One decimal, rounded half up (worked out here, not with the export's code)."""
    return str(Decimal(repr(value)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP))


def expected_means(protocol, sessions) -> dict[str, str]:
    """`1.4` → its mean over every session's ratings, `–` unrated."""
    out = {}
    for pn, p in enumerate(protocol.principles, 1):
        for cn, c in enumerate(p.commitments, 1):
            counts = [(int(k), v) for s in sessions for k, v in s.votes.get(c.id, {}).items()]
            n = sum(v for _, v in counts)
            out[f"{pn}.{cn}"] = tenth(sum(k * v for k, v in counts) / n) if n else "–"
    return out


def open_doc(data: bytes):
    return Document(io.BytesIO(data))


def rows_of(table) -> list[list[str]]:
    return [[c.text for c in row.cells] for row in table.rows]


def tables_headed(doc, *start: str) -> list[list[list[str]]]:
    return [rows_of(t) for t in doc.tables if tuple(rows_of(t)[0][:len(start)]) == start]


def texts(doc) -> list[str]:
    return [p.text for p in doc.paragraphs]


def test_a_profile_chart_and_a_table_per_principle_with_the_sessions_means(protocol, sessions):
    doc = open_doc(export_bytes(merged_of(*sessions), protocol, "docx"))
    assert doc.paragraphs[0].text == f"{protocol.title}: assessment results"
    shapes = [s._inline.docPr for s in doc.inline_shapes]
    assert [s.get("name") for s in shapes] == [f"Profile of principle {n}" for n in
                                               range(1, len(protocol.principles) + 1)]
    means = expected_means(protocol, sessions)
    tables = tables_headed(doc, "Ref", "Commitment", "1", "2", "3", "4", "5", "Rated", "Mean")
    assert len(tables) == len(protocol.principles)
    shown = {row[0]: row[8] for t in tables for row in t[1:-1]}
    assert shown == means
    first = protocol.principles[0].commitments[0]
    counts = [sessions[0].votes[first.id], sessions[1].votes[first.id]]
    per_point = [str(sum(c.get(str(v), 0) for c in counts)) for v in range(1, 6)]
    assert tables[0][1][:8] == ["1.1", first.text, *per_point, "20"]
    assert tables[0][-1][1] == "All commitments"
    assert f"1.1 mean {means['1.1']} from 20 ratings" in shapes[0].get("descr")
    assert shapes[0].get("descr").startswith(
        f"Principle 1, {protocol.principles[0].title}, ratings per commitment on the scale "
        "1 Not at all · 2 Rarely · 3 Sometimes · 4 Mostly · 5 Consistently: ")


def test_the_weakest_commitments_lowest_mean_first(protocol, sessions):
    doc = open_doc(export_bytes(merged_of(*sessions), protocol, "docx"))
    [weakest] = tables_headed(doc, "Ref", "Commitment", "Mean", "Range", "SD", "Rated low")
    means = expected_means(protocol, sessions)
    rated = sorted(float(m) for m in means.values() if m != "–")
    low = [m for m in rated if m <= 2]
    body = weakest[1:]
    assert len(body) == max(5, len(low))
    assert [float(row[2]) for row in body] == rated[:len(body)]
    assert all(row[2] == means[row[0]] for row in body)
    assert all(row[5] == ("Yes" if float(row[2]) <= 2 else "No") for row in body)
    heading = texts(doc).index("Weakest commitments")
    assert texts(doc)[heading - 2] == "Findings"


def test_the_action_table_with_owner_and_due_date(protocol, sessions):
    doc = open_doc(export_bytes(merged_of(*sessions), protocol, "docx"))
    [actions] = tables_headed(doc, "Ref", "Action", "Owner", "Due")
    assert actions[0] == ["Ref", "Action", "Owner", "Due", "Workshop"]
    dated, undated = ACTIONS
    board, salford = MANCHESTER, "Salford Partnership, 25 November 2026"
    assert actions[1:] == [
        ["1.1", dated[0], dated[1], "31 March 2027", board],
        ["1.1", dated[0], dated[1], "31 March 2027", salford],
        ["1.4", undated[0], "No owner yet", "No date yet", board],
        ["1.4", undated[0], "No owner yet", "No date yet", salford],
    ]


def test_evidence_is_quoted_with_its_workshop_and_read_literally(protocol, sessions):
    data = export_bytes(merged_of(*sessions), protocol, "docx")
    doc = open_doc(data)
    evidence = [p.text for p in doc.paragraphs if p.style.name == "List Bullet"]
    assert f"{MANCHESTER}: {EVIDENCE[1]}" in evidence
    assert f"Salford Partnership, 25 November 2026: {EVIDENCE[0]}" in evidence
    xml = zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml").decode()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in xml and "<script>" not in xml
    assert "[bold]No[/bold]" in xml  # no markup read
    instructions = [t.text for t in doc.element.body.iter(
        "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}instrText")]
    assert [i.split()[0] for i in instructions] == ["TOC"]  # no field holds people's words


def test_a_single_session_names_no_workshop_in_its_tables(protocol, sessions):
    doc = open_doc(export_bytes(merged_of(sessions[0]), protocol, "docx"))
    [actions] = tables_headed(doc, "Ref", "Action", "Owner", "Due")
    assert actions[0] == ["Ref", "Action", "Owner", "Due"]
    evidence = [p.text for p in doc.paragraphs if p.style.name == "List Bullet"]
    assert EVIDENCE[1] in evidence
    assert "Fay Facilitator" in [row[1] for row in tables_headed(doc, "Workshop",
                                                                 "Facilitator")[0]]


def test_anonymised_no_facilitator_anywhere_and_it_says_so(protocol, sessions):
    data = export_bytes(merged_of(*sessions), protocol, "docx", anonymise=True)
    doc = open_doc(data)
    assert texts(doc).count(ANONYMISED_NOTE) == 1
    [workshops] = tables_headed(doc, "Workshop", "Facilitator")
    assert [row[1] for row in workshops[1:]] == ["Withheld", "Withheld"]
    archive = zipfile.ZipFile(io.BytesIO(data))
    for name in archive.namelist():
        part = archive.read(name)
        assert b"Fay Facilitator" not in part and b"Bo Other" not in part, name
    assert ANONYMISED_NOTE not in texts(open_doc(export_bytes(merged_of(*sessions), protocol,
                                                              "docx")))


def test_the_profile_chart_bars_legend_and_labels(protocol, sessions):
    """The chart's own figure: a bar per commitment labelled with its reference and mean, a
    legend of the scale's points in order, segments coloured by the point's tone; the PNG in
    the document is the one drawn again (stable bytes)."""
    from workshop.consultation.report_build import build_report
    from workshop.export.docx_profile_chart import TONE_FILLS, profile_figure, profile_png

    report = build_report(merged_of(*sessions), protocol)
    a = report.assessment
    first = a.principles[0]
    fig = profile_figure(first, a.scale)
    ax = fig.axes[0]
    means = expected_means(protocol, sessions)
    assert [t.get_text() for t in ax.get_yticklabels()] == [
        f"1.{n}  mean {means[f'1.{n}']}" for n in range(1, len(first.ratings) + 1)]
    assert [t.get_text() for t in fig.legends[0].get_texts()] == [
        "1 Not at all", "2 Rarely", "3 Sometimes", "4 Mostly", "5 Consistently"]
    from matplotlib.colors import to_hex
    lowest, highest = ax.containers[0], ax.containers[-1]
    assert to_hex(lowest.patches[0].get_facecolor()) == TONE_FILLS["oppose"]
    assert to_hex(highest.patches[0].get_facecolor()) == TONE_FILLS["support"]
    # 1.1 was given four 1s of 20 ratings: the lowest segment is a fifth of the bar
    assert round(lowest.patches[0].get_width()) == 20
    doc = open_doc(export_bytes(merged_of(*sessions), protocol, "docx"))
    shape = doc.inline_shapes[0]
    blob = doc.part.related_parts[shape._inline.graphic.graphicData.pic.blipFill.blip.embed].blob
    assert blob == profile_png(first, a.scale) == profile_png(first, a.scale)


def test_each_workshops_own_ratings_of_each_principle(protocol, sessions):
    doc = open_doc(export_bytes(merged_of(*sessions), protocol, "docx"))
    tables = tables_headed(doc, "Workshop", "Rated", "Mean")
    assert len(tables) == len(protocol.principles)
    for p, table in zip(protocol.principles, tables, strict=True):
        expected = []
        for s, name in zip(sessions, (MANCHESTER, "Salford Partnership, 25 November 2026"),
                           strict=True):
            counts = [(int(k), v) for c in p.commitments for k, v in s.votes.get(c.id, {}).items()]
            n = sum(v for _, v in counts)
            expected.append([name, str(n), tenth(sum(k * v for k, v in counts) / n) if n else "–"])
        assert [row[:3] for row in table[1:]] == expected
    assert tables[-1][2][1:] == ["0", "–", "–", "–"]  # Salford rated only three principles
    single = open_doc(export_bytes(merged_of(sessions[0]), protocol, "docx"))
    assert not tables_headed(single, "Workshop", "Rated", "Mean")
