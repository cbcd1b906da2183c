"""Count mode (`=`): hand counts for a whole principle at the room's pace, checked on screen and
in the saved file; and the count sheet's arithmetic on its own."""

from __future__ import annotations

import pytest
from textual import events
from tui_helpers import SIZE, details, make_app, saved, screen_text, settle, widget_text

from workshop.session.projector_state import read_state
from workshop.tui.dialogs.count_sheet import CountSheet, total_line
from workshop.tui.dialogs.counts import CountsDialog
from workshop.tui.screens.principle import PrincipleScreen

PRINCIPLE = ["share-resources", "monitor-resources", "encourage-innovation",
             "transparent-decisions", "continuous-improvement", "evidence-based-claims",
             "establish-accountability"]
"""The first principle's seven commitments, in order."""
OPTIONS = ("agree", "amend", "disagree")


async def on_first_principle(pilot) -> None:
    await settle(pilot)
    await pilot.press("n")
    await settle(pilot)
    assert isinstance(pilot.app.screen, PrincipleScreen)


def dialog_text(app, part: str) -> str:
    return widget_text(app.screen.query_one(f"#counts-{part}"))


def highlighted(app) -> int:
    return app.screen.query_one("#commitments").highlighted


# -- the room's pace ----------------------------------------------------------------------------

ROOM_OF_12 = [
    # (what the room showed, the keys typed for it)
    ((7, 3, 2), [*"7", "enter", *"3", "enter", "enter"]),          # the rest: 2
    ((12, 0, 0), ["exclamation_mark"]),                            # everyone agrees
    ((4, 4, 4), [*"4", "enter", *"4", "enter", "enter"]),
    ((9, 0, 3), [*"9", "enter", "enter", "enter"]),                # empty is 0
    ((10, 1, 1), [*"10", "enter", *"1", "enter", "enter"]),
    ((6, 5, 1), [*"6", "enter", *"5", "enter", "enter"]),
    ((8, 2, 1), [*"8", "enter", *"2", "enter", *"1", "enter"]),    # one abstains: typed over
]


async def test_a_whole_principle_is_counted_at_five_keys_or_fewer_a_commitment(protocol, folder):
    """Issue 12's target: a 12-person room's counts take at most 5 keys per commitment on
    average, `=` included, for a whole principle without leaving the dialog; every count is in
    the session file."""
    app = make_app(protocol, folder, new_details=details(participants=12))
    async with app.run_test(size=SIZE) as pilot:
        await on_first_principle(pilot)
        keys = ["equals_sign"] + [key for _, typed in ROOM_OF_12 for key in typed]
        await pilot.press(*keys)
        await settle(pilot)
        average = len(keys) / len(PRINCIPLE)
        assert average <= 5, f"{len(keys)} keys for {len(PRINCIPLE)} commitments"
        on_disk = saved(app)
        for commitment, (room, _) in zip(PRINCIPLE, ROOM_OF_12, strict=True):
            assert on_disk.counts(commitment) == dict(zip(OPTIONS, room, strict=True)), commitment
        # after the principle's last commitment the dialog has closed, the list on that one
        assert isinstance(app.screen, PrincipleScreen)
        assert highlighted(app) == len(PRINCIPLE) - 1
        assert "4.71" == f"{average:.2f}"  # 33 keys: the figure the README quotes


