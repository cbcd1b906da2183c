"""The index of a big merged file: read once from the TOML, then from the index; never stale,
never in the way, and the result always the same as parsing the file."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest

from merge_helpers import copy, merge_files, snapshot, write_session
from workshop.consultation import inputs, merged_index
from workshop.consultation.inputs import read_input
from workshop.consultation.records import Merged
from workshop.errors import SessionFileError
from workshop.session.model import Session
from workshop.toml.atomic import atomic_write

HOSTILE = "[bold]x[/bold] <script>alert(1)</script> =SUM(A1) 🎉\r\nline two \\ \" \x7f"


@pytest.fixture
def cache(tmp_path, monkeypatch) -> Path:
    """Every merged file is indexed (not only big ones), into a cache folder of the test's own."""
    monkeypatch.setenv("WORKSHOP_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setattr(merged_index, "MIN_BYTES", 0)
    return tmp_path / "cache" / "index"


def read_result(path: Path, protocol) -> Merged:
    """`read_result` as a new run of workshop does it: nothing remembered from an earlier read."""
    inputs._LAST.clear()
    return inputs.read_result(path, protocol)


def merged_file(folder: Path, protocol, sessions: int = 3) -> Path:
    paths = []
    for n in range(sessions):
        s = Session.new(protocol, f"Group {n} {HOSTILE}", session_id=f"s{n}")
        first = protocol.commitments[n].id
        s.set_votes(first, {"agree": 3 + n, "amend": 1, "disagree": n})
        s.add_comment(first, f"{HOSTILE} comment {n}")
        s.add_amendment(first, f"We will {HOSTILE} {n}")
        s.add_answer(protocol.questions[0].id, f"answer {n} {HOSTILE}")
        paths.append(write_session(folder / f"s{n}.toml", s))
    _, raw = merge_files(paths, protocol)
    out = folder / "merged.toml"
    atomic_write(out, raw)
    return out


def parsed(path: Path, protocol) -> Merged:
    ref, records = read_input(path, protocol)
    return Merged(ref, {r.id: r for r in records})


def test_the_second_read_comes_from_the_index_and_equals_the_file(tmp_path, protocol, cache):
    path = merged_file(tmp_path, protocol)
    first = read_result(path, protocol)
    assert len(list(cache.glob("*.sqlite"))) == 1
    key = merged_index.content_key(path.read_bytes(), protocol.digest)
    assert merged_index.load(key) is not None
    second = read_result(path, protocol)
    assert snapshot(second) == snapshot(first) == snapshot(parsed(path, protocol))
    assert HOSTILE in second.records["s1"].group


def test_what_is_read_on_a_hit_is_the_index(tmp_path, protocol, cache):
    """Proof that a hit does not parse: change the indexed text, and the read shows it."""
    path = merged_file(tmp_path, protocol)
    read_result(path, protocol)
    index = next(cache.glob("*.sqlite"))
    with sqlite3.connect(index) as db:
        db.execute("UPDATE entries SET text = 'from the index' WHERE kind = 0")
    texts = {e.text for r in read_result(path, protocol).records.values()
             for items in r.comments.values() for e in items}
    assert texts == {"from the index"}


def test_a_changed_file_is_never_read_from_an_old_index(tmp_path, protocol, cache):
    path = merged_file(tmp_path, protocol)
    read_result(path, protocol)
    stat = path.stat()
    raw = path.read_bytes().replace(b"comment 1", b"comment 9")
    path.write_bytes(raw)
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))  # same size, same time
    comments = [e.text for r in read_result(path, protocol).records.values()
                for items in r.comments.values() for e in items]
    assert any(t.endswith("comment 9") for t in comments)
    assert not any(t.endswith("comment 1") for t in comments)
    assert len(list(cache.glob("*.sqlite"))) == 2


def test_a_copy_under_another_name_uses_the_same_index(tmp_path, protocol, cache):
    path = merged_file(tmp_path, protocol)
    first = read_result(path, protocol)
    other = copy(path, tmp_path / "renamed.toml")
    assert snapshot(read_result(other, protocol)) == snapshot(first)
    assert len(list(cache.glob("*.sqlite"))) == 1


