"""The consultation questions: each with its guidance, and the answers recorded so far.

`r` or enter adds an answer to the highlighted question; `e`/`delete` edit or remove the
highlighted answer (tab moves between the questions and the answers); enter on an answer shows
all of it (a long one is clipped in the list).
"""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.widgets import OptionList, Static

from workshop.tui.render import question_text
from workshop.tui.screens.step import StepData, StepScreen
from workshop.tui.widgets.entry_list import EntryList


class QuestionsScreen(StepScreen):
    step_name = "questions"
    title_text = "Your thoughts"

    main_list_id = "questions"
    HELP_SECTION = "The questions"

    BINDINGS = [
        Binding("r", "answer", "Answer", tooltip="Record an answer to the highlighted question",
                priority=True),
        Binding("enter", "answer_or_read", "Answer",
                tooltip="Record an answer; on a highlighted answer, read all of it",
                show=False, priority=True),
        Binding("e", "edit_entry", "Edit", tooltip="Edit the highlighted answer", show=False,
                priority=True),
        Binding("delete", "delete_entry", "Remove",
                tooltip="Remove the highlighted answer (asks first)", show=False, priority=True),
    ]

    def __init__(self, data: StepData, **kwargs) -> None:
        super().__init__(data, **kwargs)
        self.budget_minutes = data.protocol.questions_minutes

    def body(self) -> ComposeResult:
        intro = self.protocol.questions_introduction
        if intro:
            yield Static(Text(intro, style="italic"), id="statement")
        with Vertical(id="split"):
            yield OptionList(id="questions")
            with VerticalScroll(id="detail"):
                yield Static(id="detail-text")
                yield EntryList("No answers yet: r or enter to record one.", id="entries")

    def on_mount(self) -> None:
        self.fill_main_list([(q.id, q.text) for q in self.protocol.questions])
        super().on_mount()

    @property
    def question(self):
        index = self.query_one("#questions", OptionList).highlighted or 0
        return self.protocol.questions[index]

    def selected_entry_id(self) -> str | None:
        return self.query_one("#entries", EntryList).highlighted_entry_id()

    def refresh_step(self) -> None:
        """Redraw the rows whose count of answers changed, and the detail."""
        answers = self.session.answers
        self.update_rows(self.query_one("#questions", OptionList), {
            index: (len(answers.get(q.id, [])),
                    lambda index=index, q=q: question_row(index, q, len(answers.get(q.id, []))))
            for index, q in enumerate(self.protocol.questions)})
        self.refresh_detail()

    def refresh_detail(self) -> None:
        """The highlighted question and its answers, each redrawn only if it changed."""
        q = self.question
        self.show_in("#detail-text", q.id, lambda: question_text(q))
        answers = [("answers", e) for e in self.session.answers.get(q.id, [])]
        key = (q.id, tuple(tuple(vars(e).values()) for _, e in answers))
        if self.drawn.get("entries") != key:
            self.drawn["entries"] = key
            self.query_one("#entries", EntryList).show(answers)

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        if event.option_list.id == "questions":
            self.refresh_detail()

    def action_answer_or_read(self) -> None:
        """Enter: read the highlighted answer when the answers have the focus, else answer (a
        priority binding, so the list never sees enter itself)."""
        entries = self.query_one("#entries", EntryList)
        if self.focused is entries:
            entries.read_highlighted()
        else:
            self.action_answer()

    def action_answer(self) -> None:
        if self.editing_allowed():
            q = self.question
            self.ask_text("answer", q.id, f"Answer: {q.text}")


def question_row(index: int, question, answers: int) -> Table:
    """` 2  Q3. What would help ...`: the number of answers, then the question."""
    row = Table.grid(padding=(0, 1), expand=True)
    row.add_column(no_wrap=True)
    row.add_column(ratio=1)
    row.add_row(Text(f"{answers:>2}", style="bold" if answers else "dim"),
                Text.assemble((f"Q{index + 1}. ", "dim"), question.text))
    return row
