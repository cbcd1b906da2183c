"""Nothing typed is lost: failed saves, closed terminals, drafts, two windows, a full workshop."""

from __future__ import annotations

import os
import signal

from tui_helpers import SIZE, details, make_app, make_session_file, saved, screen_text, settle

from helpers import block_saving, locked_elsewhere, unblock_saving
from workshop.session import drafts, lock
from workshop.session.file_format import read_session
from workshop.tui.dialogs.confirm import ConfirmDialog
from workshop.tui.dialogs.text_entry import TextEntryDialog
from workshop.tui.screens.intro import IntroScreen
from workshop.tui.screens.principle import PrincipleScreen
from workshop.tui.screens.start import StartScreen


async def test_a_failed_save_is_shown_kept_and_retried(protocol, folder):
    app = make_app(protocol, folder, new_details=details())
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("n")
        await settle(pilot)
        path = app.path
        app.autosaver.retry_seconds = 0.05
        block_saving(path)
        await pilot.press("a", "a")
        await settle(pilot)
        text = screen_text(app)
        assert "NOT SAVED" in text
        assert "Your changes are kept and saving is retried" in text
        assert app.session.counts("share-resources")["agree"] == 2  # kept in memory
        unblock_saving(path)
        for _ in range(100):  # the retry needs no key press
            await pilot.pause(0.05)
            if path.is_file():
                break
        await settle(pilot)
        assert read_session(path, protocol).counts("share-resources")["agree"] == 2
        assert "NOT SAVED" not in screen_text(app)
        assert "Saved 10:00:00" in screen_text(app)


async def test_sighup_keeps_the_dialog_text_as_a_draft_and_offers_it_back(protocol, folder):
    app = make_app(protocol, folder, new_details=details())
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("n", "a", "c", *"half-typed [b]words[/b]")
        await pilot.pause()
        assert isinstance(app.screen, TextEntryDialog)
        path = app.path
        os.kill(os.getpid(), signal.SIGHUP)  # the terminal was closed
        await pilot.pause(0.2)
    assert app.return_code == 0
    draft = drafts.read_draft(path)
    assert draft is not None
    assert (draft.kind, draft.target, draft.text) == ("comment", "share-resources", "half-typed [b]words[/b]")
    on_disk = read_session(path, protocol)
    assert on_disk.counts("share-resources")["agree"] == 1
    assert on_disk.step == "principle:achieve-intended-outcomes"
    assert not lock.lock_path(path).exists()

    again = make_app(protocol, folder, open_path=path)
    async with again.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert isinstance(again.screen, ConfirmDialog)
        assert "An unsaved comment was found" in screen_text(again)
        await pilot.press("y")
        await pilot.pause()
        assert isinstance(again.screen, TextEntryDialog)
        assert again.screen.query_one("TextArea").text == "half-typed [b]words[/b]"
        await pilot.press(*" and the rest", "ctrl+s")
        await settle(pilot)
        assert saved(again).comments["share-resources"][0].text == "half-typed [b]words[/b] and the rest"
        assert drafts.read_draft(path) is None


async def test_drafts_are_written_while_typing(protocol, folder):
    app = make_app(protocol, folder, new_details=details())
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("n", "w")
        await pilot.pause()
        await pilot.press(*" now")
        await pilot.pause(0.8)  # the draft is written after a short pause in typing
        draft = drafts.read_draft(app.path)
        assert draft is not None and draft.text.endswith("joint outcomes now")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert drafts.read_draft(app.path) is None  # saved into the session, draft gone


