"""`workshop themes suggest FILE`: groups of untagged entries printed with their words, counts
and quotes, from real session files merged by the real `workshop merge`; nothing written.

`consultation(protocol, tmp_path)` (four workshops whose comments, proposed wordings and
answers are about money, training or the Welsh language) is also what the suggestions
screen's tests open (tests/tui/test_suggestions_screen.py).
"""

from __future__ import annotations

import sys
from datetime import date, datetime, timezone
from pathlib import Path

import pytest

from suggest_corpus import MONEY, TRAINING, WELSH
from workshop.analysis import theme_file
from workshop.analysis.book import ThemeBook
from workshop.analysis.suggest import MISSING_EXTRA
from workshop.cli.main import main
from workshop.session.model import Session
from workshop.session.store import SessionStore

HOSTILE = "[bold]Welsh[/bold] language \x1b[31mplease\x1b[0m <script>x</script>\nnew line"
GROUPS = ["Cardiff Partnership Board", "Swansea Voluntary Forum", "Taunton Deane Standards",
          "Leeds Health Board"]
CLOCK = datetime(2026, 11, 22, 10, 0, tzinfo=timezone.utc)


def session(protocol, n: int) -> Session:
    """Workshop n: one comment on money, one on training, a proposed wording or an answer on
    the Welsh language, and a "Yes" that says too little to group."""
    s = Session.new(protocol, GROUPS[n], facilitator="Tonya Meers", on=date(2026, 11, 2 + n),
                    participants=10, clock=lambda: CLOCK,
                    session_id=f"{n + 1}" * 8 + "-0000-4000-8000-000000000000")
    s.add_comment("share-resources", MONEY[n])
    s.add_comment("encourage-innovation", TRAINING[n])
    if n % 2:
        s.add_amendment("monitor-resources", WELSH[n])
    else:
        s.add_answer("benefits", WELSH[n])
    s.add_comment("public-good", "Yes")
    return s


def consultation(protocol, tmp_path: Path) -> Path:
    """The merged file of the four workshops, made by `workshop merge`."""
    folder = tmp_path / "sessions"
    store = SessionStore(folder, protocol)
    for n in range(len(GROUPS)):
        store.create(session(protocol, n))
    out = tmp_path / "consultation.toml"
    assert main(["merge", str(folder), "-o", str(out)]) == 0
    return out


@pytest.fixture
def merged(protocol, tmp_path, monkeypatch, capsys) -> Path:
    monkeypatch.chdir(tmp_path)
    path = consultation(protocol, tmp_path)
    capsys.readouterr()
    return path


