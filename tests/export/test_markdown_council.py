"""The Markdown export of a council's merged file (four workshops, one in progress, grouped
proposals, a facilitator's hostile notes), read back with markdown-it-py: the findings name the
workshops still in progress and what most workshops propose, every table of commitments has the
reference "1.4", every commitment's result is in words, the facilitators' notes are in the
workshops' details with their line breaks, and counts and shares are right-aligned."""

from __future__ import annotations

from export_helpers import NOTES, Source, council_sessions, save_session, visible
from test_export_markdown import inline_text, list_items, parse, principle_tables, tables
from test_markdown_wordings import section

from workshop.consultation.findings import findings
from workshop.consultation.inputs import read_result
from workshop.export import build_report, export_bytes


def paragraphs(tokens) -> list[str]:
    return [inline_text(tokens[n + 1].children) for n, t in enumerate(tokens)
            if t.type == "paragraph_open"]


def test_findings_name_the_unfinished_and_what_most_workshops_propose(council, protocol):
    report = build_report(council.merged, protocol)
    found = findings(report)
    assert found.unfinished_line() == "Still in progress: Salford Circle, 5 November 2026."
    tokens = section(parse(export_bytes(council.merged, protocol, "md")), "Findings")
    shown = paragraphs(tokens)
    assert shown[:2] == [found.headline(), found.unfinished_line()]
    amended = found.most_amended[0]
    top = amended.amendment_groups[0]
    assert top.summary == "3 of 4 workshops propose adding 'independently verified'"
    assert (f"{amended.code} {amended.text}: 4 proposed wordings. {top.summary}"
            in list_items(tokens))


def test_no_unfinished_line_when_every_workshop_finished(source, protocol):
    text = export_bytes(source.merged, protocol, "md").decode()
    assert "Still in progress" not in text


def test_every_table_of_commitments_has_the_reference(council, protocol):
    report = build_report(council.merged, protocol)
    tokens = parse(export_bytes(council.merged, protocol, "md"))
    found = principle_tables(tokens)
    assert len(found) == len(report.principles)
    for table, p in zip(found, report.principles, strict=True):
        assert [row[0] for row in table[1:-1]] == [c.code for c in p.commitments]
        assert [row[1] for row in table[1:-1]] == [c.text for c in p.commitments]
        assert table[-1][:2] == ["", "All commitments"]
    for c in report.commitments:
        block = section(tokens, f"{c.code} ") if c.total else None
        if block is None:
            continue
        counts = tables(block)
        assert len(counts) == 1 and counts[0][0][:2] == ["Ref", "Workshop"]
        assert [row[:2] for row in counts[0][1:]] == [[c.code, w.name] for w in report.workshops]


def test_every_commitment_has_its_result_in_words(council, protocol):
    report = build_report(council.merged, protocol)
    tokens = parse(export_bytes(council.merged, protocol, "md"))
    rows = {row[0]: row for t in principle_tables(tokens) for row in t[1:-1]}
    for c in report.commitments:
        assert rows[c.code][-1] == (f"{c.verdict} — {c.leading_text}" if c.total else "No votes")
    contested = report.commitment(protocol.commitments[1].id)
    assert rows[contested.code][-1] == "Contested — Agree, 50%"
    assert rows[report.commitments[2].code][-1] == "Consensus — Agree, 100%"
    block = paragraphs(section(tokens, f"{contested.code} "))
    assert block[0] == ("Result: Contested: Agree leads with 50%; its share varies by 80 points "
                        "across workshops.")


def test_facilitators_notes_in_the_workshops_details(council, protocol):
    report = build_report(council.merged, protocol)
    data = export_bytes(council.merged, protocol, "md")
    tokens = section(parse(data), "Workshops")
    items = [n + 2 for n, t in enumerate(tokens) if t.type == "list_item_open"]
    assert len(items) == 1  # only the first workshop has notes
    children = [c for c in tokens[items[0]].children if c.type != "text" or c.content]
    assert children[1].content == f"{report.workshops[0].name}:"
    assert inline_text(children, skip_attribution=True) == NOTES
    assert [c.type for c in children].count("hardbreak") == 1
    for child in children:
        assert child.type in ("text", "hardbreak", "strong_open", "strong_close"), child.type
    assert "\\=SUM" not in data.decode() and "\\&" not in data.decode()  # no needless backslash


def test_a_single_sessions_notes_in_its_details(tmp_path, protocol):
    session = council_sessions(protocol)[0]
    path = save_session(tmp_path / "sessions", session, protocol)
    source = Source("session", path, read_result(path, protocol), [session])
    tokens = section(parse(export_bytes(source.merged, protocol, "md")), "Workshop")
    items = [inline_text(tokens[n + 2].children) for n, t in enumerate(tokens)
             if t.type == "list_item_open"]
    assert f"Facilitator's notes: {visible(NOTES)}" in items
    assert "Group: Leeds Board" in items


def _aligns(tokens) -> list[list[str]]:
    """Each table's header alignments: 'right' or ''."""
    out, row = [], None
    for token in tokens:
        if token.type == "thead_open":
            row = []
        elif token.type == "th_open":
            row.append("right" if "right" in str(token.attrs.get("style", "")) else "")
        elif token.type == "thead_close":
            out.append(row)
    return out


def test_counts_and_shares_are_right_aligned(council, protocol):
    report = build_report(council.merged, protocol)
    tokens = parse(export_bytes(council.merged, protocol, "md"))
    options = len(report.options)
    heads = [t[0] for t in tables(tokens)]
    by_first = {}
    for head, align in zip(heads, _aligns(tokens), strict=True):
        by_first.setdefault(tuple(head[:2]), align)
        assert [h for h, a in zip(head, align, strict=True) if a] == [
            h for h in head if h in {o.label for o in report.options} | {
                "Total", "Participants", "Commitments voted", "Questions answered", "Workshops"}]
    assert by_first[("Ref", "Commitment")] == ["", ""] + ["right"] * (options + 1) + [""]
    assert by_first[("Ref", "Workshop")] == ["", ""] + ["right"] * (options + 1)
    assert by_first[("Recommendation", "Workshops")] == ["", "right"]
    assert by_first[("Workshop", "Date")] == [""] * 4 + ["right"] * 3 + [""] * 2
