"""Architecture and repository rules that must keep holding."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from helpers import REPO

DOMAIN = ["workshop.protocol.model", "workshop.session.model", "workshop.session.file_format", "workshop.session.store",
          "workshop.session.autosave", "workshop.session.drafts", "workshop.session.lock", "workshop.consultation.progress",
          "workshop.consultation.wording", "workshop.consultation.records", "workshop.consultation.merged_file", "workshop.consultation.merge_rules",
          "workshop.consultation.inputs", "workshop.cli.merge", "workshop.consultation.marks", "workshop.export",
          "workshop.export.markdown", "workshop.export.csv_export", "workshop.export.xlsx",
          "workshop.export.html_export", "workshop.export.docx_export", "workshop.cli.export",
          "workshop.cli.main"]


def test_domain_modules_do_not_import_textual():
    code = ("import sys\n" + "".join(f"import {m}\n" for m in DOMAIN)
            + "bad = [m for m in sys.modules if m == 'textual' or m.startswith('textual.')]\n"
            + "print(bad)\n")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"


def readme_test_command() -> str:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    commands = [line.strip() for line in readme.splitlines() if "pytest" in line and "pip install" in line]
    assert len(commands) == 1, commands
    return commands[0]


def test_ci_runs_exactly_the_readme_test_command():
    ci = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    assert "set -euo pipefail" in ci
    assert readme_test_command() in ci.splitlines()


def test_readme_quick_start_has_two_commands():
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    quick = readme.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    block = quick.split("```", 2)[1]
    lines = [line for line in block.splitlines()[1:] if line.strip() and not line.startswith("#")]
    assert len(lines) == 2, lines
    assert lines[1] == readme_test_command()
    assert lines[0].endswith("workshop")


def test_sessions_folder_exists_and_session_files_are_ignored():
    assert (REPO / "sessions" / ".gitkeep").exists()
    if shutil.which("git") is None or not (REPO / ".git").exists():
        pytest.skip("not a git checkout")
    for name in ("sessions/2026-11-22_group_1a2b3c4d.toml", "sessions/.x.toml.abc.tmp",
                 "sessions/2026-11-22_group_1a2b3c4d.toml.draft",
                 "sessions/2026-11-22_group_1a2b3c4d.toml.lock",
                 "sessions/2026-11-22_group_1a2b3c4d.docx", "sessions/all-sessions.md"):
        result = subprocess.run(["git", "check-ignore", "-q", name], cwd=REPO)
        assert result.returncode == 0, f"{name} is not git-ignored"
    result = subprocess.run(["git", "check-ignore", "-q", "sessions/.gitkeep"], cwd=REPO)
    assert result.returncode == 1


def test_modules_stay_small():
    for path in Path(REPO / "src" / "workshop").rglob("*.py"):
        assert len(path.read_text(encoding="utf-8").splitlines()) <= 400, path
