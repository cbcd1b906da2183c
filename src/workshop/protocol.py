"""The protocol: what a workshop steps through and votes on, loaded from `protocol.toml`.

`load_protocol(path)` reads and validates the file into frozen dataclasses, or raises a
`ProtocolError` that lists *every* problem found, each with the file, line and key path.
The format is described in docs/protocol-format.md. Nothing here imports Textual.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from workshop.errors import ProtocolError, TomlFileError, display_path
from workshop.protocol_schema import RESERVED_KEYS, validate
from workshop.tomlio import read_toml

__all__ = ["RESERVED_KEYS", "Protocol", "load_protocol"]

DEFAULT_PROTOCOL_NAME = "protocol.toml"


@dataclass(frozen=True)
class VoteOption:
    """One way a participant can vote on a commitment."""

    id: str
    """Stable id, used as the key of the counts in session files (`agree`)."""
    label: str
    """What the room sees (`Agree`)."""
    key: str
    """The single lower-case letter that adds a vote; shift + the letter removes one."""


@dataclass(frozen=True)
class Commitment:
    """One "We will:" line of a principle."""

    id: str
    """Stable id, unique across the whole protocol."""
    text: str
    """The published words, verbatim."""


@dataclass(frozen=True)
class Principle:
    """One principle: a title, a one-line statement and its commitments."""

    id: str
    title: str
    statement: str
    commitments: tuple[Commitment, ...]
    minutes: float | None = None
    """Time budget for this step, if the protocol sets one."""


@dataclass(frozen=True)
class Question:
    """A consultation question put to the people in the session."""

    id: str
    text: str
    guidance: str = ""
    """Notes to read out with the question (empty when the source gives none)."""


@dataclass(frozen=True)
class Source:
    """Where the protocol's words come from."""

    document: str
    authors: str
    reviewed_in: str = ""


@dataclass(frozen=True)
class Protocol:
    """A whole protocol, validated. Ids are unique across principles, commitments, questions."""

    id: str
    title: str
    version: str
    source: Source
    introduction: str
    principles: tuple[Principle, ...]
    questions: tuple[Question, ...]
    vote_options: tuple[VoteOption, ...]
    digest: str
    """`sha256:` of the words a room responds to (see `content_digest`)."""
    questions_introduction: str = ""
    questions_minutes: float | None = None
    recommendation_question: str = ""

    @property
    def commitments(self) -> tuple[Commitment, ...]:
        """All commitments, in protocol order."""
        return tuple(c for p in self.principles for c in p.commitments)

    @property
    def option_ids(self) -> tuple[str, ...]:
        return tuple(o.id for o in self.vote_options)

    def commitment(self, commitment_id: str) -> Commitment:
        for c in self.commitments:
            if c.id == commitment_id:
                return c
        raise KeyError(commitment_id)

    def principle_of(self, commitment_id: str) -> Principle:
        for p in self.principles:
            if any(c.id == commitment_id for c in p.commitments):
                return p
        raise KeyError(commitment_id)

    def question(self, question_id: str) -> Question:
        for q in self.questions:
            if q.id == question_id:
                return q
        raise KeyError(question_id)

    def summary(self) -> str:
        """A few lines for `workshop validate` and the bare `workshop` command."""
        counts = (
            f"{len(self.principles)} principles, {len(self.commitments)} commitments, "
            f"{len(self.questions)} questions"
        )
        options = ", ".join(f"{o.label} [{o.key}]" for o in self.vote_options)
        lines = [
            f"{self.title} (id {self.id}, version {self.version})",
            counts,
            f"Vote options: {options}",
        ]
        for number, p in enumerate(self.principles, start=1):
            lines.append(f"  {number}. {p.title} ({len(p.commitments)} commitments)")
        return "\n".join(lines)


def bundled_protocol_path() -> Path:
    """The protocol shipped inside the package, so `workshop` works from any folder."""
    return Path(str(resources.files("workshop").joinpath(DEFAULT_PROTOCOL_NAME)))


def default_protocol_path(cwd: Path | None = None) -> Path:
    """`./protocol.toml` if there is one (the copy an authority edits), else the bundled one."""
    local = (cwd or Path.cwd()) / DEFAULT_PROTOCOL_NAME
    return local if local.is_file() else bundled_protocol_path()


def content_digest(data: dict[str, Any]) -> str:
    """A digest of the words a room responds to: principles, commitments, questions and the
    vote options (ids, labels, texts). Comments, layout, time budgets, keys and the
    introduction do not change it, so adjusting a timing never strands recorded sessions."""
    words = {
        "principles": [
            {
                "id": p.get("id"), "title": p.get("title"), "statement": p.get("statement"),
                "commitments": [{"id": c.get("id"), "text": c.get("text")} for c in p.get("commitments", [])],
            }
            for p in data.get("principles", [])
        ],
        "questions": [{"id": q.get("id"), "text": q.get("text")} for q in data.get("questions", [])],
        "vote_options": [{"id": o.get("id"), "label": o.get("label")} for o in data.get("vote_options", [])],
    }
    canonical = json.dumps(words, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return "sha256:" + hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def load_protocol(path: Path | str) -> Protocol:
    """Read and validate a protocol file; raise `ProtocolError` listing every problem."""
    name = display_path(path)
    try:
        data, text = read_toml(path)
    except TomlFileError as exc:
        raise ProtocolError(exc.problems) from None
    problems = validate(data, text, name)
    if problems:
        raise ProtocolError(problems)
    return _build(data)


def _minutes(value: Any) -> float | None:
    return None if value is None else float(value)


def _build(data: dict[str, Any]) -> Protocol:
    source = data["source"]
    return Protocol(
        id=data["id"],
        title=data["title"],
        version=data["version"],
        source=Source(source["document"], source["authors"], source.get("reviewed_in", "")),
        introduction=data["introduction"].strip("\n"),
        questions_introduction=data.get("questions_introduction", "").strip("\n"),
        recommendation_question=data.get("recommendation_question", "").strip("\n"),
        questions_minutes=_minutes(data.get("questions_minutes")),
        vote_options=tuple(VoteOption(o["id"], o["label"], o["key"]) for o in data["vote_options"]),
        principles=tuple(
            Principle(
                id=p["id"],
                title=p["title"],
                statement=p["statement"],
                minutes=_minutes(p.get("minutes")),
                commitments=tuple(Commitment(c["id"], c["text"]) for c in p["commitments"]),
            )
            for p in data["principles"]
        ),
        questions=tuple(
            Question(q["id"], q["text"], q.get("guidance", "").strip("\n")) for q in data["questions"]
        ),
        digest=content_digest(data),
    )

