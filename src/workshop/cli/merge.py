"""`workshop merge INPUT... -o OUT.toml`: read every input, merge, write one merged file.

Nothing is written unless every input was read (or `--skip-bad` was given) and the protocols
fit; the output replaces any old file atomically. Inputs unchanged since the last merge are
taken from its cache (consultation/merge_cache.py) unless `--no-cache` is given. On a terminal,
reading shows a progress bar.
Nothing here imports Textual.
"""

from __future__ import annotations

import argparse
import os
import sys
from dataclasses import dataclass
from pathlib import Path

from workshop.analysis.theme_file import load as load_theme_file
from workshop.analysis.theme_file import sidecar_path
from workshop.cli.options import load
from workshop.consultation.inputs import expand_inputs, read_input
from workshop.consultation.merge_cache import CACHE_NAME, MergeCache
from workshop.consultation.merge_rules import (
    Found,
    MergeOutcome,
    kinds_text,
    merge_records,
    mode_problems,
    of_one_kind,
    protocol_groups,
)
from workshop.consultation.merged_file import dumps_merged
from workshop.consultation.records import Merged, ProtocolRef
from workshop.consultation.report import Report
from workshop.consultation.report_build import build_report
from workshop.consultation.report_themes import tag_check
from workshop.errors import Problem, SessionFileError, WorkshopError, display_path
from workshop.protocol.model import Protocol
from workshop.session.kinds import Mode
from workshop.toml.atomic import atomic_write


def add_parser(commands, shared: argparse.ArgumentParser) -> None:
    merge = commands.add_parser(
        "merge", parents=[shared], help="merge session files (and merged files) into one result",
        description="Merge session files, merged files and folders of them into one merged file. "
        "The same session found twice counts once; of two different copies of a session, the "
        "one updated last wins and the other is reported. Writes nothing if any input is bad "
        "(unless --skip-bad) or uses another protocol (unless --allow-mixed).",
    )
    merge.add_argument("inputs", nargs="+", type=Path, metavar="INPUT",
                       help="a session file, a merged file, or a folder of them")
    merge.add_argument("-o", "--output", required=True, type=Path, metavar="OUT.toml",
                       help="the merged file to write (replaced whole if it exists)")
    merge.add_argument("--allow-mixed", action="store_true",
                       help="merge sessions recorded on other protocols or versions, by commitment "
                       "id, and list the ids the protocol in use does not have")
    merge.add_argument("--skip-bad", action="store_true",
                       help="merge what can be read and list the files skipped")
    merge.add_argument("--mode", choices=[str(m) for m in Mode], default=None,
                       help="merge only the sessions of this kind (consult, assess or sign-up) "
                       "and say how many others were left out; without it, inputs of more "
                       "than one kind are refused")
    merge.add_argument("--no-cache", action="store_true",
                       help=f"read every input again, without the cache of inputs already read "
                       f"({CACHE_NAME}, kept in each folder of inputs)")


def read_all(files: list[Path], protocol: Protocol, show_progress: bool
             ) -> tuple[list[Found], list[Problem]]:
    """Every record in every file, and the problems of the files that could not be read."""
    found, problems, _ = read_counted(files, protocol, show_progress)
    return found, problems


def read_counted(files: list[Path], protocol: Protocol, show_progress: bool,
                 cache: MergeCache | None = None, workers: int | None = None
                 ) -> tuple[list[Found], list[Problem], int]:
    """As read_all, and how many more problems the readers counted without listing them. With
    a cache, files unchanged since it was written are not read again; with many files to read,
    a second process reads half of them (`workers`: how many processes, all the CPUs this
    process may use, at most 2, by default). Records and problems come in the files' order."""
    outcomes: list = [None] * len(files)
    todo = []
    for index, path in enumerate(files):
        hit = cache.lookup(path) if cache is not None else None
        if hit is None:
            todo.append(index)
        else:
            outcomes[index] = hit
    reading = _Reading([files[i] for i in todo], protocol, _workers(workers))
    progress = _ReadProgress(show_progress and bool(files), len(files), len(files) - len(todo))
    with progress:
        for k, outcome in reading:
            index = todo[k]
            outcomes[index] = outcome
            if cache is not None and not isinstance(outcome, _Bad):
                cache.remember(files[index], *outcome)
            progress.advance()
    found: list[Found] = []
    problems: list[Problem] = []
    more = 0
    for path, outcome in zip(files, outcomes, strict=True):
        if isinstance(outcome, _Bad):
            problems.extend(outcome.problems)
            more += outcome.more
        else:
            name = display_path(path)
            found.extend(Found(r, name) for r in outcome[1])
    return found, problems, more


