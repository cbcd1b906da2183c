"""An index of a merged file: its records in SQLite, so a big result is read in a fraction of
the time parsing its TOML takes.

A merged file of 1,000 sessions is about 60 MB of TOML: parsing and checking it takes seconds
before any view or export can start. The first time such a file is read, its checked records
are written into an SQLite database (the standard library's `sqlite3`); every later read of the
same bytes on the same protocol loads them from there instead, with no TOML parsed and nothing
checked twice. The TOML stays the one interchange format: the index is a cache, never a source.

- **Keyed by content**, not by name: the index of a file is found by the SHA-256 of its bytes
  and the digest of the protocol it was checked against. A file changed in any way (even with
  its time kept) has another key, so an index can never be stale; a file copied or renamed
  keeps its index.
- **Kept in the user's cache folder** (`$WORKSHOP_CACHE_DIR`, else `$XDG_CACHE_HOME/workshop`,
  else `~/.cache/workshop`), under `index/`, not beside the merged file: a folder on a
  read-only stick is indexed too, nothing appears among the sessions, and an index handed over
  with a file is never trusted, since only indexes this user's workshop wrote are read.
- **Never in the way**: an index that cannot be written (full disk, no cache folder) or read
  (damaged, from another version) is passed over, and the file is parsed as before. An index is
  written to a temporary file and renamed into place, so a reader never sees half of one. The
  `KEEP` most recently used indexes are kept; older ones are removed, and so are temporary
  files a killed process left.
- Only files of `MIN_BYTES` or more are indexed: below that, parsing is as quick as opening a
  database.

The layout: `meta` (key, value), `sessions` (each record's fields but its entries, as
`record_codec` JSON, in the file's order) and `entries` (one row per comment, wording or answer:
session, kind, target, id, text, times), with an index on kind and target. Nothing here imports
Textual.
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
import tempfile
import time
from contextlib import closing, suppress
from dataclasses import replace
from datetime import datetime
from pathlib import Path

from workshop.consultation.record_codec import CODEC_VERSION, record_from_json, record_to_json
from workshop.consultation.records import ProtocolRef, SessionRecord
from workshop.session.kinds import ENTRY_KINDS
from workshop.session.model import Entry

LAYOUT = f"workshop-merged-index 1, codec {CODEC_VERSION}"
"""Written into every index and checked on reading: an index of another layout is rebuilt."""

MIN_BYTES = 256 * 1024
"""Merged files smaller than this (about five sessions) are parsed every time, not indexed."""

KEEP = 12
"""How many indexes are kept in the cache folder; the least recently used go first."""

_SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE sessions (ordinal INTEGER PRIMARY KEY, id TEXT NOT NULL, head TEXT NOT NULL);
CREATE TABLE entries (session INTEGER NOT NULL, kind INTEGER NOT NULL, target TEXT NOT NULL,
                      id TEXT NOT NULL, text TEXT NOT NULL, created TEXT NOT NULL, edited TEXT);
CREATE INDEX entries_by_target ON entries (kind, target);
"""


def cache_folder() -> Path | None:
    """Where indexes are kept, or None if no folder can be named (no home, no variables)."""
    if folder := os.environ.get("WORKSHOP_CACHE_DIR"):
        return Path(folder) / "index"
    if base := os.environ.get("XDG_CACHE_HOME"):
        return Path(base) / "workshop" / "index"
    try:
        return Path.home() / ".cache" / "workshop" / "index"
    except RuntimeError:  # no home folder can be found
        return None


def content_key(raw: bytes, protocol_digest: str) -> str:
    """The name of a file's index: the hash of its bytes and of the protocol it was checked on."""
    digest = hashlib.sha256(raw).hexdigest()
    tail = hashlib.sha256(protocol_digest.encode()).hexdigest()[:16]
    return f"{digest}-{tail}"


