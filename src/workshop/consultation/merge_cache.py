"""Re-merging a folder reads only the files that changed: each file's checked records, kept.

`workshop merge` reads every input through `MergeCache.read`. Once the merge has written its
output (never before: a merge that fails changes nothing), `MergeCache.save` keeps the records
of each file read and checked cleanly in an SQLite file (the standard library's `sqlite3`),
`.workshop-merge-cache.sqlite`, in the file's folder (or beside the merged file when that folder
cannot be written), as `record_codec` JSON, under the file's path, size, modification time
(ns), inode and change time. The next merge takes a file's records from there when all of those
are unchanged, and reads the file again when any is not; a file with problems is never kept, so
its problems are reported every time, and a file gone from the folder is forgotten. The whole
cache is dropped when the protocol (id, version, digest), workshop's version or the codec's
layout is not the one it was made with, and a cache that cannot be read (damaged, or some other
file under that name) is replaced. The cache never fails a merge: if it cannot be opened or
written, the files are simply read. Nothing here imports Textual.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from workshop.consultation.inputs import read_input
from workshop.consultation.record_codec import CODEC_VERSION, record_from_json, record_to_json
from workshop.consultation.records import ProtocolRef, SessionRecord
from workshop.protocol.model import Protocol

CACHE_NAME = ".workshop-merge-cache.sqlite"
SCHEMA = 1
"""This module's table layout; with the codec's and workshop's versions, part of `_stamp`."""

