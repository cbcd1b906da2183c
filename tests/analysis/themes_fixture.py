"""Three small workshops with comments, proposed wordings and answers, saved as session files, for
the theme tests: a merged file of the first two, and the third to merge in late."""

from __future__ import annotations

from datetime import date, datetime, timezone
from pathlib import Path

from helpers import FixedClock
from workshop.cli.main import main
from workshop.protocol.model import Protocol
from workshop.session.model import Session
from workshop.session.store import SessionStore

IDS = ["11111111-0000-4000-8000-000000000001", "22222222-0000-4000-8000-000000000002",
       "33333333-0000-4000-8000-000000000003"]


def workshop(protocol: Protocol, n: int) -> Session:
    start = datetime(2026, 11, 20 + n, 10, 0, tzinfo=timezone.utc)
    s = Session.new(protocol, ["Leeds Board", "Bristol Forum", "Late Group"][n],
                    facilitator="A. Officer", participants=10, clock=FixedClock(start),
                    session_id=IDS[n], on=date(2026, 11, 20 + n))
    first, second = protocol.commitments[:2]
    s.set_votes(first.id, {protocol.option_ids[0]: 6, protocol.option_ids[-1]: 4})
    s.add_comment(first.id, "We need money for this [bold]now[/bold]")      # e1
    s.add_comment(second.id, "Staff need training first")                   # e2
    s.add_amendment(first.id, first.text.rstrip(".") + ", independently.")  # e3
    s.add_answer(protocol.questions[0].id, "=SUM(A1) more budget please")   # e4
    return s


def session_files(protocol: Protocol, folder: Path, count: int = 2) -> list[Path]:
    store = SessionStore(folder, protocol)
    return [store.create(workshop(protocol, n)) for n in range(count)]


def merge(folder: Path, output: Path) -> int:
    return main(["merge", str(folder), "-o", str(output)])
