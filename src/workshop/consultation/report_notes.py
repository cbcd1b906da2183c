"""The report model's entries: a comment, proposed wording or answer with its workshop and its
themes (`Note`), and the themes counted (`ThemeCount` on a commitment or question, `ThemeView`
over the whole result with its quotes). Built by report_build.py and report_themes.py; read
through report.py. Nothing here imports Textual.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from workshop.analysis.codebook import Theme


@dataclass(frozen=True)
class Note:
    """A comment, proposed wording or answer, with the workshop it came from."""

    kind: str
    """An `EntryKind`: `comments`, `amendments` or `answers`."""
    target: str
    """The commitment or question id."""
    entry_id: str
    text: str
    """Exactly as typed."""
    created: datetime
    edited: datetime | None
    session_id: str
    group: str
    date: date
    """The workshop's date."""
    workshop: str
    """`Manchester Partnership Board, 22 November 2026`: which workshop said it (the
    workshop's `name`, unique in the report)."""
    themes: tuple[str, ...] = ()
    """The themes an analyst put on it (analysis/book.py), in codebook order; () untagged."""

    @property
    def ref(self) -> tuple[str, str]:
        """(session id, entry id): what a tag is keyed by."""
        return (self.session_id, self.entry_id)


@dataclass(frozen=True)
class ThemeCount:
    """One theme on one commitment or question: how many of its entries, from how many
    workshops."""

    theme: str
    entries: int
    workshops: int

    @property
    def text(self) -> str:
        """`Resources 3 (2 workshops)`."""
        return f"{self.theme} {self.entries} ({self.workshops} workshop{_s(self.workshops)})"


@dataclass(frozen=True)
class ThemeView:
    """One theme of the codebook over the whole result, with its quotes."""

    theme: Theme
    notes: tuple[Note, ...]
    """The entries tagged with it, or (a parent theme) with a theme under it: its quotes,
    oldest first, each with its workshop."""
    direct: int
    """How many entries carry this theme itself (a parent's `notes` also count its children's)."""
    children: tuple[str, ...] = ()

    @property
    def name(self) -> str:
        return self.theme.name

    @property
    def level(self) -> int:
        """0 for a top-level theme, 1 for a theme under another."""
        return 1 if self.theme.parent else 0

    @property
    def entries(self) -> int:
        return len(self.notes)

    @property
    def workshops(self) -> int:
        """How many workshops raised it."""
        return len({n.session_id for n in self.notes})

    @property
    def counts_text(self) -> str:
        """`12 entries, 4 workshops`."""
        return (f"{self.entries} entr{'y' if self.entries == 1 else 'ies'}, "
                f"{self.workshops} workshop{_s(self.workshops)}")


def _s(n: int) -> str:
    return "" if n == 1 else "s"
