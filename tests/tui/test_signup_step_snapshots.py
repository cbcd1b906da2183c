"""SVG snapshot of the sign-up step (screens/signup.py), for a reviewer to look at.

Deterministic like the other snapshots: a session made without the UI (fixed id, fixed clock),
a fixed wall clock and a still timer, settled before the picture. Regenerate with
`pytest tests/tui/test_signup_step_snapshots.py --snapshot-update` and look first.
"""

from __future__ import annotations

from tui_helpers import SIZE, make_app, settle

from modes_helpers import sign_up, write

SESSION_ID = "5a000000-0000-4000-8000-00000000000a"


def test_sign_up_step(snap_compare, protocol, folder):
    """The sign-up step of a session where three organisations signed.

    A reviewer should see the step bar "2/3 Sign-up"; on the left, titled "Signed up in this
    session", three numbered entries: "Manchester City Council" (bold) with "Alex Chief · Chief
    Executive · signed 22 November 2026" and a dim "Reservations: none"; "NHS Manchester" with
    "Sam <b>Lead</b> · Director" and its reservations "We do not accept 5.3 [bold]as
    written[/bold]: =SUM(A1) 🎉" exactly as typed (no bold, no tags taken away); "Greater
    Manchester Police" highlighted last. Wrapped lines stay under the organisation's name. On
    the right, titled "What they sign up to", the protocol's title, "1. Achieve intended
    outcomes" in bold, its statement in italics and its commitments numbered 1.1 to 1.7. The
    footer offers "s Sign up", "e Edit" and "del Remove".
    """
    folder.mkdir(parents=True)
    path = write(folder, sign_up(protocol, session_id=SESSION_ID))

    async def to_sign_up(pilot) -> None:
        await settle(pilot)
        await pilot.press("n")
        await settle(pilot)

    assert snap_compare(make_app(protocol, folder, open_path=path), terminal_size=SIZE,
                        run_before=to_sign_up)


def test_signatory_form(snap_compare, protocol, folder):
    """The form that signs an organisation up, part filled.

    A reviewer should see a dialog titled "Sign up an organisation" with the fields
    "Organisation *" (Leeds City Council), "Person signing", "Their role", "Date signed"
    (2026-11-22, the app's date), then "Reservations: commitments they do not accept, in
    their words (optional)" above a box of a few lines holding "Not 5.3 [b]as written[/b]",
    and the keys "enter next field · ctrl+s save · escape cancel · * required".
    """
    folder.mkdir(parents=True)
    path = write(folder, sign_up(protocol, signatories=[], session_id=SESSION_ID))

    async def form(pilot) -> None:
        await settle(pilot)
        await pilot.press("n", "s", *"Leeds City Council", "enter", "enter", "enter", "enter",
                          *"Not 5.3 [b]as written[/b]")
        await settle(pilot)

    assert snap_compare(make_app(protocol, folder, open_path=path), terminal_size=SIZE,
                        run_before=form)
