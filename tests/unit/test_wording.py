"""The word diff behind every proposed wording: it rebuilds both texts exactly, puts a removal
just before the words replacing it, and reads a replacement of several words as one."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from workshop.consultation.wording import readable_runs, word_diff

texts = st.lists(st.sampled_from(["we", "will", "share", "We", "share.", " ", "  ", "\n", "🎉"]),
                 max_size=10).map("".join)


@given(texts, texts)
def test_the_runs_rebuild_both_texts_exactly(old, new):
    runs = word_diff(old, new)
    assert "".join(t for k, t in runs if k != "added") == old
    assert "".join(t for k, t in runs if k != "removed") == new
    assert all(t for _, t in runs)
    assert all(a[0] != b[0] for a, b in zip(runs, runs[1:], strict=False))


def test_a_replacement_of_several_words_is_one_run_each_way():
    assert word_diff("Ensure that partners are verified.",
                     "Make sure partners are verified.") == [
        ("removed", "Ensure that"), ("added", "Make sure"), ("same", " partners are verified.")]


def test_an_insertion_keeps_the_words_around_it():
    assert word_diff("We will share.", "We will always share.") == [
        ("same", "We will "), ("added", "always "), ("same", "share.")]


def test_punctuation_is_its_own_token_so_a_word_is_not_replaced_for_a_comma():
    assert word_diff("joint outcomes", "joint outcomes, verified.") == [
        ("same", "joint outcomes"), ("added", ", verified.")]


def test_readable_runs_part_a_replacement_with_a_space():
    runs = word_diff("We should share.", "We must share!")
    assert readable_runs(runs) == [
        ("same", "We "), ("removed", "should"), ("same", " "), ("added", "must"),
        ("same", " share"), ("removed", "."), ("added", "!")]
