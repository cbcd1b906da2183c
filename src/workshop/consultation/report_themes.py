"""The themes of the report model: each entry's themes, the counts per commitment and question,
and each theme's quotes, from a theme book (analysis/book.py).

A book is an overlay: the report of a merged file with no theme file, or with an empty codebook,
is the report it always was. Counts on a commitment or question are of the themes put on its
entries (a parent theme counts only where it was put itself); a theme's own view also gathers
the entries of the themes under it, so "Resources" reads as the whole of its branch. Nothing
here imports Textual.
"""

from __future__ import annotations

from collections.abc import Iterable

from workshop.analysis.book import ThemeBook
from workshop.analysis.codebook import name_key
from workshop.analysis.tag_check import TagCheck, check_tags
from workshop.consultation.records import Merged
from workshop.consultation.report_notes import Note, ThemeCount, ThemeView
from workshop.session.kinds import ENTRY_KINDS


def theme_counts(notes: Iterable[Note]) -> tuple[ThemeCount, ...]:
    """The themes on `notes`: entries and workshops per theme, most entries first (then most
    workshops, then the order the themes first appear)."""
    entries: dict[str, int] = {}
    workshops: dict[str, set[str]] = {}
    for note in notes:
        for theme in note.themes:
            entries[theme] = entries.get(theme, 0) + 1
            workshops.setdefault(theme, set()).add(note.session_id)
    order = list(entries)
    counts = [ThemeCount(t, entries[t], len(workshops[t])) for t in order]
    counts.sort(key=lambda c: (-c.entries, -c.workshops, order.index(c.theme)))
    return tuple(counts)


def theme_views(book: ThemeBook | None, notes: list[Note]) -> tuple[ThemeView, ...]:
    """Every theme of the book's codebook with its entries (a parent's include its children's)."""
    if book is None:
        return ()
    views = []
    for theme in book.themes:
        branch = {theme.key} | {name_key(c.name) for c in book.children(theme.name)}
        tagged = tuple(n for n in notes if any(name_key(t) in branch for t in n.themes))
        direct = sum(1 for n in notes if any(name_key(t) == theme.key for t in n.themes))
        views.append(ThemeView(theme, tagged, direct,
                               tuple(c.name for c in book.children(theme.name))))
    return tuple(views)


def tag_check(book: ThemeBook | None, merged: Merged) -> TagCheck:
    """The book's tags against every entry of `merged` (tag_check.py)."""
    if book is None or not book.tags:
        return TagCheck()
    texts = {(record.id, entry.id): entry.text for record in merged.records.values()
             for kind in ENTRY_KINDS
             for items in record.entries(kind).values() for entry in items}
    return check_tags(book, texts)
