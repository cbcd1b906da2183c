"""DOCX export of the council's merged file (four workshops, one in progress, grouped proposals,
hostile facilitator's notes), read back with python-docx: the findings name the unfinished
workshop and what most workshops propose; every table listing commitments has the reference
"1.4"; each commitment's result is in words; proposed wordings come in groups with a word diff
that reads without colour; each workshop's details hold its facilitator's notes; the appendix
table lists every comment and wording with its reference, kind and workshop."""

from __future__ import annotations

import pytest
from export_helpers import AMENDED, NOTES, one_break, visible
from test_export_docx import open_doc, plain, principle_tables, workshop_tables

from workshop.consultation.findings import findings
from workshop.consultation.report_build import build_report
from workshop.export import export_bytes


@pytest.fixture
def doc(council, protocol):
    return open_doc(export_bytes(council.merged, protocol, "docx"))


@pytest.fixture
def report(council, protocol):
    return build_report(council.merged, protocol)


def texts(doc) -> list[str]:
    return [p.text for p in doc.paragraphs]


def after(doc, text: str, n: int = 1) -> list:
    """The `n` paragraphs after the first one whose text is `text`."""
    at = texts(doc).index(text)
    return doc.paragraphs[at + 1:at + 1 + n]


def test_the_findings_name_the_workshop_in_progress(doc, council):
    unfinished = [s for s in council.sessions if s.completed is None]
    assert [s.meta.group for s in unfinished] == ["Salford Circle"]
    part = texts(doc)[texts(doc).index("Findings"):texts(doc).index("Summary")]
    assert "Still in progress: Salford Circle, 5 November 2026." in part


def test_the_most_amended_say_what_most_workshops_propose(doc, protocol):
    target = protocol.commitments[AMENDED]
    item = next(p for p in after(doc, "Most amended commitments", 3)
                if p.text.startswith("1.1 "))
    assert item.text == (f"1.1 {target.text} — 4 proposed wordings; Consensus — Agree, 67%\n"
                         "3 of 4 workshops propose adding 'independently verified'")


def test_every_table_of_commitments_has_their_reference(doc, report):
    for table, p in zip(principle_tables(doc), report.principles, strict=True):
        assert [r.cells[0].text for r in table.rows[1:-1]] == [c.code for c in p.commitments]
        assert [r.cells[0].text for r in table.rows[1:-1]] == [
            f"{p.number}.{n}" for n in range(1, len(p.commitments) + 1)]
    tables = workshop_tables(doc)
    voted = [c for c in report.commitments if c.total]  # nobody voted: no table of dashes
    assert len(tables) == len(voted)
    for table, c in zip(tables, voted, strict=True):
        assert {r.cells[0].text for r in table.rows[1:]} == {c.code}
    appendix = doc.tables[-1]
    assert [c.text for c in appendix.rows[0].cells] == ["Ref", "Kind", "Workshop", "Text"]


def test_the_appendix_lists_every_comment_and_wording(doc, council, protocol):
    codes = {c.id: f"{n}.{m}" for n, p in enumerate(protocol.principles, 1)
             for m, c in enumerate(p.commitments, 1)}
    order = [c.id for c in protocol.commitments]
    expected = []
    for kind, label in (("comments", "Comment"), ("amendments", "Proposed wording")):
        for s in council.sessions:
            for target, items in getattr(s, kind).items():
                for e in items:
                    name = f"{s.meta.group}, {s.meta.date.day} {s.meta.date:%B %Y}"
                    expected.append((order.index(target), kind, codes[target], label, name,
                                     one_break(visible(e.text))))
    expected.sort(key=lambda row: (row[0], row[1] != "comments"))
    rows = [[c.text for c in r.cells] for r in doc.tables[-1].rows[1:]]
    assert rows == [list(row[2:]) for row in expected]
    assert len(rows) == 8
    assert texts(doc)[-1] == "4 comments, 4 proposed wordings."


