"""Two or more analysts' theme files for one consultation, merged as sessions are: a union, with
every conflict listed.

- **Themes**: every theme of every file, the same theme being one whose name matches whatever
  its case. Where two files give the same theme a different description or parent, the first
  file's is kept and the difference is listed (a spelling that differs only in case is kept as
  the first file spells it, and listed too).
- **Tags**: an entry gets every theme any file put on it. Where the files tagged an entry
  differently, the union is kept and the entry is listed, so the analysts can agree on it; where
  they tagged it on different texts (one tagged it before the facilitator edited it), the
  first file's digest is kept and that is listed.

Nothing here imports Textual.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from workshop.analysis.book import Tag, ThemeBook
from workshop.analysis.codebook import ThemeError, name_key


@dataclass
class BookMerge:
    book: ThemeBook = field(default_factory=ThemeBook)
    conflicts: list[str] = field(default_factory=list)
    """What the files disagree on, one line each, naming the files."""


def merge_books(books: list[tuple[str, ThemeBook]]) -> BookMerge:
    """`books` is (file name, book) in the order given; the first file wins each conflict."""
    out = BookMerge()
    parents: list[tuple[str, str, str]] = []
    first_seen: dict[str, tuple[str, str, str, str]] = {}  # key → (file, name, description, parent)
    for file, book in books:
        for theme in book.stored():
            seen = first_seen.get(theme.key)
            if seen is None:
                first_seen[theme.key] = (file, theme.name, theme.description, theme.parent)
                out.book.add(theme.name, theme.description)
                if theme.parent:
                    parents.append((file, theme.name, theme.parent))
                continue
            parent = out.book.find(theme.parent).name if out.book.find(theme.parent) else \
                theme.parent
            _compare(out, seen, file, theme.name, theme.description, parent)
    for file, name, parent in parents:
        try:
            out.book.move(name, parent)
        except ThemeError as exc:
            out.conflicts.append(f"Theme '{name}' ({file}): left at the top level: {exc}")
    for file, book in books:
        for tag in book.sorted_tags():
            _add_tag(out, file, tag)
    return out


def _compare(out: BookMerge, seen, file: str, name: str, description: str, parent: str) -> None:
    first_file, first_name, first_description, first_parent = seen
    if name != first_name:
        out.conflicts.append(f"Theme '{first_name}' is spelt '{name}' in {file}; kept "
                             f"'{first_name}' ({first_file})")
    if description != first_description:
        out.conflicts.append(f"Theme '{first_name}': described differently in {first_file} "
                             f"and {file}; kept {first_file}'s description")
    if name_key(parent) != name_key(first_parent):
        def where(p: str) -> str:
            return f"under '{p}'" if p else "at the top level"
        out.conflicts.append(f"Theme '{first_name}': {where(first_parent)} in {first_file} but "
                             f"{where(parent)} in {file}; kept {where(first_parent)}")


def _add_tag(out: BookMerge, file: str, tag: Tag) -> None:
    book = out.book
    had = book.tags.get(tag.ref)
    for name in tag.themes:
        book.tag(tag.session, tag.entry, tag.kind, tag.target, "", name)
    merged = book.tags[tag.ref]
    if had is None:
        book.tags[tag.ref] = Tag(tag.session, tag.entry, tag.kind, tag.target, merged.themes,
                                 tag.digest)
        return
    book.tags[tag.ref] = Tag(had.session, had.entry, had.kind, had.target, merged.themes,
                             had.digest)
    where = f"session {tag.session}, entry {tag.entry}"
    if {name_key(n) for n in had.themes} != {name_key(n) for n in tag.themes}:
        now = tuple(book.theme(n).name for n in tag.themes)  # as the merged codebook spells them
        before, now, kept = (", ".join(t) for t in (had.themes, now, merged.themes))
        out.conflicts.append(f"{where}: tagged {before} in the files before {file}, which "
                             f"tags it {now}; kept {kept}")
    if had.digest != tag.digest:
        out.conflicts.append(f"{where}: tagged on a different text in {file} (edited between "
                             "the two); kept the first file's")
