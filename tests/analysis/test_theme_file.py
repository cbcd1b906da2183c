"""The theme file (analysis/theme_file.py): its place beside a merged file, byte-stable round
trips with hostile text, atomic saves, and clear errors for a damaged file."""

from __future__ import annotations

import os
import tomllib
from pathlib import Path

import pytest

from workshop.analysis import theme_file
from workshop.analysis.book import ThemeBook
from workshop.analysis.theme_file import ThemeFileError, sidecar_path

HOSTILE = ["[bold]loud[/bold]", "<script>alert(1)</script>", "=SUM(A1)", "🎉👩‍👩‍👧",
           'say "hi" \\ back', "\x00nul \x1b[31mred", "\u202eright-to-left"]


def hostile_book() -> ThemeBook:
    book = ThemeBook()
    book.add("Resources", 'Money "and" staff\nsecond line =SUM(A1)')
    book.add("[bold]Funding[/bold]", parent="Resources")
    book.add("=cmd|' /C calc'!A0")
    for n, text in enumerate(HOSTILE, start=1):
        book.tag(HOSTILE[n % len(HOSTILE)], f"e{n}", "comments", "share-resources", text,
                 "[bold]Funding[/bold]")
    book.tag("s", "e10", "answers", "q1", "x", "=cmd|' /C calc'!A0")
    book.tag("s", "e2", "amendments", "c", "y", "Resources")
    return book


def test_sidecar_sits_beside_the_file_it_belongs_to(tmp_path):
    assert sidecar_path(tmp_path / "consultation.toml") == tmp_path / "consultation.themes.toml"
    assert sidecar_path("a/b.c.toml") == Path("a/b.c.themes.toml")
    assert theme_file.is_theme_file(sidecar_path("x.toml"))


def test_round_trip_keeps_every_byte_and_is_stable(tmp_path):
    book = hostile_book()
    path = tmp_path / "c.themes.toml"
    theme_file.save(book, path)
    again = theme_file.load(path)
    assert again == book
    assert again.find("Resources").description == 'Money "and" staff\nsecond line =SUM(A1)'
    assert theme_file.dumps_book(again) == path.read_bytes()
    data = tomllib.loads(path.read_text("utf-8"))
    assert data["format"] == "workshop-themes" and data["format_version"] == 1
    # tags in a fixed order: by session, then entry number (e2 before e10)
    order = [(t["session"], t["entry"]) for t in data["tags"]]
    assert order == sorted(order, key=lambda r: (r[0], int(r[1][1:])))
    assert order.index(("s", "e2")) < order.index(("s", "e10"))


def test_missing_sidecar_is_an_empty_book(tmp_path):
    assert theme_file.load_sidecar(tmp_path / "none.toml") == ThemeBook()


def test_save_leaves_no_temp_file_and_keeps_the_mode(tmp_path):
    path = tmp_path / "c.themes.toml"
    theme_file.save(hostile_book(), path)
    os.chmod(path, 0o640)
    theme_file.save(ThemeBook(), path)
    assert os.stat(path).st_mode & 0o777 == 0o640
    assert sorted(p.name for p in tmp_path.iterdir()) == ["c.themes.toml"]


BAD = [
    ('format = "workshop-session"\n', "not a workshop theme file", 1),
    ('format = "workshop-themes"\nformat_version = 9\n', "newer version", 2),
    ('format = "workshop-themes"\nformat_version = 1\nextra = 1\n', "unknown key 'extra'", 3),
    ('format = "workshop-themes"\nformat_version = 1\n[[themes]]\nname = "A"\n[[themes]]\n'
     'name = "a"\n', "listed twice", 6),
    ('format = "workshop-themes"\nformat_version = 1\n[[themes]]\nname = "A"\nparent = "B"\n',
     "no theme 'B'", 5),
    ('format = "workshop-themes"\nformat_version = 1\n[[themes]]\nname = "A"\nparent = "B"\n'
     '[[themes]]\nname = "B"\nparent = "A"\n', "two levels", None),
    ('format = "workshop-themes"\nformat_version = 1\n[[themes]]\nname = " A"\n', "spaces", 4),
    ('format = "workshop-themes"\nformat_version = 1\n[[tags]]\nsession = "s"\nentry = "e1"\n'
     'kind = "comments"\ntarget = "c"\nthemes = ["Nope"]\ndigest = "x"\n',
     "'Nope' is not a theme", 8),
    ('format = "workshop-themes"\nformat_version = 1\n[[tags]]\nsession = "s"\nentry = "e1"\n'
     'kind = "votes"\ntarget = "c"\nthemes = []\ndigest = "x"\n', "must be one of", 6),
    ('format = "workshop-themes"\nformat_version = 1\n[[tags]]\nsession = "s"\n',
     "missing required key 'entry'", 3),
    ('format = "workshop-themes"\nformat_version = 1\nthemes = 3\n', "must be a list", 3),
    ("format = \n", "", 1),
    (b"\xff\xfe".decode("latin-1"), "", None),
]


@pytest.mark.parametrize("text, message, line", BAD)
def test_a_damaged_file_names_file_line_and_problem(tmp_path, text, message, line):
    path = tmp_path / "c.themes.toml"
    path.write_bytes(text.encode("latin-1") if text.startswith("\xff") else text.encode())
    before = path.read_bytes()
    with pytest.raises(ThemeFileError) as caught:
        theme_file.load(path)
    shown = str(caught.value)
    assert "c.themes.toml" in shown and message in shown
    if line is not None:
        assert f"c.themes.toml:{line}" in shown
    assert path.read_bytes() == before
