"""Proposed wordings grouped across workshops: which changes to a commitment the groups ask for.

Every proposed wording is compared word by word with the commitment's published text
(wording.word_diff). Two proposals are **near-identical**, and so grouped, when they make the
same changes: the same words removed and the same words added, at the same places in the
published text, once case and punctuation are ignored. "Partners will be independently
verified." and "partners will be Independently Verified" are one proposal; adding 'independently'
and adding 'externally' are two. Spacing, capitals, full stops and commas never split a group;
any different word does.

A group is described in words from its first proposal (`adding 'independently verified'`,
`removing 'always'`, `replacing 'should' with 'must'`), and counted in workshops, not
proposals: "3 of 9 workshops propose adding 'independently verified'". Groups are listed most
workshops first, then in the order they were first proposed. Nothing here imports Textual.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import Protocol as Shape

from workshop.consultation.wording import word_diff

_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
"""A word for comparing: letters and digits, with inner apostrophes (partner's)."""


class Proposal(Shape):
    """What grouping needs of a proposed wording (report.Note has it)."""

    text: str
    session_id: str


@dataclass(frozen=True)
class Change:
    """One place where a proposal differs from the published text, as typed in the proposal."""

    removed: str
    added: str

    def describe(self) -> str:
        if self.removed and self.added:
            return f"replacing '{self.removed}' with '{self.added}'"
        if self.added:
            return f"adding '{self.added}'"
        return f"removing '{self.removed}'"


@dataclass(frozen=True)
class AmendmentGroup:
    """Near-identical proposed wordings of one commitment (see the module docstring)."""

    proposals: tuple[Proposal, ...]
    """Oldest first; the first one is the group's representative."""
    changes: tuple[Change, ...]
    """What the first proposal changes, in the published text's order; () when it changes no
    word (only case or punctuation)."""
    published: str
    """The commitment's published text."""
    of: int
    """How many workshops the report has."""

    @cached_property
    def diff(self) -> tuple[tuple[str, str], ...]:
        """The first proposal as a word diff against the published text (wording.word_diff),
        worked out the first time it is asked for: only the views that show it need it."""
        return tuple(word_diff(self.published, self.text))

    @property
    def text(self) -> str:
        """The first proposal, as typed."""
        return self.proposals[0].text

    @property
    def workshops(self) -> int:
        """How many workshops made a proposal of this group."""
        return len({p.session_id for p in self.proposals})

    @property
    def change_text(self) -> str:
        """`adding 'independently verified' and removing 'always'`."""
        if not self.changes:
            return "the published words, changing only capitals or punctuation"
        return " and ".join(c.describe() for c in self.changes)

    @property
    def summary(self) -> str:
        """`3 of 9 workshops propose adding 'independently verified'`; `The workshop proposes
        …` in a report of one."""
        n = self.workshops
        if self.of == 1:
            head = "The workshop proposes"
        else:
            head = f"{n} of {self.of} workshops " + ("proposes" if n == 1 else "propose")
        tail = f" ({len(self.proposals)} proposals)" if len(self.proposals) != n else ""
        return f"{head} {self.change_text}{tail}"


def words(text: str) -> list[str]:
    """The words of `text` for comparing: case folded, punctuation and spacing dropped."""
    return [_fold(m.group()) for m in _WORD.finditer(text)]


def _fold(word: str) -> str:
    return word.replace("’", "'").casefold()


ChangeKey = tuple[tuple[int, tuple[str, ...], tuple[str, ...]], ...]
"""Each change as (where in the published words, the words removed, the words added)."""


class _Words:
    """A text's words for comparing: their matches (where each is, as typed) and folded."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.matches = list(_WORD.finditer(text))
        self.folded = [_fold(m.group()) for m in self.matches]


def _hunks(published: _Words, proposed: _Words) -> list[tuple[str, int, int, int, int]]:
    """The opcodes other than equal that turn the published words into the proposed ones."""
    matcher = difflib.SequenceMatcher(a=published.folded, b=proposed.folded, autojunk=False)
    return [op for op in matcher.get_opcodes() if op[0] != "equal"]


def _key(published: _Words, proposed: _Words, ops) -> ChangeKey:
    a, b = published.folded, proposed.folded
    return tuple((i1, tuple(a[i1:i2]), tuple(b[j1:j2])) for _, i1, i2, j1, j2 in ops)


def _changes(published: _Words, proposed: _Words, ops) -> tuple[Change, ...]:
    a, b = published.matches, proposed.matches
    return tuple(Change(_span(published.text, a[i1:i2]), _span(proposed.text, b[j1:j2]))
                 for _, i1, i2, j1, j2 in ops)


def change_key(published: str, proposed: str) -> ChangeKey:
    """What makes two proposals near-identical: each change as (where in the published words,
    the words removed, the words added), all case-folded and without punctuation."""
    a, b = _Words(published), _Words(proposed)
    return _key(a, b, _hunks(a, b))


def changes(published: str, proposed: str) -> tuple[Change, ...]:
    """The changes `proposed` makes (the same ones `change_key` compares), each quoted from the
    texts as typed: from its first word to its last."""
    a, b = _Words(published), _Words(proposed)
    return _changes(a, b, _hunks(a, b))


def _span(text: str, matches: list[re.Match[str]]) -> str:
    """From the first word to the last as typed, with the marks stuck to them (`=SUM(A1)`,
    `(verified)`), less the sentence's own punctuation at either edge."""
    if not matches:
        return ""
    start, end = matches[0].start(), matches[-1].end()
    while start > 0 and not text[start - 1].isspace():
        start -= 1
    while end < len(text) and not text[end].isspace():
        end += 1
    return text[start:end].strip(_EDGE)


_EDGE = ".,;:!?\"“”‘’'"
"""Punctuation that ends or quotes a sentence rather than belonging to the words changed."""


def group_amendments(published: str, proposals: Sequence[Proposal],
                     workshops: int) -> tuple[AmendmentGroup, ...]:
    """The proposals on one commitment in near-identical groups, most workshops first. Each
    proposal is compared with the published text once (the same text proposed again, once in
    all); a group's changes are read from its first proposal's comparison."""
    base = _Words(published)
    grouped: dict[ChangeKey, list[Proposal]] = {}
    first: dict[ChangeKey, tuple[Change, ...]] = {}
    seen: dict[str, ChangeKey] = {}
    for p in proposals:
        key = seen.get(p.text)
        if key is None:
            words = _Words(p.text)
            ops = _hunks(base, words)
            key = seen[p.text] = _key(base, words, ops)
            if key not in first:
                first[key] = _changes(base, words, ops)
        grouped.setdefault(key, []).append(p)
    groups = [AmendmentGroup(tuple(members), first[key], published, workshops)
              for key, members in grouped.items()]
    order = {id(g): n for n, g in enumerate(groups)}
    return tuple(sorted(groups, key=lambda g: (-g.workshops, -len(g.proposals), order[id(g)])))
