"""The codebook and tags (analysis/book.py): every operation, and the rules it keeps."""

from __future__ import annotations

import pytest

from workshop.analysis.book import ThemeBook, text_digest
from workshop.analysis.codebook import MAX_NAME, ThemeError


def book_with_tags() -> ThemeBook:
    book = ThemeBook()
    book.add("Resources", "Money, staff time")
    book.add("Funding", parent="Resources")
    book.add("Training")
    book.tag("s1", "e2", "comments", "share-resources", "We need money", "Funding")
    book.tag("s1", "e2", "comments", "share-resources", "We need money", "Training")
    book.tag("s2", "e1", "answers", "q1", "More training", "Training")
    return book


def test_names_are_one_theme_whatever_their_case_and_spacing():
    book = ThemeBook()
    book.add("  Welsh   language ")
    assert book.find("welsh language").name == "Welsh language"
    with pytest.raises(ThemeError, match="already a theme 'Welsh language'"):
        book.add("WELSH LANGUAGE")


@pytest.mark.parametrize("name, message", [
    ("", "needs a name"), ("   ", "needs a name"), ("a\nb", "one line"), ("tab\there", "one line"),
    ("x" * (MAX_NAME + 1), "at most"), ("bell\x07", "control"),
])
def test_bad_names_are_refused_with_a_reason(name, message):
    with pytest.raises(ThemeError, match=message):
        ThemeBook().add(name)


def test_hostile_names_are_kept_as_typed():
    book = ThemeBook()
    for name in ("[bold]loud[/bold]", "<script>", "=SUM(A1)", "🎉 party"):
        assert book.add(name).name == name


def test_two_levels_only():
    book = book_with_tags()
    with pytest.raises(ThemeError, match="two levels"):
        book.add("Grants", parent="Funding")
    with pytest.raises(ThemeError, match="stays at the top level"):
        book.move("Resources", "Training")
    with pytest.raises(ThemeError, match="own parent"):
        book.move("Training", "training")
    with pytest.raises(ThemeError, match="no theme 'Nope'"):
        book.add("Grants", parent="Nope")


def test_display_order_puts_children_under_their_parent():
    book = book_with_tags()
    book.add("Staffing", parent="Resources")
    assert [t.path for t in book.themes] == [
        "Resources", "Resources › Funding", "Resources › Staffing", "Training"]
    assert [t.name for t in book.stored()] == ["Resources", "Funding", "Training", "Staffing"]


def test_tag_untag_toggle_and_themes_in_codebook_order():
    book = book_with_tags()
    assert book.themes_of("s1", "e2") == ("Funding", "Training")
    book.tag("s1", "e2", "comments", "share-resources", "We need money", "resources")
    assert book.themes_of("s1", "e2") == ("Resources", "Funding", "Training")
    assert book.toggle("s1", "e2", "comments", "share-resources", "We need money",
                       "FUNDING") is False
    assert book.themes_of("s1", "e2") == ("Resources", "Training")
    book.untag("s2", "e1", "Training")
    assert ("s2", "e1") not in book.tags  # an entry with no theme has no tag
    book.untag("s9", "e9", "Training")  # nothing there: nothing happens
    assert book.tags[("s1", "e2")].digest == text_digest("We need money")
    with pytest.raises(ThemeError, match="no theme"):
        book.tag("s1", "e3", "comments", "x", "t", "Unknown")
    with pytest.raises(ThemeError, match="kind of entry"):
        book.tag("s1", "e3", "votes", "x", "t", "Training")


def test_rename_changes_every_tag_and_child():
    book = book_with_tags()
    assert book.rename("Resources", "Money") == "Money"
    assert book.find("Funding").parent == "Money"
    assert book.rename("Training", "Skills") == "Skills"
    assert book.themes_of("s1", "e2") == ("Funding", "Skills")
    assert book.themes_of("s2", "e1") == ("Skills",)
    assert [t.name for t in book.stored()] == ["Money", "Funding", "Skills"]  # place kept


def test_rename_onto_another_theme_merges_the_two():
    book = book_with_tags()
    assert book.rename("Training", "funding") == "Funding"
    assert book.find("Training") is None
    assert book.themes_of("s1", "e2") == ("Funding",)  # once, not twice
    assert book.themes_of("s2", "e1") == ("Funding",)
    assert book.uses("Funding") == 2


def test_merge_moves_children_and_keeps_two_levels():
    book = book_with_tags()
    book.add("Staffing", parent="Resources")
    book.merge("Resources", "Training")  # a parent into a top-level theme: children follow
    assert {t.name: t.parent for t in book.themes} == {
        "Training": "", "Funding": "Training", "Staffing": "Training"}
    book2 = book_with_tags()
    book2.add("Staffing", parent="Resources")
    book2.add("Skills")
    book2.add("Courses", parent="Skills")
    book2.merge("Skills", "Funding")  # into a child: Courses goes under Funding's parent
    assert book2.find("Courses").parent == "Resources"
    book3 = book_with_tags()
    book3.merge("Resources", "Funding")  # into its own child: the child moves up
    assert book3.find("Funding").parent == ""
    with pytest.raises(ThemeError, match="same theme"):
        book3.merge("Funding", "funding")


def test_remove_takes_the_theme_off_every_entry():
    book = book_with_tags()
    assert book.remove("Training") == 2
    assert book.themes_of("s1", "e2") == ("Funding",)
    assert ("s2", "e1") not in book.tags
    assert book.remove("Resources") == 0
    assert book.find("Funding").parent == ""


def test_describe():
    book = book_with_tags()
    book.describe("training", "  Courses, skills  ")
    assert book.find("Training").description == "Courses, skills"
