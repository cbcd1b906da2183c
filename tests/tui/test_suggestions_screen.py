"""The suggested themes screen (tui/screens/suggestions.py), pushed on a small headless App over
the merged file of four workshops whose entries are about money, training and the Welsh
language (tests/test_themes_suggest_cli.py): accept, rename, reject, and what reaches the book
and the theme file beside the merged file."""

from __future__ import annotations

import sys

from textual.app import App
from textual.widgets import Input, SelectionList
from tui_helpers import SIZE, screen_text

from test_themes_suggest_cli import HOSTILE, MONEY, TRAINING, WELSH, consultation
from workshop.analysis import theme_file
from workshop.analysis.book import ThemeBook
from workshop.analysis.suggest import MISSING_EXTRA
from workshop.consultation.inputs import read_result
from workshop.consultation.report_build import build_report
from workshop.errors import StoreError
from workshop.session.model import Session
from workshop.session.store import SessionStore
from workshop.tui.screens.suggestions import SuggestionsScreen

MONEY_LABEL = "budget · money · funding · partners"


class Host(App):
    """Pushes the screen when it starts and keeps what it dismisses with."""

    def __init__(self, screen: SuggestionsScreen) -> None:
        super().__init__()
        self.suggestions = screen
        self.tagged: int | None = None

    def on_mount(self) -> None:
        self.push_screen(self.suggestions, self.closed)

    def closed(self, tagged: int | None) -> None:
        self.tagged = tagged


class Saver:
    """Saves the book to the theme file beside the merged file; can be told to fail."""

    def __init__(self, book: ThemeBook, path) -> None:
        self.book, self.path = book, theme_file.sidecar_path(path)
        self.failing = False
        self.calls = 0

    def __call__(self) -> None:
        self.calls += 1
        if self.failing:
            raise StoreError(f"{self.path.name}: No space left on device")
        theme_file.save(self.book, self.path)


def host(protocol, path, book: ThemeBook | None = None) -> tuple[Host, ThemeBook, Saver]:
    book = book if book is not None else theme_file.load_sidecar(path)
    report = build_report(read_result(path, protocol), protocol, book)
    save = Saver(book, path)
    return Host(SuggestionsScreen(report, book, save)), book, save


async def ready(pilot) -> None:
    """Let the suggestions be worked out and shown."""
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


def texts(book: ThemeBook, name: str, protocol, path) -> set[str]:
    report = build_report(read_result(path, protocol), protocol, book)
    return {note.text for note in report.notes() if name in note.themes}


async def test_accept_one_rename_another_reject_the_third(protocol, tmp_path):
    path = consultation(protocol, tmp_path)
    app, book, save = host(protocol, path)
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        assert "1 of 3" in screen_text(app) and MONEY_LABEL in screen_text(app)
        await pilot.press("a")  # the money group, under its own words
        await pilot.pause()
        assert "2 of 3" in screen_text(app)
        assert app.screen.query_one(Input).value == "training · members · skills"
        await pilot.press("r", "ctrl+u", *"Training", "enter")
        await pilot.press("down", "space")  # untick the second entry
        await pilot.press("a")
        await pilot.pause()
        assert "3 of 3" in screen_text(app) and "welsh · language" in screen_text(app)
        await pilot.press("x")
        await pilot.pause()
    assert app.tagged == 4 + 3
    assert [t.name for t in book.themes] == [MONEY_LABEL, "Training"]
    assert texts(book, MONEY_LABEL, protocol, path) == set(MONEY)
    assert texts(book, "Training", protocol, path) == set(TRAINING) - {TRAINING[1]}
    assert not any(text in WELSH for text in texts(book, "Training", protocol, path))
    assert save.calls == 2
    assert theme_file.load(theme_file.sidecar_path(path)) == book  # what was saved


async def test_a_name_that_matches_an_existing_theme_tags_with_it(protocol, tmp_path):
    path = consultation(protocol, tmp_path)
    book = ThemeBook()
    book.add("Welsh Language", "Services and documents in Welsh")
    app, book, save = host(protocol, path, book)
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await pilot.press("x", "x", "r", "ctrl+u", *"welsh language", "enter", "a")
        await pilot.pause()
    assert app.tagged == 4
    assert [(t.name, t.description) for t in book.themes] == [
        ("Welsh Language", "Services and documents in Welsh")]
    assert texts(book, "Welsh Language", protocol, path) == set(WELSH)


async def test_escape_while_renaming_drops_the_edit_and_escape_closes(protocol, tmp_path):
    path = consultation(protocol, tmp_path)
    app, book, save = host(protocol, path)
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await pilot.press("r", *" and more")
        assert "enter or tab: keep this name · escape: keep the name it had" in screen_text(app)
        await pilot.press("escape")
        assert app.screen.query_one(Input).value == MONEY_LABEL
        assert app.screen.query_one(SelectionList).has_focus
        assert "space untick or tick · a accept" in screen_text(app)
        await pilot.press("escape")
        await pilot.pause()
    assert app.tagged == 0 and book.tags == {} and save.calls == 0
    assert not theme_file.sidecar_path(path).exists()


async def test_tab_keeps_the_name_typed_and_an_empty_name_is_refused(protocol, tmp_path):
    path = consultation(protocol, tmp_path)
    app, book, _ = host(protocol, path)
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await pilot.press("r", "ctrl+u", "enter")
        await pilot.pause()
        assert [n.title for n in app._notifications] == ["Not renamed"]
        assert app.screen.query_one(Input).has_focus  # still naming
        await pilot.press(*"Money", "tab")
        await pilot.pause()
        assert app.suggestions.label == "Money"
        await pilot.press("a")
        await pilot.pause()
    assert [t.name for t in book.themes] == ["Money"] and len(book.tags) == 4


