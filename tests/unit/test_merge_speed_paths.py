"""The fast paths of `workshop merge` give what the plain ones give: reading in two processes
(records, files and problems in the same order), a session found once kept without its content
key, and the cached Protocol.commitments."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from merge_helpers import write_session
from workshop.cli import merge as merge_cli
from workshop.cli.merge import read_counted
from workshop.consultation.merge_cache import MergeCache
from workshop.session.model import Session


def folder_of_sessions(protocol, folder: Path, count: int) -> list[Path]:
    folder.mkdir()
    paths = []
    for n in range(count):
        s = Session.new(protocol, f"Room {n}", session_id=f"{n:04d}-id")
        s.set_votes(protocol.commitments[n % 5].id, {"agree": n})
        s.add_comment(protocol.commitments[n % 7].id, f"comment {n} \r\n \x00 🎉")
        paths.append(write_session(folder / f"{n:03d}.toml", s))
    for n in (3, 11):  # bad files among them: their problems keep their place
        paths[n].write_text("format = 'workshop-session'\nformat_version = = 1\n",
                            encoding="utf-8")
    (folder / "odd.toml").write_text("format = 'other'\n", encoding="utf-8")
    return sorted(folder.glob("*.toml"))


def snapshot(result) -> tuple:
    found, problems, more = result
    return ([(f.record, f.record.source, f.file) for f in found],
            [str(p) for p in problems], more)


@pytest.fixture
def small_chunks(monkeypatch):
    monkeypatch.setattr(merge_cli, "PARALLEL_FROM", 4)
    monkeypatch.setattr(merge_cli, "CHUNK", 3)


def test_two_processes_read_what_one_reads_in_the_same_order(tmp_path, protocol, small_chunks):
    files = folder_of_sessions(protocol, tmp_path / "in", 20)
    one = snapshot(read_counted(files, protocol, False, workers=1))
    two = snapshot(read_counted(files, protocol, False, workers=2))
    assert two == one
    assert len(one[0]) == 18 and len(one[1]) == 3  # the comparison is not of empty lists
    reading = merge_cli._Reading(files, protocol, 2)
    assert reading.pool is not None and reading.half == 10  # a second process did read
    assert [k for k, _ in reading] == list(range(21))


def test_two_processes_with_a_cache_read_only_what_changed(tmp_path, protocol, small_chunks):
    files = folder_of_sessions(protocol, tmp_path / "in", 20)
    plain = snapshot(read_counted(files, protocol, False, workers=1))
    cache = MergeCache(protocol, tmp_path / "out.toml")
    assert snapshot(read_counted(files, protocol, False, cache, workers=2)) == plain
    cache.save()
    again = MergeCache(protocol, tmp_path / "out.toml")
    assert snapshot(read_counted(files, protocol, False, again, workers=2)) == plain
    assert again.hits == 18  # every good file, none of the bad ones


def test_a_session_found_once_is_kept_as_found(protocol):
    from workshop.consultation.merge_rules import Found, merge_records
    from workshop.consultation.records import ProtocolRef, SessionRecord

    s = Session.new(protocol, "Room", session_id="only")
    record = SessionRecord.from_session(s, "b.toml")
    outcome = merge_records([Found(record, "b.toml")], ProtocolRef.of(protocol))
    assert outcome.merged.records["only"] is record
    assert "content_key" not in vars(record)  # not computed: nothing to compare it with
    copy = replace(record, source="a.toml")
    outcome = merge_records([Found(record, "b.toml"), Found(copy, "a.toml")],
                            ProtocolRef.of(protocol))
    assert outcome.merged.records["only"].source == "a.toml" and len(outcome.duplicates) == 1


def test_protocol_commitments_are_built_once_and_stay_what_they_were(protocol):
    assert protocol.commitments is protocol.commitments
    assert protocol.commitments == tuple(c for p in protocol.principles for c in p.commitments)
    assert protocol.commitment_ids == {c.id for c in protocol.commitments}
    assert protocol.question_ids == {q.id for q in protocol.questions}
    other = replace(protocol, principles=protocol.principles[:1])
    assert other.commitments == protocol.principles[0].commitments
