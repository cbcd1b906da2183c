"""Rough edges a facilitator hit trying the app as a new user (issue 12), outside the principle
screen: finishing twice, the draft offer's buttons, the authority in the recommendation question,
the new-session form's rules, the sessions folder's full path, the results view's labels and
exports, and help that lists the keys of the screen it opens over.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from pathlib import Path

from results_fixture import five_sessions
from tui_helpers import (
    FIXED,
    SIZE,
    details,
    make_app,
    make_session_file,
    saved,
    screen_text,
    settle,
    widget_text,
)

from helpers import REPO
from workshop.protocol.load import load_protocol
from workshop.session import drafts
from workshop.session.store import SessionStore
from workshop.tui.app import WorkshopApp
from workshop.tui.dialogs.confirm import ConfirmDialog
from workshop.tui.dialogs.new_session import NewSessionDialog
from workshop.tui.screens.help import IN_A_DIALOG, HelpScreen, key_sections
from workshop.tui.screens.intro import IntroScreen
from workshop.tui.screens.results import ResultsScreen
from workshop.tui.screens.review import ReviewScreen
from workshop.tui.screens.start import StartScreen

ADAPTED = "The Committee is asked whether {authority} should adopt the protocol."


class Clock:
    """A wall clock the test moves by hand."""

    def __init__(self) -> None:
        self.now = FIXED

    def __call__(self) -> datetime:
        return self.now


def footer_keys(app) -> str:
    """The footer's keys and labels as one line ("n Next p Back … f Finish")."""
    from textual.widgets import Footer

    footer = app.screen.query_one(Footer)
    return " ".join(" ".join(str(key.render()).split()) for key in footer.children)


# -- 1. f on a finished review ------------------------------------------------------------------


async def test_f_twice_does_not_change_the_finish_time_silently(protocol, folder):
    clock = Clock()
    path = make_session_file(protocol, folder, changes=[lambda s: s.set_step("review")])
    app = WorkshopApp(protocol, SessionStore(folder, protocol), open_path=path, clock=clock,
                      monotonic=lambda: 1000.0)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, ReviewScreen)
        assert "f Finish" in footer_keys(app)
        await pilot.press("f")
        await settle(pilot)
        finished = saved(app).completed
        assert finished == FIXED
        assert "Finish" not in footer_keys(app)  # not offered again
        assert "Finished at 10:00 on 22 November 2026" in screen_text(app)

        clock.now = FIXED + timedelta(hours=1)
        await pilot.press("f")  # asks, and the safe answer is focused
        await settle(pilot)
        assert isinstance(app.screen, ConfirmDialog)
        assert app.screen.focused.id == "no"
        assert "Change it to now?" in screen_text(app)
        await pilot.press("enter")  # a reflex: Keep
        await settle(pilot)
        assert isinstance(app.screen, ReviewScreen)
        assert saved(app).completed == finished

        await pilot.press("f")
        await settle(pilot)
        await pilot.press("escape")  # no answer: kept too
        await settle(pilot)
        assert saved(app).completed == finished

        await pilot.press("f")
        await settle(pilot)
        await pilot.press("y")  # asked for, and confirmed
        await settle(pilot)
        assert saved(app).completed == FIXED + timedelta(hours=1)


