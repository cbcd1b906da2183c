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
        rows = {line.split()[0]: line.split() for line in text.splitlines()
                if "group" in line and "2026-11-22" in line}
        assert rows["Newer"][-4:] == ["2/37", "1/6", "in", "progress"]  # voted, answered, status
        assert rows["Older"][-4:] == ["0/37", "0/6", "in", "progress"]
        assert "cannot be read" in text
        # the highlighted (newest) session spelt out below the table
        assert "2/37 commitments voted, 1/6 questions · last saved 2026-11-22 12:00" in text
        assert "facilitator Tonya Meers · 12 participants" in text
        await pilot.press("down", "down")  # the unreadable file: its problem, with its line
        await pilot.pause()
        assert "broken.toml:1:" in screen_text(app)
        await pilot.press("up", "up")
        await pilot.pause()
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
                          *"Somerset [Council]", "enter", "enter", *"14", "enter")
        await settle(pilot)
        assert isinstance(app.screen, IntroScreen)
        on_disk = saved(app)
        assert on_disk.meta.group == "Taunton <Deane> [b]"
        assert (on_disk.meta.facilitator, on_disk.meta.location) == ("Tonya", "Room 2")
        assert on_disk.meta.participants == 14 and on_disk.meta.date == date(2026, 11, 22)
        assert on_disk.meta.authority == "Somerset [Council]"
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
        await pilot.press(*"G", "tab", *"F")
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


async def test_the_table_fits_80_columns_and_cuts_long_names(protocol, folder):
    long_name = "Leeds Health and Wellbeing Board and the Voluntary Sector Forum [b]"
    make_session_file(protocol, folder, group=long_name, session_id="11111111-aaaa",
                      changes=[lambda s: s.mark_complete()])
    app = make_app(protocol, folder)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        lines = screen_text(app).splitlines()
        row = next(line for line in lines if "2026-11-22" in line)
        assert row.rstrip().endswith("complete")  # the last column is on screen
        assert "Leeds Health and" in row and "…" in row and long_name not in row
        assert long_name in screen_text(app)  # in full, below the table


async def test_new_session_form_typed_fast_fills_each_field(protocol, folder):
    """A real terminal delivers "Taunton⏎Tonya⏎" in one burst: each name lands in its field."""
    from textual import events

    app = make_app(protocol, folder)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        keys = ["n", *"Taunton", "enter", *"Tonya", "enter", *"Room 2", "enter", *"Somerset",
                "enter", "enter", *"14", "enter"]
        for key in keys:
            app.post_message(events.Key("space" if key == " " else key,
                                        None if key == "enter" else key))
        await settle(pilot)
        assert isinstance(app.screen, IntroScreen)
        meta = saved(app).meta
        assert (meta.group, meta.facilitator, meta.location, meta.authority,
                meta.participants) == ("Taunton", "Tonya", "Room 2", "Somerset", 14)
