"""The `workshop` command: parses arguments and calls the domain modules.

Every error a user can cause (a bad protocol or session file, a failed save) is printed as
`file:line: key: what is wrong` on standard error with exit status 2, never as a traceback.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from datetime import date
from pathlib import Path

from workshop import __version__
from workshop.cli import export as export_cli
from workshop.cli import merge as merge_cli
from workshop.errors import WorkshopError
from workshop.protocol.load import default_protocol_path, load_protocol
from workshop.protocol.model import Protocol
from workshop.protocol.schema import RESERVED_KEYS
from workshop.session.file_format import read_session
from workshop.session.store import SessionStore

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
        "command, opens the start screen: the sessions in the sessions folder, and a new one.",
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
    new = commands.add_parser(
        "new", parents=[shared], help="start a new session and open it at the introduction",
        description="Create a session file in the sessions folder and open it at the introduction.",
    )
    new.add_argument("--group", required=True, help="the group or organisation taking part")
    new.add_argument("--facilitator", required=True, help="who runs the session")
    new.add_argument("--location", default="", help="where the session takes place")
    new.add_argument("--date", type=_iso_date, default=None, metavar="YYYY-MM-DD",
                     help="the session's date (default: today)")
    new.add_argument("--participants", type=_count, default=None, metavar="N",
                     help="how many people are in the room")
    open_ = commands.add_parser(
        "open", parents=[shared], help="resume a session where it was left",
        description="Open a session file at the step where it was left.",
    )
    open_.add_argument("file", type=Path, metavar="FILE", help="the session file")
    merge_cli.add_parser(commands, shared)
    export_cli.add_parser(commands, shared)
    results = commands.add_parser(
        "results", parents=[shared], help="show a merged file or a session's results (read-only)",
        description="Open the results view of a merged file or of a single session file: vote "
        "shares, contested and consensus commitments, comments, wordings and answers with their "
        "workshop. Nothing is changed.",
    )
    results.add_argument("file", type=Path, metavar="FILE", help="a merged file or a session file")
    return parser


def _iso_date(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{value}' is not a date like 2026-11-22") from None


def _count(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        number = -1
    if number < 0:
        raise argparse.ArgumentTypeError(f"'{value}' is not a whole number, 0 or more")
    return number


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


def _run_app(args: argparse.Namespace, protocol: Protocol, **kwargs) -> int:
    """Start the TUI. Textual is imported only here, so the other commands stay light."""
    from workshop.tui.app import WorkshopApp

    app = WorkshopApp(protocol, SessionStore(resolve_sessions_dir(args), protocol), **kwargs)
    app.run()
    return app.return_code or EXIT_OK


def cmd_start(args: argparse.Namespace) -> int:
    """No command: the start screen."""
    return _run_app(args, _load(args))


def cmd_new(args: argparse.Namespace) -> int:
    from workshop.tui.dialogs.new_session import NewSessionDetails

    if not args.group.strip():
        raise WorkshopError("--group must not be empty")
    details = NewSessionDetails(args.group, args.facilitator, args.location,
                                args.date or date.today(), args.participants)
    return _run_app(args, _load(args), new_details=details)


def cmd_open(args: argparse.Namespace) -> int:
    protocol = _load(args)
    read_session(args.file, protocol)  # a bad file is reported here, before the screen opens
    return _run_app(args, protocol, open_path=args.file)


def cmd_results(args: argparse.Namespace) -> int:
    from workshop.consultation.inputs import read_result

    protocol = _load(args)
    read_result(args.file, protocol)  # a bad file is reported here, before the screen opens
    return _run_app(args, protocol, results_path=args.file)


def cmd_merge(args: argparse.Namespace) -> int:
    return merge_cli.cmd_merge(args, _load(args))


COMMANDS = {"validate": cmd_validate, "new": cmd_new, "open": cmd_open, "merge": cmd_merge,
            "results": cmd_results,
            "export": lambda args: export_cli.cmd_export(args, _load(args)),
            None: cmd_start}


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
