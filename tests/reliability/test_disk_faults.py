"""A disk that fails: ENOSPC or EIO at write, fsync or replace, then quitting and SIGTERM.

Tests run as root, so a read-only folder would not fail: the faults are made by replacing
`os.fdopen` (whose file's write fails), `os.fsync` and `os.replace`, and only for files in the
sessions folder, so a copy written elsewhere works (`DiskFault`). Each test drives the app with
Pilot: the step bar shows NOT SAVED; quitting warns and offers retry, a copy elsewhere, or quit
anyway; SIGTERM writes an emergency copy that the next start names; a bug in the writer (an
exception that is not a StoreError) is NOT SAVED too and the writer lives on.
"""

from __future__ import annotations

import errno
import os
import signal
from datetime import date, datetime, timezone
from pathlib import Path

import pytest
from textual.widgets import Input

from workshop.session import emergency
from workshop.session.autosave import session_bytes
from workshop.session.file_format import read_session, session_to_dict
from workshop.session.store import SessionStore
from workshop.tui.app import WorkshopApp
from workshop.tui.dialogs.confirm import ConfirmDialog
from workshop.tui.dialogs.new_session import NewSessionDetails
from workshop.tui.dialogs.unsaved import UnsavedDialog
from workshop.tui.screens.start import StartScreen

FIXED = datetime(2026, 11, 22, 10, 0, tzinfo=timezone.utc)
SIZE = (100, 30)
COMMITMENT = "share-resources"


