#!/usr/bin/python3
"""check_html.py - load an HTML report in headless Chromium, the way a
person opens it, and report what went wrong.

Usage: check_html.py PAGE.html SCREENSHOT.png DOM.html [EXPRESSION...]

Chromium is driven through the DevTools protocol over a pipe
(--remote-debugging-pipe: fd 3 in, fd 4 out, messages ended by NUL), so
nothing but Debian's chromium and python3 is needed and no port is opened.
After the page has loaded:

  - every console message, uncaught exception, browser log entry of level
    warning or error (Content-Security-Policy violations, blocked loads)
    and JavaScript dialog (alert, confirm, prompt: a dialog is
    answered at once so that the page goes on) is a problem;
  - the page is saved as a full-page PNG and its DOM as HTML;
  - each EXPRESSION is evaluated in the page, in order, and its value is
    printed as one line of JSON (so a test can click and read the result).

Exit status: 0 when there was no problem, 1 when there was (each is
printed on stderr), 2 when Chromium could not be run.
"""
import base64
import fcntl
import json
import os
import select
import shutil
import sys
import tempfile
import time

TIMEOUT = 60   # seconds for the whole check


class Browser:
    """A headless Chromium and the pipe to its DevTools endpoint."""

    def __init__(self, profile_dir, log):
        exe = shutil.which("chromium")
        if not exe:
            raise OSError("chromium is not installed")
        # Numbers from 10 up, out of the way of the 3 and 4 the child gets.
        to_chrome_r, self.w, self.r, from_chrome_w = [high_fd(fd) for fd in os.pipe() + os.pipe()]
        argv = [exe, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                "--no-default-browser-check", "--disable-extensions", "--hide-scrollbars",
                "--force-device-scale-factor=1", "--remote-debugging-pipe",
                "--user-data-dir=" + profile_dir, "about:blank"]
        actions = [(os.POSIX_SPAWN_DUP2, to_chrome_r, 3), (os.POSIX_SPAWN_DUP2, from_chrome_w, 4),
                   (os.POSIX_SPAWN_OPEN, 1, os.devnull, os.O_WRONLY, 0),
                   (os.POSIX_SPAWN_DUP2, log.fileno(), 2)]
        self.pid = os.posix_spawn(exe, argv, os.environ, file_actions=actions)
        os.close(to_chrome_r)
        os.close(from_chrome_w)
        self.pending = b""
        self.next_id = 0
        self.events = []
        self.deadline = time.monotonic() + TIMEOUT

    def send(self, method, params=None, session=None):
        self.next_id += 1
        msg = {"id": self.next_id, "method": method, "params": params or {}}
        if session:
            msg["sessionId"] = session
        os.write(self.w, json.dumps(msg).encode() + b"\0")
        return self.next_id

    def receive(self):
        """The next message; events are also kept in self.events."""
        while b"\0" not in self.pending:
            left = self.deadline - time.monotonic()
            if left <= 0 or not select.select([self.r], [], [], left)[0]:
                raise TimeoutError("Chromium did not answer in %d s" % TIMEOUT)
            chunk = os.read(self.r, 1 << 20)
            if not chunk:
                raise OSError("Chromium closed the pipe")
            self.pending += chunk
        raw, self.pending = self.pending.split(b"\0", 1)
        msg = json.loads(raw)
        if "method" in msg:
            self.events.append(msg)
        return msg

    def call(self, method, params=None, session=None):
        """Send a command and wait for its answer."""
        want = self.send(method, params, session)
        while True:
            msg = self.receive()
            if msg.get("id") == want:
                if "error" in msg:
                    raise RuntimeError("%s: %s" % (method, msg["error"]))
                return msg.get("result", {})
            self.on_event(msg, session)

    def wait_for(self, method, session):
        while True:
            msg = self.receive()
            self.on_event(msg, session)
            if msg.get("method") == method:
                return msg

    def on_event(self, msg, session):
        # A dialog blocks the page until answered: answer it (and count it).
        if msg.get("method") == "Page.javascriptDialogOpening":
            self.send("Page.handleJavaScriptDialog", {"accept": True}, session)

    def close(self):
        try:
            self.send("Browser.close")
        except OSError:
            pass
        for _ in range(50):
            pid, _status = os.waitpid(self.pid, os.WNOHANG)
            if pid:
                break
            time.sleep(0.1)
        else:
            os.kill(self.pid, 9)
            os.waitpid(self.pid, 0)
        os.close(self.w)
        os.close(self.r)


