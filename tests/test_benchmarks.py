"""Every benchmark still runs: each script in benchmarks/ at a tiny size, in a fresh process,
must finish and print its table. No figure is judged here (timings belong in
benchmarks/README.md, not in assertions); what this catches is a benchmark that has rotted."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from helpers import REPO

BENCHMARKS = REPO / "benchmarks"

TINY: dict[str, list[str]] = {
    "make_sessions.py": ["2", "{tmp}/sessions", "--kb", "14"],
    "startup.py": ["--files", "2", "--runs", "1", "--kb", "14"],
    "keys.py": ["--presses", "6", "--kb", "10"],
    "merge.py": ["3", "--runs", "1"],
    "results.py": ["2", "--moves", "2", "--runs", "1"],
    "exports.py": ["4", "--runs", "1", "--formats", "md,csv"],
    "big_comment.py": ["--votes", "1", "--megabytes", "0.01"],
    "xlsx_writers.py": ["3"],
    "suggest.py": ["60"],
}
"""The tiny run of each benchmark (each script's docstring gives its full one)."""

SLOW_ONLY = {"autosave.py"}
"""Benchmarks with no size to make tiny: checked to import and describe themselves only."""


def test_every_benchmark_has_a_tiny_run():
    scripts = {p.name for p in BENCHMARKS.glob("*.py")}
    assert scripts == set(TINY) | SLOW_ONLY


@pytest.mark.parametrize("script", sorted(TINY))
def test_the_benchmark_runs_at_a_tiny_size(script, tmp_path):
    if script == "suggest.py":
        pytest.importorskip("sklearn")
    args = [a.replace("{tmp}", str(tmp_path)) for a in TINY[script]]
    env = {**os.environ, "PYTHONPATH": str(BENCHMARKS)}
    done = subprocess.run([sys.executable, str(BENCHMARKS / script), *args], cwd=tmp_path,
                          env=env, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-3000:]
    lines = [line for line in done.stdout.splitlines() if line.strip()]
    assert lines, f"{script} printed nothing"
    assert "Traceback" not in done.stderr


@pytest.mark.parametrize("script", sorted(SLOW_ONLY))
def test_a_benchmark_without_a_size_still_imports(script):
    code = (f"import runpy, sys; sys.path.insert(0, {str(BENCHMARKS)!r}); "
            f"m = runpy.run_path({str(BENCHMARKS / script)!r}, run_name='not_main'); "
            "print(m['__doc__'].splitlines()[0])")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          timeout=120)
    assert done.returncode == 0, done.stderr[-3000:]
    assert done.stdout.strip()


def test_make_sessions_writes_the_same_bytes_every_time(tmp_path):
    sys.path.insert(0, str(BENCHMARKS))
    try:
        from make_sessions import make_sessions
    finally:
        sys.path.remove(str(BENCHMARKS))
    first = make_sessions(2, tmp_path / "a", kb=14)
    second = make_sessions(2, tmp_path / "b", kb=14)
    assert [p.read_bytes() for p in first] == [p.read_bytes() for p in second]
    assert [Path(p).name for p in first] == [Path(p).name for p in second]
