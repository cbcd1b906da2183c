"""The projector sidecar (session/projector_state.py): written whole, read leniently (a bad one
is the default state, never an error), never mistaken for a session, and written by a thread
that keeps only the latest state."""

from __future__ import annotations

import os
import threading

import pytest

from workshop.consultation.inputs import expand_inputs
from workshop.session import projector_state
from workshop.session.projector_state import (
    ProjectorState,
    StateWriter,
    read_state,
    state_bytes,
    state_path,
    write_state,
)
from workshop.session.store import SessionStore

STEP = "principle:achieve-intended-outcomes"


def test_the_sidecar_sits_beside_the_session_under_its_name(tmp_path):
    assert state_path(tmp_path / "2026-11-22_g_1a2b3c4d.toml") == \
        tmp_path / "2026-11-22_g_1a2b3c4d.toml.projector"


def test_a_state_is_written_and_read_back(tmp_path):
    session_file = tmp_path / "s.toml"
    state = ProjectorState(blanked=True, step=STEP, item="monitor-resources")
    write_state(session_file, state)
    assert read_state(session_file) == state
    text = state_path(session_file).read_text(encoding="utf-8")
    assert 'format = "workshop-projector"' in text and "blanked = true" in text
    assert not list(tmp_path.glob(".*.tmp")), "the temp file of the atomic write is gone"


def test_toggling_and_highlighting_keep_the_rest():
    state = ProjectorState(step=STEP, item="a")
    assert state.toggled() == ProjectorState(blanked=True, step=STEP, item="a")
    assert state.toggled().highlighting("questions", "q1") == \
        ProjectorState(blanked=True, step="questions", item="q1")


@pytest.mark.parametrize("content", [
    b"",                                                      # empty
    b"blanked = [",                                           # not TOML
    b"\xff\xfe not utf-8",                                    # not text
    b'format = "workshop-session"\nblanked = true\n',         # another format
    b'format = "workshop-projector"\nformat_version = 9\nblanked = true\n',  # a newer one
])
def test_a_bad_sidecar_reads_as_the_default_state(tmp_path, content):
    session_file = tmp_path / "s.toml"
    state_path(session_file).write_bytes(content)
    assert read_state(session_file) == ProjectorState()


def test_wrong_types_fall_back_one_by_one(tmp_path):
    session_file = tmp_path / "s.toml"
    state_path(session_file).write_text(
        'format = "workshop-projector"\nformat_version = 1\nblanked = "yes"\nstep = 3\n'
        'item = "monitor-resources"\n', encoding="utf-8")
    assert read_state(session_file) == ProjectorState(item="monitor-resources")


def test_no_sidecar_and_a_sidecar_that_is_not_a_file_read_as_the_default(tmp_path):
    session_file = tmp_path / "s.toml"
    assert read_state(session_file) == ProjectorState()
    os.mkfifo(state_path(session_file))  # would hang a reader that opened it
    assert read_state(session_file) == ProjectorState()


def test_the_sidecar_is_no_session_to_the_store_or_a_merge(protocol, session, tmp_path):
    """Not `*.toml`: the start screen does not list it as a broken session, and merging the
    folder does not trip over it."""
    store = SessionStore(tmp_path, protocol)
    path = store.create(session)
    write_state(path, ProjectorState(blanked=True))
    listings = store.list()
    assert [x.path for x in listings] == [path] and listings[0].session is not None
    assert expand_inputs([tmp_path]) == ([path], [])


def test_the_writer_writes_the_latest_state(tmp_path):
    session_file = tmp_path / "s.toml"
    writer = StateWriter(session_file)
    for index in range(50):
        writer.submit(ProjectorState(step=STEP, item=f"item-{index}"))
    assert writer.wait_idle()
    assert read_state(session_file).item == "item-49"
    assert writer.close() and not writer._thread.is_alive()
    writer.submit(ProjectorState(blanked=True))  # after closing: ignored, no error
    assert read_state(session_file).blanked is False


def test_the_writer_coalesces_while_a_write_is_under_way(tmp_path, monkeypatch):
    """Ten states submitted during one slow write make one more write, of the last one."""
    written: list[ProjectorState] = []
    started, release = threading.Event(), threading.Event()

    def slow_write(path, state):
        written.append(state)
        started.set()
        release.wait(5)

    monkeypatch.setattr(projector_state, "write_state", slow_write)
    writer = StateWriter(tmp_path / "s.toml")
    writer.submit(ProjectorState(item="first"))
    assert started.wait(5)
    for index in range(10):
        writer.submit(ProjectorState(item=f"n{index}"))
    release.set()
    assert writer.close()
    assert [s.item for s in written] == ["first", "n9"]


def test_a_failed_write_is_kept_as_an_error_and_the_next_one_works(tmp_path):
    folder = tmp_path / "gone"
    writer = StateWriter(folder / "s.toml")
    writer.submit(ProjectorState(blanked=True))
    assert writer.wait_idle()
    assert writer.error and "could not be saved" in writer.error
    folder.mkdir()
    writer.submit(ProjectorState(blanked=False, item="x"))
    assert writer.close()
    assert writer.error is None and read_state(folder / "s.toml").item == "x"


def test_state_bytes_are_stable():
    state = ProjectorState(blanked=True, step=STEP, item="x")
    assert state_bytes(state) == state_bytes(ProjectorState(True, STEP, "x"))
