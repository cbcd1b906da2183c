"""HTML export: parsed with html.parser, the page is self-contained, has a table of contents
whose links all land, the findings first, a chart per principle and per voted commitment, the
marks, a Result cell naming the verdict and the leading option on every commitment, each
workshop's own counts, every figure and every word; the corpus makes no element, attribute or
link. (test_html_layout.py: the council's findings, wordings, notes, landmarks and charts;
test_html_axe.py: axe-core and the page's width in Chromium.)"""

from __future__ import annotations

import re
from html.parser import HTMLParser

from export_helpers import one_break, share, visible

from workshop.consultation.findings import findings
from workshop.consultation.marks import commitment_results
from workshop.consultation.report_build import build_report
from workshop.export import export_bytes


class Page(HTMLParser):
    """Tags, attributes, ids, links, and the text of each `class="user"` element and cell."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.ids: set[str] = set()
        self.user: list[str] = []
        self.cells: list[str] = []
        self.text: list[str] = []
        self.tables: list[list[list[str]]] = []
        """Each table's rows, each row's cells (header and body) as text."""
        self._stack: list[tuple[str, bool, bool]] = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        self.tags.append((tag, a))
        if "id" in a:
            self.ids.add(a["id"])
        if tag in ("meta", "br"):
            return
        if tag == "table":
            self.tables.append([])
        elif tag == "tr":
            self.tables[-1].append([])
        elif tag in ("td", "th"):
            self.tables[-1][-1].append("")
        self._stack.append((tag, "user" in (a.get("class") or "").split(), tag in ("td", "th")))
        if self._stack[-1][1]:
            self.user.append("")
        if self._stack[-1][2]:
            self.cells.append("")

    def handle_endtag(self, tag):
        while self._stack:
            if self._stack.pop()[0] == tag:
                break

    def handle_data(self, data):
        self.text.append(data)
        inside = [s for s in self._stack if s[1]]
        if inside:
            self.user[-1] += data
        if any(s[2] for s in self._stack):
            self.cells[-1] += data
            self.tables[-1][-1][-1] += data


def parse(data: bytes | str) -> Page:
    page = Page()
    page.feed(data.decode("utf-8") if isinstance(data, bytes) else data)
    page.close()
    return page


def section(data: bytes, section_id: str) -> Page:
    """The page's `<section id=...>`, parsed on its own."""
    html = data.decode("utf-8")
    start = html.index(f'id="{section_id}"')
    return parse(html[html.rindex("<section", 0, start):html.index("</section>", start)])


def words(page: Page) -> str:
    return " ".join("".join(page.text).split())


def test_self_contained_and_inert(source, protocol):
    page = parse(export_bytes(source.merged, protocol, "html"))
    tags = [t for t, _ in page.tags]
    assert "script" not in tags and "img" not in tags and "iframe" not in tags
    assert "link" not in tags and "object" not in tags and "embed" not in tags
    for tag, attrs in page.tags:
        for name, value in attrs.items():
            assert not name.startswith("on"), (tag, name)
            assert name not in ("src", "srcset", "formaction")
            if name == "href":
                assert value.startswith("#"), value  # only links inside the page
            if name == "style":
                assert "url(" not in value
    assert tags.count("style") == 1
    html = export_bytes(source.merged, protocol, "html").decode()
    assert "url(" not in html and "@import" not in html and "@font-face" not in html


def test_toc_links_all_land(source, protocol):
    page = parse(export_bytes(source.merged, protocol, "html"))
    links = [a["href"][1:] for t, a in page.tags if t == "a"]
    assert links and all(target in page.ids for target in links)
    toc = [a["href"] for t, a in page.tags if t == "a" and a["href"].startswith("#p-")]
    assert toc[:len(protocol.principles)] == [f"#p-{p.id}" for p in protocol.principles]


