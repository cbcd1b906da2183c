"""Themes in the Markdown export, parsed back with markdown-it-py (CommonMark with HTML on, plus
tables): the findings' themes line, each commitment's and question's theme counts, and the
Themes section (a table of every theme, then each theme with its description, figures and
quotes with their workshop). Hostile theme names and descriptions make no HTML, link, emphasis,
list or table cell of their own."""

from __future__ import annotations

from markdown_it import MarkdownIt
from themed_helpers import (
    AMENDED_THEMES,
    COMMENTED_THEMES,
    FIRST_QUESTION_THEMES,
    HOSTILE,
    HOSTILE_CHILD,
    SECOND_QUESTION_THEMES,
    THEME_FIGURES,
    THEMES_LINE,
    themed_sessions,
    untagged_book,
)

from workshop.analysis.book import ThemeBook
from workshop.consultation.inputs import read_result
from workshop.export import export_bytes
from workshop.session.store import SessionStore


def tokens(data: bytes):
    md = MarkdownIt("commonmark", {"html": True}).enable("table").enable("strikethrough")
    return md.parse(data.decode("utf-8"))


def shown(inline) -> str:
    """What an inline token shows: its text, emphasis and all, line breaks as LF."""
    out = []
    for child in inline.children:
        if child.type in ("text", "code_inline"):
            out.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            out.append("\n")
    return "".join(out)


def blocks(data: bytes) -> list[tuple[str, str]]:
    """(block, text) for every heading (`h2`), paragraph (`p`, `li` inside a list item) and
    table cell (`td`, `th`), in order."""
    out, items = [], 0
    toks = tokens(data)
    for n, token in enumerate(toks):
        if token.type == "list_item_open":
            items += 1
        elif token.type == "list_item_close":
            items -= 1
        elif token.type == "inline":
            opener = toks[n - 1]
            kind = opener.tag if opener.tag in ("th", "td") or opener.tag.startswith("h") \
                else ("li" if items else "p")
            out.append((kind, shown(token)))
    return out


def section(data: bytes, title: str) -> list[tuple[str, str]]:
    """The blocks of the `## title` section, up to the next `##`."""
    found = blocks(data)
    start = found.index(("h2", title))
    end = next((n for n in range(start + 1, len(found)) if found[n][0] == "h2"), len(found))
    return found[start + 1:end]


def after(found: list[tuple[str, str]], heading: tuple[str, str], n: int = 6) -> list:
    start = found.index(heading)
    return found[start + 1:start + 1 + n]


def markdown(themed, protocol, book=None) -> bytes:
    return export_bytes(themed.merged, protocol, "md", book=themed.book if book is None else book)


def test_findings_commitments_and_questions_count_their_themes(themed, protocol):
    data = markdown(themed, protocol)
    assert ("p", THEMES_LINE) in section(data, "Summary")
    found = blocks(data)
    c1, c2 = protocol.commitments[:2]
    assert ("p", f"Themes: {AMENDED_THEMES}") in after(found, ("h3", f"1.1 {c1.text}"))
    assert ("p", f"Themes: {COMMENTED_THEMES}") in after(found, ("h3", f"1.2 {c2.text}"))
    q1, q2 = protocol.questions[:2]
    assert after(found, ("h3", f"Q1. {q1.text}"), 1) == [("p", f"Themes: {FIRST_QUESTION_THEMES}")]
    assert after(found, ("h3", f"Q2. {q2.text}"), 1) == [
        ("p", f"Themes: {SECOND_QUESTION_THEMES}")]


