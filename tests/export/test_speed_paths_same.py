"""The exports are the same, byte for byte, as before they were made fast (issue 15).

A varied corpus (the council's four workshops with an analyst's theme file, many proposed
wordings of every kind of change across eight workshops with repeats, people's words with tabs,
line breaks, markup and formulas, an assessment and a sign-up) is exported in every format,
every CSV table and the data package, plain and anonymised. Each export's SHA-256 is compared
with the one the code at commit 8846c29 (before the speed work) gave for the same input
(a workbook's and a document's parts, less their pictures): `PYTHONPATH=src:tests:tests/export
python tests/export/test_speed_paths_same.py` prints the digests of the code it runs with.
"""

from __future__ import annotations

import hashlib
import io
import zipfile
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest
from export_helpers import council_sessions
from themed_helpers import themed_book, themed_sessions

from helpers import REPO, FixedClock
from modes_helpers import assessment, merged_of, sign_up
from workshop.consultation.records import Merged
from workshop.export import FORMATS, TABLES, export_bytes, export_data_package
from workshop.protocol.load import load_protocol
from workshop.protocol.model import Protocol
from workshop.session.model import Session

MUTATIONS = [
    lambda w: w,                                   # the published text, as is
    lambda w: [*w[:2], "independently", *w[2:]],   # a word added
    lambda w: [*w[:2], "Independently", *w[2:]],   # the same, capitalised: one group
    lambda w: w[:1] + w[2:],                       # a word removed
    lambda w: [*w[:-2], "must", "always", w[-1]],  # two words replaced
    lambda w: [w[0].upper(), *w[1:], "—", "=SUM(A1)", "<b>now</b>"],  # hostile additions
    lambda w: [*w[:3], "[bold]in", "public[/bold]", *w[3:], "🎉"],
    lambda w: list(reversed(w)),                   # everything moved
    lambda w: [*w[:4], "and\tstaff\ntime", *w[4:]],  # a tab and a line break
    lambda w: [*w[:1], "partner's", *w[1:-1], w[-1].rstrip(".") + "!"],
    lambda w: [],                                  # everything removed
    lambda w: [*w[:2], "x", *w[3:5], "y", *w[6:]],  # two replacements parted by words
]
"""Ways a group changes a commitment's words, for the proposed wordings."""


def wordings_sessions(protocol: Protocol) -> list[Session]:
    """Eight workshops each proposing wordings of six commitments (repeats across workshops,
    case and punctuation variants), with comments and answers holding tabs, Windows line
    breaks, markup and formulas."""
    out = []
    options = protocol.option_ids
    start = datetime(2026, 10, 1, 9, 0, tzinfo=timezone.utc)
    for n in range(8):
        s = Session.new(protocol, f"Group {n % 5}", facilitator=f"Facilitator {n % 3}",
                        location="Hall", participants=8 + n,
                        clock=FixedClock(start + timedelta(days=n % 5, hours=n)),
                        session_id=f"{n:08x}-1111-4000-8000-000000000000",
                        on=date(2026, 10, 1 + n % 5))
        for i, c in enumerate(protocol.commitments):
            s.set_votes(c.id, {options[(n + i) % len(options)]: 1 + (n * i) % 7,
                               options[0]: (n + 2 * i) % 5})
        for i, c in enumerate(protocol.commitments[:6]):
            words = c.text.split()
            for k in range(3):
                mutate = MUTATIONS[(n + i * 5 + k * 7) % len(MUTATIONS)]
                text = " ".join(mutate(words)) or "Remove it."
                if k == 2:
                    text = text.lower().replace(",", "")  # near-identical to another
                s.add_amendment(c.id, text)
            s.add_comment(c.id, f"Comment {n}.{i}:\tcells =A1+1\r\nsecond line [b]x[/b] "
                                f"<i>y</i> | pipe * star _u_ `tick` # {'long ' * (n + i)}")
        for q in protocol.questions:
            s.add_answer(q.id, f"Answer {n} to {q.id}: \"quoted\", 'single' & more\n- a list")
        s.set_recommendation(["adopt", "adopt-with-changes", "do-not-adopt", ""][n % 4])
        if n % 3:
            s.mark_complete()
        out.append(s)
    return out


