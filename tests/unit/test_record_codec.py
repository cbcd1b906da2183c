"""The cache codec: a record written with `record_to_json` comes back equal, field for field,
whatever people typed and whatever the session was for."""

from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone

import pytest
from hypothesis import HealthCheck, given, settings

from merge_helpers import sessions
from modes_helpers import assessment, sign_up
from workshop.consultation.record_codec import record_from_json, record_to_json
from workshop.consultation.records import SessionRecord
from workshop.protocol.load import bundled_protocol_path, load_protocol

PROTOCOL = load_protocol(bundled_protocol_path())


def round_trip(record: SessionRecord) -> SessionRecord:
    back = record_from_json(record_to_json(record))
    assert back == record
    assert back.source == record.source  # not compared by ==, but kept
    assert back.content_key == record.content_key
    return back


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(session=sessions(PROTOCOL))
def test_any_consultation_record_comes_back_equal(session):
    round_trip(SessionRecord.from_session(session, "ü 🎉 [bold].toml"))


def test_an_assessment_with_scale_actions_and_evidence_comes_back_equal():
    back = round_trip(SessionRecord.from_session(assessment(PROTOCOL), "a.toml"))
    assert back.scale is not None and back.scale.low == 2
    assert any(a.due is None for items in back.actions.values() for a in items)


def test_a_sign_up_register_comes_back_equal():
    back = round_trip(SessionRecord.from_session(sign_up(PROTOCOL), "s.toml"))
    assert [s.organisation for s in back.signatories][:1] == ["Manchester City Council"]


def test_times_keep_their_offset_and_microseconds():
    record = SessionRecord.from_session(sign_up(PROTOCOL), "s.toml")
    odd = datetime(2026, 11, 22, 9, 0, 1, 123456, tzinfo=timezone(timedelta(hours=-5, minutes=-30)))
    back = round_trip(record.__class__(**{**vars(record), "updated": odd}))
    assert back.updated.utcoffset() == timedelta(hours=-5, minutes=-30)
    assert back.updated.microsecond == 123456


@pytest.mark.parametrize("bad", ["", "[]", "{}", '["only an id"]', "not json"])
def test_anything_else_is_refused_not_misread(bad):
    with pytest.raises((ValueError, TypeError, KeyError)):
        record_from_json(bad)


def test_the_layout_is_one_json_array():
    text = record_to_json(SessionRecord.from_session(assessment(PROTOCOL), "a.toml"))
    assert "\n" not in text and isinstance(json.loads(text), list)
