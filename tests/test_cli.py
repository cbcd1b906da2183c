"""The `workshop` command: version, help, validate, the shared options, and the bare command."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from helpers import REPO
from workshop import __version__
from workshop.cli.main import main


def run(*args, cwd):
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    return subprocess.run([sys.executable, "-m", "workshop", *args], capture_output=True,
                          text=True, cwd=cwd, env=env)


def test_version(capsys):
    with pytest.raises(SystemExit) as done:
        main(["--version"])
    assert done.value.code == 0
    assert capsys.readouterr().out.strip() == f"workshop {__version__}"


def test_help_lists_commands_options_and_reserved_keys(capsys):
    with pytest.raises(SystemExit):
        main(["--help"])
    out = capsys.readouterr().out
    for words in ("validate", "--protocol PATH", "--sessions DIR", "c e j k n p q r w"):
        assert words in out


def test_validate_shipped_protocol(capsys):
    assert main(["validate", str(REPO / "protocol.toml")]) == 0
    out = capsys.readouterr().out
    assert "6 principles, 37 commitments, 6 questions" in out
    assert "Standards in partnerships protocol" in out


def test_validate_uses_protocol_option_and_local_file(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert main(["validate"]) == 0  # no ./protocol.toml: the bundled one
    assert "src/workshop/protocol/protocol.toml" in capsys.readouterr().out.replace(os.sep, "/")
    (tmp_path / "protocol.toml").write_text("broken = [", encoding="utf-8")
    assert main(["validate"]) == 2  # ./protocol.toml wins when present
    assert "protocol.toml:1" in capsys.readouterr().err
    assert main(["--protocol", str(REPO / "protocol.toml"), "validate"]) == 0
    assert main(["validate", "--protocol", str(REPO / "protocol.toml")]) == 0


def test_bare_command_with_a_broken_protocol_exits_2(tmp_path):
    bad = tmp_path / "p.toml"
    bad.write_text('id = "x"\n', encoding="utf-8")
    result = run("--protocol", str(bad), "--sessions", str(tmp_path), cwd=tmp_path)
    assert result.returncode == 2
    assert "p.toml: title: missing required key 'title'" in result.stderr
    assert "Traceback" not in result.stderr


def test_unknown_command_is_a_usage_error(capsys):
    with pytest.raises(SystemExit) as done:
        main(["frobnicate"])
    assert done.value.code == 2
    assert "invalid choice" in capsys.readouterr().err


def test_open_a_bad_session_file_is_reported_before_any_screen(tmp_path, capsys):
    bad = tmp_path / "s.toml"
    bad.write_text('format = "workshop-session"\nformat_version = 9\n', encoding="utf-8")
    assert main(["open", str(bad)]) == 2
    err = capsys.readouterr().err
    assert "s.toml:2: format_version: format version 9 is from a newer version" in err
    assert main(["open", str(tmp_path / "missing.toml")]) == 2
    assert "missing.toml: no such file" in capsys.readouterr().err


def test_new_checks_its_options(capsys):
    assert main(["new", "--group", "  ", "--facilitator", "F"]) == 2
    assert "--group must not be empty" in capsys.readouterr().err
    with pytest.raises(SystemExit) as done:
        main(["new", "--group", "G", "--facilitator", "F", "--date", "22/11/2026"])
    assert done.value.code == 2
    assert "is not a date like 2026-11-22" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        main(["new", "--group", "G", "--facilitator", "F", "--participants", "-3"])
    assert "is not a whole number" in capsys.readouterr().err
