"""What `workshop merge` reads: session files, merged files and folders of them.

`expand_inputs` turns the command line's paths into files (a folder gives its `*.toml` files,
sorted, but not its theme files `*.themes.toml`). `read_input` reads one file once and returns
the session records in it, whether it is a session file (through
`session.file_format.session_from_dict`, the one session reader) or a merged file (through
`merged_file.merged_from_dict`). Every problem raises a `SessionFileError` naming the file.
Nothing here imports Textual.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from workshop.consultation import merged_index
from workshop.consultation.merged_file import FORMAT_NAME as MERGED_FORMAT
from workshop.consultation.merged_file import merged_from_dict
from workshop.consultation.records import Merged, ProtocolRef, SessionRecord
from workshop.errors import Problem, SessionFileError, TomlFileError, display_path
from workshop.protocol.model import Protocol
from workshop.session.file_format import FORMAT_NAME as SESSION_FORMAT
from workshop.session.file_format import session_from_dict
from workshop.session.store import THEMES_SUFFIX
from workshop.toml.io import BOM, check_regular, read_bytes, read_workshop_toml

_MERGED_START = f'format = "{MERGED_FORMAT}"'.encode()
"""How every merged file workshop writes begins (a file written otherwise is simply parsed)."""


def expand_inputs(paths: list[Path]) -> tuple[list[Path], list[Problem]]:
    """Files to read, in a stable order without repeats, and the paths that gave none.

    Nothing is opened here: a folder's `*.toml` entries that are not regular files (a FIFO, a
    device, a dangling or looping link) are reported, since reading one would block or fail;
    sub-folders named `*.toml` are passed over, as before."""
    files: list[Path] = []
    problems: list[Problem] = []
    for path in paths:
        if _is_folder(path):
            found, bad = _folder_files(path)
            problems.extend(bad)
            if not found and not bad:
                problems.append(Problem(display_path(path), "is a folder with no .toml files: "
                                        "no sessions to merge"))
            files.extend(found)
        elif os.path.lexists(path):
            files.append(path)  # read_input says what is wrong with it, if anything
        else:
            problems.append(Problem(display_path(path), "no such file or folder"))
    unique: dict[Path, Path] = {}
    for f in files:
        unique.setdefault(_identity(f), f)
    return list(unique.values()), problems


def _folder_files(folder: Path) -> tuple[list[Path], list[Problem]]:
    """A folder's `*.toml` files that may be read, and a problem for each entry that may not."""
    found: list[Path] = []
    bad: list[Problem] = []
    for entry in sorted(folder.glob("*.toml")):
        if _is_folder(entry) or entry.name.endswith(THEMES_SUFFIX):  # a theme file: no session
            continue
        try:
            check_regular(entry)
        except TomlFileError as exc:
            bad.extend(exc.problems)
            continue
        found.append(entry)
    return found, bad


def _is_folder(path: Path) -> bool:
    try:
        return stat.S_ISDIR(os.stat(path).st_mode)
    except (OSError, ValueError):
        return False


def _identity(path: Path) -> Path:
    """The same file reached two ways counts once; a link that cannot be resolved is itself."""
    try:
        return path.resolve()
    except (OSError, RuntimeError):  # RuntimeError: a link loop (before Python 3.13)
        return path.absolute()


def read_input(path: Path, protocol: Protocol) -> tuple[ProtocolRef, list[SessionRecord]]:
    """The protocol a file is on (a merged file's target) and the session records in it.
    Sessions on `protocol` (same id and version) are checked against it in full; others are
    read for their structure, and their protocol is judged by the merge."""
    _, ref, records = _read_kind(path, protocol)
    return ref, records


