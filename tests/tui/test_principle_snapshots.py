"""SVG snapshots of count mode and of the principle step's flags and focus at 80x24.

Deterministic as tests/tui/test_snapshots.py is: sessions made without the UI, a fixed clock, a
still timer, every picture taken after the saves have settled. Regenerate with
`pytest tests/tui/test_principle_snapshots.py --snapshot-update` and look before accepting.
"""

from __future__ import annotations

from pathlib import Path

from tui_helpers import make_app, make_session_file, settle

FIRST_PRINCIPLE = "principle:achieve-intended-outcomes"
NARROW = (80, 24)


def counted_session(protocol, folder: Path) -> Path:
    """12 people on the first principle: four commitments counted, the second over the head
    count (13 + 1 of 12), two comments and a proposed wording on the first."""
    changes = [
        lambda s: s.set_votes("share-resources", {"agree": 7, "amend": 3, "disagree": 2}),
        lambda s: s.set_votes("monitor-resources", {"agree": 13, "amend": 1, "disagree": 0}),
        lambda s: s.set_votes("encourage-innovation", {"agree": 4, "amend": 4, "disagree": 4}),
        lambda s: s.set_votes("transparent-decisions", {"agree": 12}),
        lambda s: s.add_comment("share-resources", "Which resources? Staff time counts too."),
        lambda s: s.add_comment("share-resources", "Quarterly, not yearly."),
        lambda s: s.add_amendment("share-resources",
                                  "Share resources fairly to achieve joint outcomes"),
        lambda s: s.set_step(FIRST_PRINCIPLE),
    ]
    return make_session_file(protocol, folder, changes=changes)


def test_count_mode_mid_count(snap_compare, protocol, folder):
    """Count mode at 80x24, on the fifth commitment, after "9 enter".

    A reviewer should see the dialog over the dimmed step: "Count mode · commitment 5 of 7 ·
    Achieve intended outcomes", the commitment "Be committed to continuous improvement", three
    rows "[a] Agree 9", "▶ [m] Agree if amended" with a dim 0 in reverse (the field being
    typed, marked ▶ so it reads without colour) and "[d] Disagree 3 the rest of the room";
    "Total 12 of 12 ✓ everyone counted"; the keys line (enter, !, tab, b for the projector,
    escape: leave, this commitment unsaved). Behind it the list's heading
    "a · m · d c w Commitment" in its top border.
    """
    path = counted_session(protocol, folder)

    async def count(pilot) -> None:
        await settle(pilot)
        await pilot.press("down", "down", "down", "down", "equals_sign", "9", "enter")
        await settle(pilot)

    assert snap_compare(make_app(protocol, folder, open_path=path), terminal_size=NARROW,
                        run_before=count)


def test_principle_step_narrow_flag_and_entries_focused(snap_compare, protocol, folder):
    """The principle step at 80x24 after one tab, with a commitment over the head count.

    A reviewer should see: the list's heading "a · m · d c w Commitment" in its top border,
    each key over its column; all seven commitments (the sixth and seventh wrapping under
    themselves); the second row "13 ·  1 ·  0" then "⚠14/12 2. Monitor how well…" (the flag
    in words, in red); below, the compact detail "1 of 7 · [a] Agree 7
    · [m] Agree if amended 3 · [d] Disagree 2" and "12 of 12 voted"; then the entries, focused
    (the detail's border in the accent colour) with the first comment "Which resources? Staff
    time counts too." highlighted, and the second comment below it.
    """
    path = counted_session(protocol, folder)

    async def tab(pilot) -> None:
        await settle(pilot)
        await pilot.press("tab")
        await settle(pilot)

    assert snap_compare(make_app(protocol, folder, open_path=path), terminal_size=NARROW,
                        run_before=tab)