def test_charts_figures_and_marks(source, protocol):
    page = parse(export_bytes(source.merged, protocol, "html"))
    charts = [a for _, a in page.tags if a.get("role") == "img"]
    voted = [c for c in protocol.commitments if sum(source.totals(protocol, c.id).values())]
    assert voted and len(voted) < len(protocol.commitments)
    # a chart per principle, a bar per voted commitment (an unvoted one says "No votes" once)
    assert len(charts) == len(protocol.principles) + len(voted)
    labels = [a["aria-label"] for a in charts]
    for pn, p in enumerate(protocol.principles, start=1):
        chart = next(x for x in labels if x.startswith(f"Votes on principle {pn}, "))
        for cn, c in enumerate(p.commitments, start=1):
            totals = source.totals(protocol, c.id)
            total = sum(totals.values())
            label = [x for x in labels if x.startswith(f"Votes on {pn}.{cn}: ")]
            assert len(label) == (1 if total else 0)
            assert f"{pn}.{cn}: " + (", ".join(
                f"{o.label} {totals[o.id]} ({share(totals[o.id], total)}%)"
                for o in protocol.vote_options) if total else "No votes") in chart
            for o in protocol.vote_options:
                if total:
                    n = totals[o.id]
                    assert f"{o.label} {n} ({share(n, total)}%)" in label[0]
    results = commitment_results(source.merged, protocol)
    marks = [r.mark for r in results]
    text = "".join(page.text)
    for mark, label in (("contested", "Contested"), ("consensus", "Consensus")):
        if mark in marks:
            spans = [a for t, a in page.tags
                     if t == "span" and a.get("class") == f"mark mark-{mark}"]
            amended = sum(c.mark == mark for c in findings(
                build_report(source.merged, protocol)).most_amended)
            # table, heading, the key, and the findings' most amended commitments
            assert len(spans) == 2 * marks.count(mark) + 1 + amended
            assert label in text
    for c in protocol.commitments:
        totals = source.totals(protocol, c.id)
        total = sum(totals.values())
        for o in protocol.vote_options:
            n = totals[o.id]
            assert (f"{n} ({share(n, total)}%)" if total else str(n)) in page.cells


def test_every_comment_wording_and_answer(source, protocol):
    page = parse(export_bytes(source.merged, protocol, "html"))
    shown = [one_break(t) for t in page.user]
    for kind in ("comments", "amendments", "answers"):
        for _, _, text in source.entries(kind):
            assert one_break(visible(text)) in shown, (kind, text)
    names = [w.name for w in build_report(source.merged, protocol).workshops]
    for s, name in zip(source.sessions, names, strict=True):
        assert s.meta.location in shown
        # a workshop is named with its date in a report of many (Workshop.name)
        assert (s.meta.group if source.kind == "session" else name) in shown
        assert one_break(s.recommendation.reasons.replace("\x00", "\u2400")) in shown
    assert "<script>alert(1)</script>" in shown  # as text, not as an element


def test_incomplete_session(partial, protocol):
    page = parse(export_bytes(partial.merged, protocol, "html"))
    text = "".join(page.text)
    assert "still in progress" in text
    assert text.count("No votes yet") >= len(protocol.commitments) - 2
    assert "Not answered yet." in text
    assert "Undecided" in text
    assert "<script>alert(1)</script>" in page.user
    assert not [t for t, _ in page.tags if t == "script"]


def test_findings_come_first_and_hold_the_findings(source, protocol):
    data = export_bytes(source.merged, protocol, "html")
    report = build_report(source.merged, protocol)
    f = findings(report)
    html = data.decode()
    assert html.index('id="findings"') < html.index('id="summary"') < html.index('id="p-')
    page = section(data, "findings")
    text = words(page)
    assert f.headline() in text
    if source.kind == "merged":
        for t in f.recommendations:
            item = f"{t.label}: {t.count}" + (
                " — " + "; ".join(w.name for w in t.workshops) if t.workshops else "")
            assert item in text, item
        assert sum(t.count for t in f.recommendations) == len(source.sessions)
    else:
        assert f"Recommendation: {report.workshops[0].recommendation}" in text
    contested, amended = _tables_by_head(page)
    assert f.contested_commitments, "the fixture has contested commitments"
    assert contested[0] == ["Ref", "Commitment", "Why", "Votes"]
    assert [r[:3] for r in contested[1:]] == [
        [c.code, c.text, f"Contested: {c.reason}"] for c in f.contested_commitments]
    assert all(c.mark == "contested" for c in f.contested_commitments)
    order = [c.id for c in report.sorted_commitments("contested") if c.mark == "contested"]
    assert [c.id for c in f.contested_commitments] == order  # most contested first
    assert f.most_amended and amended[0][:5] == ["Ref", "Commitment", "Proposed wordings",
                                                 "Most proposed", "Result"]
    assert [r[:5] for r in amended[1:]] == [
        [c.code, c.text, str(len(c.amendments)), visible(c.amendment_groups[0].summary),
         f"{c.verdict} — {c.leading_text}" if c.leading_text else c.verdict]
        for c in f.most_amended]
    counts = sorted((len(c.amendments) for c in report.commitments if c.amendments),
                    reverse=True)
    assert [int(r[2]) for r in amended[1:]] == counts[:len(amended) - 1]


