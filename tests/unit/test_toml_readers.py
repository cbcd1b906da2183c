"""Every TOML reader we may use gives the same data on every file we have, types included.

`read_toml` uses rtoml when it is installed, else compiled tomli, else the standard library's
tomllib. That is only sound while they agree: on every `*.toml` under tests/, the shipped
protocol, sessions and merged files as `benchmarks/make_sessions.py` writes them, and sessions
and merged files drawn by the merge tests' hypothesis strategies (hostile text: NUL, `\\r`,
quotes, emoji, markup). "The same" is strict: dict order, `int` against `float`, dates against
datetimes, and a datetime's time zone class and offset, not just the instant. Where the fast
reader refuses text (or would read what tomli refuses), the error must be the one tomli gives.
"""

from __future__ import annotations

import importlib.util
import math
import tomllib
from datetime import date, datetime, time, timezone
from pathlib import Path

import pytest
import rtoml
import tomli
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from helpers import REPO
from merge_helpers import found_lists, merge, sessions
from workshop.consultation.merged_file import dumps_merged
from workshop.errors import TomlFileError
from workshop.session.file_format import dumps_session
from workshop.toml import io as tomlio

TESTS = REPO / "tests"
ALWAYS = [REPO / "protocol.toml", REPO / "src" / "workshop" / "protocol" / "protocol.toml"]


def strict(value):
    """`value` as nested tuples that compare equal only when the data is the same in every way a
    reader of it could tell: types, order, time zones (class and offset), NaN equal to NaN."""
    kind = type(value)
    if kind is dict:
        return ("dict", tuple((k, strict(v)) for k, v in value.items()))
    if kind is list:
        return ("list", tuple(strict(v) for v in value))
    if kind is float:
        return ("float", "nan" if math.isnan(value) else repr(value))
    if kind is datetime:
        zone = value.tzinfo
        return ("datetime", value.isoformat(), type(zone).__name__,
                None if zone is None else zone.utcoffset(value), zone is timezone.utc)
    if kind in (date, time, str, int, bool):
        return (kind.__name__, value)
    raise AssertionError(f"a reader gave an unexpected type: {kind}")


