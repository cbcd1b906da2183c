"""SVG snapshots of `workshop follow` (the terminal projector), for a reviewer to look at.

Deterministic: sessions made without the UI (fixed id and clock), and each picture taken once
the first frame is on screen. Regenerate with
`pytest tests/tui/test_projector_snapshots.py --snapshot-update` and look before accepting.
"""

from __future__ import annotations

from tui_helpers import make_session_file

from workshop.projector.source import ProjectorSource
from workshop.session.projector_state import ProjectorState, write_state
from workshop.tui.projector.app import ProjectorApp

STEP = "principle:achieve-intended-outcomes"
NARROW = (80, 24)


def session_on_first_principle(protocol, folder, blanked: bool = False):
    changes = [
        lambda s: s.set_votes("share-resources", {"agree": 7, "amend": 3, "disagree": 2}),
        lambda s: s.set_votes("monitor-resources", {"agree": 10, "amend": 1, "disagree": 0}),
        lambda s: s.set_step(STEP),
    ]
    path = make_session_file(protocol, folder, changes=changes)
    write_state(path, ProjectorState(blanked=blanked, step=STEP, item="share-resources"))
    return path


async def first_frame(pilot) -> None:
    while pilot.app.shown is None:
        await pilot.pause(0.05)
    await pilot.pause()
    await pilot.pause()


def test_follow_counts(snap_compare, protocol, folder):
    """`workshop follow` at 80x24 on the first principle, commitment 1 highlighted.

    A reviewer should see: a top bar with "Manchester Partnership Board · 22 November 20…" on the
    left and "2/10 Achieve intended outcomes" on the right; "Commitment 1 of 7"; the commitment
    "Share resources to achieve joint outcomes" in bold; the principle's statement in italics;
    three rows, each three lines tall: "Agree" with a solid bar (█) a little over half the width,
    the count 7 in large digits and 58%; "Agree if amended" with a bar of diagonal strokes (╱),
    3 and 25%; "Disagree" with a cross-hatched bar (╳), 2 and 17%; then "12 of 12 voted". The
    bars are green, amber and red, and their patterns tell them apart without colour.
    """
    app = ProjectorApp(ProjectorSource(protocol, session_on_first_principle(protocol, folder),
                                       folder))
    assert snap_compare(app, terminal_size=NARROW, run_before=first_frame)


def test_follow_blanked(snap_compare, protocol, folder):
    """The same at 80x24 with the counts blanked (`b` in the facilitator's app).

    A reviewer should see: the same top bar, heading, commitment text and statement, and no
    bars, counts, shares or head count: only a dashed box saying "Counts hidden until the
    facilitator shows them".
    """
    path = session_on_first_principle(protocol, folder, blanked=True)
    app = ProjectorApp(ProjectorSource(protocol, path, folder))
    assert snap_compare(app, terminal_size=NARROW, run_before=first_frame)


def test_follow_high_contrast(snap_compare, protocol, folder):
    """`--theme high-contrast` at 100x30: white on black, no colour at all.

    A reviewer should see: everything white on black (the top bar and the bar tracks a dark
    grey), the three bars drawn █, ╱ and ╳ in white, so they differ by pattern alone, each with
    its label, its count in large digits (7, 3, 2) and its share (58%, 25%, 17%).
    """
    app = ProjectorApp(ProjectorSource(protocol, session_on_first_principle(protocol, folder),
                                       folder), theme="high-contrast")
    assert snap_compare(app, terminal_size=(100, 30), run_before=first_frame)

