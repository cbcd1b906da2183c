"""Tagging in the results view: `t` and `T` over the merged file of five workshops, checked on
the theme file on disk (NAME.themes.toml beside the merged file)."""

from __future__ import annotations

import pytest
from results_fixture import HOSTILE, merged_file
from tui_helpers import SIZE, make_app, screen_text, settle, widget_text

from helpers import block_saving, unblock_saving
from workshop.analysis import theme_file
from workshop.analysis.book import ThemeBook
from workshop.session.store import SessionStore
from workshop.tui.dialogs.confirm import ConfirmDialog
from workshop.tui.dialogs.theme_picker import ThemePicker
from workshop.tui.screens.results import ResultsScreen

MANCHESTER = "1111aaaa-0000-4000-8000-000000000000"


def codebook(*themes: str | tuple[str, str]) -> ThemeBook:
    """A book with these themes: a name, or (name, parent)."""
    book = ThemeBook()
    for theme in themes:
        name, parent = theme if isinstance(theme, tuple) else (theme, "")
        book.add(name, parent=parent)
    return book


def on_disk(path) -> ThemeBook:
    return theme_file.load(theme_file.sidecar_path(path))


def entries(app, selector="#result-entries") -> list[str]:
    listing = app.screen.query_one(selector)
    return [listing.get_option_at_index(i).prompt.plain for i in range(listing.option_count)]


def notes_shown(app, list_id="result-entries"):
    return app.screen.notes[list_id]


def messages(app) -> list[str]:
    return [f"{n.title}: {n.message}" for n in app._notifications]


@pytest.fixture
async def view(protocol, tmp_path, monkeypatch):
    """The results of five workshops, with a codebook of Resources and Training."""
    monkeypatch.chdir(tmp_path)
    path = merged_file(protocol, tmp_path)
    theme_file.save(codebook("Resources", "Training"), theme_file.sidecar_path(path))
    before = path.read_bytes()
    app = make_app(protocol, tmp_path / "sessions", results_path=path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, ResultsScreen)
        yield app, pilot, path
    assert path.read_bytes() == before  # the merged file is never written


async def test_an_existing_theme_takes_three_keys(view):
    """t, a letter, enter: the first comment of the highlighted commitment is tagged, on disk."""
    app, pilot, path = view
    await pilot.press("t", "r", "enter")
    await settle(pilot)
    book = on_disk(path)
    assert book.themes_of(MANCHESTER, "e1") == ("Resources",)
    tag = book.tags[(MANCHESTER, "e1")]
    assert (tag.kind, tag.target) == ("comments", "share-resources")
    # t on the list of commitments moved to its entries, so the analyst sees which was tagged
    assert app.screen.focused.id == "result-entries"
    assert app.screen.query_one("#result-entries").highlighted == 0
    shown = entries(app)
    assert shown[0].endswith("Comment from Manchester Partnership Board\n# Resources")
    assert "Themes: Resources 1 (1 workshop)" in widget_text(app.screen.query_one("#result-text"))


async def test_t_again_adds_a_theme_and_a_ticked_theme_comes_off(view):
    app, pilot, path = view
    await pilot.press("t", "r", "enter")
    await settle(pilot)
    await pilot.press("t", "t", "r", "enter")  # "tr": Training (Resources holds no "tr")
    await settle(pilot)
    assert on_disk(path).themes_of(MANCHESTER, "e1") == ("Resources", "Training")
    assert entries(app)[0].endswith("# Resources · Training")
    await pilot.press("t")
    await settle(pilot)
    picker = app.screen
    assert isinstance(picker, ThemePicker)
    rows = [picker.query_one("#theme-options").get_option_at_index(i).prompt.plain
            for i in range(2)]
    assert rows == ["✓ Resources", "✓ Training"]
    await pilot.press("r", "e", "s", "enter")
    await settle(pilot)
    assert on_disk(path).themes_of(MANCHESTER, "e1") == ("Training",)


async def test_typing_a_new_name_makes_the_theme_and_tags_the_entry(view):
    app, pilot, path = view
    await pilot.press("down", "t", *"Welsh  language")
    await settle(pilot)
    listing = app.screen.query_one("#theme-options")
    assert listing.option_count == 1  # nothing else matches: the new row, highlighted
    assert listing.get_option_at_index(0).prompt.plain == '+ New theme "Welsh language"'
    await pilot.press("enter")
    await settle(pilot)
    book = on_disk(path)
    assert [t.name for t in book.themes] == ["Resources", "Training", "Welsh language"]
    # commitment 1.2's only entry: the hostile comment, shown as typed with its theme
    assert book.themes_of(MANCHESTER, "e2") == ("Welsh language",)
    assert entries(app)[0].endswith(f"{HOSTILE}\n# Welsh language")


