"""Vote options' colours on screen, by meaning and from the theme.

A screen that draws votes declares `TONE_CLASSES` as component classes; tui/tones.tcss styles
them with theme variables (`$success` for support, `$warning` for qualified, `$error` for
oppose, ...), and `option_colours(screen, protocol)` reads them back as the colours the Rich
renderables draw with. So a theme change or a protocol with other option ids keeps the meaning.
"""

from __future__ import annotations

from rich.color import Color
from textual.dom import DOMNode

from workshop.protocol.model import TONES, Protocol

TONE_CLASSES = {f"tone--{tone}" for tone in TONES} | {"tone--empty"}
"""The component classes a screen that draws votes declares."""


def option_colours(node: DOMNode, protocol: Protocol) -> dict[str, Color]:
    """option id → its tone's colour on `node` (which declares TONE_CLASSES)."""
    out = {}
    for option_id, tone in protocol.tones.items():
        colour = node.get_component_rich_style(f"tone--{tone}").color
        out[option_id] = colour or Color.parse("default")
    return out


def empty_colour(node: DOMNode) -> Color:
    """The colour of an empty bar (nobody voted)."""
    return node.get_component_rich_style("tone--empty").color or Color.parse("grey35")
