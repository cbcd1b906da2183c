"""The projector with Pilot: `b` in the facilitator's app (the sidecar written, a notification
saying which state the projector is in, a `b` typed in a dialog staying a letter, nothing
written read-only), the highlight reaching the projector, and `workshop follow` (ProjectorApp)
showing a session and following it within a second, read-only."""

from __future__ import annotations

import time

import pytest
from textual.widgets import OptionList
from textual.widgets.option_list import Option
from tui_helpers import SIZE, make_app, make_session_file, screen_text, settle, widget_text

from helpers import locked_elsewhere
from workshop.projector.source import ProjectorSource
from workshop.session import lock
from workshop.session.file_format import read_session
from workshop.session.projector_state import ProjectorState, read_state, state_path, write_state
from workshop.session.store import SessionStore
from workshop.tui.app import WorkshopApp
from workshop.tui.app_projector import BLANKED, SHOWN
from workshop.tui.dialogs.text_entry import TextEntryDialog
from workshop.tui.projector.app import ProjectorApp
from workshop.tui.projector.screen import ProjectorScreen
from workshop.tui.screens.principle import PrincipleScreen

STEP = "principle:achieve-intended-outcomes"
NEXT_STEP = "principle:public-interest"


def voted(session) -> None:
    session.set_votes("share-resources", {"agree": 7, "amend": 3, "disagree": 2})
    session.set_step(STEP)


def notes(app) -> list[str]:
    return [note.message for note in app._notifications]


async def settled(pilot) -> None:
    await settle(pilot)
    assert pilot.app.projector.wait()


async def test_b_blanks_and_reveals_the_counts_on_the_projector(protocol, folder):
    path = make_session_file(protocol, folder, changes=[voted])
    app = make_app(protocol, folder, open_path=path)
    async with app.run_test(size=SIZE) as pilot:
        await settled(pilot)
        assert isinstance(app.screen, PrincipleScreen)
        session_bytes = path.read_bytes()
        await pilot.press("b")
        await settled(pilot)
        assert read_state(path).blanked is True
        assert notes(app)[-1] == BLANKED
        frame = ProjectorSource(protocol, path, folder).poll()
        assert frame.view.votes is None and frame.view.text == \
            protocol.commitment("share-resources").text
        await pilot.press("b")
        await settled(pilot)
        assert read_state(path).blanked is False and notes(app)[-1] == SHOWN
        assert ProjectorSource(protocol, path, folder).poll().view.votes.bars[0].count == 7
        assert path.read_bytes() == session_bytes, "b is not part of the record"


async def test_the_highlight_and_the_step_reach_the_projector(protocol, folder):
    path = make_session_file(protocol, folder, changes=[voted])
    app = make_app(protocol, folder, open_path=path)
    source = ProjectorSource(protocol, path, folder)
    async with app.run_test(size=SIZE) as pilot:
        await settled(pilot)
        await pilot.press("down", "down", "a")
        await settled(pilot)
        assert read_state(path) == ProjectorState(step=STEP, item="encourage-innovation")
        view = source.poll().view
        assert view.heading == "Commitment 3 of 7"
        assert view.text == protocol.commitment("encourage-innovation").text
        assert [bar.count for bar in view.votes.bars] == [1, 0, 0]
        await pilot.press("n")
        await settled(pilot)
        first = protocol.principle("public-interest").commitments[0]
        assert read_state(path) == ProjectorState(step=NEXT_STEP, item=first.id)
        view = source.poll().view
        assert (view.step_title, view.text) == ("Public interest", first.text)


async def test_news_from_a_list_already_gone_is_ignored(protocol, folder):
    """Keys in a burst (`p p p p` from a real terminal) switch steps faster than the lists'
    highlight messages reach the app: a message whose list has left its screen is dropped. It
    crashed the app (NoScreen) when tried in tmux; Pilot's keys never arrive that fast, so the
    late message is posted by hand."""
    path = make_session_file(protocol, folder, changes=[voted])
    app = make_app(protocol, folder, open_path=path)
    async with app.run_test(size=SIZE) as pilot:
        await settled(pilot)
        gone = OptionList(Option("x", id="monitor-resources"), id="commitments")  # no screen
        app.post_message(OptionList.OptionHighlighted(gone, gone.get_option_at_index(0), 0))
        await pilot.press("down")
        await settled(pilot)
        assert app.is_running and read_state(path).item == "monitor-resources"


async def test_b_typed_in_a_text_dialog_is_a_letter(protocol, folder):
    """An app binding that is not a priority one: a focused text field gets the key first
    (the dialogs also collect early keys themselves, so the flag is checked as well)."""
    assert [b.priority for b in WorkshopApp.BINDINGS if b.key == "b"] == [False]
    path = make_session_file(protocol, folder, changes=[voted])
    app = make_app(protocol, folder, open_path=path)
    async with app.run_test(size=SIZE) as pilot:
        await settled(pilot)
        await pilot.press("c", "b", "o", "b")
        await settled(pilot)
        assert isinstance(app.screen, TextEntryDialog)
        assert "bob" in screen_text(app)
        assert read_state(path).blanked is False and BLANKED not in notes(app)


async def test_a_read_only_window_writes_no_projector_state(protocol, folder):
    path = make_session_file(protocol, folder, changes=[voted])
    with locked_elsewhere(path):
        app = make_app(protocol, folder, open_path=path)
        async with app.run_test(size=SIZE) as pilot:
            await settled(pilot)
            await pilot.press("y")  # open read-only
            await settled(pilot)
            assert app.read_only
            await pilot.press("down", "b")
            await settled(pilot)
            assert "read-only" in notes(app)[-1]
        assert not state_path(path).exists()


