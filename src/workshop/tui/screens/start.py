"""The start screen: the sessions in the folder, newest first; start a new one or resume."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Static

from workshop.review import progress_text
from workshop.store import Listing


class StartScreen(Screen):
    BINDINGS = [
        Binding("n", "new", "New session", priority=True),
        Binding("enter", "resume", "Resume", priority=True),
        Binding("j", "move(1)", "Down", show=False, priority=True),
        Binding("k", "move(-1)", "Up", show=False, priority=True),
        Binding("q", "app.quit", "Quit", priority=True),
        Binding("question_mark,f1", "app.help", "Keys", priority=True),
    ]

    def compose(self) -> ComposeResult:
        protocol = self.app.protocol
        title = Text()
        title.append("workshop", style="bold")
        title.append(f" · {protocol.title} (version {protocol.version})", style="dim")
        yield Static(title, id="start-title")
        yield Static(id="start-hint")
        yield DataTable(id="sessions", cursor_type="row", zebra_stripes=True)
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_columns("Group", "Date", "Location", "Progress", "Status", "File")
        self.reload()
        table.focus()

    def reload(self) -> None:
        self.listings: list[Listing] = self.app.store.list()
        table = self.query_one(DataTable)
        table.clear()
        protocol = self.app.protocol
        for listing in self.listings:
            s = listing.session
            if s is None:
                problem = str(listing.error).splitlines()[0] if listing.error else "unreadable"
                table.add_row(Text("cannot be read", style="red"), "", "", Text(problem), "",
                              Text(listing.path.name), key=str(listing.path))
                continue
            status = "complete" if s.completed else "in progress"
            table.add_row(Text(s.meta.group), s.meta.date.isoformat(), Text(s.meta.location),
                          progress_text(s, protocol), status, Text(listing.path.name),
                          key=str(listing.path))
        hint = Text()
        folder = str(self.app.store.folder)
        if self.listings:
            hint.append(f"{len(self.listings)} session(s) in {folder}. ")
            hint.append("enter resumes the highlighted one; n starts a new one.", style="dim")
        else:
            hint.append(f"No sessions yet in {folder}. ", style="bold")
            hint.append("Press n to start a new session.", style="dim")
        self.query_one("#start-hint", Static).update(hint)

    def action_move(self, delta: int) -> None:
        table = self.query_one(DataTable)
        table.move_cursor(row=table.cursor_row + delta)

    def action_new(self) -> None:
        self.app.action_new_session()

    def action_resume(self) -> None:
        table = self.query_one(DataTable)
        if not self.listings:
            self.app.action_new_session()
            return
        listing = self.listings[table.cursor_row]
        if listing.session is None:
            self.notify(str(listing.error), title="This file cannot be opened", severity="error",
                        markup=False, timeout=10)
            return
        self.app.open_path(listing.path)

