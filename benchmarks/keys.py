"""Keys that never wait: a vote key to the change on disk, and the UI thread's time per key.

Run: python benchmarks/keys.py [--presses N] [--kb K ...]   (tiny: --presses 6 --kb 10)

Drives the real app headless (`App.run_test`) on a session made by benchmarks/make_sessions.py
(`--kb` sets its size: 10 and 170 by default, the biggest a facilitator is likely to keep),
opened at its principle with the most commitments. It presses the first vote key and shift+key
in turn (a vote added, then taken away: the file keeps its size), N times, one key at a time,
and for each press measures:

- key → disk: from the key event handed to the app until the autosaver's `atomic_write` of the
  session file has returned (timed in the writer thread itself: a thread polling the file
  would wait for the GIL too, and add its waits to the figure); the file is then checked to
  have been replaced;
- UI thread: the time the app's event loop spends running callbacks from the key until the app
  is idle again, which takes in the key's handler, the redraw and layout it causes, and the
  "Saved" label's update when the save reports back (wall time, so time lost waiting for the
  GIL while the writer thread serialises counts; the CPU time is shown beside it). Headless,
  the last step of a frame, writing escape codes to a terminal, is skipped;
- reference, after each press, in the same run: the bare `atomic_write` of the same bytes to a
  file beside the session (temp file, write, fsync, rename, fsync of the folder).

Prints p50/p95/max of each in ms and the ratio of key → disk to the bare write. The machine's
load moves every figure: compare columns of one run, not runs. Targets (issue 15): key → disk
p95 ≤ 1.3× the bare write's p95 on a small session; UI thread ≤ 4 ms per key at any size.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

from textual import events

sys.path.insert(0, str(Path(__file__).resolve().parent))

from make_sessions import make_session  # noqa: E402

import workshop.session.autosave as autosave  # noqa: E402
from workshop.protocol.load import bundled_protocol_path, load_protocol  # noqa: E402
from workshop.session.kinds import Step  # noqa: E402
from workshop.session.store import SessionStore  # noqa: E402
from workshop.toml.atomic import atomic_write  # noqa: E402
from workshop.tui.app import WorkshopApp  # noqa: E402


class LoopMeter:
    """Wall and CPU time the event loop's thread spends in callbacks (every task step, timer and
    thread hand-over of the app is one), except the benchmark's own task's steps."""

    def __init__(self) -> None:
        self.wall = 0.0
        self.cpu = 0.0
        self.own_task: asyncio.Task | None = None
        self._original = asyncio.events.Handle._run

    def __enter__(self) -> LoopMeter:
        meter, original = self, self._original

        def _run(handle: asyncio.events.Handle) -> None:
            callback = handle._callback
            if meter.own_task is not None and getattr(callback, "__self__", None) is meter.own_task:
                return original(handle)
            wall, cpu = time.perf_counter(), time.thread_time()
            try:
                return original(handle)
            finally:
                meter.wall += time.perf_counter() - wall
                meter.cpu += time.thread_time() - cpu

        asyncio.events.Handle._run = _run
        return self

    def __exit__(self, *exc: object) -> None:
        asyncio.events.Handle._run = self._original


def file_id(path: Path) -> tuple[int, int, int]:
    stat = os.stat(path)
    return stat.st_ino, stat.st_mtime_ns, stat.st_size


class WriteClock:
    """Wraps the autosaver's `atomic_write`: the moment each write of `path` returned."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.done = threading.Event()
        self.when = 0.0
        self._real = autosave.atomic_write

    def __enter__(self) -> WriteClock:
        def atomic_write(target, data, *args, **kwargs):
            result = self._real(target, data, *args, **kwargs)
            if Path(target) == self.path:
                self.when = time.perf_counter()
                self.done.set()
            return result

        autosave.atomic_write = atomic_write
        return self

    def __exit__(self, *exc: object) -> None:
        autosave.atomic_write = self._real

    def wait(self, timeout: float = 10.0) -> float:
        """The moment the next write of the file returned."""
        if not self.done.wait(timeout):
            raise TimeoutError(f"{self.path} was not saved within {timeout} s")
        self.done.clear()
        return self.when


