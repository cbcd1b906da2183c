"""Architecture and repository rules that must keep holding."""

from __future__ import annotations

import ast
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from helpers import REPO

SRC = REPO / "src" / "workshop"


def modules() -> list[str]:
    """Every module of the package, found by walking it (so a new module is never missed)."""
    return sorted(f"workshop.{'.'.join(p.relative_to(SRC).with_suffix('').parts)}".removesuffix(
        ".__init__") for p in SRC.rglob("*.py") if p.name != "__main__.py")


def domain_modules() -> list[str]:
    return [m for m in modules() if m != "workshop.tui" and not m.startswith("workshop.tui.")]


def test_the_walk_finds_the_layers():
    found = domain_modules()
    for package in ("toml", "protocol", "session", "consultation", "export", "cli"):
        assert any(m.startswith(f"workshop.{package}.") for m in found), package
    assert "workshop.tui.app" in modules() and "workshop.tui.app" not in found


def test_no_module_outside_the_tui_imports_textual():
    code = ("import importlib, sys\n"
            f"for name in {domain_modules()!r}:\n"
            "    importlib.import_module(name)\n"
            "print(sorted(m for m in sys.modules if m == 'textual' or m.startswith('textual.')))\n")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"


def test_import_layers_hold():
    """The contracts in pyproject.toml: cli > tui > export > consultation > session > protocol >
    toml, and no domain package imports Textual even indirectly."""
    lint = Path(sys.executable).with_name("lint-imports")
    if not lint.exists():
        pytest.skip("import-linter is not installed")
    result = subprocess.run([str(lint)], cwd=REPO, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout


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


def test_modules_and_functions_stay_small_and_say_what_they_hold():
    """No module over 400 lines, no function over 60, a docstring at the top of every module."""
    for path in SRC.rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        assert len(text.splitlines()) <= 400, path
        tree = ast.parse(text)
        assert ast.get_docstring(tree), f"{path} needs a module docstring"
        for node in ast.walk(tree):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                length = node.end_lineno - node.lineno + 1
                assert length <= 60, f"{path}:{node.lineno} {node.name} has {length} lines"
