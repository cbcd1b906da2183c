"""The Themes tab (5) of the results view: each theme's counts and quotes, and the keys that
change the codebook (n, r, d, p, delete), checked on the theme file on disk."""

from __future__ import annotations

from io import StringIO

import pytest
from results_fixture import merged_file
from rich.console import Console
from test_tagging import MANCHESTER, codebook, messages, on_disk
from tui_helpers import SIZE, make_app, screen_text, settle, widget_text

from workshop.analysis import theme_file
from workshop.consultation.inputs import read_result
from workshop.consultation.report_build import build_report
from workshop.tui.dialogs.confirm import ConfirmDialog
from workshop.tui.screens.help import HelpScreen
from workshop.tui.screens.results import ResultsScreen

LEEDS = "2222aaaa-0000-4000-8000-000000000001"


def tagged(protocol, path):
    """Resources (with Funding under it) and Training; three comments on 1.1 and one answer
    tagged: Manchester's and Leeds' comments Resources, Bristol's Funding, Manchester's answer
    Training and Resources."""
    book = codebook("Resources", ("Funding", "Resources"), "Training")
    book.describe("Resources", "Money, staff and buildings")
    for note in build_report(read_result(path, protocol), protocol).notes():
        names = []
        if note.kind == "comments" and note.target == "share-resources":
            names = ["Funding"] if note.group.startswith("Bristol") else (
                ["Resources"] if note.group.startswith(("Manchester", "Leeds")) else [])
        if note.kind == "answers" and note.session_id == MANCHESTER:
            names = ["Training", "Resources"]
        for name in names:
            book.tag(note.session_id, note.entry_id, note.kind, note.target, note.text, name)
    return book


