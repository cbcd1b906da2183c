"""What a session records for the protocol's other uses (docs/modes.md), mixed into `Session`:
the options its counts are kept against (an assessment's are the scale's points), an
assessment's agreed actions and a sign-up's signatories, and the operations on them.

Each operation checks its arguments and refuses an invalid change with a `SessionError` before
changing anything, then stamps the session's `updated`, as every operation of model.py does.
Actions and signatories are numbered with the session's entries (`e9`). Nothing here imports
Textual.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING

from workshop.errors import SessionError
from workshop.protocol.model import Protocol, RatingScale, VoteOption
from workshop.session.kinds import Mode

if TYPE_CHECKING:
    from collections.abc import Callable


@dataclass
class Action:
    """An action an assessment agreed on a commitment: what, who and by when."""

    id: str
    """Unique within the session, numbered with its entries (`e9`)."""
    text: str
    owner: str
    """Who will do it (an organisation or a role; "" until agreed)."""
    due: date | None
    created: datetime
    edited: datetime | None = None


@dataclass
class Signatory:
    """A partner organisation signing up to the protocol (the sign-up register)."""

    id: str
    """Unique within the session, numbered with its entries (`e3`)."""
    organisation: str
    name: str
    """The person signing: the one place a person's name is recorded (`export --anonymise`
    leaves it out)."""
    role: str
    signed: date
    reservations: str
    """Commitments the organisation does not accept, in its own words ("" for none)."""
    created: datetime
    edited: datetime | None = None


SIGNATORY_FIELDS = ("organisation", "name", "role", "signed", "reservations")
ACTION_FIELDS = ("text", "owner", "due")



class Parts:
    """The actions and signatories of a `Session` (model.py), which provides the attributes."""

    mode: Mode
    actions: dict[str, list[Action]]
    signatories: list[Signatory]
    clock: Callable[[], datetime]
    next_entry: int
    scale: RatingScale | None
    protocol: Protocol | None
    # Session also provides _check_commitment(id) and _touch(when).

    @property
    def options(self) -> tuple[VoteOption, ...]:
        """What the room's counts are kept against: the protocol's vote options, or in an
        assessment the points of its scale (id and key: the point's digit)."""
        if self.mode is Mode.ASSESS and self.scale is not None:
            return self.scale.options
        return self.protocol.vote_options if self.protocol else ()

    @property
    def option_ids(self) -> tuple[str, ...]:
        return tuple(o.id for o in self.options)

    @property
    def tones(self) -> dict[str, str]:
        """option id → tone (protocol.model.TONES), for the options in use."""
        if self.mode is Mode.ASSESS and self.scale is not None:
            return self.scale.tones
        return self.protocol.tones if self.protocol else {}

    # -- actions (assessment) and signatories (sign-up) ----------------------------------------

    def add_action(self, commitment_id: str, text: str, owner: str = "",
                   due: date | None = None) -> Action:
        """Record an action agreed on a commitment (an assessment's: see `Mode.ASSESS`)."""
        self._check_commitment(commitment_id)
        if self.mode is not Mode.ASSESS:
            raise SessionError("actions are agreed in an assessment session (--mode assess)")
        check_text(text, "action")
        check_due(due)
        now = self.clock()
        action = Action(self._next_id(), text, owner.strip(), due, now)
        self.actions.setdefault(commitment_id, []).append(action)
        self._touch(now)
        return action

    def find_action(self, action_id: str) -> tuple[str, Action]:
        for target, actions in self.actions.items():
            for action in actions:
                if action.id == action_id:
                    return target, action
        raise SessionError(f"no action with id '{action_id}'")

    def edit_action(self, action_id: str, **changes: object) -> Action:
        """Change an action's text, owner or due date."""
        _, action = self.find_action(action_id)
        check_fields(changes, ACTION_FIELDS, "action")
        if "text" in changes:
            check_text(changes["text"], "action")
        if "due" in changes:
            check_due(changes["due"])  # type: ignore[arg-type]
        if "owner" in changes:
            changes["owner"] = str(changes["owner"]).strip()
        for name, value in changes.items():
            setattr(action, name, value)
        action.edited = self.clock()
        self._touch(action.edited)
        return action

    def delete_action(self, action_id: str) -> Action:
        target, action = self.find_action(action_id)
        self.actions[target].remove(action)
        if not self.actions[target]:
            del self.actions[target]
        self._touch()
        return action

    def add_signatory(self, organisation: str, name: str = "", role: str = "",
                      signed: date | None = None, reservations: str = "") -> Signatory:
        """Record an organisation signing up to the protocol."""
        check_signatory(organisation, signed)
        now = self.clock()
        signatory = Signatory(self._next_id(), organisation.strip(), name.strip(), role.strip(),
                              signed or now.date(), reservations, now)
        self.signatories.append(signatory)
        self._touch(now)
        return signatory

    def find_signatory(self, signatory_id: str) -> Signatory:
        for signatory in self.signatories:
            if signatory.id == signatory_id:
                return signatory
        raise SessionError(f"no signatory with id '{signatory_id}'")

    def edit_signatory(self, signatory_id: str, **changes: object) -> Signatory:
        """Change any of a signatory's organisation, name, role, signed date, reservations."""
        signatory = self.find_signatory(signatory_id)
        check_fields(changes, SIGNATORY_FIELDS, "signatory")
        check_signatory(str(changes.get("organisation", signatory.organisation)),
                         changes.get("signed", signatory.signed))  # type: ignore[arg-type]
        for name, value in changes.items():
            setattr(signatory, name, value.strip() if name in ("organisation", "name", "role")
                    else value)
        signatory.edited = self.clock()
        self._touch(signatory.edited)
        return signatory

    def delete_signatory(self, signatory_id: str) -> Signatory:
        signatory = self.find_signatory(signatory_id)
        self.signatories.remove(signatory)
        self._touch()
        return signatory

    def _next_id(self) -> str:
        entry_id = f"e{self.next_entry}"
        self.next_entry += 1
        return entry_id


def check_text(text: str, what: str) -> None:
    if not isinstance(text, str):
        raise SessionError(f"the {what} must be text")
    if not text.strip():
        raise SessionError(f"an empty {what} is not recorded")


def check_due(due: object) -> None:
    if due is not None and (isinstance(due, datetime) or not isinstance(due, date)):
        raise SessionError(f"a due date must be a date (YYYY-MM-DD), not {due!r}")


def check_signatory(organisation: str, signed: object) -> None:
    if not isinstance(organisation, str) or not organisation.strip():
        raise SessionError("a signatory needs the organisation's name")
    if signed is not None and (isinstance(signed, datetime) or not isinstance(signed, date)):
        raise SessionError(f"the date signed must be a date (YYYY-MM-DD), not {signed!r}")


def check_fields(changes: dict[str, object], allowed: tuple[str, ...], what: str) -> None:
    for name in changes:
        if name not in allowed:
            raise SessionError(f"unknown {what} detail '{name}'; the details are "
                               + ", ".join(allowed))
