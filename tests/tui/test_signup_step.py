"""The sign-up step: signing organisations up through the form, editing and removing them, and
what is on disk after each (the file the app saves, read back)."""

from __future__ import annotations

from datetime import date

import pytest
from tui_helpers import SIZE, make_app, saved, screen_text, settle

from modes_helpers import sign_up, write
from workshop.tui.dialogs.confirm import ConfirmDialog
from workshop.tui.dialogs.signatory_form import BAD_DATE, NEED_ORGANISATION, SignatoryForm
from workshop.tui.screens.signup import EMPTY, SignUpScreen

HOSTILE = "We do not accept 5.3 [bold]as written[/bold] <script>alert(1)</script>\nnor 2.1 =SUM(A1)"


@pytest.fixture
async def signing(protocol, folder):
    """An empty sign-up session, opened in the app and moved on to its sign-up step."""
    folder.mkdir(parents=True)
    path = write(folder, sign_up(protocol, signatories=[]))
    app = make_app(protocol, folder, open_path=path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("n")
        await settle(pilot)
        yield app, pilot


async def fill(pilot, organisation="", name="", role="", signed=None, reservations=""):
    """Type into the open form, field by field (enter moves on), without saving."""
    form = pilot.app.screen
    assert isinstance(form, SignatoryForm)
    await pilot.press(*organisation, "enter", *name, "enter", *role, "enter")
    if signed is not None:
        form.query_one("#field-signed").value = signed
    await pilot.press("enter")
    for line_number, line in enumerate(reservations.split("\n")):
        if line_number:
            await pilot.press("enter")
        await pilot.press(*line)
    await pilot.pause()


async def test_the_sign_up_step_follows_the_introduction(signing):
    app, _ = signing
    assert isinstance(app.screen, SignUpScreen)
    assert app.session.steps() == ["introduction", "sign-up", "review"]
    assert EMPTY in screen_text(app)
    assert "What they sign up to" in screen_text(app)


async def test_s_signs_an_organisation_up_and_the_file_has_it_exactly(signing):
    app, pilot = signing
    await pilot.press("s")
    await fill(pilot, "Leeds City Council", "Alex Chief", "Chief Executive", "2026-11-20",
               HOSTILE)
    await pilot.press("ctrl+s")
    await settle(pilot)
    assert isinstance(app.screen, SignUpScreen)
    [entry] = saved(app).signatories
    assert (entry.organisation, entry.name, entry.role, entry.signed, entry.reservations) == (
        "Leeds City Council", "Alex Chief", "Chief Executive", date(2026, 11, 20), HOSTILE)
    text = screen_text(app)
    # Shown as typed, markup and all (each piece fits on one line of the wrapped row).
    for piece in ("5.3 [bold]as", "written[/bold] <script>alert(1)</script>", "nor 2.1 =SUM(A1)"):
        assert piece in text
    assert "Alex Chief · Chief Executive · signed 20 November" in text


async def test_the_date_defaults_to_today_and_a_wrong_one_is_answered_as_typed(signing):
    app, pilot = signing
    await pilot.press("s")
    form = app.screen
    assert form.query_one("#field-signed").value == "2026-11-22"  # the app's clock
    await pilot.press("ctrl+s")  # no organisation yet
    await pilot.pause()
    assert str(form.query_one("#form-error").render()) == NEED_ORGANISATION
    assert form.focused.id == "field-organisation"
    await pilot.press(*"NHS Leeds")
    form.query_one("#field-signed").value = "22/11/2026"
    await pilot.pause()
    assert str(form.query_one("#form-error").render()) == BAD_DATE  # as typed, before saving
    await pilot.press("ctrl+s")
    await pilot.pause()
    assert app.screen is form  # nothing saved while the date is wrong
    assert form.focused.id == "field-signed"
    assert saved(app).signatories == []
    form.query_one("#field-signed").value = "2026-11-21"
    await pilot.pause()
    assert str(form.query_one("#form-error").render()) == ""  # fixed: the message goes
    await pilot.press("ctrl+s")
    await settle(pilot)
    [entry] = saved(app).signatories
    assert (entry.organisation, entry.signed, entry.reservations) == (
        "NHS Leeds", date(2026, 11, 21), "")


async def test_e_edits_the_highlighted_organisation(signing):
    app, pilot = signing
    for organisation in ("Leeds City Council", "NHS Leeds"):
        await pilot.press("s", *organisation, "ctrl+s")
        await settle(pilot)
    await pilot.press("up", "e")
    await pilot.pause()
    form = app.screen
    assert form.query_one("#field-organisation").value == "Leeds City Council"
    form.query_one("#field-role").value = "Leader of the Council"
    form.query_one("#field-reservations").text = "None [i]really[/i]"
    await pilot.press("ctrl+s")
    await settle(pilot)
    first, second = saved(app).signatories
    assert (first.organisation, first.role, first.reservations) == (
        "Leeds City Council", "Leader of the Council", "None [i]really[/i]")
    assert (second.organisation, second.role) == ("NHS Leeds", "")


async def test_delete_asks_first_and_removes_only_when_told(signing):
    app, pilot = signing
    for organisation in ("Leeds City Council", "NHS Leeds"):
        await pilot.press("s", *organisation, "ctrl+s")
        await settle(pilot)
    await pilot.press("delete")
    await pilot.pause()
    assert isinstance(app.screen, ConfirmDialog)
    await pilot.press("n")
    await settle(pilot)
    assert len(saved(app).signatories) == 2
    await pilot.press("delete", "y")
    await settle(pilot)
    assert [s.organisation for s in saved(app).signatories] == ["Leeds City Council"]
    assert "NHS Leeds" not in screen_text(app)


async def test_escape_after_typing_asks_before_throwing_the_words_away(signing):
    app, pilot = signing
    await pilot.press("s", *"Bristol")
    await pilot.press("escape")
    await pilot.pause()
    assert isinstance(app.screen, ConfirmDialog)
    await pilot.press("n")  # keep typing
    await pilot.pause()
    assert isinstance(app.screen, SignatoryForm)
    await pilot.press("ctrl+s")
    await settle(pilot)
    assert [s.organisation for s in saved(app).signatories] == ["Bristol"]


async def test_read_only_offers_no_changes(protocol, folder):
    folder.mkdir(parents=True)
    path = write(folder, sign_up(protocol))
    app = make_app(protocol, folder)
    async with app.run_test(size=SIZE) as pilot:
        app.start(app.store.load(path), path, read_only=True)
        await settle(pilot)
        await pilot.press("n", "s", "e", "delete")
        await settle(pilot)
        assert isinstance(app.screen, SignUpScreen)
        assert len(saved(app).signatories) == 3

