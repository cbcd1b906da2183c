"""The results view lays out a page of entries at a time: a commitment with more comments than a
page shows the first page and how many there are, `m` (or ↓ past the last) shows more, each
entry names its workshop, and tagging and the theme filter act on the entry highlighted on any
page; the detail lays out only the first workshops' counts and groups of wordings, saying how
many more. Driven with Pilot on real merged files."""

from __future__ import annotations

from datetime import date

import pytest
from results_fixture import GROUPS, merged_file
from test_tagging import codebook, entries, on_disk
from tui_helpers import SIZE, make_app, make_session_file, settle, widget_text

from workshop.analysis import theme_file
from workshop.cli.main import main
from workshop.consultation.figures import long_date
from workshop.tui import results_render
from workshop.tui.screens import results_tagging
from workshop.tui.screens.results import ResultsScreen
from workshop.tui.screens.results_tagging import PAGE

EACH = 15
"""Comments on share-resources from each of the two workshops: 30 in all, more than a page."""
WORKSHOPS = [("Manchester Partnership Board", date(2026, 11, 2),
              "1111aaaa-0000-4000-8000-000000000000"),
             ("Leeds Health and Wellbeing Board", date(2026, 11, 9),
              "2222aaaa-0000-4000-8000-000000000001")]


@pytest.fixture
async def view(protocol, tmp_path, monkeypatch):
    """Two workshops' merged file, with a codebook of Resources and Training; and the entry
    ids of each workshop's comments, by their text."""
    monkeypatch.chdir(tmp_path)
    ids: dict[str, tuple[str, str]] = {}
    for group, day, session_id in WORKSHOPS:
        def changes(s, group=group, day=day, session_id=session_id):
            s.set_meta(date=day)
            s.set_votes("share-resources", {"agree": 5, "disagree": 1})
            for n in range(1, EACH + 1):
                text = f"Comment {n} from {group}"
                ids[text] = (session_id, s.add_comment("share-resources", text).id)
            for n in (1, 2):
                s.add_answer("benefits", f"Answer {n} from {group}")
        make_session_file(protocol, tmp_path / "sessions", group=group, session_id=session_id,
                          changes=[changes])
    path = tmp_path / "merged.toml"
    assert main(["merge", str(tmp_path / "sessions"), "-o", str(path)]) == 0
    theme_file.save(codebook("Resources", "Training"), theme_file.sidecar_path(path))
    before = path.read_bytes()
    app = make_app(protocol, tmp_path / "elsewhere-sessions", results_path=path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, ResultsScreen)
        yield app, pilot, path, ids
    assert path.read_bytes() == before  # read-only: nothing written


def more_line(app, list_id="result-entries") -> str:
    line = app.screen.query_one(f"#{list_id}-more")
    return widget_text(line) if line.display else ""


def comment_text(entry: str) -> str:
    """`Comment 3 from Leeds …`: an entry's words, without its heading."""
    return entry.split("\n")[1]


async def test_more_entries_than_a_page_show_the_first_page_and_the_count(view):
    app, _, _, _ = view
    shown = entries(app)
    assert len(shown) == PAGE == 20
    assert more_line(app) == "Showing 20 of 30 · m (or ↓ past the last) shows 10 more"
    # oldest first, as before: the first workshop's fifteen, then the second's first five
    assert [comment_text(e) for e in shown] == (
        [f"Comment {n} from Manchester Partnership Board" for n in range(1, 16)]
        + [f"Comment {n} from Leeds Health and Wellbeing Board" for n in range(1, 6)])
    assert app.screen.notes["result-entries"][19].text == \
        "Comment 5 from Leeds Health and Wellbeing Board"


async def test_m_shows_the_next_page_then_says_everything_is_shown(view):
    app, pilot, _, _ = view
    await pilot.press("m")
    await settle(pilot)
    shown = entries(app)
    assert len(shown) == 30
    assert comment_text(shown[-1]) == "Comment 15 from Leeds Health and Wellbeing Board"
    assert more_line(app) == ""  # all shown: the line is gone
    await pilot.press("m")
    await settle(pilot)
    assert len(entries(app)) == 30
    assert any("Every entry is shown." in n.message for n in app._notifications)


async def test_down_past_the_last_entry_shown_shows_more_and_moves_onto_it(view):
    app, pilot, _, _ = view
    listing = app.screen.query_one("#result-entries")
    app.screen.set_focus(listing)
    await pilot.press("end")
    await settle(pilot)
    assert listing.highlighted == 19
    await pilot.press("down")
    await settle(pilot)
    assert listing.option_count == 30
    assert listing.highlighted == 20
    assert comment_text(entries(app)[20]) == "Comment 6 from Leeds Health and Wellbeing Board"


