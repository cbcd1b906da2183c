"""Write N realistic session files into a folder, for the benchmarks.

Run: python benchmarks/make_sessions.py N DIR [--kb K] [--mode consult|assess]

Each session is what a long afternoon leaves: every commitment voted, comments, proposed
wordings, answers to every question (several each), a recommendation and notes, with the text
people really type (Rich markup, formula prefixes, quotes, emoji, line breaks). `--kb` sets about
how big each file is (51 by default: the size the issue measured; 170 for the biggest session a
facilitator is likely to keep); the number of comments grows to reach it. Sessions are spread
over sixty days and nine facilitators, and two in three are marked complete. The same N, K and
mode always give the same files, byte for byte. Prints how many files, their total size and the
time taken.
"""

from __future__ import annotations

import argparse
import sys
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

from workshop.protocol.load import bundled_protocol_path, load_protocol
from workshop.protocol.model import Protocol
from workshop.session.model import Session
from workshop.session.store import SessionStore

WORDS = ("partners should share [bold]budgets[/bold] and staff, say so in the annual report; "
         'the "pooled budget" needs =SUM(A1) checks & a named officer 🎉\r\nwe agreed that '
         "the board should publish minutes within ten working days and <b>name</b> who "
         "decides, because residents asked twice").split(" ")

COMMENT_CHARS = 400
"""About how long each comment is; a session's size is reached by the number of comments."""


def text(n: int, length: int) -> str:
    """Deterministic text of about `length` characters, different for each `n`."""
    words = [WORDS[(n * 7 + i * 3) % len(WORDS)] for i in range(length // 5)]
    return " ".join(words)[:length] + f" ({n})"


def comment_count(kb: int) -> int:
    """How many comments bring a session to about `kb` kilobytes (each costs ~0.5 KB on disk,
    and the rest of a session ~12 KB)."""
    return max(1, int((kb - 12) * 1024 / (COMMENT_CHARS * 1.275)))


def make_session(protocol: Protocol, n: int, kb: int = 51, mode: str = "consult") -> Session:
    """Session number `n` of a consultation (or assessment) run, about `kb` KB on disk."""
    now = [datetime(2026, 11, 1, 9, 0, tzinfo=timezone.utc) + timedelta(days=n % 60, minutes=n)]

    def clock() -> datetime:
        now[0] += timedelta(seconds=20)
        return now[0]

    s = Session.new(protocol, f"Workshop group {n}", facilitator=f"Facilitator {n % 9}",
                    location="Town Hall, Committee Room 2", participants=12 + n % 20, clock=clock,
                    notes=text(n + 2, 300), mode=mode,
                    session_id=f"{n:08x}-5e6f-4a7b-8c9d-0e1f2a3b4c5d")
    commitments = [c.id for c in protocol.commitments]
    for i, cid in enumerate(commitments):
        if mode == "assess":
            s.set_votes(cid, {str(p): (n + i * p) % 5 for p in range(1, 6)})
        else:
            s.set_votes(cid, {"agree": (n + i) % 14, "amend": (n * i) % 6, "disagree": i % 4})
    for i in range(comment_count(kb)):
        s.add_comment(commitments[(n + i * 3) % len(commitments)], text(n + i, COMMENT_CHARS))
    if mode == "assess":
        for i in range(3):
            s.add_action(commitments[(n + i * 7) % len(commitments)], text(n + i, 90),
                         owner=f"Officer {i}")
    else:
        for i in range(6):
            s.add_amendment(commitments[(n + i * 11) % len(commitments)], text(n * 3 + i, 140))
        for q in protocol.questions:
            for k in range(3):
                s.add_answer(q.id, text(n + len(q.id) + k, 300))
        s.set_recommendation("adopt-with-changes", reasons=text(n, 250), comments=text(n + 1, 150))
    if n % 3:
        s.mark_complete()
    return s


def make_sessions(count: int, folder: Path, kb: int = 51, mode: str = "consult",
                  protocol: Protocol | None = None) -> list[Path]:
    """Write `count` sessions into `folder` (made if need be); return their paths."""
    protocol = protocol or load_protocol(bundled_protocol_path())
    store = SessionStore(folder, protocol)
    return [store.create(make_session(protocol, n, kb, mode)) for n in range(count)]


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("count", type=int, metavar="N")
    parser.add_argument("folder", type=Path, metavar="DIR")
    parser.add_argument("--kb", type=int, default=51, help="about how big each file is (KB)")
    parser.add_argument("--mode", choices=("consult", "assess"), default="consult")
    args = parser.parse_args(argv)
    start = time.perf_counter()
    files = make_sessions(args.count, args.folder, args.kb, args.mode)
    size = sum(f.stat().st_size for f in files)
    print(f"{len(files):,} sessions, {size:,} bytes ({size / max(len(files), 1) / 1024:.0f} KB "
          f"each) in {args.folder}, {time.perf_counter() - start:.1f} s")


if __name__ == "__main__":
    sys.exit(main())
