"""Exports from the command palette: mid-session, and from the results view."""

from __future__ import annotations

from openpyxl import load_workbook
from results_fixture import merged_file
from tui_helpers import SIZE, details, make_app, settle


async def wait_for_export(app, pilot):
    for _ in range(100):
        await pilot.pause(0.05)
        if app.last_export is not None:
            break
    await settle(pilot)
    return app.last_export


async def test_export_mid_session_from_the_palette(protocol, folder, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # paths in messages are shown relative to the working folder
    app = make_app(protocol, folder, new_details=details())
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("n", "a", "a", "d", "c", *"<script>alert(1)</script>", "ctrl+s")
        await settle(pilot)
        await pilot.press("ctrl+p", *"Export: Markdown")
        await settle(pilot)
        await pilot.press("enter")
        target = await wait_for_export(app, pilot)
        assert target == app.path.with_suffix(".md")
        said = [n.message for n in app._notifications]
        assert any(m.endswith(f"written to sessions/{target.name}") for m in said), said
        text = target.read_text(encoding="utf-8")
        assert "still in progress" in text
        assert "No votes yet" in text  # what is missing is marked
        # the comment, inert: its tag escaped (a backslash only where it changes the rendering)
        assert "\\<script>" in text and "<script>" not in text.replace("\\<", "")
        assert "Share resources to achieve joint outcomes" in text


async def test_export_the_results_view_to_excel(protocol, tmp_path):
    path = merged_file(protocol, tmp_path)
    app = make_app(protocol, tmp_path / "sessions", results_path=path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p", *"Export: Excel")
        await settle(pilot)
        await pilot.press("enter")
        target = await wait_for_export(app, pilot)
    assert target == tmp_path / "merged.xlsx"
    book = load_workbook(target)
    assert book.sheetnames[0] == "Summary"  # the findings first
    assert {"Votes", "Comments", "Answers", "Sessions"} <= set(book.sheetnames)
    assert book["Sessions"].max_row == 6  # a header and the five workshops
