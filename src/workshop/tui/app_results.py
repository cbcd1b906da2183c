"""Opening the results view from the app: a file (`workshop results FILE`) or every session in
the sessions folder (the start screen's `v`). A mixin kept out of app.py."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from textual.app import SystemCommand
from textual.screen import Screen

from workshop.consultation.inputs import read_result
from workshop.consultation.merge_rules import Found, merge_records
from workshop.consultation.records import ProtocolRef, SessionRecord
from workshop.errors import SessionFileError
from workshop.tui.screens.results import ResultsScreen


class ResultsMixin:
    """Needs `self.protocol` and `self.store`."""

    def open_results(self, path: Path) -> None:
        try:
            merged = read_result(Path(path), self.protocol)
        except SessionFileError as exc:
            self.notify(str(exc), title="These results cannot be shown", severity="error",
                        markup=False, timeout=15)
            return
        self.push_screen(ResultsScreen(merged, self.protocol, Path(path).name, Path(path)))

    def action_folder_results(self) -> None:
        """Every readable session in the sessions folder, merged in memory (nothing is written)."""
        listings = self.store.list()
        found = [Found(SessionRecord.from_session(x.session, x.path.name), x.path.name)
                 for x in listings if x.session is not None]
        if not found:
            self.notify("No sessions to show yet: start one with n.", severity="warning",
                        markup=False)
            return
        outcome = merge_records(found, ProtocolRef.of(self.protocol))
        unreadable = len(listings) - len(found)
        if unreadable or outcome.duplicates or outcome.conflicts:
            left_out = len(outcome.duplicates) + len(outcome.conflicts)
            self.notify(f"Left out: {unreadable} file(s) that cannot be read, {left_out} "
                        "duplicate or older cop(ies) of a session.", markup=False, timeout=8)
        self.push_screen(ResultsScreen(outcome.merged, self.protocol,
                                       f"every session in {self.store.folder}",
                                       self.store.folder / "all-sessions.toml"))

    def close_results(self, screen: ResultsScreen) -> None:
        """Back to what was under the results: the start screen (also when they were opened
        from the command line, which puts the start screen under them)."""
        self.pop_screen()

    def results_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        if isinstance(screen, ResultsScreen):
            for p in self.protocol.principles:
                yield SystemCommand(f"Results: jump to {p.title}", "Show this principle's commitments",
                                    lambda p=p: screen.jump_to_principle(p.id))
        elif self.session is None:
            yield SystemCommand("Results of every session", "Merge the sessions folder in memory "
                                "and show the results", self.action_folder_results)
