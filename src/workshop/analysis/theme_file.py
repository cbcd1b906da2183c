"""The theme file (docs/themes-format.md): a ThemeBook to TOML bytes and back, and where it
lives.

The theme file of a merged file `NAME.toml` is `NAME.themes.toml` beside it (`sidecar_path`):
the merged file stays a pure function of its sessions, and merging again with more sessions
keeps every tag, since tags are keyed by session id and entry id. Writing is byte-stable
(themes in the order made, tags by session and entry) and atomic (toml.atomic). Reading checks
every key and reports each problem with the file, line and key (ThemeFileError), never a
traceback. Nothing here imports Textual.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from workshop.analysis.book import Tag, ThemeBook
from workshop.analysis.codebook import ThemeError, clean_name, name_key
from workshop.errors import TomlFileError, WorkshopError, display_path
from workshop.session.kinds import ENTRY_KINDS
from workshop.session.store import THEMES_SUFFIX
from workshop.toml.atomic import atomic_write
from workshop.toml.io import dumps_toml, read_toml
from workshop.toml.lines import KeyPath
from workshop.toml.reader import Reader

FORMAT_NAME = "workshop-themes"
FORMAT_VERSION = 1
TOP_KEYS = ("format", "format_version", "themes", "tags")
THEME_KEYS = ("name", "description", "parent")
TAG_KEYS = ("session", "entry", "kind", "target", "themes", "digest")


class ThemeFileError(WorkshopError):
    """A theme file is unreadable or breaks the format; each problem names its line and key."""


def sidecar_path(result: Path | str) -> Path:
    """The theme file beside a merged (or session) file: `NAME.toml` → `NAME.themes.toml`."""
    result = Path(result)
    stem = result.name[: -len(".toml")] if result.name.endswith(".toml") else result.name
    return result.with_name(stem + THEMES_SUFFIX)


def is_theme_file(path: Path | str) -> bool:
    return Path(path).name.endswith(THEMES_SUFFIX)


# -- writing ------------------------------------------------------------------------------------


def book_to_dict(book: ThemeBook) -> dict[str, Any]:
    themes = []
    for t in book.stored():
        item: dict[str, Any] = {"name": t.name}
        if t.description:
            item["description"] = t.description
        if t.parent:
            item["parent"] = t.parent
        themes.append(item)
    tags = [{"session": t.session, "entry": t.entry, "kind": t.kind, "target": t.target,
             "themes": list(t.themes), "digest": t.digest} for t in book.sorted_tags()]
    return {"format": FORMAT_NAME, "format_version": FORMAT_VERSION, "themes": themes,
            "tags": tags}


def dumps_book(book: ThemeBook) -> bytes:
    return dumps_toml(book_to_dict(book)).encode("utf-8", "surrogatepass")


def save(book: ThemeBook, path: Path | str) -> None:
    """Write the book atomically: the old file stays whole if anything fails (StoreError)."""
    atomic_write(path, dumps_book(book))


# -- reading ------------------------------------------------------------------------------------


def load(path: Path | str) -> ThemeBook:
    """Read a theme file; ThemeFileError (naming file, line and key) if it cannot be used."""
    try:
        data, text = read_toml(path)
    except TomlFileError as exc:
        raise ThemeFileError(exc.problems) from None
    return book_from_dict(data, text, display_path(path))


def load_sidecar(result: Path | str) -> ThemeBook:
    """The book beside a merged or session file; an empty book when there is none yet."""
    path = sidecar_path(result)
    if not path.exists():
        return ThemeBook()
    return load(path)


def book_from_dict(data: dict[str, Any], text: str, file: str) -> ThemeBook:
    r = Reader(text, file)
    if data.get("format") != FORMAT_NAME:
        found = f"format = {data.get('format')!r}" if "format" in data else "no 'format' key"
        r.report(("format",), f"not a workshop theme file ({found}; expected '{FORMAT_NAME}')")
        raise ThemeFileError(r.problems)
    version = r.get(data, ("format_version",), int)
    if version is not None and version != FORMAT_VERSION:
        newer = "a newer" if version > FORMAT_VERSION else "an unknown"
        r.report(("format_version",), f"format version {version} is from {newer} version of "
                 f"workshop; this one reads version {FORMAT_VERSION}")
        raise ThemeFileError(r.problems)
    r.unknown(data, (), TOP_KEYS)
    book = ThemeBook()
    _read_themes(r, data, book)
    _read_tags(r, data, book)
    if r.problems:
        raise ThemeFileError(r.problems, more=r.dropped)
    return book


def _rows(r: Reader, data: dict[str, Any], key: str, allowed: tuple[str, ...]):
    for index, row in enumerate(r.get(data, (key,), list, required=False) or []):
        p: KeyPath = (key, index)
        if not isinstance(row, dict):
            r.report(p, f"must be a table ([[{key}]])")
            continue
        r.unknown(row, p, allowed)
        yield p, row


def _read_themes(r: Reader, data: dict[str, Any], book: ThemeBook) -> None:
    parents: list[tuple[KeyPath, str, str]] = []
    for p, row in _rows(r, data, "themes", THEME_KEYS):
        name = r.get(row, (*p, "name"), str)
        description = r.get(row, (*p, "description"), str, required=False) or ""
        parent = r.get(row, (*p, "parent"), str, required=False) or ""
        if name is None:
            continue
        try:
            clean = clean_name(name)
        except ThemeError as exc:
            r.report((*p, "name"), str(exc))
            continue
        if clean != name:
            r.report((*p, "name"), f"'{name}' has spaces at its ends or twice in a row")
        elif book.find(name) is not None:
            r.report((*p, "name"), f"theme '{name}' is listed twice (names ignore case)")
        else:
            book.add(name, description)
            if parent:
                parents.append((p, name, parent))
    for p, name, parent in parents:  # after every name is known: a child may come first
        try:
            book.move(name, parent)
        except ThemeError as exc:
            r.report((*p, "parent"), str(exc))


def _read_tags(r: Reader, data: dict[str, Any], book: ThemeBook) -> None:
    for p, row in _rows(r, data, "tags", TAG_KEYS):
        values = [r.get(row, (*p, key), str) for key in ("session", "entry", "kind", "target",
                                                          "digest")]
        names = r.get(row, (*p, "themes"), list)
        if None in values or names is None:
            continue
        session, entry, kind, target, digest = values
        if kind not in ENTRY_KINDS:
            r.report((*p, "kind"), f"must be one of {', '.join(ENTRY_KINDS)}, not '{kind}'")
            continue
        if (session, entry) in book.tags:
            r.report((*p, "entry"), f"entry '{entry}' of session '{session}' is tagged twice")
            continue
        if not names:
            r.report((*p, "themes"), "must name at least one theme")
            continue
        kept = []
        for index, name in enumerate(names):
            if not isinstance(name, str) or book.find(name) is None:
                r.report((*p, "themes", index), f"{name!r} is not a theme of the codebook "
                         "([[themes]])")
            elif any(name_key(name) == name_key(k) for k in kept):
                r.report((*p, "themes", index), f"theme '{name}' is listed twice")
            else:
                kept.append(book.theme(name).name)
        book.tags[(session, entry)] = Tag(session, entry, kind, target, tuple(kept), digest)
    # Tags as read keep their themes in codebook order, as a change would leave them.
    for ref, tag in list(book.tags.items()):
        book.tags[ref] = Tag(tag.session, tag.entry, tag.kind, tag.target,
                             tuple(t.name for t in book.themes if t.name in tag.themes),
                             tag.digest)
