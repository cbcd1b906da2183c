"""The tables of the open data package (data_package.py): tidy, one fact per row, ids that join.

Every table is laid out from the report model (consultation/report.py), never worked out beside
it: the workshops, the protocol's options, commitments and questions, each workshop's counts
(`CommitmentView.by_workshop`), the comments, proposed wordings and answers with their themes
(`Note.themes`), and the codebook with its counts (`Report.themes`).

- **sessions**: one row per workshop (`session_id`), with how views name it (`workshop`);
- **options**, **commitments**, **questions**: reference tables from the protocol; commitment
  and question ids that entries of a mixed merge use but the protocol does not have are listed
  last, with only their id, so every foreign key holds;
- **votes**: long format, one row per workshop x commitment x option, zeros included (every
  commitment of the protocol for every workshop, whether it voted on it or not): sums and
  shares need no filling in of missing rows;
- **comments** (comments and proposed wordings) and **answers**: one row per entry;
- **themes**: the codebook with its counts; **entry_themes**: one row per entry and theme. Both
  are empty (headers only) without a theme file;
- in an assessment, **options** are the rating scale's points and **votes** the ratings (how
  many rated each commitment at each point), each said so in its description; **actions**, one
  row per agreed action (with an owner and a due date), is added when there is any;
- **signatories** (the sign-up register, any mode), one row per signature with whether it is
  the organisation's current entry or one it superseded, is added when anyone signed. Names
  read `Withheld` in an anonymised export.

Values are text, whole numbers, booleans, dates and aware datetimes, or None (nothing): empty
text is None here, so CSV and Parquet readers see the same missing values. Text is kept exactly
as typed; the CSV writer guards it (data_package.py). Nothing here imports Textual.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from workshop.consultation.report import Note, Report
from workshop.export.themes_text import SEPARATOR, names_text
from workshop.session.kinds import ENTRY_KINDS, EntryKind
from workshop.session.model import RECOMMENDATIONS, UNDECIDED

Value = str | int | bool | date | datetime | None


@dataclass(frozen=True)
class Field:
    """One column, as the Table Schema of `datapackage.json` describes it."""

    name: str
    type: str
    """`string`, `integer`, `boolean`, `date` or `datetime` (Table Schema types)."""
    description: str
    required: bool = False
    unique: bool = False
    enum: tuple[str, ...] = ()
    minimum: int | None = None


@dataclass(frozen=True)
class ForeignKey:
    fields: tuple[str, ...]
    resource: str
    """The table referred to; "" for the table itself (a theme's parent)."""
    reference: tuple[str, ...]


@dataclass(frozen=True)
class DataTable:
    name: str
    title: str
    description: str
    fields: tuple[Field, ...]
    rows: list[tuple[Value, ...]]
    primary_key: tuple[str, ...]
    foreign_keys: tuple[ForeignKey, ...] = ()


TABLE_NAMES = ("sessions", "options", "commitments", "questions", "votes", "comments",
               "answers", "themes", "entry_themes")
"""The tables, in the order `datapackage.json` lists them: reference tables before the tables
that refer to them."""

MODE_TABLE_NAMES = ("actions", "signatories")
"""Tables written only when they have rows, after TABLE_NAMES: a consultation without
signatories has none of them, so its package is what it always was."""

KIND_VALUES = {kind: kind.singular for kind in ENTRY_KINDS}
"""What the `kind` columns say of an entry: its kind as a sentence names one (session/kinds.py's
one table of labels)."""



def _id(name: str, what: str, unique: bool = False) -> Field:
    return Field(name, "string", what, required=True, unique=unique)


def _count(name: str, what: str) -> Field:
    return Field(name, "integer", what, required=True, minimum=0)


SESSION = _id("session_id", "The workshop's session id (sessions.session_id).")
COMMITMENT = _id("commitment_id", "The commitment's id in the protocol "
                 "(commitments.commitment_id).")
REF = Field("ref", "string", "The commitment's reference, `1.4`: principle number, then the "
            "commitment's number in it. Text, not a number: read it as text, or 5.10 becomes 5.1.")
ENTRY = _id("entry_id", "The entry's id in its session (`e7`); with session_id, it names the "
            "entry for good, as the theme file keys its tags.")
STAMPS = (Field("created", "datetime", "When the entry was written (UTC).", required=True),
          Field("edited", "datetime", "When it was last edited (UTC); empty if never."))
THEMES = Field("themes", "string", "The themes an analyst put on it, in codebook order, joined "
               f"by '{SEPARATOR}'; empty if none (entry_themes has one row per theme).")
TO_SESSIONS = ForeignKey(("session_id",), "sessions", ("session_id",))


def data_tables(report: Report) -> list[DataTable]:
    """Every table of the package, in TABLE_NAMES order, then those of MODE_TABLE_NAMES that
    have rows."""
    # data_modes builds on this module's fields and tables, so it is imported here, not above
    from workshop.export.data_modes import actions, signatories
    out = [sessions(report), options(report), commitments(report), questions(report),
           votes(report), comments(report), answers(report), themes(report),
           entry_themes(report)]
    return out + [t for t in (actions(report), signatories(report)) if t.rows]



def _rating(report: Report, votes: str, ratings: str) -> str:
    """A description's words: `ratings` in an assessment, else `votes`."""
    return ratings if report.assessment is not None else votes


def _text(value: str) -> str | None:
    """Empty text is nothing (None), in CSV and Parquet alike."""
    return value or None


def sessions(report: Report) -> DataTable:
    fields = (
        _id("session_id", "The session's id: what every other table joins on.", unique=True),
        Field("workshop", "string", "How the reports name the workshop: its group and date, "
              "with the start of its session id where two share both.", required=True,
              unique=True),
        Field("group", "string", "The group that met.", required=True),
        Field("date", "date", "The day of the workshop.", required=True),
        Field("facilitator", "string", "Who facilitated."),
        Field("location", "string", "Where it met."),
        Field("participants", "integer", "The head count; empty if none was given.", minimum=0),
        Field("complete", "boolean", "Whether the session was marked finished.", required=True),
        Field("completed", "datetime", "When it was marked finished (UTC); empty if not."),
        Field("updated", "datetime", "When the session was last changed (UTC).", required=True),
        Field("recommendation", "string", "The group's recommendation to the committee.",
              required=True, enum=(*RECOMMENDATIONS.values(), UNDECIDED)),
        Field("recommendation_reasons", "string", "The reasons given for the recommendation."),
        Field("general_comments", "string", "General comments on the protocol as a whole."),
        Field("notes", "string", "The facilitator's notes on the session."),
        Field("source_file", "string", "The name of the session file it was merged from."),
        _count("commitments_voted", _rating(report, "Commitments of the protocol with at least "
                                            "one vote.", "Commitments of the protocol rated "
                                            "at least once.")),
        _count("questions_answered", "Questions of the protocol with at least one answer."),
        _count("votes", _rating(report, "Votes cast, over every commitment of the protocol.",
                                "Ratings given, over every commitment of the protocol.")),
        _count("comments", "Comments written."),
        _count("proposed_wordings", "Proposed wordings written."),
        _count("answers", "Answers written."),
    )
    rows = []
    for w in report.workshops:
        r, rec = w.record, w.record.recommendation
        rows.append((r.id, w.name, r.group, r.date, _text(r.facilitator), _text(r.location),
                     r.participants, r.complete, r.completed, r.updated, w.recommendation,
                     _text(rec.reasons), _text(rec.comments), _text(w.notes), _text(r.source),
                     w.voted, w.answered, w.votes, w.comments, w.amendments, w.answers))
    return DataTable("sessions", "Sessions", "One row per workshop: who met, where and when, "
                     "how far it got, and its recommendation.", fields, rows, ("session_id",))


def options(report: Report) -> DataTable:
    if report.assessment is not None:
        from workshop.export.data_modes import scale_options
        return scale_options(report)
    fields = (
        _id("option_id", "The vote option's id in the protocol.", unique=True),
        _count("number", "Its place among the options, from 1 (the order to show them in)."),
        Field("label", "string", "What the option is called.", required=True),
        Field("tone", "string", "What it means: the first option supports a commitment, the "
              "last opposes it, those between are qualified support.", required=True),
    )
    tones = report.tones
    rows = [(o.id, n, o.label, tones[o.id]) for n, o in enumerate(report.options, start=1)]
    return DataTable("options", "Vote options", "The protocol's vote options, in order.",
                     fields, rows, ("option_id",))


def commitments(report: Report) -> DataTable:
    fields = (
        _id("commitment_id", "The commitment's id in the protocol.", unique=True), REF,
        Field("principle_number", "integer", "The principle's number, from 1.", minimum=1),
        Field("principle_id", "string", "The principle's id in the protocol."),
        Field("principle", "string", "The principle's title."),
        Field("number", "integer", "The commitment's number in its principle, from 1.",
              minimum=1),
        Field("text", "string", "The commitment as published."),
    )
    rows: list[tuple[Value, ...]] = [
        (c.id, c.code, p.number, p.id, p.principle.title, c.number, c.text)
        for p in report.principles for c in p.commitments]
    rows += [(cid, None, None, None, None, None, None)
             for cid in _foreign(report, on_questions=False)]
    return DataTable("commitments", "Commitments", "Every commitment of the protocol, in "
                     "order; then any commitment id that entries of a mixed merge use but the "
                     "protocol does not have (only its id).", fields, rows, ("commitment_id",))


def questions(report: Report) -> DataTable:
    fields = (_id("question_id", "The question's id in the protocol.", unique=True),
              Field("number", "integer", "The question's number, from 1.", minimum=1),
              Field("text", "string", "The question as published."))
    rows: list[tuple[Value, ...]] = [(q.question.id, q.number, q.question.text)
                                     for q in report.questions]
    rows += [(qid, None, None) for qid in _foreign(report, on_questions=True)]
    return DataTable("questions", "Questions", "The consultation questions, in order; then any "
                     "question id that answers of a mixed merge use but the protocol does not "
                     "have (only its id).", fields, rows, ("question_id",))


def _foreign(report: Report, on_questions: bool) -> list[str]:
    """Ids of the report's foreign entries (report.foreign) on commitments or on questions."""
    ids = {n.target for n in report.foreign if (n.kind == EntryKind.ANSWERS) == on_questions}
    return sorted(ids)


VOTES_TEXT = (
    "The vote option (options.option_id).", "The option's label.",
    "How many of the workshop's participants chose the option; 0 where none did, or the "
    "workshop did not vote on the commitment.", "Votes",
    "Long format: one row per workshop, commitment and vote option, zeros included, so every "
    "workshop has a row for every commitment and option. The sum of count over the workshops "
    "is the commitment's total for that option.")
"""The votes table's words: option_id, option and count's descriptions, title, description."""
def votes(report: Report) -> DataTable:
    """Each workshop's counts; in an assessment, its ratings (data_modes.RATINGS_TEXT)."""
    from workshop.export.data_modes import RATINGS_TEXT
    words = RATINGS_TEXT if report.assessment is not None else VOTES_TEXT
    fields = (SESSION, COMMITMENT, REF, _id("option_id", words[0]),
              Field("option", "string", words[1], required=True), _count("count", words[2]))
    rows = []
    for c in report.commitments:
        for own in c.by_workshop:
            counts = own.counts or {}
            rows += [(own.workshop.id, c.id, c.code, o.id, o.label, counts.get(o.id, 0))
                     for o in report.options]
    rows.sort(key=_workshop_order(report))
    return DataTable(
        "votes", words[3], words[4], fields, rows, ("session_id", "commitment_id", "option_id"),
        (TO_SESSIONS, ForeignKey(("commitment_id",), "commitments", ("commitment_id",)),
         ForeignKey(("option_id",), "options", ("option_id",))))


def _workshop_order(report: Report):
    """Rows by workshop (in the report's order), keeping their order within one."""
    place = {w.id: n for n, w in enumerate(report.workshops)}
    return lambda row: place[row[0]]


def _notes(report: Report, on_questions: bool) -> list[Note]:
    return [n for n in report.notes() if (n.kind == EntryKind.ANSWERS) == on_questions]


def comments(report: Report) -> DataTable:
    fields = (SESSION, ENTRY,
              Field("kind", "string", "A comment, or a proposed wording of the commitment.",
                    required=True, enum=(KIND_VALUES[EntryKind.COMMENTS],
                                         KIND_VALUES[EntryKind.AMENDMENTS])),
              COMMITMENT, REF,
              Field("text", "string", "The words as written.", required=True), *STAMPS, THEMES)
    codes = {c.id: c.code for c in report.commitments}
    rows = [(n.session_id, n.entry_id, KIND_VALUES[EntryKind(n.kind)], n.target,
             codes.get(n.target), n.text, n.created, n.edited,
             _text(names_text(n))) for n in _notes(report, False)]
    title, description = (
        ("Evidence", "An assessment's evidence notes (its comments), one row each: "
         "commitments in protocol order, oldest first.") if report.assessment is not None else
        ("Comments and proposed wordings", "One row per comment or proposed wording: "
         "commitments in protocol order, on each the comments then the proposed wordings, "
         "oldest first."))
    return DataTable(
        "comments", title, description, fields, rows, ("session_id", "entry_id"),
        (TO_SESSIONS, ForeignKey(("commitment_id",), "commitments", ("commitment_id",))))


def answers(report: Report) -> DataTable:
    fields = (SESSION, ENTRY,
              _id("question_id", "The question answered (questions.question_id)."),
              Field("question_number", "integer", "The question's number, from 1.", minimum=1),
              Field("text", "string", "The answer as written.", required=True), *STAMPS, THEMES)
    numbers = {q.question.id: q.number for q in report.questions}
    rows = [(n.session_id, n.entry_id, n.target, numbers.get(n.target), n.text, n.created,
             n.edited, _text(names_text(n))) for n in _notes(report, True)]
    return DataTable(
        "answers", "Answers", "One row per answer to a consultation question: questions in "
        "order, oldest first.", fields, rows, ("session_id", "entry_id"),
        (TO_SESSIONS, ForeignKey(("question_id",), "questions", ("question_id",))))


def themes(report: Report) -> DataTable:
    fields = (
        _id("theme", "The theme's name.", unique=True),
        Field("parent", "string", "The theme it sits under; empty for a top-level theme."),
        Field("description", "string", "What belongs under it, as the analyst wrote it."),
        _count("entries", "Entries tagged with it, or with a theme under it."),
        _count("direct_entries", "Entries tagged with this theme itself."),
        _count("workshops", "How many workshops those entries came from."),
    )
    rows = [(t.name, _text(t.theme.parent), _text(t.theme.description), t.entries, t.direct,
             t.workshops) for t in report.themes]
    return DataTable(
        "themes", "Themes", "The analyst's codebook, in its order (each theme followed by the "
        "themes under it), with how many entries and workshops raised each. Empty without a "
        "theme file.", fields, rows, ("theme",), (ForeignKey(("parent",), "", ("theme",)),))


def entry_themes(report: Report) -> DataTable:
    fields = (SESSION, ENTRY,
              Field("kind", "string", "What the entry is.", required=True,
                    enum=tuple(KIND_VALUES.values())),
              _id("target", "The commitment or question id the entry is on."),
              _id("theme", "One theme on the entry (themes.theme)."))
    rows = [(n.session_id, n.entry_id, KIND_VALUES[EntryKind(n.kind)], n.target, theme)
            for n in report.notes() for theme in n.themes]
    return DataTable(
        "entry_themes", "Themes on entries", "One row per tagged entry and theme: join on "
        "session_id and entry_id to comments or answers. Empty without a theme file.",
        fields, rows, ("session_id", "entry_id", "theme"),
        (TO_SESSIONS, ForeignKey(("theme",), "themes", ("theme",))))
