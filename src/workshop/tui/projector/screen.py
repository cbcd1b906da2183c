"""The projector's one screen: the step, the highlighted commitment large and bold, and its
counts as patterned bars with large digits, or a note while the facilitator has blanked them.

The rows follow the session's options: a consultation's vote options (three rows, each three
lines tall), or an assessment's scale (five rows of one line each, `-scale`, so they fit 80x24,
with the mean in the summary). They are made again when the frame's options change (the
folder's newest session can be of another mode). On a sign-up step the screen lists the
organisations signed so far with their signatories' roles (never a name).

Attributes down: the app hands each new `Frame` (projector/view.py) to `show`; the screen only
lays it out. Every word from the session goes in as a `Text`, never as markup.
"""

from __future__ import annotations

import asyncio

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import Static

from workshop.projector.view import Frame, OptionBar, SignedUp
from workshop.protocol.model import Protocol
from workshop.tui.projector.widgets import OptionRow

WAITING = "Waiting for the session…"


class ProjectorScreen(Screen):
    """A read-only view for the room; nothing on it can change the session."""

    def __init__(self, protocol: Protocol) -> None:
        super().__init__()
        self.protocol = protocol
        self.frame: Frame | None = None
        """The frame on screen (None before the first)."""
        self._rows_lock = asyncio.Lock()

    def compose(self) -> ComposeResult:
        with Horizontal(id="proj-bar"):
            yield Static("", id="proj-group")
            yield Static("", id="proj-step")
        with Vertical(id="proj-body"):
            yield Static("", id="proj-heading")
            yield Static(Text(WAITING), id="proj-text")
            yield Static("", id="proj-detail")
            with Vertical(id="proj-votes"):
                tones = self.protocol.tones
                for option in self.protocol.vote_options:
                    yield OptionRow(option.id, option.label, tones[option.id])
                yield Static("", id="proj-summary")
            yield Static("", id="proj-signed")
            yield Static("", id="proj-note")
        yield Static("", id="proj-problem")

    async def on_mount(self) -> None:
        await self.show(Frame())  # "Waiting…" and nothing else until the first frame arrives

    def _put(self, selector: str, text: str, style: str = "") -> None:
        widget = self.query_one(selector, Static)
        widget.update(Text(text, style=style))
        widget.display = bool(text)

    async def show(self, frame: Frame) -> None:
        """Lay out a frame (the app calls this each time the frame changes)."""
        self.frame = frame
        view = frame.view
        self._put("#proj-problem", frame.problem)
        if view is None:
            for selector in ("#proj-group", "#proj-step", "#proj-heading", "#proj-detail",
                             "#proj-note"):
                self._put(selector, "")
            self._put("#proj-text", frame.waiting or WAITING)
            self.query_one("#proj-votes").display = False
            self._put("#proj-signed", "")
            return
        self._put("#proj-group", f"{view.group} · {view.date}")
        self._put("#proj-step", f"{view.position} {view.step_title}")
        self._put("#proj-heading", view.heading)
        self._put("#proj-text", view.text)
        self._put("#proj-detail", view.detail)
        self._put("#proj-note", view.note)
        self.set_class(view.mode == "assess", "-scale")
        signed = self.query_one("#proj-signed", Static)
        signed.update(signed_text(view.signed))
        signed.display = view.kind == "sign-up"
        votes = self.query_one("#proj-votes")
        votes.display = view.votes is not None
        if view.votes is not None:
            await self.option_rows(view.votes.bars)
            for bar in view.votes.bars:
                self.query_one(f"#option-{bar.id}", OptionRow).show(bar)
            summary = self.query_one("#proj-summary", Static)
            summary.update(Text(view.votes.summary))
            summary.set_class(view.votes.over, "-over")

    async def option_rows(self, bars: tuple[OptionBar, ...]) -> None:
        """One row per bar, in order: the rows there are, or new ones when the options changed
        (the old ones gone before the new are mounted, as they may share ids; one change at a
        time, so two frames laid out at once cannot mount the same rows twice)."""
        async with self._rows_lock:
            rows = list(self.query(OptionRow))
            if [row.option_id for row in rows] == [bar.id for bar in bars]:
                return
            box = self.query_one("#proj-votes")
            await box.remove_children(rows)
            await box.mount_all([OptionRow(bar.id, bar.label, bar.tone, bar) for bar in bars],
                                before=self.query_one("#proj-summary"))


def signed_text(signed: tuple[SignedUp, ...]) -> Text:
    """The organisations signed so far, one a line, each with its signatory's role."""
    if not signed:
        return Text("No organisation has signed yet.", style="italic")
    out = Text()
    for number, one in enumerate(signed, start=1):
        out.append(f"{number}. ", style="dim")
        out.append(one.organisation, style="bold")
        if one.role:
            out.append(f" · {one.role}", style="dim")
        out.append("\n" if number < len(signed) else "")
    return out
