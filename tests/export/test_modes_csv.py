"""The CSV tables of an assessment and of the sign-up register, from session files merged by
`workshop merge` and read back with the csv module: the profile's counts, means and spreads are
the sessions' own (worked out here), the findings name the weakest commitments in order and the
actions still to settle, the actions have real due dates, the register lists the current
entries then the superseded; every cell is formula-guarded; `anonymise` leaves out every name
in every table; in a consultation the three tables are only a header."""

from __future__ import annotations

import csv
import io
from datetime import date

import pytest
from export_helpers import FORMULA_START, council_sessions
from test_assessment_md_html import counts_of, expected_weakest, figures, merged_result, tenth

from modes_helpers import ACTIONS, SIGNATORIES, assessment, sign_up
from workshop.export import TABLES, export_bytes

POINTS = ["1 Not at all", "2 Rarely", "3 Sometimes", "4 Mostly", "5 Consistently"]


def read(data: bytes) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"), newline="")))


@pytest.fixture
def sessions(protocol):
    return [assessment(protocol),
            assessment(protocol, "Salford", on=date(2026, 11, 25), principles=2, shift=1,
                       facilitator="Bo Other")]


@pytest.fixture
def rated(tmp_path, protocol, sessions):
    return merged_result(tmp_path, protocol, sessions)


@pytest.fixture
def signed(tmp_path, protocol):
    again = {**SIGNATORIES[0], "role": "Leader", "signed": date(2027, 1, 5)}
    return merged_result(tmp_path, protocol, [
        sign_up(protocol), sign_up(protocol, "Bolton", [again], on=date(2027, 1, 5))])


def test_profile_counts_means_and_spreads_are_the_sessions_own(rated, protocol, sessions):
    rows = read(export_bytes(rated, protocol, "csv", table="profile"))
    assert list(rows[0]) == ["Ref", "Principle no.", "Commitment no.", "Principle", "Commitment",
                             "Rated (n)", *POINTS, "Mean", "SD", "Lowest", "Highest",
                             "Rated low", "Actions", "Evidence"]
    counts = counts_of(protocol, sessions)
    assert [r["Ref"] for r in rows] == [f"#{code}" for code in counts]
    for row in rows:
        c = counts[row["Ref"][1:]]
        mean, sd = figures(c)
        given = [v for v, n in c.items() if n]
        assert [int(row[p]) for p in POINTS] == [c[v] for v in range(1, 6)]
        assert int(row["Rated (n)"]) == sum(c.values())
        assert (row["Mean"], row["SD"]) == (tenth(mean), tenth(sd))
        assert (int(row["Lowest"]), int(row["Highest"])) == (min(given), max(given))
        assert row["Rated low"] == ("Yes" if float(tenth(mean)) <= 2 else "No")
    first, fourth = rows[0], rows[3]
    assert (first["Actions"], first["Evidence"]) == ("2", "2")  # both sessions agreed one
    assert (fourth["Actions"], fourth["Evidence"]) == ("2", "2")
    assert rows[1]["Actions"] == "0" and rows[1]["Principle no."] == "1"


def test_findings_of_an_assessment(rated, protocol, sessions):
    rows = read(export_bytes(rated, protocol, "csv", table="findings"))
    assert rows[0]["Finding"] == "Summary" and rows[0]["Detail"].startswith(
        "37/37 commitments rated, mean ")
    weakest = [r["Ref"][1:] for r in rows if r["Finding"] == "Weakest"]
    assert weakest == expected_weakest(protocol, sessions)
    no_owner = [r for r in rows if r["Finding"] == "Action without owner"]
    assert [r["Subject"] for r in no_owner] == ["'" + ACTIONS[1][0]] * 2
    assert {r["Finding"] for r in rows} >= {"Rated low, no action", "Still in progress"}
    assert "Headline" not in {r["Finding"] for r in rows}  # not the consultation's findings