async def test_enter_on_the_last_count_saves_and_moves_on_with_the_dialog_open(protocol, folder):
    app = make_app(protocol, folder, new_details=details(participants=12))
    async with app.run_test(size=SIZE) as pilot:
        await on_first_principle(pilot)
        await pilot.press("down", "equals_sign")  # starts at the highlighted commitment
        await pilot.pause()
        assert isinstance(app.screen, CountsDialog)
        assert "commitment 2 of 7" in dialog_text(app, "title")
        assert "Monitor how well we have used our resources" in dialog_text(app, "commitment")
        await pilot.press(*"5", "enter", *"4", "enter")
        await pilot.pause()
        assert "Total 12 of 12" in dialog_text(app, "total")
        assert "the rest of the room" in dialog_text(app, "fields")
        await pilot.press("enter")
        await settle(pilot)
        assert saved(app).counts(PRINCIPLE[1]) == {"agree": 5, "amend": 4, "disagree": 3}
        assert isinstance(app.screen, CountsDialog)  # still open, on the next commitment
        assert "commitment 3 of 7" in dialog_text(app, "title")
        assert "Actively encourage ideas and innovation" in dialog_text(app, "commitment")
        assert "Saved 2. Agree 5 · Agree if amended 4 · Disagree 3" in dialog_text(app, "note")
        assert app.screen_stack[-2].query_one("#commitments").highlighted == 2  # list follows
        assert PRINCIPLE[0] not in saved(app).votes  # the one above was never touched


async def test_escape_keeps_what_was_saved_and_drops_the_half_typed(protocol, folder):
    app = make_app(protocol, folder, new_details=details(participants=12))
    async with app.run_test(size=SIZE) as pilot:
        await on_first_principle(pilot)
        await pilot.press("equals_sign", "exclamation_mark", *"3", "enter", *"2", "escape")
        await settle(pilot)
        assert isinstance(app.screen, PrincipleScreen)
        on_disk = saved(app)
        assert on_disk.counts(PRINCIPLE[0]) == {"agree": 12, "amend": 0, "disagree": 0}
        assert PRINCIPLE[1] not in on_disk.votes  # 3 and 2 were typed, never confirmed
        assert highlighted(app) == 1  # the list is on the commitment the dialog was on
        # opened again on it, the dialog shows what is saved (nothing), not the typing
        await pilot.press("equals_sign")
        await pilot.pause()
        assert app.screen.sheet.typed == ["", "", ""]


async def test_recounting_starts_from_the_saved_counts(protocol, folder):
    """A counted commitment opens with its saved counts, each typed over on entering it. Its
    last count follows the others only if it was the rest of the room; a last count that was
    not (votes added one by one, someone abstaining) is kept as it was."""
    app = make_app(protocol, folder, new_details=details(participants=12))
    async with app.run_test(size=SIZE) as pilot:
        await on_first_principle(pilot)
        await pilot.press("a", "a", "a", "m", "equals_sign")
        await pilot.pause()
        assert app.screen.sheet.counts() == {"agree": 3, "amend": 1, "disagree": 0}
        await pilot.press(*"6", "enter", "enter")
        await pilot.pause()
        assert app.screen.sheet.counts() == {"agree": 6, "amend": 1, "disagree": 0}
        assert "Total 7 of 12: 5 not counted" in dialog_text(app, "total")
        await pilot.press("enter")  # saved as typed; on to the second commitment
        await pilot.press(*"7", "enter", *"3", "enter", "enter", "escape")
        await settle(pilot)
        assert saved(app).counts(PRINCIPLE[0]) == {"agree": 6, "amend": 1, "disagree": 0}
        assert saved(app).counts(PRINCIPLE[1]) == {"agree": 7, "amend": 3, "disagree": 2}
        await pilot.press("up", "equals_sign")  # the second again: its 2 was the rest
        await pilot.pause()
        await pilot.press(*"8", "enter", "enter")
        await pilot.pause()
        assert app.screen.sheet.counts() == {"agree": 8, "amend": 3, "disagree": 1}


async def test_everyone_agrees_needs_a_head_count(protocol, folder):
    """Without a head count `!` says so and saves nothing; the last field is then typed like
    the others (there is no rest of the room to fill it with)."""
    app = make_app(protocol, folder, new_details=details(participants=None))
    async with app.run_test(size=SIZE) as pilot:
        await on_first_principle(pilot)
        await pilot.press("equals_sign", "exclamation_mark")
        await settle(pilot)
        assert isinstance(app.screen, CountsDialog) and app.screen.index == 0
        assert "No head count for this session" in dialog_text(app, "note")
        assert saved(app).votes == {}
        assert "the rest of the room" not in dialog_text(app, "fields")
        await pilot.press(*"7", "enter", *"3", "enter", *"2", "enter")
        await settle(pilot)
        assert "Total 0 (no head count for this session)" in dialog_text(app, "total")
        assert saved(app).counts(PRINCIPLE[0]) == {"agree": 7, "amend": 3, "disagree": 2}


