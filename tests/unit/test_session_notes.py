"""Session notes travel: from the session into its record, through a merged file and back, into
the report; a merged file written before notes were kept still reads, and merging it with the
session file keeps the notes."""

from __future__ import annotations

from datetime import date

from helpers import FixedClock
from workshop.consultation.merge_rules import Found, merge_records
from workshop.consultation.merged_file import dumps_merged, merged_from_dict
from workshop.consultation.records import Merged, ProtocolRef, SessionRecord
from workshop.consultation.report_build import build_report
from workshop.session.model import Session
from workshop.toml.io import parse_toml

NOTES = "Room was cold.\nTwo left at 11:00 [bold]=SUM(A1)</p> 🎉"


def merged_with(protocol, notes: str) -> Merged:
    s = Session.new(protocol, "Leeds", on=date(2026, 11, 2), notes=notes, clock=FixedClock(),
                    session_id="s1")
    record = SessionRecord.from_session(s, "leeds.toml")
    return Merged(ProtocolRef.of(protocol), {record.id: record})


def read_back(data: bytes, protocol) -> Merged:
    text = data.decode("utf-8")
    return merged_from_dict(parse_toml(text, "m.toml"), text, "m.toml", protocol)


def test_notes_go_through_a_merged_file_byte_for_byte(protocol):
    back = read_back(dumps_merged(merged_with(protocol, NOTES), protocol), protocol)
    assert back.records["s1"].notes == NOTES
    report = build_report(back, protocol)
    assert [w.notes for w in report.noted()] == [NOTES]


def test_a_merged_file_without_notes_still_reads_and_has_no_notes_key(protocol):
    data = dumps_merged(merged_with(protocol, ""), protocol)
    assert b"notes" not in data
    assert read_back(data, protocol).records["s1"].notes == ""


def test_an_old_merged_copy_without_notes_is_the_same_session_and_the_notes_are_kept(protocol):
    with_notes = merged_with(protocol, NOTES).records["s1"]
    old = SessionRecord(**{**vars(with_notes), "notes": "", "source": "leeds.toml"})
    old.__dict__.pop("content_key", None)
    for order in ([with_notes, old], [old, with_notes]):
        outcome = merge_records([Found(r, f"f{n}.toml") for n, r in enumerate(order)],
                                ProtocolRef.of(protocol))
        assert outcome.merged.records["s1"].notes == NOTES
        assert outcome.conflicts == []
        assert "without its notes" in outcome.duplicates[0].reason