def corpus(protocol: Protocol):
    """(name, merged result, theme book or None) for each input of the comparison."""
    themed = themed_sessions(protocol)
    rated = [assessment(protocol, session_id="aaaaaaaa-0000-4000-8000-000000000000"),
             assessment(protocol, "Bolton Board", shift=1, principles=3,
                        session_id="bbbbbbbb-0000-4000-8000-000000000000")]
    signed = sign_up(protocol, session_id="cccccccc-0000-4000-8000-000000000000")
    return [
        ("council", merged_of(*council_sessions(protocol)), None),
        ("themed", merged_of(*themed), themed_book(protocol, themed)),
        ("wordings", merged_of(*wordings_sessions(protocol)), None),
        ("assessment", merged_of(*rated), None),
        ("sign-up", merged_of(signed), None),
    ]


def export_digests(merged: Merged, protocol: Protocol, book, tmp: Path) -> dict[str, str]:
    """Every export of `merged`, plain and anonymised, by name → SHA-256."""
    out = {}
    for anonymise in (False, True):
        tag = "-anon" if anonymise else ""
        for fmt in FORMATS:
            tables = TABLES if fmt == "csv" else ("votes",)
            for table in tables:
                data = export_bytes(merged, protocol, fmt, table, book=book, anonymise=anonymise)
                name = f"{fmt}-{table}" if fmt == "csv" else fmt
                out[name + tag] = hashlib.sha256(parts(data) if fmt in ZIPPED else data
                                                 ).hexdigest()
        folder = tmp / f"data{tag}"
        export_data_package(merged, protocol, folder, book=book, anonymise=anonymise)
        for path in sorted(folder.iterdir()):
            if path.suffix == ".csv" or path.suffix == ".json":
                out[f"data/{path.name}{tag}"] = hashlib.sha256(path.read_bytes()).hexdigest()
    return out


ZIPPED = ("xlsx", "docx")


def parts(data: bytes) -> bytes:
    """A workbook's or a document's parts, names and bytes, but not its pictures: a chart
    drawn by matplotlib may differ by a pixel between machines' font renderers."""
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        names = z.namelist()
        return repr([(n, z.read(n)) for n in names if "/media/" not in n]).encode()


def combined(digests: dict[str, str]) -> str:
    return hashlib.sha256(repr(sorted(digests.items())).encode()).hexdigest()


BEFORE = {
    'council': 'e131f43920268a8111d6c0984a0f95c21d2bab779e3e4b15181b17895bd0e4aa',
    'themed': '5769d06fb206bfe47538f033f4257d3d68acd3691598343169f1ff6d4207441e',
    'wordings': '720b7bd03bd8904523b0f6c2b365c4faf83b2548ffa5e1cb7928abba73bea409',
    'assessment': '40adb87db64c50fd6b16d4c31f16637732d137df31c87943b3678e48e6a395f6',
    'sign-up': '3598ffdeb0af592070f72c9894107830ff18232c1c50e0c9e8812f5e444d0b04',
}
"""Per input, the SHA-256 of its exports' digests at 8846c29 (see the module docstring)."""


@pytest.mark.parametrize("name", sorted(BEFORE))
def test_every_export_is_the_same_as_before_the_speed_work(tmp_path, protocol, name):
    """Byte for byte: a speed-up that changed any export changes its input's digest."""
    merged, book = next((m, b) for n, m, b in corpus(protocol) if n == name)
    digests = export_digests(merged, protocol, book, tmp_path)
    assert len(digests) > 20
    assert combined(digests) == BEFORE[name], digests


def test_the_corpus_has_the_proposals_the_comparison_needs(protocol):
    """The wordings input really holds grouped and ungrouped proposals of every change."""
    from workshop.export import build_report
    merged = next(m for n, m, _ in corpus(protocol) if n == "wordings")
    report = build_report(merged, protocol)
    groups = [g for p in report.principles for c in p.commitments for g in c.amendment_groups]
    assert len(groups) >= 30
    assert any(len(g.proposals) > 1 for g in groups)
    texts = {g.change_text.split(" ")[0] for g in groups}
    assert {"adding", "removing", "replacing", "the"} <= texts


if __name__ == "__main__":  # print the digests of the code this runs with
    import tempfile
    p = load_protocol(REPO / "protocol.toml")
    with tempfile.TemporaryDirectory() as tmp:
        for name, merged, book in corpus(p):
            print(f"    {name!r}: {combined(export_digests(merged, p, book, Path(tmp) / name))!r},")