def _read_kind(path: Path, protocol: Protocol) -> tuple[str, ProtocolRef, list[SessionRecord]]:
    """`read_input`, with the file's format (session or merged) first."""
    data, text, file = read_workshop_toml(path, "a workshop session or merged file")
    fmt = data.get("format")
    same = _same_protocol(data.get("protocol"), protocol)
    if fmt == SESSION_FORMAT:
        session = session_from_dict(data, text, file, protocol if same else None)
        record = SessionRecord.from_session(session, path.name)
        return fmt, record.protocol, [record]
    if fmt == MERGED_FORMAT:
        merged = merged_from_dict(data, text, file, protocol)
        return fmt, merged.protocol, list(merged.records.values())
    found = f"format = {fmt!r}" if "format" in data else "no 'format' key"
    hint = ""
    if path.name.endswith(THEMES_SUFFIX):
        hint = (f": it is an analyst's theme file; open the file it belongs to, "
                f"{path.name[: -len(THEMES_SUFFIX)]}.toml, and its themes come with it")
    raise SessionFileError(Problem(file, f"not a workshop session or merged file ({found}; "
                                   f"expected '{SESSION_FORMAT}' or '{MERGED_FORMAT}'){hint}",
                                   path="format", line=_line_of_format(text)))


def read_result(path: Path, protocol: Protocol) -> Merged:
    """A merged file, or a single session seen as the result of one workshop (for `results` and
    the exports). It must be on `protocol`: a session recorded on it, or a merged file whose
    target it is. A big merged file is read through its index (`merged_index`): parsed and
    checked the first time, loaded from the index every time after. Read again unchanged in
    the same run (`workshop results` checks a file before its screen opens, then shows it), the
    last result is given again without reading."""
    stamp = _stamp(path, protocol)
    if stamp is not None and (last := _LAST.get(stamp)) is not None:
        return Merged(last.protocol, dict(last.records))
    ref, records = _read_indexed(path, protocol)
    target = ProtocolRef.of(protocol)
    if ref != target:
        raise SessionFileError(Problem(
            display_path(path), f"is on protocol {ref.describe()}, but the protocol in use is "
            f"{target.describe()}: pass its protocol file with --protocol"))
    merged = Merged(target, {r.id: r for r in records})
    _LAST.clear()
    if stamp is not None:
        _LAST[stamp] = Merged(target, dict(merged.records))
    return merged


_LAST: dict[tuple, Merged] = {}
"""The last result `read_result` read, by its file's stamp: one only, so memory stays bounded."""


def _stamp(path: Path, protocol: Protocol) -> tuple | None:
    """What changes whenever a file's content can have changed (its change time cannot be set
    back), with the protocol it is read on; None if the file cannot be looked at."""
    try:
        info = os.stat(path)
        where = os.path.realpath(path)
    except (OSError, ValueError):
        return None
    return (where, info.st_dev, info.st_ino, info.st_size, info.st_mtime_ns, info.st_ctime_ns,
            protocol.digest, path.name)


def _same_protocol(table: object, protocol: Protocol) -> bool:
    return (isinstance(table, dict) and table.get("id") == protocol.id
            and table.get("version") == protocol.version)


def _line_of_format(text: str) -> int | None:
    for number, line in enumerate(text.splitlines(), start=1):
        if line.strip().startswith("format") and "=" in line:
            return number
    return None


def _read_indexed(path: Path, protocol: Protocol) -> tuple[ProtocolRef, list[SessionRecord]]:
    """`read_input` for `read_result`: a merged file of `merged_index.MIN_BYTES` or more is
    loaded from its index when there is one, and indexed when there is not. The file's bytes
    are checked as `read_toml` checks them (a FIFO or a device is refused unopened)."""
    try:
        size = check_regular(path).st_size
    except TomlFileError as exc:
        raise SessionFileError(exc.problems) from None
    if size < merged_index.MIN_BYTES:
        return read_input(path, protocol)
    try:
        raw = read_bytes(path)
    except TomlFileError as exc:
        raise SessionFileError(exc.problems) from None
    if not raw.lstrip(BOM.encode()).startswith(_MERGED_START):
        return read_input(path, protocol)
    key = merged_index.content_key(raw, protocol.digest)
    del raw
    if (found := merged_index.load(key)) is not None:
        return found
    fmt, ref, records = _read_kind(path, protocol)
    if fmt == MERGED_FORMAT:
        merged_index.save(key, ref, records)
    return ref, records
