"""SVG snapshots of the rough edges smoothed in issue 12 (outside the principle screen).

Deterministic as in test_snapshots.py: sessions made without the UI, a fixed clock, a still
step timer, every test settled before the picture. Regenerate with
`pytest tests/tui/test_rough_edges_snapshots.py --snapshot-update` and look before accepting.
"""

from __future__ import annotations

from tui_helpers import SIZE, make_app, make_session_file, settle

NARROW = (80, 24)


def test_new_session_form_refuses_participants_in_words(snap_compare, protocol, folder,
                                                         monkeypatch):
    """The new-session form at 80x24 with "six" typed for participants.

    A reviewer should see the bordered "New session" form: Group or organisation * "Leeds
    Board", Facilitator * "Tonya Meers", Location and Council or authority empty with their
    grey examples, Date 2026-11-22, Participants "six" (kept as typed, focused); under the
    fields, in the error colour, "Participants must be a whole number, e.g. 12 (or leave it
    empty)."; then "enter next · ctrl+s start · escape cancel · * required". Behind it, the
    start screen names the sessions folder (fixed here as /home/tonya/workshops/sessions).
    """
    monkeypatch.setattr("workshop.tui.screens.start.full_path",
                        lambda folder: "/home/tonya/workshops/sessions")

    async def typed(pilot) -> None:
        await settle(pilot)
        await pilot.press("n")
        await pilot.pause()
        await pilot.press(*"Leeds Board", "enter", *"Tonya Meers", "enter", "enter", "enter",
                          "enter", *"six")
        await settle(pilot)

    assert snap_compare(make_app(protocol, folder), terminal_size=NARROW, run_before=typed)


def test_finished_review_asks_before_finishing_again(snap_compare, protocol, folder):
    """A finished review at 100x30, `f` pressed again.

    A reviewer should see, over the dimmed review step, a dialog "Finished at 10:00 on 22
    November 2026. Change it to now?" with the reason (copies already sent to be merged would
    differ; finishing again is not needed to save), and two buttons: "Change to now [y]" (red)
    and "Keep [n]" (blue, focused: enter keeps the time). Behind it, the step's footer shows no
    "f Finish".
    """
    path = make_session_file(protocol, folder, changes=[
        lambda s: s.set_step("review"), lambda s: s.mark_complete()])

    async def again(pilot) -> None:
        await settle(pilot)
        await pilot.press("f")
        await settle(pilot)

    assert snap_compare(make_app(protocol, folder, open_path=path), terminal_size=SIZE,
                        run_before=again)
