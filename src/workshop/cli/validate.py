"""`workshop validate [PATH]`: check a protocol file; a summary and exit 0, or every problem
(`file:line: key: what is wrong`) and exit 2. Nothing here imports Textual."""

from __future__ import annotations

import argparse
from pathlib import Path

from workshop.cli.options import EXIT_OK, protocol_path
from workshop.protocol.load import load_protocol


def add_parser(commands, shared: argparse.ArgumentParser) -> None:
    validate = commands.add_parser(
        "validate", parents=[shared], help="check a protocol file and summarise it",
        description="Check a protocol file. Prints a summary and exits 0, or lists every "
        "problem (file, line, key, what is wrong) and exits 2.",
    )
    validate.add_argument("path", nargs="?", type=Path, metavar="PATH",
                          help="the protocol file to check (default: as --protocol)")


def run(args: argparse.Namespace) -> int:
    path = args.path or protocol_path(args)
    protocol = load_protocol(path)
    print(f"{path}: OK")
    print(protocol.summary())
    return EXIT_OK
