"""How long `workshop merge` takes, and how much memory, against parsing the same files alone.

Run: python benchmarks/merge.py [N ...] [--before SRC] [--runs R]
     (tiny, for the smoke test: python benchmarks/merge.py 3 --runs 1)

For each N (10, 100, 1000 by default; 3000 too if asked) it writes N realistic sessions with
`benchmarks/make_sessions.py` (about 51 KB each) into a temporary folder, then measures, in the
same run and on the same files:

- the reference: each TOML reader installed reading and parsing every file alone (rtoml, the
  compiled tomli, the standard library's tomllib), and the fastest of them;
- `workshop merge DIR -o OUT --no-cache` as a command (a fresh process: start-up included), its
  wall time and peak memory (the child's own maximum resident set, from `os.wait4`);
- the same merge step by step in a fresh process: expanding the inputs, reading and checking
  them, merging, serialising, writing, and the summary it prints;
- `workshop merge` with its cache, the second time (every input unchanged, so none is read);
- with `--before SRC` (the `src` folder of an older checkout), that version's merge as well.

Times are medians of R runs (3 by default), wall and CPU (a command's CPU time counts its second
process too). Prints one table per N and the ratio of each merge to the fastest parser (the
target of issue 15: at most 1.3), in wall time and in CPU time (steadier on a shared machine).
Compare rows of one run, never runs on different machines or days. No assertions: figures only.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
SRC = HERE.parent / "src"
SIZES = (10, 100, 1000)


WORDS = ("partners should share [bold]budgets[/bold] and staff, say so in the annual report; "
         'the "pooled budget" needs =SUM(A1) checks & a named officer 🎉\r\n').split(" ")


def text(n: int, length: int) -> str:
    """make_session's text (not make_sessions.py's: xlsx_writers.py's figures stay comparable)."""
    words = [WORDS[(n * 7 + i) % len(WORDS)] for i in range(length // 5)]
    return " ".join(words)[:length] + f" ({n})"


def make_session(protocol, n: int):
    """One long workshop as this benchmark made it before make_sessions.py existed (25 comments,
    4 proposed wordings, an answer per question): benchmarks/xlsx_writers.py builds on it."""
    from datetime import datetime, timedelta, timezone

    from workshop.session.model import Session

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


def readers() -> dict[str, object]:
    """Every TOML reader installed: name → loads."""
    out = {}
    try:
        import rtoml

        out["rtoml"] = rtoml.loads
    except ImportError:
        pass
    try:
        import tomli

        out["tomli"] = tomli.loads
    except ImportError:
        pass
    import tomllib

    out["tomllib"] = tomllib.loads
    return out


def parse_alone(files: list[Path], loads) -> tuple[float, float]:
    """(wall, CPU) seconds to read, decode and parse every file, and nothing else."""
    start, cpu = time.perf_counter(), time.process_time()
    for path in files:
        loads(path.read_bytes().decode("utf-8"))
    return time.perf_counter() - start, time.process_time() - cpu


WRAPPER = ("import resource, subprocess, sys\n"
           "done = subprocess.run(sys.argv[1:], stdout=subprocess.PIPE)\n"
           "use = resource.getrusage(resource.RUSAGE_CHILDREN)\n"
           "sys.stderr.write(f'{use.ru_maxrss} {use.ru_utime + use.ru_stime}\\n')\n"
           "sys.stdout.buffer.write(done.stdout)\n"
           "sys.exit(done.returncode)\n")
"""Runs one command as its only child, so RUSAGE_CHILDREN is that command's own peak memory and
CPU time (its own processes included: the second process that reads half the files)."""


def run_child(argv: list[str], src: Path = SRC) -> tuple[float, int, float, str]:
    """(wall seconds, peak resident set in bytes, CPU seconds, stdout) of one command in a fresh
    process."""
    env = dict(os.environ, PYTHONPATH=str(src))
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-c", WRAPPER, *argv], env=env, capture_output=True)
    wall = time.perf_counter() - start
    if done.returncode:
        raise SystemExit(f"{' '.join(argv)} failed:\n{done.stderr.decode()[-2000:]}")
    peak, cpu = done.stderr.decode().strip().splitlines()[-1].split()
    return wall, int(peak) * 1024, float(cpu), done.stdout.decode()  # Linux: ru_maxrss in KiB


def merge_command(folder: Path, out: Path, *flags: str) -> list[str]:
    protocol = SRC / "workshop" / "protocol" / "protocol.toml"
    return [sys.executable, "-m", "workshop", "--protocol", str(protocol), "merge", str(folder),
            "-o", str(out), *flags]


def child_parts(folder: str, out: str) -> None:
    """In a fresh process: the merge command's steps, timed one by one (printed as JSON)."""
    import io
    from contextlib import redirect_stdout

    from workshop.cli.merge import print_summary, read_counted
    from workshop.consultation.inputs import expand_inputs
    from workshop.consultation.merge_rules import merge_records
    from workshop.consultation.merged_file import dumps_merged
    from workshop.consultation.records import ProtocolRef
    from workshop.protocol.load import bundled_protocol_path, load_protocol
    from workshop.toml.atomic import atomic_write

    marks = [("start", time.perf_counter())]
    protocol = load_protocol(bundled_protocol_path())
    files, _ = expand_inputs([Path(folder)])
    marks.append(("expand", time.perf_counter()))
    found, problems, _ = read_counted(files, protocol, False)
    marks.append(("read", time.perf_counter()))
    outcome = merge_records(found, ProtocolRef.of(protocol))
    marks.append(("merge", time.perf_counter()))
    raw = dumps_merged(outcome.merged, protocol)
    marks.append(("dump", time.perf_counter()))
    atomic_write(Path(out), raw)
    marks.append(("write", time.perf_counter()))
    with redirect_stdout(io.StringIO()):
        print_summary(outcome, protocol, files, [], out)
    marks.append(("summary", time.perf_counter()))
    parts = {name: t - marks[i][1] for i, (name, t) in enumerate(marks[1:])}
    print(json.dumps({**parts, "bytes": len(raw), "problems": len(problems)}))


def timed(argv: list[str], runs: int, src: Path = SRC) -> tuple[float, float, int]:
    """Median wall and CPU seconds, and the largest peak memory, of `runs` runs of a command."""
    results = [run_child(argv, src) for _ in range(runs)]
    return (statistics.median(r[0] for r in results), statistics.median(r[2] for r in results),
            max(r[1] for r in results))


def measure(count: int, folder: Path, runs: int, before: Path | None) -> dict[str, object]:
    sys.path.insert(0, str(HERE))
    from make_sessions import make_sessions

    sessions = folder / f"s{count}"
    files = make_sessions(count, sessions)
    out = folder / f"m{count}.toml"
    row: dict[str, object] = {"n": count, "in": sum(f.stat().st_size for f in files)}
    for name, loads in readers().items():
        times = [parse_alone(files, loads) for _ in range(runs)]
        row[name] = (statistics.median(t[0] for t in times), statistics.median(t[1] for t in times))
    row["merge"] = timed(merge_command(sessions, out, "--no-cache"), runs)
    row["out"] = out.stat().st_size
    run_child(merge_command(sessions, folder / "cached.toml"))  # fills the cache
    row["cached"] = timed(merge_command(sessions, folder / "cached.toml"), runs)
    if (folder / "cached.toml").read_bytes() != out.read_bytes():
        raise SystemExit("the cached merge wrote other bytes")
    parts = [json.loads(run_child([sys.executable, __file__, "--child", str(sessions),
                                   str(folder / "parts.toml")])[3]) for _ in range(runs)]
    row["parts"] = {k: statistics.median(p[k] for p in parts) for k in parts[0]}
    if before is not None:
        old = folder / "before.toml"
        flags = [] if _old_has_no_cache(before) else ["--no-cache"]
        row["before"] = timed(merge_command(sessions, old, *flags), runs, before)
        row["same"] = old.read_bytes() == out.read_bytes()
    shutil.rmtree(sessions)
    return row


def _old_has_no_cache(src: Path) -> bool:
    """An older checkout without the cache has no --no-cache flag."""
    return "no-cache" not in (src / "workshop" / "cli" / "merge.py").read_text(encoding="utf-8")


def print_row(row: dict) -> None:
    names = [n for n in ("rtoml", "tomli", "tomllib") if n in row]
    fastest = min(names, key=lambda n: row[n][0])
    wall, cpu = row[fastest]
    print(f"\nN = {row['n']:,}: {row['in'] / 1e6:.1f} MB of sessions -> {row['out'] / 1e6:.1f} MB "
          f"merged")
    print("  parsing the files alone, wall (CPU) s: " + ", ".join(
        f"{n} {row[n][0]:.2f} ({row[n][1]:.2f})" for n in names) + f"; fastest: {fastest}")
    print(f"  {'what':<34} {'wall s':>7} {'CPU s':>7} {'x parser':>9} {'x CPU':>7} {'peak MiB':>9}")
    lines = [("merge --no-cache (command)", row["merge"]),
             ("merge again, cached (command)", row["cached"])]
    if "before" in row:
        lines.append(("merge before (command, --before)", row["before"]))
    for label, (w, c, peak) in lines:
        print(f"  {label:<34} {w:>7.2f} {c:>7.2f} {w / wall:>9.2f} {c / cpu:>7.2f} "
              f"{peak / 2**20:>9,.0f}")
    steps = {k: v for k, v in row["parts"].items() if k not in ("bytes", "problems")}
    print("  steps in one process, s: " + ", ".join(f"{k} {v:.2f}" for k, v in steps.items())
          + f"; their sum {sum(steps.values()) / wall:.2f} x the parser")
    if "same" in row:
        print(f"  before gives the same bytes: {row['same']}")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("sizes", nargs="*", type=int, metavar="N")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--before", type=Path, metavar="SRC",
                        help="the src folder of an older checkout, to time its merge too")
    parser.add_argument("--child", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        child_parts(*args.child)
        return
    sys.path.insert(0, str(SRC))
    from workshop.toml.io import PARSER_NAME

    print(f"workshop reads with {PARSER_NAME}; Python {sys.version.split()[0]}; "
          f"{os.cpu_count()} CPUs; medians of {args.runs} run(s)")
    with tempfile.TemporaryDirectory() as folder:
        for count in args.sizes or SIZES:
            print_row(measure(count, Path(folder), args.runs, args.before))


if __name__ == "__main__":
    main()
