"""Markdown escaping (export/safety.py), read back with markdown-it-py: people's words come out
exactly as typed and inert in every place the export puts them (a list item, after a label, a
table cell, a heading, between emphasis markers), and with a backslash only where one changes
the rendering, so "A & B" or "co-operate" pasted into an editor that shows escapes stays clean."""

from __future__ import annotations

import pytest
from export_helpers import CORPUS, Source, save_session, visible
from test_export_markdown import inline_text, list_items, parse

from helpers import FixedClock
from workshop.consultation.inputs import read_result
from workshop.export import export_bytes
from workshop.export.safety import md_cell, md_emphasis, md_heading, md_inline, md_paragraph
from workshop.session.model import Session

PLAIN = ["A & B", "co-operate", "well-being", "a_b_c", "5-10", "=SUM(A1)", "-1+2", "+44 161",
         "#hashtag", "1.5 million", "C++ and C#", "< 5 people", "x > y", "~5 people", "don't",
         "snake_case_name", "50% (roughly)", "R&D", "AT&T;", "email@example.com", "2026-11-22"]
"""Text that renders as typed with no escape at all, wherever it stands."""

HOSTILE = [*CORPUS, "*x*", "_x_", "__x__", "a_b_ c", "_a", "~~x~~", "~x~", "x~~", "~~~",
           "&copy; &#169; &#xA9;", "<b>", "</b>", "<!-- c -->", "<?php ?>", "<http://x.y>",
           "# h", "###### h", "> q", "- l", "+ l", "* l", "1. l", "1) l", "2.", "-", "---",
           "***", "___", "- - -", "===", "--", "a\n=", "a\n-", "a\n---", "```", "    code",
           "\tcode", "| a | b |\n| --- | --- |", "[a]: /x", "`c`", "\\*", "x #", "C #", "##",
           "#", "**a**b", "a**b**", "foo*bar*", "5 * 3", "|", "a|b", "x\n> y", "x\n1. y",
           "x\n- y", "x\n# y", "x\n<div>", "x\n```", "*", "_", "~", "\\", "&", "<", "a\\\nb"]
"""Text that would make markup if it were not escaped (the export corpus and more)."""


def one_line(text: str) -> str:
    """What a one-line place (a heading, a table cell) shows: line breaks as spaces."""
    return visible(text).replace("\r\n", "\n").replace("\r", "\n").replace("\n", " ")


def paragraph_text(text: str) -> str:
    """What a paragraph shows: line breaks kept (as LF), leading spaces kept (they are written as
    character references), the paragraph's trailing spaces dropped (as every renderer does)."""
    return visible(text).replace("\r\n", "\n").replace("\r", "\n").rstrip(" \t")


def shape(tokens) -> list[str]:
    return [t.type for t in tokens if t.type != "inline"]


def only_text(inline) -> None:
    kinds = {c.type for c in inline.children}
    assert kinds <= {"text", "hardbreak", "softbreak"}, kinds


@pytest.mark.parametrize("text", PLAIN)
def test_plain_words_get_no_backslash(text):
    assert md_inline(text) == text
    assert md_cell(text) == text
    assert md_heading(text) == text
    assert md_paragraph(text) == text
    assert md_paragraph(text, start=False) == text


@pytest.mark.parametrize("text", HOSTILE)
def test_a_list_item_holds_the_text_and_nothing_else(text):
    tokens = parse(f"- {md_paragraph(text, indent='  ')}\n".encode())
    assert shape(tokens) == ["bullet_list_open", "list_item_open", "paragraph_open",
                             "paragraph_close", "list_item_close", "bullet_list_close"]
    only_text(tokens[3])
    assert inline_text(tokens[3].children) == paragraph_text(text)


@pytest.mark.parametrize("text", HOSTILE)
def test_after_a_label_the_paragraph_holds_the_text(text):
    tokens = parse(f"Reasons: {md_paragraph(text, start=False)}\n".encode())
    assert shape(tokens) == ["paragraph_open", "paragraph_close"]
    only_text(tokens[1])
    shown = inline_text(tokens[1].children).replace("\u00a0", "")  # an empty first line
    assert shown == ("Reasons: " + paragraph_text(text)).rstrip(" ")


