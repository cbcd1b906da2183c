"""Markdown export: a readable summary that renders in any CommonMark/GitHub renderer.

Title; the findings (consultation/findings.py) and the session's details (or the list of
workshops); what is still missing in a session in progress; per principle a table of
commitments with counts, shares and the result (the mark or "Majority", with the leading
option), then each commitment's own counts per workshop and its comments and proposed wordings; the answers under each question (with their
workshop when there are several); the recommendation(s). Every piece of user text goes through
safety.py, so it shows as typed and cannot break a table, start a list or make a link or HTML.
Nothing here imports Textual.
"""

from __future__ import annotations

from workshop.consultation.figures import long_date, when
from workshop.consultation.findings import findings
from workshop.consultation.report import (
    CommitmentView,
    Note,
    PrincipleView,
    Report,
    Workshop,
)
from workshop.export.safety import md_cell, md_inline, md_paragraph
from workshop.session.kinds import EntryKind

MARKS_NOTE = ("**Consensus**: one option has at least two thirds of the votes and the workshops "
              "agree about it. **Contested**: no option has more than half of the votes, or the "
              "workshops disagree widely.")


def render_markdown(report: Report) -> bytes:
    out: list[str] = [f"# {md_inline(report.title)}", ""]
    source = report.protocol.source
    out += [f"{md_inline(source.document)}, {md_inline(source.authors)}. Protocol version "
            f"{md_inline(report.protocol.version)}.", ""]
    if report.as_of is not None:
        out += [f"Results as of {when(report.as_of)}.", ""]
    out += _summary(report)
    for principle in report.principles:
        out += _principle(report, principle)
    out += _questions(report)
    out += _recommendations(report)
    if report.foreign:
        out += ["## Entries on ids this protocol does not have", ""]
        for note in report.foreign:
            what = f"{md_inline(note.target)} ({EntryKind(note.kind).singular}): "
            out += _item(note, report, prefix=what)
        out.append("")
    while out and out[-1] == "":
        out.pop()
    return ("\n".join(out) + "\n").encode("utf-8")


def _summary(report: Report) -> list[str]:
    out = ["## Summary", "", md_inline(report.summary_line()), ""]
    out += _findings(report)
    if report.single:
        out += _details(report.workshops[0])
    else:
        out += _workshop_table(report)
    if report.in_progress:
        out += ["**This session is still in progress: the results below are incomplete.**", ""]
        unvoted, unanswered = report.unvoted(), report.unanswered()
        if unvoted:
            out += [f"{report.no_votes_label}:", ""]
            out += [f"- {c.code} {md_inline(c.text)}" for c in unvoted] + [""]
        if unanswered:
            out += [f"{report.not_answered_label}:", ""]
            out += [f"- Q{q.number}. {md_inline(q.question.text)}" for q in unanswered] + [""]
    out += [MARKS_NOTE, ""]
    return out


def _findings(report: Report) -> list[str]:
    """What the committee decides on, first: the headline, the recommendations with their
    workshops, the contested commitments with the reason, the most amended commitments."""
    f = findings(report)
    out = ["### Findings", "", md_inline(f.headline()), "",
           f"**Recommendations:** {md_inline(f.recommendation_line())}", "",
           "**Contested commitments**, most contested first:", ""]
    out += [f"- {c.code} {md_inline(c.text)}: {md_inline(c.reason)}"
            for c in f.contested_commitments] or ["- None."]
    out += ["", "**Most often asked to be amended:**", ""]
    out += [f"- {c.code} {md_inline(c.text)}: {len(c.amendments)} proposed wording"
            f"{'' if len(c.amendments) == 1 else 's'}" for c in f.most_amended] or ["- None."]
    return out + [""]


def _details(w: Workshop) -> list[str]:
    r = w.record
    status = f"finished {when(r.completed)}" if r.complete else "in progress"
    rows = [("Group", r.group), ("Facilitator", r.facilitator), ("Location", r.location),
            ("Date", long_date(r.date)),
            ("Participants", "" if r.participants is None else str(r.participants)),
            ("Status", f"{status}; last changed {when(r.updated)}"), ("Session id", r.id)]
    return [f"- **{label}:** {md_inline(value) or '(not given)'}" for label, value in rows] + [""]


