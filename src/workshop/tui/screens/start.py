"""The start screen: the sessions in the folder, newest first; start a new one or resume.

It is given the sessions folder and the protocol; resuming and starting go up as messages
(`SessionOpenRequested`, `NewSessionRequested`), and `n` is the app's action, run at once so a
fast typist's details land in the form.

The table fits the terminal (80 columns included): the fixed columns keep their width and the
group and location share what is left, cut with "…" when long. The highlighted session's file,
facilitator, head count and last save are spelt out below the table. A session that could not
be saved when it was last closed has a copy elsewhere (session/emergency.py): a red notice above
the table names each one.

A session that is not a consultation takes two lines: its group, then its mode and its progress
in the words that fit it (`Assessment · 23/37 commitments rated, 2 actions`, `Sign-up · 3
organisations signed`; at 80 columns `Assessment`, `Sign-up · 3 signed`, the words in full
below the table); the figures a mode does not ask for show as `–`.

The folder is listed only when the screen is shown (not while it waits under the session
`workshop open FILE` opened), and in two steps: the file names at once, newest date first, then
each file read in a worker thread, the rows filled in as they are read and put in order (newest
session first, unreadable files last), so a thousand sessions never hold up the first draw
(benchmarks/startup.py). A row not read yet says "reading…"; enter opens it all the same.

The sessions folder is named by its full path ("No sessions yet in /home/tonya/sessions"): the
default, `./sessions`, depends on where `workshop` was started, and a facilitator needs to know
which folder to copy from or back up.
"""

from __future__ import annotations

import os
import threading
import time
from pathlib import Path

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.message import Message
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Static
from textual.worker import get_current_worker

from workshop.errors import display_path
from workshop.protocol.model import Protocol
from workshop.session.emergency import copies_in
from workshop.session.kinds import Mode
from workshop.session.model import Session
from workshop.session.store import Listing, SessionStore, in_order
from workshop.tui.messages import NewSessionRequested, SessionOpenRequested
from workshop.tui.start_listing import LISTING

FIXED_COLUMNS = (("Date", 10), ("Voted", 5), ("Answered", 8), ("Status", 11))
"""Columns whose width does not depend on what people typed."""

FILL_EVERY = 0.3
"""Seconds between two fillings of the table while the folder is read, per hundred files (each
filling lays out every row: a thousand files are filled in every 3 s, not 70 times)."""


def full_path(folder: Path) -> str:
    """The folder as an absolute path, as the facilitator would type it (links not followed)."""
    return os.path.abspath(folder)


def mode_line(session: Session, protocol: Protocol) -> str:
    """The session's progress in words (report_build.progress_text), after its mode when it is
    not a consultation: `Assessment · 23/37 commitments rated, 2 actions`."""
    from workshop.consultation.progress import progress_text  # not before the screen is drawn

    words = progress_text(session, protocol)
    return words if session.mode is Mode.CONSULT else f"{session.mode.label} · {words}"


def figures(session: Session, protocol: Protocol) -> tuple[str, str]:
    """The Voted and Answered columns (consultation/progress.py, imported with the first row:
    the report it needs is not needed before the first draw)."""
    from workshop.consultation.progress import progress

    return progress(session, protocol)


def fitted_mode_line(session: Session, protocol: Protocol, width: int) -> str:
    """`mode_line` where the column has room for it; else the mode alone, with a sign-up's
    count (`Sign-up · 3 signed`: its other columns are `–`), so nothing is cut mid-word."""
    line = mode_line(session, protocol)
    if len(line) <= width:
        return line
    if session.mode is Mode.SIGN_UP:
        return f"{session.mode.label} · {len(session.signatories)} signed"
    return session.mode.label


def _cell(value: str, width: int, style: str = "") -> Text:
    """User text for a cell: literal, on one line, cut with "…" to fit."""
    text = Text(" ".join(value.split()), style=style)
    text.truncate(width, overflow="ellipsis")
    return text


class RowsRead(Message):
    """Files read by the worker thread; with `copies`, the last of them."""

    def __init__(self, read: list[Listing], copies: dict[Path, list[Path]] | None = None):
        super().__init__()
        self.read = read
        self.copies = copies


