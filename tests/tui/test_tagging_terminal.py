"""Tagging in the real program on a pseudo-terminal: keys as a terminal sends them. Pilot cannot
show these: shift+t arrives as "T", and keys typed in one burst arrive before the picker is
drawn (they must land in it, in order)."""

from __future__ import annotations

import os
import sys

import pytest
from results_fixture import merged_file
from test_tagging import MANCHESTER, codebook, on_disk
from test_themes_tab import LEEDS

from pty_terminal import Terminal
from workshop.analysis import theme_file

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="needs a POSIX pseudo-terminal")


def test_t_in_a_burst_and_shift_t_as_a_terminal_sends_them(tmp_path, protocol):
    path = merged_file(protocol, tmp_path)
    theme_file.save(codebook("Resources", "Training"), theme_file.sidecar_path(path))
    term = Terminal(["results", path.name, "--sessions", "sessions"], tmp_path)
    try:
        term.wait_for(b"5 Themes")
        os.write(term.master, b"tr\r")  # three keys at once, as a fast typist sends them
        term.read(1.0)
        os.write(term.master, b"\x1b[Btt\r")  # down, then t at once: the entry below
        term.read(1.0)
        term.type("T")  # shift+t: a terminal sends "T"
        term.wait_for(b"Show entries with the theme")
        term.type("untagged\r")
        term.read(1.0)
        # Only the untagged are listed now: the first is Leeds' comment, where without the
        # filter it would be Manchester's comment, tagged already.
        os.write(term.master, b"tt\r")
        term.read(1.0)
        term.type("\x11")  # ctrl+q
        assert term.proc.wait(15) == 0
    finally:
        term.close()
    book = on_disk(path)
    assert book.themes_of(MANCHESTER, "e1") == ("Resources",)
    assert book.themes_of(MANCHESTER, "e3") == ("Training",)  # its proposed wording
    assert book.themes_of(LEEDS, "e1") == ("Training",)
    assert len(book.tags) == 3


def test_down_and_t_in_a_burst_on_the_list_of_commitments(tmp_path, protocol):
    """t on the list of commitments tags the first entry of the commitment highlighted when t
    arrives, even when down arrived with it (its entries not yet redrawn)."""
    path = merged_file(protocol, tmp_path)
    theme_file.save(codebook("Resources", "Training"), theme_file.sidecar_path(path))
    term = Terminal(["results", path.name, "--sessions", "sessions"], tmp_path)
    try:
        term.wait_for(b"5 Themes")
        os.write(term.master, b"\x1b[Btr\r")  # 1.2: its one comment, the hostile one
        term.read(1.0)
        term.type("\x11")  # ctrl+q
        assert term.proc.wait(15) == 0
    finally:
        term.close()
    book = on_disk(path)
    assert book.themes_of(MANCHESTER, "e2") == ("Resources",)
    assert len(book.tags) == 1


def test_end_and_r_in_a_burst_rename_the_last_theme(tmp_path, protocol):
    """The Themes tab's keys act on the theme highlighted when they arrive: end, then r at
    once, renames the last theme, not the first."""
    path = merged_file(protocol, tmp_path)
    theme_file.save(codebook("Resources", "Training"), theme_file.sidecar_path(path))
    term = Terminal(["results", path.name, "--sessions", "sessions"], tmp_path)
    try:
        term.wait_for(b"5 Themes")
        term.type("5")
        term.read(0.5)
        os.write(term.master, b"\x1b[Fr")  # end, then r at once
        term.wait_for(b"Rename the theme 'Training'")
        term.type("\x15Skills\r")  # ctrl+u, a new name, enter
        term.read(1.0)
        term.type("\x11")  # ctrl+q
        assert term.proc.wait(15) == 0
    finally:
        term.close()
    assert [t.name for t in on_disk(path).themes] == ["Resources", "Skills"]


def test_a_tab_number_then_its_keys_in_a_burst(tmp_path, protocol):
    """5, end, r at once: the Themes tab's last theme is renamed (the tab's list has the
    focus as soon as 5 is read)."""
    path = merged_file(protocol, tmp_path)
    theme_file.save(codebook("Resources", "Training"), theme_file.sidecar_path(path))
    term = Terminal(["results", path.name, "--sessions", "sessions"], tmp_path)
    try:
        term.wait_for(b"5 Themes")
        os.write(term.master, b"5\x1b[Fr")
        term.wait_for(b"Rename the theme 'Training'")
        term.type("\x1b")  # escape: nothing renamed
        term.type("\x11")  # ctrl+q
        assert term.proc.wait(15) == 0
    finally:
        term.close()
