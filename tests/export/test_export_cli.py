"""`workshop export`: where the file goes, standard output, atomic replacement, refusals, and
the same bytes for the same input. The command is driven through its own parser, built the way
cli.py builds every command (export_cli.add_parser under a `workshop` parser)."""

from __future__ import annotations

import argparse
import io
import os
import subprocess
import sys
import zipfile
from datetime import datetime, timezone
from pathlib import Path

import pytest
from export_helpers import save_session

from workshop.cli import export as export_cli
from workshop.errors import StoreError, WorkshopError
from workshop.export import FORMATS, TABLES, default_output_path, export_bytes

MODULES = Path(export_cli.__file__).parent.parent / "export"


def run(argv: list[str], protocol) -> int:
    shared = argparse.ArgumentParser(add_help=False)
    parser = argparse.ArgumentParser(prog="workshop")
    commands = parser.add_subparsers(dest="command")
    export_cli.add_parser(commands, shared)
    args = parser.parse_args(["export", *[str(a) for a in argv]])
    return export_cli.cmd_export(args, protocol)


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


@pytest.mark.parametrize("fmt", list(FORMATS))
def test_default_output_is_beside_the_input(source, protocol, fmt, capsys):
    assert run([source.path, "--format", fmt], protocol) == 0
    out = source.path.with_suffix(FORMATS[fmt].extension)
    assert out.read_bytes() == export_bytes(source.merged, protocol, fmt)
    assert out.name in capsys.readouterr().out
    assert leftovers(source.path.parent) == []


def test_default_names(tmp_path):
    src = tmp_path / "2026-11-22_board_1a2b3c4d.toml"
    assert default_output_path(src, "md") == tmp_path / "2026-11-22_board_1a2b3c4d.md"
    assert default_output_path(src, "csv") == tmp_path / "2026-11-22_board_1a2b3c4d.csv"
    comments = default_output_path(src, "csv", "comments")
    assert comments == tmp_path / "2026-11-22_board_1a2b3c4d-comments.csv"
    assert default_output_path(src, "docx").suffix == ".docx"


@pytest.mark.parametrize("table", TABLES)
def test_csv_tables_and_stdout(source, protocol, table, capsysbinary):
    assert run([source.path, "--format", "csv", "--table", table, "-o", "-"], protocol) == 0
    assert capsysbinary.readouterr().out == export_bytes(source.merged, protocol, "csv", table)
    assert not default_output_path(source.path, "csv", table).exists()


@pytest.mark.parametrize("fmt", ["md", "html"])
def test_text_formats_to_stdout(source, protocol, fmt, capsysbinary):
    assert run([source.path, "-f", fmt, "-o", "-"], protocol) == 0
    assert capsysbinary.readouterr().out == export_bytes(source.merged, protocol, fmt)


@pytest.mark.parametrize("fmt", ["xlsx", "docx"])
def test_binary_formats_refuse_stdout(source, protocol, fmt):
    with pytest.raises(WorkshopError, match="cannot be written to standard output"):
        run([source.path, "-f", fmt, "-o", "-"], protocol)


def test_output_into_a_folder_and_to_a_name(source, protocol, tmp_path):
    folder = tmp_path / "out"
    folder.mkdir()
    run([source.path, "-f", "html", "-o", folder], protocol)
    assert (folder / (source.path.stem + ".html")).is_file()
    named = tmp_path / "report for committee.docx"
    run([source.path, "-f", "docx", "-o", named], protocol)
    assert zipfile.is_zipfile(named)


def test_an_existing_file_is_replaced_atomically(source, protocol, tmp_path, monkeypatch):
    out = tmp_path / "results.md"
    out.write_text("old results\n")
    run([source.path, "-f", "md", "-o", out], protocol)
    assert out.read_bytes() == export_bytes(source.merged, protocol, "md")

    out.write_text("old results\n")

    def fail(*_):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", fail)
    with pytest.raises(StoreError, match="previous version of the file is unchanged"):
        run([source.path, "-f", "md", "-o", out], protocol)
    assert out.read_text() == "old results\n"
    assert leftovers(tmp_path) == []


def test_refusals(source, protocol, tmp_path):
    with pytest.raises(WorkshopError, match="is the file being exported"):
        run([source.path, "-f", "md", "-o", source.path], protocol)
    with pytest.raises(WorkshopError, match="--table chooses the CSV table"):
        run([source.path, "-f", "xlsx", "--table", "comments"], protocol)
    bad = tmp_path / "bad.toml"
    bad.write_text('format = "something-else"\n')
    with pytest.raises(WorkshopError, match="not a workshop session or merged file"):
        run([bad, "-f", "md"], protocol)
    assert not (tmp_path / "bad.md").exists()
    with pytest.raises(SystemExit):
        run([source.path, "-f", "pdf"], protocol)


@pytest.mark.parametrize("fmt", list(FORMATS))
def test_same_input_same_bytes(source, protocol, fmt, monkeypatch):
    first = export_bytes(source.merged, protocol, fmt)
    later = datetime.now().timestamp() + 86400 * 400
    monkeypatch.setattr("time.time", lambda: later)  # zip entries would be dated by the clock
    assert export_bytes(source.merged, protocol, fmt) == first
    if not FORMATS[fmt].text:
        with zipfile.ZipFile(io.BytesIO(first)) as z:
            newest = max(s.updated for s in source.sessions).astimezone(timezone.utc)
            assert {i.date_time for i in z.infolist()} == {newest.timetuple()[:6]}
            core = z.read("docProps/core.xml").decode()
            assert newest.strftime("%Y-%m-%dT%H:%M:%SZ") in core


def test_partial_session_exports_in_every_format(partial, protocol, tmp_path):
    for fmt in FORMATS:
        assert run([partial.path, "-f", fmt, "-o", tmp_path / f"mid.{fmt}"], protocol) == 0
    assert "No votes yet" in (tmp_path / "mid.md").read_text()


def test_an_exported_session_file_from_a_folder(protocol, sessions, tmp_path):
    path = save_session(tmp_path / "s", sessions[1], protocol)
    run([path, "-f", "csv", "--table", "sessions"], protocol)
    assert default_output_path(path, "csv", "sessions").is_file()


def test_export_modules_do_not_import_textual_and_stay_small():
    code = ("import sys, workshop.cli.export, workshop.export\n"
            "from workshop.export import markdown, csv_export, xlsx, html_export, docx_export\n"
            "print([m for m in sys.modules if m == 'textual' or m.startswith('textual.')])")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"
    for path in [*MODULES.glob("*.py"), Path(export_cli.__file__)]:
        text = path.read_text(encoding="utf-8")
        assert len(text.splitlines()) < 400, path
        assert text.startswith('"""'), f"{path.name} needs a module docstring"
