"""Markdown export: a readable summary that renders in any CommonMark/GitHub renderer.

Title; the findings (consultation/findings.py: the headline, the workshops still in progress,
the recommendations, the contested commitments, the most amended with what most of their
workshops propose) and the session's details or the list of workshops, with the facilitators'
notes; what is still missing in a session in progress; per principle a table of commitments
(reference "1.4", counts, shares, the result in words with the leading option), then under each
commitment its result and reason, each workshop's own counts, its comments, and its proposed
wordings in near-identical groups (consultation/amendments.py): what the group proposes, the
first proposal as a diff against the published text (removed words ~~struck~~, added words
**bold**, GitHub-flavoured) and each proposal as typed with its workshop; the answers under each
question (with their workshop when there are several); the recommendation(s); with an analyst's
theme file, the themes in the findings, under each commitment and question, and a Themes section
with each theme's quotes (markdown_themes.py); the sign-up register at the end when anyone signed
(markdown_register.py). An assessment and a sign-up have their own layouts
(markdown_assessment.py, markdown_register.py); an anonymised report says once, under the
title, that names are withheld. Counts and shares are right-aligned. Every piece
of user text goes through safety.py, so it shows as typed and cannot break a table, start a list
or make a link or HTML, with backslashes only where one is needed. Nothing here imports Textual.
"""

from __future__ import annotations

from functools import lru_cache

from workshop.consultation.amendments import AmendmentGroup
from workshop.consultation.figures import long_date, when
from workshop.consultation.findings import findings
from workshop.consultation.register import WITHHELD
from workshop.consultation.report import (
    ANONYMISED_NOTE,
    CommitmentView,
    Note,
    PrincipleView,
    Report,
    Workshop,
)
from workshop.consultation.wording import readable_runs, word_diff
from workshop.export.markdown_themes import counts_lines, findings_lines, themes_section
from workshop.export.safety import (
    md_cell,
    md_emphasis,
    md_heading,
    md_inline,
    md_line_start,
    md_paragraph,
    md_text,
)
from workshop.session.kinds import EntryKind, Mode

MARKS_NOTE = ("**Consensus**: one option has at least two thirds of the votes and the workshops "
              "agree about it. **Contested**: no option has more than half of the votes, or the "
              "workshops disagree widely.")
LEFT, RIGHT = "---", "---:"
"""Alignment cells: text to the left, counts and shares to the right."""
DIFF_MARKERS = {"removed": "~~", "added": "**"}
"""How a word diff's runs are marked: removed struck through, added in bold."""


def render_markdown(report: Report) -> bytes:
    """The report as Markdown: an assessment's and a sign-up's in their own layout
    (markdown_assessment.py, markdown_register.py)."""
    # both build on this module's pieces (head_lines, row, finish), so they are imported here
    from workshop.export.markdown_assessment import assessment_markdown
    from workshop.export.markdown_register import register_markdown, register_section
    if report.assessment is not None:
        return assessment_markdown(report)
    if report.mode is Mode.SIGN_UP:
        return register_markdown(report)
    out = head_lines(report) + _summary(report)
    for principle in report.principles:
        out += _principle(report, principle)
    out += _questions(report)
    out += _recommendations(report)
    out += themes_section(report)
    if report.foreign:
        out += ["## Entries on ids this protocol does not have", ""]
        for note in report.foreign:
            what = f"{md_text(note.target)} ({EntryKind(note.kind).singular}): "
            out += _item(note, report, prefix=what)
        out.append("")
    return finish(out + register_section(report))


def facilitator_of(report: Report, name: str) -> str:
    """A facilitator's name as the views show it: `Withheld` in an anonymised report."""
    return WITHHELD if report.anonymised else name


def head_lines(report: Report) -> list[str]:
    """The title, the protocol's source and version, when the results are from, and in an
    anonymised report the note that names are withheld."""
    out: list[str] = [f"# {md_heading(report.title)}", ""]
    source = report.protocol.source
    out += [f"{md_inline(source.document)}, {md_text(source.authors)}. Protocol version "
            f"{md_text(report.protocol.version)}.", ""]
    if report.as_of is not None:
        out += [f"Results as of {when(report.as_of)}.", ""]
    if report.anonymised:
        out += [f"*{ANONYMISED_NOTE}*", ""]
    return out


def finish(out: list[str]) -> bytes:
    """The lines as the file's bytes: no blank lines at the end, one final newline."""
    while out and out[-1] == "":
        out.pop()
    return ("\n".join(out) + "\n").encode("utf-8")


