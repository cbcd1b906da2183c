"""The pieces of the terminal projector: one vote option's row (label, patterned bar, count in
large digits, share), kept apart from the screen so each draws itself from plain data."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.reactive import reactive
from textual.widget import Widget
from textual.widgets import Digits, Static

from workshop.projector.view import OptionBar


class PatternBar(Widget):
    """A bar `width` percent of the way along, drawn with its option's pattern character, so
    it reads without colour; the rest is the track (a shade off the background)."""

    width_percent: reactive[int] = reactive(0)
    fill: reactive[str] = reactive("█")

    def render(self) -> Text:
        cells = self.size.width
        filled = (cells * self.width_percent + 50) // 100
        if self.width_percent and not filled:
            filled = 1  # one vote shows, however small the share
        line = self.fill * filled + " " * (cells - filled)
        return Text("\n".join([line] * max(self.size.height, 1)))


class OptionRow(Horizontal):
    """One vote option: its label, its bar, its count (large) and its share of the votes."""

    def __init__(self, option_id: str, label: str, tone: str,
                 bar: OptionBar | None = None) -> None:
        super().__init__(id=f"option-{option_id}", classes="option-row")
        self.option_id = option_id
        self.label = label
        self.tone = tone
        self.bar = bar
        """The figures to show: drawn by `compose` for a row made with them (one mounted while
        a frame is laid out has no children yet to update)."""

    def compose(self) -> ComposeResult:
        bar = self.bar
        count = str(bar.count) if bar else "0"
        pattern = PatternBar(classes=f"option-bar tone--{self.tone}")
        if bar is not None:
            pattern.set_reactive(PatternBar.fill, bar.fill)
            pattern.set_reactive(PatternBar.width_percent, bar.width)
        yield Static(Text(self.label), classes="option-label")
        yield pattern
        yield Digits(count, classes="option-count")
        yield Static(Text(count), classes="option-small-count")  # one-line rows (a scale's)
        yield Static(Text(share_text(bar)), classes="option-share")

    def show(self, bar: OptionBar) -> None:
        self.bar = bar
        if not self.query(PatternBar):
            return  # not composed yet: compose draws `bar`
        pattern = self.query_one(PatternBar)
        pattern.fill = bar.fill
        pattern.width_percent = bar.width
        self.query_one(Digits).update(str(bar.count))
        self.query_one(".option-small-count", Static).update(Text(str(bar.count)))
        self.query_one(".option-share", Static).update(Text(share_text(bar)))


def share_text(bar: OptionBar | None) -> str:
    return "" if bar is None or bar.share is None else f"{bar.share}%"
