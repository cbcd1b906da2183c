"""The results view's Themes tab (5): every theme of the codebook with its counts, and the
highlighted one in detail.

On the left, each theme (a child indented under its parent) with its entries and workshops;
above, how many entries are tagged of how many, and the tab's keys. On the right the
highlighted theme: its description, the commitments and questions it is on with their counts,
and its quotes with their workshops (themes_render.py). Attributes down: the screen hands it
the report with `show`; the keys that change the codebook are the screen's
(screens/results_tagging.py), which asks `highlighted_theme` what they act on.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from workshop.consultation.findings import Findings
from workshop.consultation.report import Report, ThemeView
from workshop.tui.themes_render import no_themes, theme_detail, theme_row, themes_summary


class ThemesPane(Vertical):
    """The codebook over the whole result."""

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.report: Report | None = None
        self.views: list[ThemeView] = []
        """The themes as listed, in codebook order."""

    def compose(self) -> ComposeResult:
        yield Static(id="themes-summary")
        with Horizontal(classes="results-split"):
            yield OptionList(id="theme-list", markup=False)
            with VerticalScroll(id="theme-detail-pane", classes="results-detail"):
                yield Static(id="theme-detail")

    def show(self, report: Report, found: Findings, keep: str | None = None) -> None:
        """Lay out `report`'s themes; the highlight stays on the theme named `keep` (a renamed
        or merged theme's new name), else on the same place in the list."""
        self.report = report
        listing = self.query_one("#theme-list", OptionList)
        before = listing.highlighted
        names = [v.name for v in report.themes]
        self.views = list(report.themes)
        self.query_one("#themes-summary", Static).update(themes_summary(found, len(self.views)))
        if not self.views:
            listing.set_options([Option(no_themes(), disabled=True)])
            self.query_one("#theme-detail", Static).update("")
            return
        listing.set_options([Option(theme_row(v)) for v in self.views])
        if keep in names:
            listing.highlighted = names.index(keep)
        else:
            listing.highlighted = min(before or 0, len(names) - 1)
        self.show_detail()

    @property
    def highlighted_theme(self) -> str | None:
        index = self.query_one("#theme-list", OptionList).highlighted
        if index is None or not 0 <= index < len(self.views):
            return None
        return self.views[index].name

    def show_detail(self) -> None:
        name = self.highlighted_theme
        if name is None or self.report is None:
            return
        view = next(v for v in self.views if v.name == name)
        self.query_one("#theme-detail", Static).update(theme_detail(view, self.report))

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        if event.option_list.id == "theme-list":
            self.show_detail()
