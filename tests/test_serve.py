"""`workshop serve` end to end: the real command on a free loopback port, fetched over HTTP
while the session file changes (written by the real session writer), the page loading nothing
from outside, the warning beyond loopback, and bad input as a message with exit status 2."""

from __future__ import annotations

import json
import os
import queue
import re
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from datetime import date, datetime, timezone
from pathlib import Path

import pytest

from helpers import REPO
from workshop.session.model import Session
from workshop.session.projector_state import ProjectorState, state_path, write_state
from workshop.session.store import SessionStore

STEP = "principle:achieve-intended-outcomes"
WHEN = datetime(2026, 11, 22, 10, 0, tzinfo=timezone.utc)
HOSTILE_GROUP = "<script>alert('x')</script> [bold]Board[/bold] 🎉"


class Served:
    """`workshop serve ... --port 0` running; `url` is where it listens, `lines` what it has
    printed so far (read by a thread, so nothing is lost to buffering)."""

    def __init__(self, args: list[str], cwd: Path) -> None:
        env = {**os.environ, "PYTHONIOENCODING": "utf-8", "PYTHONUNBUFFERED": "1"}
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "workshop", "--protocol", str(REPO / "protocol.toml"),
             "serve", "--port", "0", *args], cwd=cwd, env=env, stdout=subprocess.PIPE,
            stderr=subprocess.PIPE, text=True)
        self.lines: queue.Queue[str] = queue.Queue()
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()
        try:
            self.first_line = self.lines.get(timeout=10)
        except queue.Empty:
            pytest.fail(f"workshop serve said nothing: {self.stop()}")
        found = re.search(r"http://\S+/", self.first_line)
        assert found, self.first_line + self.stop()
        self.url = found.group(0)

    def _read(self) -> None:
        for line in self.proc.stdout:
            self.lines.put(line)

    @property
    def rest(self) -> str:
        """What it printed after the first line, so far."""
        out = []
        while not self.lines.empty():
            out.append(self.lines.get())
        return "".join(out)

    def get(self, path: str = "", headers: dict | None = None) -> tuple[int, dict, bytes]:
        request = urllib.request.Request(self.url + path, headers=headers or {})
        try:
            with urllib.request.urlopen(request, timeout=5) as answer:
                return answer.status, dict(answer.headers), answer.read()
        except urllib.error.HTTPError as exc:
            return exc.code, dict(exc.headers), exc.read()

    def state(self) -> dict:
        status, headers, body = self.get("state.json")
        assert status == 200 and headers["Content-Type"].startswith("application/json")
        return json.loads(body)

    def stop(self) -> str:
        """Stop it; what it wrote on standard error."""
        if self.proc.poll() is None:
            self.proc.terminate()
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        self.reader.join(5)
        return self.proc.stderr.read()


@pytest.fixture
def serve(tmp_path):
    started: list[Served] = []

    def start(*args: str) -> Served:
        served = Served(list(args), tmp_path)
        started.append(served)
        return served

    yield start
    for served in started:
        served.stop()


def session_file(protocol, folder: Path, group: str = "Manchester Partnership Board") -> tuple[
        Session, Path]:
    session = Session.new(protocol, group=group, facilitator="Tonya Meers", on=date(2026, 11, 22),
                          participants=12, clock=lambda: WHEN)
    session.set_votes("share-resources", {"agree": 7, "amend": 3, "disagree": 2})
    session.set_step(STEP)
    return session, SessionStore(folder, protocol).create(session)


def wait_for(check, seconds: float):
    """Poll `check()` until it returns something true; that value and how long it took."""
    start = time.monotonic()
    while True:
        value = check()
        if value or time.monotonic() - start > seconds:
            return value, time.monotonic() - start
        time.sleep(0.05)


def counts(state: dict) -> list[int] | None:
    votes = state["view"]["votes"]
    return None if votes is None else [bar["count"] for bar in votes["bars"]]


def test_serve_follows_the_session_file_as_it_is_saved(protocol, tmp_path, serve):
    session, path = session_file(protocol, tmp_path / "sessions")
    served = serve(str(path))
    assert path.name in served.first_line and served.url.startswith("http://127.0.0.1:")
    status, headers, page = served.get()
    assert status == 200 and headers["Content-Type"].startswith("text/html")
    assert b'src="projector.js"' in page and b'href="projector.css"' in page
    state = served.state()
    assert state["view"]["text"] == protocol.commitment("share-resources").text
    assert counts(state) == [7, 3, 2]
    assert state["view"]["votes"]["summary"] == "12 of 12 voted"

    session.set_votes("share-resources", {"agree": 9, "amend": 2, "disagree": 1})
    SessionStore(tmp_path / "sessions", protocol).save(session, path)  # the real writer
    seen, took = wait_for(lambda: counts(served.state()) == [9, 2, 1], 5)
    assert seen and took < 1.0, f"the change showed after {took:.2f} s"

    write_state(path, ProjectorState(blanked=True, step=STEP, item="monitor-resources"))
    seen, took = wait_for(lambda: served.state()["view"]["blanked"], 5)
    assert seen and took < 1.0
    _, _, body = served.get("state.json")
    state = json.loads(body)
    assert state["view"]["text"] == protocol.commitment("monitor-resources").text
    assert state["view"]["votes"] is None and b'"count"' not in body
    assert "hidden" in state["view"]["note"]

    session.set_step("questions")
    SessionStore(tmp_path / "sessions", protocol).save(session, path)
    seen, _ = wait_for(lambda: served.state()["view"]["kind"] == "questions", 5)
    assert seen


