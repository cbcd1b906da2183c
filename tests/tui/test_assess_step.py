"""An assessment's principle step: every key, checked on screen and in the saved file.

The room rates each commitment on the session's scale (1 Not at all … 5 Consistently, low at 2):
a digit adds one rating, shift+digit (as a terminal sends it: `!` for shift+1, `#` or `£` for
shift+3) takes one away, `=` types every point's count, `c` notes evidence, `a` agrees an action
with an owner and a due date, `w` does nothing.
"""

from __future__ import annotations

from datetime import date

import pytest
from tui_helpers import SIZE, details, make_app, saved, screen_text, settle

from helpers import locked_elsewhere
from modes_helpers import assessment, write
from workshop.tui.dialogs.action_form import BAD_DUE, ActionForm
from workshop.tui.dialogs.confirm import ConfirmDialog
from workshop.tui.dialogs.counts import NO_EVERYONE, CountsDialog
from workshop.tui.dialogs.text_entry import TextEntryDialog
from workshop.tui.screens.assess_step import AssessmentScreen
from workshop.tui.screens.help import HelpScreen

FIRST = "share-resources"
SECOND = "monitor-resources"
SESSION_ID = "1f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b"


@pytest.fixture
async def walk(protocol, folder):
    """An app on the first principle of a new assessment of 12 people."""
    app = make_app(protocol, folder, new_details=details(mode="assess"))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("n")
        await settle(pilot)
        assert isinstance(app.screen, AssessmentScreen)
        yield app, pilot


def ratings(app, commitment_id: str) -> dict[str, int]:
    """The commitment's counts per point in the file, the points nobody gave left out."""
    return {point: n for point, n in saved(app).counts(commitment_id).items() if n}


def ratings_table(app) -> str:
    """The `[ratings.<cid>]` tables of the session file as written."""
    text = app.path.read_text(encoding="utf-8")
    assert "[votes." not in text
    return text


async def test_digits_add_ratings_and_shifted_digits_take_them_away(walk):
    """3 3 4 then `#` (shift+3 on a US keyboard): one 3 taken away, so 3 = 1 and 4 = 1. `!`
    (shift+1) takes a 1 away: there is none, so nothing changes."""
    app, pilot = walk
    await pilot.press("3", "3", "4", "number_sign")
    await settle(pilot)
    assert ratings(app, FIRST) == {"3": 1, "4": 1}
    await pilot.press("exclamation_mark")
    await settle(pilot)
    assert ratings(app, FIRST) == {"3": 1, "4": 1}
    text = ratings_table(app)
    assert f"[ratings.{FIRST}]" in text
    await pilot.press("1", "1", "!", "5")
    await settle(pilot)
    assert ratings(app, FIRST) == {"1": 1, "3": 1, "4": 1, "5": 1}
    row = " 1  0  1  1  1  3.3"  # counts per point, then the mean (13 / 4 = 3.25, half up)
    assert row in screen_text(app)
    assert "4 of 12 rated" in screen_text(app)


@pytest.mark.parametrize("keys", [("quotation_mark", "pound_sign"), ("shift+2", "shift+3"),
                                  ("at", "number_sign")])
async def test_every_way_a_terminal_sends_shift_digit_removes(walk, keys):
    """UK `"` and `£`, `shift+2`/`shift+3`, US `@` and `#`: each takes one away."""
    app, pilot = walk
    await pilot.press("2", "2", "3", "3", *keys)
    await settle(pilot)
    assert ratings(app, FIRST) == {"2": 1, "3": 1}


async def test_low_mean_without_an_action_is_flagged(walk):
    app, pilot = walk
    await pilot.press("down", "1", "1", "2")
    await settle(pilot)
    assert ratings(app, SECOND) == {"1": 2, "2": 1}
    text = screen_text(app)
    assert "⚑ needs action" in text  # on the second commitment's row
    assert text.index("⚑ needs action") > text.index("1. Share resources")
    assert "Mean 1.3 of 5" in text


async def test_equals_types_every_points_count(walk):
    """Count mode in an assessment: one field per point, the last one the rest of the room;
    `!` (everyone agrees) means nothing on a scale, so it only says so."""
    app, pilot = walk
    await pilot.press("equals_sign")
    await pilot.pause()
    assert isinstance(app.screen, CountsDialog)
    dialog = app.screen
    await pilot.press("exclamation_mark")
    await pilot.pause()
    assert dialog.note.plain == NO_EVERYONE and app.screen is dialog
    await pilot.press("0", "enter", "2", "enter", "5", "enter", "3", "enter", "enter")
    await settle(pilot)
    assert saved(app).counts(FIRST) == {"1": 0, "2": 2, "3": 5, "4": 3, "5": 2}
    assert app.screen is dialog and dialog.index == 1
    await pilot.press("escape")
    await settle(pilot)
    assert " 0  2  5  3  2  3.4" in screen_text(app)


