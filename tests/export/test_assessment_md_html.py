"""Markdown and HTML of an assessment, from session files merged by `workshop merge`: a profile
per principle whose means are the sessions' own (worked out here from the counts they were
given), a chart of each commitment's mean, the weakest commitments lowest mean first, the action
table with owner and due date, the evidence with its workshop; people's words inert in Markdown
(parsed back with markdown-it-py) and escaped in HTML; with `anonymise`, no facilitator's name
anywhere and the note said once."""

from __future__ import annotations

import math
import re
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

import pytest
from test_export_html import parse as parse_html
from test_export_html import section
from test_export_markdown import list_items, tables, walk
from test_export_markdown import parse as parse_md

from helpers import REPO
from modes_helpers import ACTIONS, EVIDENCE, assessment, write
from workshop.cli.main import main
from workshop.consultation.inputs import read_result
from workshop.consultation.report import ANONYMISED_NOTE
from workshop.export import export_bytes

POINTS = ("Not at all", "Rarely", "Sometimes", "Mostly", "Consistently")


def merged_result(tmp_path, protocol, sessions, name: str = "merged.toml"):
    """The sessions' files merged by `workshop merge`, read back as `workshop export` reads."""
    files = [str(write(tmp_path, s, f"s{n}.toml")) for n, s in enumerate(sessions)]
    out = tmp_path / name
    assert main(["--protocol", str(REPO / "protocol.toml"), "merge", *files, "-o",
                 str(out)]) == 0
    return read_result(out, protocol)


def tenth(value: float) -> str:
    return str(Decimal(repr(value)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP))


def counts_of(protocol, sessions) -> dict[str, dict[int, int]]:
    """Code ("1.4") → point → how many gave it, over every session."""
    out = {}
    for pn, p in enumerate(protocol.principles, start=1):
        for cn, c in enumerate(p.commitments, start=1):
            counts = {v: 0 for v in range(1, 6)}
            for s in sessions:
                for k, n in s.votes.get(c.id, {}).items():
                    counts[int(k)] += n
            out[f"{pn}.{cn}"] = counts
    return out


def figures(counts: dict[int, int]) -> tuple[float, float] | None:
    """(mean, population sd) of ratings given as counts; None unrated."""
    n = sum(counts.values())
    if not n:
        return None
    mean = sum(v * c for v, c in counts.items()) / n
    return mean, math.sqrt(sum(c * (v - mean) ** 2 for v, c in counts.items()) / n)


def expected_weakest(protocol, sessions) -> list[str]:
    """Lowest mean first, then the widest spread, then protocol order: the 5 lowest, or every
    one rated 2 or lower on average if more."""
    rated = [(f[0], -f[1], n, code) for n, (code, counts) in
             enumerate(counts_of(protocol, sessions).items()) if (f := figures(counts))]
    ranked = [code for *_, code in sorted(rated)]
    low = sum(1 for mean, *_ in rated if mean <= 2)
    return ranked[:max(5, low)]


@pytest.fixture
def sessions(protocol):
    return [assessment(protocol),
            assessment(protocol, "Salford <i>Partnership</i> | board", on=date(2026, 11, 25),
                       principles=2, shift=1, facilitator="Bo Other")]


@pytest.fixture
def merged(tmp_path, protocol, sessions):
    return merged_result(tmp_path, protocol, sessions)


def test_markdown_profile_per_principle_has_the_sessions_means(merged, protocol, sessions):
    tokens = parse_md(export_bytes(merged, protocol, "md"))
    profiles = [t for t in tables(tokens) if t[0][:3] == ["Ref", "Commitment", "1 Not at all"]]
    assert len(profiles) == len(protocol.principles)
    counts = counts_of(protocol, sessions)
    assert profiles[0][0] == ["Ref", "Commitment", *(f"{v} {p}" for v, p in enumerate(POINTS, 1)),
                              "Rated", "Mean", "Spread", "Rated low"]
    seen = {}
    for table in profiles:
        for row in table[1:]:
            seen[row[0]] = row
            assert [int(x) for x in row[2:7]] == [counts[row[0]][v] for v in range(1, 6)]
            mean, sd = figures(counts[row[0]])
            assert row[8] == tenth(mean) and row[9].endswith(f"sd {tenth(sd)}")
            assert (row[10] == "Rated low") == (float(tenth(mean)) <= 2)
    assert list(seen) == list(counts)
    assert seen["1.1"][7] == "20" and seen["3.1"][7] == "10"  # the second session rated 2 only


