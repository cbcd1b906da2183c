"""`workshop themes merge|check|suggest`: an analyst's theme files from the command line.

- `workshop themes merge A.themes.toml B.themes.toml -o OUT`: two (or more) analysts' theme
  files for one consultation, merged as sessions are: the union of their codebooks and tags,
  every conflict listed (analysis/book_merge.py). OUT is written atomically and may be one of
  the inputs (the usual case: merge a colleague's file into the one beside the merged file).
- `workshop themes check FILE [--themes THEMES]`: how the tags of FILE's theme file fare on
  FILE: how many entries are tagged, which tags are on entries FILE no longer has or whose
  text changed since (tags are never dropped: the analyst decides). Exit 0, or 1 if any.
- `workshop themes suggest FILE`: offline suggestions of groups of untagged entries that say
  similar things (themes_suggest.py).

Nothing here imports Textual.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from workshop.analysis import theme_file
from workshop.analysis.book_merge import merge_books
from workshop.cli.options import EXIT_OK, load
from workshop.consultation.inputs import read_result
from workshop.consultation.report_themes import tag_check
from workshop.errors import Problem, WorkshopError, display_path
from workshop.toml.atomic import atomic_write

EXIT_TAGS_TO_REVIEW = 1


def add_parser(commands, shared: argparse.ArgumentParser) -> None:
    themes = commands.add_parser(
        "themes", parents=[shared], help="merge, check or suggest an analyst's themes",
        description="An analyst's themes (a codebook and the themes on each comment, proposed "
        "wording and answer) live in a theme file beside the merged file: FILE.themes.toml "
        "for FILE.toml. Tag in the results view (t); these commands merge, check and suggest.",
    )
    actions = themes.add_subparsers(dest="themes_command", metavar="ACTION", required=True)
    merge = actions.add_parser(
        "merge", parents=[shared], help="merge analysts' theme files into one",
        description="Merge theme files for one consultation: every theme and tag of every file "
        "(the union). Where they disagree (a theme described differently, an entry tagged "
        "differently) the first file's is kept, the union of tags is kept, and each difference "
        "is listed.")
    merge.add_argument("files", nargs="+", type=Path, metavar="THEMES", help="theme files")
    merge.add_argument("-o", "--output", type=Path, required=True, metavar="OUT",
                       help="the theme file to write (may be one of the inputs)")
    check = actions.add_parser(
        "check", parents=[shared], help="check a theme file's tags against a merged file",
        description="How the tags of FILE's theme file fare on FILE: tags on entries FILE "
        "no longer has, or whose text was edited after tagging, are listed (and kept). Exit 0 "
        "when every tag is on an unchanged entry, 1 when some need a look.")
    check.add_argument("file", type=Path, metavar="FILE", help="a merged file or a session file")
    check.add_argument("--themes", type=Path, metavar="THEMES", default=None,
                       help="the theme file (default: FILE.themes.toml beside FILE)")
    from workshop.cli import themes_suggest

    themes_suggest.add_parser(actions, shared)


def run(args: argparse.Namespace) -> int:
    if args.themes_command == "merge":
        return run_merge(args)
    if args.themes_command == "check":
        return run_check(args)
    from workshop.cli import themes_suggest

    return themes_suggest.run(args)


def run_merge(args: argparse.Namespace) -> int:
    books = [(display_path(path), theme_file.load(path)) for path in args.files]
    outcome = merge_books(books)
    atomic_write(args.output, theme_file.dumps_book(outcome.book))
    book = outcome.book
    print(f"Merged {len(books)} theme file{'s' if len(books) != 1 else ''} into "
          f"{display_path(args.output)}: {len(book.themes)} themes, {len(book.tags)} tagged "
          f"entr{'y' if len(book.tags) == 1 else 'ies'}.")
    if outcome.conflicts:
        print(f"{len(outcome.conflicts)} difference{'s' if len(outcome.conflicts) != 1 else ''}"
              " between the files (the first file's kept, tags joined):")
        for line in outcome.conflicts:
            print(f"  {line}")
    return EXIT_OK


def run_check(args: argparse.Namespace) -> int:
    path = args.themes or theme_file.sidecar_path(args.file)
    if not path.exists():
        raise WorkshopError(Problem(display_path(path), "no such theme file: tag entries in "
                                    f"'workshop results {display_path(args.file)}' (key t)"))
    book = theme_file.load(path)
    merged = read_result(args.file, load(args))
    check = tag_check(book, merged)
    n = len(book.tags)
    print(f"{display_path(path)}: {len(book.themes)} themes, {n} tagged "
          f"entr{'y' if n == 1 else 'ies'}. " + (check.summary() or
                                                 f"Every one is in {display_path(args.file)}."))
    for line in check.lines():
        print(f"  {line}")
    return EXIT_OK if check.clean else EXIT_TAGS_TO_REVIEW
