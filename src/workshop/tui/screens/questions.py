"""The consultation questions: each with its guidance, and the answers recorded so far.

`r` or enter adds an answer to the highlighted question; `e`/`delete` edit or remove the
highlighted answer (tab moves between the questions and the answers).
"""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from workshop.tui.render import question_text
from workshop.tui.screens.step import StepScreen
from workshop.tui.widgets.entry_list import EntryList


class QuestionsScreen(StepScreen):
    step_name = "questions"
    title_text = "Your thoughts"

    main_list_id = "questions"

    BINDINGS = [
        Binding("r", "answer", "Answer", tooltip="Record an answer to the highlighted question",
                priority=True),
        Binding("enter", "answer", "Answer", show=False, priority=True),
        Binding("e", "app.edit_entry", "Edit", show=False, priority=True),
        Binding("delete", "app.delete_entry", "Remove", show=False, priority=True),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.budget_minutes = None

    def body(self) -> ComposeResult:
        intro = self.app.protocol.questions_introduction
        if intro:
            yield Static(Text(intro, style="italic"), id="statement")
        with Vertical(id="split"):
            yield OptionList(id="questions")
            with VerticalScroll(id="detail"):
                yield Static(id="detail-text")
                yield EntryList("No answers yet: r or enter to record one.", id="entries")

    def on_mount(self) -> None:
        self.budget_minutes = self.app.protocol.questions_minutes
        questions = self.query_one("#questions", OptionList)
        questions.set_options([Option(Text(q.text), id=q.id) for q in self.app.protocol.questions])
        questions.highlighted = 0
        questions.focus()
        super().on_mount()
        self.query_one("StepBar").budget_minutes = self.budget_minutes

    @property
    def question(self):
        index = self.query_one("#questions", OptionList).highlighted or 0
        return self.app.protocol.questions[index]

    def selected_entry_id(self) -> str | None:
        return self.query_one("#entries", EntryList).highlighted_entry_id()

    def refresh_step(self) -> None:
        session = self.app.session
        questions = self.query_one("#questions", OptionList)
        for index, q in enumerate(self.app.protocol.questions):
            n = len(session.answers.get(q.id, []))
            row = Table.grid(padding=(0, 1), expand=True)
            row.add_column(no_wrap=True)
            row.add_column(ratio=1)
            row.add_row(Text(f"{n:>2}", style="bold" if n else "dim"),
                        Text.assemble((f"Q{index + 1}. ", "dim"), q.text))
            questions.replace_option_prompt_at_index(index, row)
        self.refresh_detail()

    def refresh_detail(self) -> None:
        q = self.question
        self.query_one("#detail-text", Static).update(question_text(q))
        answers = [("answers", e) for e in self.app.session.answers.get(q.id, [])]
        self.query_one("#entries", EntryList).show(answers)

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        if event.option_list.id == "questions":
            self.refresh_detail()

    def action_answer(self) -> None:
        if self.editing_allowed():
            q = self.question
            self.app.ask_text("answer", q.id, f"Answer: {q.text}")
