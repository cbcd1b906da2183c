"""`workshop follow`: the projector view in a terminal, for a room with a second screen but
no browser. Read-only: it follows a `ProjectorSource` (projector/source.py), which only ever
reads the session file and its projector sidecar, so it never writes a file or takes a lock.

Four times a second the source is asked for its frame in a worker thread (a stat unless the
file changed, then one read); a new frame is laid out by the one screen (screen.py). Built the
same way by the CLI and the tests: `ProjectorApp(source, theme=...)`.
"""

from __future__ import annotations

import asyncio

from textual.app import App
from textual.binding import Binding

from workshop.projector.source import ProjectorSource
from workshop.projector.themes import DEFAULT_THEME
from workshop.projector.view import Frame
from workshop.tui.projector.screen import ProjectorScreen
from workshop.tui.projector.themes import TEXTUAL_THEMES

POLL_SECONDS = 0.25
"""How often the file is looked at: a save shows within a second, with room to spare."""


class ProjectorApp(App):
    CSS_PATH = ["projector.tcss", "../tones.tcss"]
    TITLE = "workshop follow"
    ENABLE_COMMAND_PALETTE = False
    BINDINGS = [
        Binding("q,ctrl+q", "quit", "Quit", tooltip="Stop following (nothing needs saving)"),
    ]

    def __init__(self, source: ProjectorSource, *, theme: str = DEFAULT_THEME,
                 poll_seconds: float = POLL_SECONDS) -> None:
        super().__init__()
        self.source = source
        self.poll_seconds = poll_seconds
        self.shown: Frame | None = None
        """The frame on screen (tests read it)."""
        self._polling = False
        textual_theme = TEXTUAL_THEMES[theme]
        if textual_theme is not None:
            self.register_theme(textual_theme)
            self.theme = textual_theme.name

    def on_mount(self) -> None:
        self.push_screen(ProjectorScreen(self.source.protocol))
        self.set_interval(self.poll_seconds, self.poll)
        self.call_after_refresh(self.poll)

    async def poll(self) -> None:
        """Ask the source for its frame (off the UI thread) and show it if it changed."""
        if self._polling:
            return
        self._polling = True  # until the frame is laid out: laying out can await new rows
        try:
            frame = await asyncio.to_thread(self.source.poll)
            if self.shown is not None and frame.version == self.shown.version:
                return
            screen = self.screen
            if isinstance(screen, ProjectorScreen) and screen.is_mounted:
                await screen.show(frame)
                self.shown = frame
        finally:
            self._polling = False
