"""The `workshop` command: parses arguments and calls the domain modules.

Every error a user can cause (a bad protocol or session file, a failed save) is printed as
`file:line: key: what is wrong` on standard error with exit status 2, never as a traceback.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from workshop import __version__
from workshop.errors import WorkshopError
from workshop.protocol import RESERVED_KEYS, Protocol, default_protocol_path, load_protocol

EXIT_OK = 0
EXIT_BAD_INPUT = 2


def _shared_options() -> argparse.ArgumentParser:
    """Options every command takes, before or after the command's name."""
    shared = argparse.ArgumentParser(add_help=False)
    shared.add_argument(
        "--protocol", metavar="PATH", type=Path, default=argparse.SUPPRESS,
        help="the protocol file (default: ./protocol.toml if present, else the bundled protocol)",
    )
    shared.add_argument(
        "--sessions", metavar="DIR", type=Path, default=argparse.SUPPRESS,
        help="the folder of session files (default: ./sessions)",
    )
    return shared


def build_parser() -> argparse.ArgumentParser:
    shared = _shared_options()
    parser = argparse.ArgumentParser(
        prog="workshop",
        parents=[shared],
        description="Run consultation workshops on a protocol from the terminal. With no "
        "command, prints a summary of the protocol in use.",
        epilog=f"Keys the app reserves (a vote option may not use them): {' '.join(RESERVED_KEYS)}. "
        "Exit status: 0 success, 2 bad input (the message names the file, line and key).",
    )
    parser.add_argument("--version", action="version", version=f"workshop {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    validate = commands.add_parser(
        "validate", parents=[shared], help="check a protocol file and summarise it",
        description="Check a protocol file. Prints a summary and exits 0, or lists every "
        "problem (file, line, key, what is wrong) and exits 2.",
    )
    validate.add_argument("path", nargs="?", type=Path, metavar="PATH",
                          help="the protocol file to check (default: as --protocol)")
    return parser


def resolve_protocol_path(args: argparse.Namespace) -> Path:
    return getattr(args, "protocol", None) or default_protocol_path()


def resolve_sessions_dir(args: argparse.Namespace) -> Path:
    return getattr(args, "sessions", None) or Path("sessions")


def _load(args: argparse.Namespace) -> Protocol:
    return load_protocol(resolve_protocol_path(args))


def cmd_validate(args: argparse.Namespace) -> int:
    path = args.path or resolve_protocol_path(args)
    protocol = load_protocol(path)
    print(f"{path}: OK")
    print(protocol.summary())
    return EXIT_OK


def cmd_summary(args: argparse.Namespace) -> int:
    """No command: what the app would run on (until the facilitator screens arrive)."""
    protocol = _load(args)
    print(protocol.summary())
    print(f"Protocol file: {resolve_protocol_path(args)}")
    print(f"Sessions folder: {resolve_sessions_dir(args)}")
    return EXIT_OK


COMMANDS = {"validate": cmd_validate, None: cmd_summary}


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return COMMANDS[args.command](args)
    except WorkshopError as exc:
        count = len(exc.problems)
        for problem in exc.problems:
            print(str(problem), file=sys.stderr)
        if count > 1:
            print(f"{count} problems found.", file=sys.stderr)
        return EXIT_BAD_INPUT
    except KeyboardInterrupt:
        return 130
