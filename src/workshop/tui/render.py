"""Rich renderables for the screens, built from user text without ever parsing it as markup.

Everything a participant said goes into `Text` objects as plain strings, so `[bold]`,
`[@click=app.quit]` or `<b>` show as typed and can never act. Kept apart from the widgets so
the same pieces render in every screen.

A list shows at most `PREVIEW_CHARS` characters and `PREVIEW_LINES` lines of an entry
(`preview`), with a note of how much more there is: drawing a megabyte comment on every vote
took seconds. The whole text is read on demand (dialogs/text_viewer.py); the session keeps it
byte for byte.
"""

from __future__ import annotations

from rich.bar import Bar
from rich.color import Color
from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from workshop.consultation.assessment import Spread, due_phrase
from workshop.consultation.figures import percent
from workshop.consultation.wording import readable_runs, word_diff
from workshop.protocol.model import RatingScale, VoteOption
from workshop.session.kinds import EntryKind
from workshop.session.model import Action, Entry

Options = tuple[VoteOption, ...]
"""The options a session counts against, in order (`Session.options`): a consultation's vote
options, or an assessment's scale points."""


def counts_text(counts: dict[str, int], options: Options) -> str:
    """`7 · 3 · 2`, in vote-option order."""
    return " · ".join(f"{counts.get(o.id, 0):>2}" for o in options)


def commitment_header(options: Options) -> Text:
    """The heading of `commitment_row`'s columns: each count under its option's key (the key
    that adds to it), `c` over the comments and `w` over the proposed wordings."""
    keys = " · ".join(f"{o.key:>2}" for o in options)
    return Text(f"{keys}  c  w Commitment")


def over_mark(total: int, participants: int | None) -> Text:
    """`⚠13/12 `: more votes than people, marked in words as well as colour ("" when not)."""
    if participants is None or total <= participants:
        return Text("")
    return Text(f"⚠{total}/{participants} ", style="bold red")


def commitment_row(number: int, text: str, counts: dict[str, int], comments: int, wordings: int,
                   options: Options, participants: int | None = None) -> Table:
    """`7 ·  3 ·  2  2c 1w  3. Ensure that ...`: counts first so they line up; text wraps under
    itself. A total above the head count starts the text with `over_mark`."""
    voted = any(counts.values())
    notes = Text()
    notes.append(f"{comments}c" if comments else "  ", style="bold cyan")
    notes.append(f" {wordings}w" if wordings else "   ", style="bold magenta")
    grid = Table.grid(padding=(0, 1), expand=True)
    grid.add_column(no_wrap=True)
    grid.add_column(no_wrap=True)
    grid.add_column(ratio=1)
    grid.add_row(Text(counts_text(counts, options), style="bold" if voted else "dim"), notes,
                 Text.assemble(over_mark(sum(counts.values()), participants),
                               (f"{number}. ", "dim"), text))
    return grid


def vote_bars(counts: dict[str, int], options: Options, participants: int | None,
              colours: Colours, verb: str = "voted") -> RenderableType:
    """One bar per option, scaled to the head count (or to the total when none is given), in
    `colours` (option id → colour: the theme's, tui/tones.py)."""
    total = sum(counts.values())
    scale = max(total, participants or 0, 1)
    grid = Table.grid(padding=(0, 1), expand=True)
    grid.add_column(no_wrap=True)
    grid.add_column(ratio=1)
    grid.add_column(no_wrap=True, justify="right")
    for option in options:
        n = counts.get(option.id, 0)
        share = f"{percent(n, total)}%" if total else "-"
        grid.add_row(Text.assemble((f"[{option.key}] ", "dim"), option.label),
                     Bar(scale, 0, n, color=colours[option.id], bgcolor="grey23"),
                     Text(f"{n:>3} {share:>4}", style="bold" if n else "dim"))
    return Group(grid, head_count(total, participants, verb))