def test_a_damaged_index_is_passed_over_and_written_again(tmp_path, protocol, cache):
    path = merged_file(tmp_path, protocol)
    expected = snapshot(read_result(path, protocol))
    index = next(cache.glob("*.sqlite"))
    index.write_bytes(b"not a database at all")
    assert snapshot(read_result(path, protocol)) == expected
    key = merged_index.content_key(path.read_bytes(), protocol.digest)
    assert merged_index.load(key) is not None  # rebuilt


def test_an_index_of_another_layout_is_not_read(tmp_path, protocol, cache, monkeypatch):
    path = merged_file(tmp_path, protocol)
    read_result(path, protocol)
    key = merged_index.content_key(path.read_bytes(), protocol.digest)
    monkeypatch.setattr(merged_index, "LAYOUT", "workshop-merged-index 99")
    assert merged_index.load(key) is None


def test_no_cache_folder_to_write_still_reads(tmp_path, protocol, monkeypatch):
    monkeypatch.setattr(merged_index, "MIN_BYTES", 0)
    blocker = tmp_path / "a file, not a folder"
    blocker.write_text("x")
    monkeypatch.setenv("WORKSHOP_CACHE_DIR", str(blocker))
    path = merged_file(tmp_path, protocol)
    assert snapshot(read_result(path, protocol)) == snapshot(parsed(path, protocol))


def test_another_protocol_digest_has_its_own_index(tmp_path, protocol):
    raw = b"the same bytes"
    assert merged_index.content_key(raw, protocol.digest) != merged_index.content_key(raw, "x")


def test_a_big_session_file_is_not_indexed(tmp_path, protocol, cache):
    """A session's record takes its file's name, which an index by content could not know."""
    s = Session.new(protocol, "Solo", session_id="solo")
    path = write_session(tmp_path / "first name.toml", s)
    assert read_result(path, protocol).records["solo"].source == "first name.toml"
    moved = copy(path, tmp_path / "second name.toml")
    assert read_result(moved, protocol).records["solo"].source == "second name.toml"
    assert not list(cache.glob("*.sqlite"))


def test_a_bad_merged_file_is_reported_and_not_indexed(tmp_path, protocol, cache):
    path = merged_file(tmp_path, protocol)
    path.write_bytes(path.read_bytes().replace(b"[protocol]\n", b"[protocol]\nbroken =\n", 1))
    with pytest.raises(SessionFileError) as caught:
        read_result(path, protocol)
    assert "merged.toml:5:9: not valid TOML" in str(caught.value)
    assert not cache.exists() or not list(cache.glob("*.sqlite"))


def test_only_the_most_recently_used_indexes_are_kept(tmp_path, protocol, cache, monkeypatch):
    monkeypatch.setattr(merged_index, "KEEP", 2)
    path = merged_file(tmp_path, protocol)
    for n in range(4):
        path.write_bytes(path.read_bytes() + f"\n# {n}\n".encode())
        read_result(path, protocol)
    assert len(list(cache.glob("*.sqlite"))) == 2


def test_read_again_unchanged_in_one_run_is_not_read_again(tmp_path, protocol, cache,
                                                          monkeypatch):
    path = merged_file(tmp_path, protocol)
    first = read_result(path, protocol)
    reads = []
    real = inputs._read_indexed
    monkeypatch.setattr(inputs, "_read_indexed", lambda *a: reads.append(a) or real(*a))
    again = inputs.read_result(path, protocol)
    assert snapshot(again) == snapshot(first) and again is not first and not reads
    path.write_bytes(path.read_bytes().replace(b"comment 1", b"comment 7"))
    changed = inputs.read_result(path, protocol)
    assert len(reads) == 1
    assert any(e.text.endswith("comment 7") for r in changed.records.values()
               for items in r.comments.values() for e in items)


def test_a_temporary_index_a_killed_process_left_is_removed_but_not_one_being_written(
        tmp_path, protocol, cache):
    cache.mkdir(parents=True)
    stale, fresh = cache / ".index-stale.tmp", cache / ".index-fresh.tmp"
    for temp in (stale, fresh):
        temp.write_bytes(b"half an index")
    old = stale.stat().st_mtime - merged_index.STALE_TEMP_SECONDS - 60
    os.utime(stale, (old, old))
    read_result(merged_file(tmp_path, protocol), protocol)
    assert not stale.exists() and fresh.exists()
