"""`workshop results FILE`: the read-only results view of a merged file or a session file. A bad
file is reported (exit 2) before the screen opens. Nothing here imports Textual."""

from __future__ import annotations

import argparse
from pathlib import Path

from workshop.cli.launch import run_app
from workshop.cli.options import load
from workshop.consultation.inputs import read_result


def add_parser(commands, shared: argparse.ArgumentParser) -> None:
    results = commands.add_parser(
        "results", parents=[shared], help="show a merged file or a session's results (read-only)",
        description="Open the results view of a merged file or of a single session file: vote "
        "shares, contested and consensus commitments, comments, wordings and answers with their "
        "workshop. Nothing is changed.",
    )
    results.add_argument("file", type=Path, metavar="FILE", help="a merged file or a session file")


def run(args: argparse.Namespace) -> int:
    protocol = load(args)
    read_result(args.file, protocol)  # a bad file is reported here, before the screen opens
    return run_app(args, protocol, results_path=args.file)
