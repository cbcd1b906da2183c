"""Helpers for driving the facilitator's app with Pilot: a fixed clock, a still timer, real files."""

from __future__ import annotations

import os
import time
from datetime import date, datetime, timezone
from pathlib import Path

from workshop.session.file_format import read_session
from workshop.session.model import Session
from workshop.session.store import SessionStore
from workshop.tui.app import WorkshopApp
from workshop.tui.dialogs.new_session import NewSessionDetails

os.environ["TZ"] = "UTC"  # times on screen are local times: make them the same everywhere
time.tzset()

FIXED = datetime(2026, 11, 22, 10, 0, tzinfo=timezone.utc)
SIZE = (100, 30)


class Ticker:
    """A monotonic clock the test moves by hand (the step timer reads it)."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def make_app(protocol, folder: Path, ticker: Ticker | None = None, **kwargs) -> WorkshopApp:
    return WorkshopApp(protocol, SessionStore(folder, protocol), clock=lambda: FIXED,
                       monotonic=ticker or (lambda: 1000.0), **kwargs)


def details(**changes) -> NewSessionDetails:
    values = dict(group="Manchester Partnership Board", facilitator="Tonya Meers",
                  location="Town Hall, Room 2", on=date(2026, 11, 22), participants=12)
    values.update(changes)
    return NewSessionDetails(**values)


def make_session_file(protocol, folder: Path, group: str = "Manchester Partnership Board",
                      session_id: str = "0f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b", **kw) -> Path:
    """A session file made without the UI (fixed id, fixed times), for resuming and snapshots."""
    session = Session.new(protocol, group=group, facilitator="Tonya Meers", location="Town Hall",
                          on=date(2026, 11, 22), participants=kw.pop("participants", 12),
                          clock=lambda: FIXED, session_id=session_id)
    for change in kw.pop("changes", []):
        change(session)
    return SessionStore(folder, protocol).create(session)


async def settle(pilot) -> None:
    """Let the app finish what the keys started, and the autosave reach the disk."""
    await pilot.pause()
    await pilot.app.settle()
    await pilot.pause()


def saved(app: WorkshopApp) -> Session:
    """What the session file on disk holds now."""
    return read_session(app.path, app.protocol)


def screen_text(app: WorkshopApp) -> str:
    """The characters on screen, line by line, as a person would read them."""
    strips = app.screen._compositor.render_strips()
    return "\n".join("".join(segment.text for segment in strip) for strip in strips)


def widget_text(widget) -> str:
    """The plain text of a Static's content, unwrapped (for text too long for one screen line)."""
    from io import StringIO

    from rich.console import Console

    console = Console(file=StringIO(), width=400, color_system=None, legacy_windows=False)
    console.print(widget.content)
    return " ".join(console.file.getvalue().split())
