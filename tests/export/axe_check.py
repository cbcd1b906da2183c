"""Checking an HTML export in a real browser: axe-core's accessibility rules, and the page's
width, in headless Chromium.

`axe_violations(page)` copies the page, injects axe.min.js and a script that runs axe-core on
the document, and loads the copy in a frame of the width asked for (headless Chromium's window
is never narrower than 500 pixels; a frame can be 390) with `chromium --headless --dump-dom`.
The script sends the violations as JSON to the frame's parent, which writes them into a
`<pre id="axe-check-result">`, read back out of the dumped DOM. `page_width(page, width)` does
the same with a script that sends the document's widths: a test can say the page is never
wider than a phone.

`find_axe()` and `find_chromium()` say where the tools are (None when missing), so tests skip
with a clear reason: axe.min.js from $AXE_CORE_JS, /tmp/node_modules/axe-core/axe.min.js or
./node_modules/axe-core/axe.min.js (`cd /tmp && npm install axe-core`); Chromium from PATH.

Run by hand: `python tests/export/axe_check.py page.html [width]` prints both.
"""

from __future__ import annotations

import html
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

RESULT_ID = "axe-check-result"
AXE_PLACES = (Path("/tmp/node_modules/axe-core/axe.min.js"),
              Path("node_modules/axe-core/axe.min.js"))
CHROMIUMS = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")

AXE_SCRIPT = """
<script>
axe.run(document, {resultTypes: ['violations']}).then(function (r) {
  parent.postMessage(JSON.stringify(r.violations.map(function (v) {
    return {id: v.id, impact: v.impact, help: v.help,
            nodes: v.nodes.map(function (n) { return n.target.join(' '); })};
  })), '*');
}, function (e) {
  parent.postMessage(JSON.stringify({error: String(e)}), '*');
});
</script>
"""
"""In the page, after axe.min.js: axe-core's violations, sent to the frame's parent."""

WIDTH_SCRIPT = """
<script>
function where(e) {
  return e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') +
    (e.className && typeof e.className === 'string' ? '.' + e.className.split(' ').join('.') : '');
}
window.addEventListener('load', function () {
  var d = document.documentElement, wide = [], scrolling = [];
  document.querySelectorAll('body *').forEach(function (e) {
    if (e.closest('.scroll') && !e.classList.contains('scroll')) return;
    if (e.getBoundingClientRect().right > window.innerWidth + 0.5) wide.push(where(e));
  });
  document.querySelectorAll('.scroll').forEach(function (e) {
    if (e.scrollWidth > e.clientWidth) scrolling.push(e.getAttribute('aria-label'));
  });
  parent.postMessage(JSON.stringify({scrollWidth: d.scrollWidth, clientWidth: d.clientWidth,
    bodyScrollWidth: document.body.scrollWidth, innerWidth: window.innerWidth,
    wider: wide.slice(0, 20), scrolling: scrolling}), '*');
});
</script>
"""
"""In the page, loaded in a frame: its widths, sent to the frame's parent."""

FRAME_PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>width check</title></head>
<body style="margin:0">
<iframe title="page" src="page.html"
  style="border:0;width:%(width)dpx;height:%(height)dpx"></iframe>
<script>
window.addEventListener('message', function (e) {
  var out = document.createElement('pre');
  out.id = '%(id)s';
  out.textContent = e.data;
  document.body.appendChild(out);
});
</script>
</body></html>
"""
"""A frame exactly `width` pixels wide that writes down what its page sends: Chromium's
headless window is never narrower than 500 pixels, so the page is loaded in a frame (a frame's
width is its page's viewport), and a phone's 390 is a phone's 390."""


class CheckError(RuntimeError):
    """Chromium ran but the page did not report a result."""


def find_axe() -> Path | None:
    """axe.min.js: $AXE_CORE_JS, then /tmp/node_modules, then ./node_modules; None if none."""
    env = os.environ.get("AXE_CORE_JS")
    places = ([Path(env)] if env else []) + list(AXE_PLACES)
    return next((p.resolve() for p in places if p.is_file()), None)


def find_chromium() -> str | None:
    """The first Chromium (or Chrome) on PATH, or None."""
    return next((found for name in CHROMIUMS if (found := shutil.which(name))), None)


def _inject(page: str, script: str) -> str:
    """The page with `script` just before its closing </body> (or at its end)."""
    at = page.rfind("</body>")
    return page + script if at < 0 else page[:at] + script + page[at:]


def _run(page: Path | str, script: str, width: int, height: int, chromium: str) -> object:
    """Load the HTML file `page`, with `script` injected, in a frame `width` by `height`
    pixels in headless Chromium, and read back the JSON the script sends."""
    frame = FRAME_PAGE % {"width": width, "height": height, "id": RESULT_ID}
    with tempfile.TemporaryDirectory(prefix="axe-check-") as folder:
        path = Path(folder) / "page.html"
        path.write_text(_inject(Path(page).read_text(encoding="utf-8"), script),
                        encoding="utf-8")
        path = Path(folder) / "frame.html"
        path.write_text(frame, encoding="utf-8")
        profile = Path(folder) / "profile"
        window = f"--window-size={max(width, 500) + 100},{height + 100}"
        result = subprocess.run(
            [chromium, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
             "--hide-scrollbars", f"--user-data-dir={profile}", window,
             "--virtual-time-budget=10000", "--dump-dom", path.as_uri()],
            capture_output=True, text=True, timeout=120)
    found = re.search(rf'<pre id="{RESULT_ID}"[^>]*>(.*?)</pre>', result.stdout, re.S)
    if not found:
        raise CheckError(f"no result from Chromium (exit {result.returncode}): "
                         f"{result.stderr[-2000:]}")
    return json.loads(html.unescape(found.group(1)))


def axe_violations(page: Path | str, axe_js: Path | None = None, chromium: str | None = None,
                   width: int = 1280, height: int = 2000) -> list[dict]:
    """axe-core's violations on the HTML file `page`: each {id, impact, help, nodes}."""
    axe_js = axe_js or find_axe()
    chromium = chromium or find_chromium()
    if axe_js is None or chromium is None:
        raise CheckError("axe.min.js or Chromium is missing")
    script = f'<script src="{Path(axe_js).as_uri()}"></script>' + AXE_SCRIPT
    out = _run(page, script, width, height, chromium)
    if isinstance(out, dict):
        raise CheckError(f"axe-core failed: {out.get('error')}")
    return out


def page_width(page: Path | str, width: int, chromium: str | None = None,
               height: int = 2000) -> dict:
    """The page's widths in a window `width` pixels wide: scrollWidth (of the document and of
    the body), innerWidth and clientWidth; `wider`, the elements (outside a scroll box) that
    reach past the window's right edge; `scrolling`, the names of the scroll boxes whose table
    is wider than the box."""
    chromium = chromium or find_chromium()
    if chromium is None:
        raise CheckError("Chromium is missing")
    return _run(page, WIDTH_SCRIPT, width, height, chromium)


if __name__ == "__main__":
    target = Path(sys.argv[1])
    size = int(sys.argv[2]) if len(sys.argv) > 2 else 1280
    print(json.dumps(axe_violations(target, width=size), indent=1))
    print(page_width(target, size))
