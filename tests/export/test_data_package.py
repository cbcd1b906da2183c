"""The open data package (`workshop export FILE --format data`): it validates with the
Frictionless validator, its long votes table sums to the report's totals (read back with the csv
module and queried with DuckDB over the Parquet), people's words are guarded in the CSVs (exact
with --raw-text, and always exact in Parquet), the themes tables hold the theme file's codebook
and tags, and the same input gives the same bytes."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import duckdb
import frictionless
import pyarrow.parquet as pq
import pytest
from export_helpers import FORMULA_START, visible

from workshop.analysis import theme_file
from workshop.analysis.book import ThemeBook
from workshop.consultation.report_build import build_report
from workshop.export import DATA_PACKAGE, FORMATS, export_data_package
from workshop.export.data_tables import TABLE_NAMES

THEMES = [("Resources", "Money, staff and time", ""), ("=Funding", "", "Resources"),
          ("Training", "", "")]
"""A codebook with a child theme whose name a spreadsheet would run (guarded in the CSV)."""
GUARDED = (*FORMULA_START, "\0")
"""What gets a leading ' in a guarded CSV: the formula starts, and NUL."""


def validate(folder: Path) -> None:
    report = frictionless.validate(str(folder / "datapackage.json"))
    assert report.valid, report.flatten(["type", "message"])[:10]


