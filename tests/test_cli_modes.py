"""The command line for the protocol's other uses: merging assessments and sign-ups (never mixed
with each other or with consultations), `workshop compare`, and `workshop export --anonymise`."""

from __future__ import annotations

import csv
import io
from datetime import date

import pytest

from helpers import REPO
from modes_helpers import assessment, sign_up, write
from workshop.cli.main import main
from workshop.session.model import Session


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(["--protocol", str(REPO / "protocol.toml"), *args])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def files(tmp_path, protocol):
    """Two assessments of one partnership a year apart, a sign-up, a consultation."""
    before = write(tmp_path, assessment(protocol, "Board", on=date(2026, 11, 22)), "before.toml")
    after = write(tmp_path, assessment(protocol, "Board", on=date(2027, 11, 22), shift=1),
                  "after.toml")
    signed = write(tmp_path, sign_up(protocol), "signed.toml")
    consult = write(tmp_path, Session.new(protocol, "Room"), "consult.toml")
    return {"before": before, "after": after, "signed": signed, "consult": consult}


def test_a_merge_of_mixed_modes_writes_nothing_and_names_the_files(capsys, tmp_path, files):
    out_file = tmp_path / "out.toml"
    code, out, err = run(capsys, "merge", str(files["before"]), str(files["consult"]),
                         str(files["signed"]), "-o", str(out_file))
    assert code == 2 and not out_file.exists()
    assert "the inputs mix sessions of different kinds" in err
    for part in ("assessment: ", "before.toml", "consultation: ", "consult.toml", "sign-up: ",
                 "signed.toml"):
        assert part in err
    assert "Traceback" not in err


def test_assessments_merge_and_say_what_was_rated(capsys, tmp_path, files):
    out_file = tmp_path / "both.toml"
    code, out, _ = run(capsys, "merge", str(files["before"]), str(files["after"]), "-o",
                       str(out_file))
    assert code == 0
    assert "Assessment: 37/37 commitments rated" in out and "4 actions agreed" in out
    assert 'mode = "assess"' in out_file.read_text(encoding="utf-8")


def test_a_sign_up_merge_reports_the_register(capsys, tmp_path, files):
    code, out, _ = run(capsys, "merge", str(files["signed"]), "-o", str(tmp_path / "r.toml"))
    assert code == 0 and "Register: 3 organisations signed up, 1 with reservation." in out


def test_compare_names_what_slipped_and_improved(capsys, tmp_path, files):
    report = tmp_path / "compare.md"
    code, out, _ = run(capsys, "compare", str(files["before"]), str(files["after"]), "-o",
                       str(report))
    assert code == 0
    # ratings_for: commitment 1.1 goes from pattern 0 (mean 1.7) to pattern 1 (mean 3.9).
    assert "Improved:" in out and "1.1  1.7 → 3.9 (+2.2)" in out
    assert "Slipped:" in out and "1.2  3.9 → 3.2 (-0.7)" in out
    text = report.read_text(encoding="utf-8")
    assert "| 1.1 | Share resources to achieve joint outcomes | 1.7 | 3.9 | +2.2 | Improved |" \
        in text
    assert text.index("## Slipped") < text.index("## Improved") < text.index("## By principle")


def test_compare_writes_a_csv_with_every_commitment_and_principle(capsys, tmp_path, files):
    table = tmp_path / "compare.csv"
    assert run(capsys, "compare", str(files["before"]), str(files["after"]), "-o",
               str(table))[0] == 0
    rows = list(csv.DictReader(io.StringIO(table.read_text(encoding="utf-8-sig"))))
    assert len(rows) == 37 + 6
    first = rows[0]
    assert (first["Ref"], first["Before mean"], first["After mean"], first["Verdict"]) == (
        "#1.1", "1.7", "3.9", "Improved")


def test_a_higher_threshold_calls_small_moves_no_change(capsys, files):
    code, out, _ = run(capsys, "compare", str(files["before"]), str(files["after"]),
                       "--threshold", "1")
    assert code == 0 and "1.2  3.9 → 3.2" not in out
    assert "(a change of 1 points or more counts)" in out


def test_compare_refuses_what_is_not_an_assessment(capsys, files):
    code, out, err = run(capsys, "compare", str(files["before"]), str(files["signed"]))
    assert code == 2
    assert "signed.toml: is a sign-up, not an assessment" in err


def test_compare_never_writes_over_an_input(capsys, files):
    before = files["before"].read_bytes()
    code, _, err = run(capsys, "compare", str(files["before"]), str(files["after"]), "-o",
                       str(files["before"]))
    assert code == 2 and "not written: it is one of the files compared" in err
    assert files["before"].read_bytes() == before


def test_export_anonymise_leaves_out_facilitators_and_signatories(capsys, tmp_path, files):
    for fmt in ("md", "csv", "html"):
        target = tmp_path / f"register.{fmt}"
        code, out, _ = run(capsys, "export", str(files["signed"]), "-f", fmt, "--anonymise",
                           "-o", str(target))
        assert code == 0 and "anonymised (no facilitator or signatory names)" in out
        text = target.read_text(encoding="utf-8-sig")
        assert "Fay Facilitator" not in text and "Alex Chief" not in text
    code, _, _ = run(capsys, "export", str(files["signed"]), "-f", "csv", "--table", "sessions",
                     "-o", str(tmp_path / "named.csv"))
    assert code == 0 and "Fay Facilitator" in (tmp_path / "named.csv").read_text("utf-8-sig")


def test_merge_mode_picks_one_kind_out_of_a_folder(capsys, tmp_path, files):
    out_file = tmp_path / "assessments.toml"
    code, out, _ = run(capsys, "merge", "--mode", "assess", str(tmp_path), "-o", str(out_file))
    assert code == 0
    assert "Merged 2 sessions" in out
    assert "Left out 1 consultation, 1 sign-up (--mode assess)." in out
    code, _, err = run(capsys, "merge", "--mode", "sign-up", str(files["before"]), "-o",
                       str(tmp_path / "none.toml"))
    assert code == 2 and "none is of mode 'sign-up'" in err
