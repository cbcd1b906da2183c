"""Following a session for the projector: which file, and what it holds now. Reads only.

`ProjectorSource(protocol, file, folder).poll()` gives the current `Frame`. It looks at the
session file and its projector sidecar (session/projector_state.py) with `os.stat` only, and
reads them again only when one of them has changed (another inode, time or size: every save
renames a new file into place), so a browser polling twice a second costs next to nothing.

Without a file it follows the most recently changed session in the folder, looked for again
whenever the folder changes, so `workshop serve` started before `workshop new` picks the new
session up; files that are not readable sessions of this protocol (a merged file, a broken
copy) are passed over. With a file, a change that cannot be read (the file removed, or written
by hand and broken) keeps the last good view on screen and says what is wrong.

It never writes, never takes the session's lock and never tidies the folder (the facilitator's
app does that). Safe to call from several threads. Nothing here imports Textual.
"""

from __future__ import annotations

import os
import stat
import threading
from pathlib import Path

from workshop.errors import WorkshopError, display_path
from workshop.projector.view import Frame, ProjectorView, build_view
from workshop.protocol.model import Protocol
from workshop.session.file_format import read_session
from workshop.session.model import Session
from workshop.session.projector_state import read_state, state_path

Signature = tuple[int, int, int] | None
"""(inode, modification time in ns, size) of a file, or None when there is none."""

CANDIDATES = 20
"""How many of the newest files in a folder are tried before giving up on finding a session."""


def signature(path: Path) -> Signature:
    try:
        info = os.stat(path)
    except (OSError, ValueError):
        return None
    return (info.st_ino, info.st_mtime_ns, info.st_size)


def newest_first(folder: Path) -> list[Path]:
    """The `*.toml` regular files in `folder`, most recently changed first (hidden ones, such
    as a save's temp file, left out)."""
    found = []
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return []
    for entry in entries:
        if entry.name.startswith(".") or not entry.name.endswith(".toml"):
            continue
        try:
            info = entry.stat()
        except OSError:
            continue
        if stat.S_ISREG(info.st_mode):
            found.append((info.st_mtime_ns, entry.name, Path(folder) / entry.name))
    found.sort(reverse=True)
    return [path for _, _, path in found]


class ProjectorSource:
    """A session file (or the newest in a folder) as projector frames."""

    def __init__(self, protocol: Protocol, file: Path | None, folder: Path) -> None:
        self.protocol = protocol
        self.file = Path(file) if file is not None else None
        self.folder = Path(folder)
        self._lock = threading.Lock()
        self._reads: dict[Path, tuple[Signature, Session | None, str]] = {}
        """path → its signature when read, the session read (or None), and the problem."""
        self._key: tuple | None = None
        self._frame = Frame()
        self._folder_sig: Signature = None
        self._candidates: list[Path] = []

    @property
    def describe(self) -> str:
        """What is followed, for the command's first line."""
        if self.file is not None:
            return display_path(self.file)
        return f"the most recently changed session in {self.folder.resolve()}"

    def poll(self) -> Frame:
        """The frame to show now (the same object while nothing has changed)."""
        with self._lock:
            path, session, problem = self._current()
            sidecar = signature(state_path(path)) if path is not None else None
            key = (path, self._reads[path][0] if path in self._reads else None, sidecar, problem)
            if key != self._key:
                self._key = key
                self._frame = self._next_frame(path, session, problem)
            return self._frame

    def _current(self) -> tuple[Path | None, Session | None, str]:
        """The file followed now, its session (None if unreadable) and what is wrong."""
        if self.file is not None:
            session, problem = self._read(self.file)
            return self.file, session, problem
        for path in self._folder_candidates()[:CANDIDATES]:
            session, _ = self._read(path)
            if session is not None:
                return path, session, ""
        return None, None, ""

    def _folder_candidates(self) -> list[Path]:
        """The folder's session files, newest first, listed again only when the folder
        changed (every save renames a file into it, which changes the folder's time)."""
        folder_sig = signature(self.folder)
        if folder_sig != self._folder_sig or folder_sig is None:
            self._folder_sig = folder_sig
            self._candidates = newest_first(self.folder)
        return self._candidates

    def _read(self, path: Path) -> tuple[Session | None, str]:
        """The session in `path`, read again only if it changed since the last read."""
        sig = signature(path)
        known = self._reads.get(path)
        if known is not None and known[0] == sig:
            return known[1], known[2]
        try:
            session, problem = read_session(path, self.protocol), ""
        except WorkshopError as exc:
            session, problem = None, f"Cannot read the session: {exc}"
        if len(self._reads) > 2 * CANDIDATES:
            self._reads.clear()
        self._reads[path] = (sig, session, problem)
        return session, problem

    def _next_frame(self, path: Path | None, session: Session | None, problem: str) -> Frame:
        last = self._frame
        if path is None:
            waiting = f"No session yet in {self.folder.resolve()}"
            return Frame(None, waiting=waiting, version=last.version + 1)
        view: ProjectorView | None = last.view if last.source == display_path(path) else None
        if session is not None:
            view = build_view(self.protocol, session, read_state(path))
        frame = Frame(view, problem=problem, source=display_path(path), version=last.version)
        if frame != last:
            frame = Frame(view, problem=problem, source=frame.source, version=last.version + 1)
        return frame
