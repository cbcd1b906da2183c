"""How long a vote takes to appear when its commitment has a 1 MB comment; and quitting.

Run: python benchmarks/big_comment.py [--votes N] [--megabytes M]
Opens the app headless (Textual's test driver, 100x30) on a session whose first commitment has
a comment of M MB (default 1: lines of ordinary words), goes to that principle, then presses
`a` N times (default 5), each time waiting until the vote is drawn on screen and then until it
is saved, and prints the seconds per vote for each and the seconds quitting takes. Rendering
must not scale with the size of a comment: a vote should take about as long as with no comment
at all, which the last line prints for comparison (the rest is writing the megabyte to disk,
off the UI thread). Figures depend on the machine; compare the lines of one run.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import tempfile
import time
from datetime import date
from pathlib import Path

from workshop.protocol.load import bundled_protocol_path, load_protocol
from workshop.session.model import Session
from workshop.session.store import SessionStore
from workshop.tui.app import WorkshopApp


def big_text(megabytes: float) -> str:
    line = "A comment that goes on and on about sharing resources fairly between partners.\n"
    return (line * (int(megabytes * 1_000_000) // len(line) + 1))[: int(megabytes * 1_000_000)]


def make_file(folder: Path, protocol, megabytes: float) -> Path:
    session = Session.new(protocol, group="Benchmark", facilitator="F", on=date(2026, 11, 22),
                          participants=40)
    if megabytes:
        session.add_comment(protocol.commitments[0].id, big_text(megabytes))
    return SessionStore(folder, protocol).create(session)


async def measure(protocol, path: Path, votes: int) -> tuple[list[float], list[float], float]:
    app = WorkshopApp(protocol, SessionStore(path.parent, protocol), open_path=path)
    drawn: list[float] = []
    saved: list[float] = []
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        app.show_step(app.session.steps()[1])
        await pilot.pause()
        await app.settle()
        commitment = protocol.commitments[0].id
        for n in range(votes):
            start = time.perf_counter()
            await pilot.press("a")
            while app.session.counts(commitment)["agree"] < n + 1:
                await asyncio.sleep(0.001)
            await pilot.pause()  # the redraw the vote asked for
            drawn.append(time.perf_counter() - start)
            await app.settle()
            saved.append(time.perf_counter() - start)
        start = time.perf_counter()
        await pilot.press("ctrl+q")
    return drawn, saved, time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--votes", type=int, default=5)
    parser.add_argument("--megabytes", type=float, default=1.0)
    args = parser.parse_args()
    protocol = load_protocol(bundled_protocol_path())
    with tempfile.TemporaryDirectory() as folder:
        for megabytes in (args.megabytes, 0):
            path = make_file(Path(folder) / f"s{megabytes}", protocol, megabytes)
            drawn, saved, quitting = asyncio.run(measure(protocol, path, args.votes))
            label = f"{megabytes:g} MB comment" if megabytes else "no comment"
            print(f"{label:<16} per vote, on screen: median {statistics.median(drawn):6.3f} s, "
                  f"max {max(drawn):6.3f} s; on disk: median {statistics.median(saved):6.3f} s; "
                  f"quit {quitting:6.3f} s")


if __name__ == "__main__":
    main()
