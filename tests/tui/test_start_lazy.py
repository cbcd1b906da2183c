"""The start screen reads the sessions folder only when it is shown, and never before its first
draw: under a session opened at once (`workshop open FILE`) it reads nothing; shown, it lists
the file names first and fills in each session as a worker thread reads it."""

from __future__ import annotations

from tui_helpers import SIZE, make_app, make_session_file, screen_text, settle

from workshop.session.store import SessionStore
from workshop.tui.screens.intro import IntroScreen
from workshop.tui.screens.start import StartScreen


def count_reads(monkeypatch) -> list:
    """Every file the start screen's listing reads, in order."""
    reads = []
    real = SessionStore.read_one

    def reading(store, path):
        reads.append(path.name)
        return real(store, path)

    monkeypatch.setattr(SessionStore, "read_one", reading)
    return reads


async def test_under_a_session_opened_at_once_the_folder_is_not_read(protocol, folder,
                                                                      monkeypatch):
    reads = count_reads(monkeypatch)
    opened = make_session_file(protocol, folder, group="Opened group")
    make_session_file(protocol, folder, group="Other group", session_id="22222222-bbbb")
    (folder / "broken.toml").write_text("not [ toml", encoding="utf-8")
    app = make_app(protocol, folder, open_path=opened)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, IntroScreen)
        assert reads == []  # not the broken file, nor any other
        await app.run_action("open_another")  # the start screen, shown: now it reads the folder
        await settle(pilot)
        assert isinstance(app.screen, StartScreen)
        assert sorted(reads) == sorted(p.name for p in folder.glob("*.toml"))
        text = screen_text(app)
        assert "Opened group" in text and "Other group" in text and "cannot be read" in text
        assert "3 sessions in" in text


async def test_names_come_first_and_the_sessions_fill_in_as_they_are_read(protocol, folder,
                                                                          monkeypatch):
    older = make_session_file(protocol, folder, group="Older group", session_id="11111111-aaaa")
    newer = make_session_file(protocol, folder, group="Newer group", session_id="22222222-bbbb",
                              changes=[lambda s: setattr(s, "updated",
                                                         s.updated.replace(hour=12))])
    (folder / "broken.toml").write_text("not [ toml", encoding="utf-8")
    held = []
    monkeypatch.setattr(StartScreen, "read_all", lambda self, paths, drawn=None: held.append(paths))
    app = make_app(protocol, folder)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, StartScreen)
        # Drawn with nothing read: each file by name, newest date first, "reading…".
        text = screen_text(app)
        assert older.name[:20] in text and newer.name[:20] in text and "broken.toml" in text
        assert text.count("reading…") >= 3 and "Older group" not in text
        assert "3 sessions in" in text and "newest first" in text
        paths = held[0]
        screen.fill([app.store.read_one(paths[-1])])  # one file read
        await pilot.pause()
        text = screen_text(app)
        assert "broken.toml" in text and text.count("reading…") >= 2
        everything = [app.store.read_one(path) for path in paths]
        screen.fill(everything, copies={})  # all read: in the store's order
        await pilot.pause()
        text = screen_text(app)
        assert "reading…" not in text
        assert text.index("Newer group") < text.index("Older group") < text.index("cannot be")
        assert [x.path for x in screen.listings] == [x.path for x in app.store.list()]


async def test_a_row_not_read_yet_opens_all_the_same(protocol, folder, monkeypatch):
    make_session_file(protocol, folder, group="Only group")
    monkeypatch.setattr(StartScreen, "read_all", lambda self, paths, drawn=None: None)  # never read
    app = make_app(protocol, folder)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert "reading…" in screen_text(app)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, IntroScreen)
        assert app.session.meta.group == "Only group"
