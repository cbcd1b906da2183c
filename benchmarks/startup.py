"""How long `workshop` takes to show its first screen, against a bare Textual app.

Run: python benchmarks/startup.py [--files N ...] [--runs R] [--kb K]

Each program runs on a pseudo-terminal of 100x30 (TERM=xterm-256color), as a facilitator's
terminal would run it; the time is from starting the process to a known string of its first
screen appearing on the terminal, then the process is killed. Timed, in the same run:
- the reference: a bare Textual app (Header + Static + Footer, written to a temp file);
- `workshop open FILE` (a 51 KB session, at its introduction) with an empty `./sessions`;
- the same with N realistic sessions in `./sessions` (benchmarks/make_sessions.py), for each N;
- `workshop` (the start screen) with N sessions in `./sessions`, for each N.
Prints the median of R runs of each (the programs take turns, so a noisy neighbour slows them
alike) and its ratio to the bare app's median, the target being 1.3 at most; then the modules
that take longest to import before `workshop open` draws its first screen (`-X importtime`), and
whether any of the heavy ones (exports, Word, Excel, charts, the results view, the analysis,
the projector's server) was imported. Figures depend on the machine and its load: compare the
ratios of one run. `--before SRC` also times each `workshop` program with PYTHONPATH=SRC (e.g.
the `src` of a `git worktree` of an older commit), in the same run, on the same files.
Smoke test: `python benchmarks/startup.py --files 2 --runs 1 --kb 14`.
"""

from __future__ import annotations

import argparse
import fcntl
import os
import pty
import re
import select
import shutil
import signal
import statistics
import struct
import subprocess
import sys
import tempfile
import termios
import time
from pathlib import Path

from make_sessions import make_session, make_sessions

from workshop.protocol.load import bundled_protocol_path, load_protocol
from workshop.session.store import SessionStore

BARE_APP = '''
from textual.app import App
from textual.widgets import Footer, Header, Static


class Bare(App):
    def compose(self):
        yield Header()
        yield Static("The bare app is ready")
        yield Footer()


Bare().run()
'''
BARE_MARK = b"The bare app is ready"
OPEN_MARK = b"Introduction"
"""The step bar's title of the session opened (it is at its introduction)."""
START_MARK = b"newest first"
"""The start screen's line under the table: `N sessions in DIR, newest first.`"""
TIMEOUT = 60.0
IMPORT_LINE = re.compile(r"import time:\s+(\d+) \|\s+\d+ \| ([\w. ]+)")

HEAVY = ("docx", "xlsxwriter", "openpyxl", "matplotlib", "sklearn", "http.server",
         "workshop.export", "workshop.analysis", "workshop.projector.server",
         "workshop.tui.screens.results", "workshop.consultation.report")
"""Modules the first screen of `workshop open` does not need (their packages included)."""


def time_to_screen(argv: list[str], cwd: Path, mark: bytes, env: dict[str, str] | None = None,
                   keep: list[bytes] | None = None) -> float:
    """Seconds from starting `argv` on a 100x30 pseudo-terminal to `mark` appearing on it;
    what the terminal received is appended to `keep`."""
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 30, 100, 0, 0))
    environ = {**os.environ, "TERM": "xterm-256color", "COLUMNS": "100", "LINES": "30",
               **(env or {})}
    start = time.perf_counter()
    proc = subprocess.Popen(argv, stdin=slave, stdout=slave, stderr=slave, cwd=cwd, env=environ,
                            start_new_session=True)
    os.close(slave)
    seen, kept = b"", keep if keep is not None else []
    try:
        while mark not in seen:
            if time.perf_counter() - start > TIMEOUT:
                raise SystemExit(f"{' '.join(argv)}: no {mark!r} after {TIMEOUT:.0f} s:\n"
                                 f"{seen[-1500:]!r}")
            ready, _, _ = select.select([master], [], [], 0.5)
            if ready:
                try:
                    kept.append(os.read(master, 65536))
                    seen = seen[-4096:] + kept[-1]
                except OSError:  # the program ended
                    raise SystemExit(f"{' '.join(argv)} ended: {seen[-1500:]!r}") from None
        return time.perf_counter() - start
    finally:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()
        os.close(master)