def test_markdown_chart_draws_each_mean_on_the_scale(merged, protocol, sessions):
    charts = [t.content for t in parse_md(export_bytes(merged, protocol, "md"))
              if t.type == "fence"]
    assert len(charts) == len(protocol.principles)
    counts = counts_of(protocol, sessions)
    lines = [line for chart in charts for line in chart.splitlines() if not line.startswith("All")]
    assert len(lines) == len(counts)
    for line, (code, c) in zip(lines, counts.items(), strict=True):
        mean = figures(c)[0]
        bar = re.match(rf"{re.escape(code)}\s+([█▏▎▍▌▋▊▉]+)\s+(\d\.\d)", line)
        assert bar and bar.group(2) == tenth(mean), line
        full = bar.group(1).count("█")
        assert full == int(round(8 * 20 * mean / 5) // 8)  # 20 characters for the top point


def test_markdown_weakest_in_order_and_the_action_table(merged, protocol, sessions):
    tokens = parse_md(export_bytes(merged, protocol, "md"))
    found = tables(tokens)
    weakest = next(t for t in found if t[0] == ["Ref", "Commitment", "Mean", "Spread",
                                                "Rated low"])
    assert [row[0] for row in weakest[1:]] == expected_weakest(protocol, sessions)
    actions = next(t for t in found if t[0] == ["Ref", "Action", "Owner", "Due", "Workshop"])
    text, owner, _ = ACTIONS[0]
    hostile = ACTIONS[1][0]
    salford = "Salford <i>Partnership</i> | board, 25 November 2026"
    manchester = "Manchester Partnership Board, 22 November 2026"
    assert actions[1:] == [
        ["1.1", text, owner, "31 March 2027", manchester],
        ["1.1", text, owner, "31 March 2027", salford],
        ["1.4", hostile, "No owner yet", "No date yet", manchester],
        ["1.4", hostile, "No owner yet", "No date yet", salford]]


def test_markdown_is_inert_and_quotes_the_evidence_with_its_workshop(merged, protocol):
    data = export_bytes(merged, protocol, "md")
    tokens = parse_md(data)
    kinds = {t.type for t in walk(tokens)}
    assert not kinds & {"html_inline", "html_block", "link_open", "image"}
    items = list_items(tokens)
    assert EVIDENCE[0] in items and EVIDENCE[1] in items
    assert "**Salford \\<i>Partnership\\</i> \\| board, 25 November 2026:**" in data.decode()


def test_html_profile_chart_and_table_per_principle(merged, protocol, sessions):
    data = export_bytes(merged, protocol, "html")
    counts = counts_of(protocol, sessions)
    for n, p in enumerate(protocol.principles, start=1):
        page = section(data, f"p-{p.id}")
        charts = [a for t, a in page.tags if t == "div" and a.get("role") == "img"]
        assert len(charts) == 1
        label = charts[0]["aria-label"]
        for cn in range(1, len(p.commitments) + 1):
            mean = tenth(figures(counts[f"{n}.{cn}"])[0])
            assert re.search(rf"{n}\.{cn}: [^;]*; \d+ ratings, mean {mean}", label)
        dots = [a["style"] for t, a in page.tags if a.get("class") == "mean-dot"]
        assert len(dots) == len(p.commitments) + 1  # and the principle as a whole
        table = next(t for t in page.tables if t[0][-4:] == ["Rated", "Mean", "Spread",
                                                             "Rated low"])
        assert [row[-3] for row in table[1:]] == [
            tenth(figures(counts[f"{n}.{cn}"])[0]) for cn in range(1, len(p.commitments) + 1)]
    tones = set(re.findall(r'class="seg (tone-\w+)"', data.decode()))
    assert tones == {"tone-oppose", "tone-neutral", "tone-alternative", "tone-qualified",
                     "tone-support"}


def test_html_findings_and_actions(merged, protocol, sessions):
    data = export_bytes(merged, protocol, "html")
    findings = section(data, "findings")
    weakest = findings.tables[0]
    assert [row[0] for row in weakest[1:]] == expected_weakest(protocol, sessions)
    actions = section(data, "actions").tables[0]
    assert actions[0] == ["Ref", "Commitment", "Action", "Owner", "Due", "Workshop"]
    assert [row[2:5] for row in actions[1:]] == [
        [ACTIONS[0][0], ACTIONS[0][1], "31 March 2027"]] * 2 + [
        [ACTIONS[1][0], "No owner yet", "No date yet"]] * 2


def test_html_escapes_every_word_people_typed(merged, protocol):
    data = export_bytes(merged, protocol, "html")
    page = parse_html(data)
    assert "script" not in [t for t, _ in page.tags[1:]] and "b" not in [t for t, _ in page.tags]
    html = data.decode()
    assert "<script>alert" not in html and "<b>training" not in html and "<i>Partner" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert EVIDENCE[1] in page.user and ACTIONS[1][0] in page.user


@pytest.mark.parametrize("fmt", ["md", "html"])
def test_anonymised_leaves_out_the_facilitators_and_says_so_once(merged, protocol, fmt):
    plain = export_bytes(merged, protocol, fmt).decode()
    assert "Fay Facilitator" in plain and "Bo Other" in plain and ANONYMISED_NOTE not in plain
    data = export_bytes(merged, protocol, fmt, anonymise=True).decode()
    assert "Fay Facilitator" not in data and "Bo Other" not in data
    assert data.count(ANONYMISED_NOTE) == 1 and "Withheld" in data


def test_a_single_assessment_names_no_workshop_in_its_evidence(tmp_path, protocol):
    one = assessment(protocol, principles=1)
    merged = merged_result(tmp_path, protocol, [one])
    items = list_items(parse_md(export_bytes(merged, protocol, "md")))
    assert EVIDENCE[0] in items  # no "**workshop:**" before it in a result of one
    text = export_bytes(merged, protocol, "md").decode()
    assert "2.1 " in text and "not rated" in text  # principles 2 to 6 were not rated