async def test_discarding_an_offered_draft_removes_it(protocol, folder):
    path = make_session_file(protocol, folder)
    drafts.write_draft(path, drafts.Draft("answer", "benefits", "lost words?", saved_at()))
    app = make_app(protocol, folder, open_path=path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("n")
        await settle(pilot)
        assert isinstance(app.screen, IntroScreen)
        assert drafts.read_draft(path) is None


def saved_at():
    from tui_helpers import FIXED

    return FIXED


async def test_a_session_open_elsewhere_is_offered_read_only(protocol, folder):
    path = make_session_file(protocol, folder)
    with locked_elsewhere(path):
        before = path.read_bytes()
        app = make_app(protocol, folder, open_path=path)
        async with app.run_test(size=SIZE) as pilot:
            await settle(pilot)
            assert isinstance(app.screen, ConfirmDialog)
            assert "already open in another workshop window" in screen_text(app)
            assert f"delete {lock.lock_path(path)}" in app.screen.detail  # how to take over
            await pilot.press("y")
            await settle(pilot)
            assert app.read_only
            assert "READ-ONLY" in screen_text(app)
            await pilot.press("n", "a", "a", "c")
            await settle(pilot)
            assert isinstance(app.screen, PrincipleScreen)  # moving is allowed, changing is not
            assert app.session.votes == {}
            await pilot.press("ctrl+q")
        assert path.read_bytes() == before  # read-only wrote nothing
        assert lock.lock_path(path).exists()  # and left the other window's lock alone

        app = make_app(protocol, folder, open_path=path)
        async with app.run_test(size=SIZE) as pilot:
            await settle(pilot)
            await pilot.press("n")  # cancel: back to the list
            await settle(pilot)
            assert isinstance(app.screen, StartScreen)
    # the other window has gone: its stale lock is taken over without a question
    app = make_app(protocol, folder, open_path=path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, IntroScreen) and not app.read_only


async def test_full_workshop_then_quit_and_resume(protocol, folder):
    """Every commitment voted, comments, an amendment, every question answered, the
    recommendation made; quit; reopen: everything is there, at the same step."""
    app = make_app(protocol, folder, new_details=details())
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        for principle in protocol.principles:
            await pilot.press("n")
            await settle(pilot)
            for index, _ in enumerate(principle.commitments):
                await pilot.press("a", "a", "m", "d")
                if index == 0:  # short texts: typed key by key, they made this test the slowest
                    await pilot.press("c", *f"On {principle.id[:3]}", "ctrl+s")
                await pilot.press("down")
            await settle(pilot)
        await pilot.press("w", "end", *" together", "ctrl+s")  # an amendment on the last commitment
        await pilot.press("n")  # questions
        await settle(pilot)
        for question in protocol.questions:
            await pilot.press("r", *question.id[:2], "ctrl+s", "down")
        await pilot.press("n", "2", "r", *"Plainer language", "ctrl+s")
        await settle(pilot)
        await pilot.press("ctrl+q")
    path = app.path
    on_disk = read_session(path, protocol)
    assert on_disk.voted_commitments() == 37
    assert all(on_disk.counts(c.id) == {"agree": 2, "amend": 1, "disagree": 1} for c in protocol.commitments)
    assert len(on_disk.comments) == 6
    assert [e.text for p in protocol.principles for e in on_disk.comments[p.commitments[0].id]] \
        == [f"On {p.id[:3]}" for p in protocol.principles]
    assert [a.text for a in on_disk.amendments["actions-carried-out"]] == [
        "Ensure that agreed actions are carried out together"]
    assert on_disk.answered_questions() == 6
    assert on_disk.recommendation.choice == "adopt-with-changes"
    assert on_disk.recommendation.reasons == "Plainer language"
    assert on_disk.step == "recommendation"

    again = make_app(protocol, folder, open_path=path)
    async with again.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert again.screen.step_name == "recommendation"
        assert "Plainer language" in screen_text(again)
        assert again.session == on_disk


async def test_the_not_saved_toast_and_bar_go_as_soon_as_saving_works(protocol, folder):
    """The toast said NOT SAVED for its whole 30 seconds, after saving worked again."""
    app = make_app(protocol, folder, new_details=details())
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("n")
        await settle(pilot)
        path = app.path
        app.autosaver.retry_seconds = 0.05
        block_saving(path)
        await pilot.press("a")
        await settle(pilot)
        assert [n.title for n in app._notifications] == ["NOT SAVED"]
        unblock_saving(path)
        for _ in range(100):
            await pilot.pause(0.05)
            if app.save_result.ok:
                break
        await settle(pilot)
        titles = [n.title for n in app._notifications]
        assert "NOT SAVED" not in titles and "NOT SAVED" not in screen_text(app)
        assert any("Saved again" in n.message for n in app._notifications)


async def test_enter_on_an_offered_draft_restores_it_and_escape_keeps_it(protocol, folder):
    """Nothing typed is lost by a reflex: enter restores (the focused button is Restore) and
    escape leaves the draft for next time; only `n` (Discard) throws it away."""
    path = make_session_file(protocol, folder)
    drafts.write_draft(path, drafts.Draft("answer", "benefits", "keep me", saved_at()))
    app = make_app(protocol, folder, open_path=path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, IntroScreen)
        assert drafts.read_draft(path).text == "keep me"
    app = make_app(protocol, folder, open_path=path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, TextEntryDialog)
        assert app.screen.text == "keep me"
