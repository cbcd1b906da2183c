"""Every command ends quietly when the reader of its output stops reading (`| head -1`).

Each command runs in its own process with its standard output a pipe whose reading end is
closed: before this, `workshop merge … | head -3` ended in a `BrokenPipeError` traceback (or
Python's "Exception ignored … BrokenPipeError" at exit). Now standard error stays empty and the
exit status is 1 (cli/main.py `EXIT_CLOSED_PIPE`; `--help` and `--version`, which argparse
prints and exits from itself, 0). A real shell pipe into `head -1` is tried too.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from datetime import date

import pytest

from helpers import REPO
from workshop.cli.main import main
from workshop.cli.options import EXIT_CLOSED_PIPE
from workshop.session.file_format import dumps_session
from workshop.session.model import Session

ENV = {**os.environ, "PYTHONIOENCODING": "utf-8"}


@pytest.fixture
def sessions(tmp_path, protocol):
    """Two session files, one with a comment long enough that a Markdown export is more than a
    pipe's buffer (so the pipe breaks while writing, not only in the flush at exit)."""
    folder = tmp_path / "sessions"
    folder.mkdir()
    for n, group in enumerate(("Leeds Board", "Bristol Forum")):
        session = Session.new(protocol, group, "F", on=date(2026, 11, 2 + n),
                              session_id=f"{n}0000000-0000-4000-8000-000000000000")
        session.set_votes("share-resources", {"agree": 3 + n, "disagree": 1})
        session.add_comment("share-resources", "A long comment. " * 20_000)
        (folder / f"{group.split()[0].lower()}.toml").write_bytes(dumps_session(session))
    return folder


def closed_pipe(*args: str, cwd) -> tuple[int, str]:
    """Run `workshop ARGS` with standard output a pipe closed before it writes a byte."""
    process = subprocess.Popen([sys.executable, "-m", "workshop", *args], cwd=cwd, env=ENV,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    process.stdout.close()  # the reader has gone
    err = process.stderr.read().decode("utf-8")
    return process.wait(timeout=60), err


def commands(folder):
    protocol = str(REPO / "protocol.toml")
    return {
        "merge": ["merge", str(folder), "-o", str(folder.parent / "merged.toml")],
        "export to stdout": ["export", str(folder / "leeds.toml"), "--format", "md", "-o", "-"],
        "export to a file": ["export", str(folder / "leeds.toml"), "--format", "csv"],
        "validate": ["validate", protocol],
        "help": ["--help"],
        "a command's help": ["merge", "--help"],
        "version": ["--version"],
    }


@pytest.mark.parametrize("name", ["merge", "export to stdout", "export to a file", "validate"])
def test_a_closed_pipe_ends_every_command_quietly(sessions, tmp_path, name):
    status, err = closed_pipe(*commands(sessions)[name], cwd=tmp_path)
    assert err == ""  # no traceback, no "Exception ignored"
    assert status == EXIT_CLOSED_PIPE


@pytest.mark.parametrize("name", ["help", "a command's help", "version"])
def test_help_and_version_into_a_closed_pipe_are_quiet(sessions, tmp_path, name):
    """argparse prints these itself and ignores a failed write, then exits 0: quiet as well."""
    status, err = closed_pipe(*commands(sessions)[name], cwd=tmp_path)
    assert (status, err) == (0, "")


def test_what_a_command_writes_to_files_is_whole_before_the_pipe_breaks(sessions, tmp_path):
    status, err = closed_pipe(*commands(sessions)["merge"], cwd=tmp_path)
    assert (status, err) == (EXIT_CLOSED_PIPE, "")
    merged = (tmp_path / "merged.toml").read_text(encoding="utf-8")
    assert 'format = "workshop-merged"' in merged and "Bristol Forum" in merged


@pytest.mark.skipif(not (shutil.which("bash") and shutil.which("head")), reason="needs bash, head")
@pytest.mark.parametrize("name", ["merge", "export to stdout", "validate"])
def test_piped_into_head(sessions, tmp_path, name):
    """As a facilitator types it, `workshop … | head -1`, in bash with pipefail so the
    command's own status is seen. A line is put in the pipe first, so `head` has its line and has
    gone before workshop writes (otherwise `head` may read short output whole, and the pipe never
    breaks)."""
    words = " ".join(f"'{w}'" for w in commands(sessions)[name])
    line = (f"set -o pipefail; (echo first; sleep 0.3; '{sys.executable}' -m workshop {words}) "
            "| head -1")
    result = subprocess.run(["bash", "-c", line], cwd=tmp_path, env=ENV, capture_output=True,
                            text=True, timeout=60)
    assert result.stdout == "first\n"
    assert result.stderr == ""  # no traceback, no "Exception ignored"
    assert result.returncode == EXIT_CLOSED_PIPE


class ClosedPipe:
    """A stream whose reader has gone: every write raises, as a pipe's does."""

    def write(self, text: str) -> int:
        raise BrokenPipeError(32, "Broken pipe")

    def flush(self) -> None:
        pass


def test_a_problem_reported_into_a_closed_pipe_is_quiet_too(tmp_path, monkeypatch):
    """`workshop validate bad.toml 2>&1 | head`: the report on standard error meets the closed
    pipe (in this process, so what main() does with it is seen)."""
    bad = tmp_path / "bad.toml"
    bad.write_text("k = [", encoding="utf-8")
    monkeypatch.setattr(sys, "stderr", ClosedPipe())
    monkeypatch.setattr(sys, "stdout", ClosedPipe())  # no file: this process's stay as they are
    assert main(["validate", str(bad)]) == EXIT_CLOSED_PIPE


def test_output_into_a_closed_pipe_in_this_process(monkeypatch):
    monkeypatch.setattr(sys, "stdout", ClosedPipe())
    assert main(["validate", str(REPO / "protocol.toml")]) == EXIT_CLOSED_PIPE