_TABLES = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS files (
    path TEXT PRIMARY KEY, size INTEGER NOT NULL, mtime_ns INTEGER NOT NULL,
    inode INTEGER NOT NULL, ctime_ns INTEGER NOT NULL, protocol TEXT NOT NULL,
    records TEXT NOT NULL
);
"""
_SEP = "\n"
"""Between the records of one file in `files.records` (record_codec's JSON is one line)."""

Read = tuple[ProtocolRef, list[SessionRecord]]


def _stamp(protocol: Protocol) -> str:
    """What a cache must have been made with to be used."""
    import workshop

    return "\t".join((str(SCHEMA), str(CODEC_VERSION), workshop.__version__, protocol.id,
                      protocol.version, protocol.digest))


class _Store:
    """One cache file: the rows of the files of one folder (or of several, beside an output)."""

    def __init__(self, db: sqlite3.Connection) -> None:
        self.db = db
        self.broken = False
        """Set at the first error: from then on nothing more is asked of this cache."""

    @classmethod
    def reading(cls, path: Path, stamp: str) -> _Store | None:
        """The cache at `path` opened to read, if there is one made with `stamp`; nothing is
        created or changed (a merge that fails leaves its folders as they were)."""
        if not path.is_file():
            return None
        try:
            db = sqlite3.connect(f"{path.absolute().as_uri()}?mode=ro", uri=True, timeout=2)
        except (sqlite3.Error, OSError, ValueError):
            return None
        try:
            row = db.execute("SELECT value FROM meta WHERE key = 'stamp'").fetchone()
            if row is not None and row[0] == stamp:
                return cls(db)
        except sqlite3.Error:
            pass
        db.close()
        return None

    @classmethod
    def writing(cls, path: Path, stamp: str) -> _Store | None:
        """The cache at `path` opened to write, made anew if it is missing, damaged, foreign or
        was made with another stamp; None if it cannot be made there."""
        for attempt in (1, 2):
            try:
                db = sqlite3.connect(path, timeout=2, isolation_level=None)
            except (sqlite3.Error, OSError):
                return None
            try:
                db.executescript(_TABLES)
                db.execute("BEGIN IMMEDIATE")
                row = db.execute("SELECT value FROM meta WHERE key = 'stamp'").fetchone()
                if row is None or row[0] != stamp:
                    db.execute("DELETE FROM files")
                    db.execute("INSERT OR REPLACE INTO meta VALUES ('stamp', ?)", (stamp,))
                return cls(db)
            except sqlite3.OperationalError:  # locked by another merge, or cannot be written
                db.close()
                return None
            except sqlite3.Error:  # damaged, or not a database: made anew
                db.close()
                if attempt == 2 or not _remove(path):
                    return None
        return None

    def get(self, key: str, info: os.stat_result) -> Read | None:
        if self.broken:
            return None
        try:
            row = self.db.execute("SELECT size, mtime_ns, inode, ctime_ns, protocol, records "
                                  "FROM files WHERE path = ?", (key,)).fetchone()
        except sqlite3.Error:
            self.broken = True
            return None
        if row is None or tuple(row[:4]) != _identity(info):
            return None
        try:
            ref = ProtocolRef(*row[4].split("\t"))
            records = [record_from_json(line) for line in row[5].split(_SEP) if line]
        except (ValueError, KeyError, TypeError):
            return None
        return ref, records

    def save(self, rows: list[tuple], folders: set[str]) -> bool:
        """Write the rows of files read (path, stat, ref, records); forget the files of
        `folders` that are gone. False if it could not."""
        try:
            self.db.executemany(
                "INSERT OR REPLACE INTO files VALUES (?, ?, ?, ?, ?, ?, ?)",
                ((key, *_identity(info), "\t".join((ref.id, ref.version, ref.digest)),
                  _SEP.join(record_to_json(r) for r in records))
                 for key, info, ref, records in rows))
            gone = [path for (path,) in self.db.execute("SELECT path FROM files")
                    if os.path.dirname(path) in folders and not os.path.exists(path)]
            self.db.executemany("DELETE FROM files WHERE path = ?", ((p,) for p in gone))
            self.db.execute("COMMIT")
            return True
        except sqlite3.Error:
            return False

    def close(self) -> None:
        try:
            self.db.close()
        except sqlite3.Error:
            pass


def _identity(info: os.stat_result) -> tuple[int, int, int, int]:
    return info.st_size, info.st_mtime_ns, info.st_ino, info.st_ctime_ns


def _remove(path: Path) -> bool:
    """Take away a cache file that cannot be used (and SQLite's journal beside it)."""
    try:
        if path.is_dir():
            return False
        path.unlink(missing_ok=True)
        Path(f"{path}-journal").unlink(missing_ok=True)
        return True
    except OSError:
        return False


class MergeCache:
    """Reads inputs as `read_input` does, from the caches of their folders where they are
    unchanged; `save`, once the merge has written its output, keeps what was read."""

    def __init__(self, protocol: Protocol, output: Path) -> None:
        self.protocol = protocol
        self.stamp = _stamp(protocol)
        self.beside_output = Path(os.path.abspath(output)).parent / CACHE_NAME
        self.readers: dict[Path, _Store | None] = {}
        self.read_now: dict[str, list[tuple]] = {}
        """folder → (path, stat, ref, records) of each file read from disk this time."""
        self.stats: dict[str, os.stat_result] = {}
        """Each input's status when it was looked up: what its row is keyed by."""
        self.hits = 0
        """How many files were taken from the cache."""

    def _reader(self, cache: Path) -> _Store | None:
        if cache not in self.readers:
            self.readers[cache] = _Store.reading(cache, self.stamp)
        return self.readers[cache]

    def read(self, path: Path) -> Read:
        """The protocol and records of one input, from a cache when the file is unchanged."""
        found = self.lookup(path)
        if found is None:
            found = read_input(path, self.protocol)
            self.remember(path, *found)
        return found

    def lookup(self, path: Path) -> Read | None:
        """The input's protocol and records if a cache has them for the file as it is now;
        None if it must be read (then `remember` what it holds)."""
        full = os.path.abspath(path)
        try:
            info = os.stat(path)
        except (OSError, ValueError):
            return None  # reading it says what is wrong
        folder = os.path.dirname(full)
        self.read_now.setdefault(folder, [])
        self.stats[full] = info  # taken before the file is read: a later change is seen later
        for cache in (Path(folder) / CACHE_NAME, self.beside_output):
            store = self._reader(cache)
            found = store.get(full, info) if store is not None else None
            if found is not None:
                self.hits += 1
                return found
        return None

    def remember(self, path: Path, ref: ProtocolRef, records: list[SessionRecord]) -> None:
        """An input `lookup` did not have, as read: kept by `save`."""
        full = os.path.abspath(path)
        info = self.stats.get(full)
        if info is not None:
            self.read_now[os.path.dirname(full)].append((full, info, ref, records))

    def save(self) -> None:
        """Keep the records of the files read this time, in each folder's cache (or beside the
        output where a folder's cannot be written); never raises."""
        self.close()
        for folder, rows in self.read_now.items():
            if not rows and not self._has_gone(folder):
                continue
            for cache in (Path(folder) / CACHE_NAME, self.beside_output):
                store = _Store.writing(cache, self.stamp)
                if store is None:
                    continue
                saved = store.save(rows, {folder})
                store.close()
                if saved:
                    break

    def _has_gone(self, folder: str) -> bool:
        """Whether the folder's cache lists a file that is no longer there (to be forgotten)."""
        store = _Store.reading(Path(folder) / CACHE_NAME, self.stamp)
        if store is None:
            return False
        try:
            paths = [p for (p,) in store.db.execute("SELECT path FROM files")]
        except sqlite3.Error:
            paths = []
        store.close()
        return any(os.path.dirname(p) == folder and not os.path.exists(p) for p in paths)

    def close(self) -> None:
        """Let go of the caches read (without saving anything)."""
        for store in self.readers.values():
            if store is not None:
                store.close()
        self.readers.clear()
