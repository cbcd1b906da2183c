"""The review step in each mode: an assessment's profile, weakest commitments, actions and the
commitments rated low with no action yet; a sign-up's register; a consultation's register when
organisations signed up in it. Sessions are real files (tests/modes_helpers.py), opened in the
app and moved to their review with `n`."""

from __future__ import annotations

from datetime import date

from tui_helpers import SIZE, make_app, make_session_file, settle, widget_text

from modes_helpers import assessment, sign_up, write
from workshop.session.kinds import Mode
from workshop.session.model import protocol_steps
from workshop.tui.screens.review import ReviewScreen


async def review_of(app, pilot, steps: int) -> ReviewScreen:
    await settle(pilot)
    await pilot.press(*["n"] * steps)
    await settle(pilot)
    assert isinstance(app.screen, ReviewScreen)
    return app.screen


def panel(screen, name: str) -> str:
    return widget_text(screen.query_one(f"#review-{name}"))


async def test_an_assessment_review_shows_profile_weakest_actions_and_what_needs_action(
        protocol, folder):
    folder.mkdir(parents=True)
    path = write(folder, assessment(protocol, principles=2))
    app = make_app(protocol, folder, open_path=path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await review_of(app, pilot, len(protocol_steps(protocol, Mode.ASSESS)) - 1)
        status = panel(screen, "status")
        assert "11/37 commitments rated, mean 2.9 on 1–5; 4 rated low; 2 actions agreed." in status
        assert "Recommendation" not in status
        profile = panel(screen, "profile")
        assert "1. Achieve intended outcomes │ 7/7 │ 3 │" in profile
        assert "│ 2.8 │ 1–5 · sd 1.2 │" in profile
        assert "3. Building partners' capacity │ 0/3 │ 0 │" in profile and "not rated" in profile
        weakest = panel(screen, "weakest")
        assert weakest.index("1.1") < weakest.index("1.3")  # lowest mean first
        assert "│ 1.7 │ 1–3 · sd 0.6 │" in weakest
        actions = panel(screen, "actions")
        for words in ("Publish the board's decision log each quarter", "Partnership manager",
                      "31 March 2027", '=HYPERLINK("x") [red]agree[/red] <b>training</b>',
                      "No owner yet", "No date yet"):
            assert words in actions
        needing = panel(screen, "needing")
        assert needing.startswith("⚑ 2 commitments rated low with no action agreed yet")
        assert "1.7 Establish accountability" in needing and "2.3 Demonstrate" in needing
        assert "1.1 " not in needing  # rated low, but it has an action
        assert "Not rated yet: 3 of Building partners' capacity (3.1, 3.2, 3.3)" in panel(
            screen, "missing")
        assert not screen.query("#review-totals")  # the consultation's vote totals


async def test_a_sign_up_review_shows_the_register(protocol, folder):
    folder.mkdir(parents=True)
    path = write(folder, sign_up(protocol))
    app = make_app(protocol, folder, open_path=path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await review_of(app, pilot, 2)
        register = panel(screen, "register")
        assert "3 organisations signed up, 1 with reservation." in register
        assert register.index("Greater Manchester Police") < register.index(
            "Manchester City Council") < register.index("NHS Manchester")
        assert "Sam <b>Lead</b>" in register
        assert "We do not accept 5.3 [bold]as written[/bold]: =SUM(A1) 🎉" in register
        assert "2026-11-20" in register
        assert not screen.query("#review-totals") and not screen.query("#review-profile")


async def test_a_sign_up_review_with_nobody_signed_says_so(protocol, folder):
    folder.mkdir(parents=True)
    path = write(folder, sign_up(protocol, signatories=[]))
    app = make_app(protocol, folder, open_path=path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await review_of(app, pilot, 2)
        assert panel(screen, "register") == "Sign-up register No organisation has signed up yet."


async def test_a_consultation_review_shows_the_register_only_when_someone_signed(protocol, folder):
    steps = len(protocol_steps(protocol)) - 1
    for signed in (False, True):
        def changes(s, signed=signed):
            if signed:
                s.add_signatory("Bristol City Council", "Kim Leader", "Leader",
                                date(2026, 11, 22), "")
        path = make_session_file(protocol, folder / str(signed), changes=[changes])
        app = make_app(protocol, folder / str(signed), open_path=path)
        async with app.run_test(size=SIZE) as pilot:
            screen = await review_of(app, pilot, steps)
            assert screen.query_one("#review-totals").display
            assert "Recommendation:" in panel(screen, "status")
            assert screen.query_one("#review-register").display is signed
            if signed:
                assert "Bristol City Council" in panel(screen, "register")
