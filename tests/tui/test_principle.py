"""The principle step: every key, checked on screen and in the saved file."""

from __future__ import annotations

import pytest
from tui_helpers import SIZE, details, make_app, saved, screen_text, settle

from workshop.tui.dialogs.confirm import ConfirmDialog
from workshop.tui.dialogs.counts import CountsDialog
from workshop.tui.dialogs.text_entry import TextEntryDialog
from workshop.tui.screens.principle import PrincipleScreen

FIRST = "share-resources"
SECOND = "monitor-resources"


@pytest.fixture
async def walk(protocol, folder):
    """An app on the first principle of a new session of 12 people."""
    app = make_app(protocol, folder, new_details=details())
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("n")
        await settle(pilot)
        assert isinstance(app.screen, PrincipleScreen)
        yield app, pilot


async def test_vote_keys_add_and_shift_removes(walk):
    app, pilot = walk
    await pilot.press("a", "a", "a", "m", "d", "d")
    await settle(pilot)
    assert saved(app).counts(FIRST) == {"agree": 3, "amend": 1, "disagree": 2}
    assert " 3 ·  1 ·  2" in screen_text(app)
    assert "6 of 12 voted" in screen_text(app)
    await pilot.press("A", "shift+d")  # a real terminal sends "A"; some send shift+a
    await settle(pilot)
    assert saved(app).counts(FIRST) == {"agree": 2, "amend": 1, "disagree": 1}


async def test_removing_never_goes_below_zero(walk):
    app, pilot = walk
    await pilot.press("M", "M", "a")
    await settle(pilot)
    assert saved(app).counts(FIRST) == {"agree": 1, "amend": 0, "disagree": 0}


async def test_up_down_and_j_k_choose_the_commitment(walk):
    app, pilot = walk
    await pilot.press("j", "a", "down", "d", "k", "m", "up", "up", "up", "a")
    await settle(pilot)
    votes = saved(app).votes
    assert votes[FIRST]["agree"] == 1
    assert votes[SECOND] == {"agree": 1, "amend": 1, "disagree": 0}
    assert votes["encourage-innovation"]["disagree"] == 1


async def test_more_votes_than_people_is_flagged(walk):
    app, pilot = walk
    await pilot.press(*["a"] * 13)
    await settle(pilot)
    assert "13 of 12 voted: more than the head count" in screen_text(app)
    assert saved(app).counts(FIRST)["agree"] == 13  # flagged, not refused


async def test_equals_types_all_counts(walk):
    """`=` is count mode (tests/tui/test_count_mode.py has the rest): the counts are typed,
    saved, and the dialog moves on to the next commitment; escape leaves it."""
    app, pilot = walk
    await pilot.press("equals_sign")
    await pilot.pause()
    assert isinstance(app.screen, CountsDialog)
    await pilot.press(*"30", "enter", *"7", "enter", *"3", "enter")
    await settle(pilot)
    assert saved(app).counts(FIRST) == {"agree": 30, "amend": 7, "disagree": 3}
    assert isinstance(app.screen, CountsDialog) and app.screen.index == 1
    await pilot.press("escape")
    await settle(pilot)
    assert isinstance(app.screen, PrincipleScreen)
    await pilot.press("up")
    await settle(pilot)
    assert "40 of 12 voted" in screen_text(app)


async def test_counts_dialog_takes_only_digits_and_cancels(walk):
    """A count cannot be negative or a word: only digits are typed; escape saves nothing."""
    app, pilot = walk
    await pilot.press("equals_sign")
    await pilot.pause()
    await pilot.press("minus", "2", "x", ".", "5")
    await pilot.pause()
    assert isinstance(app.screen, CountsDialog)
    assert app.screen.sheet.typed[0] == "25"
    await pilot.press("escape")
    await settle(pilot)
    assert isinstance(app.screen, PrincipleScreen)
    assert saved(app).votes == {}


async def test_comment_is_saved_and_shown_literally(walk):
    app, pilot = walk
    hostile = "[bold]x[/bold] [@click=app.quit]q[/] [/b] <b>y</b> 🎉"
    await pilot.press("c")
    await pilot.pause()
    assert isinstance(app.screen, TextEntryDialog)
    app.screen.query_one("TextArea").insert(hostile)
    await pilot.press("ctrl+s")
    await settle(pilot)
    assert app.is_running  # the [@click=app.quit] did nothing
    assert [c.text for c in saved(app).comments[FIRST]] == [hostile]
    text = screen_text(app)
    for piece in ("[bold]x[/bold]", "[@click=app.quit]q[/]", "[/b]", "<b>y</b>"):
        assert piece in text
    assert " 1c " in text


