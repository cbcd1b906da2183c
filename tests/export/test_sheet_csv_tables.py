"""CSV tables for the committee and for analysts, read back with the csv module: the summary
table (one row per commitment), the amendments table (one row per proposed wording in its
near-identical group), commitments referred to as `#1.4`, workshops by group and date, and the
`--raw-text` opt-out that writes people's words exactly as typed."""

from __future__ import annotations

import csv
import io

import pytest
from export_helpers import AMENDED, CORPUS, FORMULA_START, share
from test_export_cli import run

from workshop.cli import export as export_cli
from workshop.errors import WorkshopError
from workshop.export import TABLES, export_bytes


def read(data: bytes) -> list[dict[str, str]]:
    assert data.startswith(b"\xef\xbb\xbf")
    return list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"), newline="")))


def refs(protocol) -> dict[str, str]:
    """commitment id → `#1.4`, worked out from the protocol's order."""
    return {c.id: f"#{pn}.{cn}" for pn, p in enumerate(protocol.principles, start=1)
            for cn, c in enumerate(p.commitments, start=1)}


def test_tables_keep_their_names_and_the_workbook_order():
    assert TABLES == ("findings", "summary", "votes", "comments", "amendments", "answers",
                      "themes", "sessions", "profile", "actions", "register")


def test_findings_table_gives_the_findings_a_row_each(council, protocol):
    rows = read(export_bytes(council.merged, protocol, "csv", table="findings"))
    assert list(rows[0]) == ["Finding", "Ref", "Subject", "Count", "Detail"]
    by = {}
    for row in rows:
        by.setdefault(row["Finding"], []).append(row)
    assert by["Headline"][0]["Detail"].startswith("4 workshops, 46 participants. Of 37 "
                                                  "commitments: 2 consensus, 1 contested")
    assert [(r["Subject"], r["Count"], r["Detail"]) for r in by["Recommendation"]] == [
        ("Adopt", "1", "Leeds Board, 2 November 2026"),
        ("Adopt with changes", "2",
         "Bristol Forum, 3 November 2026; Taunton Panel, 4 November 2026"),
        ("Do not adopt", "0", ""), ("Undecided", "1", "Salford Circle, 5 November 2026")]
    [contested] = by["Contested"]
    assert contested["Ref"] == "#1.2" and contested["Detail"].startswith("Agree leads with 50%")
    [amended] = by["Most amended"]
    assert (amended["Ref"], amended["Count"]) == (
        refs(protocol)[protocol.commitments[AMENDED].id], "4")
    assert amended["Detail"] == "3 of 4 workshops propose adding 'independently verified'"
    assert [r["Subject"] for r in by["Still in progress"]] == ["Salford Circle, 5 November 2026"]


def test_summary_table_has_a_row_per_commitment(council, protocol):
    rows = read(export_bytes(council.merged, protocol, "csv", table="summary"))
    labels = [o.label for o in protocol.vote_options]
    assert list(rows[0]) == ["Ref", "Principle", "Commitment", *labels, "Total", "Leading",
                             "Verdict", "Reason", "Workshops voted", "Comments",
                             "Proposed wordings", "Top proposal"]
    ref = refs(protocol)
    assert [r["Ref"] for r in rows] == [ref[c.id] for c in protocol.commitments]
    assert "#5.10" in ref.values() and "#5.1" in ref.values()
    for row, c in zip(rows, protocol.commitments, strict=True):
        totals = council.totals(protocol, c.id)
        assert [int(row[label]) for label in labels] == list(totals.values())
        assert int(row["Total"]) == sum(totals.values())
        assert row["Commitment"] == c.text
        assert row["Principle"] == protocol.principle_of(c.id).title
        assert row["Verdict"], row  # never blank: "No votes" where nobody voted
        if not sum(totals.values()):
            assert row["Verdict"] == "No votes" and row["Leading"] == "" and row["Reason"] == ""
    first, contested, agreed = rows[0], rows[1], rows[2]
    agree = protocol.vote_options[0].label
    assert first["Leading"] == f"{agree}, {share(24, 36)}%"  # 4 × (6 agree, 3 amend)
    assert first["Workshops voted"] == "4" and first["Proposed wordings"] == "4"
    assert first["Top proposal"] == "3 of 4 workshops propose adding 'independently verified'"
    assert contested["Verdict"] == "Contested" and contested["Comments"] == "4"
    assert "varies by 80 points" in contested["Reason"]
    assert agreed["Verdict"] == "Consensus" and agreed["Leading"] == f"{agree}, 100%"


