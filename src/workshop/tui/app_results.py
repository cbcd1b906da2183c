"""The results view from the app: of a file (`workshop results FILE`) or of every session in the
sessions folder (the start screen's `v`), merged in memory (the result is never written).

Each comes with its analyst's themes (tui/tagging.py): `NAME.themes.toml` beside a file, and
`all-sessions.themes.toml` in the sessions folder for the folder's results (the store lists no
`*.themes.toml` as a session). A theme file that cannot be read does not stop the results: they
open with tagging off, saying which file, line and key is wrong, and the file is left alone.

The results view, the merge and the theme files are imported only when results are asked for:
the app's first screen does not need them (benchmarks/startup.py)."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from workshop.errors import SessionFileError

if TYPE_CHECKING:
    from textual.screen import Screen

    from workshop.protocol.model import Protocol
    from workshop.session.store import SessionStore
    from workshop.tui.app import WorkshopApp
    from workshop.tui.screens.results import ResultsScreen

RESULTS_MODULE = "workshop.tui.screens.results"

FOLDER_RESULTS = "all-sessions.toml"
"""What the folder's results are named after (a file that is never written); their theme file
is `all-sessions.themes.toml` beside it."""


def is_results_view(screen: Screen) -> bool:
    """Whether `screen` is the results view, without importing it: no screen can be one
    before its module has been imported."""
    module = sys.modules.get(RESULTS_MODULE)
    return module is not None and isinstance(screen, module.ResultsScreen)


def file_results(path: Path, protocol: Protocol) -> ResultsScreen:
    """The results of a session or merged file; `SessionFileError` if it cannot be read."""
    from workshop.consultation.inputs import read_result
    from workshop.tui.screens.results import ResultsScreen
    from workshop.tui.tagging import Tagging

    return ResultsScreen(read_result(path, protocol), protocol, path.name, path,
                         Tagging.beside(path))


def folder_results(store: SessionStore, protocol: Protocol) -> tuple[ResultsScreen | None, str]:
    """The results of every readable session in the folder of the newest session's kind
    (consultations, assessments or sign-ups are never merged together), and what to tell the
    facilitator: what was left out, or (with no screen) that there is nothing to show yet."""
    from workshop.consultation.merge_rules import Found, kinds_text, merge_records, of_one_kind
    from workshop.consultation.records import ProtocolRef, SessionRecord
    from workshop.tui.screens.results import ResultsScreen
    from workshop.tui.tagging import Tagging

    listings = store.list()  # newest first
    every = [Found(SessionRecord.from_session(x.session, x.path.name), x.path.name)
             for x in listings if x.session is not None]
    if not every:
        return None, "No sessions to show yet: start one with n."
    found, other_kinds = of_one_kind(every, every[0].record.mode)
    outcome = merge_records(found, ProtocolRef.of(protocol))
    unreadable = len(listings) - len(every)
    notices = []
    if unreadable or outcome.duplicates or outcome.conflicts:
        copies = len(outcome.duplicates) + len(outcome.conflicts)
        notices.append(f"Left out: {unreadable} file(s) that cannot be read, {copies} "
                       "duplicate or older cop(ies) of a session.")
    if other_kinds:
        kind = every[0].record.mode.label.lower()
        notices.append(f"Showing the {kind} sessions, the kind of the newest; left out "
                       f"{kinds_text(other_kinds)} (workshop merge --mode merges one kind).")
    notice = " ".join(notices)
    source = store.folder / FOLDER_RESULTS
    screen = ResultsScreen(outcome.merged, protocol,
                           f"every session in {os.path.abspath(store.folder)}", source,
                           Tagging.beside(source))
    return screen, notice


def show_file_results(app: WorkshopApp, path: Path) -> None:
    """The results of a file, over what is on screen; if it cannot be read, why."""
    try:
        app.push_screen(file_results(path, app.protocol))
    except SessionFileError as exc:
        app.notify(str(exc), title="These results cannot be shown", severity="error",
                   markup=False, timeout=15)


def show_folder_results(app: WorkshopApp) -> None:
    """The results of the sessions folder, over the start screen; or that there are none."""
    screen, notice = folder_results(app.store, app.protocol)
    if screen is None:
        app.notify(notice, severity="warning", markup=False)
        return
    if notice:
        app.notify(notice, markup=False, timeout=8)
    app.push_screen(screen)