async def wait_quiet(meter: LoopMeter, quiet: float = 0.015, limit: float = 5.0) -> None:
    """Wait until the app's loop has done (almost) nothing for `quiet` seconds."""
    end = time.perf_counter() + limit
    while time.perf_counter() < end:
        busy = meter.wall
        await asyncio.sleep(quiet)
        if meter.wall - busy < 0.0002:
            return


def key_event(key: str) -> events.Key:
    return events.Key(key, key if len(key) == 1 else None)


async def drive(kb: int, presses: int, folder: Path) -> dict[str, list[float]]:
    """One session of about `kb` KB: `presses` vote keys, each measured alone."""
    protocol = load_protocol(bundled_protocol_path())
    store = SessionStore(folder / f"{kb}kb", protocol)
    path = store.create(make_session(protocol, 0, kb))
    reference = path.with_name("reference.toml")
    principle = max(protocol.principles, key=lambda p: len(p.commitments))
    key = make_session(protocol, 0, kb).options[0].key
    figures: dict[str, list[float]] = {"disk": [], "ui": [], "cpu": [], "bare": []}
    app = WorkshopApp(protocol, store, open_path=path)
    with LoopMeter() as meter, WriteClock(path) as writes:
        async with app.run_test(size=(100, 30)) as pilot:
            meter.own_task = asyncio.current_task()
            app.show_step(Step.principle(principle.id))
            await pilot.pause()
            await app.settle()
            await wait_quiet(meter)
            for n in range(presses):
                before = file_id(path)
                writes.done.clear()
                seen = asyncio.get_running_loop().run_in_executor(None, writes.wait)
                wall, cpu = meter.wall, meter.cpu
                start = time.perf_counter()
                app._driver.send_message(key_event(key if n % 2 == 0 else key.upper()))
                figures["disk"].append((await seen - start) * 1000)
                if file_id(path) == before:
                    raise SystemExit(f"{path} was not replaced by the save")
                await app.settle()
                await wait_quiet(meter)
                figures["ui"].append((meter.wall - wall) * 1000)
                figures["cpu"].append((meter.cpu - cpu) * 1000)
                data = path.read_bytes()
                start = time.perf_counter()
                atomic_write(reference, data)
                figures["bare"].append((time.perf_counter() - start) * 1000)
            if path.read_bytes() != app.live.file_bytes():
                raise SystemExit(f"{path}: the file is not the session in memory")
    return figures


def percentile(values: list[float], fraction: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, round(fraction * (len(values) - 1)))]


def summary(values: list[float]) -> tuple[float, float, float]:
    return statistics.median(values), percentile(values, 0.95), max(values)


def table(kb: int, size: int, figures: dict[str, list[float]]) -> list[str]:
    rows = []
    labels = {"disk": "key → disk", "bare": "bare atomic write (ref)",
              "ui": "UI thread per key (wall)", "cpu": "UI thread per key (CPU)"}
    for name in ("disk", "bare", "ui", "cpu"):
        p50, p95, top = summary(figures[name])
        rows.append(f"{kb:>5} {size:>9,} {labels[name]:<26} {p50:>8.2f} {p95:>8.2f} {top:>8.2f}")
    disk, bare = summary(figures["disk"]), summary(figures["bare"])
    rows.append(f"{kb:>5} {size:>9,} {'key → disk / bare write':<26} {disk[0] / bare[0]:>7.2f}× "
                f"{disk[1] / bare[1]:>7.2f}×")
    return rows


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--presses", type=int, default=500, metavar="N")
    parser.add_argument("--kb", type=int, nargs="+", default=[10, 170], metavar="K")
    args = parser.parse_args(argv)
    print(f"{args.presses} presses per session; times in ms")
    print(f"{'KB':>5} {'bytes':>9} {'what':<26} {'p50':>8} {'p95':>8} {'max':>8}")
    with tempfile.TemporaryDirectory() as folder:
        for kb in args.kb:
            figures = asyncio.run(drive(kb, args.presses, Path(folder)))
            size = next(Path(folder, f"{kb}kb").glob("2*.toml")).stat().st_size
            print("\n".join(table(kb, size, figures)), flush=True)


if __name__ == "__main__":
    main()
