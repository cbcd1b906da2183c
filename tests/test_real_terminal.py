"""The real program in a real (pseudo-)terminal: keys as a terminal sends them, and SIGHUP when
the terminal is closed. Pilot cannot show these: an uppercase key arrives as "A", and closing
the window sends a signal, not a key."""

from __future__ import annotations

import os
import pty
import select
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from workshop.session import drafts
from workshop.session.file_format import read_session

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="needs a POSIX pseudo-terminal")


class Terminal:
    """`workshop ...` running on a pseudo-terminal of 100x30."""

    def __init__(self, args: list[str], cwd: Path) -> None:
        self.master, slave = pty.openpty()
        os.set_blocking(self.master, False)
        import fcntl
        import struct
        import termios

        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 30, 100, 0, 0))
        env = {**os.environ, "TERM": "xterm-256color", "TZ": "UTC", "COLUMNS": "100", "LINES": "30"}
        self.proc = subprocess.Popen([sys.executable, "-m", "workshop", *args], stdin=slave,
                                     stdout=slave, stderr=slave, cwd=cwd, env=env,
                                     start_new_session=True)
        os.close(slave)
        self.output = b""

    def read(self, seconds: float) -> bytes:
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            ready, _, _ = select.select([self.master], [], [], 0.05)
            if ready:
                try:
                    self.output += os.read(self.master, 65536)
                except OSError:
                    break
        return self.output

    def wait_for(self, text: bytes, seconds: float = 15) -> None:
        end = time.monotonic() + seconds
        while text not in self.output and time.monotonic() < end:
            self.read(0.1)
        assert text in self.output, self.output[-2000:]

    def type(self, keys: str, pause: float = 0.15) -> None:
        for key in keys:
            os.write(self.master, key.encode())
            self.read(pause)

    def close(self) -> None:
        if self.proc.poll() is None:
            self.proc.kill()
        self.proc.wait(10)
        os.close(self.master)


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
