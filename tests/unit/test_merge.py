"""Merging sessions: order-free, idempotent, the same whether done at once or in steps, and
honest about the copies it did not use."""

from __future__ import annotations

import tempfile
from collections import defaultdict
from dataclasses import replace
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from helpers import FixedClock
from merge_helpers import (
    as_found,
    found_lists,
    merge,
    merge_files,
    record,
    reread,
    sessions,
    snapshot,
    write_session,
)
from workshop.consultation.merge_rules import Found, protocol_groups
from workshop.consultation.merged_file import dumps_merged
from workshop.consultation.records import Merged
from workshop.session.model import Session

SETTINGS = settings(max_examples=60, deadline=None,
                    suppress_health_check=[HealthCheck.function_scoped_fixture,
                                           HealthCheck.too_slow])


def same_result(a, b, protocol) -> None:
    """Two merge outcomes agree: records (with sources), output bytes, and what was reported."""
    assert snapshot(a.merged) == snapshot(b.merged)
    assert dumps_merged(a.merged, protocol) == dumps_merged(b.merged, protocol)
    assert sorted(map(str, a.duplicates)) == sorted(map(str, b.duplicates))
    assert sorted(map(str, a.conflicts)) == sorted(map(str, b.conflicts))


# -- the laws -------------------------------------------------------------------------------------


@SETTINGS
@given(data=st.data())
def test_merge_is_commutative(protocol, data):
    found = data.draw(found_lists(protocol))
    same_result(merge(found, protocol), merge(data.draw(st.permutations(found)), protocol),
                protocol)
    same_result(merge(found, protocol), merge(found[::-1], protocol), protocol)


@SETTINGS
@given(data=st.data())
def test_merge_is_associative(protocol, data):
    found = data.draw(found_lists(protocol, max_sessions=8))
    i = data.draw(st.integers(0, len(found)))
    j = data.draw(st.integers(i, len(found)))
    a, b, c = found[:i], found[i:j], found[j:]
    ab = merge(a + b, protocol).merged
    bc = merge(b + c, protocol).merged
    at_once = merge(found, protocol).merged
    left = merge(as_found(ab, "ab.toml") + c, protocol).merged
    right = merge(a + as_found(bc, "bc.toml"), protocol).merged
    assert snapshot(left) == snapshot(at_once) == snapshot(right)
    assert dumps_merged(left, protocol) == dumps_merged(at_once, protocol)


@SETTINGS
@given(data=st.data())
def test_merge_is_idempotent(protocol, data):
    found = data.draw(found_lists(protocol))
    once = merge(found, protocol)
    assert snapshot(merge(found + found, protocol).merged) == snapshot(once.merged)
    again = merge(as_found(once.merged, "merged.toml"), protocol)
    assert snapshot(again.merged) == snapshot(once.merged)
    assert not again.duplicates and not again.conflicts
    # A result merged with itself: every session is a duplicate, never a conflict.
    twice = merge(as_found(once.merged, "m1.toml") + as_found(once.merged, "m2.toml"), protocol)
    assert snapshot(twice.merged) == snapshot(once.merged)
    assert len(twice.duplicates) == len(once.merged.records) and not twice.conflicts


@SETTINGS
@given(data=st.data())
def test_latest_copy_wins_and_totals_are_the_sum_of_the_sessions_kept(protocol, data):
    found = data.draw(found_lists(protocol))
    copies: dict[str, dict[str, object]] = defaultdict(dict)
    for f in found:
        copies[f.record.id][f.record.content_key] = f.record
    latest = {}
    for sid, versions in copies.items():
        times = sorted(r.updated for r in versions.values())
        assume(len(set(times)) == len(times))  # ties have their own test
        latest[sid] = max(versions.values(), key=lambda r: r.updated)
    outcome = merge(found, protocol)
    assert outcome.merged.records == latest
    assert len(outcome.conflicts) == sum(
        1 for f in found if f.record.content_key != latest[f.record.id].content_key)
    assert len(outcome.duplicates) + len(outcome.conflicts) + len(latest) == len(found)
    for c in protocol.commitments[:6]:
        expected = {o: sum(r.votes.get(c.id, {}).get(o, 0) for r in latest.values())
                    for o in protocol.option_ids}
        assert outcome.merged.totals(c.id, protocol.option_ids) == expected
    for kind in ("comments", "amendments", "answers"):
        assert len(outcome.merged.attributed(kind)) == sum(
            len(items) for r in latest.values() for items in r.entries(kind).values())
    assert outcome.merged.participants() == sum(r.participants or 0 for r in latest.values())


