"""Exports from the command palette, at any moment: the session being run (mid-session
included: what is missing is marked as missing), or the results on screen.

The file goes beside the session or merged file, named as `workshop export` would name it, and
the app says where. Results that exist only in memory (the start screen's `v`: every session in
the folder, merged but never written) have no file to go beside: their exports are named
`results-<today>` in the sessions folder (`results-2026-11-22.md`), and the palette says so
with the folder's full path. Exports of the results carry the analyst's themes (the book the
results view is tagging with, tui/tagging.py). What is exported is a snapshot taken when the
command is chosen (the themes included, so tagging on while it is written changes nothing in
it); rendering and writing run in a worker thread, so a big Word or Excel export never freezes
the screen.
"""

from __future__ import annotations

import os
from datetime import date, datetime
from pathlib import Path
from typing import NamedTuple

from textual.app import App
from textual.screen import Screen

from workshop.analysis.book import ThemeBook
from workshop.consultation.records import Merged
from workshop.errors import WorkshopError, display_path
from workshop.export import FORMATS, TABLES, default_output_path, export_bytes
from workshop.protocol.model import Protocol
from workshop.session.live import LiveSession
from workshop.toml.atomic import atomic_write
from workshop.tui.app_results import is_results_view

CHOICES = [(fmt, "votes") for fmt in FORMATS if fmt != "csv"] + [("csv", t) for t in TABLES]
"""What the palette offers: every format, and each CSV table."""


class ExportSource(NamedTuple):
    """What an export exports: the result, the file it is named after, and the themes."""

    merged: Merged
    path: Path
    book: ThemeBook | None = None
    """A copy of the results view's theme book as it was when the export was chosen."""


def export_source(screen: Screen, live: LiveSession | None) -> ExportSource | None:
    """What an export from this screen exports, and the file it is named after."""
    if is_results_view(screen):
        book = screen.tagging.book
        copy = None if book is None else ThemeBook(book.stored(), book.sorted_tags())
        return ExportSource(screen.merged, screen.source, copy)
    if live is not None and not live.closed:
        return ExportSource(Merged.of_session(live.session, live.path.name), live.path)
    return None


def in_memory(path: Path) -> bool:
    """The results were never written to `path` (the sessions folder's, merged in memory)."""
    return not path.is_file()


def export_target(path: Path, fmt: str, table: str, today: date) -> Path:
    """Where an export of the results named after `path` is written: beside that file, named
    after it; for results only in memory, `results-<today>` in the folder `path` is in."""
    if in_memory(path):
        path = path.parent / f"results-{today.isoformat()}.toml"
    return default_output_path(path, fmt, table)


def where_written(path: Path, target: Path) -> str:
    """For the palette: "Write X beside FILE", or "Write X in /full/folder" (nothing beside)."""
    if in_memory(path):
        return f"Write {target.name} in {os.path.abspath(target.parent)}"
    return f"Write {target.name} beside {path.name}"


def today_of(app: App) -> date:
    """The app's today (its clock, which tests fix), or the computer's."""
    clock = getattr(app, "clock", None)
    return (clock() if clock is not None else datetime.now()).date()


def choice_label(fmt: str, table: str) -> str:
    return FORMATS[fmt].label + (f" ({table} table)" if fmt == "csv" else "")


def start_export(app: App, source: ExportSource, protocol: Protocol, fmt: str,
                 table: str = "votes") -> None:
    """Write the export in a worker thread; the app hears `exported(label, target)` or an error."""
    merged, path, book = source
    target = export_target(path, fmt, table, today_of(app))
    label = FORMATS[fmt].label
    app.notify(f"Exporting {label} to {display_path(target)}…", markup=False, timeout=3)

    def work() -> None:
        try:
            atomic_write(target, export_bytes(merged, protocol, fmt, table, book=book))
        except WorkshopError as exc:
            app.call_from_thread(app.notify, str(exc), title="Export failed", severity="error",
                                 markup=False, timeout=15)
            return
        app.call_from_thread(app.exported, label, target)

    app.run_worker(work, thread=True, group="export", exit_on_error=False)
