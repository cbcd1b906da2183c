"""SVG snapshots of the results view of a merged assessment and of a merged sign-up register.

Deterministic like the other snapshots: merged files of fixed sessions
(test_results_modes_fixture.py), a fixed clock, settled before the picture. Regenerate with
`pytest tests/tui/test_results_modes_snapshots.py --snapshot-update` and look first.
"""

from __future__ import annotations

from test_results_modes_fixture import assessment_file, register_file
from tui_helpers import SIZE, make_app, settle


def test_results_assessment_findings(snap_compare, protocol, tmp_path, monkeypatch):
    """The Findings tab of two workshops' assessments merged.

    A reviewer should see the title "Results · assessment.toml · 2 workshops, 20 participants ·
    14/37 rated, 1 rated low"; the "4 Findings" tab active; "Findings" and "14/37 commitments
    rated, mean 3.0 on 1–5; 1 rated low; 4 actions agreed."; the "Profile per principle"
    table (principles 1 to 3 rated 7/7, 4/4, 3/3 with means 2.9, 3.1, 2.9, principle 3 with 1
    low; the rest "not rated"); under it the scale's labels; a yellow "⚑ 1 commitment rated low
    with no action agreed yet" naming 3.1 (mean 1.7); the heading of "Weakest commitments"
    at the bottom (the rest scrolls; test_results_modes.py checks it).
    """
    monkeypatch.chdir(tmp_path)
    app = make_app(protocol, tmp_path / "sessions", results_path=assessment_file(protocol,
                                                                                 tmp_path))

    async def findings(pilot) -> None:
        await settle(pilot)
        await pilot.press("4")
        await settle(pilot)

    assert snap_compare(app, terminal_size=SIZE, run_before=findings)


def test_results_assessment_commitments(snap_compare, protocol, tmp_path, monkeypatch):
    """The Commitments tab of the merged assessment.

    A reviewer should see the legend "Ratings: 1 Not at all · 2 Rarely · 3 Sometimes · 4
    Mostly · 5 Consistently · ✎ evidence notes"; on the left each commitment with a bar split
    by point (red for 1 to green for 5), its counts per point, e.g. "4 · 5 · 4 · 5 · 2  mean
    2.8  2 ✎" for 1.1; on the right 1.1 in detail: a bar per point with its label, count and
    share (1 Not at all 4 20% … 5 Consistently 2 10%), "20 ratings, mean 2.8 (ratings 1–5, sd
    1.3)", each workshop's ratings, mean and range, and "Actions agreed" with owner, due date
    and workshop.
    """
    monkeypatch.chdir(tmp_path)
    app = make_app(protocol, tmp_path / "sessions", results_path=assessment_file(protocol,
                                                                                 tmp_path))
    assert snap_compare(app, terminal_size=SIZE, run_before=settle)


def test_results_register(snap_compare, protocol, tmp_path, monkeypatch):
    """Two sign-up workshops merged: the view opens on its register.

    A reviewer should see the title "Results · register.toml · 2 workshops · 4 organisations
    signed up" (no head count: a sign-up takes none); the tab "4 Register" active; "Sign-up
    register" and "4 organisations signed up, 2 with reservations; 1 earlier entry
    superseded."; the table
    "Signed up": Greater Manchester Police, "manchester  city council" (its later entry, signed
    2027-01-10, reservations "None now: 5.3 is accepted <i>in full</i>." as typed), NHS
    Manchester, Salford CVS, each with "at" the workshop it signed at; scrolled out of view
    below, the superseded entry (test_results_modes.py checks it).
    """
    monkeypatch.chdir(tmp_path)
    app = make_app(protocol, tmp_path / "sessions", results_path=register_file(protocol,
                                                                               tmp_path))
    assert snap_compare(app, terminal_size=SIZE, run_before=settle)
