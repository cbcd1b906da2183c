"""`workshop new --group G --facilitator F ...`: create a session file and open it at the
introduction. Nothing here imports Textual (the app is started by launch.py)."""

from __future__ import annotations

import argparse
from datetime import date

from workshop.cli.launch import run_app
from workshop.cli.options import load
from workshop.errors import WorkshopError
from workshop.session.kinds import Mode
from workshop.session.model import MAX_PARTICIPANTS


def add_parser(commands, shared: argparse.ArgumentParser) -> None:
    new = commands.add_parser(
        "new", parents=[shared], help="start a new session and open it at the introduction",
        description="Create a session file in the sessions folder and open it at the introduction.",
    )
    new.add_argument("--group", required=True, help="the group or organisation taking part")
    new.add_argument("--facilitator", required=True, help="who runs the session")
    new.add_argument("--location", default="", help="where the session takes place")
    new.add_argument("--authority", default="", metavar="NAME",
                     help="the council or authority the workshop is for; a protocol whose "
                     "recommendation question says {authority} reads it there (the bundled "
                     "protocol keeps the published words)")
    new.add_argument("--date", type=_iso_date, default=None, metavar="YYYY-MM-DD",
                     help="the session's date (default: today)")
    new.add_argument("--participants", type=_count, default=None, metavar="N",
                     help="how many people are in the room")
    new.add_argument("--mode", choices=[str(m) for m in Mode], default=str(Mode.CONSULT),
                     help="consult: vote on the protocol's wording, answer its questions and "
                     "recommend (the default); assess: rate how well a partnership lives each "
                     "commitment today, with evidence and actions; sign-up: record the partner "
                     "organisations signing up to it (docs/modes.md)")


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
        raise argparse.ArgumentTypeError(f"'{value}' is not a whole number (0 or more), e.g. 12")
    if number > MAX_PARTICIPANTS:
        raise argparse.ArgumentTypeError(f"'{value}' is more than {MAX_PARTICIPANTS:,}")
    return number


def run(args: argparse.Namespace) -> int:
    from workshop.tui.dialogs.new_session import NewSessionDetails

    # The same rules as the new-session form (tui/dialogs/new_session.py).
    if not args.group.strip():
        raise WorkshopError("--group must not be empty")
    if not args.facilitator.strip():
        raise WorkshopError("--facilitator must not be empty: every session records who ran it")
    details = NewSessionDetails(args.group.strip(), args.facilitator.strip(),
                                args.location.strip(), args.date or date.today(),
                                args.participants, args.authority.strip(), Mode(args.mode))
    return run_app(args, load(args), new_details=details)
