"""Themes in the HTML export, parsed with html.parser: the findings' themes line with a link to
the Themes section, the contents list's entry, each commitment's and question's theme counts,
and the Themes section (a table of every theme linking to its part, then each theme with its
description, figures and quotes with their workshop). Hostile theme names are text; every
link lands. In Chromium (when it and axe-core are installed), axe-core finds no violation and
the page is never wider than a phone or a laptop."""

from __future__ import annotations

import re
from html import unescape

import pytest
from axe_check import axe_violations, find_axe, find_chromium, page_width
from test_export_html import parse, section, words
from themed_helpers import (
    AMENDED_THEMES,
    COMMENTED_THEMES,
    FIRST_QUESTION_THEMES,
    HOSTILE,
    HOSTILE_CHILD,
    THEME_FIGURES,
    THEMES_LINE,
    untagged_book,
)

from workshop.export import export_bytes
from workshop.export.html_themes import THEMES_CSS

CHROMIUM, AXE = find_chromium(), find_axe()


def parts(data: bytes) -> dict[int, list[str]]:
    """Each theme's part (`t-1`, ...) → its quotes, each as its text shows."""
    page = data.decode()
    out = {}
    for n, body in re.findall(r'<div class="theme" id="t-(\d+)">(.*?)</div>', page, re.S):
        out[int(n)] = [unescape(re.sub(r"<[^>]+>", "", li))
                       for li in re.findall(r"<li>(.*?)</li>", body, re.S)]
    return out


def html(themed, protocol, book=None) -> bytes:
    return export_bytes(themed.merged, protocol, "html",
                        book=themed.book if book is None else book)


def test_findings_and_contents_lead_to_the_themes(themed, protocol):
    data = html(themed, protocol)
    findings = section(data, "findings")
    assert f"{THEMES_LINE} Every theme, with what was said." in words(findings)
    assert ("a", {"href": "#themes"}) in findings.tags
    page = parse(data)
    links = [a["href"] for t, a in page.tags if t == "a"]
    toc = links[links.index("#findings"):]
    assert toc.index("#recommendation") + 1 == toc.index("#themes")
    assert all(target[1:] in page.ids for target in links)


def test_commitments_and_questions_count_their_themes(themed, protocol):
    page = parse(html(themed, protocol))
    assert AMENDED_THEMES in page.user and COMMENTED_THEMES in page.user
    assert FIRST_QUESTION_THEMES in page.user
    text = words(page)
    assert f"Themes: {AMENDED_THEMES} Proposed wordings" in text
    assert f"Themes: {FIRST_QUESTION_THEMES} Leeds Board" in text


def test_themes_section_a_table_then_each_theme_with_its_quotes(themed, protocol):
    themes = section(html(themed, protocol), "themes")
    [table] = themes.tables
    paths = {name: f"{parent} › {name}" if parent else name
             for name, parent, *_ in THEME_FIGURES}
    assert table == [["Theme", "Entries", "Workshops"]] + [
        [paths[name], str(e), str(w)] for name, _, e, w, *_ in THEME_FIGURES]
    anchors = [a["href"] for t, a in themes.tags if t == "a"]
    assert anchors == [f"#t-{n}" for n in range(1, len(THEME_FIGURES) + 1)]
    assert {f"t-{n}" for n in range(1, len(THEME_FIGURES) + 1)} <= themes.ids
    headings = [t for t, _ in themes.tags if t in ("h3", "h4")]
    assert headings == ["h4" if parent else "h3" for _, parent, *_ in THEME_FIGURES]
    text = words(themes)
    assert "Resources › Funding 4 entries, 2 workshops. Leeds Board" in text
    assert ("Resources › Staff time Officers' and members' hours 3 entries, 3 workshops.") in text
    assert f"{HOSTILE} › {HOSTILE_CHILD} 1 entry, 1 workshop. Salford Circle" in text
    assert "Unused Nothing tagged with it yet." in text
    funding = parts(html(themed, protocol))[2]
    assert funding == [
        "Leeds Board, 2 November 2026 (comment on 1.2): Comment from Leeds Board",
        "Bristol Forum, 3 November 2026 (comment on 1.2): Comment from Bristol Forum",
        "Leeds Board, 2 November 2026 (answer to Q1): We need a budget line for this <b>now</b>",
        "Bristol Forum, 3 November 2026 (answer to Q1): =HYPERLINK(\"x\") more staff time"]
    assert parts(html(themed, protocol))[6] == [
        "Salford Circle, 5 November 2026 (answer to Q1): Training first 🎉"]
    assert parts(html(themed, protocol))[7] == []


def test_hostile_theme_names_are_text(themed, protocol):
    data = html(themed, protocol)
    page = parse(data)
    assert "script" not in [t for t, _ in page.tags] and "b" not in [t for t, _ in page.tags]
    assert HOSTILE in page.user and "<b>not bold</b> =1+1" in page.user
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in data.decode()
    assert all(a["href"].startswith("#") for t, a in page.tags if "href" in a)


def test_a_codebook_with_nothing_tagged_says_so(themed, protocol):
    themes = section(html(themed, protocol, untagged_book()), "themes")
    assert themes.tables == []
    assert words(themes) == ("Themes No comments, proposed wordings or answers are tagged yet. "
                             f"The codebook's themes: Resources; Resources › Funding; {HOSTILE}.")


def test_without_a_theme_file_no_themes_and_no_theme_style(themed, protocol):
    data = export_bytes(themed.merged, protocol, "html").decode()
    assert 'id="themes"' not in data and "Themes" not in data
    assert THEMES_CSS not in data and THEMES_CSS in html(themed, protocol).decode()


@pytest.mark.skipif(CHROMIUM is None, reason="Chromium is not on PATH")
@pytest.mark.skipif(AXE is None, reason="axe-core not found: set AXE_CORE_JS or run `cd /tmp "
                    "&& npm install axe-core`")
@pytest.mark.parametrize("width", [390, 1280])
def test_no_axe_violations_and_never_wider_than_the_window(themed, protocol, tmp_path, width):
    for book in (None, untagged_book()):
        path = tmp_path / "themes.html"
        path.write_bytes(html(themed, protocol, book))
        assert axe_violations(path, AXE, CHROMIUM, width=width) == []
        widths = page_width(path, width, CHROMIUM)
        assert widths["scrollWidth"] <= width and widths["wider"] == [], widths
        if width == 1280:
            assert widths["scrolling"] == [], widths
