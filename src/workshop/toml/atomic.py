"""Saving a file so that it is never half-written: `atomic_write(path, data)`.

It writes a temp file `.NAME.XXXXXXXX.tmp` in the same folder, flushes and fsyncs it, moves it
over the old file with `os.replace`, then fsyncs the folder. If anything fails on the way (disk
full, permission, a crash) the old file is untouched and whole, and a `StoreError` says what
happened. Every file workshop writes (sessions, drafts, merged files, exports) goes through here.

Permissions: a file that already exists keeps its mode when it is replaced; a new file gets the
mode the user's umask gives (0666 & ~umask, usually 0644), as any program's new file would, so
colleagues on a shared drive can read the reports and merge the sessions. (tempfile.mkstemp made
every save 0600.) A caller may ask for a fixed mode instead (`mode=0o600` for a private file).

A save killed between creating its temp file and the rename leaves the temp file behind;
`clean_stale_temps(folder)` removes such leftovers (only names of exactly that pattern, and only
once they are old enough that no live writer can still own them).
Nothing here imports Textual.
"""

from __future__ import annotations

import os
import re
import stat
import time
from pathlib import Path

from workshop.errors import Problem, StoreError, display_path

STALE_SECONDS = 30.0
"""A temp file untouched this long belongs to no live save: a save writes and renames its temp
file in well under a second, even a 60 MB merged file in a few."""

_TEMP = re.compile(r"^\.(?P<name>.+)\.[a-z0-9_]{8}\.tmp$")
"""The temp files atomic_write makes (and mkstemp made before it): `.NAME.` + 8 characters
+ `.tmp`."""

_FLAGS = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0)


def _fsync_folder(folder: Path) -> None:
    """Make the rename itself durable. Not possible on Windows, where it is not needed."""
    if os.name == "nt":  # pragma: no cover
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _existing_mode(path: Path) -> int | None:
    """The permission bits of the file about to be replaced, if there is one."""
    try:
        info = os.stat(path)
    except (OSError, ValueError):
        return None
    return stat.S_IMODE(info.st_mode) if stat.S_ISREG(info.st_mode) else None


def _set_mode(fd: int, mode: int) -> None:
    """Exact permission bits, whatever the umask. Best effort: some shared drives refuse chmod,
    and a save must not fail for that."""
    try:
        os.fchmod(fd, mode)
    except (OSError, AttributeError):  # AttributeError: no fchmod on Windows
        pass


def _create_temp(path: Path, mode: int) -> tuple[int, str]:
    """A new temp file beside `path`, created with `mode` (the kernel applies the umask)."""
    for _ in range(100):
        name = str(path.parent / f".{path.name}.{os.urandom(4).hex()}.tmp")
        try:
            return os.open(name, _FLAGS, mode), name
        except FileExistsError:
            continue
    raise FileExistsError(f"no free temporary name beside {path.name}")  # pragma: no cover


def atomic_write(path: Path | str, data: bytes, mode: int | None = None) -> None:
    """Replace `path` with `data` so that it is always either the old file or the new, whole.

    The file keeps its mode if it exists; otherwise it gets 0666 less the umask. `mode` fixes
    the mode instead, whether or not the file exists."""
    path = Path(path)
    folder = path.parent
    tmp_name = None
    try:
        keep = _existing_mode(path) if mode is None else mode
        fd, tmp_name = _create_temp(path, 0o666 if keep is None else 0o600)
        if keep is not None:
            _set_mode(fd, keep)
        with os.fdopen(fd, "wb") as tmp:
            tmp.write(data)
            tmp.flush()
            os.fsync(tmp.fileno())
        os.replace(tmp_name, path)
        tmp_name = None
        _fsync_folder(folder)
    except OSError as exc:
        reason = exc.strerror or str(exc)
        raise StoreError(Problem(display_path(path), f"could not be saved: {reason}; "
                                 "the previous version of the file is unchanged")) from exc
    finally:
        if tmp_name is not None:
            try:
                os.unlink(tmp_name)
            except OSError:
                pass


def clean_stale_temps(folder: Path | str, older_than: float = STALE_SECONDS) -> list[Path]:
    """Remove the temp files a killed save left in `folder`; return those removed.

    Only regular files named exactly as atomic_write names them and untouched for `older_than`
    seconds are removed, so another process's save in progress is never disturbed. Anything
    that cannot be looked at or removed is left alone: cleaning up must never stop an open."""
    removed: list[Path] = []
    now = time.time()
    try:
        names = os.listdir(folder)
    except OSError:
        return removed
    for name in names:
        if not _TEMP.match(name):
            continue
        path = Path(folder) / name
        try:
            info = os.lstat(path)
            if stat.S_ISREG(info.st_mode) and now - info.st_mtime >= older_than:
                path.unlink()
                removed.append(path)
        except OSError:
            continue
    return removed
