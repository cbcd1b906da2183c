"""How long each `workshop export` of a merged result takes, at N sessions and at N/10.

Run: python benchmarks/exports.py [N] [--file MERGED] [--formats md,html,...] [--runs R]

Builds a merged file of N realistic sessions (benchmarks/make_sessions.py, then `workshop
merge`; 1000 by default), or copies MERGED (e.g. /tmp/bench/m1000.toml, which must hold N
sessions) into a temp folder, and a merged file of N/10 sessions for linearity. Then, for each
size, each in a fresh process so its peak memory is its own, R times (medians are printed):
- the reference: reading the merged file alone (`consultation.inputs.read_result`);
- each export as `workshop export` does it: reading, `build_report` (timed on its own: every
  format starts from it), rendering the format (md, html, csv: the votes table, xlsx, docx) and
  writing it atomically, or writing the open data package (data);
  with the process's CPU time beside the wall time (a busy neighbour disturbs it less) and its
  peak memory (max RSS).
Prints a table: per size and format, read / build_report / render / total in seconds (wall),
the total's ratio to the read alone, CPU seconds (the process's, and build_report's and the
render's alone) and peak MB; then each format's N : N/10 time ratio (10 is linear). Target
(issue 15): every export of a 1,000-session merge ≤ 1 s, linear in N. Figures depend on the
machine and its load (CPU times less): compare the rows of one run. With
`PYTHONPATH=<a worktree of 8846c29>/src` it measures the code before the speed work.
Smoke test: `python benchmarks/exports.py 4 --runs 1 --formats md,csv`.
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from make_sessions import make_sessions

from workshop.cli.main import main as workshop
from workshop.protocol.load import bundled_protocol_path, load_protocol

FORMATS = ("md", "html", "csv", "xlsx", "docx", "data")

CHILD = r"""
import json, resource, sys, time
from pathlib import Path
c0 = time.process_time()
from workshop.consultation.inputs import read_result
from workshop.protocol.load import bundled_protocol_path, load_protocol
source, fmt, out = Path(sys.argv[1]), sys.argv[2], Path(sys.argv[3])
if fmt != "read":
    from contextlib import nullcontext
    from workshop.export import build_report, render
    try:
        from workshop.export import no_cycle_collection
    except ImportError:  # the code before the speed work (PYTHONPATH=<old>/src)
        no_cycle_collection = nullcontext
    from workshop.export.data_package import write_data_package
    from workshop.toml.atomic import atomic_write
protocol = load_protocol(bundled_protocol_path())
t1 = time.perf_counter()
merged = read_result(source, protocol)
t2 = time.perf_counter()
figures = {"read": t2 - t1}
if fmt != "read":
    c2 = time.process_time()
    with no_cycle_collection():  # as export_bytes and export_data_package do
        report = build_report(merged, protocol)
        t3 = time.perf_counter()
        c3 = time.process_time()
        if fmt == "data":
            write_data_package(report, out, False)
        else:
            atomic_write(out, render(report, fmt))
        t4 = time.perf_counter()
    figures.update(build=t3 - t2, render=t4 - t3, build_cpu=c3 - c2,
                   render_cpu=time.process_time() - c3)
figures["total"] = time.perf_counter() - t1
figures["cpu"] = time.process_time() - c0
figures["peak_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps(figures))
"""


def merged_file(root: Path, count: int) -> Path:
    """A merged file of `count` realistic sessions, made by `workshop merge`."""
    folder = root / f"s{count}"
    make_sessions(count, folder)
    out = root / f"m{count}.toml"
    if workshop(["merge", str(folder), "-o", str(out)]) != 0:
        raise SystemExit(f"workshop merge {folder} failed")
    return out


def measure(source: Path, fmt: str, out: Path) -> dict[str, float]:
    """One run of `fmt` ("read" for the reference) on `source`, in a fresh process."""
    done = subprocess.run([sys.executable, "-c", CHILD, str(source), fmt, str(out)],
                          capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise SystemExit(f"{fmt} of {source} failed:\n{done.stderr}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def medians(runs: list[dict[str, float]]) -> dict[str, float]:
    return {key: statistics.median(r[key] for r in runs) for key in runs[0]}


def row(size: int, fmt: str, m: dict[str, float], read: float) -> str:
    def cell(key: str) -> str:
        return f"{m[key]:8.2f}" if key in m else f"{'':>8}"

    return (f"{size:>6} {fmt:<6}{cell('read')}{cell('build')}{cell('render')}{cell('total')}"
            f"{m['total'] / read:8.1f}×{m['cpu']:8.2f}{cell('build_cpu')}{cell('render_cpu')}"
            f"{m['peak_mb']:8.0f}")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("count", type=int, nargs="?", default=1000, metavar="N")
    parser.add_argument("--file", type=Path, help="a merged file of N sessions to use")
    parser.add_argument("--formats", default=",".join(FORMATS),
                        help=f"which exports, comma-separated (default: {','.join(FORMATS)})")
    parser.add_argument("--runs", type=int, default=3, help="runs of each (median printed)")
    args = parser.parse_args(argv)
    formats = [f for f in args.formats.split(",") if f]
    unknown = set(formats) - set(FORMATS)
    if unknown:
        parser.error(f"unknown format(s): {', '.join(sorted(unknown))}")
    load_protocol(bundled_protocol_path())
    with tempfile.TemporaryDirectory(prefix="bench-exports-") as tmp:
        root = Path(tmp)
        sizes = {}
        if args.file:
            sizes[args.count] = shutil.copy(args.file, root / f"m{args.count}.toml")
        else:
            sizes[args.count] = merged_file(root, args.count)
        small = max(1, args.count // 10)
        if small != args.count:
            sizes[small] = merged_file(root, small)
        print(f"{'N':>6} {'export':<6}{'read':>8}{'build':>8}{'render':>8}{'total':>8}"
              f"{'/read':>9}{'cpu':>8}{'b. cpu':>8}{'r. cpu':>8}{'peak MB':>8}")
        totals: dict[tuple[int, str], float] = {}
        for size, source in sizes.items():
            reference = medians([measure(Path(source), "read", root / "x")
                                 for _ in range(args.runs)])
            print(row(size, "(read)", reference, reference["total"]), flush=True)
            for fmt in formats:
                out = root / (f"out-{size}-data" if fmt == "data" else f"out-{size}.{fmt}")
                m = medians([measure(Path(source), fmt, out) for _ in range(args.runs)])
                totals[size, fmt] = m["total"]
                print(row(size, fmt, m, reference["total"]), flush=True)
        if small != args.count:
            print(f"\nN : N/10 ({args.count} : {small}), total time; 10 is linear")
            for fmt in formats:
                print(f"  {fmt:<6}{totals[args.count, fmt] / totals[small, fmt]:6.1f}")
        print("\nTarget (issue 15): each export of a 1,000-session merge ≤ 1 s, linear in N.")


if __name__ == "__main__":
    main()
