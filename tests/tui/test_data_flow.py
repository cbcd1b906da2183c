"""Attributes down, messages up: screens draw what they are given and post what they want; the
step bar is told the save state; the palette and the help follow the screen they open over."""

from __future__ import annotations

import re
from pathlib import Path

from textual import events
from textual.binding import Binding
from tui_helpers import SIZE, details, make_app, saved, screen_text, settle

from helpers import block_saving, unblock_saving
from workshop.tui.commands import commands_for
from workshop.tui.screens.help import HelpScreen, key_sections
from workshop.tui.screens.principle import PrincipleScreen
from workshop.tui.screens.results import ResultsScreen

TUI = Path(__file__).resolve().parents[2] / "src" / "workshop" / "tui"
ALLOWED_APP_CALLS = {"push_screen", "notify", "bell", "is_headless"}
"""What a screen, widget or dialog may still ask of the app; everything else is handed down."""


def test_screens_widgets_and_dialogs_do_not_reach_into_the_app():
    used: dict[str, set[str]] = {}
    for path in [*TUI.glob("screens/*.py"), *TUI.glob("widgets/*.py"), *TUI.glob("dialogs/*.py")]:
        if path.name == "draft_keeper.py":  # the app's helper, not a screen
            continue
        for name in re.findall(r"self\.app\.(\w+)", path.read_text(encoding="utf-8")):
            used.setdefault(name, set()).add(path.name)
    assert set(used) <= ALLOWED_APP_CALLS, {k: v for k, v in used.items()
                                            if k not in ALLOWED_APP_CALLS}


async def test_n_then_a_in_one_burst_votes_on_the_next_step(protocol, folder):
    """Moving is the app's action, run the moment `n` arrives: the `a` typed right after it
    votes on the first principle's first commitment."""
    app = make_app(protocol, folder, new_details=details())
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        for key in "na":
            app.post_message(events.Key(key, key))
        await settle(pilot)
        assert isinstance(app.screen, PrincipleScreen)
        assert saved(app).counts("share-resources")["agree"] == 1


async def test_a_new_step_is_told_that_saving_fails(protocol, folder):
    app = make_app(protocol, folder, new_details=details())
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("n")
        await settle(pilot)
        path = app.path
        app.autosaver.retry_seconds = 60  # stays failed while we look
        block_saving(path)
        await pilot.press("a")
        await settle(pilot)
        assert "NOT SAVED" in screen_text(app)
        await pilot.press("n")  # a new screen, with a new step bar: the warning stays
        await settle(pilot)
        assert "NOT SAVED" in screen_text(app)
        assert app.screen.save_result == app.save_result and not app.save_result.ok
        unblock_saving(path)


async def test_palette_commands_depend_on_the_screen(protocol, folder):
    app = make_app(protocol, folder)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        names = [c.name for c in commands_for(app, app.screen)]
        assert "Results of every session" in names and "Keys" in names
        assert not any(n.startswith(("Go to:", "Export:")) for n in names)
        app.create_session(details())
        await settle(pilot)
        names = [c.name for c in commands_for(app, app.screen)]
        assert "Go to: Act ethically" in names and "Open another session" in names
        assert "Export: Markdown" in names and "Export: CSV (comments table)" in names
        assert "Results of every session" not in names
        app.action_open_another()
        await settle(pilot)
        app.action_folder_results()
        await settle(pilot)
        assert isinstance(app.screen, ResultsScreen)
        names = [c.name for c in commands_for(app, app.screen)]
        assert "Results: jump to Act ethically" in names and "Export: Excel workbook" in names
        assert not any(n.startswith("Go to:") for n in names)


async def test_help_lists_the_keys_of_the_screen_under_it(protocol, folder):
    app = make_app(protocol, folder)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("question_mark")
        await settle(pilot)
        assert isinstance(app.screen, HelpScreen)
        text = screen_text(app)
        assert "start a new session" in text and "resume the highlighted session" in text
        assert "vote" not in text
        await pilot.press("escape")
        app.create_session(details())
        await settle(pilot)
        app.show_step("recommendation")
        await settle(pilot)
        headings = [title for title, _ in key_sections(app.screen)]
        assert headings == ["The recommendation", "Every step", "Everywhere", "In a text dialog"]
        rows = {row.what: row.keys for _, section in key_sections(app.screen) for row in section}
        assert rows["recommend: adopt with changes"] == ["2"]
        assert rows["go to the next step"] == ["n", "→"]
        assert rows["quit: everything is already saved"] == ["^q"]


async def test_every_key_a_step_declares_is_in_its_help(protocol, folder):
    """Help cannot drift: every key every step screen declares (with a label) is listed."""
    app = make_app(protocol, folder, new_details=details())
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        for step in app.session.steps():
            app.show_step(step)
            await settle(pilot)
            listed = {key for _, rows in key_sections(app.screen) for row in rows
                      for key in row.keys}
            declared = [b for cls in type(app.screen).__mro__ if cls.__module__.startswith(
                "workshop.") for b in cls.__dict__.get("BINDINGS", [])]
            for binding in Binding.make_bindings(declared):
                if binding.description:
                    assert app.get_key_display(binding) in listed, (step, binding)
