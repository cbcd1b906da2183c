"""The results view: a merged file of five workshops, read-only, driven with Pilot."""

from __future__ import annotations

import re

import pytest
from results_fixture import GROUPS, HOSTILE, NOTES, five_sessions, merged_file
from tui_helpers import SIZE, make_app, screen_text, settle, widget_text

from workshop.consultation.figures import long_date
from workshop.tui.dialogs.pick_session import PickSessionDialog
from workshop.tui.screens.results import ResultsScreen
from workshop.tui.screens.start import StartScreen


@pytest.fixture
async def view(protocol, tmp_path):
    path = merged_file(protocol, tmp_path)
    before = path.read_bytes()
    app = make_app(protocol, tmp_path / "sessions", results_path=path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, ResultsScreen)
        yield app, pilot
    assert path.read_bytes() == before  # read-only: nothing written


def detail(app) -> str:
    """The detail pane's words and figures, without the bars' block characters."""
    text = re.sub("[\u2580-\u259f]+", " ", widget_text(app.screen.query_one("#result-text")))
    return " ".join(text.split())


def entries(app, selector="#result-entries") -> str:
    listing = app.screen.query_one(selector)
    return "\n".join(listing.get_option_at_index(i).prompt.plain for i in range(listing.option_count))


async def test_totals_shares_marks_and_each_workshops_counts(view):
    app, _ = view
    text = screen_text(app)
    assert "5 workshops, 60 participants" in text
    assert "40 · 7 · 3" in text  # share-resources: the sum of the five sessions
    assert "consensus" in text and "contested" in text
    shown = detail(app)
    assert "Share resources to achieve joint outcomes" in shown
    assert "Agree 40 80%" in shown and "Agree if amended 7 14%" in shown
    assert "50 votes from 5 workshops" in shown
    for group, day, (a, m, d), _ in GROUPS:
        # each workshop's own counts, under the workshop's name in the report (with its date)
        assert f"{group}, {long_date(day)} {a} {m} {d}" in shown


async def test_proposed_wordings_grouped_with_a_diff_that_reads_without_colour(view):
    app, _ = view
    shown = detail(app)
    assert "Proposed wordings, grouped" in shown
    assert "2 of 5 workshops propose adding 'fairly'" in shown
    assert "Share resources {+fairly+} to achieve joint outcomes" in shown
    listed = entries(app)
    # every wording listed too, as a diff and plainly
    assert "Proposed: Share resources fairly to achieve joint outcomes" in listed
    assert "Proposed: share resources Fairly to achieve joint outcomes." in listed


async def test_a_split_between_workshops_is_contested(view):
    app, pilot = view
    await pilot.press("down")
    await settle(pilot)
    shown = detail(app)
    assert "Monitor how well we have used our resources" in shown
    assert "Contested" in shown and "varies by 70 points across workshops" in shown


async def test_comments_and_wordings_with_their_workshop_shown_literally(view):
    app, pilot = view
    listed = entries(app)
    for group, *_ in GROUPS:
        assert f"Comment · {group}" in listed and f"Comment from {group}" in listed
    assert "Proposed wording · Manchester Partnership Board" in listed
    await pilot.press("down")
    await settle(pilot)
    assert HOSTILE in entries(app)
    await pilot.press("tab", "end")  # to the detail pane, scrolled to its comments
    await settle(pilot)
    for piece in ("[bold]not bold[/bold]", "<script>alert(1)</script>"):
        assert piece in screen_text(app)  # markup shown as typed, not acted on


async def test_filter_by_workshop(view):
    app, pilot = view
    await pilot.press("s")
    await settle(pilot)
    assert isinstance(app.screen, PickSessionDialog)
    await pilot.press("down", "down", "enter")  # the second workshop by date: Leeds
    await settle(pilot)
    assert isinstance(app.screen, ResultsScreen)
    listed = entries(app)
    assert "Comment from Leeds Health and Wellbeing Board" in listed
    assert "Manchester" not in listed and "Bristol" not in listed
    assert "Comments and answers from: Leeds Health and Wellbeing Board" in screen_text(app)
    await pilot.press("2")  # the answers are filtered too
    await settle(pilot)
    await pilot.press("down", "down", "down", "down", "down")  # Q6: benefits
    await settle(pilot)
    answers = entries(app, "#answer-list")
    assert "Trust, says Leeds Health and Wellbeing Board" in answers and "Bristol" not in answers
    await pilot.press("s", "home", "enter")  # back to all workshops
    await settle(pilot)
    assert entries(app, "#answer-list").count("Trust, says") == 5


