"""HTML export: one self-contained page (no external CSS, script, font or image).

The findings first (consultation/findings.py: the headline, the recommendations with the
workshops behind each, the contested commitments most contested first with the reason in words,
the most amended commitments), then the same content as the Markdown export, plus a table of
contents, an inline SVG bar chart per principle and per commitment (html_charts.py), a Result
column naming the verdict and the leading option ("Majority — Agree, 58%"), and, for a merged
result, each workshop's own counts under each commitment.
It reads well on screen and prints cleanly (html_style.py). Every piece of user text is escaped
(safety.html_text) and shown with its line breaks, so `<script>` in a comment is just text.
Nothing here imports Textual.
"""

from __future__ import annotations

from workshop.consultation.figures import long_date, when
from workshop.consultation.findings import findings
from workshop.consultation.marks import CONSENSUS, CONTESTED, NO_VOTES
from workshop.consultation.report import CommitmentView, Note, PrincipleView, Report
from workshop.export.html_charts import commitment_bar, describe, legend, principle_chart
from workshop.export.html_style import CSS
from workshop.export.safety import html_text as h
from workshop.session.kinds import EntryKind


def render_html(report: Report) -> bytes:
    body = [_header(report), _findings(report), _toc(report), _summary(report)]
    body += [_principle(report, p) for p in report.principles]
    body += [_questions(report), _recommendations(report)]
    if report.foreign:
        body.append(_foreign(report))
    body.append(_footer(report))
    page = ("<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n"
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
            f"<title>{h(report.title)}</title>\n<style>{CSS}</style>\n</head>\n<body>\n"
            + "\n".join(body) + "\n</body>\n</html>\n")
    return page.encode("utf-8")


def _header(report: Report) -> str:
    src = report.protocol.source
    out = [f"<header><h1>{h(report.title)}</h1>",
           f'<p class="subtitle">{h(src.document)}, {h(src.authors)}. Protocol version '
           f"{h(report.protocol.version)}.</p>"]
    if report.as_of is not None:
        out.append(f'<p class="as-of">Results as of {h(when(report.as_of))}.</p>')
    return "\n".join(out) + "</header>"


def _toc(report: Report) -> str:
    items = ['<li><a href="#findings">Findings</a></li>', '<li><a href="#summary">Summary</a></li>']
    items += [f'<li><a href="#p-{h(p.id)}">{p.number}. {h(p.principle.title)}</a></li>'
              for p in report.principles]
    items.append('<li><a href="#questions">Your thoughts</a></li>')
    items.append(f'<li><a href="#recommendation">Recommendation{"" if report.single else "s"}'
                 "</a></li>")
    if report.foreign:
        items.append('<li><a href="#other">Entries on ids this protocol does not have</a></li>')
    return ('<nav class="toc" aria-label="Contents"><h2>Contents</h2><ol>' + "".join(items)
            + "</ol></nav>")


def _mark(report: Report, mark: str) -> str:
    label = report.mark_label(mark)
    if not label:
        return ""
    kind = {CONTESTED: "contested", CONSENSUS: "consensus"}.get(mark, "none")
    return f'<span class="mark mark-{kind}">{h(label)}</span>'


def _verdict(c: CommitmentView) -> str:
    """The verdict as a label: Contested, Consensus, Majority, No votes (yet)."""
    kind = {CONTESTED: "contested", CONSENSUS: "consensus", NO_VOTES: "none"}.get(c.mark,
                                                                              "majority")
    return f'<span class="mark mark-{kind}">{h(c.verdict)}</span>'


def _result(c: CommitmentView) -> str:
    """`Majority — Agree, 58%`: the verdict and the leading option; `No votes` unvoted."""
    return _verdict(c) + (f" — {h(c.leading_text)}" if c.leading_text else "")


def _findings(report: Report) -> str:
    """What the committee decides on, read off findings(report) only."""
    f = findings(report)
    out = ['<section id="findings"><h2>Findings</h2>', f'<p class="headline">{h(f.headline())}</p>']
    if report.single:
        out.append(f"<p><strong>Recommendation:</strong> {h(report.workshops[0].recommendation)}"
                   "</p>")
    else:
        out.append('<h3>Recommendations</h3><ul class="tally">' + "".join(
            f"<li><strong>{h(t.label)}</strong>: {t.count}"
            + (f' — <span class="user">{h("; ".join(w.name for w in t.workshops))}</span>'
               if t.workshops else "") + "</li>" for t in f.recommendations) + "</ul>")
    out.append("<h3>Contested commitments, most contested first</h3>")
    out.append(_finding_table(report, ("Why", "Votes"), [
        (c, [f"{h(c.verdict)}: {h(c.reason)}", _figures(report, c)])
        for c in f.contested_commitments]))
    out.append("<h3>Most amended commitments</h3>")
    out.append(_finding_table(report, ("Proposed wordings", "Result", "Votes"), [
        (c, [str(len(c.amendments)), _result(c), _figures(report, c)]) for c in f.most_amended]))
    return "\n".join(out) + "</section>"