async def test_counts_over_the_head_count_are_flagged_in_the_dialog_and_on_the_row(protocol,
                                                                                     folder):
    app = make_app(protocol, folder, new_details=details(participants=10))
    async with app.run_test(size=SIZE) as pilot:
        await on_first_principle(pilot)
        await pilot.press("equals_sign", *"9", "enter")
        await pilot.pause()
        assert "Total 10 of 10" in dialog_text(app, "total")  # 9 and the rest: 1
        assert not app.screen.query_one("#counts-total").has_class("-over")
        await pilot.press(*"3")  # live, as it is typed
        await pilot.pause()
        assert "Total 12 of 10 ⚠ 2 more than the head count" in dialog_text(app, "total")
        assert app.screen.query_one("#counts-total").has_class("-over")
        await pilot.press("enter", "enter", "escape")  # flagged, not refused
        await settle(pilot)
        assert saved(app).counts(PRINCIPLE[0]) == {"agree": 9, "amend": 3, "disagree": 0}
        row = app.screen.query_one("#commitments").get_option_at_index(0).prompt
        assert "⚠12/10" in " ".join(cell.plain for column in row.columns
                                     for cell in column._cells)
        assert "⚠12/10 1. Share resources" in screen_text(app)
        assert "⚠" not in screen_text(app).split("2. Monitor")[1].split("\n")[0]


async def test_a_burst_lands_in_the_right_fields_of_the_right_commitments(protocol, folder):
    """A real terminal sends keys faster than the app draws: "=7⏎3⏎⏎!4⏎4⏎⏎", then escape and
    "n a", in one burst. Every count lands on its commitment, escape closes the dialog, and the
    vote after `n` is on the next principle."""
    app = make_app(protocol, folder, new_details=details(participants=12))
    async with app.run_test(size=SIZE) as pilot:
        await on_first_principle(pilot)
        burst = ["equals_sign", "7", "enter", "3", "enter", "enter", "exclamation_mark",
                 "4", "enter", "4", "enter", "enter", "escape", "n", "a"]
        characters = {"equals_sign": "=", "exclamation_mark": "!", "enter": "\r",
                      "escape": "\x1b"}
        for key in burst:
            app.post_message(events.Key(key, characters.get(key, key)))
        await settle(pilot)
        on_disk = saved(app)
        assert on_disk.counts(PRINCIPLE[0]) == {"agree": 7, "amend": 3, "disagree": 2}
        assert on_disk.counts(PRINCIPLE[1]) == {"agree": 12, "amend": 0, "disagree": 0}
        assert on_disk.counts(PRINCIPLE[2]) == {"agree": 4, "amend": 4, "disagree": 4}
        assert on_disk.step == "principle:public-interest"
        assert on_disk.counts("long-and-short-term") == {"agree": 1, "amend": 0, "disagree": 0}
        assert sum(sum(c.values()) for c in on_disk.votes.values()) == 12 * 3 + 1


async def test_read_only_session_does_not_open_count_mode(protocol, folder):
    app = make_app(protocol, folder, new_details=details())
    async with app.run_test(size=SIZE) as pilot:
        await on_first_principle(pilot)
        app.live.read_only = True
        app.screen.read_only = True
        await pilot.press("equals_sign")
        await pilot.pause()
        assert isinstance(app.screen, PrincipleScreen)


