"""Five workshops' session files, and the merged file the real `workshop merge` makes of them."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from tui_helpers import make_session_file

from workshop.cli.main import main

GROUPS = [
    # group, date, votes on share-resources (agree, amend, disagree), recommendation
    ("Manchester Partnership Board", date(2026, 11, 2), (9, 1, 0), "adopt"),
    ("Leeds Health and Wellbeing Board", date(2026, 11, 9), (8, 2, 0), "adopt-with-changes"),
    ("Bristol Community Safety Partnership", date(2026, 11, 16), (7, 3, 2), "adopt"),
    ("Taunton Deane Standards Committee", date(2026, 11, 20), (6, 1, 1), "do-not-adopt"),
    ("Sheffield Voluntary Sector Forum", date(2026, 11, 23), (10, 0, 0), ""),
]
HOSTILE = "[bold]not bold[/bold] <script>alert(1)</script> =SUM(A1) 🎉"
NOTES = "Projector failed at 10:40 [red]; two left early."
"""The first workshop's facilitator's notes."""


def five_sessions(protocol, folder: Path) -> list[Path]:
    paths = []
    for n, (group, on, (a, m, d), choice) in enumerate(GROUPS):
        def changes(s, n=n, on=on, a=a, m=m, d=d, choice=choice, group=group):
            s.set_meta(date=on, location=f"Room {n + 1}")
            s.set_votes("share-resources", {"agree": a, "amend": m, "disagree": d})
            # Split rooms on "monitor-resources": the workshops disagree with each other.
            s.set_votes("monitor-resources", {"agree": 8, "disagree": 2} if n % 2 else
                        {"agree": 1, "disagree": 9})
            s.set_votes("encourage-innovation", {"agree": 2, "amend": 2, "disagree": 2})
            s.add_comment("share-resources", f"Comment from {group}")
            if n == 0:
                s.add_comment("monitor-resources", HOSTILE)
                s.add_amendment("share-resources", "Share resources fairly to achieve joint outcomes")
                s.set_meta(notes=NOTES)
            if n == 1:  # near-identical to the first workshop's: grouped with it
                s.add_amendment("share-resources", "share resources Fairly to achieve joint outcomes.")
            s.add_answer("benefits", f"Trust, says {group}")
            if choice:
                s.set_recommendation(choice, reasons=f"Reasons of {group}")
            if n < 3:
                s.mark_complete()

        paths.append(make_session_file(protocol, folder, group=group, participants=12,
                                       session_id=f"{n + 1}{n + 1}{n + 1}{n + 1}aaaa-0000-4000-8000-00000000000{n}",
                                       changes=[changes]))
    return paths


def merged_file(protocol, tmp_path: Path) -> Path:
    folder = tmp_path / "sessions"
    five_sessions(protocol, folder)
    out = tmp_path / "merged.toml"
    assert main(["merge", str(folder), "-o", str(out)]) == 0
    return out
