"""Making people's words inert in each export format, while keeping them as typed.

- Spreadsheets (CSV, XLSX): a text cell that starts with `=`, `+`, `-`, `@`, tab, CR or NUL gets
  a leading single quote, so no spreadsheet reads it as a formula (the OWASP CSV-injection
  guidance). Numbers are never passed through here: they stay numbers.
- Markdown: only what would change the rendering is backslash-escaped, so text pasted into an
  editor that shows escapes keeps "A & B", "co-operate", "a_b_c" and "5-10" clean. Always:
  `\\`, backquote, `*`, `[`, `]`, `|`. `&` only where it would start an entity (`&amp;`,
  `&#60;`); `<` only before a letter, `/`, `!` or `?` (HTML, autolinks); `_` only at a word's
  edge (inside a word it cannot make emphasis); `~` in a run of two or more, or when the text
  holds more than one (GitHub strikes `~one~` through). At the start of a line only: `>`, `#`
  (a heading), `-`/`+` (a list, a rule, a setext underline), `=` (an underline), `1.`/`1)`.
  Line breaks become hard breaks inside the same paragraph, so text cannot end a table or a
  list, make a heading, a link or HTML.
- HTML: `html.escape` (quotes included); line breaks are kept by CSS (`white-space: break-spaces`).
- Everywhere: control characters that a file format cannot hold (NUL and the other C0 controls
  but tab, LF and CR; DEL) are shown as their Unicode "control pictures" (NUL as `␀`), so the
  character is visible rather than lost or fatal to an XML writer.

Nothing here imports Textual.
"""

from __future__ import annotations

import html
import re
from html.entities import html5

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\0")
"""What makes a spreadsheet read a cell as a formula (or a DDE command)."""

_CONTROLS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_MD_INLINE = re.compile(r"[\\`*\[\]|]"
                        r"|&(?=#[0-9]{1,7};|#[xX][0-9a-fA-F]{1,6};|[A-Za-z][A-Za-z0-9]{0,47};)"
                        r"|<(?=[A-Za-z/!?])|_+|~+")
"""What may need a backslash inside a line (`&`, `_` and `~` are judged in `_md_escape`)."""
_MD_LINE_START = re.compile(r"^([ \t]*)(>|#{1,6}(?=[ \t]|$)|[-+](?=[ \t]|$)|-(?=[ \t]*-)"
                            r"|=+[ \t]*$|\d{1,9}[.)](?=[ \t]|$))")
"""A block marker at the start of a line: quote, heading, list, rule, setext underline."""
_MD_CLOSING_HASHES = re.compile(r"(^|[ \t])(#+)([ \t]*)$")
_WORD_CHAR = re.compile(r"[^\W_]")
_LINE_BREAK = re.compile(r"\r\n|\r|\n")


def visible_controls(text: str) -> str:
    """Control characters other than tab, LF and CR as their control pictures (`\\x00` → `␀`)."""
    return _CONTROLS.sub(_picture, text)


def _picture(match: re.Match[str]) -> str:
    code = ord(match.group())
    return "\u2421" if code == 0x7F else chr(0x2400 + code)


def spreadsheet_text(text: str) -> str:
    """A text cell for CSV or XLSX that no spreadsheet will run as a formula."""
    safe = visible_controls(text)
    return "'" + safe if text.startswith(FORMULA_STARTS) else safe


def lines(text: str) -> list[str]:
    """The text's lines, splitting on CRLF, CR or LF (Windows, old Mac and Unix endings)."""
    return _LINE_BREAK.split(text)


def md_inline(text: str) -> str:
    """One line of text as inert Markdown: no emphasis, code, link, HTML, table cell or entity,
    and no block marker or code block should it start a line (leading spaces, which no
    one-line place shows, are dropped). Line breaks become spaces."""
    return _md_line_start(_md_escape(_one_line(text).lstrip(" \t")))


def md_heading(text: str) -> str:
    """`md_inline` for the end of an ATX heading: a closing run of `#` stays text."""
    return _MD_CLOSING_HASHES.sub(r"\1\\\2\3", md_inline(text))