@pytest.fixture
async def tab(protocol, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    path = merged_file(protocol, tmp_path)
    theme_file.save(tagged(protocol, path), theme_file.sidecar_path(path))
    app = make_app(protocol, tmp_path / "sessions", results_path=path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("5")
        await settle(pilot)
        yield app, pilot, path


def plain(renderable) -> str:
    console = Console(file=StringIO(), width=60, color_system=None)
    console.print(renderable)
    return console.file.getvalue().rstrip()


def listed(app) -> list[str]:
    """The names of the themes as listed (each row without its counts)."""
    listing = app.screen.query_one("#theme-list")
    return [plain(listing.get_option_at_index(i).prompt).strip().split("  ")[0]
            for i in range(listing.option_count)]


def detail(app) -> str:
    return widget_text(app.screen.query_one("#theme-detail"))


async def test_every_theme_with_its_counts_and_the_highlighted_one_in_detail(tab):
    app, _, _ = tab
    text = screen_text(app)
    assert "4 of 13 comments, proposed wordings and answers tagged · 3 themes" in text
    assert listed(app) == ["Resources", "Funding", "Training"]
    assert "Resources 4 entries, 3 workshops" in " ".join(text.split())
    assert "   Funding" in text  # indented under its parent
    shown = detail(app)
    assert shown.startswith("Resources 4 entries, 3 workshops; 3 tagged Resources itself")
    assert "Money, staff and buildings" in shown
    # the commitments and questions it is on, with counts (a child's own count beside it)
    assert ("1.1 Share resources to achieve joint outcomes: Resources 2 (2 workshops) · "
            "Funding 1 (1 workshop)") in shown
    assert "Q6 " in shown and ": Resources 1 (1 workshop)" in shown
    # its quotes, each with its workshop
    assert "Comment on 1.1 · Manchester Partnership Board, 2 November 2026" in shown
    assert "Comment from Bristol Community Safety Partnership" in shown
    assert "Answer on Q6 · Manchester Partnership Board, 2 November 2026" in shown


async def test_the_other_tabs_show_theme_counts(tab):
    app, pilot, _ = tab
    await pilot.press("1")
    await settle(pilot)
    assert ("Themes: Resources 2 (2 workshops) · Funding 1 (1 workshop)"
            in widget_text(app.screen.query_one("#result-text")))
    await pilot.press("4")
    await settle(pilot)
    findings = widget_text(app.screen.query_one("#findings-text"))
    assert "Themes most raised: Resources (3 workshops, 4 entries); Training (1 workshop, 1 " \
           "entry). 4 of 13 comments, proposed wordings and answers are tagged." in findings


async def test_rename_keeps_every_tag(tab):
    app, pilot, path = tab
    await pilot.press("r", "ctrl+u", *"Money", "enter")
    await settle(pilot)
    book = on_disk(path)
    assert [t.name for t in book.themes] == ["Money", "Funding", "Training"]
    assert book.theme("Funding").parent == "Money"
    assert book.uses("Money") == 3
    assert listed(app)[0] == "Money" and detail(app).startswith("Money")


async def test_renaming_onto_another_theme_merges_them_after_asking(tab):
    app, pilot, path = tab
    await pilot.press("end")  # Training
    await pilot.press("r", "ctrl+u", *"resources", "enter")
    await settle(pilot)
    assert isinstance(app.screen, ConfirmDialog)
    assert "Merge 'Training' into 'Resources'?" in screen_text(app)
    said = widget_text(app.screen.query_one(".dialog-detail"))
    assert ("1 entry tagged 'Training' gets 'Resources' instead (once each); 'Training' is "
            "gone from the codebook.") in said
    await pilot.press("n")
    await settle(pilot)
    assert len(on_disk(path).themes) == 3
    await pilot.press("r", "ctrl+u", *"resources", "enter", "y")
    await settle(pilot)
    book = on_disk(path)
    assert [t.name for t in book.themes] == ["Resources", "Funding"]
    assert book.themes_of(MANCHESTER, "e4") == ("Resources",)  # once, not twice
    assert listed(app)[0] == "Resources" and app.screen.themes_pane().highlighted_theme == \
        "Resources"
    assert any("'Training' merged into 'Resources'" in m for m in messages(app))


async def test_a_filter_follows_its_theme_when_renamed(tab):
    app, pilot, _ = tab
    await pilot.press("T", *"fund", "enter", "down", "r", "ctrl+u", *"Grants", "enter")
    await settle(pilot)
    assert "Theme: Grants (T)" in screen_text(app)


async def test_describe_parent_new_and_remove(tab):
    app, pilot, path = tab
    await pilot.press("down", "d", "ctrl+u", *"Bids and grants", "enter")
    await settle(pilot)
    assert on_disk(path).theme("Funding").description == "Bids and grants"
    await pilot.press("p", *"top", "enter")
    await settle(pilot)
    assert on_disk(path).theme("Funding").parent == ""
    await pilot.press("p", *"tra", "enter")
    await settle(pilot)
    assert on_disk(path).theme("Funding").parent == "Training"
    await pilot.press("n", *"Welsh language", "enter")
    await settle(pilot)
    assert on_disk(path).find("Welsh language") is not None
    assert app.screen.themes_pane().highlighted_theme == "Welsh language"
    await pilot.press("home", "delete")
    await settle(pilot)
    assert isinstance(app.screen, ConfirmDialog)
    assert "3 entries lose it (the entries themselves stay)." in screen_text(app)
    await pilot.press("y")
    await settle(pilot)
    book = on_disk(path)
    assert book.find("Resources") is None
    assert book.themes_of(MANCHESTER, "e4") == ("Training",)
    assert len(book.tags) == 2  # Bristol's Funding and Manchester's Training are left


async def test_a_refused_change_says_why_and_changes_nothing(tab):
    app, pilot, path = tab
    before = theme_file.sidecar_path(path).read_bytes()
    await pilot.press("p", *"tra", "enter")  # Resources has Funding under it: stays on top
    await settle(pilot)
    assert any("has themes under it" in m for m in messages(app))
    assert theme_file.sidecar_path(path).read_bytes() == before


async def test_codebook_keys_work_in_the_themes_tab_only(tab):
    app, pilot, path = tab
    before = theme_file.sidecar_path(path).read_bytes()
    await pilot.press("1", "r")
    await settle(pilot)
    assert isinstance(app.screen, ResultsScreen)
    assert any("r renames a theme in the Themes tab (5)" in m for m in messages(app))
    assert theme_file.sidecar_path(path).read_bytes() == before


async def test_the_help_lists_the_tagging_keys(tab):
    app, pilot, _ = tab
    await pilot.press("question_mark")
    await settle(pilot)
    assert isinstance(app.screen, HelpScreen)
    text = " ".join(widget_text(app.screen.query_one("#help-keys")).split())
    for said in ("t tag the highlighted comment", "T show only the entries",
                 "5 the Themes tab", "The Themes tab (5)", "n make a new theme",
                 "r rename the highlighted theme", "d describe", "p put the highlighted theme",
                 "del remove the highlighted theme"):
        assert said in text, said
