"""The real program on a pseudo-terminal, for tests that Pilot cannot stand in for: keys as a
terminal sends them, signals (SIGHUP when the window closes, SIGTERM, `kill -9`)."""

from __future__ import annotations

import os
import pty
import select
import subprocess
import sys
import time
from pathlib import Path


class Terminal:
    """`workshop ...` running on a pseudo-terminal of 100x30."""

    def __init__(self, args: list[str], cwd: Path, env: dict[str, str] | None = None) -> None:
        self.master, slave = pty.openpty()
        os.set_blocking(self.master, False)
        import fcntl
        import struct
        import termios

        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 30, 100, 0, 0))
        env = {**os.environ, "TERM": "xterm-256color", "TZ": "UTC", "COLUMNS": "100", "LINES": "30",
               **(env or {})}
        self.proc = subprocess.Popen([sys.executable, "-m", "workshop", *args], stdin=slave,
                                     stdout=slave, stderr=slave, cwd=cwd, env=env,
                                     start_new_session=True)
        os.close(slave)
        self.output = b""

    def read(self, seconds: float) -> bytes:
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            ready, _, _ = select.select([self.master], [], [], 0.05)
            if ready:
                try:
                    self.output += os.read(self.master, 65536)
                except OSError:
                    break
        return self.output

    def wait_for(self, text: bytes, seconds: float = 15) -> None:
        end = time.monotonic() + seconds
        while text not in self.output and time.monotonic() < end:
            self.read(0.1)
        assert text in self.output, self.output[-2000:]

    def type(self, keys: str, pause: float = 0.15) -> None:
        for key in keys:
            os.write(self.master, key.encode())
            self.read(pause)

    def close(self) -> None:
        if self.proc.poll() is None:
            self.proc.kill()
        self.proc.wait(10)
        os.close(self.master)
