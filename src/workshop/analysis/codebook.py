"""A theme of the codebook, and the rules a theme's name and parent must keep.

A theme has a name ("Resources"), an optional description (what belongs under it), and an
optional parent, for a codebook of two levels ("Funding" under "Resources"). Names are unique
whatever their case: "resources" is the theme "Resources". Nothing here imports Textual.
"""

from __future__ import annotations

from dataclasses import dataclass

from workshop.errors import WorkshopError

MAX_NAME = 80
"""The longest theme name: a name is a label in a list and a column, not a note."""


class ThemeError(WorkshopError):
    """A change to the codebook or to a tag was refused (a name in use, a third level, ...)."""


@dataclass(frozen=True)
class Theme:
    name: str
    description: str = ""
    parent: str = ""
    """The parent theme's name; "" for a top-level theme."""

    @property
    def key(self) -> str:
        return name_key(self.name)

    @property
    def path(self) -> str:
        """`Resources › Funding` for a child, the name alone for a top-level theme."""
        return f"{self.parent} › {self.name}" if self.parent else self.name


def name_key(name: str) -> str:
    """What two names must share to be the same theme: case and outer spaces ignored."""
    return " ".join(name.split()).casefold()


def clean_name(name: str) -> str:
    """A theme's name as kept: runs of spaces made one, outer spaces dropped. Raises ThemeError
    for an empty name, one over MAX_NAME characters, or one with a line break or a control
    character."""
    if any(ch in name for ch in "\n\r\t") or any(ord(ch) < 32 or ord(ch) == 127 for ch in name):
        raise ThemeError("a theme's name is one line, without tabs or control characters")
    cleaned = " ".join(name.split())
    if not cleaned:
        raise ThemeError("a theme needs a name")
    if len(cleaned) > MAX_NAME:
        raise ThemeError(f"a theme's name is at most {MAX_NAME} characters, not {len(cleaned)}")
    return cleaned
