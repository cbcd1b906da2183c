"""Themes in the report model: each entry's themes, counts per commitment and question with
their workshops, each theme's quotes, and the findings' themes most raised."""

from __future__ import annotations

from themes_fixture import IDS, workshop

from workshop.analysis.book import ThemeBook
from workshop.consultation.findings import findings
from workshop.consultation.records import Merged, ProtocolRef, SessionRecord
from workshop.consultation.report_build import build_report


def merged_of(protocol, count=3) -> Merged:
    records = {}
    for n in range(count):
        s = workshop(protocol, n)
        records[s.id] = SessionRecord.from_session(s, f"{n}.toml")
    return Merged(ProtocolRef.of(protocol), records)


def tagged_book(protocol) -> ThemeBook:
    first, second = protocol.commitments[:2]
    q = protocol.questions[0].id
    book = ThemeBook()
    book.add("Resources")
    book.add("Funding", parent="Resources")
    book.add("Training")
    book.add("Unused")
    for sid in IDS[:2]:
        book.tag(sid, "e1", "comments", first.id, "We need money for this [bold]now[/bold]",
                 "Funding")
        book.tag(sid, "e4", "answers", q, "=SUM(A1) more budget please", "Funding")
    book.tag(IDS[0], "e2", "comments", second.id, "Staff need training first", "Training")
    book.tag(IDS[0], "e3", "amendments", first.id, "x", "Resources")
    return book


def test_without_a_book_the_report_is_what_it_was(protocol):
    merged = merged_of(protocol)
    plain, empty = build_report(merged, protocol), build_report(merged, protocol, ThemeBook())
    assert plain == empty
    assert plain.themes == () and all(n.themes == () for n in plain.notes())
    assert findings(plain).themes_line() == ""
    # how many entries there are to tag is known before any theme is made
    assert (findings(plain).entries, findings(plain).tagged) == (len(plain.notes()), 0) == (12, 0)


def test_counts_per_commitment_and_question_with_workshops(protocol):
    report = build_report(merged_of(protocol), protocol, tagged_book(protocol))
    first = report.commitment(protocol.commitments[0].id)
    assert [c.text for c in first.themes] == ["Funding 2 (2 workshops)",
                                              "Resources 1 (1 workshop)"]
    assert [c.text for c in report.questions[0].themes] == ["Funding 2 (2 workshops)"]
    assert report.questions[1].themes == ()
    note = next(n for n in first.comments if n.session_id == IDS[0])
    assert note.themes == ("Funding",) and note.ref == (IDS[0], "e1")


def test_each_theme_has_its_quotes_and_a_parent_gathers_its_children(protocol):
    report = build_report(merged_of(protocol), protocol, tagged_book(protocol))
    assert [(t.name, t.level, t.entries, t.workshops, t.direct) for t in report.themes] == [
        ("Resources", 0, 5, 2, 1), ("Funding", 1, 4, 2, 4), ("Training", 0, 1, 1, 1),
        ("Unused", 0, 0, 0, 0)]
    funding = report.theme("Funding")
    assert [(q.workshop, q.text) for q in funding.notes][:1] == [
        ("Leeds Board, 20 November 2026", "We need money for this [bold]now[/bold]")]
    assert report.theme("Resources").children == ("Funding",)
    assert report.theme("Resources").counts_text == "5 entries, 2 workshops"
    assert len(report.untagged()) == len(report.notes()) - 6


def test_findings_name_the_themes_most_raised(protocol):
    report = build_report(merged_of(protocol), protocol, tagged_book(protocol))
    f = findings(report)
    assert [t.name for t in f.top_themes] == ["Resources", "Training"]
    assert f.themes_line() == (
        "Themes most raised: Resources (2 workshops, 5 entries); Training (1 workshop, "
        "1 entry). 6 of 12 comments, proposed wordings and answers are tagged.")


def test_tags_on_entries_gone_or_edited_are_named_not_dropped(protocol):
    book = tagged_book(protocol)
    book.tag("99999999-gone", "e1", "comments", "x", "gone", "Training")
    report = build_report(merged_of(protocol, count=1), protocol, book)
    check = report.tag_check
    assert [t.session for t in check.vanished] == [IDS[1], IDS[1], "99999999-gone"]
    assert [(t.session, t.entry) for t in check.changed] == [(IDS[0], "e3")]  # tagged on "x"
    assert check.summary() == ("3 tags on entries no longer in the result (kept in the theme "
                               "file); 1 tag on an entry edited since tagged.")
    assert "answer on" in "\n".join(check.lines())
    assert len(book.tags) == 7  # nothing dropped
