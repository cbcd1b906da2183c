"""Vote options are coloured by what they mean (the first supports, the last opposes), never by
their ids: a protocol whose options are called something else looks the same in the HTML."""

from __future__ import annotations

import re

from helpers import renamed_protocol
from workshop.consultation.records import Merged
from workshop.export import export_bytes
from workshop.protocol.model import option_tones
from workshop.session.model import Session


def test_tones_by_position():
    assert option_tones(("a", "b", "c")) == {"a": "support", "b": "qualified", "c": "oppose"}
    assert option_tones(("x", "y")) == {"x": "support", "y": "oppose"}
    assert option_tones(("only",)) == {"only": "support"}
    assert list(option_tones(tuple("abcde")).values()) == [
        "support", "qualified", "alternative", "neutral", "oppose"]


def fills(protocol) -> list[str]:
    session = Session.new(protocol, "Group")
    first = protocol.commitments[0].id
    session.set_votes(first, dict(zip(protocol.option_ids, (5, 3, 2), strict=True)))
    html = export_bytes(Merged.of_session(session, "s.toml"), protocol, "html").decode()
    # each bar segment is a span of its option's tone class; the style sheet colours the tone
    colour = dict(re.findall(r"\.tone-([a-z]+) \{ background-color: (#[0-9a-f]{6})", html))
    return [colour[tone] for tone in re.findall(r'<span class="seg tone-([a-z]+)"', html)]


def test_html_colours_follow_meaning_not_ids(protocol, tmp_path):
    renamed = renamed_protocol(tmp_path)
    assert renamed.option_ids == ("yes", "if-changed", "no")
    shipped = fills(protocol)
    assert shipped[:3] == ["#2e7d32", "#f2b705", "#c62828"]  # support, qualified, oppose
    assert fills(renamed) == shipped
