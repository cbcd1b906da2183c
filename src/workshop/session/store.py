"""Where session files live: safe file names, listing a sessions folder, loading and saving.

`SessionStore` knows one sessions folder. Every save goes through `workshop.toml.atomic`, so a
file is always either the old version or the new one, whole; listing the folder or opening a
session in it first removes the temp files a killed save left there (`clean_stale_temps`).
Listing reads each `*.toml` (but a theme file, `*.themes.toml`: not a session) through the one
reader, which refuses a FIFO or device without
opening it, so no entry can hang the start screen.
Nothing here imports Textual.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from workshop.errors import Problem, SessionFileError, StoreError, display_path
from workshop.protocol.model import Protocol
from workshop.session.file_format import dumps_session, read_session
from workshop.session.model import Session
from workshop.toml.atomic import atomic_write, clean_stale_temps

THEMES_SUFFIX = ".themes.toml"
"""How a theme file's name ends (analysis/theme_file.py): a `*.toml` file that is not a session,
passed over when a folder's sessions are listed or merged."""

SLUG_MAX = 40
"""Longest group slug in a file name; with the date and id the name stays under 70 characters."""

_WINDOWS_RESERVED = {"con", "prn", "aux", "nul", *(f"com{i}" for i in range(10)),
                     *(f"lpt{i}" for i in range(10))}


def slugify(text: str, fallback: str = "session") -> str:
    """A file-name-safe slug: ASCII letters, digits and single hyphens, at most SLUG_MAX long.

    Accents are folded (`Zürich` → `zurich`); anything else (slashes, dots, emoji, control
    characters) becomes a hyphen. An empty result, or a name Windows reserves, gives `fallback`.
    """
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^a-z0-9]+", "-", folded.lower()).strip("-")
    slug = slug[:SLUG_MAX].rstrip("-")
    if not slug:
        return fallback
    return f"{slug}-{fallback}" if slug in _WINDOWS_RESERVED else slug


def session_filename(session: Session) -> str:
    """`2026-11-22_manchester-partners_1a2b3c4d.toml`: date, group slug, short session id."""
    short = slugify(session.id.replace("-", ""), fallback="x")[:8]
    return f"{session.meta.date.isoformat()}_{slugify(session.meta.group)}_{short}.toml"


@dataclass(frozen=True)
class Listing:
    """One file in a sessions folder: its session, or why it could not be read."""

    path: Path
    session: Session | None
    error: SessionFileError | None = None

    @property
    def unread(self) -> bool:
        """Listed by name, not read yet (the start screen fills these in as it reads them)."""
        return self.session is None and self.error is None


def in_order(listings: Iterable[Listing]) -> list[Listing]:
    """The order of a listing: newest session first (ties by file name), then the files that
    cannot be read (by name), then those not read yet (as given)."""
    listings = list(listings)
    good = sorted((x for x in listings if x.session is not None), key=lambda x: x.path)
    good.sort(key=lambda x: x.session.updated, reverse=True)  # stable: ties keep name order
    bad = sorted((x for x in listings if x.error is not None), key=lambda x: x.path)
    return good + bad + [x for x in listings if x.unread]


class SessionStore:
    """The sessions folder. The CLI, the app and the tests all build one from a path."""

    def __init__(self, folder: Path | str, protocol: Protocol | None = None) -> None:
        self.folder = Path(folder)
        self.protocol = protocol

    def path_for(self, session: Session) -> Path:
        """Where a new session's file goes; a clash with an existing file gets a suffix."""
        first = self.folder / session_filename(session)
        path, number = first, 2
        while path.exists():
            path = first.with_name(f"{first.stem}-{number}.toml")
            number += 1
        return path

    def save(self, session: Session, path: Path | str) -> Path:
        """Write the session's file atomically (creating the folder if needed)."""
        path = Path(path)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StoreError(Problem(display_path(path.parent), f"folder cannot be created: "
                                     f"{exc.strerror or exc}")) from exc
        try:
            data = dumps_session(session)
        except (UnicodeEncodeError, ValueError, TypeError) as exc:
            raise StoreError(Problem(display_path(path), f"could not be saved: {exc}")) from exc
        atomic_write(path, data)
        return path

    def create(self, session: Session) -> Path:
        """Save a new session under a fresh file name; return the path."""
        return self.save(session, self.path_for(session))

    def load(self, path: Path | str) -> Session:
        clean_stale_temps(Path(path).parent)
        return read_session(path, self.protocol)

    def list(self) -> list[Listing]:
        """Every `*.toml` file in the folder, newest session first; unreadable files last."""
        return in_order(self.read_one(path) for path in self.paths())

    def paths(self) -> list[Path]:
        """The folder's session files (every `*.toml` but a theme file), by name, newest date
        first (names start with the date); a killed save's temp files are removed first. Nothing
        is read: the start screen shows these names before it reads each file (`read_one`)."""
        if not self.folder.is_dir():
            return []
        clean_stale_temps(self.folder)
        return sorted((p for p in self.folder.glob("*.toml")
                       if not p.name.endswith(THEMES_SUFFIX)), reverse=True)

    def read_one(self, path: Path) -> Listing:
        """One file of the folder read: its session, or why it cannot be read."""
        try:
            return Listing(path, read_session(path, self.protocol))
        except SessionFileError as exc:
            return Listing(path, None, exc)
