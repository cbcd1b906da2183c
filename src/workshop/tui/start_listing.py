"""The start screen's listing of the sessions folder, in two steps: the file names at once, then
each file read (in the screen's worker thread), so the first draw never waits for a thousand
files to be parsed.

The same files, the same reading and the same order as `SessionStore.list()` (session/store.py):
every `*.toml` but a theme file, newest session first, unreadable files last; a file not read
yet is a `Listing` with neither a session nor an error. Nothing here imports Textual.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable
from pathlib import Path

from workshop.errors import SessionFileError
from workshop.session.file_format import read_session
from workshop.session.store import THEMES_SUFFIX, Listing, SessionStore
from workshop.toml.atomic import clean_stale_temps

LISTING = "start-listing"
"""The worker group that reads the sessions folder (the app's `settle` waits for it)."""


def is_start_screen(screen: object) -> bool:
    """Whether `screen` is the start screen, without importing it (it is not, under a session
    opened at once): no screen can be one before its module has been imported."""
    module = sys.modules.get("workshop.tui.screens.start")
    return module is not None and isinstance(screen, module.StartScreen)


def session_paths(store: SessionStore) -> list[Path]:
    """The folder's session files, by name, newest date first (names start with the date); a
    killed save's temp files are removed first, as `SessionStore.list()` does."""
    if not store.folder.is_dir():
        return []
    clean_stale_temps(store.folder)
    paths = [p for p in store.folder.glob("*.toml") if not p.name.endswith(THEMES_SUFFIX)]
    return sorted(paths, reverse=True)


def unread(paths: Iterable[Path]) -> list[Listing]:
    """Listings of files not read yet."""
    return [Listing(path, None) for path in paths]


def is_unread(listing: Listing) -> bool:
    return listing.session is None and listing.error is None


def read_listing(store: SessionStore, path: Path) -> Listing:
    """One file read: its session, or why it cannot be read."""
    try:
        return Listing(path, read_session(path, store.protocol))
    except SessionFileError as exc:
        return Listing(path, None, exc)


def in_order(listings: Iterable[Listing]) -> list[Listing]:
    """`SessionStore.list()`'s order: newest session first (ties by file name), then the files
    that cannot be read (by name), then those not read yet (as given)."""
    listings = list(listings)
    good = sorted((x for x in listings if x.session is not None), key=lambda x: x.path)
    good.sort(key=lambda x: x.session.updated, reverse=True)  # stable: ties keep name order
    bad = sorted((x for x in listings if x.error is not None), key=lambda x: x.path)
    return good + bad + [x for x in listings if is_unread(x)]