def test_serve_writes_nothing_and_takes_no_lock(protocol, tmp_path, serve):
    folder = tmp_path / "sessions"
    _, path = session_file(protocol, folder)
    before = {p.name: p.read_bytes() for p in folder.iterdir()}
    served = serve(str(path))
    for _ in range(3):
        served.state()
    assert {p.name: p.read_bytes() for p in folder.iterdir()} == before
    assert not state_path(path).exists() and not path.with_name(path.name + ".lock").exists()


def test_without_a_file_serve_follows_the_newest_session(protocol, tmp_path, serve):
    served = serve("--sessions", "sessions")
    assert "most recently changed session" in served.first_line
    state = served.state()
    assert state["view"] is None and "No session yet in" in state["waiting"]
    session_file(protocol, tmp_path / "sessions", group=HOSTILE_GROUP)
    seen, _ = wait_for(lambda: served.state()["view"], 5)
    assert seen and seen["group"] == HOSTILE_GROUP, "user text is data, as typed"


EXTERNAL = re.compile(r"""(?:[a-z][a-z0-9+.-]*:)?//[^\s"'()<>]+""", re.I)
"""Anything that could name another host: scheme://host, or a protocol-relative //host."""


def test_the_page_references_no_external_host(protocol, tmp_path, serve):
    """It must work with no internet: no font, script, style or image from anywhere else, and a
    Content-Security-Policy that would refuse one anyway."""
    _, path = session_file(protocol, tmp_path / "sessions")
    served = serve(str(path))
    own = served.url.rstrip("/")
    for name in ("", "projector.css", "projector.js"):
        status, headers, body = served.get(name)
        assert status == 200, name
        text = body.decode("utf-8")
        foreign = [m for m in EXTERNAL.findall(text) if not m.startswith(own)]
        assert not foreign, f"{name or 'the page'} refers to {foreign}"
        for word in ("@import", "url(", "fonts.googleapis", "cdn", "preconnect"):
            assert word not in text.lower(), (name, word)
        policy = headers["Content-Security-Policy"]
        assert "default-src 'none'" in policy and "script-src 'self'" in policy
        assert headers["Cache-Control"] == "no-store"
    _, _, js = served.get("projector.js")
    assert b"innerHTML" not in js and b"textContent" in js, "session text goes in as text"


def test_the_page_asks_for_the_frame_twice_a_second():
    """So a save shows within a second: the server answers from the file at once, and the
    page asks every 500 ms (the end-to-end test above times the server's part)."""
    from workshop.projector.server import page_file

    js = page_file("projector.js").decode("utf-8")
    assert int(re.search(r"POLL_MS = (\d+);", js).group(1)) <= 500
    assert 'fetch("state.json"' in js and "setTimeout(poll, POLL_MS)" in js


def test_the_check_for_external_hosts_can_fail():
    page = '<link href="https://fonts.googleapis.com/css"><img src="//cdn.example/x.png">'
    assert EXTERNAL.findall(page) == ["https://fonts.googleapis.com/css", "//cdn.example/x.png"]


def test_only_the_page_and_its_state_are_served(protocol, tmp_path, serve):
    _, path = session_file(protocol, tmp_path / "sessions")
    served = serve(str(path), "--theme", "high-contrast")
    assert b'data-theme="high-contrast"' in served.get()[2]
    assert served.get("../" + path.name)[0] == 404
    assert served.get("sessions/" + path.name)[0] == 404
    post = urllib.request.Request(served.url + "state.json", data=b"{}", method="POST")
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(post, timeout=5)
    assert refused.value.code == 501
    port = served.url.rsplit(":", 1)[1].rstrip("/")
    assert served.get("state.json", {"Host": f"localhost:{port}"})[0] == 200
    assert served.get("state.json", {"Host": f"evil.example:{port}"})[0] == 421, \
        "a page elsewhere must not read the room through DNS rebinding"
    assert served.stop() == "", "quiet: no log line per request, no warning on loopback"


