"""`workshop open FILE`: resume a session at the step where it was left. A bad file is reported
(exit 2) before the screen opens. Nothing here imports Textual (launch.py starts the app)."""

from __future__ import annotations

import argparse
from pathlib import Path

from workshop.cli.launch import run_app
from workshop.cli.options import load
from workshop.session.file_format import read_session


def add_parser(commands, shared: argparse.ArgumentParser) -> None:
    open_ = commands.add_parser(
        "open", parents=[shared], help="resume a session where it was left",
        description="Open a session file at the step where it was left.",
    )
    open_.add_argument("file", type=Path, metavar="FILE", help="the session file")


def run(args: argparse.Namespace) -> int:
    protocol = load(args)
    read_session(args.file, protocol)  # a bad file is reported here, before the screen opens
    return run_app(args, protocol, open_path=args.file)
