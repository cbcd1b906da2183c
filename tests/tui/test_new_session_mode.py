"""The new-session form's mode: Consultation unless another is chosen, by keyboard alone, and the
session file records the mode chosen; the start screen says each session's mode and progress."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import DataTable
from tui_helpers import SIZE, make_app, make_session_file, saved, screen_text, settle

from modes_helpers import assessment, sign_up, write
from workshop.session.kinds import Mode
from workshop.tui.dialogs.new_session import NewSessionDialog
from workshop.tui.screens.assess_step import AssessmentScreen
from workshop.tui.screens.intro import IntroScreen

NARROW = (80, 24)


async def fill_in(pilot) -> None:
    """Open the form and type the two required fields, the cursor left in Facilitator."""
    await settle(pilot)
    await pilot.press("n")
    await pilot.pause()
    assert isinstance(pilot.app.screen, NewSessionDialog)
    await pilot.press(*"Leeds Board", "enter", *"Tonya Meers")


async def to_mode(pilot) -> None:
    """From Facilitator, tab past the other fields to the mode."""
    await pilot.press("tab", "tab", "tab", "tab", "tab")
    await pilot.pause()
    assert pilot.app.screen.focused.id == "field-mode"


async def test_a_session_is_a_consultation_unless_another_mode_is_chosen(protocol, folder):
    app = make_app(protocol, folder)
    async with app.run_test(size=SIZE) as pilot:
        await fill_in(pilot)
        assert "Mode" in screen_text(app) and "Consultation" in screen_text(app)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, IntroScreen)
        assert saved(app).mode is Mode.CONSULT


@pytest.mark.parametrize(("downs", "mode"), [(1, Mode.ASSESS), (2, Mode.SIGN_UP)])
async def test_choosing_a_mode_by_keyboard_creates_that_session(protocol, folder, downs, mode):
    """Tab to the mode, enter opens the choices, down and enter choose, ctrl+s starts."""
    app = make_app(protocol, folder)
    async with app.run_test(size=SIZE) as pilot:
        await fill_in(pilot)
        await to_mode(pilot)
        await pilot.press("enter", *["down"] * downs, "enter")
        await pilot.pause()
        assert isinstance(app.screen, NewSessionDialog) and app.screen.mode() is mode
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, IntroScreen)
        on_disk = saved(app)
        assert on_disk.mode is mode and on_disk.meta.group == "Leeds Board"
        assert f'mode = "{mode.value}"' in app.path.read_text(encoding="utf-8")


async def test_an_assessment_from_the_form_rates_on_its_first_principle(protocol, folder):
    app = make_app(protocol, folder)
    async with app.run_test(size=SIZE) as pilot:
        await fill_in(pilot)
        await to_mode(pilot)
        await pilot.press("enter", "down", "enter", "ctrl+s")
        await settle(pilot)
        await pilot.press("n", "4")
        await settle(pilot)
        assert isinstance(app.screen, AssessmentScreen)
        assert saved(app).counts("share-resources")["4"] == 1


def test_new_session_form_with_the_mode_choice_open(snap_compare, protocol, folder,
                                                    monkeypatch):
    """The new-session form at 80x24, the mode's choices open on Assessment.

    A reviewer should see the bordered "New session" form: Group or organisation * "Leeds
    Board", Facilitator * "Tonya Meers", Location and Council or authority empty with their
    grey examples, Date 2026-11-22, Participants empty, then "Mode" with its list open:
    Consultation, Assessment (highlighted), Sign-up; the keys line "enter next · ctrl+s start
    · escape cancel · * required" at the bottom, every line inside the 80x24 terminal.
    """
    monkeypatch.setattr("workshop.tui.screens.start.full_path",
                        lambda folder: "/home/tonya/workshops/sessions")

    async def choosing(pilot) -> None:
        await fill_in(pilot)
        await to_mode(pilot)
        await pilot.press("enter", "down")
        await settle(pilot)

    assert snap_compare(make_app(protocol, folder), terminal_size=NARROW, run_before=choosing)


def three_modes(protocol, folder) -> None:
    """A consultation, an assessment rated on its first two principles, a sign-up of three."""
    make_session_file(protocol, folder)
    write(folder, assessment(protocol, principles=2, session_id=ASSESS_ID))
    write(folder, sign_up(protocol, session_id=SIGN_UP_ID))


ASSESS_ID = "1f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b"
SIGN_UP_ID = "2f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b"


async def test_start_screen_shows_each_sessions_mode_and_progress(protocol, folder):
    """A consultation takes one line as before; an assessment and a sign-up a second line with
    their mode and progress in their own words, in full below the table when highlighted."""
    three_modes(protocol, folder)
    app = make_app(protocol, folder)
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(pilot)
        text = screen_text(app)
        assert "Assessment · 11/37 commitments rated, 2 actions" in text
        assert "Sign-up · 3 organisations signed" in text
        table = app.screen.query_one(DataTable)
        keys = [Path(listing.path).name for listing in app.screen.listings]
        table.move_cursor(row=keys.index(f"{SIGN_UP_ID}.toml"))
        await settle(pilot)
        assert "Sign-up · 3 organisations signed · last saved" in screen_text(app)
        table.move_cursor(row=keys.index(f"{ASSESS_ID}.toml"))
        await pilot.press("enter")
        await settle(pilot)
        assert app.session.mode is Mode.ASSESS and app.session.id == ASSESS_ID


async def test_start_screen_at_80_columns_keeps_the_mode_whole(protocol, folder):
    three_modes(protocol, folder)
    app = make_app(protocol, folder)
    async with app.run_test(size=NARROW) as pilot:
        await settle(pilot)
        lines = screen_text(app).splitlines()
        assert any(line.strip() == "Assessment" for line in lines)
        assert any(line.strip() == "Sign-up · 3 signed" for line in lines)
        assert "0/37   0/6" in screen_text(app)  # the consultation's row as before
