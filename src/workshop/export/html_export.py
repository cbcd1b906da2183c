"""HTML export: one self-contained page (no external CSS, script, font or image).

The findings first (html_findings.py), then a table of contents, a summary of the workshops
(with each one's facilitator's notes), a section per principle (html_principle.py: a chart
with its key, a table naming each commitment's verdict and leading option, and each
commitment's block: each workshop's own counts, comments, proposed wordings grouped with their
changes marked), the answers per question and the recommendations; with an analyst's theme
file, the themes in the findings, under each commitment and question, and a Themes section with
each theme's quotes (html_themes.py); the sign-up register last when anyone signed
(html_register.py). An assessment and a sign-up have their own sections (html_assessment.py,
html_register.py) in the same page; an anonymised report says once, under the title, that names
are withheld.

Built to be read by everyone (axe-core finds no violation: tests/export/test_html_axe.py):
`lang`, a banner, one `<main>` and a footer, every section a region named by its heading,
table headers with their scope, charts readable without colour (html_charts.py), tables that
scroll inside their own box on a phone so the page is never wider than the screen, and a
printed page per principle with its own key (html_style.py). Every piece of user text is
escaped (safety.html_text) and shown with its spaces and line breaks, so `<script>` in a
comment is just text. The same report gives the same bytes. Nothing here imports Textual.
"""

from __future__ import annotations

from workshop.consultation.figures import long_date, when
from workshop.consultation.marks import CONSENSUS, CONTESTED
from workshop.consultation.register import WITHHELD
from workshop.consultation.report import ANONYMISED_NOTE, MAJORITY_LABEL, Report
from workshop.export.html_assessment import assessment_sections
from workshop.export.html_charts import tone_css
from workshop.export.html_findings import findings_section
from workshop.export.html_parts import mark, notes, section, table
from workshop.export.html_principle import principle_section
from workshop.export.html_register import REGISTER_TOC, register_section, register_sections
from workshop.export.html_style import CSS, MODES_CSS
from workshop.export.html_themes import counts_part, css, themes_section, toc_item
from workshop.export.safety import html_text as h
from workshop.session.kinds import EntryKind, Mode


def render_html(report: Report) -> bytes:
    """The report as an HTML page: an assessment's and a sign-up's sections are their own
    (html_assessment.py, html_register.py)."""
    if report.assessment is not None:
        return _page(report, assessment_sections(report), MODES_CSS)
    if report.mode is Mode.SIGN_UP:
        return _page(report, register_sections(report), MODES_CSS)
    main = [findings_section(report), _toc(report), _summary(report)]
    main += [principle_section(report, p) for p in report.principles]
    main += [_questions(report), _recommendations(report), *themes_section(report)]
    if report.foreign:
        main.append(_foreign(report))
    main += register_section(report)
    modes = MODES_CSS if report.register or report.anonymised else ""
    return _page(report, main, css(report) + modes)


def _page(report: Report, main: list[str], more_css: str) -> bytes:
    """The page around its sections: head, style (with `more_css`), banner, main, footer."""
    page = ("<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n"
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
            f"<title>{h(report.title)}</title>\n"
            f"<style>{CSS}{tone_css()}{more_css}\n</style>\n</head>\n"
            f"<body>\n{_header(report)}\n<main>\n" + "\n".join(main)
            + f"\n</main>\n{_footer(report)}\n</body>\n</html>\n")
    return page.encode("utf-8")


def _header(report: Report) -> str:
    src = report.protocol.source
    out = [f"<header><h1>{h(report.title)}</h1>",
           f'<p class="subtitle">{h(src.document)}, {h(src.authors)}. Protocol version '
           f"{h(report.protocol.version)}.</p>"]
    if report.as_of is not None:
        out.append(f'<p class="as-of">Results as of {h(when(report.as_of))}.</p>')
    if report.anonymised:
        out.append(f'<p class="anonymised">{h(ANONYMISED_NOTE)}</p>')
    return "\n".join(out) + "</header>"


def _toc(report: Report) -> str:
    items = ['<li><a href="#findings">Findings</a></li>', '<li><a href="#summary">Summary</a></li>']
    items += [f'<li><a href="#p-{h(p.id)}">{p.number}. {h(p.principle.title)}</a></li>'
              for p in report.principles]
    items.append('<li><a href="#questions">Your thoughts</a></li>')
    items.append(f'<li><a href="#recommendation">Recommendation{"" if report.single else "s"}'
                 "</a></li>")
    items += toc_item(report)
    if report.foreign:
        items.append('<li><a href="#other">Entries on ids this protocol does not have</a></li>')
    if report.register:
        items.append(REGISTER_TOC)
    return ('<nav class="toc" aria-labelledby="toc-h"><h2 id="toc-h">Contents</h2><ol>'
            + "".join(items) + "</ol></nav>")


def _summary(report: Report) -> str:
    out = [f"<p>{h(report.summary_line())}</p>"]
    if report.single:
        out.append(_details(report))
    else:
        out.append(_workshop_table(report))
        out.append(_session_notes(report))
    if report.in_progress:
        out.append(_progress(report))
    out.append(f'<p>{mark(report, CONSENSUS)} one option has at least two thirds of the votes '
               f'and the workshops agree about it. {mark(report, CONTESTED)} no option has more '
               f'than half of the votes, or the workshops disagree widely. {_majority()} one '
               "option has more than half of the votes, without consensus.</p>")
    return section("summary", "Summary", out)


def _majority() -> str:
    return f'<span class="mark mark-majority">{MAJORITY_LABEL}</span>'


