"""The autosave writer never dies: any exception in a save is a failed save (reported, the data
kept, retried), a listener that raises is survived, and the next save works."""

from __future__ import annotations

import threading

import workshop.session.autosave as autosave
from workshop.session.autosave import Autosaver, describe_failure, session_bytes
from workshop.session.file_format import read_session, session_to_dict
from workshop.session.store import SessionStore


class Heard:
    """Collects the results the writer reports, and lets a test wait for the next one."""

    def __init__(self) -> None:
        self.results = []
        self.event = threading.Event()

    def __call__(self, result) -> None:
        self.results.append(result)
        self.event.set()

    def wait(self, predicate, timeout: float = 5.0):
        for _ in range(int(timeout / 0.01)):
            if self.results and predicate(self.results[-1]):
                return self.results[-1]
            self.event.wait(0.01)
            self.event.clear()
        raise AssertionError(f"no such result: {self.results}")


def test_an_unexpected_exception_is_a_failed_save_and_the_writer_lives_on(
        tmp_path, session, protocol, monkeypatch):
    path = SessionStore(tmp_path, protocol).create(session)
    real = autosave.atomic_write
    broken = {"on": True}

    def atomic_write(target, data, *args, **kwargs):
        if broken["on"]:
            raise RuntimeError("a bug")
        return real(target, data, *args, **kwargs)

    monkeypatch.setattr(autosave, "atomic_write", atomic_write)
    heard = Heard()
    saver = Autosaver(path, heard, retry_seconds=0.05)
    try:
        session.add_vote("share-resources", "agree")
        saver.submit(session)
        failed = heard.wait(lambda r: not r.ok)
        assert "RuntimeError: a bug" in failed.error
        assert saver.alive and saver.pending
        broken["on"] = False  # retried by itself, no new change needed
        heard.wait(lambda r: r.ok)
        assert not saver.pending
        assert read_session(path, protocol).counts("share-resources")["agree"] == 1
    finally:
        saver.close()


def test_a_listener_that_raises_does_not_end_the_writer(tmp_path, session, protocol):
    path = SessionStore(tmp_path, protocol).create(session)
    calls = []

    def listener(result):
        calls.append(result)
        raise ValueError("the listener is broken")

    saver = Autosaver(path, listener)
    try:
        for n in (1, 2):
            session.add_vote("share-resources", "agree")
            saver.submit(session)
            assert saver.wait_idle()
            assert read_session(path, protocol).counts("share-resources")["agree"] == n
        assert saver.alive and len(calls) == 2 and saver.last.ok
    finally:
        saver.close()


def test_session_bytes_are_what_a_save_writes(tmp_path, session, protocol):
    path = SessionStore(tmp_path, protocol).create(session)
    session.add_comment("share-resources", "words 👨\u200d👩\u200d👧")
    saver = Autosaver(path)
    saver.submit(session)
    assert saver.close()
    assert path.read_bytes() == session_bytes(session_to_dict(session))


def test_failures_are_described():
    assert describe_failure(KeyError("x")) == "could not be saved: unexpected KeyError: 'x'"