def test_binding_beyond_loopback_warns(protocol, tmp_path, serve):
    _, path = session_file(protocol, tmp_path / "sessions")
    served = serve(str(path), "--host", "0.0.0.0")
    assert served.url.startswith("http://0.0.0.0:")
    host = "127.0.0.1:" + served.url.rsplit(":", 1)[1].rstrip("/")
    assert served.get("state.json", {"Host": host})[0] == 200
    err = served.stop()
    assert "WARNING" in err and "anyone" in err and "network" in err
    assert "THIS-MACHINE'S-ADDRESS" in served.rest, "how to reach it from elsewhere"


def run_serve(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "workshop", "--protocol",
                           str(REPO / "protocol.toml"), "serve", *args], cwd=cwd,
                          capture_output=True, text=True, timeout=30)


@pytest.mark.parametrize("content", [None, "format = [", 'format = "workshop-session"\n', ""])
def test_a_missing_or_bad_file_is_exit_2_with_a_message(tmp_path, content):
    path = tmp_path / "session.toml"
    if content is not None:
        path.write_text(content, encoding="utf-8")
    result = run_serve(str(path), "--port", "0", cwd=tmp_path)
    assert result.returncode == 2
    assert "session.toml" in result.stderr and "Traceback" not in result.stderr
    assert result.stdout == ""


def test_a_port_in_use_or_out_of_range_is_exit_2(protocol, tmp_path, serve):
    _, path = session_file(protocol, tmp_path / "sessions")
    port = serve(str(path)).url.rsplit(":", 1)[1].rstrip("/")
    result = run_serve(str(path), "--port", port, cwd=tmp_path)
    assert result.returncode == 2 and f"cannot serve on 127.0.0.1:{port}" in result.stderr
    assert "Traceback" not in result.stderr
    result = run_serve(str(path), "--port", "70000", cwd=tmp_path)
    assert result.returncode == 2 and "65535" in result.stderr


def test_the_follow_command_refuses_a_bad_file_before_any_screen(tmp_path):
    path = tmp_path / "session.toml"
    result = subprocess.run([sys.executable, "-m", "workshop", "follow", str(path)],
                            cwd=tmp_path, capture_output=True, text=True, timeout=30)
    assert result.returncode == 2 and "session.toml" in result.stderr
    assert "Traceback" not in result.stderr and "\x1b[" not in result.stdout


def chromium() -> str | None:
    import shutil

    return next((found for name in ("chromium", "chromium-browser", "google-chrome")
                 if (found := shutil.which(name))), None)


def rendered(url: str, folder: Path) -> str:
    """The page's DOM after its script has run for a few (virtual) seconds in Chromium."""
    result = subprocess.run(
        [chromium(), "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
         f"--user-data-dir={folder / 'chromium-profile'}", "--window-size=1280,720",
         "--virtual-time-budget=3000", "--dump-dom", url],
        capture_output=True, text=True, timeout=120)
    return result.stdout


@pytest.mark.skipif(chromium() is None, reason="needs Chromium (headless) to run the page")
def test_the_page_draws_the_frame_in_a_browser(protocol, tmp_path, serve):
    """The script really draws: the commitment, each option's label, count and share, the head
    count; the group's markup-like name as text; the note, not the counts, once blanked."""
    _, path = session_file(protocol, tmp_path / "sessions", group=HOSTILE_GROUP)
    served = serve(str(path))
    dom = rendered(served.url, tmp_path)
    assert protocol.commitment("share-resources").text in dom
    for piece in ('<span class="label">Agree if amended</span>', '<span class="count">7</span>',
                  '<span class="share">58%</span>', "12 of 12 voted", "width: 58%"):
        assert piece in dom, piece
    assert "&lt;script&gt;alert('x')&lt;/script&gt; [bold]Board[/bold] 🎉" in dom
    assert "<script>alert" not in dom
    write_state(path, ProjectorState(blanked=True, step=STEP, item="share-resources"))
    dom = rendered(served.url, tmp_path)
    assert "Counts hidden until the facilitator shows them" in dom
    assert '<span class="count">' not in dom and "12 of 12 voted" not in dom


BAD_FILES = sorted((REPO / "tests" / "data" / "bad").glob("[sm]-*.toml"))
"""The bad-input corpus's broken session files, and merged files (which are no session)."""


@pytest.mark.parametrize("command", ["serve", "follow"])
@pytest.mark.parametrize("bad", BAD_FILES, ids=[p.name for p in BAD_FILES])
def test_every_bad_file_of_the_corpus_is_refused(command, bad, capsys):
    """Refused before anything listens or any screen opens (so in-process is safe: nothing
    would return if it were not)."""
    from workshop.cli.main import main

    assert len(BAD_FILES) >= 20
    assert main(["--protocol", str(REPO / "protocol.toml"), command, str(bad),
                 *(["--port", "0"] if command == "serve" else [])]) == 2
    err = capsys.readouterr().err
    assert bad.name in err and "Traceback" not in err