def test_themes_section_a_table_then_each_theme_with_its_quotes(themed, protocol):
    data = markdown(themed, protocol)
    found = section(data, "Themes")
    cells = [text for kind, text in found if kind in ("th", "td")]
    rows = [cells[n:n + 3] for n in range(0, len(cells), 3)]
    assert rows[0] == ["Theme", "Entries", "Workshops"]
    paths = {name: f"{parent} › {name}" if parent else name
             for name, parent, *_ in THEME_FIGURES}
    assert rows[1:] == [[paths[name], str(e), str(w)] for name, _, e, w, *_ in THEME_FIGURES]
    headings = [(kind, text) for kind, text in found if kind.startswith("h")]
    assert headings == [("h4" if parent else "h3", paths[name])
                        for name, parent, *_ in THEME_FIGURES]
    assert after(found, ("h3", "Resources"), 3) == [
        ("p", "Money, staff and time the protocol needs"),
        ("p", "7 entries, 4 workshops, with the themes under it."),
        ("li", "Leeds Board, 2 November 2026 (comment on 1.2): Comment from Leeds Board")]
    funding = after(found, ("h4", "Resources › Funding"), 5)
    assert funding == [
        ("p", "4 entries, 2 workshops."),
        ("li", "Leeds Board, 2 November 2026 (comment on 1.2): Comment from Leeds Board"),
        ("li", "Bristol Forum, 3 November 2026 (comment on 1.2): Comment from Bristol Forum"),
        ("li", "Leeds Board, 2 November 2026 (answer to Q1): We need a budget line for this "
               "<b>now</b>"),
        ("li", "Bristol Forum, 3 November 2026 (answer to Q1): =HYPERLINK(\"x\") more staff "
               "time")]
    assert after(found, ("h4", f"{HOSTILE} › {HOSTILE_CHILD}"), 2) == [
        ("p", "1 entry, 1 workshop."),
        ("li", "Salford Circle, 5 November 2026 (answer to Q1): Training first 🎉")]
    assert after(found, ("h3", "Unused"), 1) == [("p", "Nothing tagged with it yet.")]


def emphasised(inline) -> list[str]:
    """The text inside each emphasis (bold or italic) of an inline token."""
    out, buf, depth = [], [], 0
    for child in inline.children:
        if child.type in ("em_open", "strong_open"):
            depth, buf = depth + 1, []
        elif child.type in ("em_close", "strong_close"):
            depth -= 1
            out.append("".join(buf))
        elif depth and child.type == "text":
            buf.append(child.content)
    return out


def test_hostile_theme_names_stay_text(themed, protocol):
    """`*x*`, `_y_`, `[bold]b[/bold]`, `[z](javascript:x)`, `<script>`, a leading `- ` and `#`
    in theme names: no emphasis, link, HTML or list of their own, wherever a name is shown."""
    data = markdown(themed, protocol)
    toks = tokens(data)
    kinds = {t.type for t in toks} | {c.type for t in toks for c in (t.children or [])}
    assert not kinds & {"html_inline", "html_block", "link_open", "image"}
    for token in toks:
        if token.type == "inline":
            assert not set(emphasised(token)) & {"x", "y", "b", "bold"}, token.content
    found = section(data, "Themes")
    assert ("h3", HOSTILE) in found
    assert ("p", "<b>not bold</b> =1+1") in found  # the description, in italics, as typed


def test_a_codebook_with_nothing_tagged_says_so(themed, protocol):
    data = markdown(themed, protocol, untagged_book())
    assert section(data, "Themes") == [
        ("p", "No comments, proposed wordings or answers are tagged yet."),
        ("p", f"The codebook's themes: Resources; Resources › Funding; {HOSTILE}.")]
    assert ("p", "Themes: no comments, proposed wordings or answers are tagged yet.") in \
        section(data, "Summary")
    assert not any(text.startswith("Themes: ") and kind == "p" and "(" in text
                   for kind, text in blocks(data))


def test_without_a_theme_file_no_themes_at_all(themed, protocol):
    data = export_bytes(themed.merged, protocol, "md")
    assert ("h2", "Themes") not in blocks(data)
    assert b"Themes" not in data


def test_a_single_session_names_what_a_quote_is_about_without_its_workshop(tmp_path, protocol):
    session = themed_sessions(protocol)[0]
    path = SessionStore(tmp_path, protocol).create(session)
    book = ThemeBook()
    book.add("Funding")
    entry = session.answers[protocol.questions[0].id][0]
    book.tag(session.id, entry.id, "answers", protocol.questions[0].id, entry.text, "Funding")
    data = export_bytes(read_result(path, protocol), protocol, "md", book=book)
    assert after(section(data, "Themes"), ("h3", "Funding"), 2) == [
        ("p", "1 entry, 1 workshop."),
        ("li", "Answer to Q1: We need a budget line for this <b>now</b>")]
