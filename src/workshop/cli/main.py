"""The `workshop` command: parses arguments and hands them to the sub-command's module.

Each sub-command is a module of this package with `add_parser(commands, shared)` and
`run(args)`: validate.py, new.py, open_session.py (`open`), merge.py, export.py, results.py,
themes.py (an analyst's theme files), serve.py and follow.py (the projector view); launch.py
starts the app (also with no command). Only the module of the command being run is imported
(all of them for `--help`), so `workshop open` does not pay for the exports, the merge or the
projector's server before its screen. Every error a user can cause (a bad protocol or session
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
import importlib
import os
import sys
from collections.abc import Sequence
from types import ModuleType

from workshop.cli.options import EXIT_BAD_INPUT, EXIT_CLOSED_PIPE, shared_options
from workshop.errors import SHOWN, WorkshopError
from workshop.protocol.schema import RESERVED_KEYS

SUB_COMMANDS = {"validate": "validate", "new": "new", "open": "open_session", "merge": "merge",
                "export": "export", "results": "results", "compare": "compare",
                "themes": "themes", "serve": "serve", "follow": "follow"}
"""Each sub-command's name → its module in this package, in the order `--help` lists them."""

HELP_FLAGS = ("-h", "--help")


def command_module(name: str) -> ModuleType:
    """The module of the sub-command `name` (imported now, if it was not already)."""
    return importlib.import_module(f"workshop.cli.{SUB_COMMANDS[name]}")


def needed_commands(argv: Sequence[str] | None) -> set[str]:
    """The sub-commands whose own parser `argv` may need: those it names (a command can only
    be run by naming it); every one when help is asked for (the list says what each does)."""
    words = set(sys.argv[1:] if argv is None else argv)
    if words & set(HELP_FLAGS):
        return set(SUB_COMMANDS)
    return words & set(SUB_COMMANDS)


class ShowVersion(argparse.Action):
    """`--version`, as argparse's own prints it, but the version is looked up only when asked
    for (workshop/__init__.py)."""

    def __init__(self, option_strings: list[str], dest: str = argparse.SUPPRESS) -> None:
        super().__init__(option_strings, dest=dest, default=argparse.SUPPRESS, nargs=0,
                         help="show program's version number and exit")

    def __call__(self, parser, namespace, values, option_string=None) -> None:
        from workshop import __version__

        parser._print_message(f"workshop {__version__}\n", sys.stdout)  # as argparse's does
        parser.exit()


def build_parser(argv: Sequence[str] | None = None) -> argparse.ArgumentParser:
    """The parser for `argv`: the full parser of each command it may run; the others stand in
    by name only (an unknown command's error still lists every one)."""
    shared = shared_options()
    parser = argparse.ArgumentParser(
        prog="workshop",
        parents=[shared],
        description="Run consultation workshops on a protocol from the terminal. With no "
        "command, opens the start screen: the sessions in the sessions folder, and a new one.",
        epilog="Keys the app reserves (a vote option may not use them): "
        f"{' '.join(RESERVED_KEYS)}. "
        "Exit status: 0 success, 2 bad input (the message names the file, line and key), 1 when "
        "the reader of the output stops reading (a closed pipe, as in: workshop merge ... | head).",
    )
    parser.add_argument("--version", action=ShowVersion)
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    needed = needed_commands(argv)
    for name in SUB_COMMANDS:
        if name in needed:
            command_module(name).add_parser(commands, shared)
        else:
            commands.add_parser(name)
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
    args = build_parser(argv).parse_args(argv)
    if args.command:
        command = command_module(args.command).run
    else:
        from workshop.cli import launch

        command = launch.run
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
