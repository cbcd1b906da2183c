"""SVG snapshots of every screen of the facilitator's app, for a reviewer to look at.

Each picture is deterministic: sessions are made without the UI (fixed ids, fixed clock), the
app runs on a fixed wall clock and a still step timer, and every test settles (saves done,
screen drawn) before the picture is taken. Regenerate with
`pytest tests/tui/test_snapshots.py --snapshot-update` and look at the pictures before accepting.

The tests are plain functions (not `async`): `snap_compare` runs the app in its own event loop.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from tui_helpers import SIZE, make_app, make_session_file, settle

FIRST_PRINCIPLE = "principle:achieve-intended-outcomes"
NARROW = (80, 24)
PROJECTOR = (200, 60)

MARKUP_COMMENT = "[bold]not bold[/bold] <b>x</b> — shown exactly as typed"
WORDING = "Share resources fairly to achieve joint outcomes"


def principle_session(protocol, folder: Path) -> Path:
    """A session of 12 people on its first principle: votes on four commitments (none over the
    head count), three comments, one proposed wording."""
    changes = [
        lambda s: s.set_votes("share-resources", {"agree": 7, "amend": 3, "disagree": 2}),
        lambda s: s.set_votes("monitor-resources", {"agree": 10, "amend": 1, "disagree": 0}),
        lambda s: s.set_votes("encourage-innovation", {"agree": 4, "amend": 4, "disagree": 4}),
        lambda s: s.set_votes("transparent-decisions", {"agree": 12, "amend": 0, "disagree": 0}),
        lambda s: s.add_comment("share-resources", MARKUP_COMMENT),
        lambda s: s.add_comment("share-resources", "Which resources? Staff time counts too."),
        lambda s: s.add_amendment("share-resources", WORDING),
        lambda s: s.add_comment("monitor-resources", "Quarterly, not yearly."),
        lambda s: s.set_step(FIRST_PRINCIPLE),
    ]
    return make_session_file(protocol, folder, changes=changes)


def test_start_screen(snap_compare, protocol, tmp_path, monkeypatch):
    """The start screen with three sessions.

    A reviewer should see: the title line with the protocol's name and version; the hint
    "3 sessions in /home/tonya/workshops/sessions, newest first." (the folder's full path; the
    test names it, so the picture is the same on every machine) and under it the keys; a table
    with three rows, the first (Bristol) highlighted. The sessions were
    all saved at the same moment, so they are listed in file-name order, i.e. by date, oldest
    first. Every column fits the 100 columns: Group, Date, Location, Voted ("3/37" for Leeds,
    0/37 for the others), Answered ("2/6" for Leeds), Status ("complete" for Bristol, "in
    progress" for the others). Below the table, the highlighted session in full: its file
    name, group, facilitator, 12 participants, progress and last save. The footer shows
    enter Resume, n New session, v Results, ? Keys, ^q Quit.
    """
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr("workshop.tui.screens.start.full_path",
                        lambda folder: "/home/tonya/workshops/sessions")
    folder = Path("sessions")
    make_session_file(protocol, folder, group="Manchester Partnership Board",
                      session_id="11111111-1111-4111-8111-111111111111")
    make_session_file(protocol, folder, group="Leeds Health and Wellbeing Board",
                      session_id="22222222-2222-4222-8222-222222222222", changes=[
                          lambda s: s.set_meta(date=date(2026, 11, 15), location="Civic Hall"),
                          lambda s: s.set_votes("share-resources", {"agree": 5, "amend": 2}),
                          lambda s: s.set_votes("monitor-resources", {"agree": 3, "disagree": 4}),
                          lambda s: s.set_votes("long-and-short-term", {"amend": 6}),
                          lambda s: s.add_answer("barriers", "Time, mostly."),
                          lambda s: s.add_answer("benefits", "Clearer roles."),
                      ])
    make_session_file(protocol, folder, group="Bristol Community Safety Partnership",
                      session_id="33333333-3333-4333-8333-333333333333", changes=[
                          lambda s: s.set_meta(date=date(2026, 10, 30), location="City Hall"),
                          lambda s: s.mark_complete(),
                      ])
    app = make_app(protocol, folder)
    assert snap_compare(app, terminal_size=SIZE, run_before=settle)


def test_introduction(snap_compare, protocol, folder):
    """The introduction step of a fresh session (step 1 of 10).

    A reviewer should see: the step bar "1/10 Introduction" with the timer at 0:00 and "Saved";
    the protocol's title and authors and the introduction text; a "This session" panel (group,
    facilitator Tonya Meers, location Town Hall, date 2026-11-22, 12 participants) whose bottom
    edge is at the fold; the "What we will cover" panel is below the fold at 100x30 (the
    scrollbar on the right shows there is more); the footer with n Next, p Back, ? Keys, ^q Quit.
    """
    path = make_session_file(protocol, folder)
    assert snap_compare(make_app(protocol, folder, open_path=path), terminal_size=SIZE,
                        run_before=settle)


def test_principle_step(snap_compare, protocol, folder):
    """The first principle with votes, comments and a proposed wording, at 100x30.

    A reviewer should see: "2/10 Achieve intended outcomes" and the timer "0:00 / 10:00"; the
    principle's statement in italics; on the left the seven commitments, each with its counts
    (" 7 ·  3 ·  2" for the first, dim " 0 ·  0 ·  0" for the unvoted ones), "2c 1w" beside the
    first and "1c" beside the second; on the right the highlighted first commitment in detail:
    "Commitment 1 of 7", the three bars (Agree 7 58%, Agree if amended 3 25%, Disagree 2 17%),
    "12 of 12 voted", then the two comments and the proposed wording in the order they were
    made. The first comment must show "[bold]not bold[/bold] <b>x</b>" literally, not bold;
    the wording shows "fairly" added (underlined green). The footer shows n Next, p Back,
    ? Keys, = Counts, c Comment, w Wording, "a m d Vote" and ^q Quit.
    """
    path = principle_session(protocol, folder)
    assert snap_compare(make_app(protocol, folder, open_path=path), terminal_size=SIZE,
                        run_before=settle)


def test_principle_step_narrow(snap_compare, protocol, folder):
    """The same principle step at 80x24: the list takes the height its seven commitments need,
    headed "a · m · d c w Commitment" in its top border, the long ones wrapping under
    themselves; below it the compact detail: "1 of 7 · [a] Agree 7 · [m] Agree if amended 3 ·
    [d] Disagree 2", "12 of 12 voted", then the first two comments (the list of entries
    scrolls). The footer fits 80 columns: every key from n Next to "a m d Vote" and ^q Quit.
    """
    path = principle_session(protocol, folder)
    assert snap_compare(make_app(protocol, folder, open_path=path), terminal_size=NARROW,
                        run_before=settle)


def test_questions_step(snap_compare, protocol, folder):
    """The questions step ("Your thoughts", 8/10) with answers to two questions.

    A reviewer should see: the timer "0:00 / 30:00"; the questions' introduction in italics;
    on the left the six questions, each with its answer count (" 2 Q1." and " 1 Q4.", the
    others a dim " 0"); on the right the highlighted first question in bold with its guidance
    in italics and its two answers below, each headed "Answer · 10:00".
    """
    path = make_session_file(protocol, folder, changes=[
        lambda s: s.add_answer("put-into-practice", "Put it on every board's agenda once a year."),
        lambda s: s.add_answer("put-into-practice", "Name a lead for it in each partner."),
        lambda s: s.add_answer("barriers", "Time, and staff turnover."),
        lambda s: s.set_step("questions"),
    ])
    assert snap_compare(make_app(protocol, folder, open_path=path), terminal_size=SIZE,
                        run_before=settle)


def test_recommendation_step(snap_compare, protocol, folder):
    """The recommendation step (9/10) with "Adopt with changes" chosen, reasons and comments.

    A reviewer should see: the committee's question in italics; the three choices with keys
    [1] [2] [3], the second one marked with a green ● and shown reversed, the others ○; a
    "Reasons (r to write)" panel with the reasons text and a "General comments (g to write)"
    panel with the comments; the footer with n, p, ?, "1 2 3 Choose", r Reasons, g Comments.
    """
    path = make_session_file(protocol, folder, changes=[
        lambda s: s.set_recommendation(
            "adopt-with-changes",
            reasons="Most commitments were agreed, but the wording on resources needs to say "
                    "'fairly', and accountability needs a named owner.",
            comments="A shorter version for community groups would help."),
        lambda s: s.set_step("recommendation"),
    ])
    assert snap_compare(make_app(protocol, folder, open_path=path), terminal_size=SIZE,
                        run_before=settle)


def test_review_step(snap_compare, protocol, folder):
    """The review step (10/10) of an unfinished session with votes and answers missing.

    A reviewer should see: "Not finished yet: press f to mark the session complete." and
    "Recommendation: Undecided"; a list of "No votes:" lines (every commitment but the two
    voted on) and "No answer:" lines (every question but the answered one) — long, so the
    panel scrolls; the "Totals per principle" table may be below the fold at 100x30.
    """
    path = make_session_file(protocol, folder, changes=[
        lambda s: s.set_votes("share-resources", {"agree": 7, "amend": 3, "disagree": 2}),
        lambda s: s.set_votes("long-and-short-term", {"agree": 9}),
        lambda s: s.add_comment("share-resources", "Staff time counts too."),
        lambda s: s.add_answer("benefits", "Clearer roles."),
        lambda s: s.set_step("review"),
    ])
    assert snap_compare(make_app(protocol, folder, open_path=path), terminal_size=SIZE,
                        run_before=settle)


def test_help_screen(snap_compare, protocol, folder):
    """The keys help over the first principle's step, opened with `?`.

    The list is built from the principle screen's active bindings, so it shows exactly the keys
    that work there. A reviewer should see a bordered box titled "Keys" over the dimmed step,
    with headed groups: "Votes on the highlighted commitment" (a, shift+a, m, shift+m, d,
    shift+d, each with its option's label), "This principle" (=, c, w, e, del), "Every step"
    (n / →, p / ←, ? / f1, ↓ / j, ↑ / k, tab, shift+tab); the rest ("Everywhere": ^q, ^p, b; "In a
    text dialog": ^s, esc; "escape closes") is below the box's fold, and its scrollbar shows it.
    """
    path = make_session_file(protocol, folder, changes=[lambda s: s.set_step(FIRST_PRINCIPLE)])

    async def open_help(pilot) -> None:
        await settle(pilot)
        await pilot.press("question_mark")
        await settle(pilot)

    assert snap_compare(make_app(protocol, folder, open_path=path), terminal_size=SIZE,
                        run_before=open_help)


def test_principle_step_projector(snap_compare, protocol, folder):
    """The principle step at 200x60, the size of a projected screen.

    A reviewer should see the same content as the 100x30 picture, the two panes side by side,
    each commitment on one line, the bars long, and plenty of empty space below the entries.
    """
    path = principle_session(protocol, folder)
    assert snap_compare(make_app(protocol, folder, open_path=path), terminal_size=PROJECTOR,
                        run_before=settle)

