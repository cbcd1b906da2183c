"""`workshop serve [FILE] [--host H] [--port N] [--theme T]`: the projector view in a browser.

Serves a read-only, large-print page of the session the facilitator is running (the step, the
highlighted commitment, its counts as labelled, patterned bars; or no counts while `b` in the
app has blanked them), updating within a second of each save (projector/server.py). Without
FILE it follows the most recently changed session in the sessions folder. It reads only: it
never writes the session, takes its lock or tidies its folder.

Bound to 127.0.0.1 unless --host says otherwise; beyond the loopback address a warning on
standard error says that anyone on the network can read what the room says. A missing or bad
FILE, or an address that cannot be listened on, is an error (exit 2) before anything is served.
Nothing here imports Textual. `workshop follow` (follow.py) shares FILE and --theme.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from workshop.cli.options import EXIT_OK, load, sessions_dir
from workshop.projector.server import DEFAULT_HOST, DEFAULT_PORT, is_loopback, make_server
from workshop.projector.source import ProjectorSource
from workshop.projector.themes import DEFAULT_THEME, THEMES, theme_help
from workshop.protocol.model import Protocol
from workshop.session.file_format import read_session

BEYOND_LOOPBACK = (
    "WARNING: serving on {host}, beyond this machine: anyone who can reach it on the network "
    "can read what the room says (the group, the commitment on screen and its counts). Use "
    "the default --host 127.0.0.1 unless the projector's browser runs on another machine."
)

WILDCARDS = ("", "0.0.0.0", "::", "[::]")
"""Hosts that mean every address of this machine (the URL printed is then no address)."""


def add_projector_arguments(parser: argparse.ArgumentParser) -> None:
    """FILE and --theme, shared by `serve` and `follow`."""
    parser.add_argument("file", nargs="?", type=Path, metavar="FILE",
                        help="the session file to follow (default: the most recently changed "
                        "session in the sessions folder, looked for again as files change)")
    parser.add_argument("--theme", choices=list(THEMES), default=DEFAULT_THEME,
                        help=f"how it looks: {theme_help()} (default: {DEFAULT_THEME})")


def port_number(text: str) -> int:
    try:
        port = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a port number: {text!r}") from None
    if not 0 <= port <= 65535:
        raise argparse.ArgumentTypeError(f"a port is 0 to 65535 (0: any free port), not {port}")
    return port


def add_parser(commands, shared: argparse.ArgumentParser) -> None:
    serve = commands.add_parser(
        "serve", parents=[shared], help="serve a large-print projector view to a browser",
        description="Serve a read-only, large-print view of a session for a projector: the "
        "step, the highlighted commitment and its counts as labelled bars, updated within a "
        "second of each save. `b` in the app hides or shows the counts. The page loads "
        "nothing from the internet. Stop it with ctrl+c.",
    )
    add_projector_arguments(serve)
    serve.add_argument("--host", default=DEFAULT_HOST,
                       help=f"the address to listen on (default: {DEFAULT_HOST}, this machine "
                       "only; 0.0.0.0 lets anyone on the network read the page)")
    serve.add_argument("--port", type=port_number, default=DEFAULT_PORT,
                       help=f"the port to listen on (default: {DEFAULT_PORT}; 0: any free port)")


def projector_source(args: argparse.Namespace, protocol: Protocol) -> ProjectorSource:
    """What `serve` and `follow` show; a missing or bad FILE is reported now (exit 2)."""
    if args.file is not None:
        read_session(args.file, protocol)
    return ProjectorSource(protocol, args.file, sessions_dir(args))


def now_showing(source: ProjectorSource) -> str:
    frame = source.poll()
    if frame.source:
        return f"{source.describe} (now {frame.source})" if source.file is None \
            else source.describe
    return f"{source.describe} ({frame.waiting.lower() if frame.waiting else 'none yet'})"


def run(args: argparse.Namespace) -> int:
    protocol = load(args)
    source = projector_source(args, protocol)
    server = make_server(source, args.host, args.port, args.theme)
    try:
        if not is_loopback(args.host):
            print(BEYOND_LOOPBACK.format(host=args.host or "every address"), file=sys.stderr,
                  flush=True)
        print(f"Projector view of {now_showing(source)} at {server.url}", flush=True)
        if args.host in WILDCARDS:
            print(f"From the projector's machine open http://THIS-MACHINE'S-ADDRESS:"
                  f"{server.port}/; on this one, http://127.0.0.1:{server.port}/", flush=True)
        print("Read-only: nothing is written. ctrl+c stops it.", flush=True)
        server.serve_forever(poll_interval=0.25)
    finally:
        server.server_close()
    return EXIT_OK
