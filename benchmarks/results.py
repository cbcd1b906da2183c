"""How long the results view takes to show its first screen, and each move of its highlight.

Run: python benchmarks/results.py [N] [--file MERGED] [--moves M] [--runs R] [--no-pty]

Builds a merged file of N realistic sessions (benchmarks/make_sessions.py, then `workshop
merge`; 1000 by default), or copies MERGED (e.g. /tmp/bench/m1000.toml) into a temp folder, and
a reference merge of 5 sessions. Then, in the same run:
- the reference: reading the merged file alone (`consultation.inputs.read_result`), the wall
  the view cannot start before; and building its report (`build_report`), which the view lays
  out (its time is the report's, not the view's);
- `App.run_test` (120x40): the first screen (the app built with the file, until the results are
  laid out and idle), then M moves of the Commitments list's highlight (↓, each timed until the
  app is idle again: wall time and the process's CPU time, which a busy neighbour disturbs
  less), and `m` (the next page of entries); the same moves on the 5-session merge, the floor
  a move cannot go under;
- unless --no-pty, `workshop results FILE` on a 100x30 pseudo-terminal, from starting the
  process to the title line appearing on it (benchmarks/startup.py's `time_to_screen`); R runs.
Prints a table: medians (p50), p95 and max of the moves; ratios to the references. Targets (issue
15): first screen ≤ 1 s, a move ≤ 50 ms. Figures depend on the machine and its load: compare the
rows of one run. Smoke test: `python benchmarks/results.py 2 --moves 2 --runs 1`.
"""

from __future__ import annotations

import argparse
import asyncio
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

from make_sessions import make_sessions
from startup import time_to_screen

from workshop.cli.main import main as workshop
from workshop.consultation.inputs import read_result
from workshop.consultation.report_build import build_report
from workshop.protocol.load import bundled_protocol_path, load_protocol
from workshop.protocol.model import Protocol
from workshop.session.store import SessionStore
from workshop.tui.app import WorkshopApp
from workshop.tui.screens.results import ResultsScreen

SIZE = (120, 40)


def merged(count: int, root: Path, protocol: Protocol) -> Path:
    """A merged file of `count` realistic sessions, made by `workshop merge`."""
    folder = root / f"s{count}"
    make_sessions(count, folder, protocol=protocol)
    out = root / f"m{count}.toml"
    if workshop(["merge", str(folder), "-o", str(out)]) != 0:
        raise SystemExit(f"workshop merge {folder} failed")
    return out


async def drive(path: Path, protocol: Protocol, moves: int, root: Path) -> dict[str, object]:
    """The first screen, `moves` highlight moves (wall, CPU) and one `m`, in App.run_test."""
    app = WorkshopApp(protocol, SessionStore(root / "sessions", protocol), results_path=path)
    start = time.perf_counter()
    async with app.run_test(size=SIZE) as pilot:
        while not isinstance(app.screen, ResultsScreen):
            await pilot.pause()
        await pilot.pause()
        await pilot.pause()
        first = time.perf_counter() - start
        walls, cpus = [], []
        for _ in range(moves):
            wall, cpu = time.perf_counter(), time.process_time()
            await pilot.press("down")
            await pilot.pause()
            walls.append(time.perf_counter() - wall)
            cpus.append(time.process_time() - cpu)
        wall = time.perf_counter()
        await pilot.press("m")
        await pilot.pause()
        more = time.perf_counter() - wall
    return {"first": first, "walls": walls, "cpus": cpus, "more": more}


def terminal_runs(path: Path, root: Path, runs: int) -> list[float]:
    """`workshop results FILE` on a pseudo-terminal to its title line, `runs` times; [] if it
    did not show it within startup.py's timeout (the figure is then "> 60 s")."""
    argv = [sys.executable, "-m", "workshop", "results", str(path)]
    try:
        return [time_to_screen(argv, root, f" · {path.name} · ".encode()) for _ in range(runs)]
    except SystemExit as exc:
        print(str(exc).splitlines()[0], file=sys.stderr)
        return []


def spread(values: list[float]) -> str:
    """`p50 / p95 / max` in ms."""
    ordered = sorted(values)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return f"{statistics.median(ordered) * 1000:7.1f} / {p95 * 1000:7.1f} / " \
           f"{ordered[-1] * 1000:7.1f}"


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("count", type=int, nargs="?", default=1000, metavar="N")
    parser.add_argument("--file", type=Path, help="a merged file to copy instead of making one")
    parser.add_argument("--moves", type=int, default=20)
    parser.add_argument("--runs", type=int, default=3, help="pseudo-terminal runs")
    parser.add_argument("--no-pty", action="store_true")
    args = parser.parse_args(argv)
    protocol = load_protocol(bundled_protocol_path())
    root = Path(tempfile.mkdtemp(prefix="results-bench-"))
    try:
        if args.file:
            path = Path(shutil.copy(args.file, root / args.file.name))
        else:
            path = merged(args.count, root, protocol)
        small = merged(5, root / "small", protocol)
        report(path, small, protocol, args, root)
    finally:
        shutil.rmtree(root, ignore_errors=True)


def report(path: Path, small: Path, protocol: Protocol, args: argparse.Namespace,
           root: Path) -> None:
    start = time.perf_counter()
    result = read_result(path, protocol)
    read = time.perf_counter() - start
    start = time.perf_counter()
    build_report(result, protocol)
    build = time.perf_counter() - start
    sessions = len(result.records)
    del result
    big = asyncio.run(drive(path, protocol, args.moves, root / "big"))
    floor = asyncio.run(drive(small, protocol, args.moves, root / "small-run"))
    ptys = [] if args.no_pty else terminal_runs(path, root, args.runs)
    print(f"Results view of {sessions} sessions ({path.stat().st_size / 1e6:.1f} MB), "
          f"{SIZE[0]}x{SIZE[1]}, {args.moves} moves\n")
    print(f"{'what':<46} {'seconds':>9}  {'x reference':>11}  target")
    print(f"{'reference: read_result alone':<46} {read:9.2f}  {'1.0':>11}")
    print(f"{'build_report alone (after reading)':<46} {build:9.2f}  {build / read:11.1f}")
    print(f"{'first screen, App.run_test':<46} {big['first']:9.2f}  "
          f"{big['first'] / read:11.1f}  <= 1 s")
    if ptys:
        pty = statistics.median(ptys)
        print(f"{f'first screen, workshop results (pty, p50 of {len(ptys)})':<46} {pty:9.2f}  "
              f"{pty / read:11.1f}  <= 1 s")
    elif not args.no_pty:
        print(f"{'first screen, workshop results (pty)':<46} {'> 60':>9}  (no title in 60 s)")
    print(f"{'m: the next page of entries':<46} {big['more']:9.3f}")
    print(f"\n{'a move of the highlight (ms)':<46} {'p50 / p95 / max':>25}")
    print(f"{f'{sessions} sessions, wall':<46} {spread(big['walls'])}   target p50 <= 50")
    print(f"{f'{sessions} sessions, CPU of the process':<46} {spread(big['cpus'])}")
    print(f"{'reference: 5 sessions, wall':<46} {spread(floor['walls'])}")
    print(f"{'reference: 5 sessions, CPU of the process':<46} {spread(floor['cpus'])}")
    ratio = statistics.median(big["walls"]) / statistics.median(floor["walls"])
    print(f"\nA move at {sessions} sessions takes {ratio:.1f}x a move at 5 (p50, wall).")


if __name__ == "__main__":
    main()