async def test_multi_line_comment_keeps_its_lines(walk):
    app, pilot = walk
    await pilot.press("c", *"first", "enter", *"second", "ctrl+s")
    await settle(pilot)
    assert saved(app).comments[FIRST][0].text == "first\nsecond"


async def test_wording_starts_from_the_text_and_shows_a_diff(walk):
    app, pilot = walk
    await pilot.press("w")
    await pilot.pause()
    area = app.screen.query_one("TextArea")
    assert area.text == "Share resources to achieve joint outcomes"
    area.text = "Share resources fairly to achieve joint outcomes"
    await pilot.press("ctrl+s")
    await settle(pilot)
    assert saved(app).amendments[FIRST][0].text == \
        "Share resources fairly to achieve joint outcomes"
    assert "Proposed wording" in screen_text(app)
    assert " 1w " in screen_text(app)
    entries = app.screen.query_one("#entries")
    prompt = entries.get_option_at_index(0).prompt
    added = [prompt.plain[span.start:span.end] for span in prompt.spans
             if "underline" in str(span.style)]
    assert added == ["fairly"]
    # readable without colour: marked as `wdiff` marks it, and the wording shown plainly too
    assert "Share resources {+fairly+} to achieve joint outcomes" in prompt.plain
    assert "Proposed: Share resources fairly to achieve joint outcomes" in prompt.plain


async def test_escape_asks_before_dropping_typed_text(walk):
    app, pilot = walk
    await pilot.press("c", *"half a thought", "escape")
    await pilot.pause()
    assert isinstance(app.screen, ConfirmDialog)
    await pilot.press("n")  # keep typing
    await pilot.pause()
    assert isinstance(app.screen, TextEntryDialog)
    await pilot.press("escape", "y")
    await settle(pilot)
    assert isinstance(app.screen, PrincipleScreen)
    assert FIRST not in saved(app).comments
    await pilot.press("c", "escape")  # nothing typed: no question
    await pilot.pause()
    assert isinstance(app.screen, PrincipleScreen)


async def test_empty_comment_is_not_saved(walk):
    app, pilot = walk
    await pilot.press("c", "space", "ctrl+s")
    await pilot.pause()
    assert isinstance(app.screen, TextEntryDialog)
    await pilot.press("escape", "y")
    await settle(pilot)
    assert saved(app).comments == {}


async def test_edit_and_delete_the_highlighted_comment(walk):
    app, pilot = walk
    await pilot.press("c", *"first", "ctrl+s")
    await pilot.press("c", *"second", "ctrl+s")
    await settle(pilot)
    await pilot.press("tab", "up")  # to the entries, then the first comment
    await pilot.press("e")
    await pilot.pause()
    area = app.screen.query_one("TextArea")
    assert area.text == "first"
    await pilot.press(*" (edited)", "ctrl+s")
    await settle(pilot)
    comments = saved(app).comments[FIRST]
    assert [c.text for c in comments] == ["first (edited)", "second"]
    assert comments[0].edited is not None
    await pilot.press("delete")
    await pilot.pause()
    assert isinstance(app.screen, ConfirmDialog)  # removal asks first
    await pilot.press("n")
    await settle(pilot)
    assert len(saved(app).comments[FIRST]) == 2
    await pilot.press("delete", "y")
    await settle(pilot)
    assert [c.text for c in saved(app).comments[FIRST]] == ["second"]
    assert "first (edited)" not in screen_text(app)


async def test_edit_with_nothing_highlighted_warns(walk):
    app, pilot = walk
    await pilot.press("e")
    await pilot.pause()
    assert isinstance(app.screen, PrincipleScreen)
    await pilot.press("delete")
    await pilot.pause()
    assert isinstance(app.screen, PrincipleScreen)


async def test_fast_typing_after_c_is_not_lost(walk):
    """Keys queued before the dialog is ready go into it, in order."""
    from textual import events

    app, pilot = walk
    for ch in "cquick a":
        app.post_message(events.Key("space" if ch == " " else ch, ch))
    await settle(pilot)
    assert app.screen.query_one("TextArea").text == "quick a"
    assert saved(app).votes == {}  # the "a" in the words did not vote


async def test_counts_typed_fast_land_in_their_fields(walk):
    """"=30⏎7⏎3⏎" then escape in one burst, as a real terminal sends it: every count is saved,
    and the escape (meant for the dialog) closes it."""
    from textual import events

    app, pilot = walk
    for key in ["equals_sign", *"30", "enter", "7", "enter", "3", "enter", "escape"]:
        app.post_message(events.Key(key, "=" if key == "equals_sign" else
                                    (None if key in ("enter", "escape") else key)))
    await settle(pilot)
    assert isinstance(app.screen, PrincipleScreen)
    assert saved(app).counts(FIRST) == {"agree": 30, "amend": 7, "disagree": 3}
