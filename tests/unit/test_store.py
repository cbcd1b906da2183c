"""The store: saves are atomic, names are safe, folders list newest first."""

from __future__ import annotations

import errno
import os
import re
import signal
import subprocess
import sys
import textwrap
import time
from datetime import timedelta

import pytest

from workshop.errors import StoreError
from workshop.session.file_format import dumps_session, read_session
from workshop.session.model import Session
from workshop.session.store import SessionStore, session_filename, slugify
from workshop.toml.atomic import atomic_write

NAME = re.compile(r"^\d{4}-\d{2}-\d{2}_[a-z0-9]+(-[a-z0-9]+)*_[0-9a-f]{8}\.toml$")


@pytest.fixture
def store(tmp_path, protocol):
    return SessionStore(tmp_path / "sessions", protocol)


def leftovers(folder):
    return [p.name for p in folder.iterdir() if p.name.endswith(".tmp")]


def test_save_and_load(store, session):
    session.add_vote("share-resources", "agree", 4)
    path = store.create(session)
    assert path.parent == store.folder
    assert NAME.match(path.name), path.name
    assert path.name.startswith("2026-11-22_manchester-partnership-board_0f1e2d3c")
    assert store.load(path) == session
    assert leftovers(store.folder) == []


def fail_on(monkeypatch, name):
    def broken(*args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, name, broken)


@pytest.mark.parametrize("step", ["replace", "fsync", "write"])
def test_a_failed_save_leaves_the_old_file_whole(monkeypatch, store, session, protocol, step):
    session.add_comment("share-resources", "first words")
    path = store.create(session)
    before = path.read_bytes()
    session.add_comment("share-resources", "second words")
    if step == "write":
        real_fdopen = os.fdopen

        class FullDisk:
            def __init__(self, *a, **k):
                self.file = real_fdopen(*a, **k)

            def __enter__(self):
                return self

            def __exit__(self, *exc):
                self.file.close()

            def write(self, data):
                self.file.write(data[: len(data) // 2])
                raise OSError(errno.ENOSPC, "No space left on device")

        monkeypatch.setattr(os, "fdopen", FullDisk)
    else:
        fail_on(monkeypatch, step)
    with pytest.raises(StoreError) as caught:
        store.save(session, path)
    monkeypatch.undo()
    message = str(caught.value)
    assert path.name in message and "No space left on device" in message
    assert "previous version of the file is unchanged" in message
    assert path.read_bytes() == before
    assert [c.text for c in read_session(path, protocol).comments["share-resources"]] == ["first words"]
    assert leftovers(store.folder) == []


def test_a_folder_that_cannot_be_made_is_a_clear_error(tmp_path, session):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    with pytest.raises(StoreError, match="folder cannot be created"):
        SessionStore(blocker / "sessions").create(session)


KILLER = textwrap.dedent(
    """
    import sys
    from datetime import datetime, timezone
    from workshop.protocol.load import load_protocol
    from workshop.session.model import Session
    from workshop.session.store import SessionStore

    protocol = load_protocol(sys.argv[1])
    store = SessionStore(sys.argv[2], protocol)
    session = Session.new(protocol, group="Kill test", session_id="kill-test")
    path = store.path_for(session)
    n = 0
    while True:
        n += 1
        session.set_meta(notes=str(n) + " " + "x" * 200_000)
        store.save(session, path)
        if n == 3:
            print("saving", flush=True)
    """
)


def test_kill_9_in_the_middle_of_saving_leaves_a_whole_file(tmp_path, protocol):
    from helpers import REPO

    folder = tmp_path / "sessions"
    for delay in (0.05, 0.13, 0.29):
        proc = subprocess.Popen([sys.executable, "-c", KILLER, str(REPO / "protocol.toml"), str(folder)],
                                stdout=subprocess.PIPE, text=True)
        assert proc.stdout.readline() == "saving\n"
        time.sleep(delay)
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        proc.stdout.close()
        files = list(folder.glob("*.toml"))
        assert files
        for path in files:  # one file per run: each is the last whole save before the kill
            loaded = read_session(path, protocol)
            number, padding = loaded.meta.notes.split(" ")
            assert int(number) >= 3 and padding == "x" * 200_000


HOSTILE_GROUPS = ["../x", "..", "CON", "con", "a" * 300, "🎉🎉", "", "   ", "a/b\\c:d*e?f\"g<h>i|j",
                  "\x00\x1f", ".hidden", "Zürich Café", "ＦＵＬＬＷＩＤＴＨ", "nul.txt", "-- --"]


@pytest.mark.parametrize("group", HOSTILE_GROUPS)
def test_file_names_are_safe_whatever_the_group(store, session, group):
    session.meta.group = group
    name = session_filename(session)
    assert NAME.match(name), name
    assert len(name) <= 70
    path = store.create(session)
    assert path.parent == store.folder and path.exists()


def test_slugs():
    assert slugify("Zürich Café") == "zurich-cafe"
    assert slugify("../../etc/passwd") == "etc-passwd"
    assert slugify("CON") == "con-session"
    assert slugify("🎉") == "session"
    assert len(slugify("word " * 100)) <= 40


def test_two_sessions_with_the_same_name_do_not_overwrite_each_other(store, session):
    first = store.create(session)
    second = store.create(session)
    assert first != second and first.exists() and second.exists()
    assert second.name.endswith("-2.toml")


def test_listing_is_newest_first_and_reports_bad_files(store, protocol, clock):
    older = Session.new(protocol, group="Older", clock=clock)
    newer = Session.new(protocol, group="Newer", clock=clock)
    newer.updated = older.updated + timedelta(hours=1)
    store.create(newer)
    store.create(older)
    (store.folder / "broken.toml").write_text("not = [toml")
    (store.folder / "notes.txt").write_text("ignored")
    listing = store.list()
    assert [x.session.meta.group for x in listing if x.session] == ["Newer", "Older"]
    assert listing[-1].path.name == "broken.toml"
    assert "not valid TOML" in str(listing[-1].error)
    assert SessionStore(store.folder / "missing").list() == []


def test_atomic_write_replaces_whole_file(tmp_path):
    path = tmp_path / "f.toml"
    atomic_write(path, b"old")
    atomic_write(path, b"new contents")
    assert path.read_bytes() == b"new contents"
    assert leftovers(tmp_path) == []


def test_saved_bytes_are_the_session_bytes(store, session):
    path = store.create(session)
    assert path.read_bytes() == dumps_session(session)
