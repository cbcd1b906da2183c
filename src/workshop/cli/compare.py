"""`workshop compare OLD NEW [-o OUT] [--threshold POINTS]`: which commitments improved or slipped
between two assessments of one partnership (consultation/compare.py).

OLD and NEW are each an assessment session file or a merged file of assessments, on the protocol
in use. The comparison is printed; with `-o`, it is also written (Markdown for `.md`, a CSV
table for `.csv`, the printed text otherwise), atomically. Exit 2 when either file is bad, is
not an assessment, or the two rate on different scales. Nothing here imports Textual.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from workshop.cli.options import load
from workshop.consultation.compare import THRESHOLD, compare
from workshop.consultation.inputs import read_result
from workshop.consultation.report_build import build_report
from workshop.errors import WorkshopError, display_path
from workshop.export.compare_export import COMPARE_FORMATS, render
from workshop.toml.atomic import atomic_write


def add_parser(commands, shared: argparse.ArgumentParser) -> None:
    cmd = commands.add_parser(
        "compare", parents=[shared], help="compare two assessments: what improved, what slipped",
        description="Compare two assessments of the same partnership (each a session file or a "
        "merged file of assessment sessions): for every commitment and principle, the mean "
        "rating before and after, the change, and whether it improved or slipped.")
    cmd.add_argument("old", type=Path, metavar="OLD", help="the earlier assessment")
    cmd.add_argument("new", type=Path, metavar="NEW", help="the later assessment")
    cmd.add_argument("-o", "--output", type=Path, metavar="OUT",
                     help="also write the comparison: Markdown (.md), a CSV table (.csv), or "
                     "the printed text (any other name)")
    cmd.add_argument("--threshold", type=_points, default=THRESHOLD, metavar="POINTS",
                     help=f"the smallest change of mean, in points of the scale, that counts "
                     f"as improved or slipped (default {THRESHOLD:g})")


def _points(value: str) -> float:
    try:
        number = float(value)
    except ValueError:
        number = -1.0
    if not 0 < number <= 9:
        raise argparse.ArgumentTypeError(f"'{value}' is not a number of points from 0.1 to 9")
    return number


def run(args: argparse.Namespace) -> int:
    protocol = load(args)
    reports = [build_report(read_result(path, protocol), protocol) for path in (args.old, args.new)]
    comparison = compare(*reports, threshold=args.threshold,
                         names=(display_path(args.old), display_path(args.new)))
    sys.stdout.write(render(comparison, "text").decode("utf-8"))
    if args.output is not None:
        if args.output.resolve() in (args.old.resolve(), args.new.resolve()):
            raise WorkshopError(f"{display_path(args.output)}: not written: it is one of the "
                                "files compared")
        fmt = COMPARE_FORMATS.get(args.output.suffix.lower(), "text")
        atomic_write(args.output, render(comparison, fmt))
        print(f"Wrote {display_path(args.output)}")
    return 0