def test_actions_with_owner_and_a_real_due_date(rated, protocol, sessions):
    rows = read(export_bytes(rated, protocol, "csv", table="actions"))
    assert list(rows[0]) == ["Ref", "Commitment", "Action", "Owner", "Due", "Group", "Date",
                             "Session id"]
    text, owner, due = ACTIONS[0]
    assert [(r["Ref"], r["Action"], r["Owner"], r["Due"], r["Session id"]) for r in rows] == [
        ("#1.1", text, owner, due.isoformat(), sessions[0].id),
        ("#1.1", text, owner, due.isoformat(), sessions[1].id),
        ("#1.4", "'" + ACTIONS[1][0], "", "", sessions[0].id),
        ("#1.4", "'" + ACTIONS[1][0], "", "", sessions[1].id)]
    assert [r["Date"] for r in rows[:2]] == ["2026-11-22", "2026-11-25"]


def test_register_lists_current_entries_then_the_superseded(signed, protocol):
    rows = read(export_bytes(signed, protocol, "csv", table="register"))
    assert list(rows[0]) == ["Organisation", "Name", "Role", "Signed", "Reservations", "Status",
                             "Group", "Date", "Session id"]
    assert [(r["Organisation"], r["Role"], r["Signed"], r["Status"]) for r in rows] == [
        ("Greater Manchester Police", "Superintendent", "2026-11-20", "Signed"),
        ("Manchester City Council", "Leader", "2027-01-05", "Signed"),
        ("NHS Manchester", "Director", "2026-11-22", "Signed"),
        ("Manchester City Council", "Chief Executive", "2026-11-22",
         "Superseded by the entry of 5 January 2027")]
    assert rows[2]["Reservations"] == SIGNATORIES[1]["reservations"]  # starts with W: as typed
    findings = read(export_bytes(signed, protocol, "csv", table="findings"))
    assert [(r["Finding"], r["Count"]) for r in findings] == [("Register", "3"),
                                                               ("Reservations", "")]


@pytest.mark.parametrize("table", TABLES)
def test_every_table_is_guarded_and_anonymised(rated, signed, protocol, table):
    for merged in (rated, signed):
        plain = export_bytes(merged, protocol, "csv", table=table).decode("utf-8-sig")
        data = export_bytes(merged, protocol, "csv", table=table,
                            anonymise=True).decode("utf-8-sig")
        for name in ("Fay Facilitator", "Bo Other", "Alex Chief", "Jo Officer", "Sam "):
            assert name not in data, (table, name)
        rows = list(csv.reader(io.StringIO(data, newline="")))
        assert len({len(r) for r in rows}) == 1
        assert not [c for r in rows for c in r if c.startswith(FORMULA_START)]
        if table == "register" and merged is signed:
            assert "Alex Chief" in plain
            assert {r[1] for r in rows[1:]} == {"Withheld"}
        if table == "sessions":
            assert "Fay Facilitator" in plain
            assert {r[3] for r in rows[1:]} == {""}  # the Facilitator column: left out


@pytest.mark.parametrize("table", ["profile", "actions", "register"])
def test_a_consultation_has_only_the_header_of_these_tables(tmp_path, protocol, table):
    merged = merged_result(tmp_path, protocol, council_sessions(protocol))
    rows = list(csv.reader(io.StringIO(export_bytes(merged, protocol, "csv", table=table)
                                       .decode("utf-8-sig"), newline="")))
    assert len(rows) == 1 and rows[0][0] in ("Ref", "Organisation")


def test_a_consultations_findings_end_with_the_register_when_someone_signed(tmp_path,
                                                                             protocol):
    sessions = council_sessions(protocol)
    plain = read(export_bytes(merged_result(tmp_path, protocol, sessions, "a.toml"), protocol,
                              "csv", table="findings"))
    assert "Register" not in {r["Finding"] for r in plain}
    sessions[0].add_signatory(**SIGNATORIES[1])
    rows = read(export_bytes(merged_result(tmp_path, protocol, sessions, "b.toml"), protocol,
                             "csv", table="findings"))
    assert rows[:len(plain)] == plain
    assert [r["Finding"] for r in rows[len(plain):]] == ["Register", "Reservations"]


def test_an_assessments_summary_is_its_profile_not_verdicts(rated, protocol):
    summary = export_bytes(rated, protocol, "csv", table="summary")
    assert summary == export_bytes(rated, protocol, "csv", table="profile")
    assert b"Consensus" not in summary and b"Contested" not in summary
