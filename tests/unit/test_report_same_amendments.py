"""Proposed wordings are grouped exactly as before they were made fast (issue 15).

`group_amendments` now compares each proposal with the published text once, reuses that
comparison for the group's changes and works its word diff out only when asked. Here it is
checked against the way it was done before (kept below as the reference: two comparisons per
proposal and the diff made at once) on thousands of proposals made by changing the protocol's
own commitments word by word: the same groups, in the same order, with the same changes,
summaries and diffs.
"""

from __future__ import annotations

import difflib
import random
from types import SimpleNamespace

from workshop.consultation.amendments import _WORD, Change, _fold, _span, group_amendments
from workshop.consultation.wording import word_diff

EXTRA = ["independently", "Independently", "verified", "must", "always", "never", "=SUM(A1)",
         "partner's", "partners’", "<b>now</b>", "🎉", "(verified)", "and", "the", "x"]


def _hunks(published: str, proposed: str):
    a, b = list(_WORD.finditer(published)), list(_WORD.finditer(proposed))
    matcher = difflib.SequenceMatcher(a=[_fold(m.group()) for m in a],
                                      b=[_fold(m.group()) for m in b], autojunk=False)
    return a, b, [op for op in matcher.get_opcodes() if op[0] != "equal"]


def reference(published: str, proposals, workshops: int):
    """group_amendments as it was at 8846c29: (texts, changes, diff) per group, in order."""
    grouped: dict[tuple, list] = {}
    for p in proposals:
        a, b, ops = _hunks(published, p.text)
        key = tuple((i1, tuple(_fold(m.group()) for m in a[i1:i2]),
                     tuple(_fold(m.group()) for m in b[j1:j2])) for _, i1, i2, j1, j2 in ops)
        grouped.setdefault(key, []).append(p)
    groups = []
    for members in grouped.values():
        a, b, ops = _hunks(published, members[0].text)
        changes = tuple(Change(_span(published, a[i1:i2]), _span(members[0].text, b[j1:j2]))
                        for _, i1, i2, j1, j2 in ops)
        groups.append((members, changes, tuple(word_diff(published, members[0].text))))
    order = {id(g): n for n, g in enumerate(groups)}
    groups.sort(key=lambda g: (-len({p.session_id for p in g[0]}), -len(g[0]), order[id(g)]))
    return [([p.text for p in m], c, d) for m, c, d in groups]


def proposal(rng: random.Random, words: list[str]) -> str:
    """The published words with a few random edits, case and punctuation changes."""
    out = list(words)
    for _ in range(rng.randint(0, 3)):
        where = rng.randint(0, len(out))
        edit = rng.choice(("add", "remove", "replace", "case", "punct"))
        if edit == "add" or not out:
            out.insert(where, rng.choice(EXTRA))
        elif edit == "remove":
            del out[min(where, len(out) - 1)]
        elif edit == "replace":
            out[min(where, len(out) - 1)] = rng.choice(EXTRA)
        elif edit == "case":
            out = [w.upper() if rng.random() < 0.2 else w for w in out]
        else:
            out[-1] = out[-1].rstrip(".") + rng.choice(("!", ".", "", ","))
    return " ".join(out)


def test_groups_are_the_same_as_the_reference(protocol):
    rng = random.Random(15)
    checked = 0
    for c in protocol.commitments:
        words = c.text.split()
        proposals = [SimpleNamespace(text=proposal(rng, words), session_id=f"s{rng.randint(0, 9)}")
                     for _ in range(60)]
        proposals += proposals[:10]  # the same texts proposed again
        groups = group_amendments(c.text, proposals, 10)
        expected = reference(c.text, proposals, 10)
        got = [([p.text for p in g.proposals], g.changes, g.diff) for g in groups]
        assert got == expected
        assert all(g.summary for g in groups)
        checked += len(groups)
    assert checked > 500  # many groups, not a few large ones
