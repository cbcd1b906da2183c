"""The suggested themes in the real program on a pseudo-terminal: a new name typed in the same
burst as `r` goes into the name, and its letters never reach the list (where `a` accepts and
`x` rejects)."""

from __future__ import annotations

import os
import sys

import pytest

from pty_terminal import Terminal
from test_themes_suggest_cli import MONEY, consultation
from workshop.analysis import theme_file
from workshop.consultation.inputs import read_result
from workshop.consultation.report_build import build_report

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="needs a POSIX pseudo-terminal")


def test_rename_typed_in_one_burst_then_accept(tmp_path, protocol):
    path = consultation(protocol, tmp_path)
    term = Terminal(["results", path.name, "--sessions", "sessions"], tmp_path)
    try:
        term.wait_for(b"5 Themes")
        term.type("S")
        term.wait_for(b"1 of 3")
        # r, words added to the name (an a and an x among them) and enter, all at once: the
        # letters go into the name, none reaches the list (where a accepts and x rejects).
        # (Not ctrl+u in the burst: Textual 8.2.8 drops the keys that come with a ctrl+u in
        # one read, in any Input; typed at a person's pace it works.)
        os.write(term.master, b"r and tax\r")
        term.read(1.0)
        term.type("a")
        term.wait_for(b"2 of 3")
        term.type("\x1b")  # escape: back to the results, the rest left untagged
        term.read(1.0)
        term.type("\x11")  # ctrl+q
        assert term.proc.wait(15) == 0
    finally:
        term.close()
    book = theme_file.load(theme_file.sidecar_path(path))
    assert [t.name for t in book.themes] == ["budget · money · funding · partners and tax"]
    report = build_report(read_result(path, protocol), protocol, book)
    assert {n.text for n in report.notes() if n.themes} == set(MONEY)
