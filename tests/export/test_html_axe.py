"""HTML export in a real browser (headless Chromium, axe_check.py): axe-core finds no
accessibility violation, and the page is never wider than the window, on a phone (390 pixels)
or a laptop (1280), where the tables scroll inside their own boxes (on the laptop they fit, and
on an A4 page in print too).

Needs Chromium on PATH and axe-core's axe.min.js ($AXE_CORE_JS,
/tmp/node_modules/axe-core/axe.min.js or ./node_modules/axe-core/axe.min.js; install it with
`cd /tmp && npm install axe-core`); each test skips, saying which is missing, without them.
"""

from __future__ import annotations

import pytest
from axe_check import axe_violations, find_axe, find_chromium, page_width
from export_helpers import council_sessions, save_merged

from workshop.consultation.inputs import read_result
from workshop.export import export_bytes

CHROMIUM = find_chromium()
AXE = find_axe()
needs_chromium = pytest.mark.skipif(CHROMIUM is None, reason="Chromium is not on PATH")
needs_axe = pytest.mark.skipif(
    AXE is None, reason="axe-core not found: set AXE_CORE_JS or run `cd /tmp && npm install "
    "axe-core` (looked in /tmp/node_modules and ./node_modules)")

PHONE, LAPTOP = 390, 1280
A4_TEXT = 688
"""The width of an A4 page's text in CSS pixels: 210 mm less the print style's 14 mm margins."""


def write(tmp_path, src, protocol, name: str = "page.html"):
    path = tmp_path / name
    path.write_bytes(export_bytes(src.merged, protocol, "html"))
    return path


@needs_chromium
@needs_axe
def test_axe_finds_what_it_should_on_a_bad_page(tmp_path):
    """The check itself can fail: a page with no main landmark, text outside any landmark and
    an image without a text alternative."""
    path = tmp_path / "bad.html"
    path.write_text('<!DOCTYPE html><html><head><title>x</title></head><body><p>Loose text</p>'
                    '<div role="img"></div></body></html>', encoding="utf-8")
    found = {v["id"] for v in axe_violations(path, AXE, CHROMIUM)}
    assert {"html-has-lang", "landmark-one-main", "region", "role-img-alt"} <= found


@needs_chromium
@needs_axe
@pytest.mark.parametrize("width", [PHONE, LAPTOP])
def test_no_axe_violations_in_the_council_export(council, tmp_path, protocol, width):
    # on the phone every table scrolls in its box: each must be reachable by the keyboard
    violations = axe_violations(write(tmp_path, council, protocol), AXE, CHROMIUM, width=width)
    assert violations == []


@needs_chromium
@needs_axe
def test_no_axe_violations_with_the_hostile_corpus(source, partial, tmp_path, protocol):
    for n, src in enumerate((source, partial)):
        path = write(tmp_path, src, protocol, f"page{n}.html")
        for width in (PHONE, LAPTOP):
            assert axe_violations(path, AXE, CHROMIUM, width=width) == [], (src.kind, width)


@needs_chromium
def test_the_width_check_sees_a_page_too_wide(tmp_path):
    path = tmp_path / "wide.html"
    path.write_text('<!DOCTYPE html><html lang="en"><body><table><tr><td style="white-space:'
                    'nowrap">' + "a table wider than a phone " * 5 + "</td></tr></table></body>"
                    "</html>", encoding="utf-8")
    widths = page_width(path, PHONE, CHROMIUM)
    assert widths["innerWidth"] == PHONE and widths["scrollWidth"] > PHONE and widths["wider"]


@needs_chromium
@pytest.mark.parametrize("width", [PHONE, LAPTOP])
def test_the_page_is_never_wider_than_the_window(council, source, tmp_path, protocol, width):
    for src in (council, source):
        widths = page_width(write(tmp_path, src, protocol), width, CHROMIUM)
        assert widths["innerWidth"] == width
        assert widths["scrollWidth"] <= width, widths
        assert widths["bodyScrollWidth"] <= width and widths["wider"] == [], widths
        if width == PHONE:  # the wide tables scroll in their own boxes
            assert "Votes on principle 1" in widths["scrolling"], widths
        else:  # on a laptop every table fits the page, the summary's included
            assert widths["scrolling"] == [], widths


@needs_chromium
def test_every_table_fits_an_a4_page_in_print(council, source, tmp_path, protocol):
    """The print style, applied on screen at an A4 page's text width: no table is wider than
    the page (in print the boxes do not scroll: what is wider is cut off)."""
    for n, src in enumerate((council, source)):
        page = export_bytes(src.merged, protocol, "html").decode()
        assert page.count("@media print {") == 1
        path = tmp_path / f"print{n}.html"
        path.write_text(page.replace("@media print {", "@media all {"), encoding="utf-8")
        widths = page_width(path, A4_TEXT, CHROMIUM)
        assert widths["scrollWidth"] <= A4_TEXT and widths["scrolling"] == [], widths
        assert widths["wider"] == [], widths


@needs_chromium
def test_long_words_and_long_text_keep_the_page_narrow(tmp_path, protocol):
    sessions = council_sessions(protocol)
    target = protocol.commitments[3].id
    sessions[0].add_comment(target, "x" * 5000)
    sessions[1].add_comment(target, "word " * 20000)  # 100 KB
    sessions[2].add_amendment(target, "https://example.org/" + "a" * 3000)
    path = save_merged(tmp_path / "long.toml", sessions, protocol)
    page = tmp_path / "long.html"
    page.write_bytes(export_bytes(read_result(path, protocol), protocol, "html"))
    widths = page_width(page, PHONE, CHROMIUM)
    assert widths["scrollWidth"] <= PHONE and widths["wider"] == [], widths
