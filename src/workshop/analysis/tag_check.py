"""Tags checked against a result's entries: which entries vanished, which changed.

A consultation merged again (more workshops, a session re-exported) keeps every tag, since tags
are keyed by session id and entry id. A tag whose entry is no longer in the result (its session
was left out, or the entry was deleted) is *vanished*; a tag whose entry's text is not the text
it was given to (the facilitator edited it) is *changed*. Neither is ever dropped: the tag stays
in the theme file and the check names it, so the analyst decides. Nothing here imports Textual.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from workshop.analysis.book import Tag, ThemeBook, text_digest
from workshop.session.kinds import EntryKind


@dataclass(frozen=True)
class TagCheck:
    vanished: tuple[Tag, ...] = ()
    """Tags on entries the result does not have."""
    changed: tuple[Tag, ...] = ()
    """Tags on entries whose text is not what it was when tagged."""

    @property
    def clean(self) -> bool:
        return not self.vanished and not self.changed

    def lines(self) -> list[str]:
        """One line per tag in trouble, for the CLI and the app's notice."""
        out = [f"{_where(t)}: not in this result (the tag is kept in the theme file)"
               for t in self.vanished]
        out += [f"{_where(t)}: its text changed after it was tagged" for t in self.changed]
        return out

    def summary(self) -> str:
        """`2 tags on entries no longer in the result (kept in the theme file); 1 tag on an entry
        edited since tagged.`"""
        parts = []
        if self.vanished:
            n = len(self.vanished)
            parts.append(f"{n} tag{'s' if n != 1 else ''} on "
                         f"{'entries' if n != 1 else 'an entry'} no longer in the result "
                         "(kept in the theme file)")
        if self.changed:
            n = len(self.changed)
            parts.append(f"{n} tag{'s' if n != 1 else ''} on "
                         f"{'entries' if n != 1 else 'an entry'} edited since tagged")
        return "; ".join(parts) + "." if parts else ""


def _where(tag: Tag) -> str:
    kind = EntryKind(tag.kind).singular
    return (f"session {tag.session}, entry {tag.entry} ({kind} on {tag.target}; "
            f"{', '.join(tag.themes)})")


def check_tags(book: ThemeBook, texts: Mapping[tuple[str, str], str]) -> TagCheck:
    """`texts` maps (session id, entry id) to the entry's text, for every entry of a result."""
    vanished, changed = [], []
    for tag in book.sorted_tags():
        text = texts.get(tag.ref)
        if text is None:
            vanished.append(tag)
        elif text_digest(text) != tag.digest:
            changed.append(tag)
    return TagCheck(tuple(vanished), tuple(changed))
