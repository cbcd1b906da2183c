"""`workshop follow [FILE] [--theme T]`: the projector view in a second terminal.

The same read-only, large-print view as `workshop serve`, as a Textual app
(tui/projector), for a room with a second screen but no browser. It reads only: it never
writes the session file, never takes its lock, and quits with q or ctrl+q. A missing or bad
FILE is reported (exit 2) before the screen opens. Textual is imported only once the file is
known to be good, so nothing here imports it at import time.
"""

from __future__ import annotations

import argparse

from workshop.cli.options import EXIT_OK, load
from workshop.cli.serve import add_projector_arguments, projector_source


def add_parser(commands, shared: argparse.ArgumentParser) -> None:
    follow = commands.add_parser(
        "follow", parents=[shared], help="the projector view in a second terminal",
        description="Show a read-only, large-print view of a session in this terminal, as "
        "`workshop serve` shows it in a browser: the step, the highlighted commitment and its "
        "counts, updated within a second of each save. Nothing is written. q quits.",
    )
    add_projector_arguments(follow)


def run(args: argparse.Namespace) -> int:
    protocol = load(args)
    source = projector_source(args, protocol)
    from workshop.tui.projector.app import ProjectorApp

    ProjectorApp(source, theme=args.theme).run()
    return EXIT_OK