async def test_each_entry_names_its_workshop(view):
    app, pilot, _, _ = view
    await pilot.press("m")
    await settle(pilot)
    for entry in entries(app):
        head, words = entry.split("\n")[:2]
        group = words.split(" from ")[1]
        day = {g: d for g, d, _ in WORKSHOPS}[group]
        assert head.startswith(f"Comment · {group}, {day.day} November 2026 · ")


async def test_tagging_an_entry_on_the_second_page_tags_that_entry(view):
    app, pilot, path, ids = view
    await pilot.press("m")
    await settle(pilot)
    listing = app.screen.query_one("#result-entries")
    app.screen.set_focus(listing)
    listing.highlighted = 25
    await settle(pilot)
    words = "Comment 11 from Leeds Health and Wellbeing Board"
    assert comment_text(entries(app)[25]) == words
    await pilot.press("t", "r", "enter")
    await settle(pilot)
    session_id, entry_id = ids[words]
    book = on_disk(path)
    assert book.themes_of(session_id, entry_id) == ("Resources",)
    assert len(book.tags) == 1  # that entry and no other
    # redrawn with its theme, both pages still shown, the highlight still on it
    assert listing.option_count == 30 and listing.highlighted == 25
    assert entries(app)[25].endswith(f"{words}\n# Resources")


async def test_the_theme_filter_reaches_entries_past_the_first_page(view):
    app, pilot, path, ids = view
    book = codebook("Resources", "Training")
    for n in (2, 14):  # one on each page
        session_id, entry_id = ids[f"Comment {n} from Leeds Health and Wellbeing Board"]
        book.toggle(session_id, entry_id, "comments", "share-resources", f"Comment {n} from "
                    "Leeds Health and Wellbeing Board", "Training")
    theme_file.save(book, theme_file.sidecar_path(path))
    screen = app.screen
    await pilot.press("escape")
    await settle(pilot)
    app.open_results(path)
    await settle(pilot)
    assert app.screen is not screen and isinstance(app.screen, ResultsScreen)
    await pilot.press("T", *"training", "enter")
    await settle(pilot)
    assert [comment_text(e) for e in entries(app)] == [
        "Comment 2 from Leeds Health and Wellbeing Board",
        "Comment 14 from Leeds Health and Wellbeing Board"]
    assert more_line(app) == ""
    await pilot.press("T", *"untagged", "enter")
    await settle(pilot)
    assert len(entries(app)) == PAGE
    assert more_line(app) == "Showing 20 of 28 · m (or ↓ past the last) shows 8 more"


async def test_answers_are_paged_too(view, monkeypatch):
    """A question's answers, a page at a time (a page of 3 here, so four answers fill two)."""
    app, pilot, _, _ = view
    monkeypatch.setattr(results_tagging, "PAGE", 3)
    await pilot.press("2", *["down"] * 5)  # Q6: benefits (highlighted, laid out anew)
    await settle(pilot)
    assert [comment_text(e) for e in entries(app, "#answer-list")] == [
        "Answer 1 from Manchester Partnership Board", "Answer 2 from Manchester Partnership Board",
        "Answer 1 from Leeds Health and Wellbeing Board"]
    assert more_line(app, "answer-list") == "Showing 3 of 4 · m (or ↓ past the last) shows 1 more"
    await pilot.press("m")
    await settle(pilot)
    assert comment_text(entries(app, "#answer-list")[3]) == \
        "Answer 2 from Leeds Health and Wellbeing Board"
    assert more_line(app, "answer-list") == ""


@pytest.fixture
async def five(protocol, tmp_path, monkeypatch):
    """The five workshops' results (results_fixture.py), with the detail's limits set low."""
    monkeypatch.setattr(results_render, "WORKSHOPS_SHOWN", 3)
    monkeypatch.setattr(results_render, "GROUPS_SHOWN", 0)
    path = merged_file(protocol, tmp_path)
    app = make_app(protocol, tmp_path / "sessions", results_path=path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        yield app


async def test_the_detail_lays_out_some_workshops_and_groups_and_says_how_many_more(five):
    shown = widget_text(five.screen.query_one("#result-text"))
    for group, day, *_ in GROUPS[:3]:
        assert f"{group}, {long_date(day)}" in shown
    for group, *_ in GROUPS[3:]:
        assert group not in shown
    assert "… and 2 more workshops: every export lists each workshop's counts." in shown
    assert "2 of 5 workshops propose adding 'fairly'" not in shown
    assert "… and 1 more group (as many workshops or fewer): every proposed wording is in the " \
           "list below." in shown
    # every wording still listed below
    assert any("Share resources fairly" in e for e in entries(five))