def _tables_by_head(page: Page):
    """The contested and most amended tables, or [] where the page says "None." instead."""
    heads = {t[0][2]: t for t in page.tables}
    return heads.get("Why", []), heads.get("Proposed wordings", [])


def test_findings_say_none_plainly(partial, protocol):
    page = section(export_bytes(partial.merged, protocol, "html"), "findings")
    text = words(page)
    assert "Contested commitments, most contested first None." in text
    assert "Most amended commitments None." in text
    assert "Recommendation: Undecided" in text and not page.tables


def test_every_result_cell_names_the_verdict_and_the_leading_option(source, protocol):
    data = export_bytes(source.merged, protocol, "html")
    report = build_report(source.merged, protocol)
    verdicts = set()
    for p in report.principles:
        table = section(data, f"p-{p.id}").tables[0]
        assert table[0][-1] == "Result"
        for row in table[1:]:
            assert row[-1].strip(), row  # never a blank Result cell
        for row, c in zip(table[1:], p.commitments, strict=False):
            assert row[:2] == [c.code, c.text]
            expected = f"{c.verdict} — {c.leading_text}" if c.total else c.verdict
            assert row[-1] == expected
            totals = source.totals(protocol, c.id)
            if sum(totals.values()):
                lead = max(protocol.vote_options, key=lambda o: totals[o.id])
                assert f"{lead.label}, {share(totals[lead.id], sum(totals.values()))}%" in row[-1]
            else:
                assert row[-1] == "No votes"
            verdicts.add(c.verdict)
    assert {"Contested", "Majority", "No votes"} <= verdicts


def test_each_workshops_own_counts(source, protocol):
    data = export_bytes(source.merged, protocol, "html")
    report = build_report(source.merged, protocol)
    labels = [o.label for o in protocol.vote_options]
    for p in report.principles:
        tables = section(data, f"p-{p.id}").tables[1:]
        if source.kind == "session":
            assert not tables  # one workshop: its counts are the commitment's
            continue
        voted = [c for c in p.commitments if c.total]  # nobody voted: no table of dashes
        assert len(tables) == len(voted)
        for table, c in zip(tables, voted, strict=True):
            assert table[0] == ["Workshop", *labels, "Total"]
            assert [r[0] for r in table[1:]] == [w.name for w in report.workshops]
            for row, wc, s in zip(table[1:], c.by_workshop, source.sessions, strict=True):
                assert s.meta.group in row[0]
                if wc.counts is None:
                    assert row[1:] == ["–"] * (len(labels) + 1)
                    assert not sum(s.votes.get(c.id, {}).values())
                    continue
                own = [s.votes.get(c.id, {}).get(o, 0) for o in protocol.option_ids]
                assert row[1:] == [str(n) for n in own] + [str(sum(own))]
                assert own == [wc.counts.get(o, 0) for o in protocol.option_ids]
            assert [sum(int(r[i]) for r in table[1:] if r[i] != "–")
                    for i in range(1, len(labels) + 1)] == [c.totals[o] for o in
                                                           protocol.option_ids]


def test_the_same_input_gives_the_same_bytes(source, protocol):
    assert (export_bytes(source.merged, protocol, "html")
            == export_bytes(source.merged, protocol, "html"))
    assert re.search(r"<section id=\"findings\"[ >]", export_bytes(source.merged, protocol,
                                                                "html").decode())