async def test_c_notes_evidence(walk):
    app, pilot = walk
    await pilot.press("c")
    await pilot.pause()
    assert isinstance(app.screen, TextEntryDialog)
    assert "Evidence for: Share resources" in screen_text(app)
    await pilot.press(*"Board minutes [bold]March[/bold]", "ctrl+s")
    await settle(pilot)
    assert [e.text for e in saved(app).comments[FIRST]] == ["Board minutes [bold]March[/bold]"]
    text = screen_text(app)
    assert "Evidence · 10:00" in text and "Board minutes [bold]March[/bold]" in text
    assert " 1e " in text


async def test_w_does_nothing_in_an_assessment(walk):
    app, pilot = walk
    before = app.path.read_bytes()
    await pilot.press("w")
    await settle(pilot)
    assert isinstance(app.screen, AssessmentScreen)
    assert app.path.read_bytes() == before
    assert "Wording" not in screen_text(app)


async def test_a_agrees_an_action_with_owner_and_date(walk):
    app, pilot = walk
    await pilot.press("1", "2", "a")
    await pilot.pause()
    assert isinstance(app.screen, ActionForm)
    await pilot.press(*"Publish the decision log", "enter", *"Partnership manager", "enter",
                      *"next March")
    await pilot.pause()
    assert BAD_DUE in screen_text(app)  # checked as it is typed
    await pilot.press("ctrl+s")
    await pilot.pause()
    assert isinstance(app.screen, ActionForm)  # not saved with a date that is not one
    await pilot.press(*["backspace"] * 10, *"2027-03-31", "enter")
    await settle(pilot)
    assert isinstance(app.screen, AssessmentScreen)
    [action] = saved(app).actions[FIRST]
    assert (action.text, action.owner, action.due) == (
        "Publish the decision log", "Partnership manager", date(2027, 3, 31))
    assert "[[actions.share-resources]]" in app.path.read_text(encoding="utf-8")
    text = screen_text(app)
    assert "Action · Partnership manager · due 31" in text and "Publish the decision" in text
    assert " 1a " in text and "⚑ needs action" not in text  # rated low, and acted on


async def test_an_action_needs_its_text(walk):
    app, pilot = walk
    await pilot.press("a", "ctrl+s")
    await pilot.pause()
    assert isinstance(app.screen, ActionForm)
    assert "Type the action" in screen_text(app)
    await pilot.press("escape")
    await settle(pilot)
    assert FIRST not in saved(app).actions


async def test_e_edits_and_delete_removes_the_highlighted_action(walk):
    app, pilot = walk
    await pilot.press("a", *"Train the board", "enter", "enter", "enter")
    await settle(pilot)
    await pilot.press("tab", "tab")  # commitments → evidence → actions
    assert app.screen.focused.id == "actions"
    await pilot.press("e")
    await pilot.pause()
    assert isinstance(app.screen, ActionForm)
    await pilot.press("enter", *"Chair", "enter", *"2027-01-15", "ctrl+s")
    await settle(pilot)
    [action] = saved(app).actions[FIRST]
    assert (action.text, action.owner, action.due) == ("Train the board", "Chair",
                                                       date(2027, 1, 15))
    await pilot.press("delete")
    await pilot.pause()
    assert isinstance(app.screen, ConfirmDialog)
    await pilot.press("n")
    await settle(pilot)
    assert len(saved(app).actions[FIRST]) == 1
    await pilot.press("delete", "y")
    await settle(pilot)
    assert FIRST not in saved(app).actions
    assert "No actions agreed yet" in screen_text(app)


async def test_help_lists_the_assessment_keys(walk):
    app, pilot = walk
    await pilot.press("question_mark")
    await pilot.pause()
    assert isinstance(app.screen, HelpScreen)
    text = screen_text(app)
    assert "Ratings of the highlighted commitment" in text
    assert "shift+1    remove one 'Not at all' rating" in text
    assert "agree an action on the highlighted commitment" in text
    assert "note evidence" in text and "propose new wording" not in text


async def test_a_read_only_assessment_rates_notes_and_agrees_nothing(protocol, folder):
    """Opened read-only (another window holds it): ratings, evidence, actions and the edit
    of an action are all refused, and the file is not touched."""
    session = assessment(protocol, principles=1, session_id=SESSION_ID)
    session.set_step("principle:achieve-intended-outcomes")
    folder.mkdir(parents=True, exist_ok=True)
    path = write(folder, session)
    with locked_elsewhere(path):
        before = path.read_bytes()
        app = make_app(protocol, folder, open_path=path)
        async with app.run_test(size=SIZE) as pilot:
            await settle(pilot)
            await pilot.press("y")  # open read-only
            await settle(pilot)
            assert app.read_only and isinstance(app.screen, AssessmentScreen)
            await pilot.press("3", "!", "c", "a", "tab", "tab", "e", "delete")
            await settle(pilot)
            assert isinstance(app.screen, AssessmentScreen)  # no dialog opened
            assert app.session.counts(FIRST) == session.counts(FIRST)  # not even in memory
            await pilot.press("ctrl+q")
        assert path.read_bytes() == before
