"""Proposed wordings in the Markdown export, read back with markdown-it-py (strikethrough on, as
GitHub renders it): per commitment, each near-identical group's summary, its first proposal as a
word diff (removed words struck through, added words bold, the spaces between runs as the runs
give them) and each proposal as typed with its workshop's name and date."""

from __future__ import annotations

import random
from types import SimpleNamespace

import pytest
from export_helpers import AMENDED
from test_export_markdown import inline_text, parse
from test_markdown_escaping import one_line

from workshop.consultation.amendments import group_amendments
from workshop.export import build_report, export_bytes
from workshop.export.markdown import diff_line, markdown_runs

MARK = {"s_open": "removed", "strong_open": "added", "s_close": "same", "strong_close": "same"}


def shown_runs(children) -> list[tuple[str, str]]:
    """What a reader sees: (same | removed | added, text), adjacent pieces of a kind joined."""
    out: list[tuple[str, str]] = []
    kind = "same"
    for child in children:
        assert child.type in (*MARK, "text"), child.type
        if child.type in MARK:
            kind = MARK[child.type]
        elif child.content:
            out = _add(out, kind, child.content)
    return out


def expected_runs(diff) -> list[tuple[str, str]]:
    """The diff as it should show: each run on one line, a changed run's outer spaces shown
    unmarked, the line's own leading and trailing spaces dropped."""
    out: list[tuple[str, str]] = []
    for kind, text in diff:
        text = one_line(text)
        if kind == "same" or not text.strip():
            out = _add(out, "same", text)
            continue
        core = text.strip()
        at = text.index(core)
        for piece in (("same", text[:at]), (kind, core), ("same", text[at + len(core):])):
            out = _add(out, *piece)
    if out and out[0][0] == "same":
        out[0] = ("same", out[0][1].lstrip())
    if out and out[-1][0] == "same":
        out[-1] = ("same", out[-1][1].rstrip())
    return [run for run in out if run[1]]


def _add(runs, kind, text):
    if not text:
        return runs
    if runs and runs[-1][0] == kind:
        return [*runs[:-1], (kind, runs[-1][1] + text)]
    return [*runs, (kind, text)]


def quoted_diff(line: str):
    """The inline children of `> line`, checking it makes one quote of one paragraph."""
    tokens = parse(f"> {line}\n".encode())
    assert [t.type for t in tokens] == ["blockquote_open", "paragraph_open", "inline",
                                        "paragraph_close", "blockquote_close"], line
    return tokens[2].children


def section(tokens, title: str):
    """The tokens under the heading whose text starts with `title`, to the next heading."""
    start = next(n for n, t in enumerate(tokens)
                 if t.type == "heading_open" and tokens[n + 1].content.startswith(title))
    end = next((n for n in range(start + 3, len(tokens)) if tokens[n].type == "heading_open"),
               len(tokens))
    return tokens[start + 3:end]


def test_each_group_then_its_diff_then_its_proposals(council, protocol):
    report = build_report(council.merged, protocol)
    c = report.commitment(protocol.commitments[AMENDED].id)
    groups = c.amendment_groups
    assert [g.workshops for g in groups] == [3, 1]  # the fixture's three near-identical, one other
    data = export_bytes(council.merged, protocol, "md")
    tokens = section(parse(data), f"{c.code} ")
    top = [(n, t) for n, t in enumerate(tokens) if t.level == 0]
    paragraphs = [inline_text(tokens[n + 1].children) for n, t in top if t.type == "paragraph_open"]
    assert "Proposed wordings (4, in 2 groups):" in paragraphs
    summaries = [p for p in paragraphs if p.endswith("propose adding 'independently verified':")
                 or p.endswith("proposes adding 'where possible':")]
    assert summaries == [f"{g.summary}:" for g in groups]
    starts = [n for n, t in top if t.type == "paragraph_open"
              and inline_text(tokens[n + 1].children) in summaries]
    for group, n in zip(groups, starts, strict=True):
        assert [t.type for t in tokens[n + 3:n + 6]] == ["blockquote_open", "paragraph_open",
                                                          "inline"]
        assert shown_runs(tokens[n + 5].children) == expected_runs(markdown_runs(c.text, group))
        assert tokens[n + 8].type == "bullet_list_open"
        items = []
        for m in range(n + 8, len(tokens)):
            if tokens[m].type == "bullet_list_close":
                break
            if tokens[m].type == "inline":
                children = [c for c in tokens[m].children if c.type != "text" or c.content]
                assert children[0].type == "strong_open"
                items.append((children[1].content, inline_text(children, skip_attribution=True)))
        assert items == [(f"{p.workshop}:", p.text) for p in group.proposals]
    assert f"> {diff_line(markdown_runs(c.text, groups[0]))}\n" in data.decode()


def test_the_diff_hugs_the_words_and_keeps_the_spaces():
    """Runs as word_diff gives them (a changed run meets an unchanged one across a space)."""
    group = SimpleNamespace(diff=(("same", "Share "), ("removed", "*all* our "),
                                  ("added", " <b>joint</b> & _fair_ "), ("same", "resources  to "),
                                  ("removed", "~x"), ("added", ",  [x](javascript:y)~"),
                                  ("same", " achieve\noutcomes")))
    line = diff_line(group.diff)
    assert line == ("Share ~~\\*all\\* our~~  **\\<b>joint\\</b> & \\_fair\\_** resources  to "
                    "~~\\~x~~**,  \\[x\\](javascript:y)\\~** achieve outcomes")
    assert shown_runs(quoted_diff(line)) == expected_runs(group.diff)


WORDS = ["share", "resources", "joint", "outcomes", "the", "*all*", "_x_", "a_b", "~", "~~",
         "<b>", "&amp;", "[x]", "`c`", "\\", "#", "-", "1.", "(we)", "'quote'", ",", ".", "!",
         "|", "outcomes,", "verified.", ">", "=", "+", "&", "<", "*", "_", "**", "—", "é", "🎉",
         "~5", "x~", "A&B", "co-operate"]
SPACES = [" ", " ", " ", " ", "  ", "\n", "\t"]


def _text(rng: random.Random, words: list[str]) -> str:
    return "".join(w + rng.choice(SPACES) for w in words).rstrip()


@pytest.mark.parametrize("seed", range(40))
def test_any_diff_shows_its_runs_exactly(seed):
    """Random published texts and proposals (hostile words, punctuation stuck to words, odd
    spacing): the rendered diff always shows each run's words, struck or bold as they should be,
    and makes nothing else (no link, HTML, code, list or heading)."""
    rng = random.Random(seed)
    for _ in range(25):
        published = [rng.choice(WORDS) for _ in range(rng.randint(2, 8))]
        proposed = []
        for word in published:
            roll = rng.random()
            if roll < 0.55:
                proposed.append(word)
            elif roll < 0.7:
                proposed.append(rng.choice(WORDS))
            elif roll < 0.85:
                proposed += [word, rng.choice(WORDS)]
            elif roll < 0.95:
                proposed.append(word + rng.choice([",", ".", "!", "*", "_", "~"]))
        text = " ".join(published)
        group = group_amendments(text, [SimpleNamespace(text=_text(rng, proposed),
                                                        session_id="s")], 1)[0]
        runs = markdown_runs(text, group)
        line = diff_line(runs)
        assert shown_runs(quoted_diff(line)) == expected_runs(runs), (runs, line)