@pytest.mark.parametrize("text", HOSTILE)
def test_a_table_cell_holds_the_text(text):
    tokens = parse(f"| a | b |\n| --- | ---: |\n| {md_cell(text)} | x |\n".encode())
    cells = [tokens[n + 1] for n, t in enumerate(tokens) if t.type == "td_open"]
    assert len(cells) == 2 and tokens[-1].type == "table_close"
    only_text(cells[0])
    assert inline_text(cells[0].children) == one_line(text).strip()
    assert inline_text(cells[1].children) == "x"


@pytest.mark.parametrize("text", HOSTILE)
def test_a_heading_and_a_line_start_hold_the_text(text):
    tokens = parse(f"### 1.1 {md_heading(text)}\n\n{md_inline(text)}\n".encode())
    assert shape(tokens) == ["heading_open", "heading_close", "paragraph_open", "paragraph_close"]
    for inline in (tokens[1], tokens[4]):
        only_text(inline)
    # a one-line place shows no leading spaces; md_inline drops them (else: a code block)
    assert inline_text(tokens[1].children) == ("1.1 " + one_line(text).lstrip(" \t")).strip()
    assert inline_text(tokens[4].children) == one_line(text).strip()


@pytest.mark.parametrize("marker, tag", [("**", "strong"), ("~~", "s")])
@pytest.mark.parametrize("text", [t for t in HOSTILE + PLAIN if t.strip()])
def test_emphasis_holds_the_text_exactly(text, marker, tag):
    padded = one_line(f" {text} ")
    core = padded.strip()
    lead, trail = padded[:padded.index(core)], padded[padded.index(core) + len(core):]
    tokens = parse(f"x{md_emphasis(' ' + text + ' ', marker)}y\n".encode())
    children = tokens[1].children
    assert [c.type for c in children] == ["text", f"{tag}_open", "text", f"{tag}_close", "text"]
    assert children[0].content == "x" + lead and children[-1].content == trail + "y"
    assert children[2].content == core


def test_the_rules_one_by_one():
    """Each escape, and each place where none is needed."""
    assert md_inline("a_b_c _x_ a__b") == "a_b_c \\_x\\_ a__b"  # `_` only at a word's edge
    assert md_inline("A & B, &amp; &#60; &#x3C;") == "A & B, \\&amp; \\&#60; \\&#x3C;"
    assert md_inline("a < b, <b>, </i>, <!--, <?x") == "a < b, \\<b>, \\</i>, \\<!--, \\<?x"
    assert md_inline("~5") == "~5" and md_inline("x ~~y") == "x \\~\\~y"
    assert md_inline("~5 or ~x~") == "\\~5 or \\~x\\~"  # GitHub strikes a pair of single ~
    assert md_inline("*a* [b] `c` d|e \\") == "\\*a\\* \\[b\\] \\`c\\` d\\|e \\\\"
    assert md_inline("# h") == "\\# h" and md_cell("# h") == "# h"  # a cell holds no heading
    assert md_inline("> q") == "\\> q" and md_inline("x > q") == "x > q"
    assert md_inline("1. l") == "1\\. l" and md_inline("1.5 l") == "1.5 l"
    assert md_inline("- l") == "\\- l" and md_inline("--") == "\\--" and md_inline("-1") == "-1"
    assert md_inline("===") == "\\===" and md_inline("=SUM(A1)") == "=SUM(A1)"
    assert md_heading("C #") == "C \\#" and md_heading("C# and F#") == "C# and F#"
    assert md_paragraph("x\n- y\n=") == "x\\\n\\- y\\\n\\="
    assert md_emphasis(" two words ", "**") == " **two words** "
    assert md_emphasis("~x~", "~~") == "~~\\~x\\~~~" and md_emphasis("  ", "**") == "  "


def test_plain_words_in_an_export_have_no_backslash(tmp_path, protocol):
    """Comments of ordinary words: in the file without a backslash, and shown as typed."""
    s = Session.new(protocol, "R&D Board", facilitator="Ann-Marie O'Neil",
                    clock=FixedClock(), session_id="7a7a7a7a-0000-4000-8000-000000000001")
    for text in PLAIN:
        s.add_comment(protocol.commitments[0].id, text)
    path = save_session(tmp_path / "sessions", s, protocol)
    source = Source("session", path, read_result(path, protocol), [s])
    data = export_bytes(source.merged, protocol, "md")
    text = data.decode()
    for words in PLAIN:
        assert f"- {words}\n" in text, words
    assert "- **Group:** R&D Board" in text
    assert "- **Facilitator:** Ann-Marie O'Neil" in text
    items = list_items(parse(data))
    for words in PLAIN:
        assert words in items
    assert not [i for i in items if "\\" in i]
