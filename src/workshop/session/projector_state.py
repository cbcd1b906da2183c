"""What the projector shows beyond the session file: whether the counts are blanked, and which
commitment or question the facilitator has highlighted.

The session file records the step a facilitator is on, but not the highlighted row, and whether
the room may see the counts yet is not part of the record at all. Both are kept in a small
sidecar beside the session, `<session>.projector` (as drafts are `<session>.draft` and locks
`<session>.lock`: not `*.toml`, so listing or merging a sessions folder never mistakes it for a
session), written atomically by the facilitator's app and read by `workshop serve` and
`workshop follow`, which never write anything:

    format = "workshop-projector"
    format_version = 1
    blanked = true                      # the counts are hidden from the room
    step = "principle:public-interest"  # the step the highlighted row belongs to
    item = "act-in-public-interest"     # the highlighted commitment or question id

A missing, unreadable or damaged sidecar reads as the default state (counts shown, the step's
first row): the projector is a convenience, and a bad sidecar must never stop a workshop.

The app writes through a `StateWriter`, a thread that writes the latest state only, so moving
the highlight fast never waits for the disk (each write is fsynced, and a USB stick is slow).
Nothing here imports Textual.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, replace
from pathlib import Path

from workshop.errors import WorkshopError
from workshop.toml.atomic import atomic_write
from workshop.toml.io import dumps_toml, read_toml

FORMAT_NAME = "workshop-projector"
FORMAT_VERSION = 1
SUFFIX = ".projector"
"""Added to the session file's name: `NAME.toml` → `NAME.toml.projector`."""


@dataclass(frozen=True)
class ProjectorState:
    """What the facilitator's app tells the projector."""

    blanked: bool = False
    """The counts are hidden: the projector shows the commitment's words only."""
    step: str = ""
    """The step `item` was highlighted on (a row of another step is not used)."""
    item: str = ""
    """The highlighted commitment or question id ("" when nothing is highlighted)."""

    def toggled(self) -> ProjectorState:
        return replace(self, blanked=not self.blanked)

    def highlighting(self, step: str, item: str) -> ProjectorState:
        return replace(self, step=str(step), item=str(item))


def state_path(session_path: Path | str) -> Path:
    """`sessions/NAME.toml` → `sessions/NAME.toml.projector`."""
    path = Path(session_path)
    return path.with_name(path.name + SUFFIX)


def state_bytes(state: ProjectorState) -> bytes:
    data = {"format": FORMAT_NAME, "format_version": FORMAT_VERSION, "blanked": state.blanked,
            "step": state.step, "item": state.item}
    return dumps_toml(data).encode("utf-8")


def write_state(session_path: Path | str, state: ProjectorState) -> None:
    """Replace the sidecar atomically; StoreError if it cannot be written."""
    atomic_write(state_path(session_path), state_bytes(state))


def read_state(session_path: Path | str) -> ProjectorState:
    """The sidecar beside a session file; the default state if there is none or it is bad."""
    path = state_path(session_path)
    try:
        if not path.is_file():  # never open a FIFO or a device that could hang the reader
            return ProjectorState()
        data, _ = read_toml(path)
    except (WorkshopError, OSError, ValueError):
        return ProjectorState()
    if data.get("format") != FORMAT_NAME or data.get("format_version") != FORMAT_VERSION:
        return ProjectorState()
    blanked, step, item = data.get("blanked"), data.get("step"), data.get("item")
    return ProjectorState(blanked=blanked if isinstance(blanked, bool) else False,
                          step=step if isinstance(step, str) else "",
                          item=item if isinstance(item, str) else "")


class StateWriter:
    """Writes one session's sidecar from a thread of its own, latest state first.

    `submit` never blocks: it replaces what is waiting to be written, so ten quick moves of the
    highlight make one or two writes, never ten. A write that fails is dropped with its error
    kept in `error` (the next submit tries again): the projector lags, the workshop goes on.
    """

    def __init__(self, session_path: Path | str) -> None:
        self.session_path = Path(session_path)
        self.error: str | None = None
        """Why the last write failed, or None once one has worked."""
        self._pending: ProjectorState | None = None
        self._busy = False
        self._closed = False
        self._condition = threading.Condition()
        self._thread = threading.Thread(target=self._run, name="projector-state", daemon=True)
        self._thread.start()

    def submit(self, state: ProjectorState) -> None:
        with self._condition:
            if self._closed:
                return
            self._pending = state
            self._condition.notify_all()

    def wait_idle(self, timeout: float = 5.0) -> bool:
        """Wait until everything submitted is written (tests, and closing)."""
        with self._condition:
            return self._condition.wait_for(lambda: self._pending is None and not self._busy,
                                            timeout)

    def close(self, timeout: float = 5.0) -> bool:
        """Write what is waiting, then stop the thread. Safe to call twice."""
        done = self.wait_idle(timeout)
        with self._condition:
            self._closed = True
            self._condition.notify_all()
        self._thread.join(timeout)
        return done

    def _run(self) -> None:
        while True:
            with self._condition:
                self._condition.wait_for(lambda: self._pending is not None or self._closed)
                if self._pending is None:  # closed with nothing left to write
                    return
                state, self._pending, self._busy = self._pending, None, True
            try:
                write_state(self.session_path, state)
                self.error = None
            except WorkshopError as exc:
                self.error = str(exc)
            finally:
                with self._condition:
                    self._busy = False
                    self._condition.notify_all()