def test_each_commitment_has_its_result_in_words(doc, report):
    for c in report.commitments:
        (line,) = after(doc, f"{c.code} {c.text}")
        assert line.runs[0].text == "Result: " and line.runs[0].bold
        assert line.text.strip() != "Result:"
        if c.total:
            assert plain(line) == f"{c.verdict} — {c.leading_text}. {c.reason}."
        else:
            assert plain(line) == "No votes."
    contested = report.commitments[1]
    assert plain(after(doc, f"1.2 {contested.text}")[0]) == (
        "Contested — Agree, 50%. Agree leads with 50%; its share varies by 80 points across "
        "workshops.")


def test_proposed_wordings_come_in_groups_with_a_word_diff(doc, report, protocol):
    c = report.commitments[AMENDED]
    published = protocol.commitments[AMENDED].text
    paragraphs = after(doc, "Proposed wordings:", 8)
    summary, diff, *bullets = paragraphs[:5]
    assert summary.text == "3 of 4 workshops propose adding 'independently verified'"
    group = c.amendment_groups[0]
    assert [(r.text, bool(r.font.strike), bool(r.bold), bool(r.underline)) for r in diff.runs] == [
        (text, kind == "removed", kind == "added", kind == "added") for kind, text in group.diff]
    assert "".join(t for k, t in group.diff if k != "added") == published
    assert diff.text.startswith("Share resources to achieve joint outcomes")
    assert [(b.runs[0].text, plain(b)) for b in bullets] == [
        ("Leeds Board, 2 November 2026: ", f"{published.rstrip('.')}, independently verified."),
        ("Bristol Forum, 3 November 2026: ", f"{published.rstrip('.')} Independently Verified"),
        ("Taunton Panel, 4 November 2026: ", f"{published.rstrip('.')}, independently verified!"),
    ]
    assert all(b.style.name == "List Bullet" for b in bullets)
    second, diff2, last = paragraphs[5:8]
    assert second.text == "1 of 4 workshops proposes adding 'where possible'"
    assert [(r.text, bool(r.bold)) for r in diff2.runs] == [
        ("Share resources to achieve joint outcomes", False), (" where possible.", True)]
    assert last.text == f"Salford Circle, 5 November 2026: {published.rstrip('.')} where possible."


def test_each_workshop_has_its_facilitators_notes(doc, report):
    for w in report.workshops:
        at = _heading_at(doc, w.name)
        heading, details, label, notes = doc.paragraphs[at:at + 4]
        assert heading.style.name == "Heading 3"
        assert details.text.startswith("Facilitator: F. Acilitator. Location: Town Hall.")
        assert label.text == "Facilitator's notes" and label.runs[0].bold
        if w.notes:
            assert notes.text == one_break(visible(NOTES))
            assert notes.runs[-1]._r.xpath("./w:br")  # the line break is a line break
        else:
            assert notes.text == "None." and notes.runs[0].italic
    assert "Still in progress, last changed" in doc.paragraphs[
        _heading_at(doc, "Salford Circle, 5 November 2026") + 1].text


def _heading_at(doc, name: str) -> int:
    return next(n for n, p in enumerate(doc.paragraphs)
                if p.text == name and p.style.name.startswith("Heading"))


def test_a_single_sessions_notes(source, protocol):
    doc = open_doc(export_bytes(source.merged, protocol, "docx"))
    if source.kind == "session":
        at = _heading_at(doc, "Facilitator's notes")
        assert doc.paragraphs[at].style.name == "Heading 2"
        assert doc.paragraphs[at + 1].text == "None."
    else:
        assert texts(doc).count("Facilitator's notes") == len(source.sessions)


def test_the_findings_of_a_merged_report_come_from_the_model(doc, report):
    f = findings(report)
    assert f.unfinished_line() in texts(doc)
    assert texts(doc).index(f.unfinished_line()) < texts(doc).index("Summary")
