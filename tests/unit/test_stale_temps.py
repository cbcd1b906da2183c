"""A save killed between writing its temp file and the rename leaves `.NAME.XXXXXXXX.tmp`
behind; the next listing of that sessions folder, or the next open of a session in it, removes
it. Only files of exactly that pattern, old enough that no live save can own them, are removed."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
import time

from workshop.session.store import SessionStore
from workshop.toml.atomic import STALE_SECONDS, clean_stale_temps

KILLED_SAVE = textwrap.dedent("""
    import os, sys
    from workshop.toml import atomic
    os.replace = lambda *args: os._exit(9)  # die just before the rename, as kill -9 would
    atomic.atomic_write(sys.argv[1], b"half a save")
""")


def age(path, seconds: float) -> None:
    then = time.time() - seconds
    os.utime(path, (then, then), follow_symlinks=False)


def killed_save(path) -> list:
    """Run a real save in another process that dies before its rename; return what it left."""
    before = set(os.listdir(path.parent))
    result = subprocess.run([sys.executable, "-c", KILLED_SAVE, str(path)], timeout=30)
    assert result.returncode == 9
    return sorted(set(os.listdir(path.parent)) - before)


def test_a_killed_saves_temp_file_is_removed_when_the_folder_is_next_listed(tmp_path, session,
                                                                            protocol):
    store = SessionStore(tmp_path, protocol)
    path = store.create(session)
    left = killed_save(path)
    assert len(left) == 1 and left[0].startswith(f".{path.name}.") and left[0].endswith(".tmp")
    store.list()
    assert (tmp_path / left[0]).exists()  # too new: it could be a live save's
    age(tmp_path / left[0], STALE_SECONDS + 1)
    listings = store.list()
    assert not (tmp_path / left[0]).exists()
    assert [x.path for x in listings] == [path]


def test_opening_a_session_removes_its_folders_stale_temp_files(tmp_path, session, protocol):
    store = SessionStore(tmp_path, protocol)
    path = store.create(session)
    left = tmp_path / killed_save(path)[0]
    age(left, 3600)
    store.load(path)
    assert not left.exists()


def test_only_old_files_of_the_exact_pattern_are_removed(tmp_path):
    keep = [".s.toml.tmp", "notes.tmp", ".s.toml.abc.tmp", "s.toml.abcd1234.tmp",
            ".s.toml.abcd1234.tmp.bak", ".s.toml.ABCD1234.tmp"]
    for name in keep:
        (tmp_path / name).write_text("x")
        age(tmp_path / name, 3600)
    fresh = tmp_path / ".s.toml.fresh123.tmp"  # another process's save, right now
    fresh.write_text("x")
    folder = tmp_path / ".d.toml.abcd1234.tmp"
    folder.mkdir()
    age(folder, 3600)
    link = tmp_path / ".l.toml.abcd1234.tmp"
    link.symlink_to("notes.tmp")
    age(link, 3600)
    stale = [tmp_path / ".s.toml.abcd1234.tmp", tmp_path / ".2026-11-22_g_1a2b.toml.x_y0z9ab.tmp"]
    for path in stale:
        path.write_text("x")
        age(path, 3600)
    assert sorted(clean_stale_temps(tmp_path)) == sorted(stale)
    assert not any(p.exists() for p in stale)
    for name in keep:
        assert (tmp_path / name).exists()
    assert fresh.exists() and folder.is_dir() and link.is_symlink()


def test_a_folder_that_cannot_be_listed_is_left_alone(tmp_path):
    assert clean_stale_temps(tmp_path / "missing") == []
