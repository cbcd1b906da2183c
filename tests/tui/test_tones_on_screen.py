"""On screen, vote options take the theme's colours by what they mean: the first option the
theme's success colour, the last its error colour, whatever the options are called."""

from __future__ import annotations

from textual.color import Color
from tui_helpers import SIZE, make_app, make_session_file, settle

from helpers import renamed_protocol
from workshop.tui.screens.principle import PrincipleScreen
from workshop.tui.tones import option_colours


async def colours_on_a_principle(protocol, folder) -> tuple[list, object]:
    path = make_session_file(protocol, folder, changes=[
        lambda s: s.set_step(f"principle:{protocol.principles[0].id}")])
    app = make_app(protocol, folder, open_path=path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, PrincipleScreen)
        colours = option_colours(app.screen, protocol)
        theme = app.current_theme
        return [colours[o] for o in protocol.option_ids], theme


async def test_the_first_option_is_success_and_the_last_error(protocol, tmp_path):
    colours, theme = await colours_on_a_principle(protocol, tmp_path / "a")
    for colour, variable in zip(colours, (theme.success, theme.warning, theme.error), strict=True):
        expected = Color.parse(variable).rich_color.triplet
        # Textual blends a theme colour over the background: allow a step of rounding.
        assert all(abs(a - b) <= 2 for a, b in zip(colour.triplet, expected, strict=True))
    assert len({c.triplet for c in colours}) == 3


async def test_other_option_ids_keep_the_colours(protocol, tmp_path):
    shipped, _ = await colours_on_a_principle(protocol, tmp_path / "a")
    renamed = renamed_protocol(tmp_path)
    other, _ = await colours_on_a_principle(renamed, tmp_path / "b")
    assert [c.triplet for c in other] == [c.triplet for c in shipped]
