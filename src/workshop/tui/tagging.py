"""The analyst's themes behind the results view: the theme book, the theme file it is kept in,
and saving it the moment anything changes.

The results of `NAME.toml` keep their themes in `NAME.themes.toml` beside it
(analysis/theme_file.sidecar_path); the sessions folder's results, merged in memory and named
after `sessions/all-sessions.toml`, in `sessions/all-sessions.themes.toml`. A theme file that
cannot be read is never written over: tagging stays off and `problem` says why (the file, line
and key). A save that fails (a full disk, a read-only folder) leaves the file on disk whole, as
it was; the book keeps every change in memory, `unsaved` says what went wrong, and the next
change, or leaving the results, saves everything again. Like app_projector.Projector, an object
the screen owns; nothing here draws.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from workshop.analysis import theme_file
from workshop.analysis.book import ThemeBook
from workshop.analysis.theme_file import ThemeFileError, sidecar_path
from workshop.errors import StoreError, display_path

T = TypeVar("T")


class Tagging:
    """The themes of one result: `book` (None when the theme file cannot be read) and `path`."""

    def __init__(self, path: Path, book: ThemeBook | None, problem: str = "") -> None:
        self.path = path
        """The theme file: read when the results open, written after every change."""
        self.book = book
        self.problem = problem
        """Why tagging is off ("" when it is on): the theme file's problems, line and key."""
        self.unsaved = ""
        """The last failed save's error; "" when every change is on disk."""

    @classmethod
    def beside(cls, source: Path) -> Tagging:
        """The themes of the result read from (or named after) `source`: its theme file, an
        empty book when there is none yet, tagging off when it cannot be read."""
        path = sidecar_path(source)
        try:
            return cls(path, theme_file.load_sidecar(source))
        except ThemeFileError as exc:
            return cls(path, None, str(exc))

    @property
    def on(self) -> bool:
        return self.book is not None

    @property
    def off_reason(self) -> str:
        """What to tell the analyst who tries to tag while tagging is off."""
        return (f"The theme file {display_path(self.path)} cannot be read, so nothing is tagged "
                f"or saved until it is put right (it is left as it is):\n{self.problem}")

    def change(self, edit: Callable[[ThemeBook], T]) -> T:
        """Apply `edit` to the book, then save. A refused change (ThemeError) raises before
        anything is changed or saved; a failed save sets `unsaved` and keeps the change."""
        if self.book is None:
            raise RuntimeError("tagging is off")  # callers check `on` first
        result = edit(self.book)
        self.save()
        return result

    def save(self) -> bool:
        """Write the whole book atomically; True if it reached the disk."""
        if self.book is None:
            return True
        try:
            theme_file.save(self.book, self.path)
        except StoreError as exc:
            self.unsaved = str(exc)
            return False
        self.unsaved = ""
        return True