async def test_theme_names_are_shown_as_typed_never_as_markup(view):
    app, pilot, path = view
    await pilot.press("t", *"[bold]x[/bold]", "enter")
    await settle(pilot)
    assert entries(app)[0].endswith("# [bold]x[/bold]")
    assert "[bold]x[/bold]" in on_disk(path).themes_of(MANCHESTER, "e1")


async def test_escape_cancels_and_writes_nothing(view):
    app, pilot, path = view
    before = theme_file.sidecar_path(path).read_bytes()
    await pilot.press("t", "r", "escape")
    await settle(pilot)
    assert isinstance(app.screen, ResultsScreen)
    assert theme_file.sidecar_path(path).read_bytes() == before


async def test_t_where_there_is_nothing_to_tag_says_so(view):
    app, pilot, _ = view
    await pilot.press("down", "down", "down")  # 1.4: no comments
    await settle(pilot)
    await pilot.press("t")
    await settle(pilot)
    assert isinstance(app.screen, ResultsScreen)
    assert any("Nothing here to tag" in m for m in messages(app))


async def test_an_answer_is_tagged_in_the_questions_tab(view):
    app, pilot, path = view
    await pilot.press("2", "end", "t", "t", "enter")  # Q6, its first answer, Training
    await settle(pilot)
    tag = on_disk(path).tags[(MANCHESTER, "e4")]
    assert (tag.kind, tag.target, tag.themes) == ("answers", "benefits", ("Training",))
    assert "Themes: Training 1 (1 workshop)" in widget_text(app.screen.query_one("#question-text"))
    assert entries(app, "#answer-list")[0].endswith("# Training")


async def test_untagged_filter_tags_everything_in_a_row(view):
    """With T Untagged, a tagged entry leaves the list and the next is highlighted."""
    app, pilot, path = view
    await pilot.press("T", *"untagged", "enter")
    await settle(pilot)
    assert "Theme: untagged (T)" in screen_text(app)
    assert len(notes_shown(app)) == 7
    await pilot.press("t", "r", "enter")
    await settle(pilot)
    assert len(notes_shown(app)) == 6
    second = notes_shown(app)[0]
    assert app.screen.query_one("#result-entries").highlighted == 0
    await pilot.press("t", "r", "enter")  # the one that took the first one's place
    await settle(pilot)
    assert on_disk(path).themes_of(*second.ref) == ("Resources",)
    for _ in range(5):
        await pilot.press("t", "t", "enter")
        await settle(pilot)
    assert notes_shown(app) == []  # all seven tagged: back on the list of commitments
    assert app.screen.focused.id == "result-list"
    assert len(on_disk(path).tags) == 7
    assert "No comments or proposed wordings (untagged)." in entries(app)[0]


