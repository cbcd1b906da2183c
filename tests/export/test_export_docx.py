"""DOCX export: opened with python-docx, the appendix uses Word's own heading and table styles,
its tables hold every count and share, and every comment, wording and answer is there as plain
text (no field, hyperlink or other live content)."""

from __future__ import annotations

import io
import zipfile
from xml.etree import ElementTree

from docx import Document
from docx.table import Table
from export_helpers import one_break, share, visible

from workshop.export import export_bytes
from workshop.session.model import RECOMMENDATIONS


def open_doc(data: bytes):
    return Document(io.BytesIO(data))


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
    assert headings == ["Summary", *(f"{n}. {p.title}" for n, p in
                                     enumerate(protocol.principles, start=1)),
                        "Your thoughts",
                        "Recommendation" if source.kind == "session" else "Recommendations"]
    assert [p.text for p in doc.paragraphs if p.style.name == "Heading 2"][:len(
        protocol.questions)] == [f"Q{n}. {q.text}" for n, q in enumerate(protocol.questions, 1)]
    assert {t.style.name for t in doc.tables} == {"Table Grid", "Light Grid Accent 1"}
    section = doc.sections[0]
    assert round(section.page_width.mm) == 210 and round(section.page_height.mm) == 297


def test_a_table_per_principle_with_every_count(source, protocol):
    doc = open_doc(export_bytes(source.merged, protocol, "docx"))
    tables = [t for t in doc.tables if t.style.name == "Light Grid Accent 1"]
    assert len(tables) == len(protocol.principles)
    labels = [o.label for o in protocol.vote_options]
    for table, principle in zip(tables, protocol.principles, strict=True):
        rows = [[c.text for c in row.cells] for row in table.rows]
        assert rows[0] == ["No.", "Commitment", *labels, "Total", "Result"]
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
        summary = next(t for t in doc.tables if t.style.name == "Table Grid")
        groups = [r.cells[0].text for r in summary.rows[1:]]
        assert groups == [s.meta.group for s in source.sessions]
        assert [r.cells[3].text for r in summary.rows[1:]] == [s.meta.location
                                                               for s in source.sessions]
    reasons = [plain(p) for p in doc.paragraphs if p.runs and p.runs[0].text == "Reasons: "]
    assert reasons == [one_break(visible(s.recommendation.reasons)) for s in source.sessions]
    text = "\n".join(p.text for p in doc.paragraphs)
    for s in source.sessions:
        assert RECOMMENDATIONS[s.recommendation.choice] in text


def test_nothing_is_live(source, protocol):
    data = export_bytes(source.merged, protocol, "docx")
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        body = z.read("word/document.xml").decode("utf-8")
        names = z.namelist()
        rels = z.read("word/_rels/document.xml.rels").decode("utf-8")
    for live in ("<w:hyperlink", "<w:fldSimple", "<w:instrText", "<w:object", "<w:altChunk"):
        assert live not in body
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
    first = next(t for t in doc.tables if t.style.name == "Light Grid Accent 1")
    assert isinstance(first, Table)
    assert [c.text for c in first.rows[3].cells][-1] == "No votes yet"
