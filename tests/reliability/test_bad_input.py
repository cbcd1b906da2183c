"""No bad file crashes or hangs a command: each is refused with exit status 2 and a message on
standard error that names the file as it was given (and the line and key where known), with no
traceback, and nothing is written or replaced.

The corpus (bad_input_cases.py) is tests/data/bad/ plus cases made here in a temporary folder
(FIFOs, a device, link loops, a dangling link, a file over the size limit, files of many
unknown keys, and one 50 MB file). Each case goes through every command that reads its kind of
file: a protocol through validate, new, open, merge, export, results and the bare command; a
session file through open, merge (alone and in a folder), export and results; a merged file
through merge, export and results; and the sessions folder through the start screen's listing.

Commands run in this process (`main([...])`, with the screen replaced by a stub that fails the
test if it is ever reached) except where a bug would block forever (FIFOs, devices, the start
screen's listing): those run as `python -m workshop` with a timeout.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import bad_input_cases as corpus
import pytest
from bad_input_cases import CASES, CORPUS, GENERATED, GENERATED_EXPECT, PROTOCOL, commands

from workshop.cli.main import main

SCREEN = 99
"""What the stubbed screen returns: a bad file must be refused before any screen opens."""
TIMEOUT = 30


@pytest.fixture
def room(tmp_path, monkeypatch):
    """A folder to run commands in, with the screen stubbed out and an old output to protect."""
    monkeypatch.chdir(tmp_path)
    for module in ("open_session", "results", "new", "launch"):
        monkeypatch.setattr(f"workshop.cli.{module}.run_app", lambda *a, **k: SCREEN)
    (tmp_path / "out.toml").write_text("old output\n", encoding="utf-8")
    return tmp_path


def run_main(capsys, argv: list[str]) -> tuple[int, str]:
    code = main(argv)
    captured = capsys.readouterr()
    return code, captured.err


def assert_refused(code: int, err: str, given: str, expect: str) -> None:
    assert code == 2, err
    assert "Traceback" not in err
    assert any(line.startswith(f"{given}:") for line in err.splitlines()), err
    assert expect in err
    assert len(err.splitlines()) <= 22  # at most 20 problems, a count and a total


def found(err: str) -> int:
    """The total the CLI prints last: `1,234 problems found.`"""
    last = err.splitlines()[-1]
    assert last.endswith(" problems found."), err
    return int(last.split()[0].replace(",", ""))


def run_child(argv: list[str], cwd: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    return subprocess.run([sys.executable, "-m", "workshop", *argv], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=TIMEOUT, stdin=subprocess.DEVNULL)


# -- the committed corpus ----------------------------------------------------------------------

def _pairs():
    for case in CASES:
        for command in commands(case.kind, case.name):
            yield pytest.param(case, command, id=f"{case.name}-{command}")


def test_the_corpus_is_big_enough_and_every_file_is_used():
    files = {p.name for p in CORPUS.glob("*.toml")}
    used = {c.name for c in CASES} | set(corpus.GOOD_WITH_BOM.values())
    assert files - used == {"protocol.toml", "session.toml", "merged.toml"}
    assert len(CASES) + len(GENERATED) + 4 >= 40  # + the 50 MB file and 3 of unknown keys
    assert sum(p.stat().st_size for p in CORPUS.iterdir()) < 300_000


@pytest.mark.parametrize("case, command", list(_pairs()))
def test_a_bad_file_is_refused_by_every_command_that_reads_it(case, command, room, capsys):
    shutil.copy(CORPUS / case.name, room / case.name)
    before = corpus.snapshot(room)
    code, err = run_main(capsys, commands(case.kind, case.name)[command])
    assert_refused(code, err, case.name, case.expect)
    assert corpus.snapshot(room) == before


@pytest.mark.parametrize("case", [c for c in CASES if c.kind != "protocol"], ids=lambda c: c.name)
def test_a_bad_file_in_a_folder_stops_the_merge(case, room, capsys):
    (room / "in").mkdir()
    shutil.copy(CORPUS / "session.toml", room / "in" / "good.toml")
    shutil.copy(CORPUS / case.name, room / "in" / case.name)
    before = corpus.snapshot(room)
    code, err = run_main(capsys, ["--protocol", str(PROTOCOL), "merge", "in", "-o", "out.toml"])
    assert_refused(code, err, f"in/{case.name}", case.expect)
    assert corpus.snapshot(room) == before


@pytest.mark.parametrize("kind", ["protocol", "session", "merged"])
def test_a_byte_order_mark_is_skipped(kind, room, capsys):
    name = corpus.GOOD_WITH_BOM[kind]
    shutil.copy(CORPUS / name, room / name)
    if kind == "protocol":
        assert main(["validate", name]) == 0
        assert main(["--protocol", name, "export", str(corpus.SESSION), "-f", "md",
                     "-o", "out.md"]) == 0
    else:
        assert main(["--protocol", str(PROTOCOL), "export", name, "-f", "md", "-o", "out.md"]) == 0
        assert main(["--protocol", str(PROTOCOL), "merge", name, "-o", "out.toml"]) == 0
    assert "Corpus group" in (room / "out.md").read_text(encoding="utf-8")
    assert capsys.readouterr().err == ""


# -- cases made here ---------------------------------------------------------------------------

def _generated_pairs(blocking: bool):
    for name in GENERATED:
        if (name in corpus.BLOCKING) != blocking:
            continue
        for kind in ("protocol", "session", "merged"):
            for command in commands(kind, "X"):
                if kind == "merged" and command in commands("session", "X"):
                    continue  # a link or a pipe has no kind: the session commands cover it
                yield pytest.param(name, kind, command, id=f"{name}-{kind}-{command}")


@pytest.mark.parametrize("name, kind, command", list(_generated_pairs(blocking=False)))
def test_a_link_loop_dangling_link_or_oversize_file_is_refused(name, kind, command, room, capsys):
    given = GENERATED[name](room).name
    before = corpus.snapshot(room)
    code, err = run_main(capsys, commands(kind, given)[command])
    assert_refused(code, err, given, GENERATED_EXPECT[name])
    assert "gone-target.toml:" not in err  # a dangling link is named as given, not its target
    assert corpus.snapshot(room) == before


@pytest.mark.parametrize("name, kind, command", list(_generated_pairs(blocking=True)))
def test_a_fifo_or_device_is_refused_without_blocking(name, kind, command, tmp_path):
    given = GENERATED[name](tmp_path).name
    (tmp_path / "out.toml").write_text("old output\n", encoding="utf-8")
    before = corpus.snapshot(tmp_path)
    result = run_child(commands(kind, given)[command], tmp_path)  # a hang times out and fails
    assert_refused(result.returncode, result.stderr, given, GENERATED_EXPECT[name])
    assert corpus.snapshot(tmp_path) == before


@pytest.mark.parametrize("name", list(GENERATED))
def test_a_folder_holding_a_fifo_device_or_bad_link_stops_the_merge(name, tmp_path):
    (tmp_path / "in").mkdir()
    shutil.copy(CORPUS / "session.toml", tmp_path / "in" / "good.toml")
    given = GENERATED[name](tmp_path / "in").name
    before = corpus.snapshot(tmp_path)
    result = run_child(["--protocol", str(PROTOCOL), "merge", "in", "-o", "out.toml"], tmp_path)
    assert_refused(result.returncode, result.stderr, f"in/{given}", GENERATED_EXPECT[name])
    assert corpus.snapshot(tmp_path) == before


@pytest.mark.parametrize("kind", ["protocol", "session", "merged"])
def test_a_file_of_many_unknown_keys_lists_twenty_problems_and_a_count(kind, room, capsys):
    path = corpus.make_unknown_keys(room, kind)
    given, keys = path.name, path.read_text(encoding="utf-8").count("unknown_key_")
    before = corpus.snapshot(room)
    for command, argv in commands(kind, given).items():
        code, err = run_main(capsys, argv)
        assert_refused(code, err, given, "unknown key 'unknown_key_00000000'")
        assert "more problems" in err, command
        assert found(err) >= keys, command  # every problem counted, if not listed
    assert corpus.snapshot(room) == before


def test_a_50_mb_file_of_unknown_keys_is_refused_in_a_screenful(tmp_path):
    path = corpus.make_unknown_keys(tmp_path, "protocol", megabytes=50)
    given, keys = path.name, path.read_text(encoding="utf-8").count("unknown_key_")
    result = subprocess.run([sys.executable, "-m", "workshop", "validate", given], cwd=tmp_path,
                            capture_output=True, text=True, timeout=120)
    assert_refused(result.returncode, result.stderr, given, "more problems")
    assert found(result.stderr) >= keys > 2_000_000


# -- the start screen's listing ----------------------------------------------------------------

LISTING = textwrap.dedent("""
    import sys
    from workshop.protocol.load import load_protocol
    from workshop.session.store import SessionStore

    store = SessionStore(sys.argv[2], load_protocol(sys.argv[1]))
    for listing in store.list():
        print(listing.path.name, "|", "ok" if listing.session else str(listing.error))
