"""SVG snapshots of an assessment's principle step, wide (100x30) and narrow (80x24).

Deterministic as tests/tui/test_snapshots.py is: the session made without the UI (fixed id,
fixed clock: tests/modes_helpers.py), a still timer, every picture taken after the saves have
settled. Regenerate with `pytest tests/tui/test_assess_step_snapshots.py --snapshot-update` and
look before accepting.
"""

from __future__ import annotations

from tui_helpers import make_app, settle

from modes_helpers import assessment, write

FIRST_PRINCIPLE = "principle:achieve-intended-outcomes"
SESSION_ID = "1f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b"


def rated_session(protocol, folder):
    """An assessment of 10 people rated on its first two principles: every third commitment
    rated low; the first and the fourth with evidence and an action (the fourth's typed with
    markup, a formula and HTML, shown as typed); the seventh rated low with no action."""
    session = assessment(protocol, principles=2, session_id=SESSION_ID)
    session.set_step(FIRST_PRINCIPLE)
    folder.mkdir(parents=True, exist_ok=True)
    return write(folder, session)


def test_assessment_step_wide(snap_compare, protocol, folder):
    """The assessment's first principle at 100x30, the first commitment highlighted.

    A reviewer should see: the step bar "2/8 Achieve intended outcomes"; the list headed
    "1  2  3  4  5 mean  e  a Commitment" in its top border; each row the count per point, the
    mean to one decimal and the notes: row 1 " 4  5  1  0  0  1.7 1e 1a", row 2 " 0  0  3  5
    2  3.9", row 3 " 0  2  4  4  0  3.2", row 4 "1.7 1e 1a", row 7 "1.7" with "⚑ needs action"
    (in red) before its text; on the right "Commitment 1 of 7", the commitment in bold, five
    bars "[1] Not at all" … "[5] Consistently" in the scale's colours (red for 1, green for
    5) with counts and shares, "10 of 10 rated", "Mean 1.7 of 5 · ratings 1–3, sd 0.6",
    "Rated low: 1 action agreed."; the evidence "Evidence · 10:00" "Minutes of the March
    board…" and the action "Action · Partnership manager · due 31 March 2027" "Publish the
    board's decision log each quarter". The footer: "= Counts c Evidence a Action 1 2 3 4 5
    Rate", no Wording.
    """
    path = rated_session(protocol, folder)
    assert snap_compare(make_app(protocol, folder, open_path=path), terminal_size=(100, 30),
                        run_before=settle)


def test_assessment_step_narrow_on_hostile_text(snap_compare, protocol, folder):
    """The same step at 80x24 on the fourth commitment, its evidence focused (one tab).

    A reviewer should see: the list full width with its rows as above, the fourth
    highlighted; below it the compact detail "4 of 7 · 1:4 · 2:5 · 3:1 · 4:0 · 5:0  10 of 10
    rated", "Mean 1.7 of 5 · ratings 1–3, sd 0.6 · Rated low: 1 action agreed."; the evidence
    "[bold]No[/bold] evidence <script>alert(1)</script> =SUM(A1) 🎉" and the action
    "=HYPERLINK("x") [red]agree[/red] <b>training</b>" headed "Action · no owner yet · no due
    date yet", every character as typed (no bold, no red, no link).
    """
    path = rated_session(protocol, folder)

    async def fourth(pilot) -> None:
        await settle(pilot)
        await pilot.press("down", "down", "down", "tab")
        await settle(pilot)

    assert snap_compare(make_app(protocol, folder, open_path=path), terminal_size=(80, 24),
                        run_before=fourth)