async def test_b_without_a_session_says_so(protocol, folder):
    app = make_app(protocol, folder)
    async with app.run_test(size=SIZE) as pilot:
        await settled(pilot)
        await pilot.press("b")
        await settled(pilot)
        assert "Open a session first" in notes(app)[-1]
    assert not folder.exists() or not list(folder.iterdir())


async def test_opening_a_session_whose_projector_is_blanked_says_so(protocol, folder):
    path = make_session_file(protocol, folder, changes=[voted])
    write_state(path, ProjectorState(blanked=True))
    app = make_app(protocol, folder, open_path=path)
    async with app.run_test(size=SIZE) as pilot:
        await settled(pilot)
        assert BLANKED in notes(app)
        assert read_state(path).blanked is True, "kept from the last run"


# -- workshop follow -----------------------------------------------------------------------------


async def wait_until(pilot, check, seconds: float = 3.0) -> float:
    """Let the app run until `check()` holds; how long that took (fails past `seconds`)."""
    start = time.monotonic()
    while not check():
        assert time.monotonic() - start < seconds, "not shown in time"
        await pilot.pause(0.05)
    return time.monotonic() - start


async def first_frame(pilot) -> None:
    """Wait for the follow app's first frame, and for it to be drawn."""
    await wait_until(pilot, lambda: pilot.app.shown is not None)
    await pilot.pause()
    await pilot.pause()


def problem_text(app) -> str:
    return widget_text(app.screen.query_one("#proj-problem"))


def count_of(app, option_id: str) -> str:
    return app.screen.query_one(f"#option-{option_id} Digits").value


@pytest.fixture
def followed(protocol, folder):
    path = make_session_file(protocol, folder, changes=[voted])
    return path, ProjectorApp(ProjectorSource(protocol, path, folder))


async def test_follow_shows_the_commitment_and_its_counts(protocol, followed):
    path, app = followed
    async with app.run_test(size=(80, 24)) as pilot:
        await first_frame(pilot)
        assert isinstance(app.screen, ProjectorScreen)
        text = screen_text(app)
        for words in ("Manchester Partnership Board", "2/10 Achieve intended outcomes",
                      "Commitment 1 of 7", protocol.commitment("share-resources").text,
                      "Agree if amended", "58%", "25%", "17%", "12 of 12 voted", "╱╱╱", "╳╳╳"):
            assert words in text, words
        assert [count_of(app, o) for o in ("agree", "amend", "disagree")] == ["7", "3", "2"]
    assert not lock.lock_path(path).exists() and not state_path(path).exists()


async def test_follow_shows_a_save_within_a_second(protocol, folder, followed):
    path, app = followed
    async with app.run_test(size=(80, 24)) as pilot:
        await first_frame(pilot)
        session = read_session(path, protocol)
        session.set_votes("share-resources", {"agree": 10, "amend": 1, "disagree": 1})
        SessionStore(folder, protocol).save(session, path)
        took = await wait_until(pilot, lambda: count_of(app, "agree") == "10")
        assert took < 1.0 and "83%" in screen_text(app)
        write_state(path, ProjectorState(blanked=True, step=STEP, item="monitor-resources"))
        took = await wait_until(pilot, lambda: "Counts hidden" in screen_text(app))
        assert took < 1.0
        text = screen_text(app)
        assert protocol.commitment("monitor-resources").text in text
        assert "%" not in text and "voted" not in text


async def test_follow_reads_only_beside_the_facilitator(protocol, folder, followed):
    """The facilitator's window holds the lock; follow still follows, and writes nothing, takes
    no lock, and no key in it changes anything."""
    path, app = followed
    assert lock.acquire(path) is None  # as the facilitator's app holds it
    before = {p.name: p.read_bytes() for p in folder.iterdir()}
    async with app.run_test(size=(80, 24)) as pilot:
        await first_frame(pilot)
        await pilot.press("a", "b", "enter", "n", "down", "equals_sign")
        await pilot.pause(0.3)
        assert count_of(app, "agree") == "7"
    assert {p.name: p.read_bytes() for p in folder.iterdir()} == before
    lock.release(path)


async def test_follow_waits_for_a_session_then_shows_it(protocol, folder):
    app = ProjectorApp(ProjectorSource(protocol, None, folder))
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_until(pilot, lambda: "No session yet in" in screen_text(app))
        make_session_file(protocol, folder, group="<b>[bold]Leeds[/bold]</b>", changes=[voted])
        await wait_until(pilot, lambda: "<b>[bold]Leeds[/bold]</b>" in screen_text(app))


async def test_follow_says_when_the_file_cannot_be_read(protocol, followed):
    path, app = followed
    async with app.run_test(size=(80, 24)) as pilot:
        await first_frame(pilot)
        path.write_text("format = [", encoding="utf-8")
        await wait_until(pilot, lambda: "Cannot read the session" in problem_text(app))
        assert "not valid TOML" in problem_text(app) and path.name in problem_text(app)
        assert "12 of 12 voted" in screen_text(app), "the last good view stays"


async def test_q_quits_follow(followed):
    _, app = followed
    async with app.run_test(size=(80, 24)) as pilot:
        await first_frame(pilot)
        await pilot.press("q")
        await pilot.pause()
    assert app.return_code == 0