class StartScreen(Screen):
    HELP_SECTION = "Sessions"
    """The heading of these keys in the help screen (help.py)."""

    BINDINGS = [
        Binding("n", "app.new_session", "New session", tooltip="Start a new session",
                priority=True),
        Binding("enter", "resume", "Resume", tooltip="Resume the highlighted session",
                priority=True),
        Binding("v", "app.folder_results", "Results", tooltip="The results of every session here",
                priority=True),
        Binding("j", "move(1)", "Down", tooltip="Highlight the next session", show=False,
                priority=True),
        Binding("k", "move(-1)", "Up", tooltip="Highlight the previous session", show=False,
                priority=True),
        Binding("q", "app.quit", "Quit", show=False, priority=True),  # the footer shows ^q
        Binding("question_mark,f1", "app.help", "Keys", tooltip="Show every key", priority=True),
    ]

    listings: list[Listing] = []
    listed = False
    """Whether the folder has been listed (it is, the first time the screen is shown)."""

    def __init__(self, store: SessionStore, protocol: Protocol) -> None:
        super().__init__()
        self.store = store
        self.protocol = protocol

    def compose(self) -> ComposeResult:
        protocol = self.protocol
        title = Text()
        title.append("workshop", style="bold")
        title.append(f" · {protocol.title} (version {protocol.version})", style="dim")
        yield Static(title, id="start-title")
        yield Static(id="start-notice")
        yield Static(id="start-hint")
        yield DataTable(id="sessions", cursor_type="row", zebra_stripes=True)
        yield Static(id="start-selected")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one(DataTable).focus()

    def on_screen_resume(self) -> None:
        if not self.listed and self.is_current:  # shown, not already replaced by a session
            self.reload()

    def on_resize(self) -> None:
        self.draw()  # the widths change; the files have not, so they are not read again

    def _widths(self) -> tuple[int, int]:
        """Widths of the Group and Location columns: what the fixed columns leave."""
        table = self.query_one(DataTable)
        # Each column has one cell of padding either side; keep room for a scrollbar.
        room = max(table.size.width, self.size.width - 2) - 2 * (2 + len(FIXED_COLUMNS)) - 2
        room -= sum(width for _, width in FIXED_COLUMNS)
        locations = [len(x.session.meta.location) for x in self.listings if x.session] or [0]
        location = min(max(max(locations), len("Location")), max(room // 3, 8))
        return max(room - location, 10), location

    def reload(self) -> None:
        """List the sessions folder: the names now, each file read in a worker thread."""
        self.listed = True
        paths = self.store.paths()
        self.listings = [Listing(path, None) for path in paths]
        self.draw()
        drawn = threading.Event()  # the names reach the screen before the reading starts
        self.call_after_refresh(drawn.set)
        self.run_worker(lambda: self.read_all(paths, drawn), thread=True, group=LISTING,
                        exclusive=True, exit_on_error=False)

    def read_all(self, paths: list[Path], drawn: threading.Event | None = None) -> None:
        """In the worker thread: read each file, handing the rows read to the screen every
        FILL_EVERY seconds, and at the end the copies of sessions that could not be saved."""
        import workshop.consultation.progress  # noqa: F401 - here, not in the UI thread

        if drawn is not None:
            drawn.wait(1.0)
        every = FILL_EVERY * max(1.0, len(paths) / 100)
        worker, read, last = get_current_worker(), [], time.monotonic()
        for path in paths:
            if worker.is_cancelled:
                return
            read.append(self.store.read_one(path))
            if time.monotonic() - last > every:
                self.post_message(RowsRead(read))  # thread-safe
                read, last = [], time.monotonic()
        found = copies_in(paths)
        if not worker.is_cancelled:
            self.post_message(RowsRead(read, found))

    def on_rows_read(self, message: RowsRead) -> None:
        self.fill(message.read, message.copies)

    def fill(self, read: list[Listing], copies: dict[Path, list[Path]] | None = None) -> None:
        """Put the rows read in their place and order; with `copies`, the reading is done."""
        done = {listing.path: listing for listing in read}
        self.listings = in_order(done.get(x.path, x) for x in self.listings)
        if copies is not None:
            self.show_copies(copies)
        self.draw()

    def show_copies(self, found: dict[Path, list[Path]]) -> None:
        """Name every copy written when a session here could not be saved (none: no notice)."""
        notice = Text()
        for session_path, copies in found.items():
            for copy in copies:
                notice.append(f"{session_path.name} could not be saved when it was last closed; "
                              f"a copy is in {display_path(copy)}\n")
        if found:
            notice.append("Open a copy with: workshop open FILE. Delete it once you have what "
                          "you need.", style="bold")
        widget = self.query_one("#start-notice", Static)
        widget.update(notice)
        widget.display = bool(found)

    def draw(self) -> None:
        """Fill the table from the listings read last, fitted to the screen's width."""
        if not self.listed:  # nothing to show before the screen is shown
            return
        table = self.query_one(DataTable)
        row, highlighted = table.cursor_row, self.highlighted()
        group_width, location_width = self._widths()
        table.clear(columns=True)
        table.add_column("Group", width=group_width)
        table.add_column("Date", width=10)
        table.add_column("Location", width=location_width)
        for label, width in FIXED_COLUMNS[1:]:
            table.add_column(label, width=width)
        for listing in self.listings:
            s = listing.session
            if listing.unread:
                table.add_row(_cell(listing.path.name, group_width, "dim"), "", "", "", "",
                              Text("reading…", style="dim"), key=str(listing.path))
                continue
            if s is None:
                table.add_row(_cell("cannot be read", group_width, "red"), "", "", "", "",
                              Text("see below", style="red"), key=str(listing.path))
                continue
            status = Text("complete", style="green") if s.completed else Text("in progress")
            group, height = _cell(s.meta.group, group_width), 1
            if s.mode is not Mode.CONSULT:
                line = fitted_mode_line(s, self.protocol, group_width)
                group, height = Text.assemble(group, "\n", _cell(line, group_width, "dim")), 2
            table.add_row(group, s.meta.date.isoformat(),
                          _cell(s.meta.location, location_width), *figures(s, self.protocol),
                          status, height=height,
                          key=str(listing.path))
        if self.listings:
            paths = [listing.path for listing in self.listings]
            if row and highlighted in paths:  # the same session, wherever it moved to
                row = paths.index(highlighted)
            table.move_cursor(row=min(row, len(self.listings) - 1))
        hint = Text()
        folder = full_path(self.store.folder)
        if self.listings:
            count = len(self.listings)
            hint.append(f"{count} session{'s' if count != 1 else ''} in {folder}, newest first.\n")
            hint.append("enter resumes the highlighted one; n starts a new one.", style="dim")
        else:
            hint.append(f"No sessions yet in {folder}.\n", style="bold")
            hint.append("Press n to start a new session.", style="dim")
        self.query_one("#start-hint", Static).update(hint)
        self.show_selected()

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        self.show_selected()

    def highlighted(self) -> Path | None:
        """The file of the highlighted row, if any."""
        row = self.query_one(DataTable).cursor_row
        return self.listings[row].path if 0 <= row < len(self.listings) else None

    def show_selected(self) -> None:
        """The highlighted session in full: its file, the people, the progress, the last save."""
        out = Text()
        table = self.query_one(DataTable)
        if self.listings and 0 <= table.cursor_row < len(self.listings):
            listing = self.listings[table.cursor_row]
            out.append(f"{listing.path}\n", style="bold")
            s = listing.session
            if listing.unread:
                out.append("reading…", style="dim")
            elif s is None:
                out.append(str(listing.error), style="red")
            else:
                m = s.meta
                people = "" if m.participants is None else f" · {m.participants} participants"
                out.append(Text(f"{m.group} · facilitator {m.facilitator or '—'}{people}\n"))
                out.append(f"{mode_line(s, self.protocol)} · last saved "
                           f"{s.updated.astimezone():%Y-%m-%d %H:%M}", style="dim")
        self.query_one("#start-selected", Static).update(out)

    def action_move(self, delta: int) -> None:
        table = self.query_one(DataTable)
        table.move_cursor(row=table.cursor_row + delta)

    def action_resume(self) -> None:
        table = self.query_one(DataTable)
        if not self.listings:
            self.post_message(NewSessionRequested())
            return
        listing = self.listings[table.cursor_row]
        if listing.session is None and not listing.unread:  # one not read yet: the app reads it
            self.notify(str(listing.error), title="This file cannot be opened", severity="error",
                        markup=False, timeout=10)
            return
        self.post_message(SessionOpenRequested(listing.path))