async def test_the_help_of_a_finished_review_names_the_f_that_applies(protocol, folder):
    path = make_session_file(protocol, folder, changes=[
        lambda s: s.set_step("review"), lambda s: s.mark_complete()])
    app = make_app(protocol, folder, open_path=path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        rows = {row.what: row.keys for _, section in key_sections(app.screen) for row in section}
        assert rows["change the time it was finished to now (asks first)"] == ["f"]
        assert "mark the session complete (it stays editable)" not in rows


# -- 2. the draft offer -------------------------------------------------------------------------


async def test_the_draft_offer_focuses_restore_and_colours_discard_as_destructive(
        protocol, folder):
    path = make_session_file(protocol, folder)
    stamp = datetime(2026, 11, 22, 9, 0, tzinfo=timezone.utc)
    drafts.write_draft(path, drafts.Draft("answer", "benefits", "keep me", stamp))
    app = make_app(protocol, folder, open_path=path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, ConfirmDialog)
        restore, discard = dialog.query_one("#yes"), dialog.query_one("#no")
        assert "Restore" in str(restore.label) and "Discard" in str(discard.label)
        assert dialog.focused is restore  # enter restores
        assert restore.variant == "primary"
        assert discard.variant == "error"  # the destructive one
        await pilot.press("n")  # Discard, on purpose
        await settle(pilot)
        assert isinstance(app.screen, IntroScreen)
        assert drafts.read_draft(path) is None


# -- 3. the authority in the recommendation question --------------------------------------------


def adapted_protocol(tmp_path):
    text = (REPO / "protocol.toml").read_text(encoding="utf-8")
    line = next(x for x in text.splitlines() if x.startswith("recommendation_question = "))
    path = tmp_path / "adapted.toml"
    path.write_text(text.replace(line, f'recommendation_question = "{ADAPTED}"'),
                    encoding="utf-8")
    return load_protocol(path)


async def test_the_question_names_the_authority_the_form_was_given(tmp_path, folder):
    protocol = adapted_protocol(tmp_path)
    app = make_app(protocol, folder)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("n")
        await pilot.pause()
        await pilot.press(*"Leeds Board", "enter", *"Tonya", "enter", "enter",
                          *"Leeds [City] Council", "ctrl+s")
        await settle(pilot)
        assert saved(app).meta.authority == "Leeds [City] Council"
        app.show_step("recommendation")
        await settle(pilot)
        question = widget_text(app.screen.query_one("#rec-question"))
        assert question == ("The Committee is asked whether Leeds [City] Council should adopt "
                            "the protocol.")


async def test_a_session_with_no_authority_reads_the_council(tmp_path, folder):
    protocol = adapted_protocol(tmp_path)
    app = make_app(protocol, folder, new_details=details())
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.show_step("recommendation")
        await settle(pilot)
        assert widget_text(app.screen.query_one("#rec-question")) == (
            "The Committee is asked whether the council should adopt the protocol.")


async def test_the_bundled_question_keeps_the_published_words(protocol, folder):
    app = make_app(protocol, folder, new_details=details(authority="Leeds City Council"))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert saved(app).meta.authority == "Leeds City Council"
        app.show_step("recommendation")
        await settle(pilot)
        question = widget_text(app.screen.query_one("#rec-question"))
        assert "whether it is something that Taunton Deane Borough Council should adopt" \
            in question
        assert "Leeds" not in question


# -- 4. the new-session form --------------------------------------------------------------------


async def open_form(pilot) -> NewSessionDialog:
    await settle(pilot)
    await pilot.press("n")
    await pilot.pause()
    assert isinstance(pilot.app.screen, NewSessionDialog)
    return pilot.app.screen


async def test_the_form_requires_a_facilitator_as_the_command_line_does(protocol, folder):
    app = make_app(protocol, folder)
    async with app.run_test(size=SIZE) as pilot:
        form = await open_form(pilot)
        await pilot.press(*"Leeds Board", "enter", *"   ", "ctrl+s")
        await settle(pilot)
        assert app.screen is form
        assert "Type the facilitator's name" in screen_text(app)
        assert form.focused.id == "field-facilitator"
        assert not folder.exists() or not list(folder.glob("*.toml"))
        await pilot.press(*"Tonya", "ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, IntroScreen)
        assert saved(app).meta.facilitator == "Tonya"


async def test_participants_in_words_are_answered_at_once_and_block_the_start(protocol, folder):
    app = make_app(protocol, folder)
    async with app.run_test(size=SIZE) as pilot:
        form = await open_form(pilot)
        await pilot.press(*"Leeds Board", "enter", *"Tonya", "enter", "enter", "enter", "enter")
        assert form.focused.id == "field-participants"
        await pilot.press(*"six")
        await pilot.pause()
        assert form.query_one("#field-participants").value == "six"  # kept, not dropped
        assert "Participants must be a whole number, e.g. 12" in screen_text(app)
        await pilot.press("enter")  # the last field: tries to start
        await settle(pilot)
        assert app.screen is form
        assert not folder.exists() or not list(folder.glob("*.toml"))
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.screen is form
        await pilot.press(*["backspace"] * 3)
        await pilot.pause()
        assert "Participants must" not in screen_text(app)  # fixed: the message goes
        await pilot.press(*"2000000", "ctrl+s")
        await settle(pilot)
        assert "Participants must be at most 1,000,000" in screen_text(app)
        await pilot.press(*["backspace"] * 7, *"12", "enter")
        await settle(pilot)
        assert isinstance(app.screen, IntroScreen)
        assert saved(app).meta.participants == 12


# -- 5. the sessions folder's full path ---------------------------------------------------------


async def test_the_start_screen_names_the_sessions_folder_by_its_full_path(
        protocol, tmp_path, monkeypatch):
    """`./sessions` depends on where workshop was started: the screen says which folder."""
    monkeypatch.chdir(tmp_path)
    full = tmp_path / "sessions"
    app = make_app(protocol, Path("sessions"))
    async with app.run_test(size=(200, 30)) as pilot:
        await settle(pilot)
        text = " ".join(screen_text(app).split())
        assert f"No sessions yet in {full}." in text
    make_session_file(protocol, full)
    (tmp_path / "other").mkdir()
    app = make_app(protocol, Path("other") / ".." / "sessions")
    async with app.run_test(size=(200, 30)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, StartScreen)
        text = " ".join(screen_text(app).split())
        assert f"1 session in {full}, newest first." in text


# -- 7. the results view ------------------------------------------------------------------------


def sessions_of_one_group(protocol, folder):
    """Leeds Board three times: on 2 and 9 November, and a second session on 2 November."""
    for n, (on, sid) in enumerate(((date(2026, 11, 2), "aaaa1111-0000-4000-8000-000000000000"),
                                   (date(2026, 11, 9), "bbbb2222-0000-4000-8000-000000000000"),
                                   (date(2026, 11, 2), "cccc3333-0000-4000-8000-000000000000"))):
        make_session_file(protocol, folder, group="Leeds Board", session_id=sid, changes=[
            lambda s, on=on, n=n: s.set_meta(date=on),
            lambda s, n=n: s.set_votes("share-resources", {"agree": n + 1})])


async def test_workshops_of_one_group_are_told_apart(protocol, folder):
    sessions_of_one_group(protocol, folder)
    app = make_app(protocol, folder)
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(pilot)
        await pilot.press("v")
        await settle(pilot)
        assert isinstance(app.screen, ResultsScreen)
        await pilot.press("3")
        await settle(pilot)
        names = [w.name for w in app.screen.report.workshops]
        assert sorted(names) == ["Leeds Board, 2 November 2026 (aaaa1111)",
                                 "Leeds Board, 2 November 2026 (cccc3333)",
                                 "Leeds Board, 9 November 2026"]
        text = screen_text(app)
        for name in names:
            assert name in text  # in the Workshops tab, in full


async def test_the_notes_count_has_a_legend(protocol, tmp_path):
    five_sessions(protocol, tmp_path / "sessions")
    app = make_app(protocol, tmp_path / "sessions")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("v")
        await settle(pilot)
        text = screen_text(app)
        assert "Counts: Agree · Agree if amended · Disagree · ✎ comments and proposed wordings" \
            in text
        assert "40 · 7 · 3" in text and "7 ✎" in text  # five comments and two wordings


async def test_exporting_the_folders_results_writes_a_clearly_named_file(protocol, tmp_path,
                                                                         monkeypatch):
    """The folder's results exist only in memory: nothing to write beside. The palette says
    where the file goes, by its full path, and the file is named for what it is."""
    from workshop.tui.commands import commands_for

    monkeypatch.chdir(tmp_path)
    folder = tmp_path / "sessions"
    five_sessions(protocol, folder)
    app = make_app(protocol, Path("sessions"))  # as the command line gives it: relative
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("v")
        await settle(pilot)
        assert isinstance(app.screen, ResultsScreen)
        assert app.screen.label == f"every session in {folder}"  # the title names it in full
        helps = {c.name: c.help for c in commands_for(app, app.screen)}
        assert helps["Export: Markdown"] == f"Write results-2026-11-22.md in {folder}"
        assert helps["Export: CSV (comments table)"] == (
            f"Write results-2026-11-22-comments.csv in {folder}")
        assert not any("all-sessions" in text for text in helps.values())
        await pilot.press("ctrl+p", *"Export: Markdown")
        await settle(pilot)
        await pilot.press("enter")
        for _ in range(100):
            await pilot.pause(0.05)
            if app.last_export is not None:
                break
        await settle(pilot)
    assert app.last_export.resolve() == folder / "results-2026-11-22.md"
    assert "Manchester Partnership Board" in app.last_export.read_text(encoding="utf-8")
    assert not (folder / "all-sessions.md").exists()


async def test_a_session_file_still_exports_beside_itself(protocol, folder):
    from workshop.tui.commands import commands_for

    app = make_app(protocol, folder, new_details=details())
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        helps = {c.name: c.help for c in commands_for(app, app.screen)}
        stem = app.path.stem
        assert helps["Export: Markdown"] == f"Write {stem}.md beside {app.path.name}"


# -- 8. help per screen -------------------------------------------------------------------------


async def test_help_shows_the_keys_of_the_screen_it_opens_over(protocol, folder):
    """The start screen's help and the review step's each list their own keys, not the
    other's: `n` is "start a new session" on one and "go to the next step" on the other."""
    path = make_session_file(protocol, folder, changes=[lambda s: s.set_step("review")])
    app = make_app(protocol, folder)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("question_mark")
        await settle(pilot)
        assert isinstance(app.screen, HelpScreen)
        start = " ".join(screen_text(app).split())
        assert "n start a new session" in start and "v the results of every session here" in start
        assert "go to the next step" not in start and "mark the session complete" not in start
        assert IN_A_DIALOG not in start  # nothing is typed on the start screen
        await pilot.press("escape")
        await settle(pilot)

        app.open_path(path)
        await settle(pilot)
        assert isinstance(app.screen, ReviewScreen)
        await pilot.press("f1")
        await settle(pilot)
        review = " ".join(screen_text(app).split())
        assert "f mark the session complete (it stays editable)" in review
        assert "go to the next step" in review
        assert "start a new session" not in review and "the results of every session" not in review