def test_amendments_table_has_every_wording_in_its_group(council, protocol):
    rows = read(export_bytes(council.merged, protocol, "csv", table="amendments"))
    assert list(rows[0]) == ["Ref", "Commitment id", "Commitment", "Proposal group",
                             "Proposal group summary", "Workshops proposing", "Session id",
                             "Group", "Date", "Entry id", "Text", "Created (UTC)",
                             "Edited (UTC)"]
    target = protocol.commitments[AMENDED]
    typed = {s.id: e.text for s in council.sessions for e in s.amendments[target.id]}
    assert sorted((r["Session id"], r["Text"]) for r in rows) == sorted(typed.items())
    assert {r["Ref"] for r in rows} == {"#1.1"} and {r["Commitment"] for r in rows} == {
        target.text}
    groups = [(r["Proposal group"], r["Proposal group summary"], r["Workshops proposing"])
              for r in rows]
    assert groups == [("1", "3 of 4 workshops propose adding 'independently verified'", "3")] * 3 \
        + [("2", "1 of 4 workshops proposes adding 'where possible'", "1")]
    sessions = {s.id: s for s in council.sessions}
    for r in rows:
        assert r["Group"] == sessions[r["Session id"]].meta.group
        assert r["Date"] == sessions[r["Session id"]].meta.date.isoformat()


@pytest.mark.parametrize("table", ["votes", "comments", "answers", "sessions"])
def test_every_workshop_is_named_with_its_date(source, protocol, table):
    rows = read(export_bytes(source.merged, protocol, "csv", table=table))
    assert list(rows[0])[:3] == ["Session id", "Group", "Date"]
    dates = {s.id: s.meta.date.isoformat() for s in source.sessions}
    assert rows and all(r["Date"] == dates[r["Session id"]] for r in rows)


@pytest.mark.parametrize("table", ["votes", "comments", "summary", "amendments"])
def test_a_commitment_is_referred_to_as_hash_ref(council, protocol, table):
    """`#1.4`: a spreadsheet opening the CSV keeps it text (a bare 5.10 would be 5.1)."""
    rows = read(export_bytes(council.merged, protocol, "csv", table=table))
    by_id = refs(protocol)
    for r in rows:
        if "Commitment id" in r:
            assert r["Ref"] == by_id[r["Commitment id"]]
        assert r["Ref"].startswith("#") and not r["Ref"].startswith(FORMULA_START)


def test_raw_text_writes_words_exactly_as_typed(source, protocol):
    guarded = read(export_bytes(source.merged, protocol, "csv", table="comments"))
    raw = read(export_bytes(source.merged, protocol, "csv", table="comments", raw_text=True))
    wanted = sorted(text for _, _, text in source.entries("comments") + source.entries(
        "amendments"))
    assert sorted(r["Text"] for r in raw) == wanted
    assert "=SUM(A1)" in wanted and "\x00x" in wanted and "\r=1" in wanted
    assert sorted(r["Text"] for r in guarded) != wanted  # the default guards them
    assert "'=SUM(A1)" in {r["Text"] for r in guarded}
    assert [r["Ref"] for r in raw] == [r["Ref"] for r in guarded]  # references stay #1.4
    answers = read(export_bytes(source.merged, protocol, "csv", table="answers", raw_text=True))
    assert sorted(r["Text"] for r in answers) == sorted(t for _, _, t in source.entries("answers"))


def test_raw_text_is_a_csv_option_only(source, protocol):
    for fmt in ("xlsx", "md", "html", "docx"):
        with pytest.raises(WorkshopError, match="CSV"):
            export_bytes(source.merged, protocol, fmt, raw_text=True)


def test_raw_text_from_the_command_line(source, protocol, capsysbinary):
    assert run([source.path, "--format", "csv", "--table", "comments", "--raw-text", "-o", "-"],
               protocol) == 0
    out = capsysbinary.readouterr().out
    assert out == export_bytes(source.merged, protocol, "csv", "comments", raw_text=True)
    assert ",=SUM(A1),2026-" in out.decode("utf-8-sig")
    assert run([source.path, "--format", "csv", "-o", "-"], protocol) == 0
    assert capsysbinary.readouterr().out == export_bytes(source.merged, protocol, "csv")
    with pytest.raises(WorkshopError, match="--raw-text is for CSV only"):
        run([source.path, "--format", "xlsx", "--raw-text"], protocol)


def test_raw_text_help_warns(capsys):
    import argparse
    parser = argparse.ArgumentParser(prog="workshop")
    export_cli.add_parser(parser.add_subparsers(dest="command"),
                          argparse.ArgumentParser(add_help=False))
    with pytest.raises(SystemExit):
        parser.parse_args(["export", "--help"])
    help_text = " ".join(capsys.readouterr().out.split())
    assert "--raw-text" in help_text
    assert "WARNING: never open such a file in Excel or LibreOffice" in help_text
    assert "summary" in help_text and "amendments" in help_text


def test_guarded_and_raw_differ_only_in_formula_like_text(source, protocol):
    guarded = read(export_bytes(source.merged, protocol, "csv", table="comments"))
    raw = read(export_bytes(source.merged, protocol, "csv", table="comments", raw_text=True))
    for g, r in zip(guarded, raw, strict=True):
        if r["Text"] in CORPUS and r["Text"].startswith((*FORMULA_START, "\x00")):
            assert g["Text"] != r["Text"] and g["Text"].startswith("'")
        else:
            assert g["Text"] == r["Text"] or "\x07" in r["Text"]
