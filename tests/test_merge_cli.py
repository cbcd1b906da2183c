"""`workshop merge`: bad inputs are named and nothing is written; duplicates, conflicts, other
protocols and skipped files are reported; merging again changes nothing."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

import pytest

from helpers import REPO, FixedClock
from merge_helpers import copy, other_protocol, record, write_session
from merge_helpers import merge as merge_records
from workshop.cli.main import main
from workshop.consultation.merge_rules import Found
from workshop.consultation.merged_file import dumps_merged
from workshop.session.file_format import dumps_session
from workshop.session.model import Session
from workshop.session.store import SessionStore
from workshop.toml.io import parse_toml

OLD_OUTPUT = b"# the result of last week's merge: must survive a failed merge\n"


def merge(capsys, *args: str) -> tuple[int, str, str]:
    code = main(["--protocol", str(REPO / "protocol.toml"), "merge", *args])
    out, err = capsys.readouterr()
    return code, out, err


def five_sessions(protocol, folder: Path, count: int = 5) -> list[tuple[Session, Path]]:
    store, made = SessionStore(folder, protocol), []
    rooms = ["Manchester Partnership Board", "[bold]Youth[/bold] Panel", "Voluntary <Sector>",
             "=SUM(A1) Housing", "Ward 3 🎉"]
    for n, group in enumerate(rooms[:count]):
        s = Session.new(protocol, group, participants=5 + n, clock=FixedClock(),
                        session_id=f"{n}{n}{n}{n}aaaa-0000-4000-8000-00000000000{n}")
        s.set_votes("share-resources", {"agree": n + 1, "amend": n % 2, "disagree": 4 - n})
        s.set_votes(protocol.commitments[n + 3].id, {"agree": 2 * n + 1})
        s.add_comment("share-resources", f'Room {n}: "quoted", back\\slash\nnew line <b>')
        s.add_answer("benefits", f"[red]answer[/red] {n}")
        if n % 2:
            s.add_amendment("public-good", "Act in the public interest, and say so.")
            s.set_recommendation("adopt-with-changes", reasons="=HYPERLINK(\"x\")")
            s.mark_complete()
        made.append((s, store.create(s)))
    return made


@pytest.fixture
def room(tmp_path, monkeypatch, protocol):
    """A working folder: in/ with two good sessions, and out.toml from an earlier merge."""
    monkeypatch.chdir(tmp_path)
    sessions = five_sessions(protocol, Path("in"), count=2)
    (tmp_path / "out.toml").write_bytes(OLD_OUTPUT)
    return sessions


def bad_session(protocol, name: str, old: str, new: str, proto=None) -> tuple[Path, int]:
    """A session file in in/ with `old` changed to `new`; returns it and the changed line."""
    s = Session.new(proto or protocol, "Bad", participants=3, clock=FixedClock(),
                    session_id="badbad00-1111-4111-8111-111111111111")
    s.set_votes("share-resources", {"agree": 3, "amend": 1})
    text = dumps_session(s).decode("utf-8")
    assert old in text, old
    text = text.replace(old, new, 1)
    path = Path("in") / name
    path.write_text(text, encoding="utf-8")
    return path, text[:text.index(new)].count("\n") + 1


def bad_merged(protocol, room, old: str, new: str) -> tuple[Path, int]:
    """A merged file of the two good sessions in in/, with `old` changed to `new`."""
    found = [Found(record(s, p.name), str(p)) for s, p in room]
    merged = merge_records(found, protocol).merged
    text = dumps_merged(merged, protocol).decode("utf-8")
    assert old in text, old
    text = text.replace(old, new, 1)
    path = Path("in") / "earlier-merge.toml"
    path.write_text(text, encoding="utf-8")
    return path, text[:text.index(new)].count("\n") + 1


def case_broken_toml(protocol, room):
    path, line = bad_session(protocol, "bad.toml", 'group = "Bad"', 'group = "Bad')
    return ["in"], [f"{path}:{line}:", "not valid TOML"]


def case_empty(protocol, room):
    Path("in/empty.toml").write_bytes(b"")
    return ["in"], ["in/empty.toml: is empty: not a workshop session or merged file"]


def case_wrong_format(protocol, room):
    path, line = bad_session(protocol, "x.toml", 'format = "workshop-session"', 'format = "notes"')
    return ["in"], [f"{path}:{line}: format: not a workshop session or merged file "
                    "(format = 'notes'; expected 'workshop-session' or 'workshop-merged')"]


def case_session_format_version(protocol, room):
    path, line = bad_session(protocol, "x.toml", "format_version = 1", "format_version = 2")
    return ["in"], [f"{path}:{line}: format_version: format version 2 is from a newer version"]


def case_merged_format_version(protocol, room):
    path, line = bad_merged(protocol, room, "format_version = 1", "format_version = 3")
    return ["in"], [f"{path}:{line}: format_version: merged format version 3 is from a newer"]


def case_other_protocol_id(protocol, room):
    _, other = other_protocol(Path("protocols"), protocol_id="another-protocol")
    path, _ = bad_session(protocol, "x.toml", "Bad", "Elsewhere", proto=other)
    return ["in"], [f"{path}: recorded on protocol 'another-protocol' version '2011-revised', but "
                    "the protocol in use is 'partnership-behaviour-protocol' version "
                    "'2010-consultation'; merge with --allow-mixed"]


def case_other_version(protocol, room):
    _, other = other_protocol(Path("protocols"))
    path, _ = bad_session(protocol, "x.toml", "Bad", "Elsewhere", proto=other)
    return ["in"], [f"{path}: recorded on protocol 'partnership-behaviour-protocol' version "
                    "'2011-revised', but the protocol in use is"]


def case_changed_text(protocol, room):
    path, line = bad_session(protocol, "x.toml", 'digest = "sha256:', 'digest = "sha256:0')
    return ["in"], [f"{path}:{line}: protocol.digest: the text of protocol "
                    "'partnership-behaviour-protocol' version '2010-consultation' has changed"]


def case_negative_count(protocol, room):
    path, line = bad_session(protocol, "x.toml", "amend = 1", "amend = -1")
    return ["in"], [f"{path}:{line}: votes.share-resources.amend: a vote count cannot be "
                    "negative (-1)"]


def case_unknown_commitment(protocol, room):
    path, line = bad_session(protocol, "x.toml", "[votes.share-resources]", "[votes.share-it]")
    return ["in"], [f"{path}:{line}: votes.share-it: unknown commitment id 'share-it'"]


def case_count_as_text(protocol, room):
    path, line = bad_session(protocol, "x.toml", "agree = 3", 'agree = "3"')
    return ["in"], [f"{path}:{line}: votes.share-resources.agree: must be a whole number, not text"]


def case_folder_without_sessions(protocol, room):
    Path("nothing-here").mkdir()
    (Path("nothing-here") / "notes.txt").write_text("not a session")
    return ["in", "nothing-here"], ["nothing-here: is a folder with no .toml files"]


def case_missing_path(protocol, room):
    return ["in", "in/missing.toml"], ["in/missing.toml: no such file or folder"]


def case_not_utf8(protocol, room):
    s, path = room[0]
    raw = dumps_session(s).replace(b'location = ""', b'location = "Caf\xe9"')
    Path("in/latin1.toml").write_bytes(raw)
    line = raw.split(b"\n").index(b'location = "Caf\xe9"') + 1
    return ["in"], [f"in/latin1.toml:{line}: is not UTF-8 text"]


def case_folder_named_toml(protocol, room):
    Path("in/sub/x.toml").mkdir(parents=True)
    return ["in", "in/sub/x.toml"], ["in/sub/x.toml: is a folder with no .toml files"]


def case_merged_totals(protocol, room):
    path, line = bad_merged(protocol, room, "[votes.share-resources.totals]\nagree = 3",
                            "[votes.share-resources.totals]\nagree = 99")
    return ["in"], [f"{path}:{line + 1}: votes.share-resources.totals.agree: total for 'agree' "
                    "is 99 but the sessions' counts add up to 3"]


def case_merged_unknown_session(protocol, room):
    sid = room[1][0].id
    path, line = bad_merged(protocol, room, f'[[answers]]\nsession = "{sid}"',
                            '[[answers]]\nsession = "ghost"')
    return ["in"], [f"{path}:{line + 1}: answers[2].session: session 'ghost' is not in "
                    "[[sessions]]"]


def case_merged_summary(protocol, room):
    path, line = bad_merged(protocol, room, "participants = 11", "participants = 110")
    return ["in"], [f"{path}:{line}: summary.participants: says 110 but the file's sessions "
                    "give 11"]


CASES = [v for k, v in sorted(globals().items()) if k.startswith("case_")]


@pytest.mark.parametrize("case", CASES, ids=[c.__name__[5:] for c in CASES])
def test_a_bad_input_is_named_and_nothing_is_written(protocol, room, capsys, case):
    args, expected = case(protocol, room)
    before = sorted(os.listdir("."))
    code, out, err = merge(capsys, *args, "-o", "out.toml")
    assert code == 2, out
    for words in expected:
        assert words in err.replace(os.sep, "/"), err
    assert "Traceback" not in err and out == ""
    assert Path("out.toml").read_bytes() == OLD_OUTPUT
    code, _, _ = merge(capsys, *args, "-o", "new.toml")
    assert code == 2 and not Path("new.toml").exists()
    assert sorted(os.listdir(".")) == before  # no temporary file left behind either


def test_every_problem_in_every_file_is_listed(protocol, room, capsys):
    case_negative_count(protocol, room)
    case_empty(protocol, room)
    code, _, err = merge(capsys, "in", "missing", "-o", "out.toml")
    assert code == 2
    assert [line.split(":")[0] for line in err.splitlines()] == [
        "missing", "in/empty.toml", "in/x.toml", "3 problems found."]


def test_the_command_never_shows_a_traceback(protocol, room):
    case_merged_totals(protocol, room)
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    result = subprocess.run([sys.executable, "-m", "workshop", "--protocol",
                             str(REPO / "protocol.toml"), "merge", "in", "-o", "out.toml"],
                            capture_output=True, text=True, env=env)
    assert result.returncode == 2
    assert "earlier-merge.toml" in result.stderr and "Traceback" not in result.stderr
    assert Path("out.toml").read_bytes() == OLD_OUTPUT


# -- what a good merge does and says --------------------------------------------------------------


def test_five_sessions_merge_into_their_sum_and_merging_again_changes_nothing(
        protocol, tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    made = five_sessions(protocol, Path("sessions"))
    code, out, err = merge(capsys, "sessions", "-o", "all.toml")
    assert (code, err) == (0, "")
    raw = Path("all.toml").read_bytes()
    data = parse_toml(raw.decode(), "all.toml")
    for c in protocol.commitments:
        expected = {o: sum(s.votes.get(c.id, {}).get(o, 0) for s, _ in made)
                    for o in protocol.option_ids}
        if any(expected.values()):
            assert data["votes"][c.id]["totals"] == expected
        else:
            assert c.id not in data["votes"]
    assert data["summary"] == {"sessions": 5, "complete": 2, "participants": 35, "votes": 52,
                               "comments": 5, "amendments": 2, "answers": 5}
    assert out.splitlines() == [
        "Merged 5 sessions (2 complete, 35 participants) from 5 files into all.toml.",
        "Totals: 6/37 commitments voted; 52 votes (Agree 40, Agree if amended 2, Disagree 10); "
        "5 comments, 2 proposed wordings, 5 answers.",
        "Recommendations: Adopt 0, Adopt with changes 2, Do not adopt 0, Undecided 3."]
    # the merged file again with one of the five, and with all five: the same bytes
    one = made[2][1]
    assert merge(capsys, "all.toml", str(one), "-o", "again.toml")[0] == 0
    assert Path("again.toml").read_bytes() == raw
    assert merge(capsys, "sessions", "all.toml", "-o", "all.toml")[0] == 0
    assert Path("all.toml").read_bytes() == raw
    code, out, _ = merge(capsys, str(one), "all.toml", "-o", "again.toml")
    assert Path("again.toml").read_bytes() == raw
    assert "Merged 5 sessions (2 complete, 35 participants) from 2 files" in out
    assert (f"Skipped 1 duplicate:\n  {one}: session 2222aaaa (Voluntary <Sector>) is the same "
            "session, already counted; kept the copy from all.toml\n") in out.replace(os.sep, "/")


def test_a_copied_file_counts_once(protocol, room, capsys):
    (s, path), _ = room
    copy(path, Path("in") / "0-copy-of-first.toml")
    code, out, _ = merge(capsys, "in", "-o", "out.toml")
    assert code == 0
    data = parse_toml(Path("out.toml").read_text(encoding="utf-8"), "out.toml")
    assert data["summary"]["sessions"] == 2
    assert data["votes"]["share-resources"]["totals"]["agree"] == 1 + 2
    assert [x["source"] for x in data["sessions"]][0] == "0-copy-of-first.toml"
    assert (f"Skipped 1 duplicate:\n  {path}: session 0000aaaa (Manchester Partnership Board) "
            "is the same session, already counted; kept the copy from in/0-copy-of-first.toml\n"
            ) in out.replace(os.sep, "/")
    assert "from 3 files" in out


def test_a_conflict_keeps_the_later_copy_and_says_which_file_was_dropped(
        protocol, tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    clock = FixedClock()
    s = Session.new(protocol, "Ward 3", clock=clock, session_id="cafe0123-aaaa")
    s.set_votes("share-resources", {"agree": 4})
    write_session(Path("usb.toml"), s)  # copied to a stick at 10:00:01
    clock.now += timedelta(minutes=30)
    s.add_vote("share-resources", "disagree", 2)  # then changed on the laptop at 10:30:02
    Path("laptop").mkdir()
    write_session(Path("laptop/ward-3.toml"), s)
    code, out, _ = merge(capsys, "usb.toml", "laptop", "-o", "out.toml")
    assert code == 0
    assert ("Dropped 1 older or conflicting copy:\n  usb.toml: session cafe0123 (Ward 3) differs "
            "from another copy that was updated later (2026-11-22T10:30:02Z against "
            "2026-11-22T10:00:01Z); kept the copy from laptop/ward-3.toml\n"
            ) in out.replace(os.sep, "/")
    data = parse_toml(Path("out.toml").read_text(encoding="utf-8"), "out.toml")
    assert data["votes"]["share-resources"]["totals"] == {"agree": 4, "amend": 0, "disagree": 2}
    assert data["sessions"][0]["source"] == "ward-3.toml"


def test_skip_bad_merges_the_rest_and_lists_what_it_skipped(protocol, room, capsys):
    case_negative_count(protocol, room)
    case_empty(protocol, room)
    code, out, err = merge(capsys, "--skip-bad", "in", "gone.toml", "-o", "out.toml")
    assert (code, err) == (0, "")
    lines = out.replace(os.sep, "/").splitlines()
    assert lines[0] == ("Merged 2 sessions (1 complete, 11 participants) from 2 files into "
                        "out.toml.")
    assert lines[1:5] == ["Skipped 3 bad files (--skip-bad):",
                          "  gone.toml: no such file or folder",
                          "  in/empty.toml: is empty: not a workshop session or merged file",
                          lines[4]]
    assert lines[4].startswith("  in/x.toml:") and "cannot be negative (-1)" in lines[4]
    assert parse_toml(Path("out.toml").read_text(encoding="utf-8"), "o")["summary"]["sessions"] == 2


def test_skip_bad_with_nothing_left_writes_nothing(room, capsys):
    code, out, err = merge(capsys, "--skip-bad", "gone.toml", "-o", "out.toml")
    assert code == 2 and out == ""
    assert err.splitlines() == ["out.toml: not written: no sessions to merge: every input was "
                                "skipped"]
    assert Path("out.toml").read_bytes() == OLD_OUTPUT


def test_allow_mixed_merges_by_commitment_id_and_lists_the_ids_it_does_not_know(
        protocol, room, capsys):
    _, other = other_protocol(Path("protocols"), renames={"public-good": "common-good"})
    s = Session.new(other, "Revised text room", participants=6, clock=FixedClock(),
                    session_id="0dd0dd00-2222")
    s.set_votes("share-resources", {"agree": 10})
    s.set_votes("common-good", {"disagree": 1})
    s.add_comment("common-good", "Whose good?")
    write_session(Path("in/revised.toml"), s)
    assert merge(capsys, "in", "-o", "out.toml")[0] == 2  # refused without the option
    code, out, err = merge(capsys, "--allow-mixed", "in", "-o", "out.toml")
    assert (code, err) == (0, "")
    assert ("Ids not in protocol 'partnership-behaviour-protocol' version '2010-consultation' "
            "(kept in the file, left out of its totals):\n"
            "  session 0dd0dd00 (Revised text room): common-good\n") in out
    assert "Totals: 3/37 commitments voted; 25 votes (Agree 17, Agree if amended 1, Disagree 7)" \
        in out
    data = parse_toml(Path("out.toml").read_text(encoding="utf-8"), "out.toml")
    revised = next(x for x in data["sessions"] if x["id"] == "0dd0dd00-2222")
    assert revised["protocol"]["version"] == "2011-revised"
    assert data["votes"]["share-resources"]["totals"]["agree"] == 1 + 2 + 10
    # the mixed file merges again, to the same bytes, and needs the option again
    raw = Path("out.toml").read_bytes()
    assert merge(capsys, "out.toml", "-o", "again.toml")[0] == 2
    assert merge(capsys, "--allow-mixed", "out.toml", "in", "-o", "again.toml")[0] == 0
    assert Path("again.toml").read_bytes() == raw


def test_a_folder_named_like_a_file_inside_an_input_folder_is_passed_over(room, capsys):
    Path("in/old.toml").mkdir()
    code, out, _ = merge(capsys, "in", "in/", "-o", "out.toml")
    assert code == 0 and "Merged 2 sessions" in out and "from 2 files" in out


def test_an_output_that_cannot_be_written_is_reported(room, capsys):
    code, _, err = merge(capsys, "in", "-o", "no-such-folder/out.toml")
    assert code == 2
    assert "no-such-folder/out.toml: could not be saved" in err.replace(os.sep, "/")


def test_many_duplicates_are_counted_not_all_listed(protocol, tmp_path, capsys):
    from workshop.cli.main import main as run
    from workshop.cli.merge import SHOWN
    from workshop.session.file_format import dumps_session
    from workshop.session.model import Session

    folder = tmp_path / "copies"
    folder.mkdir()
    data = dumps_session(Session.new(protocol, "Copied group", session_id="c0ffee00-1111"))
    for n in range(SHOWN + 5):
        (folder / f"copy-{n:02d}.toml").write_bytes(data)
    assert run(["merge", str(folder), "-o", str(tmp_path / "out.toml")]) == 0
    out = capsys.readouterr().out
    assert f"Skipped {SHOWN + 4} duplicates:" in out
    assert out.count("is the same session, already counted") == SHOWN
    assert "… and 4 more" in out
