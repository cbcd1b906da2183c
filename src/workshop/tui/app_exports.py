"""Exports from the command palette, at any moment: the session being run (mid-session
included: what is missing is marked as missing), or the results on screen. A mixin kept out of
app.py.

The file goes beside the session or merged file, named as `workshop export` would name it, and
the app says where. What is exported is a snapshot taken when the command is chosen; rendering
and writing run in a worker thread, so a big Word or Excel export never freezes the screen.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from textual.app import SystemCommand
from textual.screen import Screen

from workshop.consultation.records import Merged
from workshop.errors import WorkshopError, display_path
from workshop.export import FORMATS, TABLES, default_output_path, export_bytes
from workshop.toml.atomic import atomic_write
from workshop.tui.screens.results import ResultsScreen

CHOICES = [(fmt, "votes") for fmt in FORMATS if fmt != "csv"] + [("csv", t) for t in TABLES]
"""What the palette offers: every format, and each CSV table."""


class ExportMixin:
    """Needs `self.session`, `self.path` and `self.protocol`."""

    def export_source(self, screen: Screen) -> tuple[Merged, Path] | None:
        """What an export from this screen exports, and the file it is named after."""
        if isinstance(screen, ResultsScreen):
            return screen.merged, screen.source
        if self.session is not None and self.path is not None:
            return Merged.of_session(self.session, self.path.name), self.path
        return None

    def export_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        source = self.export_source(screen)
        if source is None:
            return
        _, path = source
        for fmt, table in CHOICES:
            label = FORMATS[fmt].label + (f" ({table} table)" if fmt == "csv" else "")
            target = default_output_path(path, fmt, table)
            yield SystemCommand(f"Export: {label}", f"Write {target.name} beside {path.name}",
                                lambda fmt=fmt, table=table: self.export_now(screen, fmt, table))

    def export_now(self, screen: Screen, fmt: str, table: str = "votes") -> None:
        source = self.export_source(screen)
        if source is None:
            return
        merged, path = source
        target = default_output_path(path, fmt, table)
        label = FORMATS[fmt].label
        self.notify(f"Exporting {label} to {display_path(target)}…", markup=False, timeout=3)

        def work() -> None:
            try:
                atomic_write(target, export_bytes(merged, self.protocol, fmt, table))
            except WorkshopError as exc:
                self.call_from_thread(self.notify, str(exc), title="Export failed",
                                      severity="error", markup=False, timeout=15)
                return
            self.call_from_thread(self.exported, label, target)

        self.run_worker(work, thread=True, group="export", exit_on_error=False)

    def exported(self, label: str, target: Path) -> None:
        self.last_export = target
        self.notify(f"{label} written to {display_path(target)}", title="Exported", markup=False,
                    timeout=10)
