"""Loading a protocol: where the file is, reading and checking it, and its digest.

`load_protocol(path)` reads and validates the file into the frozen dataclasses of model.py, or
raises a `ProtocolError` that lists *every* problem found, each with the file, line and key path.
Nothing here imports Textual.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

from workshop.errors import ProtocolError, TomlFileError, display_path
from workshop.protocol.model import (
    DEFAULT_SCALE,
    Commitment,
    Principle,
    Protocol,
    Question,
    RatingPoint,
    RatingScale,
    Source,
    VoteOption,
)
from workshop.protocol.schema import check
from workshop.toml.io import read_toml

DEFAULT_PROTOCOL_NAME = "protocol.toml"


def bundled_protocol_path() -> Path:
    """The protocol shipped inside the package, so `workshop` works from any folder. (The
    package is installed as files, never zipped, so this is its path; `importlib.resources`
    would pull in zipfile before the first screen to say the same.)"""
    return Path(__file__).with_name(DEFAULT_PROTOCOL_NAME)


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
    problems, more = check(data, text, name)
    if problems:
        raise ProtocolError(problems, more=more)
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
        rating_scale=_scale(data),
    )


def _scale(data: dict[str, Any]) -> RatingScale:
    points = data.get("rating_scale")
    if not points:
        return RatingScale(DEFAULT_SCALE.points, data.get("rating_low", DEFAULT_SCALE.low))
    scale = tuple(RatingPoint(p["value"], p["label"]) for p in points)
    return RatingScale(scale, data.get("rating_low", scale[0].value if len(scale) < 3
                                       else scale[1].value))