class Cases:
    """The programs timed, and the folders they run in (made once, under `root`)."""

    def __init__(self, root: Path, counts: list[int], kb: int) -> None:
        protocol = load_protocol(bundled_protocol_path())
        self.root = root
        self.bare = root / "bare.py"
        self.bare.write_text(BARE_APP)
        self.session = root / "session.toml"
        made = SessionStore(root, protocol).create(make_session(protocol, 10_000, kb))
        made.rename(self.session)
        self.before: Path | None = None
        self.folders = {0: root / "empty"}
        (root / "empty" / "sessions").mkdir(parents=True)
        for count in counts:
            self.folders[count] = root / f"with-{count}"
            make_sessions(count, self.folders[count] / "sessions", kb, protocol=protocol)

    def open_file(self, cwd: Path) -> Path:
        """A fresh copy of the session to open (the last run was killed holding its lock)."""
        folder = cwd / "opened"
        shutil.rmtree(folder, ignore_errors=True)
        folder.mkdir()
        return Path(shutil.copy(self.session, folder / "session.toml"))

    def run(self, name: str, *options: str, **kwargs) -> float:
        """Time the program `name` (bare, open:N, start:N, or before:open:N, before:start:N
        for the code in `self.before`), run with Python's `options`."""
        py = [sys.executable, *options]
        if name.startswith("before:"):
            name, kwargs["env"] = name[7:], {"PYTHONPATH": str(self.before)}
        if name == "bare":
            return time_to_screen([*py, str(self.bare)], self.root, BARE_MARK, **kwargs)
        kind, count = name.split(":")
        cwd = self.folders[int(count)]
        if kind == "open":
            argv = [*py, "-m", "workshop", "open", str(self.open_file(cwd))]
            return time_to_screen(argv, cwd, OPEN_MARK, **kwargs)
        return time_to_screen([*py, "-m", "workshop"], cwd, START_MARK, **kwargs)


def import_profile(cases: Cases, top: int = 12) -> tuple[list[tuple[int, str]], list[str]]:
    """The modules slowest to import (own time, µs) before `workshop open`'s first screen, and
    which of HEAVY were imported by then."""
    kept: list[bytes] = []  # Textual draws on stderr too: the lines are picked out of it
    cases.run("open:0", "-X", "importtime", keep=kept)
    found = IMPORT_LINE.findall(b"".join(kept).decode(errors="replace"))
    rows = [(int(micros), module.strip()) for micros, module in found]
    names = {name for _, name in rows}
    heavy = sorted(n for n in names if any(n == h or n.startswith(h + ".") for h in HEAVY))
    return sorted(rows, reverse=True)[:top], heavy


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--files", type=int, nargs="+", default=[100, 1000], metavar="N",
                        help="how many sessions in ./sessions (default: 100 1000)")
    parser.add_argument("--runs", type=int, default=7, metavar="R", help="runs of each (7)")
    parser.add_argument("--kb", type=int, default=51, help="about how big each session is (KB)")
    parser.add_argument("--before", type=Path, metavar="SRC",
                        help="also time the workshop programs with PYTHONPATH=SRC")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        cases = Cases(Path(tmp), args.files, args.kb)
        cases.before = args.before
        names = ["bare", "open:0", *(f"open:{n}" for n in args.files),
                 *(f"start:{n}" for n in args.files)]
        if args.before:
            names += [f"before:{name}" for name in names[1:]]
        times: dict[str, list[float]] = {name: [] for name in names}
        for name in names:  # once unmeasured: the files and modules are in the page cache
            cases.run(name)
        for _ in range(args.runs):
            for name in names:
                times[name].append(cases.run(name))
        slowest, heavy = import_profile(cases)
    bare = statistics.median(times["bare"])
    print(f"First screen on a 100x30 pty, median of {args.runs} run(s), {args.kb} KB sessions")
    print(f"{'program':<53} {'median s':>9} {'× bare':>7} {'≤ 1.3×':>7}")
    for name in names:
        median = statistics.median(times[name])
        if name == "bare":
            label = "bare Textual app (Header+Static+Footer)"
        else:
            kind, count = name.split(":")[-2:]
            label = ("workshop open FILE" if kind == "open" else "workshop (start screen)") + \
                f", {int(count):,} in ./sessions" + (" (before)" if "before:" in name else "")
        met = "" if name == "bare" else ("met" if median <= 1.3 * bare else "NOT met")
        print(f"{label:<53} {median:>9.3f} {median / bare:>7.2f} {met:>7}")
    print("\nSlowest imports before `workshop open` draws (own time, ms):")
    for micros, module in slowest:
        print(f"  {micros / 1000:7.1f}  {module}")
    print("Heavy modules imported before the first screen: " + (", ".join(heavy) or "none"))


if __name__ == "__main__":
    sys.exit(main())
