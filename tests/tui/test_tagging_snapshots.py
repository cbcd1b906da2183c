"""SVG snapshots of tagging in the results view, over the merged file of five workshops with a
theme file beside it (test_themes_tab.tagged: Resources with Funding under it, and Training).

Deterministic like the other snapshots: fixed sessions, fixed clock, settled before the picture.
Regenerate with `pytest tests/tui/test_tagging_snapshots.py --snapshot-update` and look first.
"""

from __future__ import annotations

from results_fixture import merged_file
from test_themes_tab import tagged
from tui_helpers import SIZE, make_app, settle

from workshop.analysis import theme_file

NARROW = (80, 24)


def tagged_app(protocol, tmp_path):
    path = merged_file(protocol, tmp_path)
    theme_file.save(tagged(protocol, path), theme_file.sidecar_path(path))
    return make_app(protocol, tmp_path / "sessions", results_path=path)


def pressing(*keys):
    async def run(pilot) -> None:
        await settle(pilot)
        await pilot.press(*keys)
        await settle(pilot)

    return run


def test_theme_picker(snap_compare, protocol, tmp_path, monkeypatch):
    """`t` on Manchester's answer to Q6 (the Questions tab): the theme picker over the results.

    A reviewer should see a dialog titled "Tag this answer", under it "Manchester Partnership
    Board, 2 November 2026" and the answer "Trust, says Manchester Partnership Board"; an
    empty box with the dim placeholder "Type a theme's name"; the list: "✓ Resources" (bold,
    a green tick: already on this answer) with its dim italic description "Money, staff and
    buildings", highlighted; "Funding" indented under it (no tick); "✓ Training"; and the keys
    line "type to filter · ↑↓ choose · enter tags (on a ✓: untags) · escape cancels". Behind
    it the title line ends "Theme: every entry (T)".
    """
    monkeypatch.chdir(tmp_path)
    assert snap_compare(tagged_app(protocol, tmp_path), terminal_size=SIZE,
                        run_before=pressing("2", "end", "t"))


def test_theme_picker_new_theme(snap_compare, protocol, tmp_path, monkeypatch):
    """The picker with "Welsh" typed: no theme holds it, so the only row is the new theme's.

    A reviewer should see "Welsh" in the box and one row, highlighted: "+ New theme" in cyan
    and "\"Welsh\"" in bold.
    """
    monkeypatch.chdir(tmp_path)
    assert snap_compare(tagged_app(protocol, tmp_path), terminal_size=SIZE,
                        run_before=pressing("2", "end", "t", *"Welsh"))


def test_tagged_entries(snap_compare, protocol, tmp_path, monkeypatch):
    """The Questions tab at Q6 after `t` and escape: the focus is on its answers.

    A reviewer should see on the right (border highlighted) the question in bold, "Themes:
    Resources 1 (1 workshop) · Training 1 (1 workshop)" in bold, then the five answers, each
    headed "Answer ·" and its workshop in bold; the first, Manchester's, highlighted and with
    a dim cyan line "# Resources · Training" under its text; the others with no such line.
    """
    monkeypatch.chdir(tmp_path)
    assert snap_compare(tagged_app(protocol, tmp_path), terminal_size=SIZE,
                        run_before=pressing("2", "end", "t", "escape"))


def test_commitment_detail_themes(snap_compare, protocol, tmp_path, monkeypatch):
    """The Commitments tab as it opens, with a theme file.

    A reviewer should see the title's second line end "Theme: every entry (T)", and in the
    detail of 1.1, under "50 votes from 5 workshops  Consensus  Agree leads with 80%; ...",
    the line "Themes: Resources 2 (2 workshops) · Funding 1 (1 workshop)" in bold, then the
    workshops' table; the footer "esc Back  o Order  s Workshop  t Tag  T Theme  ^q Quit".
    """
    monkeypatch.chdir(tmp_path)
    assert snap_compare(tagged_app(protocol, tmp_path), terminal_size=SIZE, run_before=settle)


def test_themes_tab(snap_compare, protocol, tmp_path, monkeypatch):
    """The Themes tab (5).

    A reviewer should see the tab "5 Themes" active; under it "4 of 13 comments, proposed
    wordings and answers tagged · 3 themes" and one dim line of the tab's keys ("n new · r
    rename or merge · d describe · p parent · delete remove · t and T: tabs 1 and 2"). On the
    left (focused), "Resources" (bold, highlighted) with "4 entries, 3 workshops" at the right,
    "Funding" indented under it with "1 entry, 1 workshop", "Training" with "1 entry, 1
    workshop". On the right, Resources in detail: "4 entries, 3 workshops; 3 tagged Resources
    itself, the rest with the themes under it: Funding", its description in italics "Money,
    staff and buildings", "On commitments" with "1.1 Share resources to achieve joint outcomes:
    Resources 2 (2 workshops) · Funding 1 (1 workshop)", "On questions" with Q6 and "Resources
    1 (1 workshop)", then "Quotes", the first headed "Comment on 1.1 ·" and its workshop in
    bold, with the text below. The footer's "t Tag" is dimmed (no entries in this tab).
    """
    monkeypatch.chdir(tmp_path)
    assert snap_compare(tagged_app(protocol, tmp_path), terminal_size=SIZE,
                        run_before=pressing("5"))


def test_themes_tab_narrow(snap_compare, protocol, tmp_path, monkeypatch):
    """The Themes tab at 80x24: the detail stacks below the list.

    A reviewer should see the summary (wrapped) and the keys line, the three themes in a list
    with a scrollbar gutter, and below it the start of Resources' detail; the footer with esc
    Back, o Order, s Workshop, t Tag (dimmed: no entries in this tab), T Theme, ^q Quit.
    """
    monkeypatch.chdir(tmp_path)
    assert snap_compare(tagged_app(protocol, tmp_path), terminal_size=NARROW,
                        run_before=pressing("5"))
