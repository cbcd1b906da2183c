"""A theme book: the codebook (themes, in the order they were made) and the tags on entries.

A tag is keyed by the entry's session id and entry id (`e7`), the two things that never change
when a consultation is merged again with more workshops. It also keeps the entry's kind, its
commitment or question, and a digest of the text it was given to, so an entry that later
vanished or was edited can be named (tag_check.py). Every change is one method call; the app
saves the book after each (theme_file.save). Renaming a theme onto the name of another is
merging the two, one operation either way. Nothing here imports Textual.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass, replace

from workshop.analysis.codebook import Theme, ThemeError, clean_name, name_key
from workshop.session.kinds import ENTRY_KINDS
from workshop.session.model import entry_number


@dataclass(frozen=True)
class Tag:
    """The themes on one entry of one session."""

    session: str
    entry: str
    """The entry's id in its session (`e7`)."""
    kind: str
    """`comments`, `amendments` or `answers`."""
    target: str
    """The commitment or question id the entry is on."""
    themes: tuple[str, ...]
    """Theme names, in codebook order; never empty (an entry with no theme has no tag)."""
    digest: str
    """`text_digest` of the entry's text when it was tagged."""

    @property
    def ref(self) -> tuple[str, str]:
        return (self.session, self.entry)


def text_digest(text: str) -> str:
    """A short fingerprint of an entry's text: `sha256:` and the first 16 hex digits."""
    return "sha256:" + hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:16]


def entry_order(ref: tuple[str, str]) -> tuple:
    """Tags in a fixed order: by session id, then entry number (`e2` before `e10`)."""
    session, entry = ref
    number = entry_number(entry)
    return (session, 1, 0, entry) if number is None else (session, 0, number, entry)