PARALLEL_FROM = 64
"""Files to read before a second process pays for its start and for sending records back."""
CHUNK = 16
"""Files a second process reads per task: its records come back a few at a time."""


@dataclass(frozen=True)
class _Bad:
    """A file that could not be read: its problems (from a SessionFileError)."""

    problems: list[Problem]
    more: int


def _read_one(path: Path, protocol: Protocol):
    try:
        return read_input(path, protocol)
    except SessionFileError as exc:
        return _Bad(list(exc.problems), exc.more)


def _read_chunk(paths: list[Path], protocol: Protocol) -> list:
    return [_read_one(path, protocol) for path in paths]


def _workers(asked: int | None) -> int:
    if asked is not None:
        return asked
    try:
        return min(2, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not on Linux
        return min(2, os.cpu_count() or 1)


class _Reading:
    """(position, outcome) for each path: this process reads the first half while another,
    forked before any progress bar starts its thread, reads the second in chunks."""

    def __init__(self, paths: list[Path], protocol: Protocol, workers: int) -> None:
        self.paths, self.protocol = paths, protocol
        self.pool = None
        self.half = len(paths)
        self.futures: list = []
        if workers >= 2 and len(paths) >= PARALLEL_FROM and _can_fork():
            import multiprocessing
            from concurrent.futures import ProcessPoolExecutor

            self.half = len(paths) // 2
            self.pool = ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("fork"))
            self.futures = [(start, self.pool.submit(_read_chunk, paths[start: start + CHUNK],
                                                     protocol))
                            for start in range(self.half, len(paths), CHUNK)]

    def __iter__(self):
        try:
            for k in range(self.half):
                yield k, _read_one(self.paths[k], self.protocol)
            for start, future in self.futures:
                for k, outcome in enumerate(future.result(), start=start):
                    yield k, outcome
        finally:
            if self.pool is not None:
                self.pool.shutdown(cancel_futures=True)


def _can_fork() -> bool:
    import multiprocessing

    return "fork" in multiprocessing.get_all_start_methods()


class _ReadProgress:
    """A progress bar on stderr while reading (when asked), or nothing."""

    def __init__(self, shown: bool, total: int, done: int) -> None:
        self.bar = None
        if shown:
            from rich.progress import Progress

            self.bar = Progress(transient=True, console=_stderr_console())
            self.task = self.bar.add_task("Reading sessions", total=total, completed=done)

    def __enter__(self):
        if self.bar is not None:
            self.bar.start()
        return self

    def __exit__(self, *exc) -> None:
        if self.bar is not None:
            self.bar.stop()

    def advance(self) -> None:
        if self.bar is not None:
            self.bar.advance(self.task)


def _stderr_console():
    from rich.console import Console

    return Console(file=sys.stderr)


def protocol_problems(found: list[Found], target: ProtocolRef) -> list[Problem]:
    """One problem per protocol other than the target, naming the files that use it."""
    out = []
    for ref, files in protocol_groups(found).items():
        if ref == target:
            continue
        what = ("the same id and version with different text" if (ref.id, ref.version) ==
                (target.id, target.version) else f"protocol {ref.describe()}")
        out.append(Problem(", ".join(files), f"recorded on {what}, but the protocol in use is "
                           f"{target.describe()}; merge with --allow-mixed to combine them by "
                           "commitment id, or pass the other protocol with --protocol"))
    return out


def run(args: argparse.Namespace) -> int:
    return cmd_merge(args, load(args))


def cmd_merge(args: argparse.Namespace, protocol: Protocol) -> int:
    files, problems = expand_inputs(args.inputs)
    cache = None if getattr(args, "no_cache", False) else MergeCache(protocol, args.output)
    try:
        found, bad, more = read_counted(files, protocol, sys.stderr.isatty(), cache)
    finally:
        if cache is not None:
            cache.close()
    problems += bad
    skipped: list[Problem] = []
    if problems and not args.skip_bad:
        raise WorkshopError(problems, more=more)
    skipped, problems = problems, []
    other_kinds: list[Found] = []
    if args.mode is not None:
        found, other_kinds = of_one_kind(found, Mode(args.mode))
    if mixed := mode_problems(found):
        raise WorkshopError(mixed)
    target = ProtocolRef.of(protocol)
    if not args.allow_mixed:
        problems = protocol_problems(found, target)
        if problems:
            raise WorkshopError(problems)
    if not found:
        raise WorkshopError(Problem(display_path(args.output), "not written: no sessions to merge"
                                    + (": every input was skipped" if skipped else "")
                                    + (f": none is of mode '{args.mode}'" if other_kinds else "")))
    outcome = merge_records(found, target)
    atomic_write(args.output, dumps_merged(outcome.merged, protocol))
    if cache is not None:  # only now: a merge that fails leaves every folder as it was
        cache.save()
    print_summary(outcome, protocol, files, skipped, display_path(args.output))
    if other_kinds:
        print(f"Left out {kinds_text(other_kinds)} (--mode {args.mode}).")
    print_tag_check(outcome.merged, args.output)
    return 0


