"""What is typed in the form for a new action or a new signatory is kept as a draft, as a text
dialog's words are: written while typing, kept when the terminal is closed (SIGHUP), offered back
in the same form, filled in, the next time the session opens, and gone once saved or discarded."""

from __future__ import annotations

import os
import signal
from datetime import date

from tui_helpers import SIZE, details, make_app, screen_text, settle

from workshop.session import drafts
from workshop.session.file_format import read_session
from workshop.session.kinds import Mode
from workshop.tui.dialogs.action_form import ActionForm
from workshop.tui.dialogs.confirm import ConfirmDialog
from workshop.tui.dialogs.signatory_form import SignatoryForm

RESERVATION = "Not 5.3 [bold]as written[/bold] =SUM(A1)"


async def test_a_signatory_half_typed_survives_a_closed_terminal(protocol, folder):
    app = make_app(protocol, folder, new_details=details(mode=Mode.SIGN_UP))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("n", "s")
        await settle(pilot)
        await pilot.press(*"NHS Manchester", "enter", *"Sam Lead", "enter", "enter", "enter",
                          *RESERVATION)
        await pilot.pause()
        assert isinstance(app.screen, SignatoryForm)
        path = app.path
        os.kill(os.getpid(), signal.SIGHUP)  # the terminal was closed mid-form
        await pilot.pause(0.2)
    draft = drafts.read_draft(path)
    assert draft is not None and draft.kind == "signatory"
    fields = drafts.draft_fields(draft)
    assert (fields["organisation"], fields["name"], fields["reservations"]) == (
        "NHS Manchester", "Sam Lead", RESERVATION)
    assert read_session(path, protocol).signatories == []  # not signed until saved

    again = make_app(protocol, folder, open_path=path)
    async with again.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert isinstance(again.screen, ConfirmDialog)
        text = screen_text(again)
        assert "An unsaved signatory was found" in text and "organisation: NHS Manchester" in text
        await pilot.press("y")
        await settle(pilot)
        assert isinstance(again.screen, SignatoryForm)
        await pilot.press("ctrl+s")
        await settle(pilot)
        again.live.wait_saved()
    [signed] = read_session(path, protocol).signatories
    assert (signed.organisation, signed.name, signed.reservations) == (
        "NHS Manchester", "Sam Lead", RESERVATION)
    assert drafts.read_draft(path) is None


async def test_an_action_is_kept_while_typing_and_restored_on_its_commitment(protocol, folder):
    app = make_app(protocol, folder, new_details=details(mode=Mode.ASSESS))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("n", "j", "a")  # the second commitment of the first principle
        await settle(pilot)
        await pilot.press(*"Publish the decision log", "enter", *"Chair", "enter",
                          *"2027-03-31")
        await pilot.pause(0.8)  # written after a short pause in typing
        path = app.path
        draft = drafts.read_draft(path)
        assert draft is not None and (draft.kind, draft.target) == ("action",
                                                                    "monitor-resources")
    # The app ended with the form open (as a crash would leave it): the draft stays.
    assert drafts.read_draft(path) is not None
    again = make_app(protocol, folder, open_path=path)
    async with again.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("y")
        await settle(pilot)
        assert isinstance(again.screen, ActionForm)
        await pilot.press("ctrl+s")
        await settle(pilot)
        again.live.wait_saved()
    [action] = read_session(path, protocol).actions["monitor-resources"]
    assert (action.text, action.owner, action.due) == (
        "Publish the decision log", "Chair", date(2027, 3, 31))
    assert drafts.read_draft(path) is None


async def test_a_cancelled_form_leaves_no_draft_and_an_edit_keeps_none(protocol, folder):
    app = make_app(protocol, folder, new_details=details(mode=Mode.SIGN_UP))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("n", "s", *"Council")
        await pilot.pause(0.8)
        assert drafts.read_draft(app.path) is not None
        await pilot.press("escape")
        await settle(pilot)
        await pilot.press("y")  # discard what was typed
        await settle(pilot)
        assert drafts.read_draft(app.path) is None
        app.apply(lambda live: live.add_signatory("Council", "Ann"))
        await settle(pilot)
        await pilot.press("e", *" edited")
        await pilot.pause(0.8)
        assert isinstance(app.screen, SignatoryForm) and app.screen.draft_kind == ""
        assert drafts.read_draft(app.path) is None  # what an edit changes is already saved
