"""Moving through the steps, and the introduction, questions, recommendation, review and help."""

from __future__ import annotations

import pytest
from tui_helpers import SIZE, Ticker, details, make_app, saved, screen_text, settle, widget_text

from workshop.tui.dialogs.confirm import ConfirmDialog
from workshop.tui.dialogs.text_entry import TextEntryDialog
from workshop.tui.screens.help import HelpScreen
from workshop.tui.screens.intro import IntroScreen
from workshop.tui.screens.principle import PrincipleScreen
from workshop.tui.screens.questions import QuestionsScreen
from workshop.tui.screens.recommendation import RecommendationScreen
from workshop.tui.screens.review import ReviewScreen


@pytest.fixture
async def running(protocol, folder):
    ticker = Ticker()
    app = make_app(protocol, folder, ticker=ticker, new_details=details())
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        yield app, pilot, ticker


async def go(pilot, *keys):
    await pilot.press(*keys)
    await settle(pilot)


async def test_n_and_p_walk_every_step_and_save_where_we_are(running, protocol):
    app, pilot, _ = running
    assert isinstance(app.screen, IntroScreen)
    seen = [app.screen.step_name]
    for _ in range(9):
        await go(pilot, "n")
        seen.append(app.screen.step_name)
        assert saved(app).step == app.screen.step_name
    assert seen == app.session.steps()
    assert isinstance(app.screen, ReviewScreen)
    await go(pilot, "n")  # past the end: stays
    assert isinstance(app.screen, ReviewScreen)
    for _ in range(9):
        await go(pilot, "p")
    assert isinstance(app.screen, IntroScreen)
    assert saved(app).step == "introduction"


async def test_right_and_left_move_too(running):
    app, pilot, _ = running
    await go(pilot, "right", "right")
    assert app.screen.step_name == "principle:public-interest"
    await go(pilot, "left")
    assert app.screen.step_name == "principle:achieve-intended-outcomes"


async def test_step_bar_shows_position_and_title(running):
    app, pilot, _ = running
    await go(pilot, "n", "n")
    assert "3/10 Public interest" in screen_text(app)
    assert "We act in the interest of the public and demonstrate value." in screen_text(app)


async def test_introduction_shows_text_details_and_plan(running, protocol):
    app, _, _ = running
    text = screen_text(app)
    assert protocol.title in text
    assert "Standards for England is working to develop" in text
    assert "Manchester Partnership Board" in text and "Tonya Meers" in text
    # the plan lists every principle; scroll down to see it all
    plan = widget_text(app.screen.query_one("#intro-plan"))
    for principle in protocol.principles:
        assert principle.title in plan
    assert "Your thoughts: 6 questions" in plan


async def test_timer_counts_and_turns_red_over_budget(running):
    app, pilot, ticker = running
    await go(pilot, "n", "n")  # Public interest: 6 minutes
    ticker.now += 5 * 60
    bar = app.screen.query_one("StepBar")
    bar.update_timer()
    await pilot.pause()
    timer = app.screen.query_one("#step-timer")
    assert "5:00 / 6:00" in str(timer.render())
    assert not timer.has_class("-over")
    ticker.now += 2 * 60
    bar.update_timer()
    await pilot.pause()
    assert "7:00 / 6:00" in str(timer.render())
    assert timer.has_class("-over")
    await go(pilot, "n")  # leaving banks the time in the file
    assert saved(app).elapsed["principle:public-interest"] == pytest.approx(420)


async def test_questions_answer_edit_delete(running, protocol):
    app, pilot, _ = running
    app.show_step("questions")
    await settle(pilot)
    assert isinstance(app.screen, QuestionsScreen)
    detail = widget_text(app.screen.query_one("#detail-text"))
    assert "How should the protocol be put into practice?" in detail
    assert "As a tool to assess the values and behaviours of existing partnerships" in detail
    await go(pilot, "r", *"Sign it at the first meeting", "ctrl+s")
    await go(pilot, "down", "enter", *"Review it yearly", "ctrl+s")
    answers = saved(app).answers
    assert [a.text for a in answers["put-into-practice"]] == ["Sign it at the first meeting"]
    assert [a.text for a in answers["not-on-a-shelf"]] == ["Review it yearly"]
    assert "Review it yearly" in screen_text(app)
    await go(pilot, "k")  # back to Q1
    assert "Sign it at the first meeting" in screen_text(app)
    await go(pilot, "tab", "e")
    assert isinstance(app.screen, TextEntryDialog)
    await go(pilot, *", with the chair", "ctrl+s")
    assert saved(app).answers["put-into-practice"][0].text == "Sign it at the first meeting, with the chair"
    await go(pilot, "delete")
    assert isinstance(app.screen, ConfirmDialog)
    await go(pilot, "y")
    assert "put-into-practice" not in saved(app).answers


