"""DOCX export: opened with python-docx, the appendix uses Word's own heading and table styles,
the findings come first, its tables hold every count and share with the verdict and the leading
option on every commitment and each workshop's own counts, and every comment, wording and answer
is there as plain text (no hyperlink or other live content; the only fields are the contents
list and the page numbers, with fixed instructions). The council report's content, layout,
charts and a LibreOffice rendering are tested in test_docx_*.py."""

from __future__ import annotations

import io
import zipfile
from xml.etree import ElementTree

from docx import Document
from docx.table import Table
from export_helpers import one_break, share, visible

from workshop.consultation.findings import findings
from workshop.consultation.report_build import build_report
from workshop.export import export_bytes
from workshop.session.model import RECOMMENDATIONS


def open_doc(data: bytes):
    return Document(io.BytesIO(data))


def principle_tables(doc) -> list:
    """The table of counts and shares of each principle (headed "Ref", "Commitment")."""
    return [t for t in doc.tables if [c.text for c in t.rows[0].cells][:2] == ["Ref",
                                                                            "Commitment"]]


def workshop_tables(doc) -> list:
    """Each commitment's table of its workshops' own counts (headed "Ref", "Workshop")."""
    return [t for t in doc.tables if [c.text for c in t.rows[0].cells][:2] == ["Ref",
                                                                            "Workshop"]]


def plain(paragraph) -> str:
    """The paragraph's text without its bold lead-in (a label or the workshop's name)."""
    runs = list(paragraph.runs)
    while runs and runs[0].bold:
        runs.pop(0)
    return "".join(r.text for r in runs)


def test_uses_words_own_styles(source, protocol):
    doc = open_doc(export_bytes(source.merged, protocol, "docx"))
    styles = [p.style.name for p in doc.paragraphs]
    assert styles[0] == "Title"
    headings = [p.text for p in doc.paragraphs if p.style.name == "Heading 1"]
    assert headings == ["Findings", "Summary", *(f"{n}. {p.title}" for n, p in
                                     enumerate(protocol.principles, start=1)),
                        "Your thoughts",
                        "Recommendation" if source.kind == "session" else "Recommendations",
                        "Appendix: every comment and proposed wording"]
    assert [p.text for p in doc.paragraphs if p.style.name == "Heading 2"
            and p.text.startswith("Q")][:len(protocol.questions)] == [
        f"Q{n}. {q.text}" for n, q in enumerate(protocol.questions, 1)]
    assert {t.style.name for t in doc.tables} == {"Table Grid"}  # one table style
    section = doc.sections[0]
    assert round(section.page_width.mm) == 210 and round(section.page_height.mm) == 297


def test_a_table_per_principle_with_every_count(source, protocol):
    doc = open_doc(export_bytes(source.merged, protocol, "docx"))
    tables = principle_tables(doc)
    assert len(tables) == len(protocol.principles)
    labels = [o.label for o in protocol.vote_options]
    for table, principle in zip(tables, protocol.principles, strict=True):
        rows = [[c.text for c in row.cells] for row in table.rows]
        assert rows[0] == ["Ref", "Commitment", *labels, "Total", "Result"]
        assert len(rows) == len(principle.commitments) + 2
        assert rows[-1][1] == "All commitments"
        for row, c in zip(rows[1:], principle.commitments, strict=False):
            totals = source.totals(protocol, c.id)
            total = sum(totals.values())
            assert row[1] == c.text
            assert row[2:2 + len(labels)] == [
                f"{totals[o]} ({share(totals[o], total)}%)" if total else str(totals[o])
                for o in protocol.option_ids]
            assert row[2 + len(labels)] == str(total)


