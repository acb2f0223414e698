"""The web chat in a real browser: Playwright driving Debian Chromium against the real servers.

Run with `make browser-test` (and as part of `make e2e` / `make test`). The page is served by
scripts/run.sh on WEB_PORT; the widget reaches Rasa through a small TCP relay the test can cut, which
is how "the network drops for a moment" and "the server is down" are shown. Screenshots land in
tests/artifacts/ (kept out of git).
"""

from __future__ import annotations

import functools
import os
import re
import socket
import subprocess
import threading
import uuid
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
import requests
from e2e_stack import MODEL, ROOT, Servers

RASA_PORT = int(os.environ.get("BROWSER_RASA_PORT", "5106"))
ACTIONS_PORT = int(os.environ.get("BROWSER_ACTIONS_PORT", "5156"))
RELAY_PORT = int(os.environ.get("BROWSER_RELAY_PORT", "5107"))
WEB_PORT = int(os.environ.get("BROWSER_WEB_PORT", "8106"))
OTHER_PORT = int(os.environ.get("BROWSER_OTHER_PORT", "8107"))  # "another site" that embeds the widget
OTHER = f"http://localhost:{OTHER_PORT}/"
PAGE = f"http://localhost:{WEB_PORT}/"
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
ARTIFACTS = ROOT / "tests" / "artifacts"
WEBCHAT = ROOT / ".cache" / "rasa-webchat-1.0.1" / "index.js"
# The flags this machine needs: no sandbox as root, and no background calls to Google's servers.
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.skipif(not MODEL.exists(), reason="train first: make train"),
    pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="no Chromium: make browser"),
    pytest.mark.skipif(not (ROOT / "web" / "dist" / "reframe-widget.js").exists(), reason="no widget: make web"),
]

REFRAME = re.compile(r"When you .+, I feel")


class Relay:
    """A TCP relay from RELAY_PORT to Rasa. cut() drops every connection and refuses new ones."""

    def __init__(self, listen: int, target: int) -> None:
        self.listen, self.target = listen, target
        self.server: socket.socket | None = None
        self.conns: list[socket.socket] = []
        self.lock = threading.Lock()

    def up(self) -> None:
        srv = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        srv.bind(("127.0.0.1", self.listen))
        srv.listen(64)
        self.server = srv
        threading.Thread(target=self._accept, args=(srv,), daemon=True).start()

    def cut(self) -> None:
        srv, self.server = self.server, None
        if srv:
            srv.shutdown(socket.SHUT_RDWR)  # wakes the thread blocked in accept(), so the port is free again
            srv.close()
        with self.lock:
            for c in self.conns:
                try:
                    c.shutdown(socket.SHUT_RDWR)
                except OSError:
                    pass
                c.close()
            self.conns.clear()

    def _accept(self, srv: socket.socket) -> None:
        while True:
            try:
                client, _ = srv.accept()
            except OSError:
                return
            try:
                upstream = socket.create_connection(("127.0.0.1", self.target))
            except OSError:
                client.close()
                continue
            with self.lock:
                self.conns += [client, upstream]
            threading.Thread(target=self._pipe, args=(client, upstream), daemon=True).start()
            threading.Thread(target=self._pipe, args=(upstream, client), daemon=True).start()

    @staticmethod
    def _pipe(src: socket.socket, dst: socket.socket) -> None:
        try:
            while data := src.recv(65536):
                dst.sendall(data)
        except OSError:
            pass
        finally:
            for s in (src, dst):
                try:
                    s.shutdown(socket.SHUT_RDWR)
                except OSError:
                    pass


