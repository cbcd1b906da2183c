"""Word diffs between a commitment's published text and a proposed wording.

`word_diff(old, new)` returns runs of ("same" | "removed" | "added", text) that the screens
colour and the exports can print, so a committee sees exactly what a group wants changed.
Nothing here imports Textual.
"""

from __future__ import annotations

import difflib
import re

_TOKEN = re.compile(r"\s+|[^\W_]+(?:['’][^\W_]+)*|.", re.DOTALL)
"""Spaces, words (with inner apostrophes: partner's), and any other character on its own, so
`outcomes` and `outcomes,` share the word and differ by the comma."""
_SPACED = re.compile(r"\s+|\S+")
"""With `whole_words`: what spaces part is one token (`outcomes,` is one word), so a change
always meets unchanged text across a space (Markdown emphasis needs that)."""
_WORDY = re.compile(r"[^\W_]")


def word_diff(old: str, new: str, whole_words: bool = False) -> list[tuple[str, str]]:
    """Runs of unchanged, removed and added text, words and spaces kept as typed. Two
    replacements parted only by spaces read as one (`a b` → `x y` is `a b` removed then `x y`
    added, not word by word); a removed run comes just before the added run replacing it.
    Punctuation is compared on its own (`outcomes` → `outcomes,` adds a comma), unless
    `whole_words`, where a word is all that spaces part."""
    token = _SPACED if whole_words else _TOKEN
    a, b = token.findall(old), token.findall(new)
    hunks: list[list[str]] = []  # ["same", text] or ["change", removed, added]
    matcher = difflib.SequenceMatcher(a=a, b=b, autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            hunks.append(["same", "".join(a[i1:i2])])
        else:
            removed, added = "".join(a[i1:i2]), "".join(b[j1:j2])
            if (removed and added and len(hunks) >= 2 and hunks[-1][0] == "same"
                    and not hunks[-1][1].strip() and hunks[-2][0] == "change"
                    and hunks[-2][1] and hunks[-2][2]):
                space = hunks.pop()[1]  # two replacements parted by a space: one replacement
                hunks[-1][1] += space + removed
                hunks[-1][2] += space + added
            else:
                hunks.append(["change", removed, added])
    runs: list[tuple[str, str]] = []
    for hunk in hunks:
        parts = [("same", hunk[1])] if hunk[0] == "same" else [("removed", hunk[1]),
                                                                ("added", hunk[2])]
        for kind, text in parts:
            if not text:
                continue
            if runs and runs[-1][0] == kind:
                runs[-1] = (kind, runs[-1][1] + text)
            else:
                runs.append((kind, text))
    return runs


def readable_runs(runs: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """The runs for showing: a space put between a removed run and the added run that replaces
    it when nothing parts them (`[-should-] {+must+}`, not `shouldmust`), so the diff reads
    without colour or strike-through (punctuation for punctuation needs none). Only for display: the texts no longer rebuild exactly."""
    out: list[tuple[str, str]] = []
    for kind, text in runs:
        if out and out[-1][0] == "removed" and kind == "added" and _WORDY.search(text) \
                and _WORDY.search(out[-1][1]) and not out[-1][1][-1:].isspace() \
                and not text[:1].isspace():
            out.append(("same", " "))
        out.append((kind, text))
    return out