def suggest(capsys, *args: str) -> tuple[int, str, str]:
    code = main(["themes", "suggest", *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_prints_each_group_with_its_words_counts_and_quotes(merged, capsys, tmp_path):
    before = sorted(p.name for p in tmp_path.iterdir())
    code, out, err = suggest(capsys, "consultation.toml")
    assert (code, err) == (0, "")
    assert out.startswith("consultation.toml: 3 suggested themes, grouping 12 of the 16 "
                          "untagged entries.\n")
    groups = out.split("\n\n")[1:4]
    assert groups[0].splitlines()[0] == "1. budget · money · funding · partners"
    assert groups[0].splitlines()[1] == "   4 entries from 4 workshops"
    assert ('   "There is no funding for the extra staff time this protocol asks of partners." '
            "(Cardiff Partnership Board, 2 November 2026)") in groups[0].splitlines()
    assert groups[0].splitlines()[-1] == "   … and 1 more"
    assert {g.splitlines()[0].split(". ", 1)[1].split(" · ")[0] for g in groups} == {
        "budget", "training", "welsh"}
    assert "Yes" not in out
    assert out.endswith("Nothing is tagged yet. Open 'workshop results consultation.toml' and "
                        "press S to accept, rename or reject each suggestion.\n")
    assert sorted(p.name for p in tmp_path.iterdir()) == before  # nothing written


def test_long_quotes_are_clipped_and_control_characters_shown(merged, capsys, protocol,
                                                             tmp_path):
    s = Session.new(protocol, "Newport Forum", on=date(2026, 11, 9), clock=lambda: CLOCK,
                    session_id="9" * 8 + "-0000-4000-8000-000000000000")
    s.add_comment("monitor-resources", HOSTILE)
    s.add_comment("transparent-decisions", "Welsh language " + "bilingual " * 40)
    SessionStore(tmp_path / "sessions", protocol).create(s)
    assert main(["merge", "sessions", "-o", "consultation.toml"]) == 0
    capsys.readouterr()
    code, out, _ = suggest(capsys, "consultation.toml")
    assert code == 0
    assert "\x1b" not in out and "␛[31mplease␛[0m <script>x</script> new line" in out
    clipped = [line for line in out.splitlines() if "bilingual bilingual" in line]
    assert clipped and all(len(line.split('"')[1]) <= 100 and line.split('"')[1].endswith("…")
                           for line in clipped)


def test_tagged_entries_are_left_out(merged, capsys, tmp_path):
    book = ThemeBook()
    book.add("Resources")
    book.tag("1" * 8 + "-0000-4000-8000-000000000000", "e1", "comments", "share-resources",
             MONEY[0], "Resources")
    theme_file.save(book, theme_file.sidecar_path(merged))
    code, out, _ = suggest(capsys, "consultation.toml")
    assert code == 0
    assert "of the 15 untagged entries" in out and MONEY[0] not in out
    # --themes names another theme file: this one has no tags, so every entry is untagged.
    empty = tmp_path / "other.themes.toml"
    theme_file.save(ThemeBook(), empty)
    assert "of the 16 untagged entries" in suggest(capsys, "consultation.toml", "--themes",
                                                    str(empty))[1]


def test_asking_for_two_groups(merged, capsys):
    code, out, _ = suggest(capsys, "consultation.toml", "--groups", "2")
    assert code == 0 and out.startswith("consultation.toml: 2 suggested themes")


@pytest.mark.parametrize("value", ["1", "0", "many"])
def test_groups_must_be_two_or_more(merged, capsys, value):
    with pytest.raises(SystemExit) as exited:
        main(["themes", "suggest", "consultation.toml", "--groups", value])
    assert exited.value.code == 2
    assert "--groups" in capsys.readouterr().err


def test_the_same_files_print_the_same(merged, capsys):
    assert suggest(capsys, "consultation.toml") == suggest(capsys, "consultation.toml")


def test_nothing_untagged(merged, capsys, protocol, tmp_path):
    book = ThemeBook()
    book.add("Everything")
    from workshop.consultation.inputs import read_result
    from workshop.consultation.report_build import build_report

    for note in build_report(read_result(merged, protocol), protocol).notes():
        book.tag(note.session_id, note.entry_id, note.kind, note.target, note.text, "Everything")
    theme_file.save(book, theme_file.sidecar_path(merged))
    assert suggest(capsys, "consultation.toml") == (
        0, "consultation.toml: every comment, proposed wording and answer has a theme; nothing "
        "to suggest.\n", "")


def test_nothing_to_group(capsys, protocol, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    s = Session.new(protocol, "Only Room", clock=lambda: CLOCK, session_id="solo")
    s.add_comment("share-resources", "Funding is short")
    s.add_comment("monitor-resources", "Training days help")
    path = SessionStore(tmp_path, protocol).create(s)
    code, out, _ = suggest(capsys, path.name)
    assert code == 0
    assert out == (f"{path.name}: no suggestions: the 2 untagged entries share too few words to "
                   "group (a group needs two entries that use the same words).\n")


def test_without_the_extra_it_says_what_to_install(merged, capsys, monkeypatch):
    monkeypatch.setitem(sys.modules, "sklearn", None)
    assert suggest(capsys, "consultation.toml") == (2, "", MISSING_EXTRA + "\n")


def test_bad_files_are_named(merged, capsys, tmp_path):
    code, out, err = suggest(capsys, "consultation.toml", "--themes", "missing.themes.toml")
    assert (code, out, err) == (2, "", "missing.themes.toml: no such theme file\n")
    (tmp_path / "consultation.themes.toml").write_text("format = 'nope'\n", encoding="utf-8")
    code, _, err = suggest(capsys, "consultation.toml")
    assert code == 2 and err.startswith("consultation.themes.toml:1: format: not a workshop "
                                        "theme file")
    code, _, err = suggest(capsys, "nowhere.toml")
    assert code == 2 and err.startswith("nowhere.toml")
