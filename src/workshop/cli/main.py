"""The `workshop` command: parses arguments and hands them to the sub-command's module.

Each sub-command is a module of this package with `add_parser(commands, shared)` and
`run(args)`: validate.py, new.py, open_session.py (`open`), merge.py, export.py, results.py,
themes.py (an analyst's theme files), serve.py and follow.py (the projector view); launch.py
starts the app (also with no command). Every error a user can cause (a bad protocol or session
file, a failed save) is printed as `file:line: key: what is wrong` on standard error with exit
status 2, never as a traceback; past the first 20 problems, only how many more.

A reader that stops reading (`workshop merge … | head -3`) ends every command quietly: no
`BrokenPipeError` traceback, no "Exception ignored" at exit, exit status 1 (`EXIT_CLOSED_PIPE`),
as the Python documentation recommends (library/signal.html, "Note on SIGPIPE"). Status 1, not
0, because what was meant for the reader did not all reach it; what a command writes to files
(a merged file, an export with -o) is written whole before anything is printed. Nothing here
imports Textual.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence

from workshop import __version__
from workshop.cli import (
    compare,
    export,
    follow,
    launch,
    merge,
    new,
    open_session,
    results,
    serve,
    themes,
    validate,
)
from workshop.cli.options import EXIT_BAD_INPUT, EXIT_CLOSED_PIPE, shared_options
from workshop.errors import SHOWN, WorkshopError
from workshop.protocol.schema import RESERVED_KEYS

SUB_COMMANDS = {"validate": validate, "new": new, "open": open_session, "merge": merge,
                "export": export, "results": results, "compare": compare, "themes": themes,
                "serve": serve, "follow": follow}
"""Each sub-command's name → its module, in the order `--help` lists them."""


def build_parser() -> argparse.ArgumentParser:
    shared = shared_options()
    parser = argparse.ArgumentParser(
        prog="workshop",
        parents=[shared],
        description="Run consultation workshops on a protocol from the terminal. With no "
        "command, opens the start screen: the sessions in the sessions folder, and a new one.",
        epilog=f"Keys the app reserves (a vote option may not use them): {' '.join(RESERVED_KEYS)}. "
        "Exit status: 0 success, 2 bad input (the message names the file, line and key), 1 when "
        "the reader of the output stops reading (a closed pipe, as in: workshop merge ... | head).",
    )
    parser.add_argument("--version", action="version", version=f"workshop {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    for module in SUB_COMMANDS.values():
        module.add_parser(commands, shared)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line `argv`; its exit status. Every command ends quietly on a closed
    pipe (`--help` and `--version` too: argparse's exit passes through the flush)."""
    try:
        try:
            return dispatch(argv)
        finally:
            # Output is buffered: a reader that has gone is found out here, where it can be
            # caught, rather than in the flush at exit.
            sys.stdout.flush()
    except BrokenPipeError:
        return closed_pipe()


def closed_pipe() -> int:
    """The reader has gone: send what is still buffered to the null device (so the flush at
    exit cannot fail again and print "Exception ignored"), and say so by the exit status only."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (AttributeError, OSError, ValueError):  # stdout replaced by one with no file
        pass
    return EXIT_CLOSED_PIPE


def dispatch(argv: Sequence[str] | None) -> int:
    """Parse the arguments and run the command; a user's error is reported, not raised."""
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
