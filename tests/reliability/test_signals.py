"""SIGHUP and SIGTERM in the middle of a dialog, in a real pseudo-terminal: the process exits
within 5 seconds, and the draft and every saved change are on disk.

The terminal is really gone, as when its window is closed: nothing reads what the program
writes any more, and the program is sent the signal right as the typed text shows. Before the
exit watchdog (tui/leaving.py), most such processes never exited: Textual's driver shutdown
blocked writing to the dead terminal. The hang was intermittent, so each signal runs several
times (`WORKSHOP_SIGNAL_TRIALS`, default 5).
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from pty_terminal import Terminal
from workshop.session import drafts
from workshop.session.file_format import read_session

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="needs a POSIX pseudo-terminal")

TRIALS = int(os.environ.get("WORKSHOP_SIGNAL_TRIALS", "5"))
EXIT_SECONDS = 5.0


class ClosedTerminal(Terminal):
    """A Terminal whose window can be closed: once `stop_reading` is called nothing reads the
    program's output any more (the pty fills up and the program's writes block, as they do for
    a window that has gone)."""

    hung_up = False

    def stop_reading(self) -> None:
        self.hung_up = True

    def read(self, seconds: float) -> bytes:
        if self.hung_up:
            time.sleep(seconds)
            return self.output
        return super().read(seconds)

    def exited_within(self, seconds: float) -> bool:
        try:
            self.proc.wait(seconds)
        except subprocess.TimeoutExpired:
            return False
        return True


def the_session(folder: Path) -> Path:
    files = [p for p in folder.glob("*.toml")]
    assert len(files) == 1, files
    return files[0]


@pytest.mark.parametrize("trial", range(TRIALS))
@pytest.mark.parametrize("signum", [signal.SIGHUP, signal.SIGTERM], ids=["SIGHUP", "SIGTERM"])
def test_a_signal_mid_dialog_exits_within_seconds_and_keeps_everything(tmp_path, protocol,
                                                                        signum, trial):
    # A long, wide comment: the program has a screenful to draw when the terminal goes away.
    words = f"trial {trial} " + "kept words " * 60
    term = ClosedTerminal(["new", "--group", "G", "--facilitator", "F", "--sessions", "sessions"],
                          tmp_path, env={"HOME": str(tmp_path), "TMPDIR": str(tmp_path)})
    try:
        term.wait_for(b"Introduction")
        term.type("n")
        term.wait_for(b"Achieve intended outcomes")
        term.type("aam")
        term.type("c")
        term.wait_for(b"Comment on")
        term.stop_reading()  # the window closes as the words are typed and drawn
        os.write(term.master, words.encode())
        time.sleep(0.3 + 0.1 * (trial % 3))  # the typed text shows: the signal comes now
        term.proc.send_signal(signum)
        assert term.exited_within(EXIT_SECONDS), "the process is still running"
    finally:
        term.close()
    assert term.proc.returncode == 0
    path = the_session(tmp_path / "sessions")
    session = read_session(path, protocol)
    assert session.counts("share-resources") == {"agree": 2, "amend": 1, "disagree": 0}
    assert session.step == "principle:achieve-intended-outcomes"
    draft = drafts.read_draft(path)
    # The signal comes while the words are still arriving: what the program had read by then is
    # kept, in order; keys still in the closed terminal's buffer never reach it (on a loaded
    # machine the last few may be among them).
    assert draft is not None and words.startswith(draft.text), draft
    assert len(draft.text) >= len(f"trial {trial} kept words "), draft
