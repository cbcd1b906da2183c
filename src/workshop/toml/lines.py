"""Find the line a key path sits on in TOML text, so errors can say `file:LINE`.

The standard TOML parsers give positions only for syntax errors. For a problem found later
(a missing field, a wrong type, a duplicate id) we know the key path, such as
`("principles", 2, "commitments", 0, "text")`, and look its line up here with a small scan of
table headers and `key = ` lines. It understands the forms people write by hand (tables, arrays
of tables, dotted and quoted keys, multi-line strings); anything it cannot place gets no line and
the error still names the key path.
"""

from __future__ import annotations

import re

KeyPath = tuple[str | int, ...]

_HEADER = re.compile(r"^\s*(\[\[?)\s*(.+?)\s*\]\]?\s*(#.*)?$")
_KEY = re.compile(r"""^\s*((?:[A-Za-z0-9_-]+|"(?:[^"\\]|\\.)*"|'[^']*')(?:\s*\.\s*(?:[A-Za-z0-9_-]+|"(?:[^"\\]|\\.)*"|'[^']*'))*)\s*=""")
_PART = re.compile(r"""[A-Za-z0-9_-]+|"(?:[^"\\]|\\.)*"|'[^']*'""")


def _parts(dotted: str) -> list[str]:
    out = []
    for token in _PART.findall(dotted):
        if token.startswith('"'):
            out.append(token[1:-1].encode("utf-8").decode("unicode_escape", "replace"))
        elif token.startswith("'"):
            out.append(token[1:-1])
        else:
            out.append(token)
    return out


def key_lines(text: str) -> dict[KeyPath, int]:
    """Map each key path in `text` to the 1-based line that defines it."""
    lines: dict[KeyPath, int] = {}
    array_counts: dict[KeyPath, int] = {}
    current: KeyPath = ()
    in_multiline: str | None = None

    def resolve(names: list[str]) -> KeyPath:
        path: KeyPath = ()
        for name in names:
            path = (*path, name)
            if path in array_counts:
                path = (*path, array_counts[path] - 1)
        return path

    for number, line in enumerate(text.splitlines(), start=1):
        if in_multiline:
            if line.count(in_multiline) % 2 == 1:
                in_multiline = None
            continue
        header = _HEADER.match(line)
        if header and not _KEY.match(line):
            names = _parts(header.group(2))
            if header.group(1) == "[[":
                parent = resolve(names[:-1])
                key = (*parent, names[-1])
                array_counts[key] = array_counts.get(key, 0) + 1
                current = (*key, array_counts[key] - 1)
            else:
                current = resolve(names)
            lines.setdefault(current, number)
            continue
        key = _KEY.match(line)
        if key:
            path = (*current, *_parts(key.group(1)))
            lines.setdefault(path, number)
            rest = line[key.end():].lstrip()
            for quote in ('"""', "'''"):
                # Only a value that starts with three quotes can run on: three quotes inside a
                # one-line string are just text.
                if rest.startswith(quote) and rest.count(quote) % 2 == 1:
                    in_multiline = quote
                    break
    return lines


def line_of(lines: dict[KeyPath, int], path: KeyPath) -> int | None:
    """The line of `path`, or of its nearest ancestor that has one (a table for a missing key)."""
    while path:
        if path in lines:
            return lines[path]
        path = path[:-1]
    return None


def format_path(path: KeyPath) -> str:
    """`("principles", 2, "id")` → `principles[3].id`: positions count from 1, as people do."""
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part + 1}]"
        else:
            out += ("." if out else "") + part
    return out
