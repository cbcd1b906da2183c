"""The command palette (ctrl+p): the long tail of what a facilitator can do, by screen.

One `Provider`, whose commands depend on where the palette was opened:
- with a session open: "Go to: <step>" for every step, and "Open another session";
- on the start screen: "Results of every session";
- on the results view: "Results: jump to <principle>";
- wherever there is something to export (a session, or the results on screen): "Export: ..."
  in every format and each CSV table, written beside the source file (results merged only in
  memory: `results-<today>` in the sessions folder), each saying where (app_exports.py);
- everywhere: "Keys".
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from textual.command import DiscoveryHit, Hit, Hits, Provider

from workshop.tui.app_results import is_results_view
from workshop.tui.start_listing import is_start_screen
from workshop.tui.steps import step_title

if TYPE_CHECKING:
    from workshop.tui.app import WorkshopApp


@dataclass(frozen=True)
class Command:
    """One line of the palette."""

    name: str
    help: str
    run: Callable[[], object]


def step_commands(app: WorkshopApp) -> Iterator[Command]:
    if app.live is None:
        return
    for step in app.live.session.steps():
        title = step_title(app.protocol, step)
        yield Command(f"Go to: {title}", f"Jump to the {title} step",
                      lambda step=step: app.show_step(step))
    yield Command("Open another session", "Back to the list of sessions", app.action_open_another)


def results_commands(app: WorkshopApp, screen) -> Iterator[Command]:
    if is_results_view(screen):
        for p in app.protocol.principles:
            yield Command(f"Results: jump to {p.title}", "Show this principle's commitments",
                          lambda p=p: screen.jump_to_principle(p.id))
    elif is_start_screen(screen) and app.live is None:
        yield Command("Results of every session",
                      "Merge the sessions folder in memory and show the results",
                      app.action_folder_results)


def export_commands(app: WorkshopApp, screen) -> Iterator[Command]:
    # The export formats are imported when the palette first lists them, not at start-up.
    from workshop.tui.app_exports import (
        CHOICES,
        choice_label,
        export_source,
        export_target,
        start_export,
        today_of,
        where_written,
    )

    source = export_source(screen, app.live)
    if source is None:
        return
    path = source[1]

    def export(fmt: str, table: str) -> None:
        chosen = export_source(screen, app.live)  # the data as it is when the command is chosen
        if chosen is not None:
            start_export(app, chosen, app.protocol, fmt, table)

    today = today_of(app)
    for fmt, table in CHOICES:
        target = export_target(path, fmt, table, today)
        yield Command(f"Export: {choice_label(fmt, table)}", where_written(path, target),
                      lambda fmt=fmt, table=table: export(fmt, table))


def commands_for(app: WorkshopApp, screen) -> list[Command]:
    """Every command that applies on `screen`, in the order the palette lists them."""
    return [*step_commands(app), *results_commands(app, screen), *export_commands(app, screen),
            Command("Keys", "Show every key of this screen", app.action_help)]


class WorkshopCommands(Provider):
    """The app's commands; Textual's own (theme, quit, screenshot) come from its provider."""

    async def discover(self) -> Hits:
        for command in commands_for(self.app, self.screen):
            yield DiscoveryHit(command.name, command.run, help=command.help)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for command in commands_for(self.app, self.screen):
            if (score := matcher.match(command.name)) > 0:
                yield Hit(score, matcher.highlight(command.name), command.run, text=command.name,
                          help=command.help)
