"""`workshop themes suggest FILE [--themes THEMES] [--groups K]`: offline suggestions of themes.

Reads FILE (a merged file or a session file) and its theme file (FILE.themes.toml beside it,
or the one --themes names; none yet is an empty codebook), and prints groups of the entries no
theme is on yet that say similar things (analysis/suggest.py): each with the few words that
name it, how many entries from how many workshops, and a few of its quotes with their
workshops. It writes nothing and tags nothing: the analyst accepts, renames or rejects each
group in the results view (S). Without the optional extra (scikit-learn) it says what to
install and exits 2. Nothing here imports Textual.
"""

from __future__ import annotations

import argparse
import re
from pathlib import Path

from workshop.analysis import theme_file
from workshop.analysis.suggest import Suggestion, suggest
from workshop.cli.options import EXIT_OK, load
from workshop.consultation.inputs import read_result
from workshop.consultation.report import Note
from workshop.consultation.report_build import build_report
from workshop.errors import Problem, WorkshopError, display_path
from workshop.export.safety import visible_controls

QUOTES = 3
"""The quotes printed under each group."""
QUOTE_LENGTH = 100
"""A quote longer than this many characters is cut, with `…`."""
_C1_CONTROLS = re.compile(r"[\x80-\x9f]")  # some terminals act on these as on ESC sequences


def add_parser(actions, shared: argparse.ArgumentParser) -> None:
    suggest_cmd = actions.add_parser(
        "suggest", parents=[shared], help="suggest groups of untagged entries (offline)",
        description="Suggest themes: groups of the comments, proposed wordings and answers no "
        "theme is on yet that say similar things, each named by a few of its words, with a few "
        "quotes. Offline and the same every time for the same files (TF-IDF and k-means; needs "
        "the optional extra: pip install 'workshop[suggest]'). Writes and tags nothing: accept, "
        "rename or reject each group in 'workshop results FILE' (key S).")
    suggest_cmd.add_argument("file", type=Path, metavar="FILE",
                             help="a merged file or a session file")
    suggest_cmd.add_argument("--themes", type=Path, metavar="THEMES", default=None,
                             help="the theme file whose tags say which entries are tagged "
                             "(default: FILE.themes.toml beside FILE, if there is one)")
    suggest_cmd.add_argument("--groups", type=_groups, metavar="K", default=None,
                             help="how many groups to make (default: chosen from the entries)")


def _groups(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{value}' is not a whole number") from None
    if number < 2:
        raise argparse.ArgumentTypeError(f"at least 2 groups, not {number}")
    return number


def run(args: argparse.Namespace) -> int:
    protocol = load(args)
    if args.themes is not None and not args.themes.exists():
        raise WorkshopError(Problem(display_path(args.themes), "no such theme file"))
    book = theme_file.load(args.themes) if args.themes else theme_file.load_sidecar(args.file)
    report = build_report(read_result(args.file, protocol), protocol, book)
    untagged = report.untagged()
    name = display_path(args.file)
    if not untagged:
        print(f"{name}: every comment, proposed wording and answer has a theme; nothing to "
              "suggest.")
        return EXIT_OK
    found = suggest([(note.ref, note.text) for note in untagged], groups=args.groups)
    print(headline(name, found, len(untagged)))
    notes = {note.ref: note for note in untagged}
    for number, suggestion in enumerate(found, start=1):
        print()
        print("\n".join(group_lines(number, suggestion, notes)))
    if found:
        print()
        print(f"Nothing is tagged yet. Open 'workshop results {name}' and press S to accept, "
              "rename or reject each suggestion.")
    return EXIT_OK


def headline(name: str, found: list[Suggestion], untagged: int) -> str:
    entries = f"{untagged} untagged entr{'y' if untagged == 1 else 'ies'}"
    if not found:
        return (f"{name}: no suggestions: the {entries} share too few words to group (a "
                "group needs two entries that use the same words).")
    grouped = sum(len(s.members) for s in found)
    return (f"{name}: {len(found)} suggested theme{_s(len(found))}, grouping {grouped} of the "
            f"{entries}.")


def group_lines(number: int, suggestion: Suggestion, notes: dict[tuple[str, str], Note]
                ) -> list[str]:
    """A group: its number and words, its entries and workshops, and its first quotes."""
    members = [notes[ref] for ref in suggestion.members]
    workshops = len({note.session_id for note in members})
    lines = [f"{number}. {suggestion.label}",
             f"   {len(members)} entries from {workshops} workshop{_s(workshops)}"]
    for note in members[:QUOTES]:
        lines.append(f'   "{clip(note.text)}" ({one_line(note.workshop)})')
    if len(members) > QUOTES:
        lines.append(f"   … and {len(members) - QUOTES} more")
    return lines


def one_line(text: str) -> str:
    """People's words for a terminal line: line breaks and runs of spaces as one space, and
    control characters shown as symbols (a typed escape sequence must not act on the
    terminal)."""
    return _C1_CONTROLS.sub("\ufffd", visible_controls(" ".join(text.split())))


def clip(text: str) -> str:
    shown = one_line(text)
    return shown if len(shown) <= QUOTE_LENGTH else shown[: QUOTE_LENGTH - 1].rstrip() + "…"


def _s(n: int) -> str:
    return "" if n == 1 else "s"
