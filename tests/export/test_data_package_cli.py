"""`workshop export FILE --format data`: the folder beside FILE by default or the one -o names
(created, other files in it left alone), the theme file beside FILE, CSV only with one line
saying so when pyarrow is missing, and refusals (`-o -`, `--table`, a file for a folder) with
exit status 2 and a message. Driven through the real entry point, `workshop.cli.main.main`."""

from __future__ import annotations

import os
import sys

import frictionless
import pytest

from helpers import REPO
from workshop.analysis import theme_file
from workshop.analysis.book import ThemeBook
from workshop.cli.main import main
from workshop.export import default_data_folder
from workshop.export.data_tables import TABLE_NAMES

PROTOCOL = str(REPO / "protocol.toml")


def export(*argv) -> int:
    return main(["export", *[str(a) for a in argv], "--protocol", PROTOCOL])


def test_default_folder_is_beside_the_file(council, capsys):
    assert export(council.path, "--format", "data") == 0
    folder = council.path.with_name("council-data")
    assert default_data_folder(council.path) == folder
    assert (folder / "datapackage.json").is_file()
    assert frictionless.validate(str(folder / "datapackage.json")).valid
    out = capsys.readouterr().out
    assert out == (f"Wrote {folder}{os.sep}: a data package of 4 sessions "
                   f"({len(TABLE_NAMES)} tables as CSV and Parquet, described in "
                   "datapackage.json).\n")
    assert not [p for p in folder.parent.rglob("*.tmp")]


def test_a_named_folder_is_created_and_its_other_files_kept(council, tmp_path, capsys):
    folder = tmp_path / "share" / "open-data"
    assert export(council.path, "-f", "data", "-o", folder, "--raw-text") == 0
    assert "text as typed" in capsys.readouterr().out
    (folder / "README.txt").write_text("the data team's notes\n")
    (folder / "analysis.R").write_text("# mine\n")
    assert export(council.path, "-f", "data", "-o", folder) == 0
    assert (folder / "README.txt").read_text() == "the data team's notes\n"
    assert (folder / "analysis.R").read_text() == "# mine\n"
    assert len(list(folder.iterdir())) == 2 * len(TABLE_NAMES) + 1 + 2


def test_the_theme_file_beside_the_file_is_used(council, protocol, tmp_path):
    book = ThemeBook()
    book.add("Resources")
    note = council.merged.sessions()[0]
    entry = next(e for items in note.amendments.values() for e in items)
    target = next(iter(note.amendments))
    book.tag(note.id, entry.id, "amendments", target, entry.text, "Resources")
    theme_file.save(book, theme_file.sidecar_path(council.path))
    assert export(council.path, "-f", "data", "-o", tmp_path / "pkg") == 0
    lines = (tmp_path / "pkg" / "entry_themes.csv").read_text().splitlines()
    assert lines[1:] == [f"{note.id},{entry.id},proposed wording,{target},Resources"]


def test_without_pyarrow_the_package_is_csv_only_and_says_so(council, tmp_path, monkeypatch,
                                                             capsys):
    folder = tmp_path / "pkg"
    monkeypatch.setitem(sys.modules, "pyarrow", None)
    monkeypatch.setitem(sys.modules, "pyarrow.parquet", None)
    assert export(council.path, "-f", "data", "-o", folder) == 0
    out = capsys.readouterr().out.splitlines()
    assert "tables as CSV, described" in out[0]
    assert out[1:] == ["CSV only: pyarrow is not installed, so no Parquet files "
                       "(pip install 'workshop[parquet]' adds them)."]
    assert sorted(p.suffix for p in folder.iterdir()) == [".csv"] * len(TABLE_NAMES) + [".json"]
    assert "parquet" not in (folder / "datapackage.json").read_text()
    assert frictionless.validate(str(folder / "datapackage.json")).valid


def test_parquet_left_from_an_earlier_export_is_named(council, tmp_path, monkeypatch, capsys):
    folder = tmp_path / "pkg"
    assert export(council.path, "-f", "data", "-o", folder) == 0
    before = (folder / "votes.parquet").read_bytes()
    monkeypatch.setitem(sys.modules, "pyarrow", None)
    capsys.readouterr()
    assert export(council.path, "-f", "data", "-o", folder) == 0
    last = capsys.readouterr().out.splitlines()[-1]
    assert last == (f"Out of date: {len(TABLE_NAMES)} Parquet files from an earlier export, "
                    f"left in {folder}{os.sep} (this export wrote none).")
    assert (folder / "votes.parquet").read_bytes() == before  # never deleted


@pytest.mark.parametrize("argv, message", [
    (["-o", "-"], "a data package is a folder of files and cannot be written to standard "
                  "output; give a folder with -o, or leave -o out for {folder}"),
    (["--table", "comments"], "--table chooses the CSV table; the data package holds every "
                              "table"),
])
def test_refusals_exit_2_with_a_message(council, argv, message, capsys):
    assert export(council.path, "-f", "data", *argv) == 2
    captured = capsys.readouterr()
    assert captured.err.strip() == message.format(folder=council.path.with_name("council-data"))
    assert captured.out == ""
    assert not council.path.with_name("council-data").exists()


def test_a_file_is_no_folder(council, tmp_path, capsys):
    taken = tmp_path / "results.csv"
    taken.write_text("keep me\n")
    assert export(council.path, "-f", "data", "-o", taken) == 2
    assert "is a file, not a folder" in capsys.readouterr().err
    assert taken.read_text() == "keep me\n"
    assert export(council.path, "-f", "data", "-o", council.path) == 2
    assert "is a file, not a folder" in capsys.readouterr().err
