"""The projector's themes (`--theme` of `workshop serve` and `workshop follow`).

The web page styles each with its own CSS variables (page/projector.css, `data-theme`); the
terminal view with a Textual theme of its own (tui/projector/themes.py). In every theme each
vote option's bar has its own pattern and its label and count in words, so nothing depends on
telling colours apart. Nothing here imports Textual.
"""

from __future__ import annotations

THEMES: dict[str, str] = {
    "default": "dark text on white in a browser (the terminal's own dark theme in `follow`), "
               "each option in its colour and pattern",
    "high-contrast": "white on black, no colour: bars told apart by pattern and label",
    "high-contrast-light": "black on white, no colour: bars told apart by pattern and label",
}
"""Theme name → what it looks like (the --help text lists these)."""

DEFAULT_THEME = "default"


def theme_help() -> str:
    return "; ".join(f"{name}: {what}" for name, what in THEMES.items())
