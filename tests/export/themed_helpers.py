"""An analyst's theme file on the council's merged file, for the tests of themes in every export
(test_themes_*.py). Named apart from tests/analysis/themes_fixture.py, which is a module of the
same kind on another path: two test folders' helpers share one import namespace.

The council's four workshops (export_helpers.council_sessions), each also answering two
questions; a two-level codebook (Resources with Funding and Staff time under it, Verification, a
hostile theme with a hostile child, and Unused, which nothing carries); tags on proposed
wordings, comments and answers from several workshops. Saved as `council.toml` with its theme
file `council.themes.toml` beside it, so `workshop export council.toml` picks it up.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from export_helpers import AMENDED, council_sessions, save_merged

from workshop.analysis import theme_file
from workshop.analysis.book import ThemeBook
from workshop.consultation.inputs import read_result
from workshop.consultation.records import Merged
from workshop.protocol.model import Protocol
from workshop.session.model import Session

HOSTILE = "=SUM(A1) <script>alert(1)</script> [bold]b[/bold] 🎉"
"""A theme's name that is a formula, HTML, Rich markup and an emoji at once."""
HOSTILE_CHILD = "- list | *x* _y_ [z](javascript:x) #"
"""A theme's name under HOSTILE that Markdown would read as a list, a table, emphasis, a link."""
ANSWERS = ["We need a budget line for this <b>now</b>", "=HYPERLINK(\"x\") more staff time",
           "Verification should be independent | *really*", "Training first 🎉"]
"""The first question's answer from each workshop (hostile, on purpose)."""


@dataclass
class Themed:
    path: Path
    """The merged file."""
    themes_path: Path
    """Its theme file, beside it."""
    merged: Merged
    sessions: list[Session]
    book: ThemeBook


def themed_sessions(protocol: Protocol) -> list[Session]:
    """The council's workshops, each also answering the first two questions."""
    sessions = council_sessions(protocol)
    first, second = protocol.questions[:2]
    for n, s in enumerate(sessions):
        s.add_answer(first.id, ANSWERS[n])
        s.add_answer(second.id, f"Second answer from {s.meta.group}")
    return sessions


def _entry(s: Session, kind: str, target: str):
    return getattr(s, kind)[target][0]


def themed_book(protocol: Protocol, sessions: list[Session]) -> ThemeBook:
    """The codebook and tags described in the module docstring."""
    book = ThemeBook()
    book.add("Resources", "Money, staff and time the protocol needs")
    book.add("Funding", parent="Resources")
    book.add("Staff time", "Officers' and members' hours", parent="Resources")
    book.add("Verification", "Checking that a commitment is kept")
    book.add(HOSTILE, "<b>not bold</b> =1+1")
    book.add(HOSTILE_CHILD, parent=HOSTILE)
    book.add("Unused")
    amended, commented = protocol.commitments[AMENDED].id, protocol.commitments[1].id
    first, second = protocol.questions[0].id, protocol.questions[1].id

    def tag(s: Session, kind: str, target: str, *names: str) -> None:
        entry = _entry(s, kind, target)
        for name in names:
            book.tag(s.id, entry.id, kind, target, entry.text, name)

    for s in sessions[:3]:
        tag(s, "amendments", amended, "Verification")
    tag(sessions[3], "amendments", amended, "Resources")
    tag(sessions[0], "comments", commented, "Funding")
    tag(sessions[1], "comments", commented, "Funding")
    tag(sessions[2], "comments", commented, "Staff time", HOSTILE)
    for s in sessions[:2]:
        tag(s, "answers", first, "Funding")
    tag(sessions[1], "answers", first, "Staff time")
    tag(sessions[2], "answers", first, "Verification")
    tag(sessions[3], "answers", first, HOSTILE_CHILD)
    tag(sessions[0], "answers", second, "Staff time")
    return book


def save_themed(folder: Path, protocol: Protocol, book: ThemeBook | None = None) -> Themed:
    """The merged file and its theme file in `folder` (`book`: another codebook)."""
    sessions = themed_sessions(protocol)
    path = save_merged(folder / "council.toml", sessions, protocol)
    book = themed_book(protocol, sessions) if book is None else book
    themes_path = theme_file.sidecar_path(path)
    theme_file.save(book, themes_path)
    return Themed(path, themes_path, read_result(path, protocol), sessions, book)


THEME_FIGURES = [
    # (theme, parent, entries, workshops, tagged directly, comments, wordings, answers)
    ("Resources", "", 7, 4, 1, 3, 1, 3),
    ("Funding", "Resources", 4, 2, 4, 2, 0, 2),
    ("Staff time", "Resources", 3, 3, 3, 1, 0, 2),
    ("Verification", "", 4, 3, 4, 0, 3, 1),
    (HOSTILE, "", 2, 2, 1, 1, 0, 1),
    (HOSTILE_CHILD, HOSTILE, 1, 1, 1, 0, 0, 1),
    ("Unused", "", 0, 0, 0, 0, 0, 0),
]
"""Every theme's figures, counted by hand from the tags above (a parent's entries include its
children's): the codebook's order."""
AMENDED_THEMES = "Verification 3 (3 workshops); Resources 1 (1 workshop)"
"""The themes on the amended commitment (1.1): on its proposed wordings."""
COMMENTED_THEMES = f"Funding 2 (2 workshops); Staff time 1 (1 workshop); {HOSTILE} 1 (1 workshop)"
"""The themes on the commented commitment (1.2)."""
FIRST_QUESTION_THEMES = ("Funding 2 (2 workshops); Staff time 1 (1 workshop); Verification 1 "
                         f"(1 workshop); {HOSTILE_CHILD} 1 (1 workshop)")
SECOND_QUESTION_THEMES = "Staff time 1 (1 workshop)"
THEMES_LINE = (f"Themes most raised: Resources (4 workshops, 7 entries); Verification (3 "
               f"workshops, 4 entries); {HOSTILE} (2 workshops, 2 entries). 12 of 16 comments, "
               "proposed wordings and answers are tagged.")
"""The findings' themes line: top-level themes by workshops, then entries."""


def untagged_book() -> ThemeBook:
    """A codebook with nothing tagged yet."""
    book = ThemeBook()
    book.add("Resources")
    book.add("Funding", parent="Resources")
    book.add(HOSTILE)
    return book
