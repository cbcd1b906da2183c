"""The terminal projector's high-contrast themes (`workshop follow --theme ...`).

Every colour is the foreground: the vote options' bars are then told apart by their pattern
(projector/view.py TONE_FILLS) and their labels alone, as on a monochrome screen. The bar's
track is a grey a shade off the background, so its full length still shows. `default` keeps
Textual's own dark theme, coloured by meaning (tui/tones.tcss).
"""

from __future__ import annotations

from textual.theme import Theme


def _mono(name: str, ink: str, paper: str, track: str, dark: bool) -> Theme:
    return Theme(name=name, primary=ink, secondary=ink, accent=ink, warning=ink, error=ink,
                 success=ink, foreground=ink, background=paper, surface=paper, panel=track,
                 boost=track, dark=dark, variables={"text-muted": ink})


TEXTUAL_THEMES: dict[str, Theme | None] = {
    "default": None,
    "high-contrast": _mono("workshop-high-contrast", "#ffffff", "#000000", "#303030", True),
    "high-contrast-light": _mono("workshop-high-contrast-light", "#000000", "#ffffff",
                                 "#d8d8d8", False),
}
"""`--theme` name (projector/themes.py THEMES) → the Textual theme; None: Textual's default."""
