"""Text typed in a dialog is kept byte for byte, including the characters Python calls
unprintable: zero-width joiners (a family emoji is one picture, not four faces), non-breaking
spaces, U+FEFF and direction marks. The keys are made by Textual's own terminal parser from the
bytes a terminal sends, and posted to the app as a terminal driver would."""

from __future__ import annotations

import signal
import sys

import pytest
from textual._xterm_parser import XTermParser
from textual.events import Key
from tui_helpers import SIZE, details, make_app, saved, settle

from workshop.session.file_format import read_session
from workshop.tui.dialogs.early_keys import typed_text
from workshop.tui.dialogs.text_entry import TextEntryDialog

FAMILY = "👨\u200d👩\u200d👧\u200d👦"
HOSTILE = (f"{FAMILY} a\u00a0b \ufeffc \u200eleft\u200f \u202ax\u202c \u2066y\u2069 "
           "z\u200bw\u200c \u00ad e\u0301")
"""A family (joined by U+200D), a no-break space, U+FEFF, LRM/RLM, an embedding and an isolate,
a zero-width space and non-joiner, a soft hyphen, a combining accent."""


def terminal_keys(text: str) -> list[Key]:
    """The key events Textual's parser makes from these characters as a terminal sends them."""
    parser = XTermParser()
    keys = [event for event in parser.feed(text) if isinstance(event, Key)]
    keys += [event for event in parser.feed("") if isinstance(event, Key)]
    return keys


def test_the_parser_makes_one_key_per_character():
    keys = terminal_keys(HOSTILE)
    assert "".join(k.character or "" for k in keys) == HOSTILE
    assert any(not k.is_printable for k in keys)  # the ones TextArea used to drop


@pytest.mark.parametrize("character", ["\u200d", "\u00a0", "\ufeff", "\u200e", "\u200f",
                                       "\u2066", "\u00ad", "\U000f0001"])
def test_format_characters_and_spaces_are_typed(character):
    assert typed_text(Key("x", character)) == character


@pytest.mark.parametrize("key,character", [("enter", "\r"), ("escape", "\x1b"),
                                           ("ctrl+s", "\x13"), ("backspace", "\x7f"),
                                           ("tab", "\t"), ("f1", None)])
def test_control_keys_type_nothing(key, character):
    assert typed_text(Key(key, character)) is None


async def test_typed_joiners_and_marks_are_saved_byte_for_byte(protocol, folder):
    app = make_app(protocol, folder, new_details=details())
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("n", "c")
        await pilot.pause()
        assert isinstance(app.screen, TextEntryDialog)
        for key in terminal_keys(HOSTILE):
            app.post_message(key)
        await pilot.pause()
        assert app.screen.text == HOSTILE
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert saved(app).comments["share-resources"][0].text == HOSTILE


async def test_joiners_typed_before_the_dialog_is_ready_are_kept(protocol, folder):
    """`c` and the words in one burst: the first characters reach the dialog before its editor
    has the focus (EarlyKeys keeps them), joiners included."""
    app = make_app(protocol, folder, new_details=details())
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("n")
        await settle(pilot)
        for key in [Key("c", "c"), *terminal_keys(FAMILY)]:
            app.post_message(key)
        await pilot.pause()
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert saved(app).comments["share-resources"][0].text == FAMILY


@pytest.mark.skipif(sys.platform == "win32", reason="needs a POSIX pseudo-terminal")
def test_a_real_terminal_types_the_family_as_one(tmp_path, protocol):
    """The same in a real pseudo-terminal: the UTF-8 bytes a terminal sends for the family."""
    from pty_terminal import Terminal

    term = Terminal(["new", "--group", "G", "--facilitator", "F", "--sessions", "sessions"],
                    tmp_path, env={"HOME": str(tmp_path), "TMPDIR": str(tmp_path)})
    try:
        term.wait_for(b"Introduction")
        term.type("n")
        term.wait_for(b"Achieve intended outcomes")
        term.type("c")
        term.wait_for(b"Comment on")
        term.type(HOSTILE, pause=0.02)
        term.read(0.5)
        term.type("\x13")  # ctrl+s
        term.read(1.0)
        term.proc.send_signal(signal.SIGTERM)
        assert term.proc.wait(15) == 0
    finally:
        term.close()
    path, = (tmp_path / "sessions").glob("*.toml")
    assert read_session(path, protocol).comments["share-resources"][0].text == HOSTILE