class ThemeBook:
    """The codebook and the tags; every change checks the codebook's rules (codebook.py)."""

    def __init__(self, themes: Iterable[Theme] = (), tags: Iterable[Tag] = ()) -> None:
        self._themes: dict[str, Theme] = {}
        self.tags: dict[tuple[str, str], Tag] = {}
        for theme in themes:
            self._themes[theme.key] = theme
        for tag in tags:
            self.tags[tag.ref] = tag

    # -- the codebook -------------------------------------------------------------------------

    @property
    def themes(self) -> tuple[Theme, ...]:
        """Every theme in display order: each top-level theme, in the order made, followed by
        its children in the order made."""
        tops = [t for t in self._themes.values() if not t.parent]
        out: list[Theme] = []
        for top in tops:
            out.append(top)
            out.extend(t for t in self._themes.values() if name_key(t.parent) == top.key)
        return tuple(out)

    def stored(self) -> tuple[Theme, ...]:
        """The themes in the order they were made (how the file keeps them)."""
        return tuple(self._themes.values())

    def find(self, name: str) -> Theme | None:
        return self._themes.get(name_key(name))

    def theme(self, name: str) -> Theme:
        found = self.find(name)
        if found is None:
            raise ThemeError(f"there is no theme '{name}' in the codebook")
        return found

    def children(self, name: str) -> tuple[Theme, ...]:
        key = name_key(name)
        return tuple(t for t in self._themes.values() if name_key(t.parent) == key)

    def add(self, name: str, description: str = "", parent: str = "") -> Theme:
        """A new theme; ThemeError if the name is taken or the parent breaks two levels."""
        name = clean_name(name)
        if self.find(name) is not None:
            raise ThemeError(f"there is already a theme '{self.find(name).name}'")
        theme = Theme(name, description.strip(), self._parent_for(name, parent))
        self._themes[theme.key] = theme
        return theme

    def _parent_for(self, name: str, parent: str) -> str:
        if not parent.strip():
            return ""
        found = self.theme(parent)
        if found.key == name_key(name):
            raise ThemeError(f"'{found.name}' cannot be its own parent")
        if found.parent:
            raise ThemeError(f"'{found.name}' is under '{found.parent}' already: the codebook "
                             "has two levels")
        if self.children(name):
            raise ThemeError(f"'{name}' has themes under it, so it stays at the top level")
        return found.name

    def describe(self, name: str, description: str) -> Theme:
        theme = replace(self.theme(name), description=description.strip())
        self._themes[theme.key] = theme
        return theme

    def move(self, name: str, parent: str) -> Theme:
        """Put a theme under `parent` ("" for the top level)."""
        theme = self.theme(name)
        theme = replace(theme, parent=self._parent_for(theme.name, parent))
        self._themes[theme.key] = theme
        return theme

    def rename(self, old: str, new: str) -> str:
        """Rename a theme everywhere it is used. If `new` names another theme, the two are
        merged into it (the same as `merge`). Returns the name the theme now has."""
        theme = self.theme(old)
        new = clean_name(new)
        other = self.find(new)
        if other is not None and other.key != theme.key:
            self.merge(theme.name, other.name)
            return other.name
        renamed = replace(theme, name=new)
        self._themes = {(renamed.key if k == theme.key else k): (renamed if k == theme.key else t)
                        for k, t in self._themes.items()}
        for key, t in list(self._themes.items()):
            if name_key(t.parent) == theme.key:
                self._themes[key] = replace(t, parent=new)
        self._retag(lambda names: [new if name_key(n) == theme.key else n for n in names])
        return new

    def merge(self, source: str, into: str) -> Theme:
        """Fold theme `source` into `into`: its entries get `into` (once), its children move
        under `into` (or under `into`'s parent, keeping two levels), and `source` is gone."""
        gone, kept = self.theme(source), self.theme(into)
        if gone.key == kept.key:
            raise ThemeError(f"'{gone.name}' and '{kept.name}' are the same theme")
        if name_key(kept.parent) == gone.key:  # merged into its own child: the child moves up
            kept = replace(kept, parent=gone.parent)
            self._themes[kept.key] = kept
        home = kept.parent or kept.name
        del self._themes[gone.key]
        for key, t in list(self._themes.items()):
            if name_key(t.parent) == gone.key:
                self._themes[key] = replace(t, parent="" if key == name_key(home) else home)
        self._retag(lambda names: [kept.name if name_key(n) == gone.key else n for n in names])
        return kept

    def remove(self, name: str) -> int:
        """Delete a theme and take it off every entry; its children move to the top level.
        Returns how many entries lost it."""
        theme = self.theme(name)
        used = self.uses(theme.name)
        del self._themes[theme.key]
        for key, t in list(self._themes.items()):
            if name_key(t.parent) == theme.key:
                self._themes[key] = replace(t, parent="")
        self._retag(lambda names: [n for n in names if name_key(n) != theme.key])
        return used

    def uses(self, name: str) -> int:
        """How many entries carry the theme."""
        key = name_key(name)
        return sum(1 for tag in self.tags.values() if any(name_key(n) == key for n in tag.themes))

    def _retag(self, change) -> None:
        for ref, tag in list(self.tags.items()):
            names = self._ordered(change(list(tag.themes)))
            if names:
                self.tags[ref] = replace(tag, themes=names)
            else:
                del self.tags[ref]

    def _ordered(self, names: Iterable[str]) -> tuple[str, ...]:
        """Theme names without repeats, in display order."""
        wanted = {name_key(n) for n in names}
        return tuple(t.name for t in self.themes if t.key in wanted)

    # -- tags ---------------------------------------------------------------------------------

    def themes_of(self, session: str, entry: str) -> tuple[str, ...]:
        tag = self.tags.get((session, entry))
        return tag.themes if tag else ()

    def has(self, session: str, entry: str, name: str) -> bool:
        key = name_key(name)
        return any(name_key(n) == key for n in self.themes_of(session, entry))

    def tag(self, session: str, entry: str, kind: str, target: str, text: str,
            name: str) -> None:
        """Put theme `name` (which must exist) on an entry."""
        if kind not in ENTRY_KINDS:
            raise ThemeError(f"'{kind}' is not a kind of entry")
        theme = self.theme(name)
        names = self._ordered((*self.themes_of(session, entry), theme.name))
        self.tags[(session, entry)] = Tag(session, entry, kind, target, names, text_digest(text))

    def untag(self, session: str, entry: str, name: str) -> None:
        """Take theme `name` off an entry (nothing happens if it was not on it)."""
        tag = self.tags.get((session, entry))
        if tag is None:
            return
        names = tuple(n for n in tag.themes if name_key(n) != name_key(name))
        if names:
            self.tags[tag.ref] = replace(tag, themes=names)
        else:
            del self.tags[tag.ref]

    def toggle(self, session: str, entry: str, kind: str, target: str, text: str,
               name: str) -> bool:
        """Put the theme on the entry, or take it off if it is there; True if now on."""
        if self.has(session, entry, name):
            self.untag(session, entry, name)
            return False
        self.tag(session, entry, kind, target, text, name)
        return True

    def sorted_tags(self) -> list[Tag]:
        return [self.tags[ref] for ref in sorted(self.tags, key=entry_order)]

    def __eq__(self, other: object) -> bool:
        return (isinstance(other, ThemeBook) and self.stored() == other.stored()
                and self.sorted_tags() == other.sorted_tags())

    __hash__ = None  # type: ignore[assignment]
