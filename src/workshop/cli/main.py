"""The `workshop` command: parses arguments and hands them to the sub-command's module.

Each sub-command is a module of this package with `add_parser(commands, shared)` and
`run(args)`: validate.py, new.py, open_session.py (`open`), merge.py, export.py, results.py;
launch.py starts the app (also with no command). Every error a user can cause (a bad protocol
or session file, a failed save) is printed as `file:line: key: what is wrong` on standard error
with exit status 2, never as a traceback; past the first 20 problems, only how many more.
Nothing here imports Textual.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from workshop import __version__
from workshop.cli import export, launch, merge, new, open_session, results, validate
from workshop.cli.options import EXIT_BAD_INPUT, shared_options
from workshop.errors import SHOWN, WorkshopError
from workshop.protocol.schema import RESERVED_KEYS

SUB_COMMANDS = {"validate": validate, "new": new, "open": open_session, "merge": merge,
                "export": export, "results": results}
"""Each sub-command's name → its module, in the order `--help` lists them."""


def build_parser() -> argparse.ArgumentParser:
    shared = shared_options()
    parser = argparse.ArgumentParser(
        prog="workshop",
        parents=[shared],
        description="Run consultation workshops on a protocol from the terminal. With no "
        "command, opens the start screen: the sessions in the sessions folder, and a new one.",
        epilog=f"Keys the app reserves (a vote option may not use them): {' '.join(RESERVED_KEYS)}. "
        "Exit status: 0 success, 2 bad input (the message names the file, line and key).",
    )
    parser.add_argument("--version", action="version", version=f"workshop {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    for module in SUB_COMMANDS.values():
        module.add_parser(commands, shared)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    command = SUB_COMMANDS[args.command].run if args.command else launch.run
    try:
        return command(args)
    except WorkshopError as exc:
        report(exc)
        return EXIT_BAD_INPUT
    except KeyboardInterrupt:
        return 130


def report(exc: WorkshopError) -> None:
    """Print the problems on standard error: the first SHOWN of them, then how many more, so a
    file with a million bad keys gives a screenful rather than a million lines."""
    for problem in exc.problems[:SHOWN]:
        print(str(problem), file=sys.stderr)
    if exc.count > SHOWN:
        print(f"… and {exc.count - SHOWN:,} more problems", file=sys.stderr)
    if exc.count > 1:
        print(f"{exc.count:,} problems found.", file=sys.stderr)
