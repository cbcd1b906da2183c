"""`kill -9` at random moments: every change shown as saved is in a session file that parses.

The real program runs on a pseudo-terminal (tests/pty_terminal.py) and is sent what a
facilitator types: votes, moves, comments (some saved with ctrl+s, some killed mid-typing).
While it runs, the session file is read again and again, as anyone looking at the disk would;
each state seen there is one the step bar has shown as "Saved". Then the process is killed with
SIGKILL at a random moment, and the file must:

- parse, whole (never a half-written file), and
- hold everything seen saved before the kill: every count at least as high (the trials only add
  votes) and every comment seen, word for word;
- and a draft beside it, if one was written, must parse too.

The next trial reopens the same file (taking over the dead process's lock), so the trials also
prove that a killed session opens again. Trials are seeded: `WORKSHOP_KILL_TRIALS` (default 30,
in 6 groups) and `WORKSHOP_KILL_SEED` (default 9) change them; docs/reliability.md gives the
300-trial command.
"""

from __future__ import annotations

import os
import random
import signal
import sys
import time
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import pytest

from helpers import REPO
from pty_terminal import Terminal
from workshop.errors import SessionFileError
from workshop.protocol.load import load_protocol
from workshop.session.drafts import draft_path
from workshop.session.file_format import read_session
from workshop.session.model import Session
from workshop.session.store import SessionStore
from workshop.toml.io import read_toml

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="needs a POSIX pseudo-terminal")

TRIALS = int(os.environ.get("WORKSHOP_KILL_TRIALS", "30"))
SEED = int(os.environ.get("WORKSHOP_KILL_SEED", "9"))
GROUPS = 6
"""The trials run in this many groups, each on its own session file (so xdist can share them)."""
WORDS = ("budget", "trust", "[bold]x[/bold]", "=SUM(A1)", "ünïcode", "🎉", "<b>b</b>", "room")


@dataclass
class Seen:
    """What has been seen saved on disk so far."""

    counts: dict[tuple[str, str], int] = field(default_factory=dict)
    comments: set[str] = field(default_factory=set)
    reads: int = 0

    def take(self, session: Session) -> None:
        self.reads += 1
        for cid, counts in session.votes.items():
            for option, n in counts.items():
                self.counts[(cid, option)] = max(self.counts.get((cid, option), 0), n)
        self.comments |= {e.text for entries in session.comments.values() for e in entries}


def read_whole(path: Path, protocol) -> Session:
    """The session on disk; a file that does not parse fails the test with its problem."""
    try:
        return read_session(path, protocol)
    except SessionFileError as exc:  # pragma: no cover - only on the failure this guards against
        pytest.fail(f"after kill -9 the session file does not read: {exc}")


def new_session_file(protocol, folder: Path, group: int) -> Path:
    session = Session.new(protocol, f"Kill trial group {group}", facilitator="F",
                          on=date(2026, 11, 23), participants=30)
    session.set_step(f"principle:{protocol.principles[0].id}")
    return SessionStore(folder, protocol).create(session)


def one_trial(rng: random.Random, path: Path, protocol, seen: Seen, trial: int) -> None:
    term = Terminal(["--protocol", str(REPO / "protocol.toml"), "open", str(path)], path.parent)
    try:
        term.wait_for(b"Achieve intended outcomes", seconds=20)
        term.read(0.3)
        deadline = time.monotonic() + rng.uniform(0.3, 2.0)
        while time.monotonic() < deadline:
            act(rng, term, trial)
            if rng.random() < 0.5:
                seen.take(read_whole(path, protocol))
        if rng.random() < 0.3:  # killed while typing a comment, before ctrl+s
            term.type("c", pause=0.2)
            term.type(f"unsaved {trial} words", pause=0.01)
        else:
            term.read(rng.uniform(0, 0.2))
    finally:
        if term.proc.poll() is None:
            term.proc.send_signal(signal.SIGKILL)
        term.close()


def act(rng: random.Random, term: Terminal, trial: int) -> None:
    """One thing a facilitator does: a vote, a move, or a comment saved with ctrl+s."""
    roll = rng.random()
    if roll < 0.65:
        term.type(rng.choice("aaammd"), pause=rng.uniform(0, 0.08))
    elif roll < 0.85:
        term.type(rng.choice("jjk"), pause=rng.uniform(0, 0.05))
    else:
        words = " ".join(rng.choice(WORDS) for _ in range(rng.randint(1, 4)))
        term.type("c", pause=0.2)
        term.type(f"t{trial} {words}", pause=0.01)
        term.type("\x13", pause=0.2)  # ctrl+s


def check_after_kill(path: Path, protocol, seen: Seen) -> None:
    session = read_whole(path, protocol)
    for (cid, option), n in seen.counts.items():
        assert session.votes.get(cid, {}).get(option, 0) >= n, (cid, option, n)
    texts = {e.text for entries in session.comments.values() for e in entries}
    assert seen.comments <= texts, seen.comments - texts
    if draft_path(path).exists():
        read_toml(draft_path(path))  # a draft is written atomically too: it must parse
    seen.take(session)


@pytest.mark.parametrize("group", range(GROUPS))
def test_kill_9_at_random_moments_loses_nothing_seen_saved(group, tmp_path):
    protocol = load_protocol(REPO / "protocol.toml")
    rng = random.Random(SEED * 1000 + group)
    path = new_session_file(protocol, tmp_path / "sessions", group)
    seen = Seen()
    trials = range(group, TRIALS, GROUPS)
    for trial in trials:
        one_trial(rng, path, protocol, seen, trial)
        check_after_kill(path, protocol, seen)
    assert seen.reads >= len(trials)
    assert sum(seen.counts.values()) + len(seen.comments) > 0, "the trials saved nothing at all"
