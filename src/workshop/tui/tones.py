"""Vote options' colours on screen, by meaning and from the theme.

A screen that draws votes declares `TONE_CLASSES` as component classes; tui/tones.tcss styles
them with theme variables (`$success` for support, `$warning` for qualified, `$error` for
oppose, ...), and `option_colours(screen, session)` reads them back as the colours the Rich
renderables draw with. So a theme change or a protocol with other option ids keeps the meaning,
and an assessment's scale points (highest `support`, lowest `oppose`: RatingScale.tones) are
coloured as votes are.
"""

from __future__ import annotations

from rich.color import Color
from textual.dom import DOMNode

from workshop.protocol.model import TONES

TONE_CLASSES = {f"tone--{tone}" for tone in TONES} | {"tone--empty"}
"""The component classes a screen that draws votes declares."""


def option_colours(node: DOMNode, source: object) -> dict[str, Color]:
    """option id → its tone's colour on `node` (which declares TONE_CLASSES). `source` is what
    says each option's tone: a session (`Session.tones`: its scale in an assessment), a report,
    a protocol, or the option id → tone mapping itself."""
    tones: dict[str, str] = source if isinstance(source, dict) else source.tones  # type: ignore
    out = {}
    for option_id, tone in tones.items():
        colour = node.get_component_rich_style(f"tone--{tone}").color
        out[option_id] = colour or Color.parse("default")
    return out


def empty_colour(node: DOMNode) -> Color:
    """The colour of an empty bar (nobody voted)."""
    return node.get_component_rich_style("tone--empty").color or Color.parse("grey35")
