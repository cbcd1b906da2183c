"""How long suggested themes (analysis/suggest.py) take for 100, 1,000 and 5,000 untagged entries.

Run: python benchmarks/suggest.py [N ...]   (needs the extra: pip install 'workshop[suggest]')
Makes N comments of realistic text (one to three sentences a comment, on one of eight themes a
consultation on a partnership protocol raises: funding, training, the Welsh language, data
sharing, accountability, small charities, meetings, the public; a third of them also with a
sentence that could go under any theme), spread over 40 workshops, then times, in the same run:
the TF-IDF fit alone (the reference: the least any suggestion must do), `suggest` choosing the
number of groups itself, and `suggest` asked for 8 groups. Prints one row per N with the times,
the groups found, and how well they match the themes the text was made from (the adjusted Rand
index: 1 is the same grouping, 0 no better than chance). Figures depend on the machine: compare
rows of one run. No assertions: figures only.
"""

from __future__ import annotations

import random
import sys
import time

THEMES = {
    "funding": [
        "There is no funding for the extra staff time this asks of partners.",
        "Who pays? Our budget is already cut to the bone.",
        "Pooled budgets need clear rules on who puts in how much money.",
        "Sharing resources means nothing without money to share.",
        "The council should fund the {org} properly before asking more of it.",
        "Budget pressures will decide whether any of this happens.",
        "Funding is short-term and every partner is chasing the same grants.",
        "We cannot commit resources we do not have; the money has to follow the duties.",
    ],
    "training": [
        "Board members will need training to understand the behaviours expected of them.",
        "Offer joint training so officers from every partner learn the same skills.",
        "New members should get induction training on the protocol.",
        "Training for chairs on handling disagreement would help more than any document.",
        "The {org} would welcome training on what good partnership working looks like.",
        "Skills and training matter: people need coaching, not just a document.",
        "Refresher training every year would keep the standards alive.",
        "Mentoring and shadowing build the skills faster than a training day.",
    ],
    "welsh": [
        "The protocol must be available in Welsh as well as English.",
        "People should be able to speak Welsh in meetings; the Welsh language standards apply.",
        "Bilingual documents please: Welsh speakers should not have to ask for a translation.",
        "Welsh language services should be offered from the start, not as an afterthought.",
        "The {org} works bilingually and the protocol should too, in Welsh and English.",
        "Translation into Welsh needs time and budget built in.",
    ],
    "data": [
        "Data sharing agreements are needed before partners can share information.",
        "Information governance teams will block sharing unless the data rules are clear.",
        "Share data securely and lawfully; GDPR is often used as an excuse not to share.",
        "The {org} needs one data sharing protocol, not a different one for every partner.",
        "Personal information must be protected when data is shared between partners.",
        "A shared database would help, but who owns the data?",
    ],
    "accountability": [
        "Who holds partners to account when they do not keep to the protocol?",
        "There should be a complaints route when a partner breaks these standards.",
        "Accountability must be clear: name who is responsible for each commitment.",
        "The standards committee should monitor compliance and report on breaches.",
        "Without sanctions or scrutiny, partners will ignore it.",
        "The {org} should publish an annual report on how each partner met the standards.",
    ],
    "charities": [
        "Small charities and volunteers cannot match the capacity of the council.",
        "The voluntary sector is treated as a junior partner; that has to change.",
        "Volunteers give their time freely and the protocol should respect that.",
        "Community groups like the {org} need a real voice, not a token seat.",
        "Voluntary and community organisations should be equal partners.",
        "Charities are stretched; keep the paperwork light for small organisations.",
    ],
    "meetings": [
        "Meetings are too long and the agenda arrives too late to prepare.",
        "Papers should be sent a week before the meeting.",
        "Hold some meetings in the evening so volunteers can attend.",
        "Minutes should record decisions and actions, not every word said.",
        "The {org} finds meeting times in working hours hard to attend.",
        "Online meetings have made it easier to attend; keep a hybrid option.",
    ],
    "public": [
        "Residents should be told what the partnership decides and why.",
        "Involve the public and service users in setting priorities.",
        "Publish decisions in plain English so the public can follow them.",
        "The community should be consulted before big changes, not after.",
        "Residents in {place} feel decisions are made without them.",
        "Engage young people and seldom-heard groups, not just the usual voices.",
    ],
}
GENERIC = [
    "I agree with this in principle.",
    "This is a good start but needs more detail.",
    "We discussed this at length in our group.",
    "Not everyone in the room agreed on this point.",
    "It is hard to see how this will work in practice.",
    "This applies to all partners equally.",
]
ORGS = ["police", "health board", "fire service", "housing association", "local charity",
        "parish council", "youth service", "CCG"]
PLACES = ["Taunton", "Cardiff", "the valleys", "Leeds", "north Manchester", "rural areas"]
SIZES = (100, 1000, 5000)


def corpus(n: int, seed: int = 7) -> list[tuple[tuple[str, str], str, str]]:
    """n comments: (ref, text, the theme it was made from), spread over 40 workshops."""
    rng = random.Random(seed)
    names = sorted(THEMES)
    out = []
    for i in range(n):
        theme = names[i % len(names)]
        sentences = rng.sample(THEMES[theme], rng.choice((1, 2, 2, 3)))
        if rng.random() < 1 / 3:
            sentences.insert(rng.randrange(len(sentences) + 1), rng.choice(GENERIC))
        text = " ".join(sentences).format(org=rng.choice(ORGS), place=rng.choice(PLACES))
        out.append(((f"{i % 40:08x}-0000-4000-8000-000000000000", f"e{i}"), text, theme))
    return out


def timed(call):
    start = time.perf_counter()
    result = call()
    return time.perf_counter() - start, result


def agreement(found, made) -> float:
    """The adjusted Rand index of the groups found against the themes made (entries left out
    of every group count as a group of their own each)."""
    from sklearn.metrics import adjusted_rand_score

    group = {ref: n for n, s in enumerate(found) for ref in s.members}
    refs = [ref for ref, _, _ in made]
    found_labels = [group.get(ref, -1 - i) for i, ref in enumerate(refs)]
    return adjusted_rand_score([theme for _, _, theme in made], found_labels)


def measure(n: int) -> str:
    """One row of the table: the times for n entries, and the groups found."""
    from workshop.analysis.suggest import _sklearn, _terms, suggest

    sk = _sklearn()
    made = corpus(n)
    items = [(ref, text) for ref, text, _ in made]
    vectoriser = sk.TfidfVectorizer(analyzer=lambda t: _terms(t, sk.stop_words, {}),
                                    min_df=2, sublinear_tf=True)
    fit, _ = timed(lambda: vectoriser.fit_transform([text for _, text in items]))
    auto_time, auto = timed(lambda: suggest(items))
    eight_time, eight = timed(lambda: suggest(items, groups=8))
    return (f"{n:>8,} {fit:>7.2f}s {auto_time:>7.2f}s {len(auto):>6} "
            f"{agreement(auto, made):>5.2f} {eight_time:>8.2f}s {agreement(eight, made):>5.2f}")


def main(sizes: list[int]) -> None:
    print(f"{'entries':>8} {'tf-idf':>8} {'suggest':>8} {'groups':>6} {'ARI':>5}"
          f" {'8 groups':>9} {'ARI':>5}")
    for n in sizes:
        print(measure(n), flush=True)


if __name__ == "__main__":
    main([int(a) for a in sys.argv[1:]] or list(SIZES))
