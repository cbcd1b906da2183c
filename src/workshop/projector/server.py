"""The projector's web server (`workshop serve`): one page, its style and script, and the frame.

Why the standard library and not textual-serve: the room needs a page, not a terminal. A plain
HTML page can set its type in proportion to the window, so the words fill a projector at any
resolution, and it needs nothing installed and nothing from the internet (textual-serve's page
loads a web font and runs a terminal emulator over a websocket per viewer; it also needs
aiohttp). The page (page/index.html, projector.css, projector.js) asks for `state.json` twice a
second and redraws when the frame's version changes; `ProjectorSource` answers from a stat of
the session file unless it changed, so viewers cost almost nothing.

What is served, and nothing else (any other path is 404, any other method 501):
- `/` the page (the theme chosen with --theme is set on it), `/projector.css`, `/projector.js`;
- `/state.json` the current `Frame` (projector/view.py); the counts are absent while blanked.

Every answer forbids caching and carries a Content-Security-Policy that lets the page load
only from this server, so even a mistake in the page could not reach outside. Bound to the
loopback address, the server answers only requests addressed to it by a loopback name (a web
page elsewhere cannot read the room's words through DNS rebinding). Nothing here imports Textual.
"""

from __future__ import annotations

import ipaddress
import json
import socket
import sys
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from importlib import resources
from urllib.parse import urlsplit

from workshop.errors import WorkshopError
from workshop.projector.source import ProjectorSource
from workshop.projector.themes import DEFAULT_THEME, THEMES

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8765

FILES = {
    "/": ("index.html", "text/html; charset=utf-8"),
    "/index.html": ("index.html", "text/html; charset=utf-8"),
    "/projector.css": ("projector.css", "text/css; charset=utf-8"),
    "/projector.js": ("projector.js", "text/javascript; charset=utf-8"),
}
"""The page's files, by the path they are served at."""

STATE_PATH = "/state.json"

SECURITY_HEADERS = {
    "Content-Security-Policy": "default-src 'none'; script-src 'self'; style-src 'self'; "
                               "connect-src 'self'; img-src 'self'; base-uri 'none'; "
                               "form-action 'none'; frame-ancestors 'none'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "Cache-Control": "no-store",
}

LOOPBACK_NAMES = ("localhost", "127.0.0.1", "[::1]")


def is_loopback(host: str) -> bool:
    """True only for an address that cannot be reached from another machine."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False  # a host name: it may well resolve to a network address


def page_file(name: str, theme: str = DEFAULT_THEME) -> bytes:
    """One of the page's files, as served (the page with its theme set)."""
    data = resources.files("workshop.projector").joinpath("page", name).read_bytes()
    if name == "index.html":
        if theme not in THEMES:
            raise ValueError(f"unknown theme {theme!r}")
        data = data.replace(b"__THEME__", theme.encode("ascii"))
    return data


class ProjectorServer(ThreadingHTTPServer):
    """Serves one `ProjectorSource` in one theme."""

    daemon_threads = True
    allow_reuse_address = True

    def __init__(self, source: ProjectorSource, host: str, port: int,
                 theme: str = DEFAULT_THEME) -> None:
        self.source = source
        self.pages = {path: (page_file(name, theme), kind) for path, (name, kind) in FILES.items()}
        if ":" in host.strip("[]"):
            self.address_family = socket.AF_INET6
        super().__init__((host.strip("[]"), port), ProjectorHandler)
        self.allowed_hosts: set[str] | None = None
        """The Host headers answered (loopback only); None: any (bound beyond loopback)."""
        if is_loopback(host):
            self.allowed_hosts = {f"{name}:{self.port}" for name in LOOPBACK_NAMES}

    @property
    def port(self) -> int:
        return self.server_address[1]

    @property
    def url(self) -> str:
        host = self.server_address[0]
        host = f"[{host}]" if ":" in host else host
        return f"http://{host}:{self.port}/"

    def handle_error(self, request, client_address) -> None:
        """A viewer that went away mid-answer is not an error worth a traceback."""
        if isinstance(sys.exc_info()[1], (ConnectionError, TimeoutError)):
            return
        super().handle_error(request, client_address)


class ProjectorHandler(BaseHTTPRequestHandler):
    """GET and HEAD of the page's files and the frame; nothing can be changed."""

    server: ProjectorServer
    server_version = "workshop-projector"
    sys_version = ""

    def do_GET(self) -> None:  # noqa: N802 (the name http.server looks for)
        self.answer(with_body=True)

    def do_HEAD(self) -> None:  # noqa: N802
        self.answer(with_body=False)

    def answer(self, with_body: bool) -> None:
        allowed = self.server.allowed_hosts
        if allowed is not None and self.headers.get("Host", "") not in allowed:
            self.send_bytes(421, b"This projector answers only at its own address.\n",
                            "text/plain; charset=utf-8", with_body)
            return
        path = urlsplit(self.path).path
        if path == STATE_PATH:
            frame = self.server.source.poll()
            body = json.dumps(frame.to_json(), ensure_ascii=False).encode("utf-8")
            self.send_bytes(200, body, "application/json; charset=utf-8", with_body)
        elif path in self.server.pages:
            body, kind = self.server.pages[path]
            self.send_bytes(200, body, kind, with_body)
        else:
            self.send_bytes(404, b"Not found.\n", "text/plain; charset=utf-8", with_body)

    def send_bytes(self, status: int, body: bytes, kind: str, with_body: bool) -> None:
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        for name, value in SECURITY_HEADERS.items():
            self.send_header(name, value)
        self.end_headers()
        if with_body:
            self.wfile.write(body)

    def log_message(self, format: str, *args) -> None:  # noqa: A002 (http.server's name)
        """Quiet: a page polling twice a second would fill the terminal."""


def make_server(source: ProjectorSource, host: str = DEFAULT_HOST, port: int = DEFAULT_PORT,
                theme: str = DEFAULT_THEME) -> ProjectorServer:
    """A server listening on host:port (port 0: a free one); WorkshopError if it cannot."""
    try:
        return ProjectorServer(source, host, port, theme)
    except (OSError, OverflowError) as exc:
        reason = getattr(exc, "strerror", None) or str(exc)
        raise WorkshopError(f"cannot serve on {host}:{port}: {reason} (choose another --port "
                            "or --host)") from None