def _summary(report: Report) -> list[str]:
    out = ["## Summary", "", md_inline(report.summary_line()), ""]
    out += _findings(report)
    if report.single:
        out += ["### Workshop", ""] + _details(report, report.workshops[0])
    else:
        out += ["### Workshops", ""] + _workshop_table(report) + notes_lines(report)
    if report.in_progress:
        out += ["**This session is still in progress: the results below are incomplete.**", ""]
        unvoted, unanswered = report.unvoted(), report.unanswered()
        if unvoted:
            out += [f"{report.no_votes_label}:", ""]
            out += [f"- {c.code} {md_text(c.text)}" for c in unvoted] + [""]
        if unanswered:
            out += [f"{report.not_answered_label}:", ""]
            out += [f"- Q{q.number}. {md_text(q.question.text)}" for q in unanswered] + [""]
    out += [MARKS_NOTE, ""]
    return out


def _findings(report: Report) -> list[str]:
    """What the committee decides on, first: the headline, the workshops still in progress, the
    recommendations with their workshops, the contested commitments with the reason, the most
    amended commitments with what most of their workshops propose."""
    f = findings(report)
    out = ["### Findings", "", md_inline(f.headline()), ""]
    if f.unfinished_line():
        out += [md_inline(f.unfinished_line()), ""]
    out += [f"**Recommendations:** {md_text(f.recommendation_line())}", "",
            "**Contested commitments**, most contested first:", ""]
    out += [f"- {c.code} {md_text(c.text)}: {md_text(c.reason)}"
            for c in f.contested_commitments] or ["- None."]
    out += ["", "**Most often asked to be amended:**", ""]
    out += [_amended(c) for c in f.most_amended] or ["- None."]
    return out + [""] + findings_lines(report, f)


def _amended(c: CommitmentView) -> str:
    """`- 1.1 Share resources…: 4 proposed wordings. 3 of 4 workshops propose adding '…'` (a
    new sentence: a single workshop's summary starts "The workshop proposes")."""
    n = len(c.amendments)
    line = f"- {c.code} {md_text(c.text)}: {n} proposed wording{'' if n == 1 else 's'}"
    if c.amendment_groups:
        line += f". {md_text(c.amendment_groups[0].summary)}"
    return line


def _details(report: Report, w: Workshop) -> list[str]:
    r = w.record
    status = f"finished {when(r.completed)}" if r.complete else "in progress"
    rows = [("Group", r.group), ("Facilitator", facilitator_of(report, r.facilitator)),
            ("Location", r.location),
            ("Date", long_date(r.date)),
            ("Participants", "" if r.participants is None else str(r.participants)),
            ("Status", f"{status}; last changed {when(r.updated)}"), ("Session id", r.id)]
    out = [f"- **{label}:** {md_text(value) or '(not given)'}" for label, value in rows]
    notes = md_paragraph(w.notes, indent="  ", start=False) if w.notes.strip() else "(none)"
    return out + [f"- **Facilitator's notes:** {notes}", ""]


def _workshop_table(report: Report) -> list[str]:
    head = ["Workshop", "Date", "Facilitator", "Location", "Participants", "Commitments voted",
            "Questions answered", "Recommendation", "Status"]
    out = [row(head), row([LEFT] * 4 + [RIGHT] * 3 + [LEFT] * 2)]
    for w in report.workshops:
        r = w.record
        out.append(row([
            md_cell(r.group), long_date(r.date), md_cell(facilitator_of(report, r.facilitator)),
            md_cell(r.location),
            "" if r.participants is None else str(r.participants),
            f"{w.voted}/{len(report.commitments)}", f"{w.answered}/{len(report.questions)}",
            w.recommendation, "finished" if r.complete else "in progress"]))
    return out + [""]


def notes_lines(report: Report) -> list[str]:
    """The facilitators' notes, each under its workshop's name, line breaks kept."""
    noted = report.noted()
    if not noted:
        return []
    out = ["**Facilitator's notes:**", ""]
    out += [f"- **{md_text(w.name)}:** {md_paragraph(w.notes, indent='  ', start=False)}"
            for w in noted]
    return out + [""]


def row(cells: list[str]) -> str:
    """One row of a Markdown table (cells already escaped; a blank cell as a space)."""
    return "| " + " | ".join(c if c.strip() else " " for c in cells) + " |"


def _count(n: int, share: int, total: int) -> str:
    return f"{n} ({share}%)" if total else str(n)


def _principle(report: Report, p: PrincipleView) -> list[str]:
    out = [f"## {p.number}. {md_heading(p.principle.title)}", "",
           f"*{md_text(p.principle.statement)}*", ""]
    head = ["Ref", "Commitment", *(md_cell(o.label) for o in report.options), "Total", "Result"]
    out += [row(head), row([LEFT, LEFT] + [RIGHT] * (len(report.options) + 1) + [LEFT])]
    for c in p.commitments:
        out.append(row([c.code, md_cell(c.text),
                         *(_count(c.totals[o.id], c.share(o.id), c.total) for o in report.options),
                         str(c.total), result(c)]))
    out.append(row(["", "**All commitments**",
                     *(_count(p.totals[o.id], p.share(o.id), p.total) for o in report.options),
                     str(p.total), ""]))
    out.append("")
    for c in p.commitments:
        out += _commitment_block(report, c)
    return out


