"""The data package's tables for an assessment and the sign-up register (data_tables.py lays out
the rest and calls these).

- In an assessment, **options** (`scale_options`) are the points of the rating scale, lowest
  first, with their value as `number`; the **votes** table keeps its columns but holds the
  ratings, and its descriptions say so (`RATINGS_TEXT`).
- **actions**: one row per agreed action (`e9` in its session): the commitment, the action,
  its owner and its due date (empty when not agreed yet).
- **signatories**: one row per signature: the organisation, the person (`Withheld` in an
  anonymised export: Register.name_text), role, date signed, reservations in their own words,
  and whether it is the organisation's current entry (`true`) or an earlier one it superseded.

data_tables.data_tables adds actions and signatories only when they have rows. Nothing here
imports Textual.
"""

from __future__ import annotations

from workshop.consultation.report import Report
from workshop.export.data_tables import (
    COMMITMENT,
    REF,
    SESSION,
    STAMPS,
    TO_SESSIONS,
    DataTable,
    Field,
    ForeignKey,
    Value,
    _count,
    _id,
    _text,
)

RATINGS_TEXT = (
    "The point of the rating scale (options.option_id).", "The point's label.",
    "How many of the workshop's participants rated the commitment at this point; 0 where none "
    "did, or the workshop did not rate it.", "Ratings",
    "An assessment's ratings, long format: one row per workshop, commitment and point of the "
    "rating scale, zeros included. The sum of count over the workshops is how many rated the "
    "commitment at that point; its mean rating is the sum of the point's number (options) "
    "times count, over the sum of count.")
"""The votes table's words in an assessment (data_tables.VOTES_TEXT: option_id, option and
count's descriptions, the title, the description)."""


def scale_options(report: Report) -> DataTable:
    """An assessment's options: the points of its rating scale, lowest first."""
    fields = (
        _id("option_id", "The point of the rating scale: its value as text (`1`).", unique=True),
        _count("number", "Its value on the scale (the order to show the points in)."),
        Field("label", "string", "What the point is called.", required=True),
        Field("tone", "string", "What it means: the highest point `support`, the lowest "
              "`oppose` (the colours the views give it).", required=True),
    )
    tones = report.tones
    rows = [(p.id, p.value, p.label, tones[p.id]) for p in report.assessment.scale.points]
    return DataTable("options", "Rating scale", "The points of the assessment's rating scale, "
                     "lowest first: the votes table counts the ratings at each point.",
                     fields, rows, ("option_id",))


def actions(report: Report) -> DataTable:
    """One row per agreed action, by due date (undated last), as the assessment orders them."""
    fields = (SESSION, _id("action_id", "The action's id in its session (`e9`)."), COMMITMENT,
              REF, Field("text", "string", "What will be done, as agreed.", required=True),
              Field("owner", "string", "Who will do it; empty until agreed."),
              Field("due", "date", "When it is due; empty until agreed."), *STAMPS)
    views = report.assessment.actions if report.assessment is not None else ()
    rows: list[tuple[Value, ...]] = [
        (v.session_id, v.action.id, v.commitment.id, v.code, v.text, _text(v.owner), v.due,
         v.action.created, v.action.edited) for v in views]
    return DataTable(
        "actions", "Actions", "One row per action an assessment agreed on a commitment, with "
        "its owner and due date: dated ones by due date, then undated.", fields, rows,
        ("session_id", "action_id"),
        (TO_SESSIONS, ForeignKey(("commitment_id",), "commitments", ("commitment_id",))))


def signatories(report: Report) -> DataTable:
    """One row per signature: the current entries by organisation, then the superseded."""
    register = report.register
    fields = (SESSION, _id("signatory_id", "The signature's id in its session (`e3`)."),
              Field("organisation", "string", "The partner organisation, as written.",
                    required=True),
              Field("name", "string", "The person signing; 'Withheld' in an anonymised "
                    "export, empty if not given."),
              Field("role", "string", "Their role in the organisation."),
              Field("signed", "date", "The day they signed.", required=True),
              Field("reservations", "string", "Commitments the organisation does not accept, "
                    "in its own words; empty for none."),
              Field("current", "boolean", "true for the organisation's latest entry, the one "
                    "the register keeps; false for an earlier one it superseded.",
                    required=True), *STAMPS)
    rows: list[tuple[Value, ...]] = [
        (e.session_id, e.signatory.id, e.organisation, _text(register.name_text(e)),
         _text(e.role), e.signed, _text(e.reservations), e.superseded_by is None,
         e.signatory.created, e.signatory.edited)
        for e in (*register.current, *register.superseded)]
    return DataTable(
        "signatories", "Sign-up register", "One row per signature of the sign-up register: "
        "each organisation's current entry (by organisation), then the earlier entries they "
        "superseded. An organisation that signed twice counts once, its latest entry kept.",
        fields, rows, ("session_id", "signatory_id"), (TO_SESSIONS,))
