"""What every sub-command shares: the `--protocol` and `--sessions` options, where their defaults
point, loading the protocol, and the exit statuses. Nothing here imports Textual."""

from __future__ import annotations

import argparse
from pathlib import Path

from workshop.protocol.load import default_protocol_path, load_protocol
from workshop.protocol.model import Protocol

EXIT_OK = 0
EXIT_BAD_INPUT = 2
EXIT_CLOSED_PIPE = 1
"""The reader of the output stopped reading (`workshop merge … | head`): see cli/main.py."""


def shared_options() -> argparse.ArgumentParser:
    """Options every command takes, before or after the command's name."""
    shared = argparse.ArgumentParser(add_help=False)
    shared.add_argument(
        "--protocol", metavar="PATH", type=Path, default=argparse.SUPPRESS,
        help="the protocol file (default: ./protocol.toml if present, else the bundled protocol)",
    )
    shared.add_argument(
        "--sessions", metavar="DIR", type=Path, default=argparse.SUPPRESS,
        help="the folder of session files (default: ./sessions)",
    )
    return shared


def protocol_path(args: argparse.Namespace) -> Path:
    return getattr(args, "protocol", None) or default_protocol_path()


def sessions_dir(args: argparse.Namespace) -> Path:
    return getattr(args, "sessions", None) or Path("sessions")


def load(args: argparse.Namespace) -> Protocol:
    """The protocol the command runs on; `ProtocolError` (exit 2) if it is bad."""
    return load_protocol(protocol_path(args))