def high_fd(fd):
    """fd moved to a number of at least 10 (close-on-exec)."""
    new = fcntl.fcntl(fd, fcntl.F_DUPFD_CLOEXEC, 10)
    os.close(fd)
    return new


def problems_in(events):
    """Human-readable lines for every event that means the page misbehaved."""
    out = []
    for ev in events:
        method, p = ev["method"], ev.get("params", {})
        if method == "Runtime.consoleAPICalled":
            text = " ".join(str(a.get("value", a.get("description", ""))) for a in p.get("args", []))
            out.append("console.%s: %s" % (p.get("type"), text))
        elif method == "Runtime.exceptionThrown":
            d = p.get("exceptionDetails", {})
            out.append("uncaught exception: %s" % d.get("exception", {}).get("description", d.get("text")))
        elif method == "Log.entryAdded":
            e = p.get("entry", {})
            if e.get("level") in ("warning", "error"):
                out.append("log %s (%s): %s" % (e.get("level"), e.get("source"), e.get("text")))
        elif method == "Page.javascriptDialogOpening":
            out.append("a %s dialog opened: %s" % (p.get("type"), p.get("message")))
    return out


def check(page, shot, dom, expressions, profile_dir, log):
    b = Browser(profile_dir, log)
    try:
        target = b.call("Target.createTarget", {"url": "about:blank"})["targetId"]
        s = b.call("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
        for domain in ("Runtime", "Log", "Page"):
            b.call(domain + ".enable", session=s)
        b.call("Emulation.setDeviceMetricsOverride",
               {"width": 1280, "height": 2000, "deviceScaleFactor": 1, "mobile": False}, s)
        b.call("Page.navigate", {"url": "file://" + os.path.abspath(page)}, s)
        b.wait_for("Page.loadEventFired", s)
        html = b.call("Runtime.evaluate", {"expression": "document.documentElement.outerHTML",
                                           "returnByValue": True}, s)["result"]["value"]
        with open(dom, "w", encoding="utf-8") as f:
            f.write(html)
        png = b.call("Page.captureScreenshot", {"format": "png", "captureBeyondViewport": True}, s)
        with open(shot, "wb") as f:
            f.write(base64.b64decode(png["data"]))
        for expr in expressions:
            r = b.call("Runtime.evaluate", {"expression": expr, "returnByValue": True,
                                            "awaitPromise": True}, s)
            if "exceptionDetails" in r:
                print("expression failed: %s: %s" % (expr, r["exceptionDetails"].get("text")),
                      file=sys.stderr)
                print("null")
            else:
                print(json.dumps(r["result"].get("value"), ensure_ascii=False))
        # Give late messages (a timer, a deferred load) a moment to arrive.
        b.call("Runtime.evaluate", {"expression": "new Promise(r => setTimeout(r, 200))",
                                    "awaitPromise": True}, s)
    finally:
        b.close()
    return problems_in(b.events)


def main(argv):
    if len(argv) < 4:
        print(__doc__, file=sys.stderr)
        return 2
    page, shot, dom, expressions = argv[1], argv[2], argv[3], argv[4:]
    profile_dir = tempfile.mkdtemp(prefix="check_html.")
    try:
        with open(os.path.join(profile_dir, "chromium.log"), "w") as log:
            try:
                problems = check(page, shot, dom, expressions, os.path.join(profile_dir, "p"), log)
            except (OSError, TimeoutError, RuntimeError) as e:
                print("check_html: %s" % e, file=sys.stderr)
                return 2
    finally:
        shutil.rmtree(profile_dir, ignore_errors=True)
    for p in problems:
        print("check_html: %s" % p, file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
