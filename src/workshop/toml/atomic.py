"""Saving a file so that it is never half-written: `atomic_write(path, data)`.

It writes a temp file in the same folder, flushes and fsyncs it, moves it over the old file with
`os.replace`, then fsyncs the folder. If anything fails on the way (disk full, permission, a
crash) the old file is untouched and whole, and a `StoreError` says what happened. Every file
workshop writes (sessions, drafts, merged files, exports) goes through here.
Nothing here imports Textual.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from workshop.errors import Problem, StoreError, display_path


def _fsync_folder(folder: Path) -> None:
    """Make the rename itself durable. Not possible on Windows, where it is not needed."""
    if os.name == "nt":  # pragma: no cover
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def atomic_write(path: Path | str, data: bytes) -> None:
    """Replace `path` with `data` so that it is always either the old file or the new, whole."""
    path = Path(path)
    folder = path.parent
    tmp_name = None
    try:
        fd, tmp_name = tempfile.mkstemp(dir=folder, prefix=f".{path.name}.", suffix=".tmp")
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