def test_every_comment_wording_and_answer(source, protocol):
    doc = open_doc(export_bytes(source.merged, protocol, "docx"))
    bullets = [plain(p) for p in doc.paragraphs if p.style.name == "List Bullet"]
    for kind in ("comments", "amendments", "answers"):
        for _, _, text in source.entries(kind):
            assert one_break(visible(text)) in bullets, (kind, text)
    if source.kind == "merged":
        leads = {p.runs[0].text for p in doc.paragraphs if p.style.name == "List Bullet"}
        assert any(s.meta.group in lead for s in source.sessions for lead in leads)
        summary = doc.tables[0]
        names = [r.cells[0].text for r in summary.rows[1:]]  # each workshop named with its date
        assert names == [f"{s.meta.group}, {s.meta.date.day} {s.meta.date:%B %Y}"
                         for s in source.sessions]
        assert [r.cells[2].text for r in summary.rows[1:]] == [s.meta.location
                                                               for s in source.sessions]
    reasons = [plain(p) for p in doc.paragraphs if p.runs and p.runs[0].text == "Reasons: "]
    assert reasons == [one_break(visible(s.recommendation.reasons)) for s in source.sessions]
    text = "\n".join(p.text for p in doc.paragraphs)
    for s in source.sessions:
        assert RECOMMENDATIONS[s.recommendation.choice] in text


INSTRUCTIONS = {' TOC \\o "1-3" \\h \\z \\u '}
"""The only field in the body: the contents list (the footer has PAGE and NUMPAGES)."""


def test_nothing_is_live(source, protocol):
    data = export_bytes(source.merged, protocol, "docx")
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        body = z.read("word/document.xml").decode("utf-8")
        names = z.namelist()
        rels = z.read("word/_rels/document.xml.rels").decode("utf-8")
    for live in ("<w:hyperlink", "<w:fldSimple", "<w:object", "<w:altChunk"):
        assert live not in body
    w = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    tree = ElementTree.fromstring(body)
    assert {e.text for e in tree.iter(f"{w}instrText")} == INSTRUCTIONS  # no one's words
    assert "External" not in rels and "javascript" not in rels
    for element in ElementTree.fromstring(body).iter():  # only ever text, never an attribute
        assert not any("javascript" in value for value in element.attrib.values())
    assert not any("vbaProject" in n or n.startswith("word/embeddings") for n in names)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in body


def test_incomplete_session(partial, protocol):
    doc = open_doc(export_bytes(partial.merged, protocol, "docx"))
    texts = [p.text for p in doc.paragraphs]
    assert any("still in progress" in t for t in texts)
    assert "No votes yet:" in texts and "Not answered yet:" in texts
    assert texts.count("Not answered yet.") == len(protocol.questions) - 1
    assert "Undecided" in texts
    first = principle_tables(doc)[0]
    assert isinstance(first, Table)
    assert [c.text for c in first.rows[3].cells][-1] == "No votes yet"


def findings_part(doc) -> list:
    """The paragraphs from the "Findings" heading to the "Summary" heading."""
    texts = [p.text for p in doc.paragraphs]
    return doc.paragraphs[texts.index("Findings") + 1:texts.index("Summary")]


def under(paragraphs, heading: str) -> list[str]:
    """The texts of the paragraphs under a findings subheading, up to the next heading."""
    texts = [p.text for p in paragraphs]
    out = []
    for p in paragraphs[texts.index(heading) + 1:]:
        if p.style.name.startswith("Heading"):
            break
        out.append(p.text)
    return out


def test_findings_come_first_and_hold_the_findings(source, protocol):
    doc = open_doc(export_bytes(source.merged, protocol, "docx"))
    report = build_report(source.merged, protocol)
    f = findings(report)
    part = findings_part(doc)
    assert [p.style.name for p in doc.paragraphs].index("Heading 1") == [
        p.text for p in doc.paragraphs].index("Findings")  # the first section
    assert part[0].text == f.headline() and part[0].runs[0].bold
    if source.kind == "merged":
        assert under(part, "Recommendations") == [
            f"{t.label}: {t.count}" + (" — " + "; ".join(w.name for w in t.workshops)
                                       if t.workshops else "") for t in f.recommendations]
        assert sum(t.count for t in f.recommendations) == len(source.sessions)
    else:
        assert f"Recommendation: {report.workshops[0].recommendation}" in [p.text for p in part]
    assert f.contested_commitments and f.most_amended
    assert under(part, "Contested commitments, most contested first") == [
        f"{c.code} {c.text} — Contested: {c.reason}" for c in f.contested_commitments]
    order = [c.id for c in report.sorted_commitments("contested") if c.mark == "contested"]
    assert [c.id for c in f.contested_commitments] == order
    amended = under(part, "Most amended commitments")
    assert [a.split(" ")[0] for a in amended] == [c.code for c in f.most_amended]
    for text, c in zip(amended, f.most_amended, strict=True):
        n = len(c.amendments)
        first, summary = text.split("\n", 1)  # then what most of its workshops propose
        assert f"{c.text} — {n} proposed wording{'' if n == 1 else 's'}; {c.verdict}" in first
        assert c.leading_text in first
        assert summary == one_break(visible(c.amendment_groups[0].summary))
    counts = sorted((len(c.amendments) for c in report.commitments), reverse=True)
    assert [len(c.amendments) for c in f.most_amended] == counts[:len(amended)]