def read_csv(folder: Path, table: str) -> list[dict[str, str]]:
    with open(folder / f"{table}.csv", newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def tag_some(book: ThemeBook, report) -> None:
    """Every other entry `=Funding`, every third `Training`."""
    for name, description, parent in THEMES:
        book.add(name, description, parent)
    for n, note in enumerate(report.notes()):
        args = (note.session_id, note.entry_id, note.kind, note.target, note.text)
        if n % 2:
            book.tag(*args, "=Funding")
        if n % 3 == 0:
            book.tag(*args, "Training")


def test_the_council_package_validates_and_its_votes_sum_to_the_report(council, protocol,
                                                                       tmp_path):
    folder = tmp_path / "pkg"
    written = export_data_package(council.merged, protocol, folder)
    assert written.parquet
    names = [f"{t}.csv" for t in TABLE_NAMES] + [f"{t}.parquet" for t in TABLE_NAMES]
    assert sorted(p.name for p in folder.iterdir()) == sorted([*names, "datapackage.json"])
    validate(folder)

    report = build_report(council.merged, protocol)
    rows = read_csv(folder, "votes")
    # Long format, zeros included: every workshop x commitment x option.
    assert len(rows) == len(report.workshops) * len(report.commitments) * len(report.options)
    for c in report.commitments:
        for o in report.options:
            total = sum(int(r["count"]) for r in rows
                        if r["commitment_id"] == c.id and r["option_id"] == o.id)
            assert total == c.totals.get(o.id, 0), (c.code, o.id)
    assert {r["ref"] for r in rows} == {c.code for c in report.commitments}
    # and the sessions: one row each, named as the report names them
    sessions = read_csv(folder, "sessions")
    assert [s["workshop"] for s in sessions] == [w.name for w in report.workshops]
    assert [s["complete"] for s in sessions] == ["true", "true", "true", "false"]
    assert [s["recommendation"] for s in sessions] == [w.recommendation for w in report.workshops]
    # no theme file: the themes tables are there, headers only
    assert read_csv(folder, "themes") == [] and read_csv(folder, "entry_themes") == []
    assert (folder / "themes.csv").read_text().startswith("theme,parent,description,")


def test_duckdb_over_the_parquet_agrees_with_the_report(council, protocol, tmp_path):
    folder = tmp_path / "pkg"
    export_data_package(council.merged, protocol, folder)
    report = build_report(council.merged, protocol)
    votes = str(folder / "votes.parquet")
    con = duckdb.connect()
    for c in report.commitments[:4]:
        for o in report.options:
            got = con.execute("select sum(count) from read_parquet(?) where commitment_id = ? "
                              "and option_id = ?", [votes, c.id, o.id]).fetchone()[0]
            assert got == c.totals.get(o.id, 0)
    by_option = dict(con.execute("select option_id, sum(count) from read_parquet(?) group by "
                                 "option_id", [votes]).fetchall())
    assert by_option == report.totals()
    # the tables join: votes per workshop name, through sessions
    joined = con.execute(
        "select s.workshop, sum(v.count) from read_parquet(?) v join read_parquet(?) s "
        "using (session_id) group by s.workshop order by s.workshop",
        [votes, str(folder / "sessions.parquet")]).fetchall()
    assert joined == sorted((w.name, w.votes) for w in report.workshops)
    # a ref stays text in Parquet: 1.1, never the number 1.1
    refs = con.execute("select distinct typeof(ref) from read_parquet(?)", [votes]).fetchall()
    assert refs == [("VARCHAR",)]


@pytest.mark.parametrize("raw", [False, True], ids=["guarded", "raw-text"])
def test_the_hostile_corpus_validates_and_its_words_are_guarded_in_csv(source, protocol,
                                                                        tmp_path, raw):
    folder = tmp_path / "pkg"
    export_data_package(source.merged, protocol, folder, raw_text=raw)
    validate(folder)
    report = build_report(source.merged, protocol)
    commitment_notes = [n for n in report.notes() if n.kind != "answers"]
    texts = [r["text"] for r in read_csv(folder, "comments")]
    exact = [n.text for n in commitment_notes]
    assert pq.read_table(folder / "comments.parquet").column("text").to_pylist() == exact
    if raw:
        assert texts == exact
    else:
        assert texts == [("'" if t.startswith(GUARDED) else "") + visible(t) for t in exact]
        assert not any(t.startswith(FORMULA_START) for t in texts)
    answers = [r["text"] for r in read_csv(folder, "answers")]
    assert len(answers) == sum(len(q.answers) for q in report.questions)
    groups = [w.record.group for w in report.workshops]
    assert [r["group"] for r in read_csv(folder, "sessions")] == \
        (groups if raw else [("'" if g.startswith(GUARDED) else "") + g for g in groups])


def test_descriptions_say_how_text_was_written(council, protocol, tmp_path):
    export_data_package(council.merged, protocol, tmp_path / "a")
    export_data_package(council.merged, protocol, tmp_path / "b", raw_text=True)
    guarded = json.loads((tmp_path / "a" / "datapackage.json").read_text(encoding="utf-8"))
    raw = json.loads((tmp_path / "b" / "datapackage.json").read_text(encoding="utf-8"))
    assert guarded["$schema"] == "https://datapackage.org/profiles/2.0/datapackage.json"
    fields = {(r["name"], f["name"]): f for r in guarded["resources"]
              for f in r["schema"]["fields"]}
    text = fields[("comments", "text")]["description"]
    assert "a ' was put before text starting with = + - @, tab, CR or NUL" in text
    assert "drop that '" in text
    assert "description" in fields[("votes", "count")] and "' was" not in \
        fields[("votes", "count")]["description"]
    raw_text = next(f for r in raw["resources"] if r["name"] == "comments"
                    for f in r["schema"]["fields"] if f["name"] == "text")
    assert "exactly as typed" in raw_text["description"]
    for resource in guarded["resources"]:
        assert resource["path"] == resource["name"] + ".csv"
        assert resource["encoding"] == "utf-8" and resource["mediatype"] == "text/csv"
        assert resource["schema"]["primaryKey"]
        assert f"Also as {resource['name']}.parquet." in resource["description"]


def test_the_themes_tables_hold_the_theme_file(council, protocol, tmp_path):
    book = ThemeBook()
    tag_some(book, build_report(council.merged, protocol))
    theme_file.save(book, theme_file.sidecar_path(council.path))
    report = build_report(council.merged, protocol, theme_file.load_sidecar(council.path))
    folder = tmp_path / "pkg"
    export_data_package(council.merged, protocol, folder, book=theme_file.load_sidecar(
        council.path))
    validate(folder)

    themes = read_csv(folder, "themes")
    assert [t["theme"] for t in themes] == ["Resources", "'=Funding", "Training"]
    assert [t["parent"] for t in themes] == ["", "Resources", ""]
    assert themes[0]["description"] == "Money, staff and time"
    assert [(int(t["entries"]), int(t["direct_entries"]), int(t["workshops"]))
            for t in themes] == [(v.entries, v.direct, v.workshops) for v in report.themes]
    tagged = read_csv(folder, "entry_themes")
    assert len(tagged) == sum(len(n.themes) for n in report.notes()) > 0
    assert {(r["session_id"], r["entry_id"]) for r in tagged} == \
        {n.ref for n in report.notes() if n.themes}
    by_entry = {(r["session_id"], r["entry_id"]): r["themes"]
                for r in read_csv(folder, "comments")}
    for n in report.notes():
        if n.kind != "answers":
            assert by_entry[n.ref] == "; ".join(("'" + t) if t.startswith("=") else t
                                                for t in n.themes)
    exact = pq.read_table(folder / "themes.parquet").column("theme").to_pylist()
    assert exact == ["Resources", "=Funding", "Training"]


def test_the_same_input_gives_the_same_bytes(source, protocol, tmp_path):
    export_data_package(source.merged, protocol, tmp_path / "one")
    export_data_package(source.merged, protocol, tmp_path / "two")
    one = {p.name: p.read_bytes() for p in (tmp_path / "one").iterdir()}
    two = {p.name: p.read_bytes() for p in (tmp_path / "two").iterdir()}
    assert one == two and len(one) == 2 * len(TABLE_NAMES) + 1
    assert one["datapackage.json"].endswith(b"}\n")
    assert b"\xef\xbb\xbf" not in one["votes.csv"][:3]  # no byte-order mark


def test_the_app_export_menu_is_not_offered_a_folder_format():
    """FORMATS is what the app's export menu lists (tui/app_exports.py), one file each; the data
    package is a folder, so it stays out of it."""
    assert DATA_PACKAGE.id not in FORMATS