def result(c: CommitmentView) -> str:
    """The Result cell, never blank: `Majority — Agree, 58%`, `Contested — …`, `No votes`."""
    return f"{c.verdict} — {c.leading_text}" if c.leading_text else c.verdict


def _commitment_block(report: Report, c: CommitmentView) -> list[str]:
    """The result and its reason, each workshop's counts (where there are several), the
    comments and the proposed wordings in their groups."""
    counts = len(report.workshops) > 1 and c.total > 0
    if not (c.comments or c.amendments or counts):
        return []
    out = [f"### {c.code} {md_heading(c.text)}", "",
           f"**Result:** {c.verdict}" + (f": {c.reason}." if c.reason else "."), ""]
    out += counts_lines(c.themes)
    if counts:
        out += _workshop_counts(report, c)
    if c.comments:
        out += ["Comments:", ""]
        for note in c.comments:
            out += _item(note, report)
        out.append("")
    if c.amendments:
        out += _wordings(report, c)
    return out


def _workshop_counts(report: Report, c: CommitmentView) -> list[str]:
    """Each workshop's own counts, so a reader can check a "the workshops disagree" mark."""
    head = ["Ref", "Workshop", *(md_cell(o.label) for o in report.options), "Total"]
    out = [row(head), row([LEFT, LEFT] + [RIGHT] * (len(head) - 2))]
    for wc in c.by_workshop:
        cells = ([str(wc.counts[o.id]) for o in report.options] + [str(sum(wc.counts.values()))]
                 if wc.counts else ["–"] * (len(head) - 2))
        out.append(row([c.code, md_cell(wc.workshop.name), *cells]))
    return out + [""]


def _wordings(report: Report, c: CommitmentView) -> list[str]:
    """The proposed wordings by group: what the group proposes, its first proposal as a diff
    against the published text (in a quote), then each proposal as typed."""
    n, groups = len(c.amendments), len(c.amendment_groups)
    out = [f"Proposed wordings ({n}, in {groups} group{'' if groups == 1 else 's'}):", ""]
    for group in c.amendment_groups:
        diff = diff_line(markdown_runs(c.text, group))
        out += [f"{md_inline(group.summary)}:", "", f"> {diff}", ""]
        for note in group.proposals:
            out += _item(note, report)
        out.append("")
    return out


def markdown_runs(published: str, group: AmendmentGroup) -> list[tuple[str, str]]:
    """The group's first proposal against the `published` text, diffed by whole words (what
    spaces part: Markdown's `~~` and `**` only work where a change meets a space) and with a
    space between a removed and an added run."""
    return readable_runs(word_diff(published, group.text, whole_words=True))


def diff_line(runs: list[tuple[str, str]] | tuple[tuple[str, str], ...]) -> str:
    """The group's first proposal against the published text, on one line: unchanged words as
    they are, removed words ~~struck~~, added words **bold**, the spaces between runs as the
    runs give them (outside the markers, so the markers hug the words)."""
    parts = [md_emphasis(text, DIFF_MARKERS[kind]) if kind in DIFF_MARKERS else md_text(text)
             for kind, text in runs]
    return md_line_start("".join(parts).strip())


def _item(note: Note, report: Report, prefix: str = "") -> list[str]:
    """One list item; the workshop first when there are several."""
    who = "" if report.single else _who(note.workshop)
    text = md_paragraph(note.text, indent="  ", start=not (prefix or who))
    return [f"- {prefix}{who}{text}"]


@lru_cache(maxsize=4096)
def _who(workshop: str) -> str:
    """`**Leeds, 2 November 2026:** `, escaped once per workshop, not once per entry."""
    return f"**{md_text(workshop)}:** "


def _questions(report: Report) -> list[str]:
    out = ["## Your thoughts", ""]
    for q in report.questions:
        out += [f"### Q{q.number}. {md_heading(q.question.text)}", ""]
        out += counts_lines(q.themes)
        if q.answers:
            for note in q.answers:
                out += _item(note, report)
        else:
            out.append(f"*{report.not_answered_label}.*")
        out.append("")
    return out


def _recommendations(report: Report) -> list[str]:
    if report.single:
        w = report.workshops[0]
        rec = w.record.recommendation
        out = ["## Recommendation", "", f"**{w.recommendation}**", ""]
        for label, text in (("Reasons", rec.reasons), ("General comments", rec.comments)):
            if text:
                out += [f"{label}: {md_paragraph(text, start=False)}", ""]
        return out
    out = ["## Recommendations", "", row(["Recommendation", "Workshops"]), row([LEFT, RIGHT])]
    out += [row([label, str(n)]) for label, n in report.recommendation_counts().items()]
    out.append("")
    for w in report.workshops:
        rec = w.record.recommendation
        out += [f"### {md_text(w.name)}: {w.recommendation}", ""]
        for label, text in (("Reasons", rec.reasons), ("General comments", rec.comments)):
            if text:
                out += [f"{label}: {md_paragraph(text, start=False)}", ""]
    return out
