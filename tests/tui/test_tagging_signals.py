"""A terminal closed (SIGHUP) while the results view holds themes a failed save could not write:
the themes are saved once more as the program exits."""

from __future__ import annotations

import signal
import sys

import pytest
from results_fixture import merged_file
from test_tagging import codebook

from helpers import block_saving, unblock_saving
from pty_terminal import Terminal
from workshop.analysis import theme_file

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="needs a POSIX pseudo-terminal")


def test_sighup_saves_themes_a_failed_save_left_behind(tmp_path, protocol):
    path = merged_file(protocol, tmp_path)
    sidecar = theme_file.sidecar_path(path)
    theme_file.save(codebook("Resources"), sidecar)
    term = Terminal(["results", path.name, "--sessions", "sessions"], tmp_path)
    try:
        term.wait_for(b"5 Themes")
        block_saving(sidecar)
        term.type("tAccess\r")  # a new theme on the first comment: its save fails
        term.wait_for(b"NOT SAVED")
        unblock_saving(sidecar)  # the disk has room again, but nothing has saved since
        assert not sidecar.exists()
        term.proc.send_signal(signal.SIGHUP)
        assert term.proc.wait(15) == 0
    finally:
        term.close()
    book = theme_file.load(sidecar)
    assert [t.name for t in book.themes] == ["Resources", "Access"] and len(book.tags) == 1