def _workshop_table(report: Report) -> list[str]:
    head = ["Workshop", "Date", "Facilitator", "Location", "Participants", "Commitments voted",
            "Questions answered", "Recommendation", "Status"]
    out = [_row(head), _row(["---"] * len(head))]
    for w in report.workshops:
        r = w.record
        out.append(_row([
            md_cell(r.group), long_date(r.date), md_cell(r.facilitator), md_cell(r.location),
            "" if r.participants is None else str(r.participants),
            f"{w.voted}/{len(report.commitments)}", f"{w.answered}/{len(report.questions)}",
            w.recommendation, "finished" if r.complete else "in progress"]))
    return out + [""]


def _row(cells: list[str]) -> str:
    return "| " + " | ".join(c if c.strip() else " " for c in cells) + " |"


def _count(n: int, share: int, total: int) -> str:
    return f"{n} ({share}%)" if total else str(n)


def _principle(report: Report, p: PrincipleView) -> list[str]:
    out = [f"## {p.number}. {md_inline(p.principle.title)}", "",
           f"*{md_inline(p.principle.statement)}*", ""]
    head = ["No.", "Commitment", *(md_cell(o.label) for o in report.options), "Total", "Result"]
    out += [_row(head), _row(["---"] * len(head))]
    for c in p.commitments:
        out.append(_row([c.code, md_cell(c.text),
                         *(_count(c.totals[o.id], c.share(o.id), c.total) for o in report.options),
                         str(c.total), result(c)]))
    out.append(_row(["", "**All commitments**",
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
    """Each workshop's counts (where there are several) and the comments and wordings."""
    counts = len(report.workshops) > 1 and c.total > 0
    if not (c.comments or c.amendments or counts):
        return []
    out = [f"### {c.code} {md_inline(c.text)}", ""]
    if counts:
        out += _workshop_counts(report, c)
    for label, notes in (("Comments", c.comments), ("Proposed wordings", c.amendments)):
        if notes:
            out += [f"{label}:", ""]
            for note in notes:
                out += _item(note, report)
            out.append("")
    return out


def _workshop_counts(report: Report, c: CommitmentView) -> list[str]:
    """Each workshop's own counts, so a reader can check a "the workshops disagree" mark."""
    head = ["Workshop", *(md_cell(o.label) for o in report.options), "Total"]
    out = [_row(head), _row(["---"] + ["--:"] * (len(head) - 1))]
    for row in c.by_workshop:
        cells = ([str(row.counts[o.id]) for o in report.options] + [str(sum(row.counts.values()))]
                 if row.counts else ["–"] * (len(head) - 1))
        out.append(_row([md_cell(row.workshop.name), *cells]))
    return out + [""]


def _item(note: Note, report: Report, prefix: str = "") -> list[str]:
    """One list item; the workshop first when there are several."""
    who = "" if report.single else f"**{md_inline(note.workshop)}:** "
    return [f"- {prefix}{who}{md_paragraph(note.text, indent='  ')}"]


def _questions(report: Report) -> list[str]:
    out = ["## Your thoughts", ""]
    for q in report.questions:
        out += [f"### Q{q.number}. {md_inline(q.question.text)}", ""]
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
                out += [f"{label}: {md_paragraph(text)}", ""]
        return out
    out = ["## Recommendations", "", _row(["Recommendation", "Workshops"]), _row(["---", "---"])]
    out += [_row([label, str(n)]) for label, n in report.recommendation_counts().items()]
    out.append("")
    for w in report.workshops:
        rec = w.record.recommendation
        out += [f"### {md_inline(w.record.group)}, {long_date(w.record.date)}: {w.recommendation}",
                ""]
        for label, text in (("Reasons", rec.reasons), ("General comments", rec.comments)):
            if text:
                out += [f"{label}: {md_paragraph(text)}", ""]
    return out
