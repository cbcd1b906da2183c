"""`workshop new`: the same rules as the new-session form, and `--authority`.

The app is not started: `run_app` is replaced by one that keeps what it was given, so these
tests read the details the command would open the session with.
"""

from __future__ import annotations

from datetime import date

import pytest

from workshop.cli import new
from workshop.cli.main import main


@pytest.fixture
def started(monkeypatch) -> list:
    """The details each `workshop new` would have started the app with."""
    seen: list = []

    def run_app(args, protocol, **kwargs) -> int:
        seen.append(kwargs["new_details"])
        return 0

    monkeypatch.setattr(new, "run_app", run_app)
    return seen


def test_authority_goes_into_the_new_session(started):
    assert main(["new", "--group", "Leeds Board", "--facilitator", "Tonya",
                 "--authority", "  Leeds City Council [b] ", "--date", "2026-11-22",
                 "--participants", "12"]) == 0
    details = started[0]
    assert details.authority == "Leeds City Council [b]"
    assert (details.group, details.facilitator, details.on, details.participants) == (
        "Leeds Board", "Tonya", date(2026, 11, 22), 12)


def test_authority_is_optional(started):
    assert main(["new", "--group", "Leeds Board", "--facilitator", "Tonya"]) == 0
    assert started[0].authority == ""


@pytest.mark.parametrize("facilitator", ["", "   "])
def test_a_blank_facilitator_is_refused_as_the_form_refuses_it(started, capsys, facilitator):
    assert main(["new", "--group", "Leeds Board", "--facilitator", facilitator]) == 2
    assert "--facilitator must not be empty" in capsys.readouterr().err
    assert started == []


def test_the_facilitator_is_still_required(started, capsys):
    with pytest.raises(SystemExit) as done:
        main(["new", "--group", "Leeds Board"])
    assert done.value.code == 2
    assert "--facilitator" in capsys.readouterr().err
    assert started == []


def test_words_for_participants_are_refused(started, capsys):
    with pytest.raises(SystemExit) as done:
        main(["new", "--group", "G", "--facilitator", "F", "--participants", "six"])
    assert done.value.code == 2
    assert "'six' is not a whole number" in capsys.readouterr().err
    assert started == []