def test_findings_say_none_plainly(partial, protocol):
    part = findings_part(open_doc(export_bytes(partial.merged, protocol, "docx")))
    assert under(part, "Contested commitments, most contested first") == ["None."]
    assert under(part, "Most amended commitments") == ["None."]
    assert "Recommendation: Undecided" in [p.text for p in part]


def test_every_result_cell_names_the_verdict_and_the_leading_option(source, protocol):
    doc = open_doc(export_bytes(source.merged, protocol, "docx"))
    report = build_report(source.merged, protocol)
    tables = principle_tables(doc)
    verdicts = set()
    for table, p in zip(tables, report.principles, strict=True):
        rows = [[c.text for c in row.cells] for row in table.rows]
        assert all(row[-1].strip() for row in rows), rows  # never a blank Result cell
        for row, c in zip(rows[1:], p.commitments, strict=False):
            assert row[:2] == [c.code, c.text]
            totals = source.totals(protocol, c.id)
            total = sum(totals.values())
            if total:
                lead = max(protocol.vote_options, key=lambda o: totals[o.id])
                assert row[-1] == f"{c.verdict} — {lead.label}, {share(totals[lead.id], total)}%"
            else:
                assert row[-1] == "No votes"
            verdicts.add(row[-1].split(" — ")[0])
    assert {"Contested", "Majority", "No votes"} <= verdicts


def test_each_workshops_own_counts(source, protocol):
    doc = open_doc(export_bytes(source.merged, protocol, "docx"))
    report = build_report(source.merged, protocol)
    labels = [o.label for o in protocol.vote_options]
    tables = [[[c.text for c in row.cells] for row in t.rows] for t in workshop_tables(doc)]
    if source.kind == "session":
        assert not tables  # one workshop: its counts are the commitment's
        return
    voted = [c for c in report.commitments if c.total]  # nobody voted: no table of dashes
    assert len(voted) < len(report.commitments) and len(tables) == len(voted)
    codes = {f"{c.code} {c.text}" for c in report.commitments}
    headings = [p.text for p in doc.paragraphs if p.text in codes]
    assert headings == [f"{c.code} {c.text}" for c in report.commitments]
    for table, c in zip(tables, voted, strict=True):
        assert table[0] == ["Ref", "Workshop", *labels, "Total"]
        assert [r[0] for r in table[1:]] == [c.code] * len(report.workshops)
        assert [r[1] for r in table[1:]] == [w.name for w in report.workshops]
        for row, wc, s in zip(table[1:], c.by_workshop, source.sessions, strict=True):
            own = [s.votes.get(c.id, {}).get(o, 0) for o in protocol.option_ids]
            if wc.counts is None:
                assert row[2:] == ["–"] * (len(labels) + 1) and not sum(own)
            else:
                assert row[2:] == [str(n) for n in own] + [str(sum(own))]
                assert own == [wc.counts.get(o, 0) for o in protocol.option_ids]
        assert [sum(int(r[i]) for r in table[1:] if r[i] != "–")
                for i in range(2, len(labels) + 2)] == [c.totals[o] for o in protocol.option_ids]


def test_the_same_input_gives_the_same_bytes(source, protocol):
    assert (export_bytes(source.merged, protocol, "docx")
            == export_bytes(source.merged, protocol, "docx"))
