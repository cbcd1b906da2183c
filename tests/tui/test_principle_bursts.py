"""Fast key bursts across steps: a real terminal hands the app a whole burst at once, and each
key must act on the step it was typed on (moving between steps is a priority app action)."""

from __future__ import annotations

from textual import events
from tui_helpers import SIZE, details, make_app, saved, settle


async def test_n_a_n_a_typed_at_once_votes_on_each_principle_in_turn(protocol, folder):
    """From the introduction, "n a n a a p d" in one burst: a vote on the first principle,
    two on the second, then back to the first for a disagree. No key is lost, none lands on
    the wrong step, and the app is still running (a highlight from a step already left once
    ended it)."""
    app = make_app(protocol, folder, new_details=details())
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        for key in ["n", "a", "n", "a", "a", "p", "d"]:
            app.post_message(events.Key(key, key))
        await settle(pilot)
        assert app.is_running
        on_disk = saved(app)
        assert on_disk.step == "principle:achieve-intended-outcomes"
        assert on_disk.counts("share-resources") == {"agree": 1, "amend": 0, "disagree": 1}
        assert on_disk.counts("long-and-short-term") == {"agree": 2, "amend": 0, "disagree": 0}