def print_tag_check(merged: Merged, output: Path) -> None:
    """If the merged file has an analyst's theme file beside it, say how its tags fare on the
    new result: every tag is kept, and those on entries gone or edited are named."""
    themes = sidecar_path(output)
    if not themes.exists():
        return
    try:
        book = load_theme_file(themes)
    except WorkshopError as exc:
        print(f"Themes: {display_path(themes)} cannot be read, so its tags were not checked:")
        print_some(str(exc).splitlines())
        return
    check = tag_check(book, merged)
    n = len(book.tags)
    print(f"Themes: {n} tagged entr{'y' if n == 1 else 'ies'} in {display_path(themes)}, all "
          "kept. " + (check.summary() or "Every one is in the result."))
    print_some(check.lines())


def print_summary(outcome: MergeOutcome, protocol: Protocol, files: list[Path],
                  skipped: list[Problem], out: str) -> None:
    merged = outcome.merged
    report = build_report(merged, protocol)
    sessions = len(report.workshops)
    complete = sum(w.record.complete for w in report.workshops)
    read = len({display_path(f) for f in files} - {p.file for p in skipped})
    print(f"Merged {sessions} session{_s(sessions)} ({complete} complete, "
          f"{report.participants()} participants) from {read} file{_s(read)} into {out}.")
    if outcome.duplicates:
        print(f"Skipped {len(outcome.duplicates)} duplicate{_s(len(outcome.duplicates))}:")
        print_some(outcome.duplicates)
    if outcome.conflicts:
        print(f"Dropped {len(outcome.conflicts)} older or conflicting cop"
              f"{'y' if len(outcome.conflicts) == 1 else 'ies'}:")
        for item in outcome.conflicts:
            print(f"  {item}")
    if skipped:
        print(f"Skipped {_files(skipped)} bad file{_s(_files(skipped))} (--skip-bad):")
        print_some(skipped)
    foreign = merged.foreign_ids(protocol)
    if foreign:
        print(f"Ids not in protocol {ProtocolRef.of(protocol).describe()} (kept in the file, left "
              "out of its totals):")
        for sid, ids in foreign.items():
            print(f"  session {sid[:8]} ({merged.records[sid].group}): {', '.join(ids)}")
    print(summary_line(report))


SHOWN = 20
"""Duplicates (or skipped files' problems) listed one by one at most; past that, a count (a folder
of copies is common, and one bad file may have a million problems)."""


def print_some(items: list) -> None:
    for item in items[:SHOWN]:
        print(f"  {item}")
    if len(items) > SHOWN:
        print(f"  … and {len(items) - SHOWN} more")


def summary_line(report: Report) -> str:
    """The totals and recommendations, read from the report model like every other view (an
    assessment's ratings and actions, a sign-up's register)."""
    if report.assessment is not None:
        evidence = report.entry_counts()["comments"]
        return (f"Assessment: {report.assessment.summary_line()} {evidence} evidence "
                f"note{_s(evidence)}." + _register_line(report))
    if report.mode is Mode.SIGN_UP:
        return f"Register: {report.register.summary_line()}"
    return _consultation_line(report) + _register_line(report)


def _register_line(report: Report) -> str:
    return f"\nRegister: {report.register.summary_line()}" if report.register else ""


def _consultation_line(report: Report) -> str:
    totals = report.totals()
    voted = len(report.commitments) - len(report.unvoted())
    votes = ", ".join(f"{o.label} {totals[o.id]}" for o in report.options)
    entries = report.entry_counts()
    recs = ", ".join(f"{label} {n}" for label, n in report.recommendation_counts().items())
    return (f"Totals: {voted}/{len(report.commitments)} commitments voted; "
            f"{sum(totals.values())} votes ({votes}); {entries['comments']} comments, "
            f"{entries['amendments']} proposed wordings, {entries['answers']} answers.\n"
            f"Recommendations: {recs}.")


def _files(problems: list[Problem]) -> int:
    return len({p.file for p in problems})


def _s(n: int) -> str:
    return "" if n == 1 else "s"
