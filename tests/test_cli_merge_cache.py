"""`workshop merge` keeps each input's checked records in `.workshop-merge-cache.sqlite`: merging
again reads only what changed, gives the same bytes as a merge without it (`--no-cache`), sees a
file changed, added or removed, and is never stopped by a cache it cannot use."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest

from helpers import REPO
from test_merge_cli import five_sessions
from workshop.cli.main import main
from workshop.consultation import inputs
from workshop.consultation.merge_cache import CACHE_NAME, MergeCache
from workshop.session.file_format import dumps_session, read_session


def merge(capsys, *args: str) -> tuple[int, str]:
    code = main(["--protocol", str(REPO / "protocol.toml"), "merge", *args])
    out, err = capsys.readouterr()
    assert code == 0, err
    return code, out


@pytest.fixture
def folder(tmp_path, monkeypatch, protocol) -> Path:
    monkeypatch.chdir(tmp_path)
    five_sessions(protocol, Path("in"))
    return Path("in")


@pytest.fixture
def reads(monkeypatch) -> list[str]:
    """The names of the files read from disk (not taken from the cache), in order."""
    seen: list[str] = []
    real = inputs.read_input

    def counting(path, protocol):
        seen.append(Path(path).name)
        return real(path, protocol)

    monkeypatch.setattr("workshop.consultation.merge_cache.read_input", counting)
    monkeypatch.setattr("workshop.cli.merge.read_input", counting)
    return seen


def test_merging_again_reads_nothing_and_writes_the_same_bytes(capsys, folder, reads):
    merge(capsys, "in", "-o", "plain.toml", "--no-cache")
    assert not (folder / CACHE_NAME).exists()
    assert len(reads) == 5
    merge(capsys, "in", "-o", "first.toml")
    assert (folder / CACHE_NAME).is_file()
    assert len(reads) == 10
    _, out = merge(capsys, "in", "-o", "second.toml")
    assert len(reads) == 10  # every file came from the cache
    assert "Merged 5 sessions" in out
    plain = Path("plain.toml").read_bytes()
    assert Path("first.toml").read_bytes() == plain
    assert Path("second.toml").read_bytes() == plain


def test_no_cache_reads_every_file_even_with_a_cache(capsys, folder, reads):
    merge(capsys, "in", "-o", "a.toml")
    merge(capsys, "in", "-o", "b.toml", "--no-cache")
    assert len(reads) == 10


def test_a_changed_an_added_and_a_removed_file_are_seen(capsys, folder, reads, protocol):
    merge(capsys, "in", "-o", "before.toml")
    files = sorted(folder.glob("*.toml"))
    changed = read_session(files[0], protocol)
    changed.add_comment("share-resources", "added after the first merge")
    files[0].write_bytes(dumps_session(changed))
    os.utime(files[0], ns=(files[0].stat().st_atime_ns, files[0].stat().st_mtime_ns))
    files[1].unlink()
    (folder / "copy.toml").write_bytes(files[2].read_bytes())  # a new name: read, then a duplicate
    del reads[:]
    _, out = merge(capsys, "in", "-o", "after.toml")
    assert sorted(reads) == sorted([files[0].name, "copy.toml"])
    assert "Merged 4 sessions" in out and "Skipped 1 duplicate" in out
    merge(capsys, "in", "-o", "plain.toml", "--no-cache")
    assert Path("after.toml").read_bytes() == Path("plain.toml").read_bytes()
    assert b"added after the first merge" in Path("after.toml").read_bytes()
    db = sqlite3.connect(folder / CACHE_NAME)
    kept = {Path(p).name for (p,) in db.execute("SELECT path FROM files")}
    db.close()
    assert files[1].name not in kept and "copy.toml" in kept  # the removed file is forgotten


def test_a_same_size_rewrite_in_the_same_nanosecond_is_still_seen_by_its_change_time(
        capsys, folder, reads, protocol):
    merge(capsys, "in", "-o", "a.toml")
    path = sorted(folder.glob("*.toml"))[0]
    before = path.stat()
    raw = path.read_bytes()
    path.write_bytes(raw.replace(b"Room ", b"Hall "))  # the same size
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
    del reads[:]
    merge(capsys, "in", "-o", "b.toml")
    assert reads == [path.name]
    assert b"Hall " in Path("b.toml").read_bytes()


@pytest.mark.parametrize("junk", [b"", b"not a database at all\n" * 100, b"SQLite format 3\0junk"])
def test_a_damaged_or_foreign_cache_is_replaced(capsys, folder, reads, junk):
    merge(capsys, "in", "-o", "plain.toml", "--no-cache")
    (folder / CACHE_NAME).write_bytes(junk)
    merge(capsys, "in", "-o", "a.toml")
    merge(capsys, "in", "-o", "b.toml")
    assert len(reads) == 10  # read with --no-cache, read again over the junk, then cached
    assert Path("a.toml").read_bytes() == Path("b.toml").read_bytes() == Path(
        "plain.toml").read_bytes()


def test_a_cache_that_cannot_be_made_in_the_folder_is_kept_beside_the_output(
        capsys, folder, reads, tmp_path):
    (folder / CACHE_NAME).mkdir()  # (the tests run as root: a read-only folder would not stop it)
    out = tmp_path / "out"
    out.mkdir()
    merge(capsys, "in", "-o", "out/a.toml")
    assert (out / CACHE_NAME).is_file()
    merge(capsys, "in", "-o", "out/b.toml")
    assert len(reads) == 5
    assert (out / "a.toml").read_bytes() == (out / "b.toml").read_bytes()


def test_no_cache_anywhere_still_merges(capsys, folder, reads, tmp_path):
    (folder / CACHE_NAME).mkdir()
    (tmp_path / CACHE_NAME).mkdir()
    merge(capsys, "in", "-o", "a.toml")
    merge(capsys, "in", "-o", "b.toml")
    assert len(reads) == 10
    assert Path("a.toml").read_bytes() == Path("b.toml").read_bytes()


def test_another_protocol_text_drops_the_cache(folder, protocol, reads, tmp_path):
    from dataclasses import replace

    files = sorted(folder.glob("*.toml"))
    cache = MergeCache(protocol, tmp_path / "o.toml")
    for f in files:
        cache.read(f)
    cache.save()
    changed = replace(protocol, version="2011")  # (its sessions are then read, not checked)
    cache = MergeCache(changed, tmp_path / "o.toml")
    for f in files:
        cache.read(f)
    cache.save()
    assert cache.hits == 0 and len(reads) == 10
    cache = MergeCache(changed, tmp_path / "o.toml")
    assert [cache.read(f)[1] for f in files] == [inputs.read_input(f, changed)[1] for f in files]
    cache.close()
    assert cache.hits == 5


def test_a_merge_that_fails_writes_no_cache(capsys, folder, protocol):
    """Nothing is written unless the merge is: not the output, not the cache."""
    (folder / "other.toml").write_text("format = 'something-else'\n", encoding="utf-8")
    code = main(["--protocol", str(REPO / "protocol.toml"), "merge", "in", "-o", "x.toml"])
    assert code == 2 and "something-else" in capsys.readouterr().err
    assert not (folder / CACHE_NAME).exists() and not Path("x.toml").exists()


def test_a_bad_file_is_never_cached_so_its_problems_are_told_every_time(capsys, folder):
    bad = folder / "bad.toml"
    bad.write_text("format = 'workshop-session'\nformat_version = = 1\n", encoding="utf-8")
    for _ in range(2):
        code = main(["--protocol", str(REPO / "protocol.toml"), "merge", "in", "-o", "x.toml"])
        assert code == 2
        assert "bad.toml:2" in capsys.readouterr().err


def test_a_cache_locked_by_another_merge_is_left_alone(capsys, folder, reads, tmp_path):
    """Two merges at once: the second does not wait long, does not take the first one's cache
    away, and keeps what it read beside its output instead."""
    merge(capsys, "in", "-o", "a.toml")
    (folder / "late.toml").write_bytes(sorted(folder.glob("*.toml"))[0].read_bytes())
    other = sqlite3.connect(folder / CACHE_NAME, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # another merge saving: it may be read, not written
    try:
        merge(capsys, "in", "-o", "b.toml")
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert reads[5:] == ["late.toml"]  # the rest came from the cache
    assert (folder / CACHE_NAME).is_file() and (tmp_path / CACHE_NAME).is_file()
    merge(capsys, "in", "-o", "c.toml")
    assert reads[5:] == ["late.toml"]  # found beside the output this time
    assert Path("b.toml").read_bytes() == Path("c.toml").read_bytes()
