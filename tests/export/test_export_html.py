"""HTML export: parsed with html.parser, the page is self-contained, has a table of contents
whose links all land, a chart per principle and per commitment, the marks, every figure and
every word; the corpus makes no element, attribute or link."""

from __future__ import annotations

from html.parser import HTMLParser

from export_helpers import one_break, share, visible

from workshop.consultation.marks import commitment_results
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
        self._stack: list[tuple[str, bool, bool]] = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        self.tags.append((tag, a))
        if "id" in a:
            self.ids.add(a["id"])
        if tag in ("meta", "br"):
            return
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


def parse(data: bytes) -> Page:
    page = Page()
    page.feed(data.decode("utf-8"))
    page.close()
    return page


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
    svgs = [a for t, a in page.tags if t == "svg" and a.get("role") == "img"]
    assert len(svgs) == len(protocol.principles) + len(protocol.commitments)
    labels = [a["aria-label"] for a in svgs]
    for pn, p in enumerate(protocol.principles, start=1):
        assert any(label.startswith(f"Votes on principle {pn}, ") for label in labels)
        for cn, c in enumerate(p.commitments, start=1):
            label = next(x for x in labels if x.startswith(f"Votes on {pn}.{cn}: "))
            totals = source.totals(protocol, c.id)
            total = sum(totals.values())
            for o in protocol.vote_options:
                n = totals[o.id]
                assert f"{o.label} {n} ({share(n, total)}%)" in label if total else (
                    label.endswith("No votes"))
    results = commitment_results(source.merged, protocol)
    marks = [r.mark for r in results]
    text = "".join(page.text)
    for mark, label in (("contested", "Contested"), ("consensus", "Consensus")):
        if mark in marks:
            spans = [a for t, a in page.tags
                     if t == "span" and a.get("class") == f"mark mark-{mark}"]
            assert len(spans) == 2 * marks.count(mark) + 1  # table, heading, and the key
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
    for s in source.sessions:
        assert s.meta.group in shown and s.meta.location in shown
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