def md_cell(text: str) -> str:
    """Text for a Markdown table cell: inert, on one line, never empty (an empty cell is fine,
    but a cell of spaces only is not kept by every renderer). A cell holds no blocks, so a
    leading `-` or `#` needs no backslash."""
    return _md_escape(_one_line(text)).strip() or " "


def md_emphasis(text: str, marker: str) -> str:
    """`text` between `marker`s (`**` bold, `~~` struck through), inert inside; its leading and
    trailing spaces go outside the markers, where CommonMark needs them to see emphasis.
    Text of spaces only is returned as is, without markers. Line breaks become spaces."""
    one_line = _one_line(text)
    core = one_line.strip()
    if not core:
        return one_line
    lead = one_line[: len(one_line) - len(one_line.lstrip())]
    trail = one_line[len(one_line.rstrip()):]
    return f"{lead}{marker}{_md_escape(core, edges=True)}{marker}{trail}"


def md_text(text: str) -> str:
    """Text inside a line that is not its start: inert, on one line (`md_inline` without the
    block-marker escapes)."""
    return _md_escape(_one_line(text))


def md_line_start(line: str) -> str:
    """An already escaped line whose start might read as a block marker, made safe."""
    return _md_line_start(line)


def _one_line(text: str) -> str:
    return " ".join(lines(visible_controls(text)))


def _md_escape(text: str, edges: bool = False) -> str:
    """Backslashes where a character would change the rendering inside a line (see the module
    docstring). With `edges`, a `~` at either end is escaped too (it would touch a `~~`)."""
    several_tildes = text.count("~") > 1

    def escape(match: re.Match[str]) -> str:
        run, start, end = match.group(), match.start(), match.end()
        if run[0] == "_":
            inside = (start > 0 and end < len(text) and _WORD_CHAR.match(text[start - 1])
                      and _WORD_CHAR.match(text[end]))
            return run if inside else "\\_" * len(run)
        if run[0] == "~":
            touches = edges and (start == 0 or end == len(text))
            return "\\~" * len(run) if len(run) > 1 or several_tildes or touches else run
        if run == "&":  # a reference CommonMark knows: numeric, or an HTML5 entity's name
            name = text[end:text.index(";", end) + 1]
            return "\\&" if name.startswith("#") or name in html5 else run
        return "\\" + run

    return _MD_INLINE.sub(escape, text)


def _md_line_start(line: str) -> str:
    return _MD_LINE_START.sub(_escape_marker, line)


def _escape_marker(match: re.Match[str]) -> str:
    space, marker = match.group(1), match.group(2)
    if marker[0].isdigit():
        return f"{space}{marker[:-1]}\\{marker[-1]}"
    return f"{space}\\{marker}"


def md_paragraph(text: str, indent: str = "", start: bool = True) -> str:
    """Text that may span lines, as one inert Markdown paragraph.

    The first line is returned as is (for after a list marker or a label); later lines are
    prefixed with `indent` so they stay inside the list item. Each line break becomes a hard
    break (a trailing backslash); an empty line becomes a non-breaking space, so a blank line
    typed by a participant cannot end the paragraph. Leading spaces and tabs are written as
    character references, so they cannot start an indented code block. A line's block marker
    is escaped where the line starts a block: every later line, and the first when `start`
    (it follows a list marker, not a label).
    """
    out = []
    for n, line in enumerate(lines(visible_controls(text))):
        stripped = line.lstrip(" \t")
        indent_chars = line[: len(line) - len(stripped)]
        lead = "".join("&#9;" if ch == "\t" else "&#32;" for ch in indent_chars)
        body = _md_escape(stripped)
        if not lead and (n or start):
            body = _md_line_start(body)
        out.append(lead + body if (lead or body) else "&nbsp;")
    return ("\\\n" + indent).join(out)


def html_text(text: str) -> str:
    """Text for HTML content or an attribute value, inert."""
    return html.escape(visible_controls(text), quote=True)


def docx_text(text: str) -> str:
    """Text for Word: controls made visible, and Windows line endings as one break."""
    return visible_controls(text.replace("\r\n", "\n"))
