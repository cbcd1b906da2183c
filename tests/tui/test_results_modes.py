"""The results view of a merged assessment and of a merged sign-up register (written as
`workshop merge` writes them, test_results_modes_fixture.py), and of a consultation whose session
recorded a signatory."""

from __future__ import annotations

from datetime import date

from test_results_modes_fixture import assessment_file, register_file
from tui_helpers import SIZE, make_app, make_session_file, screen_text, settle, widget_text

from workshop.tui.screens.results import ResultsScreen


async def opened(app, pilot) -> ResultsScreen:
    await settle(pilot)
    assert isinstance(app.screen, ResultsScreen)
    return app.screen


async def test_a_merged_assessment_shows_profile_weakest_and_actions_with_workshops(
        protocol, tmp_path):
    path = assessment_file(protocol, tmp_path)
    app = make_app(protocol, tmp_path / "sessions", results_path=path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await opened(app, pilot)
        title = widget_text(screen.query_one("#results-title"))
        assert "2 workshops, 20 participants · 14/37 rated, 1 rated low" in title
        findings = widget_text(screen.query_one("#findings-text"))
        assert "14/37 commitments rated, mean 3.0 on 1–5; 1 rated low; 4 actions agreed." \
            in findings
        assert "3. Building partners' capacity │ 3/3 │ 1 │" in findings
        assert "⚑ 1 commitment rated low with no action agreed yet" in findings
        assert "(a on" not in findings  # nothing can be agreed from the results
        assert "│ 3.1 │ Be committed to developing" in findings
        for workshop in ("Manchester Partnership Board, 22 November 2026",
                         "Leeds Health and Wellbeing Board, 29 November 2026"):
            assert workshop in findings  # each action with the workshop that agreed it
        assert findings.count("Publish the board's decision log each quarter") == 2
        assert '=HYPERLINK("x") [red]agree[/red] <b>training</b>' in findings
        assert "Contested" not in findings and "Recommendations" not in findings


async def test_an_assessed_commitment_shows_its_counts_mean_spread_and_evidence(
        protocol, tmp_path):
    path = assessment_file(protocol, tmp_path)
    app = make_app(protocol, tmp_path / "sessions", results_path=path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await opened(app, pilot)
        legend = widget_text(screen.query_one("#results-legend"))
        assert legend == ("Ratings: 1 Not at all · 2 Rarely · 3 Sometimes · 4 Mostly · "
                          "5 Consistently · ✎ evidence notes")
        text = screen_text(app)
        assert "4 · 5 · 4 · 5 · 2  mean 2.8  2 ✎" in text  # 1.1, rated at both workshops
        detail = widget_text(screen.query_one("#result-text"))
        for words in ("1 Not at all", "4 20%", "5 Consistently", "2 10%",
                      "20 ratings, mean 2.8 (ratings 1–5, sd 1.3)",
                      "Manchester Partnership Board, 22 November 2026 10 1.7 1–3",
                      "Leeds Health and Wellbeing Board, 29 November 2026 10 3.9 3–5",
                      "Actions agreed", "Partnership manager · due 31 March 2027"):
            assert words in detail
        entries = screen.query_one("#result-entries")
        evidence = [str(entries.get_option_at_index(i).prompt)
                    for i in range(entries.option_count)]
        assert any("Minutes of the March board" in e for e in evidence)
        await pilot.press("down", "down")  # 1.3, which has no evidence notes
        await settle(pilot)
        entries = screen.query_one("#result-entries")
        assert "No evidence notes." in str(entries.get_option_at_index(0).prompt)


async def test_a_merged_sign_up_opens_on_its_register_with_the_superseded_entry(
        protocol, tmp_path):
    path = register_file(protocol, tmp_path)
    app = make_app(protocol, tmp_path / "sessions", results_path=path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await opened(app, pilot)
        assert screen.query_one("#results-tabs").active == "tab-findings"
        assert "Results · register.toml · 2 workshops · 4 organisations signed up" in widget_text(
            screen.query_one("#results-title"))
        assert "4 Register" in screen_text(app)
        register = widget_text(screen.query_one("#findings-text"))
        assert "4 organisations signed up, 2 with reservations; 1 earlier entry superseded." \
            in register
        current, superseded = register.split("Earlier entries, superseded by a later signature")
        assert "manchester city council" in current  # the latest entry is kept
        assert "None now: 5.3 is accepted <i>in full</i>." in current
        assert "Salford CVS" in current and "Sam <b>Lead</b>" in current
        assert "Manchester City Council" in superseded
        assert "Superseded by the entry of 10 January 2027" in superseded
        assert "at Greater Manchester partners, 22 November 2026" in superseded


async def test_a_consultation_with_a_signatory_shows_the_register_under_its_findings(
        protocol, folder):
    def changes(s):
        s.add_signatory("Bristol City Council", "Kim Leader", "Leader", date(2026, 11, 22),
                        "Not 4.2")

    path = make_session_file(protocol, folder, changes=[changes])
    app = make_app(protocol, folder, results_path=path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await opened(app, pilot)
        assert screen.query_one("#results-tabs").active == "tab-commitments"
        findings = widget_text(screen.query_one("#findings-text"))
        assert findings.startswith("Findings")
        assert "Contested commitments, most contested first" in findings
        assert findings.index("Most often asked to be amended") < findings.index(
            "Sign-up register 1 organisation signed up, 1 with reservation.")
        assert "Bristol City Council" in findings and "Not 4.2" in findings


async def test_the_workshops_tab_counts_what_each_workshop_did_in_its_mode(protocol, tmp_path):
    for make, heading, counts in ((assessment_file, "Rated", ["11", "14"]),
                                  (register_file, "Signed", ["3", "2"])):
        path = make(protocol, tmp_path)
        app = make_app(protocol, tmp_path / "sessions", results_path=path)
        async with app.run_test(size=SIZE) as pilot:
            screen = await opened(app, pilot)
            await pilot.press("3")
            await settle(pilot)
            table = screen.query_one("#workshop-table")
            assert str(table.ordered_columns[1].label) == heading
            assert [str(table.get_row_at(n)[1]) for n in range(table.row_count)] == counts
            detail = widget_text(screen.query_one("#workshop-detail"))
            assert "Facilitator's notes" in detail and "Recommendation" not in detail