async def test_question_three_carries_the_committee_roles(running):
    app, pilot, _ = running
    app.show_step("questions")
    await settle(pilot)
    await go(pilot, "j", "j")
    assert "act as chief promoters and champions" in widget_text(app.screen.query_one("#detail-text"))


async def test_recommendation_choice_reasons_and_comments(running, protocol):
    app, pilot, _ = running
    app.show_step("recommendation")
    await settle(pilot)
    assert isinstance(app.screen, RecommendationScreen)
    assert "Taunton Deane Borough Council should adopt" in widget_text(app.screen.query_one("#rec-question"))
    await go(pilot, "2")
    assert saved(app).recommendation.choice == "adopt-with-changes"
    await go(pilot, "r", *"Plainer words in principle 5", "ctrl+s")
    await go(pilot, "g", *"A useful start", "ctrl+s")
    rec = saved(app).recommendation
    assert (rec.choice, rec.reasons, rec.comments) == ("adopt-with-changes", "Plainer words in principle 5",
                                                       "A useful start")
    text = screen_text(app)
    assert "● [2] Adopt with changes" in text
    assert "Plainer words in principle 5" in text
    await go(pilot, "3")
    assert saved(app).recommendation.choice == "do-not-adopt"
    await go(pilot, "1")
    assert saved(app).recommendation.choice == "adopt"
    await go(pilot, "0")
    assert saved(app).recommendation.choice == ""
    await go(pilot, "r")  # editing the reasons starts from what was written
    assert app.screen.query_one("TextArea").text == "Plainer words in principle 5"


async def test_review_lists_what_is_missing_and_finishes(running, protocol):
    app, pilot, ticker = running
    await go(pilot, "n", "a", "a", "d")
    ticker.now += 90
    app.show_step("review")
    await settle(pilot)
    assert isinstance(app.screen, ReviewScreen)
    missing = widget_text(app.screen.query_one("#review-missing"))
    assert "Monitor how well we have used our resources" in missing
    assert "Share resources to achieve joint outcomes" not in missing
    assert missing.count("No votes:") == 36
    assert missing.count("No answer:") == 6
    totals = widget_text(app.screen.query_one("#review-totals"))
    assert "Achieve intended outcomes" in totals and "1/7" in totals
    assert "1:30 / 10:00" in totals  # time spent against the budget
    await go(pilot, "f")
    assert saved(app).completed is not None
    assert "Finished at" in screen_text(app)
    await go(pilot, "p", "2")  # still editable after finishing
    assert saved(app).recommendation.choice == "adopt-with-changes"


async def test_help_lists_every_key(running, protocol):
    app, pilot, _ = running
    await go(pilot, "n", "question_mark")
    assert isinstance(app.screen, HelpScreen)
    text = screen_text(app)
    for option in protocol.vote_options:
        assert f"add one '{option.label}' vote" in text
    for words in ("next step", "comment on the highlighted commitment", "propose new wording",
                  "type every vote count at once"):
        assert words in text
    await go(pilot, "escape")
    assert isinstance(app.screen, PrincipleScreen)
    await go(pilot, "f1")
    assert isinstance(app.screen, HelpScreen)


async def test_command_palette_jumps_to_a_step(running):
    app, pilot, _ = running
    await go(pilot, "ctrl+p")
    await go(pilot, *"Go to: Act ethically")
    await go(pilot, "enter")
    assert isinstance(app.screen, PrincipleScreen)
    assert app.screen.step_name == "principle:act-ethically"
    assert saved(app).step == "principle:act-ethically"


async def test_footer_shows_the_keys_that_apply(running):
    app, pilot, _ = running
    await go(pilot, "n")
    footer = screen_text(app).splitlines()[-1]
    for words in ("n Next", "p Back", "? Keys", "= Counts", "c Comment", "w Wording",
                  "a m d Vote", "^q Quit"):
        assert words in footer
    app.show_step("questions")
    await settle(pilot)
    footer = screen_text(app).splitlines()[-1]
    assert "Answer" in footer and "Comment" not in footer


async def test_footer_fits_80_columns_on_every_step(protocol, folder):
    """Every step's keys, ^q Quit last, are on screen at 80x24."""
    app = make_app(protocol, folder, new_details=details())
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        for _ in app.session.steps():
            footer = screen_text(app).splitlines()[-1]
            assert footer.rstrip().endswith("^q Quit"), footer
            await go(pilot, "n")
