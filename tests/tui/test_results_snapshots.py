"""SVG snapshots of the results view, over the merged file of five workshops (results_fixture).

Deterministic like the other snapshots: fixed sessions, fixed clock, settled before the picture.
Regenerate with `pytest tests/tui/test_results_snapshots.py --snapshot-update` and look first.
"""

from __future__ import annotations

from results_fixture import merged_file
from tui_helpers import SIZE, make_app, settle

NARROW = (80, 24)


def results_app(protocol, tmp_path):
    path = merged_file(protocol, tmp_path)
    return make_app(protocol, tmp_path / "sessions", results_path=path)


def test_results_commitments(snap_compare, protocol, tmp_path, monkeypatch):
    """The Commitments tab of five workshops.

    A reviewer should see: the title "Results · merged.toml · 5 workshops, 60 participants ·
    2 contested, 1 consensus" and under it "Order: protocol order (o) · Comments and answers
    from: every workshop (s)"; the tabs with "1 Commitments" active; under them the legend
    "Counts: Agree · Agree if amended · Disagree · ✎ comments and proposed wordings"; on the
    left "Achieve intended outcomes" in bold underline above commitment 1, whose
    green/yellow/red stacked bar reads "40 · 7 · 3", a green "consensus" label and "7 ✎"; commitment 2 "19 · 0 · 31" marked
    "contested" (yellow); commitment 3 "10 · 10 · 10" contested; the rest grey dotted bars,
    "0 · 0 · 0" and a dim "no votes". On the right the first commitment: three bars (Agree 40
    80%, Agree if amended 7 14%, Disagree 3 6%), "50 votes from 5 workshops  consensus  Agree
    leads with 80%; its share varies by 42 points across workshops", then a table of the five
    workshops' own counts, one line each, long names cut with "…".
    """
    monkeypatch.chdir(tmp_path)
    assert snap_compare(results_app(protocol, tmp_path), terminal_size=SIZE, run_before=settle)


def test_results_questions(snap_compare, protocol, tmp_path, monkeypatch):
    """The Questions tab with the sixth question highlighted.

    A reviewer should see the six questions on the left with their answer counts (Q6 has 5, the
    others a dim 0), and on the right Q6 in bold and its five answers, each headed "Answer ·"
    and the workshop's name in bold and the time.
    """
    monkeypatch.chdir(tmp_path)

    async def questions(pilot) -> None:
        await settle(pilot)
        await pilot.press("2", "end")
        await settle(pilot)

    assert snap_compare(results_app(protocol, tmp_path), terminal_size=SIZE, run_before=questions)


def test_results_narrow(snap_compare, protocol, tmp_path, monkeypatch):
    """The Commitments tab at 80x24: the detail pane stacks below the list.

    A reviewer should see the title (wrapped), the tabs, the legend of the figures ("Counts:
    Agree · Agree if amended · Disagree · ✎ comments and proposed wordings"), the list with the
    first commitments
    (scrollbar on the right) and below it the detail of the first commitment, its bars and the
    start of the workshops' table; the footer with esc Back, o Order, s Workshop, t Tag,
    T Theme, ^q Quit. (The tabs run to "5 Themes"; with no theme file, no "Theme:" in the title.)
    """
    monkeypatch.chdir(tmp_path)
    assert snap_compare(results_app(protocol, tmp_path), terminal_size=NARROW, run_before=settle)


def test_results_findings(snap_compare, protocol, tmp_path, monkeypatch):
    """The Findings tab (4): what the committee decides on, as every export gives it first.

    A reviewer should see "Findings" underlined; the headline (5 workshops, 60 participants, the
    commitments counted as consensus, contested, a majority without consensus, without votes);
    the recommendations, each with the workshops behind it (names with their dates, parted by
    ";"); the contested commitments, most contested first, each with its reason in italics; the
    most amended commitment (1.1, 1 proposed wording).
    """
    monkeypatch.chdir(tmp_path)

    async def findings_tab(pilot) -> None:
        await settle(pilot)
        await pilot.press("4")
        await settle(pilot)

    assert snap_compare(results_app(protocol, tmp_path), terminal_size=SIZE,
                        run_before=findings_tab)
