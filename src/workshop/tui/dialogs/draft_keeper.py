"""Keeping a text dialog's words as a draft, and offering a draft back when a session opens.

The app owns one `DraftKeeper` and hands it the `DraftChanged` messages the text dialog posts:
the newest text is written beside the session file (through the `LiveSession`) after a short
pause in typing, unless the dialog has closed meanwhile (a draft written after its text was
saved would be offered back later). On SIGHUP the app asks for the open dialog's text at once.
A draft offered back is restored by enter (nothing typed is lost by a reflex); `n` discards it,
escape leaves it for next time. The form for a new action or signatory keeps its fields the same
way (form_draft.py), and is restored in that form, filled in as it was.
"""

from __future__ import annotations

from collections.abc import Callable

from textual.app import App
from textual.timer import Timer

from workshop.protocol.model import Protocol
from workshop.session.drafts import FORM_KINDS, Draft, draft_fields
from workshop.session.live import LiveSession, draft_context, draft_label
from workshop.tui.dialogs.confirm import ConfirmDialog
from workshop.tui.dialogs.form_draft import DraftedForm
from workshop.tui.dialogs.text_entry import TextEntryDialog
from workshop.tui.messages import ChangeRequested, DraftChanged, TextEntered

DRAFT_DELAY = 0.4
"""Seconds of quiet typing before a dialog's text is written to the draft file."""


class DraftKeeper:
    """Writes drafts for the app's open text dialog; `live` gives the session open now."""

    def __init__(self, app: App, live: Callable[[], LiveSession | None]) -> None:
        self.app = app
        self.live = live
        self._timer: Timer | None = None
        self._pending: DraftChanged | None = None

    def open_dialog(self) -> TextEntryDialog | DraftedForm | None:
        """The open text dialog, or form keeping a draft (form_draft.py), if there is one."""
        for screen in reversed(self.app.screen_stack):
            if isinstance(screen, TextEntryDialog) or (
                    isinstance(screen, DraftedForm) and screen.draft_kind):
                return screen
        return None

    def changed(self, message: DraftChanged) -> None:
        """The dialog's text changed: write it once typing pauses."""
        live = self.live()
        if live is None or live.read_only:
            return
        self._pending = message
        if self._timer is not None:
            self._timer.stop()
        self._timer = self.app.set_timer(DRAFT_DELAY, self._write_pending)

    def closed(self) -> None:
        """The dialog closed: nothing pending may be written after it."""
        if self._timer is not None:
            self._timer.stop()
        self._pending = None

    def _write_pending(self) -> None:
        pending, self._pending = self._pending, None
        if pending is not None and self.open_dialog() is not None:
            self.write(pending.kind, pending.target, pending.text)

    def write_open_dialog(self) -> None:
        """Write the open dialog's text now (its newest words may not be in a message yet)."""
        dialog = self.open_dialog()
        if dialog is not None:
            self.write(dialog.draft_kind, dialog.draft_target, dialog.text)

    def write(self, kind: str, target: str, text: str) -> None:
        live = self.live()
        if live is None:
            return
        try:
            live.write_draft(kind, target, text)
        except Exception as exc:  # a failed draft must not lose the dialog  # noqa: BLE001
            self.app.notify(f"Could not keep a draft: {exc}", severity="warning", markup=False)

    def offer(self, protocol: Protocol) -> None:
        """If the session has a draft, ask whether to restore it; a restored text is saved, or
        dropped, like any dialog's (`TextEntered`)."""
        live = self.live()
        draft = live.pending_draft() if live is not None else None
        if draft is None:
            return
        label = draft_label(draft.kind)
        preview = draft.text[:500]
        if draft.kind in FORM_KINDS:
            preview = "\n".join(f"{name}: {value}" for name, value in draft_fields(draft).items()
                                 if value.strip())[:500]

        def decided(restore: bool | None) -> None:
            if restore is None:  # escape: neither restored nor thrown away; offered next time
                return
            if not restore:
                live.discard_draft()
                return
            if draft.kind in FORM_KINDS:
                self.restore_form(draft, protocol)
                return

            def done(text: str | None) -> None:
                self.app.post_message(TextEntered(draft.kind, draft.target, text))

            self.app.push_screen(TextEntryDialog(
                f"Restored {label}", draft_context(protocol, draft), draft_kind=draft.kind,
                draft_target=draft.target, start_text=draft.text), done)

        self.app.push_screen(ConfirmDialog(f"An unsaved {label} was found. Restore it?",
                                           preview, yes="Restore", no="Discard",
                                           safe="yes"), decided)

    def restore_form(self, draft: Draft, protocol: Protocol) -> None:
        """A form's draft, back in its form as it was typed; saved as the form saves."""
        # The forms are imported when a draft of one is found, not at start-up.
        from workshop.tui.dialogs.action_form import ActionDetails, ActionForm
        from workshop.tui.dialogs.signatory_form import SignatoryDetails, SignatoryForm

        fields, post = draft_fields(draft), self.app.post_message

        def done(details: ActionDetails | SignatoryDetails | None) -> None:
            if isinstance(details, ActionDetails):
                post(ChangeRequested(lambda live: live.add_action(
                    draft.target, details.text, details.owner, details.due)))
            elif isinstance(details, SignatoryDetails):
                post(ChangeRequested(lambda live: live.add_signatory(**details.changes())))
            post(TextEntered(draft.kind, draft.target, None))  # its draft goes either way

        if draft.kind == "action":
            form = ActionForm("Restored action", draft_context(protocol, draft),
                              draft_target=draft.target, typed=fields)
        else:
            form = SignatoryForm(self.app.session_clock().astimezone().date(), typed=fields)
        self.app.push_screen(form, done)
