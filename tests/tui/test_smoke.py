"""A first walk: new session, a vote, a comment, saved to disk and shown on screen."""

from __future__ import annotations

from tui_helpers import SIZE, details, make_app, saved, screen_text, settle


async def test_vote_and_comment_are_saved_and_shown(protocol, folder):
    app = make_app(protocol, folder, new_details=details())
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert "1/10 Introduction" in screen_text(app)
        await pilot.press("n", "a", "a", "m")
        await settle(pilot)
        assert saved(app).counts("share-resources") == {"agree": 2, "amend": 1, "disagree": 0}
        await pilot.press("c", *"[bold]loud[/bold]", "ctrl+s")
        await settle(pilot)
        assert saved(app).comments["share-resources"][0].text == "[bold]loud[/bold]"
        text = screen_text(app)
        assert "[bold]loud[/bold]" in text
        assert " 2 ·  1 ·  0" in text