@pytest.fixture(scope="module")
def stack(tmp_path_factory):
    relay = Relay(RELAY_PORT, RASA_PORT)
    relay.up()
    origins = f"http://localhost:{WEB_PORT} http://127.0.0.1:{WEB_PORT} http://localhost:{OTHER_PORT}"
    s = Servers(
        tmp_path_factory.mktemp("browser"),
        RASA_PORT,
        ACTIONS_PORT,
        WEB_PORT,
        REFRAME_SERVER_URL=f"http://localhost:{RELAY_PORT}",
        REFRAME_CORS_ORIGINS=origins,
    )
    s.start()
    yield s, relay
    relay.cut()
    s.stop()


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


@pytest.fixture(scope="module")
def other_site(tmp_path_factory, webchat_bundle):
    """A second web server on another origin, the way a partner site would host its own pages."""
    root = tmp_path_factory.mktemp("other-site")
    (root / "rasa-webchat.js").write_bytes(webchat_bundle.read_bytes())
    (root / "webchat.html").write_text(
        f"""<!doctype html><html><body><div id="webchat"></div>
<script src="/rasa-webchat.js"></script>
<script>WebChat.default({{selector: "#webchat", socketUrl: "http://localhost:{RASA_PORT}", socketPath: "/socket.io/",
  title: "Reframe", initPayload: "/greet", customData: {{language: "en"}}, params: {{storage: "session"}}}}, null);</script>
</body></html>"""
    )
    (root / "embed.html").write_text(
        f"""<!doctype html><html><body><h1>Partner site</h1>
<script src="{PAGE}reframe-widget.js"></script>
<script>ReframeChat.init({{serverUrl: "http://localhost:{RELAY_PORT}", title: "Talk it through", storageKey: "embed",
  colors: {{primary: "rgb(122, 54, 89)"}}}});</script></body></html>"""
    )
    (root / "dead.html").write_text(
        f"""<!doctype html><html><body><div id="c" style="height:500px"></div>
<script src="{PAGE}reframe-widget.js"></script>
<script>ReframeChat.init({{serverUrl: "http://localhost:9", container: "#c", storageKey: "dead"}});</script></body></html>"""
    )
    httpd = ThreadingHTTPServer(("127.0.0.1", OTHER_PORT), functools.partial(_Quiet, directory=str(root)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield OTHER
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture(scope="module")
def browser(stack):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1000, "height": 800})
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    yield page
    context.close()
    assert not errors, f"JavaScript errors on the page: {errors}"


def open_chat(page, url: str = PAGE) -> None:
    page.goto(url)
    page.wait_for_selector('.rf-root[data-state="online"]')


def send(page, text: str) -> None:
    page.fill(".rf-input", text)
    page.press(".rf-input", "Enter")


def wait_bot(page, pattern: str | re.Pattern, timeout: float = 30_000) -> None:
    page.locator(".rf-log .rf-bot", has_text=pattern).last.wait_for(timeout=timeout)


def log_text(page) -> str:
    return page.inner_text(".rf-log")


def shot(page, name: str) -> None:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / name), full_page=True)


def test_blame_gets_a_reframe_buttons_work_and_a_reload_keeps_the_conversation(page):
    page.goto(PAGE)
    assert "Type what you want to say" in log_text(page)  # the intro, before anything is said
    page.wait_for_selector('.rf-root[data-state="online"]')
    # The typing indicator must show between sending and the answer.
    page.evaluate(
        """() => { window.__typing = false; const t = document.querySelector('.rf-typing');
        new MutationObserver(() => { if (!t.hidden) window.__typing = true; }).observe(t, {attributes: true}); }"""
    )
    send(page, "You make me so angry when you ignore my texts")
    wait_bot(page, "When you ignore my texts, I feel angry.")
    wait_bot(page, "Why it helps")
    assert page.evaluate("window.__typing") is True
    page.locator(".rf-typing").wait_for(state="hidden")

    send(page, "You never listen to me!")
    wait_bot(page, "When you don't listen to me, I feel …")
    choices = page.locator(".rf-log .rf-msg").last.locator(".rf-choice")
    assert 3 <= choices.count() <= 4
    feeling = choices.first.inner_text()
    choices.first.click()
    wait_bot(page, f"When you don't listen to me, I feel {feeling}.")
    # The chosen feeling shows as what the person said, not as a payload.
    assert page.locator(".rf-user", has_text=feeling).count() == 1
    assert "/inform" not in log_text(page)

    page.locator(".rf-choice", has_text="Tell me more").last.click()
    wait_bot(page, "One thing to try:")
    shot(page, "web-chat.png")

    before = page.locator(".rf-log .rf-msg").count()
    session = page.evaluate("localStorage.getItem('reframe:session')")
    page.reload()
    page.wait_for_selector('.rf-root[data-state="online"]')
    page.wait_for_timeout(800)  # the server's history replaces the local copy
    assert page.evaluate("localStorage.getItem('reframe:session')") == session
    text = log_text(page)
    assert "When you ignore my texts, I feel angry." in text and "One thing to try:" in text
    assert page.locator(".rf-log .rf-msg").count() == before


