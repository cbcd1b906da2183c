"""`workshop export` with an analyst's theme file: the one beside FILE (`FILE.themes.toml`) is
picked up by itself, `--themes PATH` names another (and wins over the one beside FILE),
`--table themes` writes the themes table beside FILE, and a broken theme file is refused with
its name and exit 2, no traceback, nothing written. Driven through `workshop.cli.main.main`, as
a user runs it."""

from __future__ import annotations

import csv
import io

from themed_helpers import HOSTILE, THEME_FIGURES, untagged_book

from helpers import REPO
from workshop.analysis import theme_file
from workshop.cli.main import main
from workshop.export import export_bytes


def export(*argv) -> int:
    return main(["export", *[str(a) for a in argv], "--protocol", str(REPO / "protocol.toml")])


def test_the_theme_file_beside_the_merged_file_is_used(themed, protocol, capsysbinary):
    assert export(themed.path, "--format", "md", "-o", "-") == 0
    out = capsysbinary.readouterr().out
    assert out == export_bytes(themed.merged, protocol, "md", book=themed.book)
    assert b"\n## Themes\n" in out


def test_themes_names_another_theme_file(themed, protocol, tmp_path, capsysbinary):
    elsewhere = tmp_path / "analyst" / "mine.themes.toml"
    elsewhere.parent.mkdir()
    themed.themes_path.rename(elsewhere)
    assert export(themed.path, "--format", "html", "-o", "-") == 0
    assert capsysbinary.readouterr().out == export_bytes(themed.merged, protocol, "html")
    assert export(themed.path, "--format", "html", "-o", "-", "--themes", elsewhere) == 0
    assert capsysbinary.readouterr().out == export_bytes(themed.merged, protocol, "html",
                                                         book=themed.book)


def test_themes_wins_over_the_file_beside(themed, protocol, tmp_path, capsysbinary):
    other = tmp_path / "other.themes.toml"
    theme_file.save(untagged_book(), other)
    assert export(themed.path, "--format", "md", "-o", "-", "--themes", other) == 0
    out = capsysbinary.readouterr().out.decode()
    assert "No comments, proposed wordings or answers are tagged yet." in out
    assert out.encode() == export_bytes(themed.merged, protocol, "md", book=untagged_book())


def test_the_themes_table_beside_the_file(themed, capsys):
    assert export(themed.path, "--format", "csv", "--table", "themes") == 0
    written = themed.path.with_name("council-themes.csv")
    out = capsys.readouterr().out  # which theme file the export used is said
    assert written.name in out and f"with the {len(THEME_FIGURES)} themes of " in out
    assert out.rstrip().endswith(f"{themed.themes_path.name}.")
    rows = list(csv.DictReader(io.StringIO(written.read_text(encoding="utf-8-sig"))))
    assert [r["Theme"] for r in rows] == [
        "'" + n if n.startswith(("=", "-")) else n for n, *_ in THEME_FIGURES]
    assert export(themed.path, "--format", "xlsx") == 0
    assert themed.path.with_suffix(".xlsx").stat().st_size > 0


def test_a_broken_theme_file_is_refused_by_name(themed, capsys):
    themed.themes_path.write_text('format = "workshop-themes"\nformat_version = 1\n'
                                  f'themes = [{{ name = "{HOSTILE[:8]}", parent = "Nowhere" }}]\n',
                                  encoding="utf-8")
    assert export(themed.path, "--format", "md") == 2
    err = capsys.readouterr().err
    assert "council.themes.toml" in err and "Traceback" not in err
    assert not themed.path.with_suffix(".md").exists()
    themed.themes_path.write_text("not toml [", encoding="utf-8")
    assert export(themed.path, "--format", "docx") == 2
    err = capsys.readouterr().err
    assert "council.themes.toml:1" in err and "Traceback" not in err
    assert not themed.path.with_suffix(".docx").exists()
