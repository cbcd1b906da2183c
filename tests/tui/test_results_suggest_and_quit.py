"""The results view's `S` (suggested themes, screens/suggestions.py) over a merged file, and
quitting the app (ctrl+q) while an analyst's themes could not be saved."""

from __future__ import annotations

from results_fixture import merged_file
from tui_helpers import SIZE, make_app, screen_text, settle

from helpers import block_saving, unblock_saving
from test_themes_suggest_cli import MONEY, consultation
from workshop.analysis import theme_file
from workshop.consultation.inputs import read_result
from workshop.consultation.report_build import build_report
from workshop.tui.dialogs.confirm import ConfirmDialog
from workshop.tui.screens.results import ResultsScreen
from workshop.tui.screens.suggestions import SuggestionsScreen

MONEY_LABEL = "budget · money · funding · partners"


async def test_s_suggests_and_an_accepted_group_is_tagged_and_saved(protocol, tmp_path,
                                                                     monkeypatch):
    monkeypatch.chdir(tmp_path)
    path = consultation(protocol, tmp_path)
    app = make_app(protocol, tmp_path / "sessions", results_path=path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("S")
        await pilot.pause()
        assert isinstance(app.screen, SuggestionsScreen)
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert MONEY_LABEL in screen_text(app)
        await pilot.press("a", "escape")  # accept the first group, then back to the results
        await settle(pilot)
        assert isinstance(app.screen, ResultsScreen)
        assert any("Tagged 4 entries from the suggestions" in n.message
                   for n in app._notifications)
        await pilot.press("5")
        await settle(pilot)
        assert MONEY_LABEL in screen_text(app)  # the Themes tab shows the new theme
    book = theme_file.load(theme_file.sidecar_path(path))
    report = build_report(read_result(path, protocol), protocol, book)
    assert {n.text for n in report.notes() if n.themes == (MONEY_LABEL,)} == set(MONEY)


async def test_rejecting_every_suggestion_tags_nothing(protocol, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    path = consultation(protocol, tmp_path)
    app = make_app(protocol, tmp_path / "sessions", results_path=path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("S")
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("x", "x", "x")
        await settle(pilot)
        assert isinstance(app.screen, ResultsScreen)
    assert not theme_file.sidecar_path(path).exists()  # nothing chosen, nothing written


async def test_quitting_with_unsaved_themes_asks_first(protocol, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    path = merged_file(protocol, tmp_path)
    sidecar = theme_file.sidecar_path(path)
    sidecar.write_bytes(b'format = "workshop-themes"\nformat_version = 1\n')
    app = make_app(protocol, tmp_path / "sessions", results_path=path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        block_saving(sidecar)
        await pilot.press("t", *"Access", "enter")  # a new theme, which cannot be saved
        await settle(pilot)
        assert "Themes NOT SAVED" in screen_text(app)
        await pilot.press("ctrl+q")
        await settle(pilot)
        assert isinstance(app.screen, ConfirmDialog)
        assert "cannot be saved" in screen_text(app)
        await pilot.press("n")  # stay
        await settle(pilot)
        assert isinstance(app.screen, ResultsScreen) and app.is_running
        unblock_saving(sidecar)
        await pilot.press("ctrl+q")  # the themes save now, so it quits at once
        await settle(pilot)
        assert not app.is_running
    assert [t.name for t in theme_file.load(sidecar).themes] == ["Access"]
