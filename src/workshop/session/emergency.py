"""Copies of a session written somewhere else, when its own file cannot be saved.

Two kinds, both whole session files (the same bytes an autosave writes, through the same atomic
writer), so `workshop open COPY` reads them like any session:

- a **copy** the facilitator asks for when quitting while saving fails (into a folder they
  choose, the home folder by default): `NAME.copy-<UTC time>.toml`;
- an **emergency copy**, written by itself on SIGTERM or SIGHUP while saving fails:
  `NAME.emergency-<UTC time>.toml`, tried beside the session file, then in the home folder, then
  in the system's temporary folder, the first place that takes it.

NAME is the session file's stem, so a copy names its session. No marker file is written (when
the disk is full a marker could not be written either): the next start finds the copies by
name, scanning the same three places (`copies_of`), and says where they are. A copy is
reported for as long as it exists; the facilitator deletes it once they have what they need.
Nothing here imports Textual.
"""

from __future__ import annotations

import os
import tempfile
from datetime import datetime, timezone
from pathlib import Path

from workshop.errors import Problem, StoreError, display_path
from workshop.toml.atomic import atomic_write

EMERGENCY = "emergency"
COPY = "copy"


def fallback_folders() -> list[Path]:
    """Where a copy goes when the session's own folder will not take it (tests point these at
    a temporary folder)."""
    return [Path.home(), Path(tempfile.gettempdir())]


def copy_name(session_path: Path, kind: str, when: datetime | None = None) -> str:
    """`NAME.emergency-20261122T100000Z.toml` (or `.copy-`), the time in UTC."""
    when = (when or datetime.now(timezone.utc)).astimezone(timezone.utc)
    return f"{Path(session_path).stem}.{kind}-{when:%Y%m%dT%H%M%SZ}.toml"


def write_copy(data: bytes, session_path: Path, folder: Path, kind: str = COPY,
               when: datetime | None = None) -> Path:
    """Write `data` as a copy of the session into `folder`; never over an existing file.
    Raises StoreError (naming the folder and why) if it cannot be written."""
    folder = Path(folder).expanduser()
    if not folder.is_dir():
        raise StoreError(Problem(display_path(folder), "is not a folder"))
    name = copy_name(session_path, kind, when)
    target, number = folder / name, 2
    while target.exists():  # two copies in one second: keep both
        target = folder / f"{name.removesuffix('.toml')}~{number}.toml"
        number += 1
    atomic_write(target, data)
    return target


def write_emergency(data: bytes, session_path: Path, when: datetime | None = None) -> Path | None:
    """Write an emergency copy in the first place that takes it: beside the session, the home
    folder, the temporary folder. The path written, or None if none of them could."""
    for folder in [Path(session_path).parent, *fallback_folders()]:
        try:
            return write_copy(data, session_path, folder, EMERGENCY, when)
        except (StoreError, OSError):
            continue
    return None


def copies_of(session_path: Path) -> list[Path]:
    """Every copy and emergency copy of this session in the places copies go, newest first."""
    stem = Path(session_path).stem
    found: dict[Path, None] = {}
    for folder in [Path(session_path).parent, *fallback_folders()]:
        for kind in (EMERGENCY, COPY):
            try:
                for path in folder.glob(f"{glob_escape(stem)}.{kind}-*.toml"):
                    found[path] = None
            except OSError:  # a folder we cannot read holds nothing we can name
                continue
    return sorted(found, key=lambda p: p.name, reverse=True)


def copies_in(session_paths: list[Path]) -> dict[Path, list[Path]]:
    """For the start screen: each session in `session_paths` that has copies, with them (what
    `copies_of` finds for each). Each place is listed once, whatever the number of sessions:
    with a folder of 1,000 sessions, one glob per session and place listed it 6,000 times."""
    sessions = [Path(p) for p in session_paths if not is_copy(p)]
    names: dict[Path, list[str]] = {}
    for path in sessions:
        for folder in [path.parent, *fallback_folders()]:
            if folder not in names:
                names[folder] = _copy_names(folder)
    out = {}
    for path in sessions:
        found = {folder / name: None for folder in [path.parent, *fallback_folders()]
                 for name in names[folder] if _names_copy_of(name, path.stem)}
        if found:
            out[path] = sorted(found, key=lambda p: p.name, reverse=True)
    return out


def _copy_names(folder: Path) -> list[str]:
    """The names in `folder` that look like copies (none if it cannot be read)."""
    try:
        return [e.name for e in os.scandir(folder) if e.name.endswith(".toml") and is_copy(e.name)]
    except OSError:
        return []


def _names_copy_of(name: str, stem: str) -> bool:
    """Whether `name` is what `copies_of` globs for: `STEM.emergency-*.toml` or `.copy-`."""
    return any(name.startswith(f"{stem}.{kind}-") for kind in (EMERGENCY, COPY))


def is_copy(path: Path) -> bool:
    """True for a file named like a copy or an emergency copy."""
    return any(f".{kind}-" in Path(path).name for kind in (EMERGENCY, COPY))


def glob_escape(text: str) -> str:
    """`text` with glob's special characters taken literally."""
    return "".join(f"[{c}]" if c in "*?[" else c for c in text)
