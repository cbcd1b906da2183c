"""Drafts: the text of a dialog being typed, kept beside the session file.

If the terminal is closed (SIGHUP), the app is killed or the machine dies while someone is
typing a comment, the words are not lost: the dialog's text is written to `<session>.draft`
(atomically, like every save) as it changes, and offered back the next time the session opens.
A draft is removed once its text is saved into the session or deliberately discarded. The form
for a new action or a new signatory keeps its fields the same way (`FORM_KINDS`).
Nothing here imports Textual.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from workshop.errors import SessionFileError, TomlFileError
from workshop.toml.atomic import atomic_write
from workshop.toml.io import dumps_toml, read_toml

DRAFT_KINDS = ("comment", "amendment", "answer", "edit", "reasons", "general-comments", "notes",
               "action", "signatory")
FORM_KINDS = ("action", "signatory")
"""The drafts of a form (a new action, a new signatory): their text holds the form's fields
(`fields_text`), read back with `draft_fields`."""


@dataclass(frozen=True)
class Draft:
    """Unsaved dialog text and what it was for."""

    kind: str
    """One of DRAFT_KINDS."""
    target: str
    """The commitment id, question id or entry id the text belongs to ("" for session-wide)."""
    text: str
    saved: datetime


def fields_text(fields: dict[str, str]) -> str:
    """A form's fields as a draft's text."""
    return json.dumps(fields, ensure_ascii=False, sort_keys=True)


def draft_fields(draft: Draft) -> dict[str, str]:
    """A form draft's fields ({} when its text is not a form's: nothing to restore)."""
    try:
        fields = json.loads(draft.text)
    except ValueError:
        return {}
    if not isinstance(fields, dict):
        return {}
    return {str(k): v for k, v in fields.items() if isinstance(v, str)}


def draft_path(session_path: Path) -> Path:
    return session_path.with_name(session_path.name + ".draft")


def write_draft(session_path: Path, draft: Draft) -> None:
    data = {"kind": draft.kind, "target": draft.target, "text": draft.text, "saved": draft.saved}
    atomic_write(draft_path(session_path), dumps_toml(data).encode("utf-8"))


def read_draft(session_path: Path) -> Draft | None:
    """The draft beside a session file, or None if there is none (or it cannot be read)."""
    path = draft_path(session_path)
    if not path.exists():
        return None
    try:
        data, _ = read_toml(path)
        draft = Draft(data["kind"], data["target"], data["text"], data["saved"])
    except (TomlFileError, SessionFileError, KeyError, TypeError):
        return None
    if draft.kind not in DRAFT_KINDS or not isinstance(draft.text, str):
        return None
    return draft


def discard_draft(session_path: Path) -> None:
    try:
        draft_path(session_path).unlink()
    except FileNotFoundError:
        pass