async def test_a_parent_theme_filter_takes_in_its_children(protocol, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    path = merged_file(protocol, tmp_path)
    book = codebook("Resources", ("Funding", "Resources"), "Training")
    theme_file.save(book, theme_file.sidecar_path(path))
    app = make_app(protocol, tmp_path / "sessions", results_path=path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("t", "f", "enter", "down", "t", "r", "enter", "down", "t", "t",
                          "r", "enter")
        await settle(pilot)
        assert [on_disk(path).themes_of(*n.ref) for n in notes_shown(app)[:3]] == [
            ("Funding",), ("Resources",), ("Training",)]
        await pilot.press("T", "r", "e", "s", "enter")
        await settle(pilot)
        assert "Theme: Resources (T)" in screen_text(app)
        assert [n.themes for n in notes_shown(app)] == [("Funding",), ("Resources",)]
        await pilot.press("T", "e", "v", "enter")
        await settle(pilot)
        assert len(notes_shown(app)) == 7 and "Theme: every entry (T)" in screen_text(app)


async def test_a_failed_save_is_shown_and_nothing_is_lost(view):
    app, pilot, path = view
    sidecar = theme_file.sidecar_path(path)
    await pilot.press("t", "r", "enter")
    await settle(pilot)
    saved = sidecar.read_bytes()
    block_saving(sidecar)
    await pilot.press("down", "t", "t", "enter")
    await settle(pilot)
    assert any(n.title == "Themes NOT SAVED" and n.severity == "error"
               and "could not be saved" in n.message for n in app._notifications)
    assert "Themes NOT SAVED" in screen_text(app)
    unblock_saving(sidecar)
    sidecar.write_bytes(saved)  # what was on disk before the failed save
    await pilot.press("down", "t", "r", "enter")
    await settle(pilot)
    book = on_disk(path)
    assert len(book.tags) == 3  # the change that could not be saved came with the next one
    assert any("saved again" in m for m in messages(app))
    assert "NOT SAVED" not in screen_text(app)


async def test_leaving_with_unsaved_themes_asks_first(view):
    app, pilot, path = view
    sidecar = theme_file.sidecar_path(path)
    block_saving(sidecar)
    await pilot.press("t", "r", "enter")
    await settle(pilot)
    await pilot.press("escape")
    await settle(pilot)
    assert isinstance(app.screen, ConfirmDialog)
    await pilot.press("n")  # stay
    await settle(pilot)
    assert isinstance(app.screen, ResultsScreen)
    unblock_saving(sidecar)
    await pilot.press("escape")  # the themes save now, so it leaves at once
    await settle(pilot)
    assert not isinstance(app.screen, (ResultsScreen, ConfirmDialog))
    assert on_disk(path).themes_of(MANCHESTER, "e1") == ("Resources",)


async def test_a_bad_theme_file_turns_tagging_off_and_is_never_written(protocol, tmp_path,
                                                                     monkeypatch):
    monkeypatch.chdir(tmp_path)
    path = merged_file(protocol, tmp_path)
    sidecar = theme_file.sidecar_path(path)
    sidecar.write_text('format = "workshop-themes"\nformat_version = 1\n\n[[themes]]\nname = 3\n')
    before = sidecar.read_bytes()
    app = make_app(protocol, tmp_path / "sessions", results_path=path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, ResultsScreen)  # the results still open
        said = [n for n in app._notifications if n.title == "Tagging is off"]
        assert said and said[0].severity == "error"
        assert "merged.themes.toml:5" in said[0].message and "themes[1].name" in said[0].message
        await pilot.press("t")
        await settle(pilot)
        assert isinstance(app.screen, ResultsScreen)  # no picker
        assert "Theme:" not in screen_text(app)
    assert sidecar.read_bytes() == before


async def test_tags_on_entries_no_longer_there_are_announced(protocol, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    path = merged_file(protocol, tmp_path)
    book = codebook("Resources")
    book.tag("9999aaaa-0000-4000-8000-000000000009", "e1", "comments", "share-resources",
             "gone", "Resources")
    theme_file.save(book, theme_file.sidecar_path(path))
    app = make_app(protocol, tmp_path / "sessions", results_path=path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        said = [n.message for n in app._notifications if n.title == "Tags to look at"]
        assert said and "1 tag on an entry no longer in the result" in said[0]


async def test_the_folders_results_keep_their_themes_in_the_sessions_folder(protocol, tmp_path,
                                                                           monkeypatch):
    from results_fixture import five_sessions

    monkeypatch.chdir(tmp_path)
    folder = tmp_path / "sessions"
    five_sessions(protocol, folder)
    app = make_app(protocol, folder)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("v")
        await settle(pilot)
        assert isinstance(app.screen, ResultsScreen)
        await pilot.press("t", *"Resources", "enter")
        await settle(pilot)
    sidecar = folder / "all-sessions.themes.toml"
    assert theme_file.load(sidecar).themes_of(MANCHESTER, "e1") == ("Resources",)
    assert len(SessionStore(folder, protocol).list()) == 5  # not taken for a session


async def test_exports_from_the_results_carry_the_themes(view, monkeypatch):
    from test_exports import wait_for_export

    import workshop.tui.app_exports as app_exports

    app, pilot, path = view
    given = []
    real = app_exports.export_bytes

    def export_bytes(*args, book=None, **kwargs):
        given.append(book)
        return real(*args, book=book, **kwargs)

    monkeypatch.setattr(app_exports, "export_bytes", export_bytes)
    await pilot.press("t", "r", "enter")
    await settle(pilot)
    await pilot.press("ctrl+p", *"Export: Markdown")
    await settle(pilot)
    await pilot.press("enter")
    target = await wait_for_export(app, pilot)
    assert given and given[0] is not app.screen.tagging.book  # a copy, taken when chosen
    assert given[0] == app.screen.tagging.book
    assert given[0].themes_of(MANCHESTER, "e1") == ("Resources",)
    text = target.read_text(encoding="utf-8")
    assert "Themes most raised: Resources (1 workshop, 1 entry)." in text
    assert "### Resources" in text