def _figures(report: Report, c: CommitmentView) -> str:
    return h(describe(report, c.totals, report.no_votes_label))


def _finding_table(report: Report, head: tuple[str, ...],
                   rows: list[tuple[CommitmentView, list[str]]]) -> str:
    """One commitment a row: its number (a link to it), its text, then the given cells."""
    if not rows:
        return '<p class="none">None.</p>'
    body = "".join(f'<tr><td><a href="#c-{h(c.id)}">{c.code}</a></td><td>{h(c.text)}</td>'
                   + "".join(f"<td>{cell}</td>" for cell in cells) + "</tr>"
                   for c, cells in rows)
    return ('<div class="scroll"><table class="findings"><thead><tr><th>No.</th>'
            "<th>Commitment</th>" + "".join(f"<th>{label}</th>" for label in head)
            + f"</tr></thead><tbody>{body}</tbody></table></div>")


def _summary(report: Report) -> str:
    out = ['<section id="summary"><h2>Summary</h2>', f"<p>{h(report.summary_line())}</p>"]
    if report.single:
        out.append(_details(report))
    else:
        out.append(_workshop_table(report))
    if report.in_progress:
        out.append('<div class="progress"><p><strong>This session is still in progress: the '
                   "results below are incomplete.</strong></p>")
        if report.unvoted():
            out.append(f"<p>{h(report.no_votes_label)}:</p><ul>" + "".join(
                f'<li><a href="#c-{h(c.id)}">{c.code}</a> {h(c.text)}</li>'
                for c in report.unvoted()) + "</ul>")
        if report.unanswered():
            out.append(f"<p>{h(report.not_answered_label)}:</p><ul>" + "".join(
                f"<li>Q{q.number}. {h(q.question.text)}</li>" for q in report.unanswered())
                + "</ul>")
        out.append("</div>")
    out.append(legend(report))
    out.append(f'<p>{_mark(report, CONSENSUS)} one option has at least two thirds of the votes '
               f'and the workshops agree about it. {_mark(report, CONTESTED)} no option has more '
               "than half of the votes, or the workshops disagree widely.</p>")
    return "\n".join(out) + "</section>"


def _details(report: Report) -> str:
    r = report.workshops[0].record
    status = f"Finished {when(r.completed)}" if r.complete else "In progress"
    rows = [("Group", r.group), ("Facilitator", r.facilitator), ("Location", r.location),
            ("Date", long_date(r.date)),
            ("Participants", "" if r.participants is None else str(r.participants)),
            ("Status", f"{status}; last changed {when(r.updated)}"), ("Session id", r.id)]
    items = "".join(f'<dt>{label}</dt><dd class="user">{h(value) or "(not given)"}</dd>'
                    for label, value in rows)
    return f'<dl class="details">{items}</dl>'


def _workshop_table(report: Report) -> str:
    head = ("Workshop", "Date", "Facilitator", "Location", "Participants", "Commitments voted",
            "Questions answered", "Recommendation", "Status")
    rows = []
    for w in report.workshops:
        r = w.record
        rows.append("<tr>" + "".join([
            f'<td class="user">{h(r.group)}</td>', f"<td>{long_date(r.date)}</td>",
            f'<td class="user">{h(r.facilitator)}</td>', f'<td class="user">{h(r.location)}</td>',
            f'<td class="num">{"" if r.participants is None else r.participants}</td>',
            f'<td class="num">{w.voted}/{len(report.commitments)}</td>',
            f'<td class="num">{w.answered}/{len(report.questions)}</td>',
            f"<td>{h(w.recommendation)}</td>",
            f"<td>{'finished' if r.complete else 'in progress'}</td>"]) + "</tr>")
    return ("<table><thead><tr>" + "".join(f"<th>{c}</th>" for c in head) + "</tr></thead><tbody>"
            + "".join(rows) + "</tbody></table>")


def _cell(n: int, share: int, total: int) -> str:
    return f'<td class="num">{n} ({share}%)</td>' if total else f'<td class="num">{n}</td>'


def _principle(report: Report, p: PrincipleView) -> str:
    head = ("<tr><th>No.</th><th>Commitment</th>"
            + "".join(f'<th class="num">{h(o.label)}</th>' for o in report.options)
            + '<th class="num">Total</th><th>Result</th></tr>')
    rows = [f'<tr><td><a href="#c-{h(c.id)}">{c.code}</a></td><td>{h(c.text)}</td>'
            + "".join(_cell(c.totals[o.id], c.share(o.id), c.total) for o in report.options)
            + f'<td class="num">{c.total}</td><td class="result">{_result(c)}</td></tr>'
            for c in p.commitments]
    rows.append('<tr class="all"><td></td><td>All commitments</td>'
                + "".join(_cell(p.totals[o.id], p.share(o.id), p.total) for o in report.options)
                + f'<td class="num">{p.total}</td><td class="result">–</td></tr>')
    out = [f'<section class="principle" id="p-{h(p.id)}">',
           f"<h2>{p.number}. {h(p.principle.title)}</h2>",
           f'<p class="statement">{h(p.principle.statement)}</p>',
           principle_chart(report, p),
           f"<table><thead>{head}</thead><tbody>{''.join(rows)}</tbody></table>"]
    out += [_commitment(report, c) for c in p.commitments]
    return "\n".join(out) + "</section>"


