"""A 1 MB comment: lists show a clipped preview, so a vote on its commitment appears at once
(it took 6–9 s when every redraw laid out the whole megabyte); enter shows all of it; the session
keeps it byte for byte. The same in the questions step and the results view.
benchmarks/big_comment.py prints the figures; here only a loose bound is checked.
"""

from __future__ import annotations

import time
from datetime import date, datetime, timezone
from pathlib import Path

import pytest
from rich.text import Text
from textual.widgets import OptionList, TextArea

from workshop.session import emergency
from workshop.session.file_format import read_session
from workshop.session.model import Session
from workshop.session.store import SessionStore
from workshop.tui.app import WorkshopApp
from workshop.tui.dialogs.text_viewer import TextViewer
from workshop.tui.render import PREVIEW_CHARS, preview
from workshop.tui.screens.questions import QuestionsScreen
from workshop.tui.screens.results import ResultsScreen
from workshop.tui.widgets.entry_list import EntryList

FIXED = datetime(2026, 11, 22, 10, 0, tzinfo=timezone.utc)
SIZE = (100, 30)
LINE = "Words about sharing resources, with [bold]markup[/bold] and 👨\u200d👩\u200d👧 kept.\n"
BIG = (LINE * (1_000_000 // len(LINE) + 1))[:1_000_000]
VOTE_SECONDS = 3.0
"""A loose bound for CI (a vote takes about 0.3 s here with the preview, 9 s without)."""


@pytest.fixture(autouse=True)
def no_stray_copies(tmp_path, monkeypatch):
    monkeypatch.setattr(emergency, "fallback_folders", lambda: [tmp_path])


@pytest.fixture
def path(tmp_path, protocol) -> Path:
    session = Session.new(protocol, group="Big", facilitator="F", on=date(2026, 11, 22),
                          participants=12, clock=lambda: FIXED)
    session.add_comment("share-resources", BIG)
    session.add_answer(protocol.questions[0].id, BIG)
    return SessionStore(tmp_path / "sessions", protocol).create(session)


def make_app(protocol, path: Path, **kwargs) -> WorkshopApp:
    return WorkshopApp(protocol, SessionStore(path.parent, protocol), clock=lambda: FIXED,
                       monotonic=lambda: 1000.0, **kwargs)


def prompt_text(listing: OptionList, index: int) -> str:
    prompt = listing.get_option_at_index(index).prompt
    return prompt.plain if isinstance(prompt, Text) else str(prompt)


async def read_all(pilot, listing: OptionList) -> str:
    """Focus the list, press enter on its highlighted entry: the viewer's text."""
    listing.focus()
    await pilot.pause()
    await pilot.press("enter")
    await pilot.pause()
    viewer = pilot.app.screen
    assert isinstance(viewer, TextViewer)
    text = viewer.query_one(TextArea).text
    await pilot.press("escape")
    await pilot.pause()
    return text


async def test_votes_on_a_commitment_with_a_1mb_comment_appear_at_once(protocol, path):
    app = make_app(protocol, path, open_path=path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.show_step(app.session.steps()[1])
        await pilot.pause()
        entries = app.screen.query_one("#entries", EntryList)
        shown = prompt_text(entries, 0)
        assert len(shown) < PREVIEW_CHARS + 200
        assert f"… ({len(BIG) - len(preview(BIG)[0]):,} more characters: enter to read it all)" \
            in shown
        for n in range(1, 4):
            start = time.perf_counter()
            await pilot.press("a")
            await pilot.pause()
            assert time.perf_counter() - start < VOTE_SECONDS
            assert app.session.counts("share-resources")["agree"] == n
        assert await read_all(pilot, entries) == BIG  # all of it, on demand
        await app.settle()
        on_disk = read_session(path, protocol)
        assert on_disk.comments["share-resources"][0].text == BIG  # byte for byte
        assert on_disk.counts("share-resources")["agree"] == 3


async def test_a_1mb_answer_is_clipped_and_read_in_the_questions_step(protocol, path):
    app = make_app(protocol, path, open_path=path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.show_step("questions")
        await pilot.pause()
        assert isinstance(app.screen, QuestionsScreen)
        entries = app.screen.query_one("#entries", EntryList)
        assert len(prompt_text(entries, 0)) < PREVIEW_CHARS + 200
        assert await read_all(pilot, entries) == BIG
        app.screen.query_one("#questions").focus()
        await pilot.press("enter")  # on the questions, enter still answers
        await pilot.pause()
        assert type(app.screen).__name__ == "TextEntryDialog"


async def test_the_results_view_clips_and_reads_a_1mb_comment(protocol, path):
    app = make_app(protocol, path, results_path=path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, ResultsScreen)
        entries = app.screen.query_one("#result-entries", OptionList)
        assert "more characters: enter to read it all" in prompt_text(entries, 0)
        assert len(prompt_text(entries, 0)) < PREVIEW_CHARS + 200
        assert await read_all(pilot, entries) == BIG