async def test_the_projector_follows_count_mode_and_b_blanks_it_while_counting(protocol, folder):
    """The projector shows the commitment being counted (the list follows the dialog), and `b`
    (the app's key, not one of the dialog's) hides the counts without leaving count mode."""
    app = make_app(protocol, folder, new_details=details(participants=12))
    async with app.run_test(size=SIZE) as pilot:
        await on_first_principle(pilot)
        await pilot.press("equals_sign", "exclamation_mark", "b")
        await settle(pilot)
        assert app.projector.wait()
        state = read_state(app.path)
        assert isinstance(app.screen, CountsDialog)
        assert (state.step, state.item, state.blanked) == (
            "principle:achieve-intended-outcomes", PRINCIPLE[1], True)
        assert app.screen.sheet.typed == ["", "", ""]  # b typed nothing into the counts


# -- the sheet on its own -----------------------------------------------------------------------

def test_an_empty_sheet_fills_the_last_field_with_the_room():
    sheet = CountSheet.start(OPTIONS, 12)
    assert sheet.shown(0) == "" and sheet.counts() == {"agree": 0, "amend": 0, "disagree": 12}
    sheet.digit("7")
    assert sheet.counts()["disagree"] == 5
    assert sheet.next_field() is False
    sheet.digit("9")  # more than the rest: the last field stops at 0, the total is over
    assert sheet.counts() == {"agree": 7, "amend": 9, "disagree": 0} and sheet.over


def test_digits_replace_a_field_on_entering_it_then_append():
    sheet = CountSheet.start(OPTIONS, 12, {"agree": 3, "amend": 1, "disagree": 8})
    sheet.digit("1")
    sheet.digit("0")
    assert sheet.typed[0] == "10"
    sheet.next_field()
    sheet.previous_field()
    sheet.digit("4")  # entering the field again: typed over
    assert sheet.typed[0] == "4"
    sheet.digit("0")
    sheet.digit("0")
    sheet.digit("0")
    sheet.digit("0")
    sheet.digit("0")
    sheet.digit("0")
    sheet.digit("0")
    assert sheet.typed[0] == "4000000"  # at most seven digits (a count is at most 1,000,000)


def test_leading_zeros_and_backspace():
    sheet = CountSheet.start(OPTIONS, None)
    for character in "007":
        sheet.digit(character)
    assert sheet.typed[0] == "7"
    sheet.backspace()
    assert sheet.typed[0] == "" and sheet.value(0) == 0
    sheet.backspace()  # nothing to delete: still empty
    assert sheet.typed[0] == ""


def test_typing_in_the_last_field_stops_it_following_the_others():
    sheet = CountSheet.start(OPTIONS, 12)
    sheet.next_field()
    sheet.next_field()
    sheet.backspace()  # "12" → "1": the facilitator's now
    assert sheet.typed[2] == "1" and not sheet.follows
    sheet.previous_field()
    sheet.previous_field()
    sheet.digit("5")
    assert sheet.counts() == {"agree": 5, "amend": 0, "disagree": 1}
    assert sheet.next_field() is False and sheet.next_field() is False
    assert sheet.next_field() is True  # on the last: done
    assert sheet.previous_field() and sheet.previous_field()
    assert sheet.previous_field() is False  # on the first


@pytest.mark.parametrize("counts, follows", [
    ({"agree": 7, "amend": 3, "disagree": 2}, True),     # the last field held the rest
    ({"agree": 7, "amend": 3, "disagree": 1}, False),    # someone abstained: kept as typed
    ({}, True),
])
def test_a_saved_commitment_follows_only_if_its_last_count_was_the_rest(counts, follows):
    assert CountSheet.start(OPTIONS, 12, counts).follows is follows


def test_everyone_agrees_and_the_total_line():
    assert CountSheet.start(OPTIONS, 12).everyone_agrees() == {"agree": 12, "amend": 0,
                                                               "disagree": 0}
    assert CountSheet.start(OPTIONS, None).everyone_agrees() is None
    assert total_line(12, 12) == ("Total 12 of 12 ✓ everyone counted", False)
    assert total_line(9, 12) == ("Total 9 of 12: 3 not counted", False)
    assert total_line(13, 12) == ("Total 13 of 12 ⚠ 1 more than the head count", True)
    assert total_line(5, None) == ("Total 5 (no head count for this session)", False)
