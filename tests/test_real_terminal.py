"""The real program in a real (pseudo-)terminal: keys as a terminal sends them, and SIGHUP when
the terminal is closed. Pilot cannot show these: an uppercase key arrives as "A", and closing
the window sends a signal, not a key."""

from __future__ import annotations

import signal
import sys
from pathlib import Path

import pytest

from pty_terminal import Terminal
from workshop.session import drafts
from workshop.session.file_format import read_session

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="needs a POSIX pseudo-terminal")


def the_session(folder: Path) -> Path:
    files = list(folder.glob("*.toml"))
    assert len(files) == 1, files
    return files[0]


def test_new_session_votes_and_closing_the_terminal_keeps_everything(tmp_path, protocol):
    term = Terminal(["new", "--group", "Pty [bold]group[/bold]", "--facilitator", "F",
                     "--participants", "9", "--sessions", "sessions"], tmp_path)
    try:
        term.wait_for(b"Introduction")
        term.type("n")
        term.wait_for(b"Achieve intended outcomes")
        term.type("aaaA")  # "A" is how a terminal sends shift+a: it removes one
        term.type("md")
        term.type("c")
        term.type("typed but not saved")
        term.read(1.0)
        term.proc.send_signal(signal.SIGHUP)  # the terminal window is closed
        assert term.proc.wait(15) == 0
    finally:
        term.close()
    path = the_session(tmp_path / "sessions")
    session = read_session(path, protocol)
    assert session.meta.group == "Pty [bold]group[/bold]"
    assert session.counts("share-resources") == {"agree": 2, "amend": 1, "disagree": 1}
    assert session.step == "principle:achieve-intended-outcomes"
    draft = drafts.read_draft(path)
    assert draft is not None and draft.text == "typed but not saved"


def test_sigterm_saves_and_exits_cleanly(tmp_path, protocol):
    term = Terminal(["new", "--group", "G", "--facilitator", "F", "--sessions", "sessions"], tmp_path)
    try:
        term.wait_for(b"Introduction")
        term.type("nd")
        term.read(0.5)
        term.proc.send_signal(signal.SIGTERM)
        assert term.proc.wait(15) == 0
    finally:
        term.close()
    session = read_session(the_session(tmp_path / "sessions"), protocol)
    assert session.counts("share-resources")["disagree"] == 1
