"""The sign-up step: the partner organisations signing up to the protocol in this session.

On the left, the organisations signed so far, in the order recorded: organisation, the person
signing and their role, the date, and any reservations, shown exactly as typed. On the right, a
reminder of the protocol (each principle's title and statement, and its commitments by number),
so reservations can name what they do not accept. `s` signs an organisation up through a form
(dialogs/signatory_form.py); `e` edits the highlighted one and `delete` removes it (asking
first). Each change goes up as a `ChangeRequested` message; the app hands it to the live
session, which saves it, and redraws the step.
"""

from __future__ import annotations

from datetime import date

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from workshop.consultation.figures import long_date
from workshop.protocol.model import Protocol
from workshop.session.model import Signatory
from workshop.tui.dialogs.confirm import ConfirmDialog
from workshop.tui.dialogs.signatory_form import SignatoryDetails, SignatoryForm
from workshop.tui.messages import ChangeRequested, TextEntered
from workshop.tui.screens.step import StepScreen

EMPTY = "No organisation signed up yet: press s to add one."


def signatory_prompt(number: int, signatory: Signatory) -> Table:
    """One signatory as its row reads, wrapped lines indented under the organisation. Every
    typed word is plain text, never parsed as markup."""
    text = Text()
    text.append(signatory.organisation, style="bold")
    who = " · ".join(part for part in (signatory.name, signatory.role) if part)
    text.append(f"\n{who or 'No name or role given'}", style="" if who else "dim")
    text.append(f" · signed {long_date(signatory.signed)}", style="dim")
    text.append("\nReservations: ", style="bold" if signatory.reservations else "dim")
    if signatory.reservations:
        text.append(signatory.reservations)
    else:
        text.append("none", style="dim")
    row = Table.grid(padding=(0, 1), expand=True)
    row.add_column(no_wrap=True, style="dim")
    row.add_column(ratio=1)
    row.add_row(f"{number:>2}.", text)
    return row


def protocol_reminder(protocol: Protocol) -> Text:
    """The protocol in brief: what an organisation signs up to, numbered as reservations cite it."""
    text = Text()
    text.append(f"{protocol.title}\n", style="bold underline")
    for number, principle in enumerate(protocol.principles, start=1):
        text.append(f"\n{number}. {principle.title}\n", style="bold")
        if principle.statement:
            text.append(f"{principle.statement}\n", style="italic")
        for n, commitment in enumerate(principle.commitments, start=1):
            text.append(f"{number}.{n} ", style="dim")
            text.append(f"{commitment.text}\n")
    return text


class SignUpScreen(StepScreen):
    CSS_PATH = "signup.tcss"
    step_name = "sign-up"
    title_text = "Sign-up"
    HELP_SECTION = "The sign-up"

    main_list_id = "signatories"
    listed = 0
    """How many organisations the list showed last: when there are more, the new one (the
    last) is highlighted."""

    BINDINGS = [
        Binding("s", "sign_up", "Sign up", tooltip="Sign up an organisation (a form)",
                priority=True),
        Binding("e", "edit_signatory", "Edit", tooltip="Edit the highlighted organisation's entry",
                priority=True),
        Binding("delete", "delete_signatory", "Remove",
                tooltip="Remove the highlighted organisation's entry (asks first)", priority=True),
    ]

    def body(self) -> ComposeResult:
        with Horizontal(id="signup-split"):
            listing = OptionList(id="signatories", markup=False)
            listing.border_title = "Signed up in this session"
            yield listing
            with VerticalScroll(id="signup-protocol") as reminder:
                reminder.border_title = "What they sign up to"
                yield Static(protocol_reminder(self.protocol), id="signup-protocol-text")

    def on_mount(self) -> None:
        super().on_mount()
        self.query_one("#signatories", OptionList).focus()

    def refresh_step(self) -> None:
        listing = self.query_one("#signatories", OptionList)
        keep = self.highlighted_id()
        signatories = self.session.signatories
        if not signatories:
            listing.set_options([Option(Text(EMPTY, style="dim italic"), disabled=True)])
            return
        listing.set_options([Option(signatory_prompt(n, s), id=s.id)
                             for n, s in enumerate(signatories, start=1)])
        ids = [s.id for s in signatories]
        grew, self.listed = len(ids) > self.listed, len(ids)
        listing.highlighted = ids.index(keep) if keep in ids and not grew else len(ids) - 1

    def highlighted_id(self) -> str | None:
        listing = self.query_one("#signatories", OptionList)
        if listing.highlighted is None or not listing.option_count:
            return None
        return listing.get_option_at_index(listing.highlighted).id

    def action_sign_up(self) -> None:
        if not self.editing_allowed():
            return

        def done(details: SignatoryDetails | None) -> None:
            if details is not None:
                self.post_message(ChangeRequested(
                    lambda live: live.add_signatory(**details.changes())))
            self.post_message(TextEntered("signatory", "", None))  # its draft goes either way

        self.app.push_screen(SignatoryForm(self.today()), done)

    def today(self) -> date:
        """The date a new signature defaults to: today where the facilitator is."""
        return self.session.clock().astimezone().date()

    def selected_signatory(self) -> Signatory | None:
        signatory_id = self.highlighted_id()
        if signatory_id is None:
            self.notify("No organisation is highlighted: press s to sign one up.",
                        severity="warning", markup=False)
            return None
        return self.session.find_signatory(signatory_id)

    def action_edit_signatory(self) -> None:
        if not self.editing_allowed() or (signatory := self.selected_signatory()) is None:
            return

        def done(details: SignatoryDetails | None) -> None:
            if details is not None:
                self.post_message(ChangeRequested(
                    lambda live: live.edit_signatory(signatory.id, **details.changes())))

        self.app.push_screen(SignatoryForm(self.today(), signatory), done)

    def action_delete_signatory(self) -> None:
        if not self.editing_allowed() or (signatory := self.selected_signatory()) is None:
            return

        def decided(remove: bool | None) -> None:
            if remove:
                self.post_message(ChangeRequested(lambda live: live.delete_signatory(signatory.id)))

        who = " · ".join(p for p in (signatory.name, signatory.role) if p)
        self.app.push_screen(ConfirmDialog(f"Remove {signatory.organisation}'s entry?",
                                           who, yes="Remove", no="Keep"), decided)
