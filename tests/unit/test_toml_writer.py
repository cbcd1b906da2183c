"""`toml.writer.dumps` gives exactly the bytes `tomli_w.dumps` gives, on any data we may write.

Every session, merged, theme, draft and lock file is written through it, and those files must
not change by a byte: hypothesis draws nested data of every kind we write (strings with every
control character, quotes, backslashes, any unicode, very long; ints, bools, floats, dates,
datetimes in several time zones; lists of tables short and long, nested tables, arrays of
strings, keys that need quotes) and real files are compared too. What the writer does not know
goes to tomli_w, so its output and its errors are tomli_w's.
"""

from __future__ import annotations

import importlib.util
from datetime import datetime, time, timedelta, timezone
from decimal import Decimal

import pytest
import tomli_w
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from helpers import REPO
from merge_helpers import HOSTILE, found_lists, merge, sessions
from workshop.consultation.merged_file import merged_to_dict
from workshop.session.file_format import session_to_dict
from workshop.toml import writer
from workshop.toml.io import dumps_toml, parse_toml

CONTROL = "".join(chr(c) for c in range(32)) + "\x7f"
texts = st.one_of(
    st.sampled_from([*HOSTILE, CONTROL, "", "x" * 500, "\u2028\u0085\u00a0\ufeff", "a\tb"]),
    st.text(max_size=30),
    st.text(st.sampled_from(CONTROL + '"\\\'ab \u00e9\U0001f389'), max_size=30),
)
keys = st.one_of(st.sampled_from(["id", "text", "a-b_C9", "", "a.b", "ü", " ", "1"]), texts)
zones = st.sampled_from([timezone.utc, timezone(timedelta(hours=2)),
                         timezone(timedelta(hours=-9, minutes=-30)), None])
datetimes = st.builds(lambda d, z: d.replace(tzinfo=z),
                      st.datetimes(datetime(1900, 1, 1), datetime(2100, 1, 1)), zones)
scalars = st.one_of(texts, st.integers(), st.integers(-(2**70), 2**70), st.booleans(),
                    st.floats(), st.dates(), datetimes)


def tables(children):
    return st.dictionaries(keys, children, max_size=5)


values = st.recursive(
    scalars,
    lambda children: st.one_of(
        st.lists(children, max_size=4),
        st.lists(children, max_size=3).map(tuple),
        tables(children),
        st.lists(tables(children), min_size=1, max_size=4),  # arrays of tables, inline or not
    ),
    max_leaves=25,
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=tables(values))
def test_the_same_bytes_as_tomli_w_on_any_data(data):
    assert writer.dumps(data) == tomli_w.dumps(data)


@settings(max_examples=100, deadline=None)
@given(text=texts)
def test_strings_are_escaped_as_tomli_w_escapes_them(text):
    assert writer.dumps({"k": text, text: 1}) == tomli_w.dumps({"k": text, text: 1})


def test_short_tables_in_a_list_go_inline_and_long_ones_as_tables():
    short = {"points": [{"value": 1, "label": "Low"}, {"value": 2, "label": "High"}]}
    long = {"rows": [{"text": "x" * 100}, {"text": "y"}]}
    assert writer.dumps(short) == tomli_w.dumps(short)
    assert "points = [\n    { value = 1" in writer.dumps(short)
    assert writer.dumps(long) == tomli_w.dumps(long)
    assert writer.dumps(long).startswith("[[rows]]\n")


@pytest.mark.parametrize("odd", [time(7, 32), Decimal("1.50"), Decimal("nan")])
def test_what_it_does_not_know_is_written_by_tomli_w(odd):
    data = {"a": "x", "b": {"c": odd}}
    assert writer.dumps(data) == tomli_w.dumps(data)


@pytest.mark.parametrize("bad", [{"a": object()}, {1: "x"}, {"a": time(1, tzinfo=timezone.utc)}])
def test_errors_are_tomli_ws(bad):
    with pytest.raises(Exception) as expected:
        tomli_w.dumps(bad)
    with pytest.raises(type(expected.value), match=str(expected.value)[:20]):
        writer.dumps(bad)


def test_every_file_in_the_repository_and_generated_sessions_rewrite_the_same(tmp_path):
    spec = importlib.util.spec_from_file_location("make_sessions",
                                                  REPO / "benchmarks" / "make_sessions.py")
    make = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(make)
    files = make.make_sessions(3, tmp_path / "s") + make.make_sessions(2, tmp_path / "a", kb=14,
                                                                       mode="assess")
    files += sorted((REPO / "tests").rglob("*.toml")) + [REPO / "protocol.toml"]
    compared = 0
    for path in files:
        try:
            data = parse_toml(path.read_text(encoding="utf-8-sig"), path.name)
        except Exception:  # noqa: BLE001 - the corpus of bad files: nothing to write
            continue
        assert writer.dumps(data) == tomli_w.dumps(data), path
        compared += 1
    assert compared > 25
    for path in files[:5]:  # the app's own files come back byte for byte
        assert dumps_toml(parse_toml(path.read_text(encoding="utf-8"), "s")) == path.read_text(
            encoding="utf-8")


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_sessions_and_merged_files_drawn_by_the_merge_tests(data, protocol):
    session = data.draw(sessions(protocol))
    found = data.draw(found_lists(protocol, max_sessions=3))
    merged = merge(found, protocol).merged
    for plain in (session_to_dict(session), merged_to_dict(merged, protocol)):
        assert writer.dumps(plain) == tomli_w.dumps(plain)


def test_str_enums_as_keys_and_values_are_written_without_tomli_w(monkeypatch):
    """The merged file's summary is keyed by EntryKind: that must not send it all to tomli_w."""
    from workshop.session.kinds import EntryKind, Mode

    data = {EntryKind.COMMENTS: 3, "summary": {EntryKind.ANSWERS: Mode.ASSESS},
            "rows": [{EntryKind.COMMENTS: "x" * 120}]}
    expected = tomli_w.dumps(data)

    def refuse(*args, **kwargs):
        raise AssertionError("went to tomli_w")

    monkeypatch.setattr(tomli_w, "dumps", refuse)
    assert writer.dumps(data) == expected


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=tables(values))
def test_the_bytes_are_those_of_the_text_encoded(data):
    assert writer.dumps_bytes(data) == tomli_w.dumps(data).encode("utf-8")


def test_bytes_of_many_lines_and_a_lone_surrogate(monkeypatch):
    monkeypatch.setattr(writer, "_LINES", 3)  # many chunks
    data = {"rows": [{"text": f"row {n} 🎉", "n": n} for n in range(50)]}
    assert writer.dumps_bytes(data) == tomli_w.dumps(data).encode("utf-8")
    bad = {"a": "x" * 10, "b": "y\ud800"}
    with pytest.raises(UnicodeEncodeError) as expected:
        tomli_w.dumps(bad).encode("utf-8")
    with pytest.raises(UnicodeEncodeError) as got:
        writer.dumps_bytes(bad)
    assert str(got.value) == str(expected.value)
