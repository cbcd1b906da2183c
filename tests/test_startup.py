"""Start-up stays light: `workshop open FILE` draws its first screen without importing what that
screen does not need (the exports, Word, Excel, charts, the results view, the report, the
analysis, the projector's server), and the command line imports only the command it runs.

Each check runs in a fresh Python, so what another test imported cannot hide an import."""

from __future__ import annotations

import subprocess
import sys
import textwrap

from workshop.protocol.load import bundled_protocol_path, load_protocol
from workshop.session.model import Session
from workshop.session.store import SessionStore

HEAVY = ("docx", "xlsxwriter", "openpyxl", "matplotlib", "sklearn", "http.server",
         "importlib.metadata", "workshop.export", "workshop.analysis", "workshop.projector.server",
         "workshop.tui.screens.results", "workshop.tui.screens.review",
         "workshop.consultation.report", "workshop.cli.merge", "workshop.cli.export",
         "workshop.tui.screens.start")
"""Modules (and their packages) the first screen of `workshop open` must not import."""

OPEN_HEADLESS = textwrap.dedent("""
    import sys
    from workshop.tui.app import WorkshopApp

    heavy = tuple(sys.argv[1].split(","))
    run = WorkshopApp.run

    def headless(app):
        async def first_screen(pilot):
            await pilot.pause()
            await app.settle()
            loaded = sorted(m for m in sys.modules
                            if any(m == h or m.startswith(h + ".") for h in heavy))
            print(type(app.screen).__name__, *loaded)
            app.exit()
        return run(app, headless=True, size=(100, 30), auto_pilot=first_screen)

    WorkshopApp.run = headless
    from workshop.cli.main import main
    sys.exit(main(sys.argv[2:]))
""")


def session_file(folder):
    protocol = load_protocol(bundled_protocol_path())
    return SessionStore(folder, protocol).create(Session.new(protocol, group="Light group"))


def run_python(code: str, *args: str, cwd) -> str:
    result = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True,
                            timeout=120, cwd=cwd)
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_workshop_open_draws_its_first_screen_without_the_heavy_modules(tmp_path):
    sessions = tmp_path / "sessions"
    path = session_file(sessions)
    (sessions / "broken.toml").write_text("not [ toml", encoding="utf-8")
    out = run_python(OPEN_HEADLESS, ",".join(HEAVY), "open", str(path), cwd=tmp_path)
    assert out.split() == ["IntroScreen"]  # the introduction, and nothing heavy loaded


def test_the_check_sees_a_heavy_module_when_one_is_imported(tmp_path):
    """The check above can fail: a module imported before the first screen is named."""
    sessions = tmp_path / "sessions"
    path = session_file(sessions)
    code = "import workshop.export.markdown\n" + OPEN_HEADLESS
    out = run_python(code, ",".join(HEAVY), "open", str(path), cwd=tmp_path)
    assert out.split()[0] == "IntroScreen" and "workshop.export.markdown" in out.split()


def test_the_command_line_imports_only_the_command_it_runs(tmp_path):
    code = textwrap.dedent("""
        import sys
        from workshop.cli.main import build_parser
        build_parser(["validate", "x"]).parse_args(["validate", "x"])
        print(*sorted(m for m in sys.modules if m.startswith("workshop.cli.")))
    """)
    assert run_python(code, cwd=tmp_path).split() == [
        "workshop.cli.main", "workshop.cli.options", "workshop.cli.validate"]