def make_sessions_module():
    spec = importlib.util.spec_from_file_location("make_sessions",
                                                  REPO / "benchmarks" / "make_sessions.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> list[Path]:
    """Every TOML file of the tests and the repository, and generated sessions and merges."""
    folder = tmp_path_factory.mktemp("generated")
    make = make_sessions_module()
    files = make.make_sessions(4, folder / "consult")
    files += make.make_sessions(3, folder / "assess", kb=14, mode="assess")
    from workshop.cli.merge import read_all
    from workshop.protocol.load import bundled_protocol_path, load_protocol

    protocol = load_protocol(bundled_protocol_path())
    for name, group in (("consult", files[:4]), ("assess", files[4:])):
        found, problems = read_all(group, protocol, show_progress=False)
        assert not problems
        path = folder / f"merged-{name}.toml"
        path.write_bytes(dumps_merged(merge(found, protocol).merged, protocol))
        files.append(path)
    found = sorted(TESTS.rglob("*.toml")) + ALWAYS + files
    assert len(found) > 50
    return found


def read_with(loads, raw: bytes):
    """What `loads` makes of a file's bytes: ("ok", data) or ("refused", None)."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        return ("not utf-8", None)
    try:
        return ("ok", strict(loads(text)))
    except (ValueError, RecursionError, TomlFileError):
        return ("refused", None)


def parse_fast(text: str):
    """The reader workshop uses, rtoml first (time zones made standard), as read_toml parses."""
    return tomlio.parse_toml(text, "f.toml")


def test_rtoml_is_the_reader_in_use():
    assert tomlio.PARSER_NAME == "rtoml"


def test_every_reader_gives_the_same_data_on_every_file(corpus):
    """The reader in use against compiled tomli (what was used before it) on every file, and
    against tomllib wherever tomllib reads it too (tomllib, with no nesting limit, reads the
    deepest lists of tests/data/bad that tomli refuses as too deep; so does read_toml's message)."""
    read = 0
    for path in corpus:
        raw = path.read_bytes()
        expect = read_with(tomli.loads, raw)
        assert read_with(parse_fast, raw) == expect, path
        if expect[0] == "ok":
            read += 1
            assert read_with(tomllib.loads, raw) == expect, path
    assert read > 30  # most of the corpus is valid TOML: the comparison is not vacuous


def test_rtoml_gives_its_own_time_zone_class_which_read_toml_replaces():
    """Why `_standard_zones` exists: without it the data would differ from tomllib's (and could
    not be pickled)."""
    text = "a = 2026-11-01T09:00:00Z\nb = [{c = 2026-11-01T09:00:00+02:00}]\n"
    assert strict(rtoml.loads(text)) != strict(tomllib.loads(text))
    assert strict(parse_fast(text)) == strict(tomllib.loads(text))
    assert parse_fast(text)["a"].tzinfo is timezone.utc


def error_of(text: str, fast: bool, monkeypatch) -> tuple | None:
    with monkeypatch.context() as m:
        if not fast:
            m.setattr(tomlio, "_fast_loads", None)
        try:
            tomlio.parse_toml(text, "f.toml")
        except TomlFileError as exc:
            return tuple((p.file, p.message, p.line, p.column) for p in exc.problems)
    return None


BAD = [
    "\ufeffa = 1", "\ufeff\ufeffa = 1", "a = 1\nb = 2\nb = 3\n", "a = 'x\x00'", 'a = "\\uD800"',
    "a = 2026-02-30", "[a]\n[a]", "a = [1,,2]", "a = 1 b = 2", "key", "a = ", "a = 01",
    "a = 9223372036854775808", "a = 1e1_000", 'a = "unterminated', "a = [\n[" * 450,
    "a." * 1200 + "b = 1", "a = {b=1,}", "a = 1979-05-27T07:32Z", 'a = "\\x41"', "a = 07:32",
    "x = 1\r\ny = 2\rz = 3", "# comment \x7f\na = 1", "a = +nan", "[[a]]\n[a]",
]


@pytest.mark.parametrize("text", BAD, ids=range(len(BAD)))
def test_refusals_and_their_messages_are_tomlis(text, monkeypatch):
    """rtoml refuses some text tomli reads and reads some tomli refuses (a byte-order mark):
    whatever rtoml thinks, the outcome is tomli's, and so is every message, line and column."""
    assert error_of(text, True, monkeypatch) == error_of(text, False, monkeypatch)
    if error_of(text, False, monkeypatch) is None:
        assert strict(tomlio.parse_toml(text, "f")) == strict(tomli.loads(text))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_hypothesis_sessions_and_merges_read_the_same(data, protocol):
    session = data.draw(sessions(protocol))
    found = data.draw(found_lists(protocol, max_sessions=3))
    for raw in (dumps_session(session), dumps_merged(merge(found, protocol).merged, protocol)):
        text = raw.decode("utf-8")
        assert strict(parse_fast(text)) == strict(tomllib.loads(text)) == strict(tomli.loads(text))


def test_sessions_and_merged_files_read_give_standard_time_zones(corpus, protocol):
    """read_workshop_toml leaves rtoml's tzinfo class in the data it hands the session and
    merged file readers; every datetime they build must have the standard library's."""
    from workshop.consultation.inputs import read_input

    def zones(value, out):
        if isinstance(value, datetime):
            out.add(type(value.tzinfo))
        elif isinstance(value, (list, tuple)):
            for item in value:
                zones(item, out)
        elif isinstance(value, dict):
            for item in value.values():
                zones(item, out)
        elif hasattr(value, "__dataclass_fields__"):
            for name in value.__dataclass_fields__:
                zones(getattr(value, name), out)
        return out

    generated = [p for p in corpus if p.parent.name in ("consult", "assess")
                 or p.parent.name.startswith("generated")]
    assert len(generated) >= 9
    for path in generated:
        _, records = read_input(path, protocol)
        assert zones(records, set()) == {timezone}, path
