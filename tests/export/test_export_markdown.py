"""Markdown export: parsed back with markdown-it-py (CommonMark with HTML on, plus tables), it
holds every count, share, comment, wording and answer as typed, and no user text makes HTML, a
link, an image, a heading or a broken table."""

from __future__ import annotations

import pytest
from export_helpers import CORPUS, one_break, share, visible
from markdown_it import MarkdownIt

from workshop.export import export_bytes
from workshop.export.safety import md_cell, md_inline, md_paragraph


def parse(data: bytes):
    md = MarkdownIt("commonmark", {"html": True}).enable("table").enable("strikethrough")
    return md.parse(data.decode("utf-8"))


def walk(tokens):
    for token in tokens:
        yield token
        if token.children:
            yield from walk(token.children)


def inline_text(children, skip_attribution: bool = False) -> str:
    """The text an inline token shows, with line breaks as LF; a leading `**who:** ` skipped."""
    children = [c for c in children if not (c.type == "text" and not c.content)]
    skipped = skip_attribution and bool(children) and children[0].type == "strong_open"
    if skipped:
        children = children[[c.type for c in children].index("strong_close") + 1:]
    out = []
    for child in children:
        if child.type in ("text", "code_inline"):
            out.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            out.append("\n")
    text = "".join(out)
    if skipped:
        text = text.removeprefix(" ")
    return "\n".join("" if line == "\u00a0" else line for line in text.split("\n"))


def list_items(tokens) -> list[str]:
    """The text of every list item's paragraph (attribution removed)."""
    out = []
    for n, token in enumerate(tokens):
        if token.type == "list_item_open":
            inline = tokens[n + 2]
            assert inline.type == "inline"
            out.append(inline_text(inline.children, skip_attribution=True))
    return out


def tables(tokens) -> list[list[list[str]]]:
    """Every table as rows of cell texts (header row first)."""
    out, rows, row = [], None, None
    for n, token in enumerate(tokens):
        if token.type == "table_open":
            rows = []
        elif token.type == "tr_open":
            row = []
        elif token.type in ("th_open", "td_open"):
            row.append(inline_text(tokens[n + 1].children).strip())
        elif token.type == "tr_close":
            rows.append(row)
        elif token.type == "table_close":
            out.append(rows)
    return out


def principle_tables(tokens) -> list[list[list[str]]]:
    """The tables of commitments, one per principle (No., Commitment, options, Total, Result)."""
    return [t for t in tables(tokens) if t[0][:2] == ["Ref", "Commitment"]]


def expected(text: str) -> str:
    return one_break(visible(text))


def test_every_count_and_share_is_in_its_table(source, protocol):
    tokens = parse(export_bytes(source.merged, protocol, "md"))
    found = principle_tables(tokens)
    by_code = {row[0]: row for t in found for row in t[1:] if row[0]}
    header = found[0][0]
    labels = [o.label for o in protocol.vote_options]
    assert header == ["Ref", "Commitment", *labels, "Total", "Result"]
    for p_number, p in enumerate(protocol.principles, start=1):
        for c_number, c in enumerate(p.commitments, start=1):
            row = by_code[f"{p_number}.{c_number}"]
            assert len(row) == len(header)
            assert row[1] == c.text
            totals = source.totals(protocol, c.id)
            total = sum(totals.values())
            cells = [f"{totals[o]} ({share(totals[o], total)}%)" if total else str(totals[o])
                     for o in protocol.option_ids]
            assert row[2:2 + len(labels)] == cells
            assert row[2 + len(labels)] == str(total)
            if not total:
                assert row[-1] == "No votes"


def test_every_comment_wording_and_answer_is_there_as_typed(source, protocol):
    items = list_items(parse(export_bytes(source.merged, protocol, "md")))
    for kind in ("comments", "amendments", "answers"):
        for _, _, text in source.entries(kind):
            assert expected(text) in items, (kind, text)