def head_count(total: int, participants: int | None, verb: str = "voted") -> Text:
    """`7 of 12 voted` (`rated` in an assessment), flagged when more than the head count."""
    if participants is None:
        noun = "votes" if verb == "voted" else "ratings"
        return Text(f"{total} {noun} (head count not given)", style="dim")
    if total > participants:
        return Text(f"{total} of {participants} {verb}: more than the head count",
                    style="bold reverse red")
    return Text(f"{total} of {participants} {verb}",
                style="bold" if total == participants else "")


def rating_header(options: Options) -> Text:
    """The heading of `rating_row`'s columns: each point's count under its key, the mean, `e`
    over the evidence notes and `a` over the agreed actions."""
    keys = " ".join(f"{o.key:>2}" for o in options)
    return Text(f"{keys} mean  e  a Commitment")


NEEDS_ACTION = "⚑ needs action"
"""How a commitment rated low with no action agreed is marked (in words as well as colour)."""


def rating_row(number: int, text: str, spread: Spread, evidence: int, actions: int,
               needs_action: bool, participants: int | None = None) -> Table:
    """` 0  1  4  5  2  3.6 2e 1a  3. Ensure that ...`: the room's count per point, the mean
    to one decimal, the notes, then the text, started by `NEEDS_ACTION` when rated low with
    no action agreed (and by `over_mark` when more rated than the head count)."""
    counts = " ".join(f"{n:>2}" for n in spread.counts.values())
    notes = Text()
    notes.append(f"{evidence}e" if evidence else "  ", style="bold cyan")
    notes.append(f" {actions}a" if actions else "   ", style="bold magenta")
    flag = Text(f"{NEEDS_ACTION} ", style="bold red") if needs_action else Text("")
    grid = Table.grid(padding=(0, 1), expand=True)
    grid.add_column(no_wrap=True)
    grid.add_column(no_wrap=True, width=4, justify="right")
    grid.add_column(no_wrap=True)
    grid.add_column(ratio=1)
    grid.add_row(Text(counts, style="bold" if spread.n else "dim"),
                 Text(spread.mean_text or "-", style="bold" if spread.n else "dim"), notes,
                 Text.assemble(over_mark(spread.n, participants), flag, (f"{number}. ", "dim"),
                               text))
    return grid


def rating_summary(spread: Spread, scale: RatingScale, low: bool, actions: int,
                   sep: str = "\n") -> Text:
    """`Mean 3.2 of 5 · ratings 2–5, sd 1.1`, then (after `sep`) what a low rating asks for."""
    if not spread.n:
        return Text(f"Not rated yet: keys {scale.lowest}–{scale.highest} add a rating "
                    "(shift takes one away).", style="dim")
    out = Text.assemble(("Mean ", "dim"), (spread.mean_text, "bold"),
                        (f" of {scale.highest} · {spread.spread_text}", "dim"))
    if low and not actions:
        out.append(f"{sep}{NEEDS_ACTION}: rated low (mean {scale.low} or below); a agrees one.",
                   style="bold red")
    elif low:
        plural = "" if actions == 1 else "s"
        out.append(f"{sep}Rated low: {actions} action{plural} agreed.", style="bold")
    return out


def action_prompt(action: Action) -> Text:
    """An agreed action in a list: who and by when, then what."""
    owner = action.owner or "no owner yet"
    head = Text(f"Action · {owner} · {due_phrase(action.due)}"
                + (" · edited" if action.edited else ""),
                style="dim")
    shown, left_out = preview(action.text)
    body = Text.assemble(Text(shown), "\n", more_note(left_out)) if left_out else Text(shown)
    return Text.assemble(head, "\n", body)


Colours = dict[str, Color | str]
"""option id → the colour its bars are drawn in."""

FALLBACK_TONE_COLOURS = {"support": "green", "qualified": "yellow", "alternative": "blue",
                         "neutral": "magenta", "oppose": "red"}
"""Colours by meaning for a renderable drawn outside a themed screen."""


