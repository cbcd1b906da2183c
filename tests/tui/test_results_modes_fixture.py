"""Merged files of assessments and of sign-ups, written as `workshop merge` writes them, for the
results view's tests (tests/modes_helpers.py builds the sessions)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from modes_helpers import SIGNATORIES, assessment, merged_of, sign_up
from workshop.consultation.merged_file import dumps_merged
from workshop.toml.atomic import atomic_write

FIRST_ID = "0a000000-0000-4000-8000-000000000001"
SECOND_ID = "0b000000-0000-4000-8000-000000000002"
RESIGNED = {"organisation": "manchester  city council", "name": "Alex Chief",
            "role": "Chief Executive", "signed": date(2027, 1, 10),
            "reservations": "None now: 5.3 is accepted <i>in full</i>."}
"""Manchester City Council signing again (spelt differently): its first entry is superseded."""


def assessment_file(protocol, folder: Path) -> Path:
    """Two workshops' assessments merged: Manchester rated principles 1-2, Leeds 1-3."""
    merged = merged_of(
        assessment(protocol, principles=2, session_id=FIRST_ID),
        assessment(protocol, "Leeds Health and Wellbeing Board", on=date(2026, 11, 29),
                   principles=3, shift=1, facilitator="Lee Facilitator", session_id=SECOND_ID))
    path = folder / "assessment.toml"
    atomic_write(path, dumps_merged(merged, protocol))
    return path


def register_file(protocol, folder: Path) -> Path:
    """Two sign-up workshops merged; Manchester City Council signed at both."""
    merged = merged_of(
        sign_up(protocol, session_id=FIRST_ID),
        sign_up(protocol, "Greater Manchester partners, second meeting", on=date(2027, 1, 10),
                signatories=[RESIGNED, {**SIGNATORIES[0], "organisation": "Salford CVS",
                                        "name": "Pat Volunteer", "role": "Chair",
                                        "signed": date(2027, 1, 10)}],
                session_id=SECOND_ID))
    path = folder / "register.toml"
    atomic_write(path, dumps_merged(merged, protocol))
    return path