""")


def test_the_start_screen_lists_a_folder_of_bad_files_without_crashing_or_hanging(tmp_path):
    folder = tmp_path / "sessions"
    folder.mkdir()
    bad = [c for c in CASES if c.kind == "session"]
    for case in bad:
        shutil.copy(CORPUS / case.name, folder / case.name)
    shutil.copy(CORPUS / "session.toml", folder / "good.toml")
    for make in GENERATED.values():
        make(folder)
    before = corpus.snapshot(tmp_path)
    result = subprocess.run([sys.executable, "-c", LISTING, str(PROTOCOL), str(folder)],
                            capture_output=True, text=True, timeout=TIMEOUT, cwd=tmp_path)
    assert result.returncode == 0 and result.stderr == "", result.stderr
    lines = dict(line.split(" | ", 1) for line in result.stdout.splitlines())
    assert lines.pop("good.toml") == "ok"
    for case in bad:
        assert case.expect in lines.pop(case.name)
    for name, expect in GENERATED_EXPECT.items():
        given = {"loop": "a.toml", "self-loop": "self.toml", "dangling": "link.toml",
                 "fifo": "pipe.toml", "device": "zero.toml", "oversize": "huge.toml"}[name]
        assert expect in lines.pop(given)
    assert set(lines) == {"b.toml"}  # the other half of the loop
    assert corpus.snapshot(tmp_path) == before