def test_session_details_or_the_list_of_workshops(source, protocol):
    tokens = parse(export_bytes(source.merged, protocol, "md"))
    if source.kind == "merged":
        table = next(t for t in tables(tokens) if t[0][0] == "Workshop")
        assert [row[0] for row in table[1:]] == [s.meta.group for s in source.sessions]
        assert [row[2] for row in table[1:]] == ["Tonya <b>Meers</b>"] * 2
        # a line break in a table cell becomes a space: the row stays one row
        assert [row[3] for row in table[1:]] == ["Room | 2", "Room | 2 floor [3](javascript:x)"]
        counts = next(t for t in tables(tokens) if t[0][0] == "Recommendation")
        assert counts[1:] == [["Adopt", "1"], ["Adopt with changes", "1"], ["Do not adopt", "0"],
                              ["Undecided", "0"]]
        attributed = [t for t in walk(tokens) if t.type == "strong_open"]
        assert len(attributed) > len(source.entries("comments"))
    else:
        items = [inline_text(tokens[n + 2].children) for n, t in enumerate(tokens)
                 if t.type == "list_item_open"]
        assert "Facilitator: Tonya <b>Meers</b>" in items
        assert "Location: Room | 2" in items
        assert "Participants: 12" in items
        text = "".join(t.content for t in tokens if t.type == "inline")
        assert "Adopt" in text and "Recommendation" in text


def test_the_corpus_is_inert(source, protocol):
    data = export_bytes(source.merged, protocol, "md")
    tokens = parse(data)
    for token in walk(tokens):
        assert token.type not in ("html_inline", "html_block", "image", "code_block", "fence")
        if token.type == "link_open":
            pytest.fail(f"a link was made: {token.attrs}")
        assert "javascript" not in str(token.attrs.get("href", "")).lower()
    headings = [tokens[n + 1].content for n, t in enumerate(tokens) if t.type == "heading_open"]
    assert not any("heading" in h for h in headings)  # '# heading' in a comment stays text
    widths = {len(t[0]) for t in principle_tables(tokens)}
    assert widths == {len(protocol.vote_options) + 4}  # '|' in text never adds a column
    for t in tables(tokens):
        assert all(len(row) == len(t[0]) for row in t)


def test_escaping_helpers():
    assert md_inline("a | b\nc") == "a \\| b c"
    assert md_cell("   ") == " "
    # after its leading spaces (written as references) '1. y' cannot start a list: no backslash
    assert md_paragraph("- x\n\n  1. y", indent="  ") == "\\- x\\\n  &nbsp;\\\n  &#32;&#32;1. y"
    assert md_paragraph("- x", start=False) == "- x"  # after a label, not a list marker
    for text in CORPUS:
        assert "\x00" not in md_paragraph(text)


def test_incomplete_session_marks_what_is_missing(partial, protocol):
    text = export_bytes(partial.merged, protocol, "md").decode()
    assert "still in progress" in text
    assert "No votes yet:" in text and "| No votes yet |" in text
    assert "*Not answered yet.*" in text
    assert "**Undecided**" in text
    items = list_items(parse(text.encode()))
    assert "=SUM(A1) so far" in items
    assert "<script>alert(1)</script>" in items


def test_findings_first_leading_option_everywhere_and_each_workshops_counts(source, protocol):
    """Issue 11, findings 1-3: the findings before the principles, a result in words on every
    commitment (never a blank cell), and each workshop's own counts under a merged commitment."""
    from workshop.consultation.findings import findings
    from workshop.export import build_report

    report = build_report(source.merged, protocol)
    text = export_bytes(source.merged, protocol, "md").decode()
    found = findings(report)
    assert text.index("### Findings") < text.index("## 1. ")
    assert md_inline(found.headline()) in text
    assert md_inline(found.recommendation_line()) in text
    for c in found.contested_commitments:
        assert f"- {c.code} {md_inline(c.text)}: {md_inline(c.reason)}" in text
    rows = {r[0]: r for t in principle_tables(parse(text.encode())) for r in t[1:] if r[0]}
    assert len(rows) == len(report.commitments)
    for c in report.commitments:
        cell = rows[c.code][-1]
        assert cell, f"{c.code} has a blank Result cell"
        assert cell == (f"{c.verdict} — {c.leading_text}" if c.total else c.verdict)
    if len(report.workshops) > 1:
        voted = next(c for c in report.commitments if c.total)
        block = text[text.index(f"### {voted.code} "):]
        for row in voted.by_workshop:
            cells = [str(row.counts[o.id]) for o in report.options] if row.counts else ["–"] * 3
            assert (f"| {voted.code} | {md_cell(row.workshop.name)} | {' | '.join(cells)} |"
                    in block)
