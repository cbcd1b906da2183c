"""The open data package of an assessment and of a sign-up register, from session files merged
by `workshop merge`: it validates with the Frictionless validator; its options are the scale's
points and its votes table the ratings, summing to the sessions' own counts (read back with the
csv module, and queried with DuckDB over the Parquet); the actions and signatories tables hold
what was agreed and signed, with real dates, and are there only when there is something in
them; `anonymise` leaves every name out of every file."""

from __future__ import annotations

import csv
import json
from datetime import date
from pathlib import Path

import duckdb
import frictionless
import pytest
from export_helpers import council_sessions
from test_assessment_md_html import counts_of, merged_result

from modes_helpers import ACTIONS, SIGNATORIES, assessment, sign_up
from workshop.export import export_data_package
from workshop.export.data_tables import TABLE_NAMES


def validate(folder: Path) -> None:
    report = frictionless.validate(str(folder / "datapackage.json"))
    assert report.valid, report.flatten(["type", "message"])[:10]


def read_csv(folder: Path, table: str) -> list[dict[str, str]]:
    with open(folder / f"{table}.csv", newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


@pytest.fixture
def sessions(protocol):
    rated = [assessment(protocol),
             assessment(protocol, "Salford", on=date(2026, 11, 25), principles=2, shift=1,
                        facilitator="Bo Other")]
    rated[1].add_signatory(**SIGNATORIES[0])
    return rated


@pytest.fixture
def rated(tmp_path, protocol, sessions):
    return merged_result(tmp_path, protocol, sessions)


def test_an_assessments_package_validates_and_its_ratings_are_the_sessions_own(
        rated, protocol, sessions, tmp_path):
    folder = tmp_path / "pkg"
    export_data_package(rated, protocol, folder)
    validate(folder)
    descriptor = json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))
    assert descriptor["name"].endswith("-assessment")
    assert descriptor["description"].startswith("37/37 commitments rated, mean ")
    titles = {r["name"]: r["title"] for r in descriptor["resources"]}
    assert list(titles) == [*TABLE_NAMES, "actions", "signatories"]
    assert (titles["options"], titles["votes"], titles["comments"]) == (
        "Rating scale", "Ratings", "Evidence")
    assert [(r["option_id"], r["number"], r["label"], r["tone"])
            for r in read_csv(folder, "options")] == [
        ("1", "1", "Not at all", "oppose"), ("2", "2", "Rarely", "neutral"),
        ("3", "3", "Sometimes", "qualified"), ("4", "4", "Mostly", "alternative"),
        ("5", "5", "Consistently", "support")]
    summed: dict[tuple[str, int], int] = {}
    for row in read_csv(folder, "votes"):
        key = (row["ref"], int(row["option_id"]))
        summed[key] = summed.get(key, 0) + int(row["count"])
    counts = counts_of(protocol, sessions)
    assert summed == {(code, v): n for code, c in counts.items() for v, n in c.items()}
    means = duckdb.sql(
        f"select v.ref, sum(o.number * v.count) / sum(v.count) as mean "
        f"from '{folder / 'votes.parquet'}' v join '{folder / 'options.parquet'}' o "
        "using (option_id) group by v.ref").fetchall()
    assert {ref: round(mean, 6) for ref, mean in means} == {
        code: round(sum(v * n for v, n in c.items()) / sum(c.values()), 6)
        for code, c in counts.items()}


def test_actions_and_signatories_tables(rated, protocol, sessions, tmp_path):
    folder = tmp_path / "pkg"
    export_data_package(rated, protocol, folder)
    actions = read_csv(folder, "actions")
    text, owner, due = ACTIONS[0]
    assert [(a["session_id"], a["ref"], a["text"], a["owner"], a["due"]) for a in actions] == [
        (sessions[0].id, "1.1", text, owner, due.isoformat()),
        (sessions[1].id, "1.1", text, owner, due.isoformat()),
        (sessions[0].id, "1.4", "'" + ACTIONS[1][0], "", ""),
        (sessions[1].id, "1.4", "'" + ACTIONS[1][0], "", "")]
    assert {a["action_id"] for a in actions} == {
        x.id for s in sessions for xs in s.actions.values() for x in xs}
    [signed] = read_csv(folder, "signatories")
    assert (signed["organisation"], signed["name"], signed["signed"], signed["current"]) == (
        "Manchester City Council", "Alex Chief", "2026-11-22", "true")


def test_a_sign_ups_register_with_a_superseded_entry(tmp_path, protocol):
    again = {**SIGNATORIES[0], "signed": date(2027, 1, 5)}
    merged = merged_result(tmp_path, protocol, [
        sign_up(protocol), sign_up(protocol, "Bolton", [again], on=date(2027, 1, 5))])
    folder = tmp_path / "pkg"
    written = export_data_package(merged, protocol, folder)
    validate(folder)
    assert "actions.csv" not in written.files and "signatories.csv" in written.files
    rows = read_csv(folder, "signatories")
    assert [(r["organisation"], r["signed"], r["current"]) for r in rows] == [
        ("Greater Manchester Police", "2026-11-20", "true"),
        ("Manchester City Council", "2027-01-05", "true"),
        ("NHS Manchester", "2026-11-22", "true"),
        ("Manchester City Council", "2026-11-22", "false")]
    assert rows[2]["reservations"] == SIGNATORIES[1]["reservations"]
    descriptor = json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))
    assert descriptor["name"].endswith("-sign-up")
    assert descriptor["description"].startswith("3 organisations signed up, 1 with reservation")


def test_anonymised_package_has_no_name_in_any_file(rated, protocol, tmp_path):
    plain = tmp_path / "plain"
    export_data_package(rated, protocol, plain)
    names = (b"Fay Facilitator", b"Bo Other", b"Alex Chief")
    assert all(any(n in p.read_bytes() for p in plain.iterdir()) for n in names)
    folder = tmp_path / "anon"
    export_data_package(rated, protocol, folder, anonymise=True)
    validate(folder)
    for path in folder.iterdir():
        data = path.read_bytes()  # the Parquet files too
        assert not [n for n in names if n in data], path.name
    assert read_csv(folder, "signatories")[0]["name"] == "Withheld"


def test_a_consultation_without_signatories_has_neither_table(tmp_path, protocol):
    merged = merged_result(tmp_path, protocol, council_sessions(protocol))
    written = export_data_package(merged, protocol, tmp_path / "pkg")
    assert sorted(written.files) == sorted(
        [f"{t}.csv" for t in TABLE_NAMES] + [f"{t}.parquet" for t in TABLE_NAMES]
        + ["datapackage.json"])
    descriptor = json.loads((tmp_path / "pkg" / "datapackage.json").read_text(encoding="utf-8"))
    assert descriptor["name"].endswith("-consultation")
    assert {r["title"] for r in descriptor["resources"]} >= {"Vote options", "Votes"}
