"""What the app needs to know of the start screen's listing without importing the screen:
the worker group that reads the sessions folder (`SessionStore.paths()` at once, then
`SessionStore.read_one()` for each file, in that worker), and whether a screen is the start
screen. Nothing here imports Textual.
"""

from __future__ import annotations

import sys

LISTING = "start-listing"
"""The worker group that reads the sessions folder (the app's `settle` waits for it)."""


def is_start_screen(screen: object) -> bool:
    """Whether `screen` is the start screen, without importing it (it is not, under a session
    opened at once): no screen can be one before its module has been imported."""
    module = sys.modules.get("workshop.tui.screens.start")
    return module is not None and isinstance(screen, module.StartScreen)