def _progress(report: Report) -> str:
    """What a single session still in progress has not reached yet."""
    out = ['<div class="progress"><p><strong>This session is still in progress: the results '
           "below are incomplete.</strong></p>"]
    if report.unvoted():
        out.append(f"<p>{h(report.no_votes_label)}:</p><ul>" + "".join(
            f'<li><a href="#c-{h(c.id)}">{c.code}</a> {h(c.text)}</li>'
            for c in report.unvoted()) + "</ul>")
    if report.unanswered():
        out.append(f"<p>{h(report.not_answered_label)}:</p><ul>" + "".join(
            f"<li>Q{q.number}. {h(q.question.text)}</li>" for q in report.unanswered())
            + "</ul>")
    return "".join(out) + "</div>"


def _details(report: Report) -> str:
    w = report.workshops[0]
    r = w.record
    status = f"Finished {when(r.completed)}" if r.complete else "In progress"
    rows = [("Group", r.group), ("Facilitator", facilitator_of(report, r.facilitator)),
            ("Location", r.location),
            ("Date", long_date(r.date)),
            ("Participants", "" if r.participants is None else str(r.participants)),
            ("Status", f"{status}; last changed {when(r.updated)}"), ("Session id", r.id)]
    items = "".join(f'<dt>{label}</dt><dd class="user">{h(value) or "(not given)"}</dd>'
                    for label, value in rows)
    notes_text = (f'<span class="user">{h(w.notes)}</span>' if w.notes.strip()
                  else '<span class="none">None.</span>')
    return (f'<dl class="details">{items}<dt>Facilitator\'s notes</dt>'
            f'<dd class="session-notes">{notes_text}</dd></dl>')


def _workshop_table(report: Report) -> str:
    columns = ("Workshop", "Facilitator", "Location", "Participants", "Commitments voted",
               "Questions answered", "Recommendation", "Status")
    rows = []
    for w in report.workshops:
        r = w.record
        rows.append("<tr>" + "".join([
            f'<th scope="row" class="user">{h(w.name)}</th>',
            f'<td class="user">{h(facilitator_of(report, r.facilitator))}</td>',
            f'<td class="user">{h(r.location)}</td>',
            f'<td class="num">{"" if r.participants is None else r.participants}</td>',
            f'<td class="num">{w.voted}/{len(report.commitments)}</td>',
            f'<td class="num">{w.answered}/{len(report.questions)}</td>',
            f"<td>{h(w.recommendation)}</td>",
            f"<td>{'finished' if r.complete else 'in progress'}</td>"]) + "</tr>")
    return table("Workshops", columns, rows, cls="workshops",
                 numeric=("Participants", "Commitments voted", "Questions answered"))


def _session_notes(report: Report) -> str:
    """Each workshop's facilitator's notes, as typed, under its name; "None." for none."""
    noted = report.noted()
    if not noted:
        return '<h3>Facilitator\'s notes</h3><p class="none">None.</p>'
    items = "".join(f'<dt class="who">{h(w.name)}</dt><dd class="user session-notes">'
                    f"{h(w.notes)}</dd>" for w in noted)
    return f'<h3>Facilitator\'s notes</h3><dl class="session-notes">{items}</dl>'


def _questions(report: Report) -> str:
    out = []
    for q in report.questions:
        out.append(f'<h3 id="q-{h(q.question.id)}">Q{q.number}. {h(q.question.text)}</h3>')
        if q.themes:
            out.append(counts_part(q.themes))
        out.append(notes(report, q.answers) if q.answers
                   else f'<p class="missing">{h(report.not_answered_label)}.</p>')
    return section("questions", "Your thoughts", out)


def _reasons(rec) -> str:
    out = []
    for label, text in (("Reasons", rec.reasons), ("General comments", rec.comments)):
        if text:
            out.append(f'<p><strong>{label}:</strong> <span class="user">{h(text)}</span></p>')
    return "".join(out)


def _recommendations(report: Report) -> str:
    if report.single:
        w = report.workshops[0]
        return section("recommendation", "Recommendation", [
            f"<p><strong>{h(w.recommendation)}</strong></p>{_reasons(w.record.recommendation)}"])
    counts = [f'<tr><th scope="row">{h(label)}</th><td class="num">{n}</td></tr>'
              for label, n in report.recommendation_counts().items()]
    out = [table("Recommendations counted", ("Recommendation", "Workshops"), counts,
                 numeric=("Workshops",), cls="narrow")]
    for w in report.workshops:
        out.append(f'<h3><span class="user">{h(w.name)}</span>: {h(w.recommendation)}</h3>'
                   + _reasons(w.record.recommendation))
    return section("recommendation", "Recommendations", out)


def _foreign(report: Report) -> str:
    items = "".join(
        f'<li><span class="who">{h(n.target)} ({EntryKind(n.kind).singular}), '
        f'{h(n.workshop)}:</span> <span class="user">{h(n.text)}</span></li>'
        for n in report.foreign)
    return section("other", "Entries on ids this protocol does not have",
                   [f'<ul class="notes">{items}</ul>'])


def facilitator_of(report: Report, name: str) -> str:
    """A facilitator's name as the page shows it: `Withheld` in an anonymised report."""
    return WITHHELD if report.anonymised else name


def _footer(report: Report) -> str:
    p = report.protocol
    return (f"<footer>Protocol {h(p.id)}, version {h(p.version)} ({h(p.digest)}). "
            f"{len(report.workshops)} workshop{'' if len(report.workshops) == 1 else 's'}."
            "</footer>")
