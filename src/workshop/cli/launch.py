"""Starting the app, for the commands that open a screen (none, `new`, `open`, `results`).

Textual is imported only inside `run_app`, so the other commands (and these, until the screen
opens) stay light and a bad file is reported before any screen is drawn.
"""

from __future__ import annotations

import argparse

from workshop.cli.options import EXIT_OK, load, sessions_dir
from workshop.protocol.model import Protocol
from workshop.session.store import SessionStore


def run_app(args: argparse.Namespace, protocol: Protocol, **kwargs) -> int:
    """Start the TUI on `protocol` and the sessions folder, with what it opens first."""
    from workshop.tui.app import WorkshopApp

    app = WorkshopApp(protocol, SessionStore(sessions_dir(args), protocol), **kwargs)
    app.run()
    return app.return_code or EXIT_OK


def run(args: argparse.Namespace) -> int:
    """No command: the start screen."""
    return run_app(args, load(args))
