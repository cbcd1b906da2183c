"""Files are written with the user's umask: a new session, merged file or export gets
0666 & ~umask (0644 under the usual 022), never the 0600 tempfile.mkstemp gave every save; a
file that already exists keeps its mode when it is replaced. Real files, real umasks."""

from __future__ import annotations

import os
import stat

import pytest

from helpers import REPO
from workshop.cli.main import main
from workshop.session.store import SessionStore
from workshop.toml.atomic import atomic_write


def mode(path) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


@pytest.fixture
def umask():
    """Set the umask for one test; the old one comes back afterwards."""
    old = os.umask(0o022)
    yield os.umask
    os.umask(old)


@pytest.mark.parametrize("mask, expected", [(0o022, 0o644), (0o027, 0o640), (0o077, 0o600),
                                            (0o002, 0o664)])
def test_a_new_file_follows_the_umask(tmp_path, umask, mask, expected):
    umask(mask)
    atomic_write(tmp_path / "new.md", b"words")
    assert mode(tmp_path / "new.md") == expected


def test_a_replaced_file_keeps_its_mode(tmp_path, umask):
    path = tmp_path / "report.csv"
    path.write_bytes(b"old")
    for kept in (0o644, 0o640, 0o600, 0o664):
        os.chmod(path, kept)
        umask(0o077)  # a stricter umask does not take a shared file away from colleagues
        atomic_write(path, b"new")
        assert mode(path) == kept and path.read_bytes() == b"new"


def test_a_fixed_mode_is_kept_whatever_the_umask(tmp_path, umask):
    umask(0o000)
    atomic_write(tmp_path / "private", b"x", mode=0o600)
    assert mode(tmp_path / "private") == 0o600


def test_sessions_merged_files_and_exports_follow_the_umask(tmp_path, umask, session, protocol,
                                                            monkeypatch, capsys):
    umask(0o022)
    store = SessionStore(tmp_path / "sessions", protocol)
    path = store.create(session)
    assert mode(path) == 0o644
    monkeypatch.chdir(tmp_path)
    shared = ["--protocol", str(REPO / "protocol.toml")]
    assert main([*shared, "merge", "sessions", "-o", "merged.toml"]) == 0
    assert mode(tmp_path / "merged.toml") == 0o644
    for fmt in ("md", "csv", "xlsx", "html", "docx"):
        assert main([*shared, "export", "merged.toml", "-f", fmt]) == 0
        assert mode(tmp_path / f"merged.{fmt}") == 0o644, fmt
    capsys.readouterr()


def test_saving_a_shared_session_again_keeps_it_shared(tmp_path, umask, session, protocol):
    umask(0o077)
    store = SessionStore(tmp_path, protocol)
    path = store.create(session)
    assert mode(path) == 0o600
    os.chmod(path, 0o644)  # the facilitator shares it on the team drive
    session.add_comment("share-resources", "more words")
    store.save(session, path)
    assert mode(path) == 0o644