def test_page_metadata_reaches_the_tracker(page, stack):
    import json
    import sqlite3

    servers, _ = stack
    open_chat(page)
    send(page, "hello there")
    page.locator(".rf-log .rf-bot").first.wait_for()
    session = json.loads(page.evaluate("localStorage.getItem('reframe:session')"))
    with sqlite3.connect(servers.workdir / "tracker.db") as db:
        rows = db.execute("SELECT data FROM events WHERE sender_id = ? AND type_name = 'user'", (session,)).fetchall()
    metadata = [json.loads(r[0]).get("metadata", {}) for r in rows]
    assert any(m.get("page") == "/" and m.get("language") for m in metadata), metadata


def test_history_comes_from_the_server_not_only_from_this_browser(page, browser):
    open_chat(page)
    send(page, "You make me so angry when you ignore my texts")
    wait_bot(page, "When you ignore my texts, I feel angry.")
    session = page.evaluate("localStorage.getItem('reframe:session')")

    # Another browser that only knows the session id (as after clearing the local copy).
    other = browser.new_context()
    p2 = other.new_page()
    p2.goto(PAGE)
    p2.evaluate(f"localStorage.clear(); localStorage.setItem('reframe:session', JSON.stringify({session}))")
    p2.reload()
    p2.locator(".rf-user", has_text="You make me so angry when you ignore my texts").wait_for(timeout=10_000)
    assert "When you ignore my texts, I feel angry." in p2.inner_text(".rf-log")
    other.close()


def test_practice_in_the_widget(page):
    from playwright.sync_api import expect

    open_chat(page)
    send(page, "You make me so angry when you ignore my texts")
    page.locator(".rf-choice:not([disabled])", has_text="Practise reframing").click()
    wait_bot(page, "Drill (level 1)")
    send(page, "When you leave your plate in the sink overnight, I feel tired. Could you rinse it before bed?")
    wait_bot(page, re.compile(r"\d+/100"))
    drills = page.locator(".rf-log .rf-bot", has_text="Drill (level")
    expect(drills).to_have_count(1)
    page.locator(".rf-choice", has_text="Next drill").last.click()
    expect(drills).to_have_count(2)
    page.locator(".rf-choice:not([disabled])", has_text="Stop practising").click()
    wait_bot(page, "Practice finished")
    shot(page, "web-practice.png")


def test_html_from_the_person_or_the_bot_is_shown_as_characters(page):
    open_chat(page)
    page.evaluate("window.__xss = 0")
    # The first part is real markup; the second is escaped markup that the assistant un-escapes and
    # quotes back in its reframe, so the bot's own text carries an <img onerror>.
    attack = '<script>window.__xss=1</script><img src=x onerror="window.__xss=2"> You never &lt;img src=y onerror=window.__xss=3&gt; call me'
    send(page, attack)
    page.locator(".rf-user", has_text="<script>window.__xss=1</script>").wait_for()
    page.locator(".rf-log .rf-bot").last.wait_for()
    wait_bot(page, re.compile(r"I feel|empty|didn't catch|HTML|What did"))
    page.wait_for_timeout(500)
    assert page.locator(".rf-log img, .rf-log script").count() == 0
    assert page.evaluate("window.__xss") == 0
    bot_text = " ".join(page.locator(".rf-log .rf-bot").all_inner_texts())
    if "onerror" in bot_text:  # when quoted back, it is quoted as characters
        assert "<img src=y onerror=window.__xss=3>" in bot_text


