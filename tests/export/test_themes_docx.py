"""Themes in the Word export, read back with python-docx: "Themes most raised" in the findings,
each commitment's and question's theme counts, a Themes chapter (Heading 1) with a table of
every theme and each theme under Heading 2 (those under another, Heading 3) with its
description, figures and quotes led by their workshop, and a Themes column in the appendix.
Hostile theme names are plain runs, never fields or links."""

from __future__ import annotations

import io
import zipfile
from xml.etree import ElementTree

from test_export_docx import INSTRUCTIONS, open_doc
from themed_helpers import (
    AMENDED_THEMES,
    COMMENTED_THEMES,
    FIRST_QUESTION_THEMES,
    HOSTILE,
    HOSTILE_CHILD,
    THEME_FIGURES,
    THEMES_LINE,
    untagged_book,
)

from workshop.export import export_bytes

PATHS = {name: f"{parent} › {name}" if parent else name for name, parent, *_ in THEME_FIGURES}


def docx(themed, protocol, book=None) -> bytes:
    return export_bytes(themed.merged, protocol, "docx",
                        book=themed.book if book is None else book)


def paragraphs(doc) -> list[tuple[str, str]]:
    return [(p.style.name, p.text) for p in doc.paragraphs]


def after(found: list[tuple[str, str]], item: tuple[str, str], n: int = 1) -> list:
    at = found.index(item)
    return found[at + 1:at + 1 + n]


def test_findings_commitments_and_questions_count_their_themes(themed, protocol):
    found = paragraphs(open_doc(docx(themed, protocol)))
    assert after(found, ("Heading 2", "Themes most raised")) == [("Normal", THEMES_LINE)]
    assert found.index(("Heading 2", "Themes most raised")) < found.index(("Heading 1", "Summary"))
    c1, c2 = protocol.commitments[:2]
    assert after(found, ("Heading 2", f"1.1 {c1.text}"), 2)[1] == (
        "Normal", f"Themes: {AMENDED_THEMES}")
    assert after(found, ("Heading 2", f"1.2 {c2.text}"), 2)[1] == (
        "Normal", f"Themes: {COMMENTED_THEMES}")
    q1 = protocol.questions[0]
    assert after(found, ("Heading 2", f"Q1. {q1.text}")) == [
        ("Normal", f"Themes: {FIRST_QUESTION_THEMES}")]


def test_themes_chapter_a_table_then_each_theme_with_its_quotes(themed, protocol):
    doc = open_doc(docx(themed, protocol))
    found = paragraphs(doc)
    start = found.index(("Heading 1", "Themes"))
    end = found.index(("Heading 1", "Appendix: every comment and proposed wording"))
    chapter = found[start + 1:end]
    headings = [(style, text) for style, text in chapter if style.startswith("Heading")]
    assert headings == [("Heading 3" if parent else "Heading 2", PATHS[name])
                        for name, parent, *_ in THEME_FIGURES]
    [table] = [t for t in doc.tables if [c.text for c in t.rows[0].cells] == [
        "Theme", "Entries", "Workshops"]]
    assert [[c.text for c in r.cells] for r in table.rows[1:]] == [
        [PATHS[name], str(e), str(w)] for name, _, e, w, *_ in THEME_FIGURES]
    assert after(chapter, ("Heading 3", "Resources › Staff time"), 3) == [
        ("Normal", "Officers' and members' hours"), ("Normal", "3 entries, 3 workshops."),
        ("List Bullet", "Taunton Panel, 4 November 2026 (comment on 1.2): Comment from Taunton "
                        "Panel")]
    assert after(chapter, ("Heading 3", f"{HOSTILE} › {HOSTILE_CHILD}"), 2) == [
        ("Normal", "1 entry, 1 workshop."),
        ("List Bullet", "Salford Circle, 5 November 2026 (answer to Q1): Training first 🎉")]
    assert after(chapter, ("Heading 2", "Unused")) == [("Normal", "Nothing tagged with it yet.")]
    quotes = [text for style, text in chapter if style == "List Bullet"]
    assert len(quotes) == sum(e for _, _, e, *_ in THEME_FIGURES)


def test_the_appendix_gives_each_entry_s_themes(themed, protocol):
    doc = open_doc(docx(themed, protocol))
    [appendix] = [t for t in doc.tables if [c.text for c in t.rows[0].cells][:4] == [
        "Ref", "Kind", "Workshop", "Text"]]
    assert [c.text for c in appendix.rows[0].cells][-1] == "Themes"
    themes = {(r.cells[2].text, r.cells[1].text): r.cells[4].text for r in appendix.rows[1:]}
    assert themes[("Taunton Panel, 4 November 2026", "Comment")] == f"Staff time; {HOSTILE}"
    assert themes[("Salford Circle, 5 November 2026", "Comment")] == ""
    assert themes[("Salford Circle, 5 November 2026", "Proposed wording")] == "Resources"


def test_hostile_theme_names_are_plain_runs(themed, protocol):
    data = docx(themed, protocol)
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        body = z.read("word/document.xml").decode("utf-8")
    assert "<w:hyperlink" not in body and "<w:fldSimple" not in body
    assert "=SUM(A1) &lt;script&gt;alert(1)&lt;/script&gt; [bold]b[/bold] 🎉" in body
    w = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    fields = {e.text for e in ElementTree.fromstring(body).iter(f"{w}instrText")}
    assert fields == INSTRUCTIONS  # the contents list and page numbers: no theme's name


def test_a_codebook_with_nothing_tagged_says_so(themed, protocol):
    found = paragraphs(open_doc(docx(themed, protocol, untagged_book())))
    assert after(found, ("Heading 1", "Themes"), 2) == [
        ("Normal", "No comments, proposed wordings or answers are tagged yet."),
        ("Normal", f"The codebook's themes: Resources; Resources › Funding; {HOSTILE}.")]
    assert after(found, ("Heading 2", "Themes most raised")) == [
        ("Normal", "Themes: no comments, proposed wordings or answers are tagged yet.")]


def test_without_a_theme_file_no_themes(themed, protocol):
    doc = open_doc(export_bytes(themed.merged, protocol, "docx"))
    assert not any(text.startswith("Themes") for _, text in paragraphs(doc))
    assert all("Themes" not in [c.text for c in t.rows[0].cells] for t in doc.tables)
