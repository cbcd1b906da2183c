"""HTML export, read back as an element tree (html.parser): the council's findings (workshops
still in progress, what most propose), the reference number on every commitment row, the
result in words, proposed wordings grouped with their changes as <del>/<ins> and every
proposal with its workshop, the facilitator's notes, the landmarks and named regions, tables in
keyboard-reachable scroll boxes, charts with a pattern and figures on every segment and a key
in every principle, and "No votes" said once for an unvoted commitment."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

from export_helpers import NOTES, council_sessions, one_break, save_merged, save_session, visible

from workshop.consultation.findings import findings
from workshop.consultation.inputs import read_result
from workshop.consultation.report_build import build_report
from workshop.consultation.wording import readable_runs
from workshop.export import export_bytes
from workshop.export.html_charts import TONE_STYLES
from workshop.export.html_style import CSS

VOID = {"meta", "br", "img", "input", "hr", "link", "col", "source", "wbr"}


@dataclass
class Node:
    tag: str
    attrs: dict[str, str]
    parent: Node | None = None
    children: list[Node | str] = field(default_factory=list)

    @property
    def classes(self) -> list[str]:
        return (self.attrs.get("class") or "").split()

    def text(self) -> str:
        return "".join(c if isinstance(c, str) else c.text() for c in self.children)

    def words(self) -> str:
        return " ".join(self.text().split())

    def all(self, tag: str | None = None, cls: str | None = None, **attrs: str) -> list[Node]:
        """Every element below this one with the tag, class and attribute values given."""
        out = []
        for c in self.children:
            if isinstance(c, str):
                continue
            if ((tag is None or c.tag == tag) and (cls is None or cls in c.classes)
                    and all(c.attrs.get(k.replace("_", "-")) == v for k, v in attrs.items())):
                out.append(c)
            out += c.all(tag, cls, **attrs)
        return out

    def one(self, tag: str | None = None, cls: str | None = None, **attrs: str) -> Node:
        found = self.all(tag, cls, **attrs)
        assert len(found) == 1, (tag, cls, attrs, len(found))
        return found[0]

    def ancestors(self) -> list[Node]:
        out, node = [], self.parent
        while node is not None:
            out.append(node)
            node = node.parent
        return out

    def rows(self) -> list[list[str]]:
        """A table's rows, each cell's text."""
        return [[cell.text() for cell in tr.children if not isinstance(cell, str)]
                for tr in self.all("tr")]


class Tree(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Node("#document", {})
        self.at = self.root

    def handle_starttag(self, tag, attrs):
        node = Node(tag, {k: v or "" for k, v in attrs}, self.at)
        self.at.children.append(node)
        if tag not in VOID:
            self.at = node

    def handle_endtag(self, tag):
        node = self.at
        while node is not None and node.tag != tag:
            node = node.parent
        assert node is not None, f"</{tag}> closes nothing"
        self.at = node.parent

    def handle_data(self, data):
        self.at.children.append(data)


def tree(data: bytes) -> Node:
    parser = Tree()
    parser.feed(data.decode("utf-8"))
    parser.close()
    assert parser.at is parser.root, "every element is closed"
    return parser.root


def html_of(source, protocol) -> tuple[Node, bytes]:
    data = export_bytes(source.merged, protocol, "html")
    return tree(data), data


def test_findings_name_workshops_in_progress_and_what_most_propose(council, source, protocol):
    doc, _ = html_of(council, protocol)
    f = findings(build_report(council.merged, protocol))
    part = doc.one("section", id="findings")
    assert f.unfinished_line() == "Still in progress: Salford Circle, 5 November 2026."
    assert part.one("p", cls="unfinished").words() == f.unfinished_line()
    assert part.words().index(f.headline()) < part.words().index(f.unfinished_line())
    amended = next(t for t in part.all("table") if "Most proposed" in t.rows()[0])
    assert [r[3] for r in amended.rows()[1:]] == [visible(c.amendment_groups[0].summary)
                                                 for c in f.most_amended]
    assert amended.rows()[1][3] == "3 of 4 workshops propose adding 'independently verified'"
    finished, _ = html_of(source, protocol)  # every workshop finished: nothing to say
    assert not finished.one("section", id="findings").all(cls="unfinished")
    assert "Still in progress" not in finished.one("section", id="findings").text()


def test_every_commitment_row_starts_with_its_reference(council, source, protocol):
    for src in (council, source):
        doc, _ = html_of(src, protocol)
        report = build_report(src.merged, protocol)
        codes = {c.text: c.code for c in report.commitments}
        listing = [t for t in doc.all("table") if "Commitment" in t.rows()[0]]
        assert len(listing) >= len(protocol.principles) + 1  # principles and the findings
        for table in listing:
            assert table.rows()[0][:2] == ["Ref", "Commitment"]
            for tr in table.all("tr")[1:]:
                cells = [c for c in tr.children if not isinstance(c, str)]
                if "all" in tr.classes:
                    assert cells[0].text() == "All commitments"
                    continue
                assert cells[0].tag == "th" and cells[0].attrs["scope"] == "row"
                assert re.fullmatch(r"\d+\.\d+", cells[0].text())
                assert cells[0].text() == codes[cells[1].text()]
        for c in report.commitments:
            block = doc.one("div", id=f"c-{c.id}")
            assert block.one("h3").words() == f"{c.code} {c.text}"
            if c.total and not report.single:
                assert block.one("caption").text() == f"Votes on {c.code} by workshop"


def test_each_commitment_gives_its_result_once_in_words(council, protocol):
    doc, _ = html_of(council, protocol)
    report = build_report(council.merged, protocol)
    for c in report.commitments:
        block = doc.one("div", id=f"c-{c.id}")
        line = block.one("p", cls="result").words()
        if c.total:
            assert line.startswith(f"{c.verdict} — {c.leading_text}. ")
            assert f"{c.workshops_voted} workshops voted." in line
        else:
            assert line == "No votes"
    assert {c.verdict for c in report.commitments} >= {"Consensus", "Contested", "No votes"}


def _runs(node: Node) -> list[tuple[str, str]]:
    """A change as the page gives it: text outside <del>/<ins> is unchanged (line breaks as a
    browser reads them: CRLF and CR as LF)."""
    out = []
    for child in node.children:
        kind = "same" if isinstance(child, str) else {"del": "removed", "ins": "added"}[child.tag]
        text = one_break(child if isinstance(child, str) else child.text())  # as a browser
        if out and out[-1][0] == kind:
            out[-1] = (kind, out[-1][1] + text)
        else:
            out.append((kind, text))
    return out


def test_proposed_wordings_grouped_with_their_changes(council, source, protocol):
    for src in (council, source):
        doc, data = html_of(src, protocol)
        report = build_report(src.merged, protocol)
        grouped = [c for c in report.commitments if c.amendment_groups]
        assert grouped
        for c in grouped:
            block = doc.one("div", id=f"c-{c.id}")
            shown = block.all("div", cls="wording")
            assert len(shown) == len(c.amendment_groups)
            for div, g in zip(shown, c.amendment_groups, strict=True):
                assert div.one("p", cls="wording-summary").text() == visible(g.summary)
                expected = [(k, one_break(visible(t))) for k, t in readable_runs(list(g.diff))]
                runs = _runs(div.one("span", cls="diff-text"))
                assert runs == expected
                # the published text, then the proposal, read back out of the runs
                assert "".join(t for k, t in g.diff if k != "added") == c.text
                assert "".join(t for k, t in runs if k != "added").replace(" ", "") == (
                    visible(c.text).replace(" ", ""))
                items = div.one("ul").all("li")
                assert [one_break(li.one("span", cls="user").text()) for li in items] == [
                    one_break(visible(n.text)) for n in g.proposals]
                if not report.single:
                    assert [li.one("span", cls="who").text() for li in items] == [
                        f"{n.workshop}:" for n in g.proposals]
    doc, data = html_of(council, protocol)
    first = doc.one("div", id=f"c-{protocol.commitments[0].id}").all("div", cls="wording")
    assert first[0].one("p", cls="wording-summary").text() == (
        "3 of 4 workshops propose adding 'independently verified'")
    assert [li.one("span", cls="who").text() for li in first[0].all("li")] == [
        "Leeds Board, 2 November 2026:", "Bristol Forum, 3 November 2026:",
        "Taunton Panel, 4 November 2026:"]
    html = data.decode()
    assert "<ins> where possible.</ins>" in html  # the run's leading space is kept


def test_a_replaced_word_reads_old_then_new_never_run_together(tmp_path, protocol):
    sessions = council_sessions(protocol)
    target = protocol.commitments[1]
    assert " used our " in target.text
    sessions[0].add_amendment(target.id, target.text.replace(" used ", " spent "))
    path = save_merged(tmp_path / "m.toml", sessions, protocol)
    data = export_bytes(read_result(path, protocol), protocol, "html")
    assert "<del>used</del> <ins>spent</ins>" in data.decode()
    change = tree(data).one("div", id=f"c-{target.id}").one("span", cls="diff-text")
    assert change.text() == target.text.replace(" used ", " used spent ")


def test_changes_read_without_colour(protocol):
    rules = dict(re.findall(r"^(del|ins) \{([^}]*)\}", CSS, re.M))
    assert "line-through" in rules["del"]
    assert "underline" in rules["ins"] and "font-weight: bold" in rules["ins"]
    # spaces and line breaks exactly as the runs give them, wrapping rather than hanging
    assert re.search(r"\.diff-text \{[^}]*white-space: break-spaces", CSS.replace(
        ".user, .diff-text", ".diff-text"))


def test_facilitators_notes_kept_as_typed(council, tmp_path, protocol):
    doc, data = html_of(council, protocol)
    report = build_report(council.merged, protocol)
    summary = doc.one("section", id="summary")
    notes = summary.one("dl", cls="session-notes")
    assert [dt.text() for dt in notes.all("dt")] == [w.name for w in report.noted()]
    assert [dd.text() for dd in notes.all("dd")] == [one_break(visible(NOTES))]
    assert "\n" in notes.one("dd").text() and "user" in notes.one("dd").classes
    assert not doc.all("b") and b"&lt;b&gt;late&lt;/b&gt; &amp; \xf0\x9f\x8e\x89" in data
    # one workshop: its notes in its details; none said plainly
    session = council_sessions(protocol)
    for s, expected in ((session[0], one_break(visible(NOTES))), (session[1], "None.")):
        path = save_session(tmp_path / s.id, s, protocol)
        one = tree(export_bytes(read_result(path, protocol), protocol, "html"))
        details = one.one("dl", cls="details")
        dts = [dt.text() for dt in details.all("dt")]
        assert dts[-1] == "Facilitator's notes"
        assert details.all("dd")[-1].text() == expected


def test_landmarks_regions_and_headers(council, source, partial, protocol):
    for src in (council, source, partial):
        doc, _ = html_of(src, protocol)
        html = doc.one("html")
        assert html.attrs["lang"] == "en-GB"
        body = html.one("body")
        top = [c.tag for c in body.children if not isinstance(c, str)]
        assert top == ["header", "main", "footer"]  # nothing outside a landmark
        main = body.one("main")
        assert main.one("nav").attrs["aria-labelledby"] == "toc-h"
        sections = main.all("section")
        assert [s.parent for s in sections] == [main] * len(sections)
        assert len(sections) == len(protocol.principles) + 4 + bool(build_report(
            src.merged, protocol).foreign)
        for s in sections:
            heading = s.one(id=s.attrs["aria-labelledby"])
            assert heading.tag == "h2" and heading.text()
        for th in doc.all("th"):
            assert th.attrs.get("scope") in ("col", "row"), th.words()
        labels = []
        for table in doc.all("table"):
            box = table.parent
            assert "scroll" in box.classes and box.attrs["role"] == "region"
            assert box.attrs["tabindex"] == "0" and box.attrs["aria-label"]
            labels.append(box.attrs["aria-label"])
        assert len(labels) == len(set(labels)), "each scroll box has a name of its own"
        assert not set(labels) & {s.one("h2").text() for s in sections}


def test_charts_have_patterns_figures_and_a_key_per_principle(council, protocol):
    doc, _ = html_of(council, protocol)
    report = build_report(council.merged, protocol)
    patterns = [pattern for _, pattern, _ in TONE_STYLES.values()]
    assert len(set(patterns)) == len(patterns) and all("gradient(" in p for p in patterns)
    css = doc.one("style").text()
    for tone, (fill, pattern, _) in TONE_STYLES.items():
        assert f".tone-{tone} {{ background-color: {fill}; background-image: {pattern};" in css
    option_tones = [f"tone-{report.protocol.tones[o.id]}" for o in report.options]
    assert len(set(option_tones)) == len(report.options)  # one pattern per option
    for p in report.principles:
        part = doc.one("section", id=f"p-{p.id}")
        key = part.one("ul", cls="legend")
        assert [li.text() for li in key.all("li")] == [o.label for o in report.options]
        assert [li.one("span").classes[1] for li in key.all("li")] == option_tones
        chart = part.all(role="img")[0]
        assert "chart" in chart.classes and part.children.index(key) > 0
    first = report.principles[0]
    chart = doc.one("section", id=f"p-{first.id}").all(role="img")[0]
    bars = chart.all("div", cls="bar")
    assert len(bars) == len(first.commitments) + 1
    for bar, c in zip(bars, first.commitments, strict=False):
        segments = bar.all("span", cls="seg")
        voted = [o for o in report.options if c.totals[o.id]]
        assert len(segments) == len(voted)
        for seg, o in zip(segments, voted, strict=True):
            assert seg.classes[1] == f"tone-{report.protocol.tones[o.id]}"
            assert seg.text() == f"{c.totals[o.id]} ({c.share(o.id)}%)"
        widths = [float(re.fullmatch(r"width:([\d.]+)%", s.attrs["style"]).group(1))
                  for s in segments]
        assert not c.total or abs(sum(widths) - 100) < 0.01
        assert c.total or bar.words() == "No votes"
    assert re.search(r"@media print \{.*section\.principle \{ break-before: page;", css, re.S)


def test_no_votes_said_once_for_an_unvoted_commitment(council, partial, protocol):
    for src in (council, partial):
        doc, _ = html_of(src, protocol)
        report = build_report(src.merged, protocol)
        label = report.no_votes_label
        unvoted = report.unvoted()
        assert unvoted
        for c in unvoted:
            block = doc.one("div", id=f"c-{c.id}")
            assert block.text().count(label) == 1, block.words()
            assert not block.all(role="img") and not block.all("table")
            row = next(tr for tr in doc.all("tr") if tr.all("a", href=f"#c-{c.id}"))
            assert row.text().count(label) == 1