def _commitment(report: Report, c: CommitmentView) -> str:
    out = [f'<div class="commitment" id="c-{h(c.id)}">',
           f"<h3>{c.code} {h(c.text)} {_verdict(c)}</h3>",
           commitment_bar(report, c.totals, c.code),
           f'<p class="figures">{h(describe(report, c.totals, report.no_votes_label))}'
           + ("" if report.single else _voted(c.result.sessions_voted))
           + "</p>"]
    if not report.single:
        out.append(_by_workshop(report, c))
    for label, notes in (("Comments", c.comments), ("Proposed wordings", c.amendments)):
        if notes:
            out.append(f"<h4>{label}</h4>" + _notes(report, notes))
    return "\n".join(out) + "</div>"


def _by_workshop(report: Report, c: CommitmentView) -> str:
    """Each workshop's own counts for the commitment; "–" where it did not vote on it."""
    rows = []
    for wc in c.by_workshop:
        counts = wc.counts
        cells = ([str(counts.get(o.id, 0)) for o in report.options] + [str(sum(counts.values()))]
                 if counts is not None else ["–"] * (len(report.options) + 1))
        rows.append(f'<tr><td class="user">{h(wc.workshop.name)}</td>'
                    + "".join(f'<td class="num">{n}</td>' for n in cells) + "</tr>")
    head = ("<tr><th>Workshop</th>" + "".join(f'<th class="num">{h(o.label)}</th>'
                                              for o in report.options)
            + '<th class="num">Total</th></tr>')
    return (f'<div class="scroll"><table class="by-workshop"><caption>Votes on {c.code} by '
            f"workshop</caption><thead>{head}</thead><tbody>{''.join(rows)}</tbody></table>"
            "</div>")


def _voted(n: int) -> str:
    return f"; {n} workshop{'' if n == 1 else 's'} voted"


def _notes(report: Report, notes: tuple[Note, ...]) -> str:
    items = []
    for note in notes:
        who = "" if report.single else f'<span class="who">{h(note.workshop)}:</span> '
        items.append(f'<li>{who}<span class="user">{h(note.text)}</span></li>')
    return '<ul class="notes">' + "".join(items) + "</ul>"


def _questions(report: Report) -> str:
    out = ['<section id="questions"><h2>Your thoughts</h2>']
    for q in report.questions:
        out.append(f'<h3 id="q-{h(q.question.id)}">Q{q.number}. {h(q.question.text)}</h3>')
        out.append(_notes(report, q.answers) if q.answers
                   else f'<p class="missing">{h(report.not_answered_label)}.</p>')
    return "\n".join(out) + "</section>"


def _reasons(rec) -> str:
    out = []
    for label, text in (("Reasons", rec.reasons), ("General comments", rec.comments)):
        if text:
            out.append(f'<p><strong>{label}:</strong> <span class="user">{h(text)}</span></p>')
    return "".join(out)


def _recommendations(report: Report) -> str:
    if report.single:
        w = report.workshops[0]
        return ('<section id="recommendation"><h2>Recommendation</h2>'
                f"<p><strong>{h(w.recommendation)}</strong></p>"
                f"{_reasons(w.record.recommendation)}</section>")
    counts = "".join(f'<tr><td>{h(label)}</td><td class="num">{n}</td></tr>'
                     for label, n in report.recommendation_counts().items())
    out = ['<section id="recommendation"><h2>Recommendations</h2>',
           "<table><thead><tr><th>Recommendation</th><th class=\"num\">Workshops</th></tr>"
           f"</thead><tbody>{counts}</tbody></table>"]
    for w in report.workshops:
        out.append(f'<h3><span class="user">{h(w.record.group)}</span>, '
                   f"{long_date(w.record.date)}: {h(w.recommendation)}</h3>"
                   + _reasons(w.record.recommendation))
    return "\n".join(out) + "</section>"


def _foreign(report: Report) -> str:
    items = "".join(
        f'<li><span class="who">{h(n.target)} ({EntryKind(n.kind).singular}), {h(n.workshop)}:</span> '
        f'<span class="user">{h(n.text)}</span></li>' for n in report.foreign)
    return ('<section id="other"><h2>Entries on ids this protocol does not have</h2>'
            f'<ul class="notes">{items}</ul></section>')


def _footer(report: Report) -> str:
    p = report.protocol
    return (f"<footer>Protocol {h(p.id)}, version {h(p.version)} ({h(p.digest)}). "
            f"{len(report.workshops)} workshop{'' if len(report.workshops) == 1 else 's'}."
            "</footer>")
