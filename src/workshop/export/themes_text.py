"""What every export says about an analyst's themes, in words, whatever the format.

The report model counts the themes (consultation/report_themes.py: `ThemeCount` on each
commitment and question, `ThemeView` with its quotes, `findings(report).themes_line()`); this
module words the rest once, so Markdown, HTML, Word and the workbook say the same thing: the
findings' themes line (or that nothing is tagged yet), a commitment's or question's theme
counts on one line, where a quote comes from ("comment on 1.4", "answer to Q2"), and how a
theme's figures read. Without a theme file, or with an empty codebook (`report.themes == ()`),
every export is what it was without themes: each format asks `themed(report)` first. The text
here is plain; each format escapes it its own way (safety.py). Nothing here imports Textual.
"""

from __future__ import annotations

from workshop.consultation.findings import Findings
from workshop.consultation.report import Note, Report, ThemeCount, ThemeView
from workshop.session.kinds import EntryKind

NO_TAGS = "No comments, proposed wordings or answers are tagged yet."
"""What a themes section says when the codebook has themes but nothing carries one."""
FINDINGS_NO_TAGS = "Themes: no comments, proposed wordings or answers are tagged yet."
"""The findings' themes line when nothing is tagged yet."""
INTRO = ("Each theme of the analyst's codebook, with how many comments, proposed wordings and "
         "answers carry it and how many workshops raised them, then what was said, oldest "
         "first. A theme's figures include the themes under it.")
"""The first words of every themes section."""
NO_QUOTES = "Nothing tagged with it yet."
"""Under a theme that no entry carries."""
SEPARATOR = "; "
"""Between theme names or theme counts in one cell or line (names may hold commas)."""


def themed(report: Report) -> bool:
    """Whether the report has a codebook to show (a theme file with at least one theme)."""
    return bool(report.themes)


def findings_text(report: Report, f: Findings) -> str:
    """The findings' themes line: the themes most raised and how much is tagged, or that
    nothing is tagged yet; "" without a codebook."""
    if not themed(report):
        return ""
    return f.themes_line() or FINDINGS_NO_TAGS


def tagged_text(f: Findings) -> str:
    """`12 of 16 comments, proposed wordings and answers are tagged.`, or that none is yet."""
    if not f.tagged:
        return NO_TAGS
    return f"{f.tagged} of {f.entries} comments, proposed wordings and answers are tagged."


def counts_text(counts: tuple[ThemeCount, ...]) -> str:
    """`Resources 3 (2 workshops); Training 1 (1 workshop)`; "" for none."""
    return SEPARATOR.join(c.text for c in counts)


def names_text(note: Note) -> str:
    """The themes on one entry: `Resources; Training`; "" untagged."""
    return SEPARATOR.join(note.themes)


def any_tagged(report: Report) -> bool:
    """Whether any entry carries a theme."""
    return any(t.entries for t in report.themes)


def places(report: Report) -> dict[str, str]:
    """Commitment id → its reference (`1.4`), question id → `Q2`."""
    out = {c.id: c.code for c in report.commitments}
    out.update({q.question.id: f"Q{q.number}" for q in report.questions})
    return out


def where(note: Note, refs: dict[str, str]) -> str:
    """What a quote is and what it is about: `comment on 1.4`, `proposed wording on 2.1`,
    `answer to Q2` (an id the protocol does not have is named as it is)."""
    kind = EntryKind(note.kind)
    about = "to" if kind is EntryKind.ANSWERS else "on"
    return f"{kind.singular} {about} {refs.get(note.target, note.target)}"


def source_text(note: Note, refs: dict[str, str], single: bool) -> str:
    """Where a quote comes from: `Leeds Board, 2 November 2026 (comment on 1.4)`; in a single
    session's report only `Comment on 1.4`."""
    if single:
        place = where(note, refs)
        return place[:1].upper() + place[1:]
    return f"{note.workshop} ({where(note, refs)})"


def figures_text(view: ThemeView) -> str:
    """`5 entries, 2 workshops.`, and for a theme with themes under it `…, with the themes
    under it.`; `Nothing tagged with it yet.` for none."""
    if not view.entries:
        return NO_QUOTES
    return view.counts_text + (", with the themes under it." if view.children else ".")


def codebook_text(report: Report) -> str:
    """`The codebook's themes: Resources; Resources › Funding; Training.`"""
    return "The codebook's themes: " + SEPARATOR.join(t.theme.path for t in report.themes) + "."
