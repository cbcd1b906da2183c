"""A corpus of broken protocol files: each gives its own message, its line, and exit 2."""

from __future__ import annotations

import subprocess
import sys

import pytest

from workshop.cli.main import main

BASE = '''id = "p"
title = "T"
version = "1"
introduction = "Intro"

[source]
document = "Doc"
authors = "Auth"

[[vote_options]]
id = "agree"
label = "Agree"
key = "a"

[[vote_options]]
id = "disagree"
label = "Disagree"
key = "d"

[[principles]]
id = "p1"
title = "P1"
statement = "S1"
minutes = 5

[[principles.commitments]]
id = "c1"
text = "C1"

[[questions]]
id = "q1"
text = "Q1?"
'''

SECOND_PRINCIPLE = '''
[[principles]]
id = "p2"
title = "P2"
statement = "S2"
'''


def swap(old: str, new: str):
    def edit(text: str) -> str:
        assert old in text, old
        return text.replace(old, new, 1)

    return edit


def after_base(extra: str):
    return lambda text: text + extra


# (name, edit of BASE, expected line, expected words in the message)
CORPUS = [
    ("toml-syntax", swap('title = "T"', 'title = "T'), 2, "not valid TOML"),
    ("missing-title", swap('title = "T"\n', ""), None, "missing required key 'title'"),
    ("empty-title", swap('title = "T"', 'title = ""'), 2, "title: must not be empty"),
    ("blank-statement", swap('statement = "S1"', 'statement = "   "'), 23, "statement: must not be empty"),
    ("duplicate-commitment-id", swap('id = "q1"', 'id = "c1"'), 31, "duplicate id 'c1'"),
    ("duplicate-principle-id", after_base(SECOND_PRINCIPLE.replace('"p2"', '"p1"')
                                         + '[[principles.commitments]]\nid = "c2"\ntext = "C2"\n'),
     35, "duplicate id 'p1'"),
    ("two-options-one-key", swap('key = "d"', 'key = "a"'), 18, "key 'a' is already used by vote option 'agree'"),
    ("duplicate-option-id", swap('id = "disagree"', 'id = "agree"'), 16, "duplicate id 'agree'"),
    ("reserved-key", swap('key = "d"', 'key = "n"'), 18, "one of the app's own keys"),
    ("key-not-one-letter", swap('key = "d"', 'key = "dd"'), 18, "single lower-case letter"),
    ("key-upper-case", swap('key = "d"', 'key = "D"'), 18, "single lower-case letter"),
    ("unknown-key-typo", swap('statement = "S1"', 'statement = "S1"\ntitel = "x"'), 24,
     "unknown key 'titel' (did you mean 'title'?)"),
    ("unknown-top-level-key", swap('version = "1"', 'version = "1"\nverison = "2"'), 4,
     "unknown key 'verison' (did you mean 'version'?)"),
    ("version-not-text", swap('version = "1"', "version = 1"), 3, "must be text (in quotes), not a number"),
    ("minutes-not-number", swap("minutes = 5", 'minutes = "ten"'), 24, "must be a number of minutes, not text"),
    ("minutes-negative", swap("minutes = 5", "minutes = -5"), 24, "must be more than 0 minutes"),
    ("principle-without-commitments-key", after_base(SECOND_PRINCIPLE), 34,
     "missing required key 'commitments' in principles[2]"),
    ("principle-with-empty-commitments", after_base(SECOND_PRINCIPLE + "commitments = []\n"), 38,
     "a principle needs at least one commitment"),
    ("id-with-spaces", swap('id = "p1"', 'id = "Public Interest"'), 21, "may hold only lower-case letters"),
    ("no-vote-options", lambda t: 'vote_options = []\n' + t.replace(
        t[t.index("[[vote_options]]"):t.index("[[principles]]")], ""), 1, "vote_options: must not be empty"),
    ("principles-not-a-list", lambda t: 'principles = "all of them"\n' + t[: t.index("[[principles]]")], 1,
     "principles: must be a list of tables"),
    ("top-level-key-under-a-table", swap('authors = "Auth"', 'authors = "Auth"\nquestions_minutes = 5'), 9,
     "belongs at the top level: move it above the first [table] header"),
    ("source-not-a-table", lambda t: t.replace('[source]\ndocument = "Doc"\nauthors = "Auth"', 'source = "Doc"'),
     6, "must be a table"),
    ("missing-source-authors", swap('authors = "Auth"\n', ""), 6, "missing required key 'authors' in source"),
    ("commitment-text-missing", swap('text = "C1"\n', ""), 26, "missing required key 'text'"),
    ("question-text-wrong-type", swap('text = "Q1?"', "text = true"), 32, "must be text (in quotes), not true/false"),
]


@pytest.mark.parametrize("name,edit,line,words", CORPUS, ids=[c[0] for c in CORPUS])
def test_broken_protocol_is_reported_with_line_and_exit_2(tmp_path, capsys, name, edit, line, words):
    path = tmp_path / f"{name}.toml"
    path.write_text(edit(BASE), encoding="utf-8")
    before = path.read_bytes()
    assert main(["validate", str(path)]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert "Traceback" not in err
    matching = [row for row in err.splitlines() if words in row]
    assert matching, err
    assert str(path.name) in matching[0]
    if line is not None:
        assert f"{path.name}:{line}:" in matching[0], matching[0]
    assert path.read_bytes() == before  # nothing is overwritten


def test_the_base_of_the_corpus_is_itself_valid(tmp_path, capsys):
    path = tmp_path / "base.toml"
    path.write_text(BASE, encoding="utf-8")
    assert main(["validate", str(path)]) == 0
    assert "1 principles, 1 commitments, 1 questions" in capsys.readouterr().out


def test_every_problem_is_listed_not_just_the_first(tmp_path, capsys):
    path = tmp_path / "many.toml"
    path.write_text(BASE.replace('title = "T"', 'title = ""').replace('key = "d"', 'key = "a"')
                    .replace('text = "C1"', "text = 3"), encoding="utf-8")
    assert main(["validate", str(path)]) == 2
    err = capsys.readouterr().err
    assert "title: must not be empty" in err
    assert "already used" in err
    assert "commitments[1].text: must be text" in err
    assert "3 problems found." in err


def test_not_utf8_and_missing_file(tmp_path, capsys):
    path = tmp_path / "latin1.toml"
    path.write_bytes(BASE.replace('"T"', '"Caf\xe9"').encode("latin-1"))
    assert main(["validate", str(path)]) == 2
    assert "latin1.toml:2: is not UTF-8 text" in capsys.readouterr().err
    assert main(["validate", str(tmp_path / "nope.toml")]) == 2
    assert "nope.toml: no such file" in capsys.readouterr().err
    assert main(["validate", str(tmp_path)]) == 2
    assert "is a folder, not a file" in capsys.readouterr().err


def test_a_real_process_prints_no_traceback(tmp_path):
    path = tmp_path / "broken.toml"
    path.write_text('id = "p"\ntitle = [\n', encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "workshop", "validate", str(path)],
                            capture_output=True, text=True, cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr.startswith("broken.toml:")
    assert "not valid TOML" in result.stderr
    assert "Traceback" not in result.stderr
