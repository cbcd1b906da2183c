"""Two analysts' theme files merged (analysis/book_merge.py): a union, conflicts listed."""

from __future__ import annotations

from workshop.analysis.book import ThemeBook
from workshop.analysis.book_merge import merge_books


def alice() -> ThemeBook:
    book = ThemeBook()
    book.add("Resources", "Money and staff")
    book.add("Funding", parent="Resources")
    book.add("Training")
    book.tag("s1", "e1", "comments", "c1", "money", "Funding")
    book.tag("s1", "e2", "comments", "c1", "courses", "Training")
    return book


def bob() -> ThemeBook:
    book = ThemeBook()
    book.add("resources", "Budgets")
    book.add("Training", parent="Resources")
    book.add("Welsh language")
    book.tag("s1", "e2", "comments", "c1", "courses", "Welsh language")
    book.tag("s2", "e5", "answers", "q1", "Cymraeg", "Welsh language")
    book.tag("s1", "e1", "comments", "c1", "money, edited", "Resources")
    return book


def test_union_of_themes_and_tags():
    out = merge_books([("alice.themes.toml", alice()), ("bob.themes.toml", bob())])
    book = out.book
    assert [t.path for t in book.themes] == [
        "Resources", "Resources › Funding", "Training", "Welsh language"]
    assert book.themes_of("s1", "e2") == ("Training", "Welsh language")
    assert book.themes_of("s2", "e5") == ("Welsh language",)
    assert book.themes_of("s1", "e1") == ("Resources", "Funding")


def test_every_conflict_is_listed_and_the_first_file_wins():
    out = merge_books([("alice.themes.toml", alice()), ("bob.themes.toml", bob())])
    text = "\n".join(out.conflicts)
    assert "Theme 'Resources' is spelt 'resources' in bob.themes.toml" in text
    assert "described differently in alice.themes.toml and bob.themes.toml" in text
    assert "Theme 'Training': at the top level in alice.themes.toml but under 'Resources'" in text
    assert "session s1, entry e2: tagged Training in the files before bob.themes.toml, which " \
           "tags it Welsh language; kept Training, Welsh language" in text
    assert "session s1, entry e1: tagged on a different text in bob.themes.toml" in text
    assert out.book.find("Resources").description == "Money and staff"
    assert out.book.tags[("s1", "e1")].digest == alice().tags[("s1", "e1")].digest
    assert len(out.conflicts) == 6


def test_the_same_file_twice_merges_to_itself_without_conflicts():
    out = merge_books([("a", alice()), ("b", alice())])
    assert out.book == alice() and out.conflicts == []