class DiskFault:
    """Makes `step` (write, fsync or replace) fail with `code` for files in `folder`."""

    def __init__(self, monkeypatch, folder: Path, step: str, code: int = errno.ENOSPC) -> None:
        self.folder = Path(folder).resolve()
        self.code = code
        self.on = True
        real_fdopen, real_fsync, real_replace = os.fdopen, os.fsync, os.replace
        fault = self

        class FailingFile:
            def __init__(self, fd, *args, **kwargs):
                self.inside = fault.hits(fault.fd_path(fd))
                self.file = real_fdopen(fd, *args, **kwargs)

            def __enter__(self):
                return self

            def __exit__(self, *exc):
                self.file.close()

            def write(self, data):
                if self.inside:
                    self.file.write(data[: len(data) // 2])  # half written, then the disk fills
                    fault.fail()
                return self.file.write(data)

            def __getattr__(self, name):
                return getattr(self.file, name)

        def fsync(fd):
            if fault.hits(fault.fd_path(fd)):
                fault.fail()
            return real_fsync(fd)

        def replace(src, dst, *args, **kwargs):
            if fault.hits(Path(dst)):
                fault.fail()
            return real_replace(src, dst, *args, **kwargs)

        patched = {"write": ("fdopen", FailingFile), "fsync": ("fsync", fsync),
                   "replace": ("replace", replace)}[step]
        monkeypatch.setattr(os, *patched)

    @staticmethod
    def fd_path(fd: int) -> Path | None:
        try:
            return Path(os.readlink(f"/proc/self/fd/{fd}"))
        except OSError:
            return None

    def hits(self, path: Path | None) -> bool:
        if not self.on or path is None:
            return False
        path = Path(path).resolve()
        return path == self.folder or path.parent == self.folder

    def fail(self) -> None:
        raise OSError(self.code, os.strerror(self.code))


FAULTS = [(step, code) for step in ("write", "fsync", "replace")
          for code in (errno.ENOSPC, errno.EIO)]
FAULT_IDS = [f"{step}-{errno.errorcode[code]}" for step, code in FAULTS]


@pytest.fixture(autouse=True)
def elsewhere(tmp_path, monkeypatch) -> list[Path]:
    """The home and temporary folders copies fall back to: here, not the real ones."""
    home, temp = tmp_path / "home", tmp_path / "temp"
    home.mkdir()
    temp.mkdir()
    monkeypatch.setattr(emergency, "fallback_folders", lambda: [home, temp])
    monkeypatch.setattr(Path, "home", classmethod(lambda cls: home))
    return [home, temp]


@pytest.fixture
def folder(tmp_path) -> Path:
    return tmp_path / "sessions"


def make_app(protocol, folder: Path, **kwargs) -> WorkshopApp:
    return WorkshopApp(protocol, SessionStore(folder, protocol), clock=lambda: FIXED,
                       monotonic=lambda: 1000.0, **kwargs)


def new_details() -> NewSessionDetails:
    return NewSessionDetails("Disk Fault Group", "F", "Room", date(2026, 11, 22), 12)


async def settle(pilot) -> None:
    await pilot.pause()
    await pilot.app.settle()
    await pilot.pause()


def screen_text(app: WorkshopApp) -> str:
    strips = app.screen._compositor.render_strips()
    return "\n".join("".join(segment.text for segment in strip) for strip in strips)


def toast_titles(app: WorkshopApp) -> list[str]:
    return [note.title for note in app._notifications]


async def vote_while_failing(pilot, monkeypatch, folder: Path, step: str, code: int) -> DiskFault:
    """On the first principle, a fault starts and `a` is pressed: NOT SAVED on screen."""
    app = pilot.app
    await settle(pilot)
    await pilot.press("n")
    await settle(pilot)
    app.autosaver.retry_seconds = 60  # no retry by itself while the test looks
    fault = DiskFault(monkeypatch, folder, step, code)
    await pilot.press("a")
    await settle(pilot)
    assert "NOT SAVED" in screen_text(app)
    assert app.session.counts(COMMITMENT)["agree"] == 1
    return fault


@pytest.mark.parametrize("step,code", FAULTS, ids=FAULT_IDS)
async def test_quitting_while_not_saved_warns_and_retry_saves_once_the_fault_clears(
        protocol, folder, monkeypatch, step, code):
    app = make_app(protocol, folder, new_details=new_details())
    async with app.run_test(size=SIZE) as pilot:
        fault = await vote_while_failing(pilot, monkeypatch, folder, step, code)
        path = app.path
        await pilot.press("ctrl+q")
        await settle(pilot)
        assert isinstance(app.screen, UnsavedDialog)  # did not quit
        assert "only in memory" in screen_text(app) and os.strerror(code) in screen_text(app)
        await pilot.press("r")  # still failing: asked again, still running
        await settle(pilot)
        assert isinstance(app.screen, UnsavedDialog) and "Still not saved" in screen_text(app)
        fault.on = False
        await pilot.press("r")
        await settle(pilot)
    assert app.return_code == 0
    assert read_session(path, protocol).counts(COMMITMENT)["agree"] == 1


@pytest.mark.parametrize("to_home", [True, False], ids=["home", "chosen-folder"])
async def test_save_a_copy_writes_a_session_file_that_opens(protocol, folder, monkeypatch,
                                                             tmp_path, elsewhere, to_home):
    app = make_app(protocol, folder, new_details=new_details())
    chosen = elsewhere[0] if to_home else tmp_path / "usb stick"
    chosen.mkdir(exist_ok=True)
    async with app.run_test(size=SIZE) as pilot:
        fault = await vote_while_failing(pilot, monkeypatch, folder, "replace", errno.ENOSPC)
        path = app.path
        await pilot.press("ctrl+q")
        await settle(pilot)
        folder_input = app.screen.query_one("#copy-folder", Input)
        assert folder_input.value == str(elsewhere[0])  # the home folder by default
        if not to_home:
            folder_input.value = str(chosen)
        expected = session_bytes(session_to_dict(app.session))
        await pilot.press("c")
        await settle(pilot)
    assert app.return_code == 0
    copies = list(chosen.glob("*.toml"))
    assert [c.name.split(".copy-")[0] for c in copies] == [path.stem]
    assert copies[0].read_bytes() == expected  # the bytes the autosaver would have written
    assert read_session(copies[0], protocol).counts(COMMITMENT)["agree"] == 1
    fault.on = False
    assert read_session(path, protocol).counts(COMMITMENT)["agree"] == 0  # the file is behind
    if to_home:  # copies in the places copies go are named when the session opens again
        opened = make_app(protocol, folder, open_path=path)
        async with opened.run_test(size=SIZE) as pilot:
            await settle(pilot)
            assert any(copies[0].name in n.message for n in opened._notifications)


async def test_quit_anyway_asks_a_second_time_then_quits(protocol, folder, monkeypatch):
    app = make_app(protocol, folder, new_details=new_details())
    async with app.run_test(size=SIZE) as pilot:
        await vote_while_failing(pilot, monkeypatch, folder, "write", errno.EIO)
        path = app.path
        await pilot.press("ctrl+q", "q")
        await settle(pilot)
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("n")  # go back: the choices again
        await settle(pilot)
        assert isinstance(app.screen, UnsavedDialog)
        await pilot.press("escape")  # keep working
        await settle(pilot)
        assert not isinstance(app.screen, (UnsavedDialog, ConfirmDialog))
        await pilot.press("ctrl+q", "q")
        await settle(pilot)
        await pilot.press("y")
        await settle(pilot)
    assert app.return_code == 0
    assert read_session(path, protocol).counts(COMMITMENT)["agree"] == 0  # lost, as agreed


async def test_opening_another_session_while_not_saved_warns_too(protocol, folder, monkeypatch):
    app = make_app(protocol, folder, new_details=new_details())
    async with app.run_test(size=SIZE) as pilot:
        fault = await vote_while_failing(pilot, monkeypatch, folder, "fsync", errno.ENOSPC)
        app.action_open_another()
        await settle(pilot)
        assert isinstance(app.screen, UnsavedDialog)
        fault.on = False
        await pilot.press("r")
        await settle(pilot)
        assert isinstance(app.screen, StartScreen)
        assert app.live is None


@pytest.mark.parametrize("home_writable", [True, False], ids=["home", "temp"])
async def test_sigterm_while_failing_writes_an_emergency_copy_named_on_the_next_start(
        protocol, folder, monkeypatch, elsewhere, home_writable):
    home, temp = elsewhere
    if not home_writable:
        home.rmdir()  # nowhere to put it at home: the temporary folder takes it
    app = make_app(protocol, folder, new_details=new_details())
    async with app.run_test(size=SIZE) as pilot:
        await vote_while_failing(pilot, monkeypatch, folder, "replace", errno.ENOSPC)
        path = app.path
        expected = session_bytes(session_to_dict(app.session))
        os.kill(os.getpid(), signal.SIGTERM)
        await pilot.pause(0.2)
    assert app.return_code == 0
    monkeypatch.setattr(os, "replace", os.replace)  # the disk works again
    copies = emergency.copies_of(path)
    assert len(copies) == 1 and copies[0].parent == (home if home_writable else temp)
    assert copies[0] == app.leaving.emergency_copy
    assert copies[0].name.startswith(f"{path.stem}.emergency-20")
    assert copies[0].read_bytes() == expected
    assert read_session(copies[0], protocol).counts(COMMITMENT)["agree"] == 1

    again = make_app(protocol, folder)  # the start screen names it
    async with again.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert isinstance(again.screen, StartScreen)
        text = "".join(screen_text(again).split())  # a long path wraps anywhere
        assert f"{path.name}couldnotbesaved" in text and copies[0].name in text
    opened = make_app(protocol, folder, open_path=path)  # and so does `workshop open` of it
    async with opened.run_test(size=SIZE) as pilot:
        await settle(pilot)
        notices = [n.message for n in opened._notifications]
        assert any(copies[0].name in n for n in notices), notices


async def test_an_unexpected_error_in_the_writer_is_not_saved_and_the_writer_lives_on(
        protocol, folder, monkeypatch):
    """Not a StoreError: a bug. It used to end the writer thread while the bar said Saved."""
    import workshop.session.autosave as autosave

    real = autosave.atomic_write
    broken = {"on": True}

    def atomic_write(path, data, *args, **kwargs):
        if broken["on"]:
            raise RuntimeError("a bug in the writer")
        return real(path, data, *args, **kwargs)

    monkeypatch.setattr(autosave, "atomic_write", atomic_write)
    app = make_app(protocol, folder, new_details=new_details())
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("n", "a")
        await settle(pilot)
        assert "NOT SAVED" in screen_text(app) and "RuntimeError" in app.save_result.error
        assert app.autosaver.alive
        assert toast_titles(app) == ["NOT SAVED"]
        broken["on"] = False
        app.autosaver.retry_seconds = 0.05
        await pilot.press("a")
        for _ in range(100):
            await pilot.pause(0.05)
            if app.save_result.ok:
                break
        await settle(pilot)
        assert "NOT SAVED" not in screen_text(app)
        assert "NOT SAVED" not in toast_titles(app)  # the toast goes as soon as saving works
        assert read_session(app.path, protocol).counts(COMMITMENT)["agree"] == 2
