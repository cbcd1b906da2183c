"""The HTML of an assessment, of a sign-up register and of a consultation with a register, in a
real browser (headless Chromium, axe_check.py): axe-core finds no accessibility violation, and
the page is never wider than a phone (390 pixels) or a laptop (1280), where the tables scroll
in their own boxes. Skips, saying what is missing, without Chromium or axe-core."""

from __future__ import annotations

from datetime import date

import pytest
from axe_check import axe_violations, find_axe, find_chromium, page_width
from export_helpers import council_sessions
from test_assessment_md_html import merged_result

from modes_helpers import SIGNATORIES, assessment, sign_up
from workshop.export import export_bytes

CHROMIUM = find_chromium()
AXE = find_axe()
needs_chromium = pytest.mark.skipif(CHROMIUM is None, reason="Chromium is not on PATH")
needs_axe = pytest.mark.skipif(
    AXE is None, reason="axe-core not found: set AXE_CORE_JS or run `cd /tmp && npm install "
    "axe-core` (looked in /tmp/node_modules and ./node_modules)")
PHONE, LAPTOP = 390, 1280


@pytest.fixture
def pages(tmp_path, protocol):
    """An assessment of two workshops (anonymised too), a sign-up of two with a superseded
    entry, and a consultation in which one organisation signed, as HTML files."""
    rated = merged_result(tmp_path, protocol, [
        assessment(protocol), assessment(protocol, "Salford", on=date(2026, 11, 25),
                                         principles=2, shift=1)], "rated.toml")
    again = {**SIGNATORIES[0], "signed": date(2027, 1, 5)}
    signed = merged_result(tmp_path, protocol, [
        sign_up(protocol), sign_up(protocol, "Bolton", [again], on=date(2027, 1, 5))],
        "signed.toml")
    council = council_sessions(protocol)
    council[0].add_signatory(**SIGNATORIES[1])
    consulted = merged_result(tmp_path, protocol, council, "council.toml")
    out = {}
    for name, merged, anonymise in (("assessment", rated, False), ("anonymised", rated, True),
                                    ("sign-up", signed, False), ("consultation", consulted,
                                                                 False)):
        out[name] = tmp_path / f"{name}.html"
        out[name].write_bytes(export_bytes(merged, protocol, "html", anonymise=anonymise))
    return out


@needs_chromium
@needs_axe
def test_no_axe_violations(pages):
    for name, path in pages.items():
        for width in (PHONE, LAPTOP):
            assert axe_violations(path, AXE, CHROMIUM, width=width) == [], (name, width)


@needs_chromium
def test_never_wider_than_the_window(pages):
    for name, path in pages.items():
        for width in (PHONE, LAPTOP):
            widths = page_width(path, width, CHROMIUM)
            assert widths["scrollWidth"] <= width and not widths["wider"], (name, width, widths)
