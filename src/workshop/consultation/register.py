"""The sign-up register: which partner organisations have signed up to the protocol.

Every session may record signatories (a sign-up session, `Mode.SIGN_UP`, is for nothing else).
`build_register` gathers them from a merged result into one register a standards committee can
keep: an organisation that signed more than once counts once, its latest entry kept and each
earlier one listed as superseded. Organisations are the same when their names are, whatever the
case or spacing ("Manchester City Council" and "manchester  city council"). The latest entry is
the one signed last; on the same day, the one recorded last.

With `anonymise`, the person's name is left out (organisations and roles are kept), for
publication. Nothing here imports Textual.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from workshop.consultation.figures import long_date
from workshop.consultation.records import Merged, made_order
from workshop.session.model import Signatory

WITHHELD = "Withheld"
"""What an anonymised export shows for a signatory's name."""


def organisation_key(name: str) -> str:
    """Two spellings of one organisation compare equal: case and spacing do not count."""
    return " ".join(name.split()).casefold()


@dataclass(frozen=True)
class RegisterEntry:
    """One signature, with the workshop it was recorded in."""

    signatory: Signatory
    workshop: str
    """The workshop's name in the report (`Group, 22 November 2026`)."""
    session_id: str
    superseded_by: RegisterEntry | None = None
    """For an earlier signature of the same organisation: the one that replaced it."""

    @property
    def organisation(self) -> str:
        return self.signatory.organisation

    @property
    def name(self) -> str:
        return self.signatory.name

    @property
    def role(self) -> str:
        return self.signatory.role

    @property
    def signed(self) -> date:
        return self.signatory.signed

    @property
    def signed_text(self) -> str:
        return long_date(self.signatory.signed)

    @property
    def reservations(self) -> str:
        """In the organisation's own words, exactly as typed ("" for none)."""
        return self.signatory.reservations

    @property
    def reservations_text(self) -> str:
        return self.signatory.reservations if self.signatory.reservations.strip() else "None"

    @property
    def status(self) -> str:
        """`Signed`, or `Superseded by the entry of 3 March 2027`."""
        if self.superseded_by is None:
            return "Signed"
        return f"Superseded by the entry of {self.superseded_by.signed_text}"


@dataclass(frozen=True)
class Register:
    current: tuple[RegisterEntry, ...] = ()
    """One entry per organisation, its latest, by organisation name."""
    superseded: tuple[RegisterEntry, ...] = ()
    """Earlier entries of organisations that signed again, by organisation, oldest first."""
    anonymised: bool = False

    def __bool__(self) -> bool:
        return bool(self.current)

    def __len__(self) -> int:
        return len(self.current)

    @property
    def with_reservations(self) -> tuple[RegisterEntry, ...]:
        return tuple(e for e in self.current if e.reservations.strip())

    def name_text(self, entry: RegisterEntry) -> str:
        """The person's name, or `Withheld` in an anonymised register."""
        return WITHHELD if self.anonymised else entry.name

    def summary_line(self) -> str:
        """`5 organisations signed up, 2 with reservations; 1 earlier entry superseded.`"""
        n, r, s = len(self.current), len(self.with_reservations), len(self.superseded)
        text = (f"{n} organisation{'' if n == 1 else 's'} signed up, {r} with "
                f"reservation{'' if r == 1 else 's'}")
        if s:
            text += f"; {s} earlier entr{'y' if s == 1 else 'ies'} superseded"
        return text + "."


def build_register(merged: Merged, names: dict[str, str], anonymise: bool = False) -> Register:
    """The register of every signatory in `merged` (`names`: session id → workshop name)."""
    entries = [(s, r) for r in merged.records.values() for s in r.signatories]
    if anonymise:
        entries = [(replace(s, name=""), r) for s, r in entries]
    by_org: dict[str, list] = {}
    for signatory, record in entries:
        by_org.setdefault(organisation_key(signatory.organisation), []).append((signatory, record))
    current, superseded = [], []
    for key in sorted(by_org):
        signed = sorted(by_org[key], key=lambda sr: (sr[0].signed, sr[0].created, sr[1].id,
                                                     made_order(sr[0])))
        latest = RegisterEntry(signed[-1][0], names[signed[-1][1].id], signed[-1][1].id)
        current.append(latest)
        superseded += [RegisterEntry(s, names[r.id], r.id, latest) for s, r in signed[:-1]]
    return Register(tuple(current), tuple(superseded), anonymise)
