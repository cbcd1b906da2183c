"""SVG snapshots of the review step of an assessment and of a sign-up, for a reviewer to look at.

Deterministic like the other snapshots: sessions made without the UI (fixed ids, fixed clock),
a fixed wall clock and a still timer, settled before the picture. Regenerate with
`pytest tests/tui/test_review_modes_snapshots.py --snapshot-update` and look first.
"""

from __future__ import annotations

from tui_helpers import SIZE, make_app, settle

from modes_helpers import assessment, sign_up, write

SESSION_ID = "5b000000-0000-4000-8000-00000000000b"


def at_review(app):
    async def go(pilot) -> None:
        await settle(pilot)
        app.show_step("review")
        await settle(pilot)
    return go


def test_review_assessment(snap_compare, protocol, folder):
    """The review of an assessment rated on its first two principles.

    A reviewer should see "8/8 Review"; a panel "Not finished yet: press f to mark the session
    complete." and "11/37 commitments rated, mean 2.9 on 1–5; 4 rated low; 2 actions agreed.";
    a yellow warning "⚑ 2 commitments rated low with no action agreed yet (a on the
    commitment's step agrees one)" naming 1.7 and 2.3 with "mean 1.7" each; then "Profile per
    principle": a table with, for "1. Achieve intended outcomes", 7/7 rated, 3 low, a line on
    the scale with a dot at the mean and a thick stretch either side, "2.8" and "1–5 · sd 1.2";
    "2. Public interest" 4/4, 1 low, 3.2; the other principles 0 rated, a dotted line, "–" and
    "not rated".
    """
    folder.mkdir(parents=True)
    path = write(folder, assessment(protocol, principles=2, session_id=SESSION_ID))
    app = make_app(protocol, folder, open_path=path)
    assert snap_compare(app, terminal_size=SIZE, run_before=at_review(app))


def test_review_assessment_actions(snap_compare, protocol, folder):
    """The same review scrolled to its end: the weakest commitments and the actions.

    A reviewer should see "Weakest commitments": 1.1, 1.4, 1.7 (with "⚑ needs action"), 2.3
    (with "⚑ needs action") at mean 1.7 and "1–3 · sd 0.6", then 1.3 at 3.2; "Actions agreed":
    1.1 "Publish the board's decision log each quarter", "Partnership manager", "31 March
    2027"; 1.4 '=HYPERLINK("x") [red]agree[/red] <b>training</b>' exactly as typed, with a dim
    "No owner yet" and "No date yet"; last, the commitments not rated yet by principle, e.g.
    "Not rated yet: 3 of Building partners' capacity (3.1, 3.2, 3.3)".
    """
    folder.mkdir(parents=True)
    path = write(folder, assessment(protocol, principles=2, session_id=SESSION_ID))
    app = make_app(protocol, folder, open_path=path)

    async def scrolled(pilot) -> None:
        await at_review(app)(pilot)
        app.screen.query_one("#review").scroll_end(animate=False)
        await settle(pilot)

    assert snap_compare(app, terminal_size=SIZE, run_before=scrolled)


def test_review_sign_up(snap_compare, protocol, folder):
    """The review of a sign-up where three organisations signed.

    A reviewer should see "3/3 Review", "Not finished yet: press f to mark the session
    complete.", then a panel "Sign-up register", "3 organisations signed up, 1 with
    reservation." and a table "Signed up" (organisation, signed by, signed, reservations) in
    order of organisation: Greater Manchester Police (Jo Officer, Superintendent, 2026-11-20,
    a dim "None"), Manchester City Council (Alex Chief, Chief Executive), NHS Manchester
    ("Sam <b>Lead</b>", Director) whose reservations read "We do not accept 5.3 [bold]as
    written[/bold]: =SUM(A1) 🎉" exactly as typed. The footer offers "f Finish".
    """
    folder.mkdir(parents=True)
    path = write(folder, sign_up(protocol, session_id=SESSION_ID))
    app = make_app(protocol, folder, open_path=path)
    assert snap_compare(app, terminal_size=SIZE, run_before=at_review(app))
