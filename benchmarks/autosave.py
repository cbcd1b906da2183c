"""How long a change takes to save, and whether saving can hold up the screen.

Run: python benchmarks/autosave.py
Prints, for a small session and for a large one (every commitment voted, 200 comments of 500
characters), the time the UI thread spends per change (a snapshot handed to the writer) and
the time the writer thread spends per save (TOML, write, fsync, rename, fsync folder), as the
median and 95th percentile of 200 runs. The UI-thread figure is what a facilitator could feel;
a frame at 60 Hz is 16.7 ms. Figures depend on the disk and the machine's load: compare the two
columns of one run, not runs on different machines.
"""

from __future__ import annotations

import statistics
import tempfile
import time
from pathlib import Path

from workshop.protocol.load import bundled_protocol_path, load_protocol
from workshop.session.autosave import Autosaver
from workshop.session.file_format import dumps_session
from workshop.session.model import Session
from workshop.toml.atomic import atomic_write

RUNS = 200


def percentile(values: list[float], fraction: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(fraction * len(values)))]


def make(protocol, big: bool) -> Session:
    session = Session.new(protocol, group="Benchmark", participants=40)
    if big:
        for c in protocol.commitments:
            session.set_votes(c.id, {"agree": 20, "amend": 12, "disagree": 8})
        for n in range(200):
            session.add_comment(protocol.commitments[n % 37].id, ("word " * 100)[:500] + str(n))
    return session


def main() -> None:
    protocol = load_protocol(bundled_protocol_path())
    with tempfile.TemporaryDirectory() as folder:
        print(f"{'session':<8} {'bytes':>8} {'UI thread ms (median / p95)':>30} {'disk save ms (median / p95)':>30}")
        for big in (False, True):
            session = make(protocol, big)
            path = Path(folder) / f"{'big' if big else 'small'}.toml"
            saver = Autosaver(path)
            ui, disk = [], []
            for _ in range(RUNS):
                session.add_vote(protocol.commitments[0].id, "agree")
                start = time.perf_counter()
                saver.submit(session)
                ui.append((time.perf_counter() - start) * 1000)
                saver.wait_idle()
                start = time.perf_counter()
                atomic_write(path, dumps_session(session))
                disk.append((time.perf_counter() - start) * 1000)
            saver.close()
            size = len(dumps_session(session))
            print(f"{'big' if big else 'small':<8} {size:>8} "
                  f"{statistics.median(ui):>17.2f} / {percentile(ui, 0.95):>6.2f}"
                  f"{statistics.median(disk):>23.2f} / {percentile(disk, 0.95):>6.2f}")


if __name__ == "__main__":
    main()