def test_network_drop_and_server_down_are_shown_and_nothing_typed_is_lost(page, stack):
    _, relay = stack
    open_chat(page)
    send(page, "hello")
    page.locator(".rf-log .rf-bot").first.wait_for()

    relay.cut()
    page.wait_for_selector('.rf-root[data-state="offline"]', timeout=15_000)
    assert "Can't reach Reframe" in page.inner_text(".rf-banner")
    assert page.locator(".rf-panel").is_visible()
    send(page, "You always forget to take the bins out")
    page.locator(".rf-pending", has_text="bins").wait_for()
    assert "Waiting to send" in page.inner_text(".rf-pending")
    shot(page, "web-offline.png")

    relay.up()
    page.wait_for_selector('.rf-root[data-state="online"]', timeout=20_000)
    wait_bot(page, "take the bins out")
    page.locator(".rf-pending").wait_for(state="detached")
    assert page.locator(".rf-user", has_text="You always forget to take the bins out").count() == 1

    # A queued message survives a reload while the server is away.
    relay.cut()
    page.wait_for_selector('.rf-root[data-state="offline"]', timeout=15_000)
    send(page, "thanks")
    page.reload()
    page.wait_for_selector('.rf-root[data-state="offline"]', timeout=15_000)
    page.locator(".rf-pending", has_text="thanks").wait_for()
    relay.up()
    page.locator(".rf-pending").wait_for(state="detached", timeout=20_000)
    assert page.locator(".rf-user", has_text="thanks").count() == 1


def test_a_dead_server_url_shows_a_clear_message(page, other_site):
    page.goto(f"{other_site}dead.html")
    page.wait_for_selector('.rf-root[data-state="offline"]', timeout=15_000)
    assert "Can't reach Reframe right now" in page.inner_text(".rf-banner")
    assert page.locator(".rf-input").is_visible()


def test_embedded_on_another_site_with_one_script_tag(page, other_site):
    page.goto(f"{other_site}embed.html")
    launcher = page.locator(".rf-launcher")
    assert launcher.inner_text() == "Chat with Talk it through"
    assert launcher.evaluate("b => getComputedStyle(b).backgroundColor") == "rgb(122, 54, 89)"
    assert page.evaluate("typeof window.io") == "undefined"  # socket.io stays inside the widget
    launcher.click()
    page.wait_for_selector('.rf-root[data-state="online"]')
    send(page, "You're so selfish")
    wait_bot(page, "What did they actually do?")
    page.keyboard.press("Escape")
    assert page.locator(".rf-panel").is_hidden() and launcher.get_attribute("aria-expanded") == "false"


def test_phone_screen_keyboard_only_and_screen_reader(browser):
    context = browser.new_context(viewport={"width": 375, "height": 667}, is_mobile=True, has_touch=True)
    page = context.new_page()
    open_chat(page)
    log = page.locator(".rf-log")
    assert log.get_attribute("aria-live") == "polite" and log.get_attribute("role") == "log"
    assert page.evaluate("document.documentElement.scrollWidth") <= 375  # no sideways scrolling
    box = page.locator(".rf-input").bounding_box()
    assert box and box["x"] >= 0 and box["x"] + box["width"] <= 375

    # Keyboard alone: Tab to the input, type, Enter; Tab to a choice, Space.
    for _ in range(15):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.classList.contains('rf-input')"):
            break
    assert page.evaluate("document.activeElement.classList.contains('rf-input')")
    page.keyboard.type("You never listen to me")
    page.keyboard.press("Enter")
    wait_bot(page, "I feel …")
    page.locator(".rf-choice:not([disabled])").first.wait_for()
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Shift+Tab")
    for _ in range(10):
        if page.evaluate("document.activeElement.classList.contains('rf-choice')"):
            break
        page.keyboard.press("Shift+Tab")
    assert page.evaluate("document.activeElement.classList.contains('rf-choice')")
    page.keyboard.press("Space")
    wait_bot(page, re.compile(r"When you don't listen to me, I feel \w+\."))
    shot(page, "web-phone.png")
    context.close()