async def test_answers_grouped_under_each_question_with_their_workshop(view, protocol):
    app, pilot = view
    await pilot.press("2")
    await settle(pilot)
    assert "How should the protocol be put into practice?" in widget_text(
        app.screen.query_one("#question-text"))
    assert "No answers" in entries(app, "#answer-list")
    await pilot.press("k", "j", "j", "j", "j", "j")
    await settle(pilot)
    answers = entries(app, "#answer-list")
    for group, *_ in GROUPS:
        assert f"Answer · {group}" in answers and f"Trust, says {group}" in answers
    assert "  5 Q6." in screen_text(app)


async def test_order_most_contested_then_most_commented(view):
    app, pilot = view
    await pilot.press("o")
    await settle(pilot)
    assert "Order: most contested first" in screen_text(app)
    first = app.screen.rows[0]
    assert first.mark == "contested" and first.commitment.id == "encourage-innovation"
    # the highlight stays on the commitment it was on
    assert detail(app).startswith("Achieve intended outcomes · commitment 1")
    await pilot.press("o")
    await settle(pilot)
    assert "Order: most commented first" in screen_text(app)
    assert [r.commitment.id for r in app.screen.rows[:2]] == ["share-resources", "monitor-resources"]
    await pilot.press("o")
    await settle(pilot)
    assert "Order: protocol order" in screen_text(app)


async def test_workshops_tab_lists_sessions_and_recommendations(view):
    app, pilot = view
    await pilot.press("3")
    await settle(pilot)
    text = screen_text(app)
    for group, on, _, _ in GROUPS:
        assert f"{group}, {long_date(on)}" in text  # a workshop is named with its date
    assert "Adopt with changes" in text and "Do not adopt" in text and "Undecided" in text
    shown = widget_text(app.screen.query_one("#workshop-detail"))
    assert "Reasons of Manchester Partnership Board" in shown
    assert "Facilitator's notes" in shown and NOTES in shown  # as typed, [red] not markup


async def test_palette_jumps_to_a_principle(view):
    app, pilot = view
    await pilot.press("ctrl+p", *"jump to Act ethically")
    await settle(pilot)
    await pilot.press("enter")
    await settle(pilot)
    assert detail(app).startswith("Act ethically · commitment 5.1")


async def test_escape_goes_back_to_the_start_screen(view):
    app, pilot = view
    await pilot.press("escape")
    await settle(pilot)
    assert isinstance(app.screen, StartScreen)


async def test_start_screen_shows_the_results_of_every_session_in_the_folder(protocol, tmp_path):
    folder = tmp_path / "sessions"
    paths = five_sessions(protocol, folder)
    (folder / "copy.toml").write_bytes(paths[0].read_bytes())  # the same session twice
    app = make_app(protocol, folder)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("v")
        await settle(pilot)
        assert isinstance(app.screen, ResultsScreen)
        assert "5 workshops" in screen_text(app)  # the copy counted once
        assert "40 · 7 · 3" in screen_text(app)


async def test_a_single_session_file_can_be_viewed(protocol, tmp_path):
    path = five_sessions(protocol, tmp_path / "sessions")[0]
    app = make_app(protocol, tmp_path / "sessions", results_path=path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, ResultsScreen)
        assert "1 workshop, 12 participants" in screen_text(app)
        assert "9 · 1 · 0" in screen_text(app)


async def test_the_findings_tab_gives_the_reports_findings(view, protocol):
    """Issue 11, finding 1, in the results view: `4` shows what every export gives first."""
    from workshop.consultation.findings import findings

    app, pilot = view
    found = findings(app.screen.report)
    await pilot.press("4")
    await pilot.pause()
    shown = widget_text(app.screen.query_one("#findings-text"))
    assert " ".join(found.headline().split()) in shown
    assert " ".join(found.recommendation_line().split()) in shown
    assert found.contested_commitments and all(
        " ".join(c.reason.split()) in shown for c in found.contested_commitments)
    assert "2 of 5 workshops propose adding 'fairly'" in shown  # what the most amended asks
    assert found.unfinished_line().startswith("Still in progress: ")
    assert " ".join(found.unfinished_line().split()) in shown
    assert app.screen.focused is app.screen.query_one("#findings")
