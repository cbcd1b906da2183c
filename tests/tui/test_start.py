"""The start screen: sessions newest first with their progress; new, resume, quit."""

from __future__ import annotations

from datetime import date

from tui_helpers import SIZE, make_app, make_session_file, saved, screen_text, settle

from workshop.tui.dialogs.new_session import NewSessionDialog
from workshop.tui.screens.intro import IntroScreen
from workshop.tui.screens.principle import PrincipleScreen
from workshop.tui.screens.start import StartScreen


async def test_lists_sessions_with_progress_and_resumes_the_highlighted(protocol, folder):
    def progress(s):
        s.set_votes("share-resources", {"agree": 3})
        s.set_votes("public-good", {"disagree": 1})
        s.add_answer("benefits", "Trust")
        s.set_step("principle:public-interest")
        s.updated = s.updated.replace(hour=12)

    make_session_file(protocol, folder, group="Older group", session_id="11111111-aaaa")
    make_session_file(protocol, folder, group="Newer group", session_id="22222222-bbbb",
                      changes=[progress])
    (folder / "broken.toml").write_text("not [ toml", encoding="utf-8")
    app = make_app(protocol, folder)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, StartScreen)
        text = screen_text(app)
        assert text.index("Newer group") < text.index("Older group")  # newest first
        assert "2/37 commitments voted, 1/6 questions" in text
        assert "0/37 commitments voted, 0/6 questions" in text
        assert "cannot be read" in text
        await pilot.press("enter")  # the highlighted (first) row
        await settle(pilot)
        assert isinstance(app.screen, PrincipleScreen)
        assert app.screen.step_name == "principle:public-interest"  # where it was left
        assert app.session.meta.group == "Newer group"


async def test_new_session_form_creates_the_file_and_opens_the_introduction(protocol, folder):
    app = make_app(protocol, folder)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert "No sessions yet" in screen_text(app)
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, NewSessionDialog)
        assert app.screen.query_one("#field-date").value == "2026-11-22"  # today by default
        await pilot.press(*"Taunton <Deane> [b]", "enter", *"Tonya", "enter", *"Room 2", "enter",
                          "enter", *"14", "enter")
        await settle(pilot)
        assert isinstance(app.screen, IntroScreen)
        on_disk = saved(app)
        assert on_disk.meta.group == "Taunton <Deane> [b]"
        assert (on_disk.meta.facilitator, on_disk.meta.location) == ("Tonya", "Room 2")
        assert on_disk.meta.participants == 14 and on_disk.meta.date == date(2026, 11, 22)
        assert app.path.parent == folder
        assert "Taunton <Deane> [b]" in screen_text(app)


async def test_new_session_form_checks_its_fields(protocol, folder):
    app = make_app(protocol, folder)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("n")
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "Type the group or organisation's name." in screen_text(app)
        await pilot.press(*"G", "tab", "tab", "tab")
        app.screen.query_one("#field-date").value = "22/11/2026"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "Type the date as YYYY-MM-DD" in screen_text(app)
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, StartScreen)
        assert not folder.exists() or not list(folder.glob("*.toml"))


async def test_q_quits_from_the_start_screen(protocol, folder):
    app = make_app(protocol, folder)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("q")
        await pilot.pause()
    assert app.return_code == 0


async def test_open_another_session_from_the_palette(protocol, folder):
    path = make_session_file(protocol, folder)
    app = make_app(protocol, folder, open_path=path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, IntroScreen)
        await pilot.press("ctrl+p", *"Open another session")
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, StartScreen)
        assert not (folder / (path.name + ".lock")).exists()  # let go of the first session