def load(key: str) -> tuple[ProtocolRef, list[SessionRecord]] | None:
    """The protocol and records indexed under `key`, or None if there is no usable index."""
    folder = cache_folder()
    path = folder / f"{key}.sqlite" if folder else None
    if path is None or not path.is_file():
        return None
    try:
        with closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as db:
            meta = dict(db.execute("SELECT key, value FROM meta"))
            if meta.get("layout") != LAYOUT or meta.get("key") != key:
                return None
            heads = db.execute("SELECT id, head FROM sessions ORDER BY ordinal").fetchall()
            rows = db.execute("SELECT session, kind, target, id, text, created, edited "
                              "FROM entries ORDER BY rowid").fetchall()
        records = _records(heads, rows)
        ref = ProtocolRef(meta["protocol_id"], meta["protocol_version"], meta["protocol_digest"])
    except (sqlite3.Error, ValueError, KeyError, TypeError, IndexError):
        return None  # damaged or foreign: parsed from the TOML instead, and indexed again
    with suppress(OSError):
        os.utime(path)  # recently used: kept when older indexes are cleared
    return ref, records


def _records(heads: list[tuple[str, str]], rows: list[tuple]) -> list[SessionRecord]:
    """Records from their heads and their entry rows (in the order they were written)."""
    tables: list[list[dict[str, list[Entry]]]] = [[{} for _ in ENTRY_KINDS] for _ in heads]
    fromiso = datetime.fromisoformat
    for session, kind, target, eid, text, created, edited in rows:
        tables[session][kind].setdefault(target, []).append(
            Entry(eid, text, fromiso(created), None if edited is None else fromiso(edited)))
    out = []
    for (sid, head), kinds in zip(heads, tables, strict=True):
        record = record_from_json(head)
        if record.id != sid:
            raise ValueError(f"index row for {sid!r} holds {record.id!r}")
        out.append(replace(record, **dict(zip(ENTRY_KINDS, kinds, strict=True))))
    return out


def save(key: str, ref: ProtocolRef, records: list[SessionRecord]) -> Path | None:
    """Index `records` under `key`; the index's path, or None if it could not be written."""
    folder = cache_folder()
    if folder is None:
        return None
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd, temp = tempfile.mkstemp(prefix=".index-", suffix=".tmp", dir=folder)
        os.close(fd)
    except OSError:
        return None
    try:
        _write(Path(temp), key, ref, records)
        final = folder / f"{key}.sqlite"
        os.replace(temp, final)
    except (OSError, sqlite3.Error):
        with suppress(OSError):
            os.unlink(temp)
        return None
    _clear_old(folder)
    return final


def _write(path: Path, key: str, ref: ProtocolRef, records: list[SessionRecord]) -> None:
    empty = {kind: {} for kind in ENTRY_KINDS}
    with closing(sqlite3.connect(path)) as db:
        db.execute("PRAGMA journal_mode = OFF")
        db.execute("PRAGMA synchronous = OFF")  # a cache: a crash leaves a temp file, not this
        db.executescript(_SCHEMA)
        db.executemany("INSERT INTO meta VALUES (?, ?)", [
            ("layout", LAYOUT), ("key", key), ("protocol_id", ref.id),
            ("protocol_version", ref.version), ("protocol_digest", ref.digest)])
        db.executemany("INSERT INTO sessions VALUES (?, ?, ?)",
                       [(n, r.id, record_to_json(replace(r, **empty)))
                        for n, r in enumerate(records)])
        db.executemany("INSERT INTO entries VALUES (?, ?, ?, ?, ?, ?, ?)", _entry_rows(records))
        db.commit()
    with open(path, "rb+") as f:
        os.fsync(f.fileno())


def _entry_rows(records: list[SessionRecord]):
    for n, record in enumerate(records):
        for kind_number, kind in enumerate(ENTRY_KINDS):
            for target, items in record.entries(kind).items():
                for e in items:
                    yield (n, kind_number, target, e.id, e.text, e.created.isoformat(),
                           None if e.edited is None else e.edited.isoformat())


STALE_TEMP_SECONDS = 3600
"""A temporary index older than this was left by a process that died while writing it."""


def _clear_old(folder: Path) -> None:
    """Keep the `KEEP` most recently used indexes; remove older ones, and temporary files that
    a killed process left (an hour old: one being written now is not touched)."""
    try:
        found = sorted(folder.glob("*.sqlite"), key=lambda p: p.stat().st_mtime, reverse=True)
        temps = list(folder.glob(".index-*.tmp"))
    except OSError:
        return
    now = time.time()
    for old in found[KEEP:]:
        with suppress(OSError):
            old.unlink()
    for temp in temps:
        with suppress(OSError):
            if now - temp.stat().st_mtime > STALE_TEMP_SECONDS:
                temp.unlink()
