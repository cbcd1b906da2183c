"""`workshop themes suggest FILE`: offline suggestions of themes (analysis/suggest.py).
Placeholder until the suggestions land. Nothing here imports Textual."""

from __future__ import annotations

import argparse
from pathlib import Path


def add_parser(actions, shared: argparse.ArgumentParser) -> None:
    suggest = actions.add_parser("suggest", parents=[shared],
                                 help="suggest groups of untagged entries (offline)")
    suggest.add_argument("file", type=Path, metavar="FILE")


def run(args: argparse.Namespace) -> int:
    raise NotImplementedError
