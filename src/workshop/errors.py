"""Errors the user can act on: each names the file, the place in it, and what is wrong.

The CLI prints these without a traceback and exits with status 2. Nothing here imports Textual.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Problem:
    """One thing wrong with one file."""

    file: str
    """The file's path, as the user gave it."""
    message: str
    """What is wrong, in plain words."""
    path: str = ""
    """The key path inside the file (`principles[2].commitments[0].text`), if any."""
    line: int | None = None
    """The 1-based line number, when it is known."""
    column: int | None = None
    """The 1-based column, when it is known (TOML syntax errors)."""

    def __str__(self) -> str:
        where = self.file
        if self.line is not None:
            where += f":{self.line}"
            if self.column is not None:
                where += f":{self.column}"
        key = f" {self.path}:" if self.path else ""
        if not where:  # a problem with the command line rather than a file
            return f"{key.strip()} {self.message}".strip()
        return f"{where}:{key} {self.message}"


MAX_PROBLEMS = 1000
"""The most problems a reader keeps for one file; past that it only counts them. A 50 MB file of
unknown keys has over a million, and listing (or even locating) each one took minutes."""

SHOWN = 20
"""The most problems printed (by the CLI) or shown (in the app's notice); past that, a count."""


class WorkshopError(Exception):
    """Base class for every error the CLI reports as a message, not a traceback."""

    def __init__(self, problems: list[Problem] | Problem | str, more: int = 0) -> None:
        if isinstance(problems, str):
            problems = [Problem(file="", message=problems)]
        elif isinstance(problems, Problem):
            problems = [problems]
        self.problems: list[Problem] = list(problems)
        self.more = more
        """Problems found beyond those listed (a reader stops listing at MAX_PROBLEMS)."""
        lines = [str(p).lstrip(": ") for p in self.problems[:SHOWN]]
        if self.count > SHOWN:
            lines.append(f"… and {self.count - SHOWN:,} more problems")
        super().__init__("\n".join(lines))

    @property
    def count(self) -> int:
        """How many problems were found in all."""
        return len(self.problems) + self.more


class TomlFileError(WorkshopError):
    """A file cannot be read, is not UTF-8 text, or is not valid TOML."""


class ProtocolError(WorkshopError):
    """A protocol file is missing, unreadable or does not describe a valid protocol."""


class SessionFileError(WorkshopError):
    """A session file is unreadable, of an unknown format, or does not match the protocol."""


class SessionError(ValueError):
    """A change to a session was refused (unknown id, negative count, ...)."""


class StoreError(WorkshopError):
    """Saving or listing session files failed (disk full, permission, ...)."""


def display_path(path: Path | str) -> str:
    """The path as the user would recognise it: relative to the working folder when inside it.

    Only the folder is resolved, never the file's own name: a symbolic link is named as the user
    gave it (not its target), and a link that loops cannot make naming it fail."""
    p = Path(path)
    try:
        full = p.resolve() if p.name in ("", "..") else p.parent.resolve() / p.name
        return str(full.relative_to(Path.cwd().resolve()))
    except (ValueError, OSError, RuntimeError):  # RuntimeError: a folder link that loops
        return str(p)
