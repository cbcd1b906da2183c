"""The theme file from the command line: re-merging with late workshops keeps every tag and says
how they fare; `workshop themes merge` joins analysts' files; `workshop themes check`."""

from __future__ import annotations

import tomllib

from themes_fixture import IDS, merge, session_files, workshop

from workshop.analysis import theme_file
from workshop.analysis.book import ThemeBook
from workshop.cli.main import main
from workshop.session.store import SessionStore


def tag_first_two(protocol, path) -> ThemeBook:
    book = ThemeBook()
    book.add("Funding")
    book.add("Training")
    first = protocol.commitments[0].id
    for sid in IDS[:2]:
        book.tag(sid, "e1", "comments", first, "We need money for this [bold]now[/bold]",
                 "Funding")
    theme_file.save(book, path)
    return book


def test_re_merging_with_a_late_workshop_keeps_every_tag(tmp_path, protocol, capsys):
    sessions = tmp_path / "sessions"
    session_files(protocol, sessions, count=2)
    out = tmp_path / "consultation.toml"
    assert merge(sessions, out) == 0
    themes = theme_file.sidecar_path(out)
    tag_first_two(protocol, themes)
    before = themes.read_bytes()
    capsys.readouterr()
    SessionStore(sessions, protocol).create(workshop(protocol, 2))  # a late workshop
    assert merge(sessions, out) == 0
    printed = capsys.readouterr().out
    assert "Merged 3 sessions" in printed
    assert ("Themes: 2 tagged entries in " in printed and "all kept. Every one is in the "
            "result." in printed)
    assert themes.read_bytes() == before  # merging never writes the theme file
    assert "themes" not in tomllib.loads(out.read_text("utf-8"))  # nor puts tags in the result


def test_a_theme_file_in_the_sessions_folder_is_not_read_as_a_session(tmp_path, protocol, capsys):
    sessions = tmp_path / "sessions"
    session_files(protocol, sessions, count=2)
    tag_first_two(protocol, sessions / "all-sessions.themes.toml")
    assert len(SessionStore(sessions, protocol).list()) == 2
    assert merge(sessions, tmp_path / "out.toml") == 0
    assert "Merged 2 sessions" in capsys.readouterr().out


def test_re_merging_without_a_workshop_names_its_tags_and_keeps_them(tmp_path, protocol, capsys):
    sessions = tmp_path / "sessions"
    files = session_files(protocol, sessions, count=2)
    out = tmp_path / "consultation.toml"
    merge(sessions, out)
    themes = theme_file.sidecar_path(out)
    tag_first_two(protocol, themes)
    files[1].unlink()
    capsys.readouterr()
    assert merge(sessions, out) == 0
    printed = capsys.readouterr().out
    assert "1 tag on an entry no longer in the result (kept in the theme file)" in printed
    assert f"session {IDS[1]}, entry e1 (comment on {protocol.commitments[0].id}; Funding): " \
           "not in this result" in printed
    assert len(theme_file.load(themes).tags) == 2
    # check says the same, with exit status 1 (something to look at)
    assert main(["themes", "check", str(out)]) == 1
    assert "not in this result" in capsys.readouterr().out


def test_a_bad_theme_file_beside_the_result_does_not_stop_the_merge(tmp_path, protocol, capsys):
    sessions = tmp_path / "sessions"
    session_files(protocol, sessions, count=1)
    out = tmp_path / "c.toml"
    theme_file.sidecar_path(out).write_text('format = "workshop-themes"\nformat_version = "x"\n')
    assert merge(sessions, out) == 0
    printed = capsys.readouterr().out
    assert "c.themes.toml cannot be read, so its tags were not checked" in printed
    assert "format_version: must be a whole number" in printed


def test_check_without_a_theme_file_says_how_to_make_one(tmp_path, protocol, capsys):
    sessions = tmp_path / "sessions"
    session_files(protocol, sessions, count=1)
    out = tmp_path / "c.toml"
    merge(sessions, out)
    assert main(["themes", "check", str(out)]) == 2
    err = capsys.readouterr().err
    assert "c.themes.toml: no such theme file" in err and "(key t)" in err


def test_check_of_a_clean_file(tmp_path, protocol, capsys):
    sessions = tmp_path / "sessions"
    session_files(protocol, sessions, count=2)
    out = tmp_path / "c.toml"
    merge(sessions, out)
    tag_first_two(protocol, theme_file.sidecar_path(out))
    capsys.readouterr()
    assert main(["themes", "check", str(out)]) == 0
    assert "2 themes, 2 tagged entries. Every one is in " in capsys.readouterr().out


def test_themes_merge_joins_two_analysts_files(tmp_path, protocol, capsys):
    a, b = tmp_path / "a.themes.toml", tmp_path / "b.themes.toml"
    tag_first_two(protocol, a)
    other = ThemeBook()
    other.add("funding", "Money")
    other.add("Welsh language")
    other.tag(IDS[0], "e1", "comments", "c", "We need money for this [bold]now[/bold]",
              "Welsh language")
    theme_file.save(other, b)
    assert main(["themes", "merge", str(a), str(b), "-o", str(a)]) == 0
    printed = capsys.readouterr().out
    assert "Merged 2 theme files into" in printed and "3 themes, 2 tagged entries." in printed
    assert "3 differences between the files" in printed
    merged = theme_file.load(a)
    assert merged.themes_of(IDS[0], "e1") == ("Funding", "Welsh language")


def test_themes_merge_refuses_a_bad_file_and_writes_nothing(tmp_path, protocol, capsys):
    a, b, out = tmp_path / "a.themes.toml", tmp_path / "b.themes.toml", tmp_path / "o.toml"
    tag_first_two(protocol, a)
    b.write_text("not toml [")
    assert main(["themes", "merge", str(a), str(b), "-o", str(out)]) == 2
    assert "b.themes.toml:1" in capsys.readouterr().err
    assert not out.exists()


def test_a_theme_file_given_as_a_result_points_to_its_merged_file(tmp_path, protocol, capsys):
    themes = tmp_path / "consultation.themes.toml"
    tag_first_two(protocol, themes)
    assert main(["export", str(themes), "--format", "md", "-o", "-"]) == 2
    err = capsys.readouterr().err
    assert "it is an analyst's theme file; open the file it belongs to, consultation.toml" in err
