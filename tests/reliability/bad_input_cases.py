"""The bad-input corpus: which files, what each must be refused with, and the commands that read
each kind of file. Used by test_bad_input.py.

Committed cases live in tests/data/bad/ (small files, each the good `protocol.toml`,
`session.toml` or `merged.toml` beside them with one thing broken). Cases that cannot or should
not be committed (FIFOs, devices, link loops, dangling links, a file over the size limit, a
file with a hundred thousand unknown keys) are made in a temporary folder by the `make_*`
functions here.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from helpers import DATA

CORPUS = DATA / "bad"
PROTOCOL = CORPUS / "protocol.toml"
SESSION = CORPUS / "session.toml"
MERGED = CORPUS / "merged.toml"

NESTED = "nested too deeply"
FINITE = "must be a finite number"
TOO_BIG = "more than the most allowed"
DAY = "must be at most 1,440 minutes"
DIGITS = "must write N in the digits 0-9"


@dataclass(frozen=True)
class Case:
    name: str
    """The file in tests/data/bad/."""
    expect: str
    """A part of the message the command must print."""

    @property
    def kind(self) -> str:
        return {"p": "protocol", "s": "session", "m": "merged"}[self.name[0]]


CASES = [
    Case("p-minutes-inf.toml", "principles[1].minutes: must be a finite number of minutes"),
    Case("p-minutes-nan.toml", "minutes: must be a finite number of minutes, not nan"),
    Case("p-questions-minutes-minus-inf.toml", "questions_minutes: must be a finite number"),
    Case("p-minutes-1e300.toml", DAY),
    Case("p-minutes-huge-int.toml", DAY),
    Case("p-minutes-over-a-day.toml", DAY),
    Case("p-deep-list.toml", NESTED),
    Case("p-deep-inline-table.toml", NESTED),
    Case("p-long-dotted-key.toml", NESTED),
    Case("p-long-table-header.toml", NESTED),
    Case("p-bom-and-unknown-key.toml", ":8: colour: unknown key 'colour'"),
    Case("p-bom-twice.toml", "byte-order mark"),
    Case("p-utf16.toml", "is not UTF-8 text"),
    Case("s-entry-id-superscript.toml", "comments.share-resources[1].id: an entry id"),
    Case("s-entry-id-circled.toml", DIGITS),
    Case("s-entry-id-superscript-ten.toml", DIGITS),
    Case("s-elapsed-inf.toml", "progress.elapsed.introduction: must be a finite number, not inf"),
    Case("s-elapsed-nan.toml", "progress.elapsed.introduction: must be a finite number, not nan"),
    Case("s-elapsed-minus-inf.toml", FINITE),
    Case("s-elapsed-1e30.toml", TOO_BIG),
    Case("s-votes-10e30.toml", "votes.share-resources.agree: is 1" + "0" * 30),
    Case("s-votes-over-limit.toml", "(1,000,000)"),
    Case("s-participants-10e30.toml", "meta.participants: is 1"),
    Case("s-deep-list.toml", NESTED),
    Case("s-deep-inline-table.toml", NESTED),
    Case("s-long-dotted-key.toml", NESTED),
    Case("s-bom-and-unknown-key.toml", ":17: meta.colour: unknown key 'colour'"),
    Case("s-not-utf8.toml", "is not UTF-8 text"),
    Case("m-entry-id-superscript.toml", "comments[1].id: an entry id"),
    Case("m-entry-id-circled.toml", DIGITS),
    Case("m-votes-10e30.toml", TOO_BIG),
    Case("m-votes-over-limit.toml", TOO_BIG),
    Case("m-participants-10e30.toml", "sessions[1].participants: is 1"),
    Case("m-deep-list.toml", NESTED),
    Case("m-long-dotted-key.toml", NESTED),
    Case("m-bom-and-unknown-key.toml", "sessions[1].colour: unknown key 'colour'"),
]

GOOD_WITH_BOM = {"protocol": "good-protocol-bom.toml", "session": "good-session-bom.toml",
                 "merged": "good-merged-bom.toml"}


# -- the commands that read each kind of file --------------------------------------------------


def commands(kind: str, path: str, protocol: str = str(PROTOCOL)) -> dict[str, list[str]]:
    """Each command that reads a file of `kind`, by a short name. Paths are as given (relative
    to the folder the command runs in); every command keeps its sessions folder there."""
    if kind == "protocol":
        shared = ["--protocol", path, "--sessions", "sessions"]
        good = str(SESSION)
        return {
            "validate": ["validate", path],
            "new": [*shared, "new", "--group", "G", "--facilitator", "F"],
            "open": [*shared, "open", good],
            "merge": [*shared, "merge", good, "-o", "out.toml"],
            "export": [*shared, "export", good, "-f", "md", "-o", "out.md"],
            "results": [*shared, "results", good],
            "start": shared,
        }
    shared = ["--protocol", protocol, "--sessions", "sessions"]
    out = {
        "merge": [*shared, "merge", path, "-o", "out.toml"],
        "export": [*shared, "export", path, "-f", "csv" if kind == "merged" else "md"],
        "results": [*shared, "results", path],
    }
    if kind == "session":
        out["open"] = [*shared, "open", path]
    return out


# -- cases made in a temporary folder ----------------------------------------------------------


def make_fifo(folder: Path) -> Path:
    path = folder / "pipe.toml"
    os.mkfifo(path)
    return path


def make_device_link(folder: Path) -> Path:
    """A link named *.toml to /dev/zero: reading it never ends."""
    path = folder / "zero.toml"
    path.symlink_to("/dev/zero")
    return path


def make_loop(folder: Path) -> Path:
    (folder / "a.toml").symlink_to("b.toml")
    (folder / "b.toml").symlink_to("a.toml")
    return folder / "a.toml"


def make_self_loop(folder: Path) -> Path:
    path = folder / "self.toml"
    path.symlink_to("self.toml")
    return path


def make_dangling(folder: Path) -> Path:
    path = folder / "link.toml"
    path.symlink_to("gone-target.toml")
    return path


def make_oversize(folder: Path) -> Path:
    """A sparse file one byte over the limit: no disk used, and it must not be read."""
    from workshop.toml.io import MAX_FILE_BYTES

    path = folder / "huge.toml"
    with open(path, "wb") as f:
        f.truncate(MAX_FILE_BYTES + 1)
    return path


def make_unknown_keys(folder: Path, kind: str, megabytes: float = 2.0) -> Path:
    """A file of `kind` with about `megabytes` of unknown keys (2 MB: ~90,000 problems)."""
    head = {"protocol": "", "session": 'format = "workshop-session"\nformat_version = 1\n',
            "merged": 'format = "workshop-merged"\nformat_version = 1\n'}[kind]
    count = int(megabytes * 1024 * 1024 / 24)
    body = "".join(f"unknown_key_{n:08d} = 1\n" for n in range(count))
    path = folder / f"unknown-{kind}.toml"
    path.write_text(head + body, encoding="utf-8")
    return path


GENERATED = {
    "fifo": make_fifo, "device": make_device_link, "loop": make_loop, "self-loop": make_self_loop,
    "dangling": make_dangling, "oversize": make_oversize,
}
"""Made in a temporary folder, by name. FIFOs and devices block a reader that opens them, so
those are only ever run in a child process with a timeout."""

GENERATED_EXPECT = {
    "fifo": "is a named pipe (FIFO), not a file",
    "device": "is a device, not a file",
    "loop": "leads round in a loop",
    "self-loop": "leads round in a loop",
    "dangling": "is a symbolic link to 'gone-target.toml', which does not exist",
    "oversize": "files over 128 MiB are not read",
}
BLOCKING = ("fifo", "device")


def snapshot(folder: Path) -> dict[str, tuple]:
    """Every entry under `folder` (links and pipes not followed or opened): its type, size and
    modification time, so a test can tell that nothing was written, replaced or removed."""
    out = {}
    for root, dirs, files in os.walk(folder):
        for name in dirs + files:
            path = Path(root) / name
            info = path.lstat()
            out[str(path.relative_to(folder))] = (info.st_mode, info.st_size, info.st_mtime_ns)
    return out
