"""Making people's words inert in each export format, while keeping them as typed.

- Spreadsheets (CSV, XLSX): a text cell that starts with `=`, `+`, `-`, `@`, tab, CR or NUL gets
  a leading single quote, so no spreadsheet reads it as a formula (the OWASP CSV-injection
  guidance). Numbers are never passed through here: they stay numbers.
- Markdown: every character with a meaning inline (`\\ ` * _ [ ] < > | # ~ &`) is
  backslash-escaped, block markers at the start of a line (`-`, `+`, `=`, `1.`) too, and line
  breaks become hard breaks inside the same paragraph, so text cannot end a table or a list,
  make a heading, a link or HTML.
- HTML: `html.escape` (quotes included); line breaks are kept by CSS (`white-space: pre-wrap`).
- Everywhere: control characters that a file format cannot hold (NUL and the other C0 controls
  but tab, LF and CR; DEL) are shown as their Unicode "control pictures" (NUL as `␀`), so the
  character is visible rather than lost or fatal to an XML writer.

Nothing here imports Textual.
"""

from __future__ import annotations

import html
import re

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\0")
"""What makes a spreadsheet read a cell as a formula (or a DDE command)."""

_CONTROLS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_MD_INLINE = re.compile(r"([\\`*_\[\]<>|#~&])")
_MD_LINE_START = re.compile(r"^([ \t]*)([-+=]|\d{1,9}[.)])")
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
    """One line of text as inert Markdown: no emphasis, code, link, HTML, table cell or entity.
    Line breaks become spaces (for headings and table cells)."""
    one_line = " ".join(lines(visible_controls(text)))
    return _md_line(one_line)


def _md_line(line: str) -> str:
    escaped = _MD_INLINE.sub(r"\\\1", line)
    return _MD_LINE_START.sub(_escape_marker, escaped)


def _escape_marker(match: re.Match[str]) -> str:
    space, marker = match.group(1), match.group(2)
    return f"{space}{marker[:-1]}\\{marker[-1]}"


def md_cell(text: str) -> str:
    """Text for a Markdown table cell: inert, on one line, never empty (an empty cell is fine,
    but a cell of spaces only is not kept by every renderer)."""
    return md_inline(text).strip() or " "


def md_paragraph(text: str, indent: str = "") -> str:
    """Text that may span lines, as one inert Markdown paragraph.

    The first line is returned as is (for after a list marker or a label); later lines are
    prefixed with `indent` so they stay inside the list item. Each line break becomes a hard
    break (a trailing backslash); an empty line becomes a non-breaking space, so a blank line
    typed by a participant cannot end the paragraph. Leading spaces and tabs are written as
    character references, so they cannot start an indented code block.
    """
    out = []
    for line in lines(visible_controls(text)):
        stripped = line.lstrip(" \t")
        indent_chars = line[: len(line) - len(stripped)]
        lead = "".join("&#9;" if ch == "\t" else "&#32;" for ch in indent_chars)
        body = _md_line(stripped)
        out.append(lead + body if (lead or body) else "&nbsp;")
    return ("\\\n" + indent).join(out)


def html_text(text: str) -> str:
    """Text for HTML content or an attribute value, inert."""
    return html.escape(visible_controls(text), quote=True)


def docx_text(text: str) -> str:
    """Text for Word: controls made visible, and Windows line endings as one break."""
    return visible_controls(text.replace("\r\n", "\n"))