async def test_nothing_ticked_tags_nothing(protocol, tmp_path):
    path = consultation(protocol, tmp_path)
    app, book, _ = host(protocol, path)
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        members = app.screen.query_one(SelectionList)
        members.deselect_all()
        await pilot.press("a")
        await pilot.pause()
        assert "1 of 3" in screen_text(app) and "0 ticked" in screen_text(app)
    assert book.tags == {}


async def test_a_failed_save_is_shown_and_a_tries_again(protocol, tmp_path):
    path = consultation(protocol, tmp_path)
    app, book, save = host(protocol, path)
    save.failing = True
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await pilot.press("a")
        await pilot.pause()
        assert [(n.title, n.message.splitlines()[0]) for n in app._notifications] == [
            ("Themes NOT SAVED", "consultation.themes.toml: No space left on device")]
        assert "1 of 3" in screen_text(app)  # still here, tags kept in the book
        assert len(book.tags) == 4 and not theme_file.sidecar_path(path).exists()
        save.failing = False
        await pilot.press("a")
        await pilot.pause()
        assert "2 of 3" in screen_text(app)
        await pilot.press("escape")
        await pilot.pause()
    assert theme_file.load(theme_file.sidecar_path(path)) == book and len(book.tags) == 4
    assert app.tagged == 4


async def test_peoples_words_are_shown_as_typed(protocol, tmp_path):
    path = consultation(protocol, tmp_path)
    s = Session.new(protocol, "Newport [red]Forum[/red]", session_id="9" * 8 + "-hostile")
    s.add_comment("monitor-resources", HOSTILE)
    s.add_comment("public-good", "Welsh language " + "bilingual " * 80)
    SessionStore(tmp_path / "sessions", protocol).create(s)
    path.unlink()
    from workshop.cli.main import main

    assert main(["merge", str(tmp_path / "sessions"), "-o", str(path)]) == 0
    app, _, _ = host(protocol, path)
    async with app.run_test(size=(140, 40)) as pilot:
        await ready(pilot)
        screen = app.suggestions
        hostile = next(n for n, s in enumerate(screen.suggestions)
                       if any(screen.notes[ref].text == HOSTILE for ref in s.members))
        await pilot.press(*"x" * hostile)
        await pilot.pause()
        members = screen.query_one(SelectionList)
        members.highlighted = next(n for n, ref in enumerate(screen.suggestions[hostile].members)
                                   if screen.notes[ref].text == HOSTILE)
        await pilot.pause()
        shown = screen_text(app)
        assert "[bold]Welsh[/bold] language" in shown and "<script>x</script>" in shown
        assert "Newport [red]Forum[/red]" in shown
        assert "new line" in shown.split("Newport [red]Forum[/red], ")[-1]  # the detail
        long = next(n for n, s in enumerate(screen.suggestions)
                    if any(len(screen.notes[ref].text) > 800 for ref in s.members))
        await pilot.press(*"x" * (long - hostile))
        await pilot.pause()
        members.highlighted = next(n for n, ref in enumerate(screen.suggestions[long].members)
                                   if len(screen.notes[ref].text) > 800)
        await pilot.pause()
        left_out = len("Welsh language " + "bilingual " * 80) - 500
        assert f"… ({left_out:,} more characters)" in screen_text(app)


async def test_without_scikit_learn_it_says_what_to_install(protocol, tmp_path, monkeypatch):
    path = consultation(protocol, tmp_path)
    monkeypatch.setitem(sys.modules, "sklearn", None)
    app, book, _ = host(protocol, path)
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        assert MISSING_EXTRA in screen_text(app)
        await pilot.press("a", "escape")
        await pilot.pause()
    assert app.tagged == 0 and book.tags == {}


async def test_nothing_untagged(protocol, tmp_path):
    path = consultation(protocol, tmp_path)
    book = ThemeBook()
    book.add("All")
    for note in build_report(read_result(path, protocol), protocol).notes():
        book.tag(note.session_id, note.entry_id, note.kind, note.target, note.text, "All")
    app, _, _ = host(protocol, path, book)
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        assert "nothing to suggest" in screen_text(app)


def test_snapshot_a_suggestion(snap_compare, protocol, tmp_path, monkeypatch):
    """The first suggestion, its second entry unticked.

    A reviewer should see the title line "Suggested themes · 1 of 3 · grouping 12 of the 16
    entries without a theme"; "Theme name" in bold beside an input holding "budget · money ·
    funding · partners"; "4 entries from 4 workshops · 3 ticked: a tags them"; a list with an
    accent (focused) border of the four money comments, one line each with a tick box (green X
    ticked; the second row, highlighted, unticked), each ending with its workshop's group in dim
    ("— Cardiff P…", cut at the list's width); below the list, the highlighted entry whole:
    "Comment on 1.1 · Swansea Voluntary Forum, 3 November 2026" in bold and "Who pays? The
    council's budget is already cut to the bone and partners have no money."; the keys line
    "space untick or tick · a accept · r rename · x reject · escape close"; the footer with
    a Accept, r Rename, x Reject, esc Close.
    """
    monkeypatch.chdir(tmp_path)
    app, _, _ = host(protocol, consultation(protocol, tmp_path))

    async def untick_second(pilot) -> None:
        await ready(pilot)
        await pilot.press("down", "space")
        await pilot.pause()

    assert snap_compare(app, terminal_size=SIZE, run_before=untick_second)
