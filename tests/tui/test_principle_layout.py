"""The principle step's rough edges (issue 12): one tab reaches the comments, the list's columns
have a heading, and at 80x24 the list and some comment text are in view."""

from __future__ import annotations

import re

from tui_helpers import SIZE, details, make_app, make_session_file, screen_text, settle

from workshop.tui.dialogs.confirm import ConfirmDialog
from workshop.tui.screens.principle import PrincipleScreen
from workshop.tui.screens.questions import QuestionsScreen

NARROW = (80, 24)
FIRST = "share-resources"
HEADER = "a ·  m ·  d  c  w Commitment"


async def test_one_tab_reaches_the_comments_with_the_first_highlighted(protocol, folder):
    """One tab, and the arrows and delete act on the comments. (The first tab used to stop on
    the detail pane around them, where down moved the commitments instead, and delete then
    found nothing highlighted on the next commitment.)"""
    app = make_app(protocol, folder, new_details=details())
    async with app.run_test(size=NARROW) as pilot:
        await settle(pilot)
        await pilot.press("n", "c", *"first", "ctrl+s", "c", *"second", "ctrl+s")
        await pilot.press("w", "end", *" now", "ctrl+s")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, PrincipleScreen)
        entries = screen.query_one("#entries")
        assert screen.focused is screen.query_one("#commitments")
        await pilot.press("tab")
        await pilot.pause()
        assert screen.focused is entries
        assert entries.highlighted == 0
        await pilot.press("delete")  # acts on the first comment, never "nothing highlighted"
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        assert "first" in screen_text(app)
        await pilot.press("n", "down", "delete")  # down moves in the comments
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        assert "Remove this comment?" in screen_text(app) and "second" in screen_text(app)
        await pilot.press("n")
        await pilot.pause()
        assert screen.query_one("#commitments").highlighted == 0  # the commitment stayed
        await pilot.press("tab")  # and back to the list: two panes, nothing in between
        assert screen.focused is screen.query_one("#commitments")
        await pilot.press("shift+tab")
        assert screen.focused is entries
        await pilot.press("shift+tab")
        assert screen.focused is screen.query_one("#commitments")


async def test_the_entries_highlight_their_first_for_each_commitment(protocol, folder):
    """Moving to another commitment and back starts its entries at the first again."""
    path = make_session_file(protocol, folder, changes=[
        lambda s: s.add_comment(FIRST, "one"), lambda s: s.add_comment(FIRST, "two"),
        lambda s: s.add_comment("monitor-resources", "three"),
        lambda s: s.set_step("principle:achieve-intended-outcomes")])
    app = make_app(protocol, folder, open_path=path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("tab", "down", "e")
        await pilot.pause()
        assert app.screen.query_one("TextArea").text == "two"
        await pilot.press("escape", "tab", "down", "tab")
        await pilot.pause()
        assert app.screen.query_one("#entries").highlighted == 0
        await pilot.press("tab", "up", "tab", "e")  # back to the first commitment's entries
        await pilot.pause()
        assert app.screen.query_one("TextArea").text == "one"


async def test_one_tab_reaches_the_answers_on_the_questions_step(protocol, folder):
    path = make_session_file(protocol, folder, changes=[
        lambda s: s.add_answer("put-into-practice", "first answer"),
        lambda s: s.add_answer("put-into-practice", "second answer"),
        lambda s: s.set_step("questions")])
    app = make_app(protocol, folder, open_path=path)
    async with app.run_test(size=NARROW) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, QuestionsScreen)
        await pilot.press("tab")
        await pilot.pause()
        assert app.screen.focused is app.screen.query_one("#entries")
        await pilot.press("down", "e")
        await pilot.pause()
        assert app.screen.query_one("TextArea").text == "second answer"


async def test_tab_on_a_step_without_lists_keeps_textual_focus_order(protocol, folder):
    """The introduction has one focusable pane (its text): tab leaves the focus on it."""
    app = make_app(protocol, folder, new_details=details())
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("tab")
        await pilot.pause()
        assert app.screen.focused is app.screen.query_one("#intro")
        await pilot.press("shift+tab")
        await pilot.pause()
        assert app.screen.focused is app.screen.query_one("#intro")


def commitment_rows(text: str) -> list[int]:
    """The numbers of the commitment rows on screen ("│  7 ·  3 ·  2 2c 1w 1. Share…")."""
    return [int(n) for n in re.findall(r"^│\s+\d+ ·\s+\d+ ·\s+\d+ [\dcw ]{5} (?:⚠\S+ )?(\d+)\. ",
                                       text, flags=re.MULTILINE)]


async def test_at_80x24_every_commitment_and_some_comment_text_are_in_view(protocol, folder):
    path = make_session_file(protocol, folder, changes=[
        lambda s: s.set_votes(FIRST, {"agree": 7, "amend": 3, "disagree": 2}),
        lambda s: s.add_comment(FIRST, "Which resources? Staff time counts too."),
        lambda s: s.add_comment(FIRST, "A second comment."),
        lambda s: s.add_amendment(FIRST, "Share resources fairly to achieve joint outcomes"),
        lambda s: s.set_step("principle:achieve-intended-outcomes")])
    app = make_app(protocol, folder, open_path=path)
    async with app.run_test(size=NARROW) as pilot:
        await settle(pilot)
        text = screen_text(app)
        assert HEADER in text
        assert commitment_rows(text) == [1, 2, 3, 4, 5, 6, 7]
        assert "Which resources? Staff time counts too." in text
        assert "1 of 7 · [a] Agree 7 · [m] Agree if amended 3 · [d] Disagree 2" in text
        assert "12 of 12 voted" in text
        assert "█" not in text.split(HEADER)[1]  # the compact detail: no bars


async def test_at_80x24_a_ten_commitment_principle_shows_more_than_five(protocol, folder):
    path = make_session_file(protocol, folder, changes=[
        lambda s: s.add_comment("whistleblowing-mechanism", "Integrity first."),
        lambda s: s.set_step("principle:act-ethically")])
    app = make_app(protocol, folder, open_path=path)
    async with app.run_test(size=NARROW) as pilot:
        await settle(pilot)
        text = screen_text(app)
        rows = commitment_rows(text)
        assert len(rows) > 5 and rows[:6] == [1, 2, 3, 4, 5, 6]
        assert "Integrity first." in text


async def test_the_heading_sits_over_its_columns(protocol, folder):
    """The heading is in the list's top border, each key over its count, c and w over theirs."""
    path = make_session_file(protocol, folder, changes=[
        lambda s: s.set_votes(FIRST, {"agree": 7, "amend": 3, "disagree": 2}),
        lambda s: s.add_comment(FIRST, "x"), lambda s: s.add_amendment(FIRST, "y"),
        lambda s: s.set_step("principle:achieve-intended-outcomes")])
    app = make_app(protocol, folder, open_path=path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        lines = screen_text(app).splitlines()
        header = next(line for line in lines if HEADER in line)
        row = next(line for line in lines if " 7 ·  3 ·  2 1c 1w 1." in line)
        for mark, value in (("a", "7"), ("m", "3"), ("d", "2"), ("c", "c"), ("w", "w")):
            assert header.index(f"{mark} ") == row.index(f"{value} " if value.isdigit() else
                                                         value), mark
