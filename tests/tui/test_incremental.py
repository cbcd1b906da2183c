"""A key redraws what it changed and nothing else, and what is on screen is still what a screen
drawn afresh from the saved file shows: the row voted on changes, the other rows stay, the
screen is not laid out again, and the file holds every key."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from textual.screen import Screen
from tui_helpers import FIXED, SIZE, Ticker, details, make_app, saved, screen_text, settle

from workshop.session.file_format import read_session
from workshop.session.kinds import Mode
from workshop.session.store import SessionStore
from workshop.tui.app import WorkshopApp
from workshop.tui.screens.assess_step import AssessmentScreen
from workshop.tui.screens.principle import PrincipleScreen

NARROW = (80, 24)


def row_counts(app) -> list[str]:
    """Each row's first column, the counts (`commitment_row`), as it is on screen now."""
    return [str(option.prompt.columns[0]._cells[0])
            for option in app.screen.query_one("#commitments").options]


def below_the_bar(app) -> list[str]:
    """The screen's lines under the step bar (whose "Saved HH:MM:SS" a fresh screen lacks)."""
    return screen_text(app).splitlines()[1:]


async def fresh_screen(protocol, folder, path, size, highlighted: int) -> list[str]:
    """The same step drawn from scratch from the saved file, the same commitment highlighted."""
    app = make_app(protocol, folder, Ticker(), open_path=path)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        await pilot.press(*["down"] * highlighted)
        await settle(pilot)
        return below_the_bar(app)


@pytest.fixture
async def principle(protocol, folder):
    """An app on the first principle of a new session of 12 people (its timer still)."""
    app = make_app(protocol, folder, Ticker(), new_details=details())
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("n")
        await settle(pilot)
        assert isinstance(app.screen, PrincipleScreen)
        yield app, pilot


async def test_a_vote_changes_its_row_alone_on_screen_and_on_disk(principle, monkeypatch):
    app, pilot = principle
    await pilot.press("a", "down", "d", "up")
    await settle(pilot)
    before_rows = row_counts(app)
    before_file = saved(app).votes
    made = []
    real_row = PrincipleScreen.row
    monkeypatch.setattr(PrincipleScreen, "row",
                        lambda screen, number, c: made.append(c.id) or real_row(screen, number, c))
    await pilot.press("down", "m")
    await settle(pilot)
    second = app.screen.principle.commitments[1].id
    assert made == [second], "only the row voted on is made again"
    after_rows = row_counts(app)
    assert after_rows[1] == " 0 ·  1 ·  1" and before_rows[1] == " 0 ·  0 ·  1"
    assert after_rows[:1] + after_rows[2:] == before_rows[:1] + before_rows[2:]
    after_file = saved(app).votes
    assert after_file[second] == {"agree": 0, "amend": 1, "disagree": 1}
    assert {k: v for k, v in after_file.items() if k != second} == \
        {k: v for k, v in before_file.items() if k != second}


async def test_a_vote_lays_nothing_out_again(protocol, folder, monkeypatch):
    """Once the "Saved" label has its time, a vote repaints its row and the bars, and no layout
    of the whole screen follows (neither for the vote nor for its save, though every save
    shows a new time)."""
    seconds = iter(range(10_000))
    app = WorkshopApp(protocol, SessionStore(folder, protocol),
                      clock=lambda: FIXED + timedelta(seconds=next(seconds)),
                      monotonic=Ticker(), new_details=details())
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("n", "a")
        await settle(pilot)
        saved_label = app.screen.query_one("#step-saved").content
        layouts = []
        real = Screen._refresh_layout
        monkeypatch.setattr(Screen, "_refresh_layout",
                            lambda screen, *args, **kw: layouts.append(screen)
                            or real(screen, *args, **kw))
        await pilot.press("a", "m", "D")
        await settle(pilot)
        assert saved(app).counts(app.screen.commitment.id) == {"agree": 2, "amend": 1,
                                                               "disagree": 0}
        assert layouts == []
        assert " 2 ·  1 ·  0" in screen_text(app), "the row on screen shows the new counts"
        assert app.screen.query_one("#step-saved").content != saved_label
        assert "Saved 10:" in screen_text(app)


@pytest.mark.parametrize("size", [SIZE, NARROW])
async def test_after_many_keys_the_screen_is_what_a_fresh_one_shows(protocol, folder, size):
    """Votes, removals, moves, a row flagged over the head count (its text wraps further), a
    comment: the screen drawn bit by bit is the screen drawn whole."""
    app = make_app(protocol, folder, Ticker(), new_details=details(participants=3))
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        await pilot.press("n")
        await settle(pilot)
        await pilot.press("a", "a", "m", "down", "d", "d", "d", "d", "down", "a", "A", "up")
        await pilot.press("c", *"a comment", "ctrl+s")
        await settle(pilot)
        await pilot.press("up", "D", "down", "down", "down", "m", "m", "m", "m", "M", "up")
        await settle(pilot)
        drawn = below_the_bar(app)
        highlighted = app.screen.commitment_index
        path = app.path
    assert "⚠4/3" in "\n".join(drawn)
    assert drawn == await fresh_screen(protocol, folder, path, size, highlighted)


@pytest.mark.parametrize("size", [SIZE, NARROW])
async def test_ratings_redraw_like_a_fresh_assessment_screen(protocol, folder, size):
    """An assessment's rating keys: the counts, the mean, the `needs action` flag, the bars."""
    app = make_app(protocol, folder, Ticker(), new_details=details(mode=Mode.ASSESS))
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        await pilot.press("n")
        await settle(pilot)
        assert isinstance(app.screen, AssessmentScreen)
        await pilot.press("1", "1", "2", "down", "5", "4", "exclamation_mark", "down", "3")
        await settle(pilot)
        await pilot.press("up", "1", "up")
        await settle(pilot)
        second = app.screen.principle.commitments[1].id  # rated 5, 4 and 1: not low
        assert app.apply(lambda live: live.add_action(second, "publish it", "Clerk",
                                                      date(2027, 3, 31)))
        await settle(pilot)
        assert "1a" in screen_text(app), "the row counts the action agreed"
        await pilot.press("down", "1", "1", "1", "up")  # now low, with an action agreed
        await settle(pilot)
        drawn = below_the_bar(app)
        highlighted = app.screen.commitment_index
        path = app.path
        assert saved(app).counts(app.screen.principle.commitments[0].id)["1"] == 2
    assert "needs action" in "\n".join(drawn)
    assert drawn == await fresh_screen(protocol, folder, path, size, highlighted)


async def test_every_key_of_a_burst_reaches_the_file_on_quit(protocol, folder):
    """Keys typed faster than a save: the saves coalesce, the last state is on disk."""
    app = make_app(protocol, folder, Ticker(), new_details=details())
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("n")
        await settle(pilot)
        first = app.screen.commitment.id
        await pilot.press(*["a", "m", "d"] * 20, "A", "ctrl+q")
        await pilot.pause()
        path = app.path
    assert read_session(path, protocol).counts(first) == {"agree": 19, "amend": 20,
                                                          "disagree": 20}