def fallback_colours(tones: dict[str, str]) -> Colours:
    """option id → the fallback colour of its tone (`Session.tones`, `Protocol.tones`)."""
    return {o: FALLBACK_TONE_COLOURS[tone] for o, tone in tones.items()}


DIFF_MARKS = {"removed": ("[-", "-]"), "added": ("{+", "+}")}
"""How removed and added words are marked, as `wdiff` does: the diff reads without colour or
strike-through (a projector, a monochrome terminal, a screen reader)."""


def diff_text(original: str, proposed: str) -> Text:
    """A proposed wording against the published text: removed words `[-struck-]`, added ones
    `{+underlined+}`, with a space kept between a removed and an added run."""
    return runs_text(word_diff(original, proposed))


def runs_text(runs) -> Text:
    """Word-diff runs (wording.word_diff, or an AmendmentGroup's `diff`) as `diff_text` shows
    them."""
    out = Text()
    for kind, run in readable_runs(list(runs)):
        if kind == "same":
            out.append(run)
            continue
        lead = run[:len(run) - len(run.lstrip())]
        trail = run[len(run.rstrip()):]
        opening, closing = DIFF_MARKS[kind]
        out.append(lead)
        out.append(opening, style="dim")
        out.append(run.strip(), style="strike red" if kind == "removed" else "underline bold green")
        out.append(closing, style="dim")
        out.append(trail)
    return out


def proposal_text(original: str, proposed: str) -> Text:
    """A proposed wording as a diff against the published text, then the wording plainly."""
    return Text.assemble(diff_text(original, proposed), "\n",
                         Text("Proposed: ", style="dim italic"), Text(proposed))


PREVIEW_CHARS = 500
"""Most characters of one entry a list shows."""
PREVIEW_LINES = 8
"""Most lines of one entry a list shows."""


def preview(text: str, chars: int = PREVIEW_CHARS, lines: int = PREVIEW_LINES) -> tuple[str, int]:
    """The start of `text` a list shows, and how many characters are left out (0: all of it).
    Cheap however long the text is: only the start is looked at."""
    if len(text) <= chars and text.count("\n") < lines:
        return text, 0
    shown = text[:chars]
    cut = -1
    for _ in range(lines):
        cut = shown.find("\n", cut + 1)
        if cut == -1:
            break
    if cut != -1:
        shown = shown[:cut]
    rest = text[len(shown):len(shown) + chars + 1]
    if len(rest) <= chars and not rest.strip():  # only trailing blank lines: nothing to read
        return text, 0
    return shown, len(text) - len(shown)


def more_note(left_out: int) -> Text:
    """What a clipped entry ends with."""
    plural = "" if left_out == 1 else "s"
    return Text(f"… ({left_out:,} more character{plural}: enter to read it all)",
                style="dim italic")


def entry_body(text: str, original: str = "") -> Text:
    """An entry's text for a list: a proposed wording against the published text (`original`),
    anything else as typed; clipped to a preview when long (no word diff then: a diff of a cut
    text would strike the words after the cut)."""
    shown, left_out = preview(text)
    if not left_out:
        return proposal_text(original, text) if original else Text(text)
    return Text.assemble(Text(shown), "\n", more_note(left_out))


def entry_prompt(kind: str, entry: Entry, original: str = "", label: str = "") -> Text:
    """How a comment, proposed wording or answer appears in a list (headed `label`, by default
    its kind's heading: an assessment calls its comments `Evidence`)."""
    label = label or EntryKind(kind).heading
    stamp = entry.created.astimezone().strftime("%H:%M")
    head = Text(f"{label} · {stamp}" + (" · edited" if entry.edited else ""), style="dim")
    body = entry_body(entry.text, original if kind == "amendments" else "")
    return Text.assemble(head, "\n", body)


def question_text(question) -> Text:
    """A consultation question in bold, with its guidance in italics below."""
    text = Text()
    text.append(question.text, style="bold")
    if question.guidance:
        text.append("\n\n")
        text.append(question.guidance, style="italic")
    return text