@settings(max_examples=25, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(data=st.data())
def test_re_merging_merged_files_equals_merging_the_session_files_at_once(protocol, data):
    """Through real files: sessions (copies and conflicting versions included) are written,
    some merged into one or two merged files, and those merged again with the rest."""
    with tempfile.TemporaryDirectory() as folder:
        folder = Path(folder)
        drawn = data.draw(st.lists(sessions(protocol), min_size=1, max_size=6))
        files = [write_session(folder / f"s{n}.toml", s) for n, s in enumerate(drawn)]
        for n in data.draw(st.lists(st.integers(0, len(files) - 1), max_size=2)):
            files.append(folder / f"copy-{len(files)}.toml")
            files[-1].write_bytes(files[n].read_bytes())
        files = data.draw(st.permutations(files))
        groups = data.draw(st.lists(st.integers(0, 2), min_size=len(files), max_size=len(files)))
        inputs = [f for f, g in zip(files, groups, strict=True) if g == 0]
        for g in (1, 2):
            part = [f for f, n in zip(files, groups, strict=True) if n == g]
            if part:
                out = folder / f"merged-{g}.toml"
                out.write_bytes(merge_files(part, protocol)[1])
                inputs.append(out)
        at_once, raw = merge_files(files, protocol)
        in_steps, raw_steps = merge_files(data.draw(st.permutations(inputs)), protocol)
        assert snapshot(in_steps.merged) == snapshot(at_once.merged)
        assert raw_steps == raw  # byte for byte
        assert snapshot(reread(raw, protocol)) == snapshot(at_once.merged)


# -- the rules, one at a time ---------------------------------------------------------------------


def two_versions(protocol, later_by: timedelta):
    """The same session id edited in two places: `b` changed `later_by` after `a`."""
    a = Session.new(protocol, "Ward 3", clock=FixedClock(), session_id="0011aabb-x")
    a.set_votes("share-resources", {"agree": 4})
    clock = FixedClock(a.updated + later_by - timedelta(seconds=1))
    b = Session.new(protocol, "Ward 3", clock=clock, session_id="0011aabb-x")
    b.set_votes("share-resources", {"agree": 5})
    b.started, b.meta.date = a.started, a.meta.date
    return record(a, "laptop.toml"), record(b, "usb-stick.toml")


@pytest.mark.parametrize("order", [0, 1])
def test_the_copy_updated_last_wins_and_the_dropped_file_is_named(protocol, order):
    old, new = two_versions(protocol, timedelta(hours=2))
    assert new.updated > old.updated
    found = [Found(old, "in/laptop.toml"), Found(new, "in/usb-stick.toml")]
    outcome = merge(found[::-1] if order else found, protocol)
    assert outcome.merged.records["0011aabb-x"].votes["share-resources"]["agree"] == 5
    assert not outcome.duplicates
    (dropped,) = outcome.conflicts
    assert dropped.file == "in/laptop.toml" and dropped.kept_file == "in/usb-stick.toml"
    assert str(dropped) == (
        "in/laptop.toml: session 0011aabb (Ward 3) differs from another copy that was updated "
        "later (2026-11-22T12:00:01Z against 2026-11-22T10:00:01Z); kept the copy from "
        "in/usb-stick.toml")


def test_a_tie_on_updated_keeps_the_same_copy_whatever_the_order(protocol):
    a, b = two_versions(protocol, timedelta(0))
    assert a.updated == b.updated and a.content_key != b.content_key
    first = merge([Found(a, "a.toml"), Found(b, "b.toml")], protocol)
    second = merge([Found(b, "b.toml"), Found(a, "a.toml")], protocol)
    assert snapshot(first.merged) == snapshot(second.merged)
    assert [str(x) for x in first.conflicts] == [str(x) for x in second.conflicts]
    assert "updated at the same moment (2026-11-22T10:00:01Z)" in str(first.conflicts[0])


def test_identical_copies_count_once_and_keep_the_smallest_file_name(protocol, session):
    session.set_votes("share-resources", {"agree": 3})
    names = ["c.toml", "a-copy.toml", "b.toml"]
    outcome = merge([Found(record(session, n), f"in/{n}") for n in names], protocol)
    (kept,) = outcome.merged.records.values()
    assert kept.source == "a-copy.toml"
    assert outcome.merged.totals("share-resources", protocol.option_ids)["agree"] == 3
    assert [(d.file, d.kept_file) for d in outcome.duplicates] == [
        ("in/b.toml", "in/a-copy.toml"), ("in/c.toml", "in/a-copy.toml")]
    assert all("is the same session, already counted" in str(d) for d in outcome.duplicates)
    assert not outcome.conflicts


def test_different_sessions_with_the_same_content_otherwise_are_both_counted(protocol):
    a = Session.new(protocol, "Same", clock=FixedClock(), session_id="one")
    b = Session.new(protocol, "Same", clock=FixedClock(), session_id="two")
    for s in (a, b):
        s.set_votes("share-resources", {"agree": 2})
    outcome = merge([Found(record(a, "x.toml"), "x.toml"), Found(record(b, "x.toml"), "y.toml")],
                    protocol)
    assert outcome.merged.totals("share-resources", protocol.option_ids)["agree"] == 4


def test_where_a_session_is_stored_is_not_part_of_its_content(protocol, session):
    assert record(session, "a.toml").content_key == record(session, "b.toml").content_key
    changed = record(session, "a.toml")
    session.set_meta(notes="notes are the facilitator's own, not part of the result")
    assert record(session, "a.toml").content_key != changed.content_key  # updated moved on


def test_entries_made_in_the_same_second_survive_a_merged_file_in_the_order_made(protocol):
    """Twelve comments typed within one second (or on a clock put back): the merged file must
    give them back as they were made, so re-merging with the session finds a duplicate."""
    now = datetime(2026, 11, 22, 10, 0, tzinfo=timezone.utc)
    s = Session.new(protocol, "Fast typists", clock=lambda: now, session_id="fast")
    for n in range(1, 13):
        s.add_comment("share-resources", f"comment {n}")
    original = record(s, "fast.toml")
    once = merge([Found(original, "fast.toml")], protocol).merged
    back = reread(dumps_merged(once, protocol), protocol)
    got = back.records["fast"].comments["share-resources"]
    assert [e.id for e in got] == [f"e{n}" for n in range(1, 13)]
    assert [a.entry.id for a in back.attributed("comments")] == [e.id for e in got]
    assert snapshot(back) == snapshot(once)
    again = merge(as_found(back, "merged.toml") + [Found(original, "fast.toml")], protocol)
    assert not again.conflicts and len(again.duplicates) == 1


def test_protocol_groups_name_each_file_once(protocol, session, tmp_path):
    from merge_helpers import other_protocol

    _, other = other_protocol(tmp_path)
    elsewhere = Session.new(other, "Other", clock=FixedClock(), session_id="o")
    here, there = record(session, "s.toml"), record(elsewhere, "o.toml")
    found = [Found(here, "m.toml"), Found(there, "m.toml"), Found(there, "o.toml"),
             Found(here, "s.toml")]
    groups = protocol_groups(found)
    assert list(groups.values()) == [["m.toml", "s.toml"], ["m.toml", "o.toml"]]


def test_foreign_ids_are_listed_by_session(protocol, tmp_path):
    from merge_helpers import other_protocol

    _, other = other_protocol(tmp_path, renames={"share-resources": "pool-resources",
                                                 "benefits": "gains"})
    s = Session.new(other, "Other", clock=FixedClock(), session_id="o")
    s.set_votes("pool-resources", {"agree": 1})
    s.add_answer("gains", "Some")
    s.set_votes("monitor-resources", {"agree": 1})
    merged = Merged.of_session(s, "o.toml")
    assert merged.foreign_ids(protocol) == {"o": ["gains", "pool-resources"]}
    assert Merged.of_session(s, "o.toml").foreign_ids(other) == {}


def test_an_empty_merge_is_empty(protocol):
    outcome = merge([], protocol)
    assert outcome.merged.records == {} and not outcome.duplicates and not outcome.conflicts


def test_a_record_keeps_its_source_when_re_merged(protocol, session):
    first = merge([Found(record(session, "orig.toml"), "orig.toml")], protocol).merged
    kept = merge(as_found(first, "merged.toml"), protocol).merged
    assert next(iter(kept.records.values())).source == "orig.toml"
    renamed = replace(next(iter(first.records.values())), source="0-first.toml")
    both = merge(as_found(first, "merged.toml") + [Found(renamed, "0-first.toml")], protocol)
    assert next(iter(both.merged.records.values())).source == "0-first.toml"


CHANGES = {  # every part of a record's content, changed one at a time
    "id": "other-id", "group": "Other group", "facilitator": "B", "location": "Elsewhere",
    "participants": 99, "date": datetime(2027, 1, 1).date(),
    "completed": datetime(2027, 1, 1, tzinfo=timezone.utc),
    "updated": datetime(2027, 1, 1, tzinfo=timezone.utc),
    "votes": {"share-resources": {"agree": 4, "amend": 0, "disagree": 1}},
    "recommendation": "do-not-adopt",
}


@pytest.mark.parametrize("field", [*CHANGES, "protocol", "comments", "amendments", "answers",
                                   "entry edited"])
def test_every_part_of_a_session_is_part_of_its_content(protocol, session, field):
    session.set_votes("share-resources", {"agree": 4, "disagree": 2})
    session.add_comment("share-resources", "c")
    session.add_amendment("public-good", "a")
    session.add_amendment("public-good", "a2")
    session.add_answer("benefits", "b")
    base = record(session, "a.toml")
    if field == "protocol":
        changed = replace(base, protocol=replace(base.protocol, version="2099"))
    elif field == "recommendation":
        changed = replace(base, recommendation=replace(base.recommendation, choice="adopt"))
    elif field in ("comments", "amendments", "answers"):
        (target, [*first, last]), = base.entries(field).items()  # the last one of a list too
        changed = replace(base, **{field: {target: [*first, replace(last, text=last.text + "!")]}})
    elif field == "entry edited":
        (target, [entry]), = base.comments.items()
        changed = replace(base, comments={target: [replace(entry, edited=base.updated)]})
    else:
        changed = replace(base, **{field: CHANGES[field]})
    assert changed.content_key != base.content_key
    assert replace(base, source="other.toml").content_key == base.content_key
