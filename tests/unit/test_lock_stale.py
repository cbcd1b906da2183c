"""A lock naming a live process that is not the workshop window which took it (a process id
reused after a reboot, or by another program) is stale and taken over; a lock held by a live
workshop window is respected. Tested with real processes."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from workshop.session import lock

HOLDER = textwrap.dedent("""
    import sys, time
    from pathlib import Path
    from workshop.session import lock
    assert lock.acquire(Path(sys.argv[1])) is None
    print("locked", flush=True)
    time.sleep(60)
""")


@pytest.fixture
def processes():
    started: list[subprocess.Popen] = []
    yield started
    for process in started:
        process.kill()
        process.wait()


def started(processes, argv, **kwargs) -> subprocess.Popen:
    process = subprocess.Popen(argv, **kwargs)
    processes.append(process)
    deadline = time.monotonic() + 10
    while not lock._proc(process.pid, "cmdline") and time.monotonic() < deadline:
        time.sleep(0.01)  # until its command line is there to be read
    return process


def write_lock(session: Path, pid: int, **extra: str) -> None:
    fields = "".join(f'{key} = "{value}"\n' for key, value in extra.items())
    lock.lock_path(session).write_text(f'pid = {pid}\nhost = "{os.uname().nodename}"\n'
                                       f'since = "2026-11-22T09:00:00+00:00"\n{fields}')


needs_proc = pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs /proc")


@needs_proc
def test_a_lock_naming_a_live_process_that_is_not_workshop_is_taken_over(tmp_path, processes):
    session = tmp_path / "s.toml"
    sleeper = started(processes, ["sleep", "30"])
    write_lock(session, sleeper.pid)  # an old lock whose pid another program now has
    assert lock.holder(session) is None
    assert lock.acquire(session) is None
    assert f"pid = {os.getpid()}" in lock.lock_path(session).read_text()


@needs_proc
def test_a_live_workshop_window_keeps_its_lock(tmp_path, processes):
    session = tmp_path / "s.toml"
    window = started(processes, [sys.executable, "-c", HOLDER, str(session)],
                     stdout=subprocess.PIPE, text=True)
    assert window.stdout.readline().strip() == "locked"
    held = lock.holder(session)
    assert held is not None and held.pid == window.pid
    assert lock.acquire(session) is not None
    text = lock.lock_path(session).read_text()
    assert "boot = " in text and "started = " in text


@needs_proc
def test_a_reused_pid_is_told_apart_by_its_start_time(tmp_path, processes):
    session = tmp_path / "s.toml"
    python = started(processes, [sys.executable, "-c", "import time; time.sleep(30)"])
    real = lock._start_time(python.pid)
    write_lock(session, python.pid, boot=lock._boot_id(), started=real)
    assert lock.holder(session).pid == python.pid  # the very process that took it
    write_lock(session, python.pid, boot=lock._boot_id(), started=str(int(real) - 1))
    assert lock.holder(session) is None  # same pid, another process: the holder is gone


@needs_proc
def test_a_lock_from_before_a_reboot_is_stale(tmp_path, processes):
    session = tmp_path / "s.toml"
    python = started(processes, [sys.executable, "-c", "import time; time.sleep(30)"])
    write_lock(session, python.pid, boot="00000000-0000-0000-0000-000000000000",
               started=lock._start_time(python.pid))
    assert lock.holder(session) is None


def test_the_holder_says_how_to_take_over(tmp_path):
    held = lock.LockHeld(1, "elsewhere", "2026-11-22T09:00:00+00:00")
    hint = held.how_to_take_over(tmp_path / "s.toml")
    assert str(tmp_path / "s.toml.lock") in hint and "delete" in hint


def test_a_lock_that_is_a_fifo_is_not_read(tmp_path):
    session = tmp_path / "s.toml"
    os.mkfifo(lock.lock_path(session))
    assert lock.holder(session) is None  # unreadable: stale, and no blocking on the pipe
