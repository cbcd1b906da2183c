"""A session names its authority; a protocol may read it into its recommendation question.

The bundled protocol keeps the published words (Taunton Deane's), whatever a session names;
an authority adapting the protocol writes `{authority}` where its name goes. The session file
keeps `meta.authority` as an optional key, so files without it read, and write, as before.
"""

from __future__ import annotations

import pytest

from helpers import REPO
from workshop.errors import ProtocolError, SessionFileError
from workshop.protocol.load import bundled_protocol_path, load_protocol
from workshop.session.file_format import dumps_session, read_session, session_to_dict
from workshop.session.model import Session

PUBLISHED = ("The Committee is required to review the Partnership Behaviour Protocol attached to "
             "this report and give their views as to whether it is something that Taunton Deane "
             "Borough Council should adopt when working with its various partners.")
ADAPTED = ("The Committee is asked whether {authority} should adopt the Partnership Behaviour "
           "Protocol when working with its partners.")


def protocol_with(tmp_path, question: str | None):
    """The shipped protocol with another recommendation question (None: no question at all)."""
    text = (REPO / "protocol.toml").read_text(encoding="utf-8")
    line = next(x for x in text.splitlines() if x.startswith("recommendation_question = "))
    new = "" if question is None else f"recommendation_question = {question!r}".replace("'", '"')
    path = tmp_path / "adapted.toml"
    path.write_text(text.replace(line, new), encoding="utf-8")
    return path


def test_the_bundled_question_is_the_published_words_whatever_the_session_names(protocol):
    assert protocol.recommendation_question == PUBLISHED
    assert load_protocol(bundled_protocol_path()).recommendation_question == PUBLISHED
    for authority in ("", "Leeds City Council", "{authority}"):
        assert protocol.question_for(authority) == PUBLISHED


def test_a_placeholder_reads_the_sessions_authority(tmp_path):
    adapted = load_protocol(protocol_with(tmp_path, ADAPTED))
    assert adapted.recommendation_question == ADAPTED  # kept as written; read out per session
    assert adapted.question_for("Leeds City Council") == (
        "The Committee is asked whether Leeds City Council should adopt the Partnership "
        "Behaviour Protocol when working with its partners.")
    assert adapted.question_for("  Leeds\nCity   Council ") == adapted.question_for(
        "Leeds City Council")  # one line, single spaces
    assert adapted.question_for("") == (
        "The Committee is asked whether the council should adopt the Partnership Behaviour "
        "Protocol when working with its partners.")
    assert adapted.question_for("[bold]Bristol[/bold] <b>") == (
        "The Committee is asked whether [bold]Bristol[/bold] <b> should adopt the Partnership "
        "Behaviour Protocol when working with its partners.")


def test_a_placeholder_that_starts_the_question_reads_with_a_capital(tmp_path):
    adapted = load_protocol(protocol_with(tmp_path, "{authority} is asked: adopt it?"))
    assert adapted.question_for("") == "The council is asked: adopt it?"
    assert adapted.question_for("leeds council") == "Leeds council is asked: adopt it?"


def test_a_protocol_without_a_question_asks_about_the_authority(tmp_path):
    bare = load_protocol(protocol_with(tmp_path, None))
    assert bare.recommendation_question == ""
    assert bare.question_for("") == f"Should the council adopt the {bare.title}?"
    assert bare.question_for("Leeds City Council") == (
        f"Should Leeds City Council adopt the {bare.title}?")


def test_an_unknown_placeholder_is_named_with_its_line(tmp_path):
    path = protocol_with(tmp_path, "Should {athority} adopt it, {council}?")
    with pytest.raises(ProtocolError) as caught:
        load_protocol(path)
    messages = [str(p) for p in caught.value.problems]
    assert len(messages) == 2
    assert ":15: recommendation_question: unknown placeholder '{athority}'; the only one is " \
           "{authority}" in messages[0]
    assert "'{council}'" in messages[1]


def test_the_placeholder_does_not_change_the_digest(tmp_path, protocol):
    """Sessions recorded on the published question can be merged with an adapted one's."""
    assert load_protocol(protocol_with(tmp_path, ADAPTED)).digest == protocol.digest


def test_authority_is_saved_and_read_back(protocol, session, tmp_path):
    session.set_meta(authority="Leeds City Council <b>")
    path = tmp_path / "s.toml"
    path.write_bytes(dumps_session(session))
    assert 'authority = "Leeds City Council <b>"' in path.read_text(encoding="utf-8")
    again = read_session(path, protocol)
    assert again.meta.authority == "Leeds City Council <b>"
    assert dumps_session(again) == dumps_session(session)


def test_a_session_naming_no_authority_writes_no_key(protocol, session):
    """Files without an authority are what an older workshop wrote (and can still read)."""
    assert "authority" not in session_to_dict(session)["meta"]
    assert b"authority" not in dumps_session(session)


def test_an_old_file_without_the_key_reads_as_before(protocol, session, tmp_path):
    old = dumps_session(session)
    assert b"authority" not in old
    path = tmp_path / "old.toml"
    path.write_bytes(old)
    read = read_session(path, protocol)
    assert read.meta.authority == ""
    assert dumps_session(read) == old


def test_an_authority_that_is_not_text_is_refused(protocol, session, tmp_path):
    where = 'location = "Town Hall, Room 2"\n'
    text = dumps_session(session).decode().replace(where, where + "authority = 3\n")
    path = tmp_path / "bad.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(SessionFileError, match="meta.authority: must be text"):
        read_session(path, protocol)


def test_session_new_takes_the_authority(protocol, clock):
    session = Session.new(protocol, "Leeds Board", "F", authority="Leeds City Council",
                          clock=clock)
    assert session.meta.authority == "Leeds City Council"
