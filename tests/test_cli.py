"""The `workshop` command: version, help, validate, the shared options, and the bare command."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from helpers import REPO

from workshop import __version__
from workshop.cli import main


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
    assert "src/workshop/protocol.toml" in capsys.readouterr().out.replace(os.sep, "/")
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
