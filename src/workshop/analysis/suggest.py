"""Suggested themes: groups of untagged entries that say similar things, each named by a few
of its words, found offline and the same way every time for the same input.

`suggest(items)` takes (ref, text) pairs, ref being (session id, entry id), and returns
`Suggestion`s: a label of two to four words ("funding · budget · money") and the refs of the
entries in the group. Nothing is tagged here: the analyst accepts, renames or rejects each
suggestion (tui/screens/suggestions.py), or reads them (`workshop themes suggest`).

How: each text becomes a TF-IDF vector of its words (English stop words and a few fillers
left out, a plural folded into its singular: "budgets" counts as "budget"), and k-means groups
the vectors. A word only one entry uses cannot join it to another, so such words are dropped;
an entry left with no word is left out, as is a text of fewer than MIN_WORDS words ("Yes.",
"Agreed"). Unless asked for, the number of groups is chosen by the silhouette (how much
nearer each entry is to its own group than to the next), tried from 2 to MAX_GROUPS and up to
a third of the entries (MEAN_GROUP; two for four or five entries): the fewest groups that
score within SLACK of the best. Asked for, it is at most half the entries. A group of one is
no suggestion. On the twelve comments of tests/unit/test_suggest.py (money, training, the
Welsh language) this finds the three topics, each whole.

Deterministic: entries are sorted by ref before fitting (a repeated ref is taken once), the
k-means seed and its restarts are fixed, the silhouette is computed on a fixed sample, and
ties (between numbers of groups, label words, groups) are broken by size and then by ref or
by word, never by chance. A group's members are listed in the order the items came.

scikit-learn is the optional extra `suggest`, imported only when suggestions are asked for, so
nothing else in workshop loads it; without it, `SuggestionsUnavailable` says what to install.
Nothing here imports Textual.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from types import SimpleNamespace

from workshop.analysis.book import entry_order
from workshop.analysis.codebook import MAX_NAME
from workshop.errors import WorkshopError

Ref = tuple[str, str]
"""(session id, entry id): what a tag is keyed by (book.py)."""

MISSING_EXTRA = "Suggestions need the optional extra: pip install 'workshop[suggest]'"
MIN_WORDS = 2
"""A text of fewer words (`Yes`, `Agreed.`, `n/a`) says too little to be grouped."""
MAX_GROUPS = 12
"""The most groups chosen automatically; more can be asked for (`groups=`)."""
MEAN_GROUP = 3
"""The number of groups chosen automatically is at most a third of the entries, so a group
has three members on average: the silhouette of short texts, free to choose, prefers many
pairs (two comments that share a rare word) to the themes an analyst looks for."""
SLACK = 0.15
"""The fewest groups whose silhouette comes within this share of the best are chosen: a few
more groups that score barely higher split a theme in two ("funding" apart from "money ·
budget") more often than they find another."""
SEED = 0
RESTARTS = 4
"""k-means runs from this many seeded starts and keeps the tightest (scikit-learn's n_init)."""
SAMPLE = 2000
"""The silhouette is measured on at most this many entries (a seeded sample): it compares
every pair, and a sample of 2,000 ranks the numbers of groups as the whole would."""
THREADS = 1
"""k-means and the silhouette run on one thread. A few thousand short texts gain little from
more, and on a laptop busy with other work their OpenMP threads wait on each other: on two
busy cores, 5,000 entries took 10 s on two threads and 1.1 s on one (benchmarks/suggest.py)."""
LABEL_WORDS = 4
LABEL_SHARE = 0.5
"""A third or fourth label word is kept only if it weighs at least this share of the first."""
FILLERS = frozenset({"need", "needs", "needed", "think", "really", "just", "like", "make",
                     "ensure", "lot", "lots", "way", "ways", "thing", "things", "good",
                     "better", "important", "want", "yes", "ok", "okay", "eg", "ie"})
"""Words that say nothing of what a comment is about, beyond scikit-learn's English stop
words."""
_WORD = re.compile(r"[^\W\d_]{2,}")  # two or more letters: no digits, no underscores


class SuggestionsUnavailable(WorkshopError):
    """scikit-learn, the optional extra `suggest`, is not installed."""


@dataclass(frozen=True)
class Suggestion:
    """A group of entries that say similar things."""

    label: str
    """The words joined with ` · `: what the group is about, a first name for its theme."""
    words: tuple[str, ...]
    """The two to four words that weigh most in the group, heaviest first (one when the group
    shares only one), as people wrote them; together at most a theme name's length."""
    members: tuple[Ref, ...]
    """The entries' refs, in the order the items came; at least two."""


def suggest(items: Iterable[tuple[Ref, str]], groups: int | None = None) -> list[Suggestion]:
    """Groups of `items` ((ref, text) pairs) that say similar things, largest first (then the
    one with the first ref).

    `groups` asks for that many groups (fewer come back when the entries cannot make them);
    None chooses the number (see the module docstring). Raises SuggestionsUnavailable without
    scikit-learn."""
    sk = _sklearn()
    position: dict[Ref, int] = {}
    texts: dict[Ref, str] = {}
    for ref, text in items:
        if ref not in position:
            position[ref] = len(position)
            texts[ref] = text
    refs = sorted((r for r in texts if len(texts[r].split()) >= MIN_WORDS), key=entry_order)
    fitted = _vectorise(sk, refs, texts)
    if fitted is None:
        return []
    matrix, refs, describe = fitted
    with sk.threadpool_limits(limits=THREADS):
        labels = _cluster(sk, matrix, groups)
    found = []
    for cluster in sorted(set(labels)):
        rows = [i for i, label in enumerate(labels) if label == cluster]
        if len(rows) < 2:
            continue
        words = describe(matrix[rows].mean(axis=0).A1)
        members = tuple(sorted((refs[i] for i in rows), key=position.__getitem__))
        found.append(Suggestion(" · ".join(words), words, members))
    found.sort(key=lambda s: (-len(s.members), min(entry_order(r) for r in s.members)))
    return found


def _vectorise(sk: SimpleNamespace, refs: list[Ref], texts: dict[Ref, str]):
    """The TF-IDF matrix of the texts that share a word with another, their refs, and what
    names a group from its centroid; None when fewer than two entries are left."""
    if len(refs) < 2:
        return None
    surfaces: dict[str, Counter[str]] = {}
    vectoriser = sk.TfidfVectorizer(analyzer=lambda text: _terms(text, sk.stop_words, surfaces),
                                    min_df=2, sublinear_tf=True)
    try:
        matrix = vectoriser.fit_transform([texts[r] for r in refs])
    except ValueError:  # no word is shared by two entries: nothing to group
        return None
    kept = [i for i, n in enumerate(matrix.getnnz(axis=1)) if n]
    if len(kept) < 2:
        return None
    terms = vectoriser.get_feature_names_out()
    return (matrix[kept], [refs[i] for i in kept],
            lambda weights: _label_words(weights, terms, surfaces))


def _sklearn() -> SimpleNamespace:
    """The parts of scikit-learn used here, imported now; SuggestionsUnavailable without it."""
    try:
        # `sklearn` itself first: were its submodules imported earlier, they would be found
        # even with the package gone (or blocked, as the tests block it).
        import sklearn  # noqa: F401
        from sklearn.cluster import KMeans
        from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS, TfidfVectorizer
        from sklearn.metrics import silhouette_score
        from threadpoolctl import threadpool_limits  # a dependency of scikit-learn
    except ImportError:
        raise SuggestionsUnavailable(MISSING_EXTRA) from None
    return SimpleNamespace(KMeans=KMeans, TfidfVectorizer=TfidfVectorizer,
                           silhouette_score=silhouette_score, threadpool_limits=threadpool_limits,
                           stop_words=frozenset(ENGLISH_STOP_WORDS | FILLERS))


def _terms(text: str, stop: frozenset[str], surfaces: dict[str, Counter[str]]) -> list[str]:
    """The words of a text that can say what it is about: lower case, stop words and fillers
    left out, plurals folded (`budgets` → `budget`). Each term's words as written are counted
    in `surfaces`, so a label shows the word people used."""
    out = []
    for word in _WORD.findall(text.lower()):
        if word in stop:
            continue
        term = _singular(word)
        surfaces.setdefault(term, Counter())[word] += 1
        out.append(term)
    return out


def _singular(word: str) -> str:
    """A plural folded into its singular, roughly and only where it is safe: `budgets`,
    `services`, `authorities` (not `business`, `bus`, `analysis`, `this`)."""
    if len(word) <= 3 or not word.endswith("s") or word.endswith(("ss", "us", "is", "ous")):
        return word
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    return word[:-1]


def _cluster(sk: SimpleNamespace, matrix, groups: int | None) -> list[int]:
    """A group number for each row of `matrix`."""
    distinct = _distinct_rows(matrix)
    n = matrix.shape[0]
    if groups is not None:  # at most half the entries: a group of one is no suggestion
        k = max(1, min(groups, distinct, n // 2))
        return _kmeans(sk, matrix, k) if k > 1 else [0] * n
    upper = min(MAX_GROUPS, distinct, n - 1, max(2, n // MEAN_GROUP))
    if upper < 2:
        return [0] * n  # two entries, or all alike: one group at most
    tried = []
    for k in range(2, upper + 1):
        labels = _kmeans(sk, matrix, k)
        if len(set(labels)) > 1:
            score = sk.silhouette_score(matrix, labels, metric="cosine",
                                        sample_size=min(n, SAMPLE), random_state=SEED)
            tried.append((float(score), labels))
    if not tried:
        return [0] * n
    best = max(score for score, _ in tried)
    return next(labels for score, labels in tried if score >= best - SLACK * abs(best))


def _distinct_rows(matrix) -> int:
    """How many different vectors the rows are (k-means cannot make more groups than that)."""
    rows = set()
    for row in matrix:
        pairs = zip(row.indices.tolist(), row.data.round(12).tolist(), strict=True)
        rows.add(tuple(sorted(pairs)))
    return len(rows)


def _kmeans(sk: SimpleNamespace, matrix, k: int) -> list[int]:
    model = sk.KMeans(n_clusters=k, n_init=RESTARTS, random_state=SEED)
    return [int(label) for label in model.fit_predict(matrix)]


def _label_words(weights, terms, surfaces: dict[str, Counter[str]]) -> tuple[str, ...]:
    """The heaviest terms of a group's centroid (ties by the word), as people wrote them: two,
    and a third and fourth if they weigh at least LABEL_SHARE of the first."""
    ranked = sorted((i for i in range(len(terms)) if weights[i] > 0),
                    key=lambda i: (-round(float(weights[i]), 12), terms[i]))[:LABEL_WORDS]
    chosen = [i for n, i in enumerate(ranked)
              if n < 2 or weights[i] >= LABEL_SHARE * weights[ranked[0]]]
    words = [_surface(terms[i], surfaces) for i in chosen]
    while len(" · ".join(words)) > MAX_NAME and len(words) > 1:  # a label is a theme's name
        words.pop()
    return (words[0][:MAX_NAME], *words[1:])


def _surface(term: str, surfaces: dict[str, Counter[str]]) -> str:
    """The form of a term people wrote most (the first in alphabetical order on a tie)."""
    counts = surfaces.get(term)
    if not counts:
        return term
    return min(counts, key=lambda word: (-counts[word], word))
