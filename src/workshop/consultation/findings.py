"""The findings a committee decides on, read off the report model: what every view shows first.

The committee's question (Taunton Deane report §1.1, §10.1) is "should we adopt it?", and the
consultation pack asks how the protocol should change. `findings(report)` answers both in
figures and words, the same for the results view and every export:

- how many workshops and participants;
- how many commitments reached consensus, were contested, had a majority without consensus,
  or had no votes;
- the recommendations tallied (adopt / adopt with changes / do not adopt / undecided), with the
  workshops behind each;
- the contested commitments, most contested first, each with the reason in words;
- the commitments most often asked to be amended (proposed wordings), most first;
- the workshops still in progress, whose figures may yet change;
- with an analyst's theme file, the themes most raised (top-level themes, by how many workshops
  raised them, then how many entries), and how many entries are tagged.

Nothing here imports Textual.
"""

from __future__ import annotations

from dataclasses import dataclass

from workshop.consultation.marks import CONSENSUS, CONTESTED, NO_VOTES
from workshop.consultation.report import CommitmentView, Report, ThemeView, Workshop

MOST_AMENDED = 5
"""How many of the most amended commitments the findings name."""

TOP_THEMES = 5
"""How many of the most raised themes the findings name."""


@dataclass(frozen=True)
class Tally:
    """One recommendation and the workshops that chose it."""

    label: str
    workshops: tuple[Workshop, ...]

    @property
    def count(self) -> int:
        return len(self.workshops)


@dataclass(frozen=True)
class Findings:
    workshops: int
    participants: int
    consensus: int
    contested: int
    majority: int
    """Commitments with a leading option over half the votes, but no consensus."""
    unvoted: int
    recommendations: tuple[Tally, ...]
    """Adopt, Adopt with changes, Do not adopt, Undecided: every choice, in that order."""
    contested_commitments: tuple[CommitmentView, ...]
    """Most contested first (marks.sort_results)."""
    most_amended: tuple[CommitmentView, ...]
    """Commitments with proposed wordings, most first (at most MOST_AMENDED); each one's
    `amendment_groups[0].summary` says what most of its workshops propose."""
    unfinished: tuple[Workshop, ...] = ()
    """Workshops whose session is still in progress: their figures may yet change."""
    top_themes: tuple[ThemeView, ...] = ()
    """The top-level themes raised, most workshops first (at most TOP_THEMES); () with no
    theme file."""
    tagged: int = 0
    """Entries (comments, proposed wordings, answers) with at least one theme."""
    entries: int = 0
    """Every entry of the result (comments, proposed wordings, answers), tagged or not."""

    def themes_line(self) -> str:
        """`Themes most raised: Resources (4 workshops, 12 entries); Training (…). 40 of 52
        comments, proposed wordings and answers are tagged.`; "" with no codebook."""
        if not self.top_themes and not self.tagged:
            return ""
        raised = "; ".join(f"{t.name} ({t.workshops} workshop{_s(t.workshops)}, {t.entries} "
                           f"entr{'y' if t.entries == 1 else 'ies'})" for t in self.top_themes)
        head = f"Themes most raised: {raised}. " if raised else ""
        return (head + f"{self.tagged} of {self.entries} comments, proposed wordings and "
                "answers are tagged.")

    def unfinished_line(self) -> str:
        """`Still in progress: Leeds Board, 2 November 2026; Bristol, 4 November 2026.`, or ""."""
        if not self.unfinished:
            return ""
        return "Still in progress: " + "; ".join(w.name for w in self.unfinished) + "."

    def headline(self) -> str:
        """`3 workshops, 36 participants. Of 37 commitments: 12 consensus, 4 contested, 8 a
        majority without consensus, 13 without votes.`"""
        total = self.consensus + self.contested + self.majority + self.unvoted
        parts = [f"{self.consensus} consensus", f"{self.contested} contested",
                 f"{self.majority} a majority without consensus"]
        if self.unvoted:
            parts.append(f"{self.unvoted} without votes")
        return (f"{self.workshops} workshop{_s(self.workshops)}, {self.participants} "
                f"participant{_s(self.participants)}. Of {total} commitments: "
                + ", ".join(parts) + ".")

    def recommendation_line(self) -> str:
        """`Adopt 2 (Leeds Board, 2 November 2026; Bristol, 4 November 2026). Adopt with
        changes 0. ...`: a workshop's name holds a comma, so workshops are parted by ";"."""
        return " ".join(
            f"{t.label} {t.count}" + (f" ({'; '.join(w.name for w in t.workshops)})"
                                      if t.workshops else "") + "."
            for t in self.recommendations)


def findings(report: Report) -> Findings:
    """The findings of `report` (see the module docstring)."""
    views = report.commitments
    counts = report.mark_counts()
    majority = sum(1 for c in views if c.total and c.mark not in (CONTESTED, CONSENSUS))
    by_label: dict[str, list[Workshop]] = {label: [] for label in report.recommendation_counts()}
    for w in report.workshops:
        by_label[w.recommendation].append(w)
    amended = sorted((c for c in views if c.amendments), key=lambda c: -len(c.amendments))
    return Findings(
        workshops=len(report.workshops), participants=report.participants(),
        consensus=counts[CONSENSUS], contested=counts[CONTESTED], majority=majority,
        unvoted=counts[NO_VOTES],
        recommendations=tuple(Tally(label, tuple(ws)) for label, ws in by_label.items()),
        contested_commitments=tuple(c for c in report.sorted_commitments("contested")
                                    if c.mark == CONTESTED),
        most_amended=tuple(amended[:MOST_AMENDED]),
        unfinished=tuple(report.unfinished()),
        **_themes(report),
    )


def _themes(report: Report) -> dict:
    raised = [t for t in report.themes if t.level == 0 and t.entries]
    raised.sort(key=lambda t: (-t.workshops, -t.entries))  # stable: codebook order on ties
    notes = report.notes()
    return {"top_themes": tuple(raised[:TOP_THEMES]), "entries": len(notes),
            "tagged": sum(1 for n in notes if n.themes)}


def _s(n: int) -> str:
    return "" if n == 1 else "s"
