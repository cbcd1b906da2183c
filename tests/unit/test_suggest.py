"""Suggested themes (analysis/suggest.py): groups of untagged entries that say similar things,
named by their words, the same every time, on a small corpus where the right grouping is
plain to a reader: four comments each on money, on training, and on the Welsh language."""

from __future__ import annotations

import random
import subprocess
import sys

import pytest

from suggest_corpus import MONEY, TRAINING, WELSH
from workshop.analysis.codebook import MAX_NAME
from workshop.analysis.suggest import (
    MISSING_EXTRA,
    Suggestion,
    SuggestionsUnavailable,
    suggest,
)
from workshop.errors import WorkshopError

pytestmark = pytest.mark.filterwarnings("error")  # scikit-learn warns of nothing here

SESSIONS = ["1111aaaa-0000", "2222bbbb-0000", "3333cccc-0000", "4444dddd-0000", "5555eeee-0000"]


def corpus() -> list[tuple[tuple[str, str], str]]:
    """The twelve comments interleaved (money, training, Welsh, money, ...), over five
    workshops, as a report lists them: no topic comes in one block."""
    texts = [t for trio in zip(MONEY, TRAINING, WELSH, strict=True) for t in trio]
    return [((SESSIONS[i % 5], f"e{i + 1}"), text) for i, text in enumerate(texts)]


def topic_of(ref) -> str:
    text = dict(corpus())[ref]
    return "money" if text in MONEY else "training" if text in TRAINING else "welsh"


def test_the_three_topics_come_out_as_three_groups_named_by_their_words():
    found = suggest(corpus())
    assert len(found) == 3
    # Each group one topic, whole; equal groups come in the order of their first ref.
    assert [{topic_of(r) for r in s.members} for s in found] == [{"money"}, {"welsh"},
                                                                 {"training"}]
    assert all(len(s.members) == 4 for s in found)
    money, welsh, training = found
    assert {"funding", "budget", "money"} <= set(money.words)
    assert training.words[0] == "training" and "skills" in training.words
    assert welsh.words[:2] == ("welsh", "language")
    assert welsh.label == "welsh · language"
    for s in found:
        assert 1 <= len(s.words) <= 4 and s.label == " · ".join(s.words)


def test_asking_for_the_number_of_groups():
    assert [s.members for s in suggest(corpus(), groups=3)] == [s.members for s in
                                                                suggest(corpus())]
    assert len(suggest(corpus(), groups=2)) == 2
    assert sum(len(s.members) for s in suggest(corpus(), groups=2)) == 12


def test_the_same_input_gives_the_same_suggestions():
    assert suggest(corpus()) == suggest(corpus())


def test_the_order_of_the_items_changes_no_group_and_members_keep_the_input_order():
    items = corpus()
    shuffled = items[:]
    random.Random(3).shuffle(shuffled)
    plain, mixed = suggest(items), suggest(shuffled)
    assert [(s.label, set(s.members)) for s in plain] == [(s.label, set(s.members))
                                                          for s in mixed]
    order = [ref for ref, _ in shuffled]
    for s in mixed:
        assert list(s.members) == sorted(s.members, key=order.index)


def test_a_repeated_ref_is_taken_once():
    items = corpus()
    found = suggest(items + [(items[0][0], "Welsh language, Welsh language, Welsh language")])
    assert suggest(items) == found


def test_short_and_lone_entries_are_in_no_group():
    items = corpus() + [(("9999", "e1"), "Yes"), (("9999", "e2"), ""), (("9999", "e3"), "   "),
                        (("9999", "e4"), "Agreed."),
                        (("9999", "e5"), "Parking at the venue was impossible all afternoon.")]
    found = suggest(items)
    assert len(found) == 3
    assert not any(ref[0] == "9999" for s in found for ref in s.members)


def test_nothing_to_group():
    assert suggest([]) == []
    assert suggest([(("s", "e1"), "Welsh language please")]) == []
    # No word shared by two entries: nothing says the same as anything else.
    assert suggest([(("s", "e1"), "Funding is short"), (("s", "e2"), "Training days help")]) == []


@pytest.mark.parametrize("texts", [
    ["🎉🎉 🎉", "🎉 🎉", "👍🏽 👍🏽"],
    ["[bold][/bold] x", "<b></b> <i></i>", "\x00\x1b[31m \u200b\u200d"],
    ["12 34", "56 78", "2026-11-22 10:00"],
])
def test_emoji_markup_and_numbers_only_give_no_group(texts):
    assert suggest([(("s", f"e{i}"), t) for i, t in enumerate(texts)]) == []


def test_identical_texts_are_one_group_however_many_are_asked_for():
    items = [(("s", f"e{i}"), "We need more funding for staff") for i in range(7)]
    for groups in (None, 2, 5, 50):
        found = suggest(items, groups=groups)
        assert [len(s.members) for s in found] == [7]
        assert found[0].words == ("funding", "staff")


def test_fewer_items_than_groups():
    items = [(("s", f"e{i}"), text) for i, text in
             enumerate([MONEY[1], WELSH[1], MONEY[3], WELSH[3]])]
    found = suggest(items, groups=10)  # at most half as many groups as entries: two
    assert [[ref[1] for ref in s.members] for s in found] == [["e0", "e2"], ["e1", "e3"]]


def test_a_pair_of_entries_sharing_a_word_is_a_group():
    pair = [(("s", "e1"), "More funding please"), (("s", "e2"), "The funding is short")]
    assert suggest(pair) == [Suggestion("funding", ("funding",), (("s", "e1"), ("s", "e2")))]


def test_texts_of_100_kb_are_grouped():
    money = ("funding budget money staff grants " * 4000)[:100_000]
    training = ("training skills induction coaching mentoring " * 3000)[:100_000]
    items = [(("s", f"e{i}"), text) for i, text in
             enumerate([money, training, money, training, "More funding from grants",
                        "Coaching and mentoring days"])]
    found = suggest(items)
    assert sorted(sorted(int(r[1][1:]) for r in s.members) for s in found) == [[0, 2, 4],
                                                                               [1, 3, 5]]


def test_plurals_count_as_one_word_and_the_label_uses_the_commoner_form():
    items = [(("s", "e1"), "Budgets are tight"), (("s", "e2"), "Budgets again"),
             (("s", "e3"), "The budget is cut")]
    found = suggest(items)
    assert [len(s.members) for s in found] == [3] and found[0].words == ("budgets",)


def test_a_label_fits_a_theme_name():
    long_word = "x" * 70
    items = [(("s", f"e{i}"), f"{long_word}a {long_word}b {long_word}c") for i in range(3)]
    found = suggest(items)
    assert found and len(found[0].label) <= MAX_NAME


def test_without_scikit_learn_the_message_says_what_to_install(monkeypatch):
    monkeypatch.setitem(sys.modules, "sklearn", None)
    with pytest.raises(SuggestionsUnavailable) as raised:
        suggest(corpus())
    assert isinstance(raised.value, WorkshopError)
    assert str(raised.value) == MISSING_EXTRA
    assert MISSING_EXTRA == ("Suggestions need the optional extra: "
                             "pip install 'workshop[suggest]'")


def test_importing_the_module_loads_no_scikit_learn():
    code = ("import sys, workshop.analysis.suggest, workshop.cli.main\n"
            "print(any(m == 'sklearn' or m.startswith('sklearn.') for m in sys.modules))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "False"