def test_origins_not_listed_are_refused_and_rest_stays_on(stack):
    ok = requests.get(f"http://localhost:{RASA_PORT}/socket.io/?EIO=4&transport=polling", headers={"Origin": f"http://localhost:{WEB_PORT}"}, timeout=5)
    # Exactly one Access-Control-Allow-Origin (requests would join two with ", "; browsers refuse that).
    assert ok.status_code == 200 and ok.headers.get("Access-Control-Allow-Origin") == f"http://localhost:{WEB_PORT}"
    bad = requests.get(f"http://localhost:{RASA_PORT}/socket.io/?EIO=4&transport=polling", headers={"Origin": "http://evil.example"}, timeout=5)
    assert bad.status_code == 400
    rest = requests.post(
        f"http://localhost:{RASA_PORT}/webhooks/rest/webhook", json={"sender": f"rest-{uuid.uuid4().hex[:6]}", "message": "You never listen"}, timeout=30
    )
    assert rest.ok and "I feel" in " ".join(m.get("text", "") for m in rest.json())


@pytest.fixture(scope="module")
def webchat_bundle() -> Path:
    """rasa-webchat 1.0.1 as published on npm (fetched once by `make webchat-compat`, or here)."""
    if not WEBCHAT.exists():
        subprocess.run(["make", "-s", "webchat-compat"], cwd=ROOT, check=True)
    return WEBCHAT


def test_rasa_webchat_1_0_works_against_our_socketio_channel(browser, stack, other_site):
    context = browser.new_context()
    page = context.new_page()
    page.goto(f"{other_site}webchat.html")
    page.locator(".rw-launcher").click()
    page.locator(".rw-new-message").fill("You make me so angry when you ignore my texts")
    page.locator(".rw-new-message").press("Enter")
    page.locator(".rw-response", has_text="When you ignore my texts, I feel angry.").wait_for(timeout=30_000)
    shot(page, "rasa-webchat.png")
    context.close()


def test_bad_socketio_payloads_get_a_kind_reply_and_the_socket_keeps_working(stack):
    import socketio

    replies: list[dict] = []
    confirmed: list[str] = []
    client = socketio.Client(reconnection=False)
    client.on("bot_uttered", lambda data: replies.append(data))
    client.on("session_confirm", lambda sid: confirmed.append(sid))
    client.connect(f"http://localhost:{RASA_PORT}", headers={"Origin": f"http://localhost:{WEB_PORT}"}, transports=["polling"], socketio_path="/socket.io")
    try:
        client.emit("session_request", {"session_id": "x" * 5000})  # too long: a fresh id instead
        wait_until(lambda: confirmed)
        assert len(confirmed[0]) == 32
        client.emit("user_uttered", "just a string")
        wait_until(lambda: replies)
        assert "couldn't read that message" in replies[-1]["text"]
        replies.clear()
        client.emit("user_uttered", {"message": "You never listen to me", "session_id": confirmed[0], "customData": "{not json"})
        wait_until(lambda: any("I feel" in r.get("text", "") for r in replies))
    finally:
        client.disconnect()


def wait_until(check, timeout: float = 30.0) -> None:
    import time

    deadline = time.time() + timeout
    while time.time() < deadline:
        if check():
            return
        time.sleep(0.1)
    raise AssertionError("timed out")
