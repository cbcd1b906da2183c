"""How long `workshop merge` takes for 10, 100 and 500 session files of realistic size.

Run: python benchmarks/merge.py [N ...]
Writes N session files into a temporary folder (every commitment voted, 25 comments, 4 proposed
wordings and 6 answers of a few hundred characters each, a recommendation: about what a long
workshop leaves), then times what the command does with them: reading and checking every file
(`merge_cli.read_all`), merging (`merge.merge_records`), serialising (`merged_file.dumps_merged`)
and writing the result atomically. Prints one row per N: the time of each part, the total, files
per second and the size of the merged file. Figures depend on the machine and its disk: compare
rows of one run, not runs on different machines. No assertions: figures only.
"""

from __future__ import annotations

import sys
import tempfile
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

from workshop.cli.merge import read_all
from workshop.consultation.merge_rules import merge_records
from workshop.consultation.merged_file import dumps_merged
from workshop.consultation.records import ProtocolRef
from workshop.protocol.load import bundled_protocol_path, load_protocol
from workshop.protocol.model import Protocol
from workshop.session.model import Session
from workshop.session.store import SessionStore
from workshop.toml.atomic import atomic_write
from workshop.toml.io import PARSER_NAME

SIZES = (10, 100, 500)
WORDS = ("partners should share [bold]budgets[/bold] and staff, say so in the annual report; "
         'the "pooled budget" needs =SUM(A1) checks & a named officer 🎉\r\n').split(" ")


def text(n: int, length: int) -> str:
    words = [WORDS[(n * 7 + i) % len(WORDS)] for i in range(length // 5)]
    return " ".join(words)[:length] + f" ({n})"


def make_session(protocol: Protocol, n: int) -> Session:
    """One long workshop: what a room of twenty leaves after a full afternoon."""
    now = [datetime(2026, 11, 1, 9, 0, tzinfo=timezone.utc) + timedelta(days=n % 60, minutes=n)]

    def clock() -> datetime:
        now[0] += timedelta(seconds=20)
        return now[0]

    s = Session.new(protocol, f"Workshop group {n}", facilitator=f"Facilitator {n % 9}",
                    location="Town Hall, Committee Room 2", participants=12 + n % 20, clock=clock,
                    session_id=f"{n:08x}-5e6f-4a7b-8c9d-0e1f2a3b4c5d")
    commitments = [c.id for c in protocol.commitments]
    for i, cid in enumerate(commitments):
        s.set_votes(cid, {"agree": (n + i) % 14, "amend": (n * i) % 6, "disagree": (i % 4)})
    for i in range(25):
        s.add_comment(commitments[(n + i * 3) % len(commitments)], text(n + i, 200))
    for i in range(4):
        s.add_amendment(commitments[(n + i * 11) % len(commitments)], text(n * 3 + i, 120))
    for q in protocol.questions:
        s.add_answer(q.id, text(n + len(q.id), 300))
    s.set_recommendation("adopt-with-changes", reasons=text(n, 250), comments=text(n + 1, 150))
    if n % 3:
        s.mark_complete()
    return s


def run(protocol: Protocol, count: int, folder: Path) -> dict[str, float]:
    sessions = folder / f"sessions-{count}"
    store = SessionStore(sessions, protocol)
    files = [store.create(make_session(protocol, n)) for n in range(count)]
    in_bytes = sum(f.stat().st_size for f in files)
    out = folder / f"merged-{count}.toml"
    start = time.perf_counter()
    found, problems = read_all(files, protocol, show_progress=False)
    read = time.perf_counter()
    outcome = merge_records(found, ProtocolRef.of(protocol))
    merged = time.perf_counter()
    raw = dumps_merged(outcome.merged, protocol)
    dumped = time.perf_counter()
    atomic_write(out, raw)
    done = time.perf_counter()
    if problems or len(outcome.merged.records) != count:
        raise SystemExit(f"benchmark data is wrong: {problems[:3]}")
    return {"read": read - start, "merge": merged - read, "dump": dumped - merged,
            "write": done - dumped, "total": done - start, "in": in_bytes, "out": len(raw)}


def main(sizes: tuple[int, ...] = SIZES) -> None:
    protocol = load_protocol(bundled_protocol_path())
    print(f"TOML parser: {PARSER_NAME}; Python {sys.version.split()[0]}")
    head = (f"{'files':>6} {'input bytes':>12} {'read s':>8} {'merge s':>8} {'dump s':>8} "
            f"{'write s':>8} {'total s':>8} {'files/s':>8} {'output bytes':>13}")
    print(head)
    print("-" * len(head))
    with tempfile.TemporaryDirectory() as folder:
        for count in sizes:
            r = run(protocol, count, Path(folder))
            print(f"{count:>6} {r['in']:>12,} {r['read']:>8.3f} {r['merge']:>8.3f} "
                  f"{r['dump']:>8.3f} {r['write']:>8.3f} {r['total']:>8.3f} "
                  f"{count / r['total']:>8.0f} {r['out']:>13,}")


if __name__ == "__main__":
    main(tuple(int(a) for a in sys.argv[1:]) or SIZES)
