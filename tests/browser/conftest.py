"""The app served on a free port over a copy of the shipped corpus, and Debian's Chromium
driven by Playwright (it cannot download browsers here, so it is given chromium's path).

Screenshots of every step are written to ``test-output/browser/`` to be looked at."""

from __future__ import annotations

import os
import shutil
import socket
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SHOTS = ROOT / "test-output" / "browser"
CHROMIUM = os.environ.get("BOARDQA_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="session")
def chromium():  # type: ignore[no-untyped-def]
    if not Path(CHROMIUM).exists():
        pytest.fail(
            f"no Chromium at {CHROMIUM}: `make install-dev` installs Debian's chromium "
            "(or set BOARDQA_CHROMIUM to its path)"
        )
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        yield browser
        browser.close()


@pytest.fixture(scope="session")
def browser_assistant(real_assistant, tmp_path_factory):  # type: ignore[no-untyped-def]
    """An assistant over a copy of the corpus (the browser adds and removes papers), its
    index copied from the session's so only what changes is embedded again."""
    from assistant.core import BoardAssistant
    from board.settings import Settings

    root = tmp_path_factory.mktemp("browser")
    shutil.copytree(real_assistant.settings.corpus, root / "corpus")
    shutil.copytree(real_assistant.index_path, root / "index")
    assistant = BoardAssistant(Settings(corpus=root / "corpus", index=root / "index"))
    assert assistant.ingest().ok
    return assistant


def serve(assistant, **launch) -> Iterator[str]:  # type: ignore[no-untyped-def]
    import app

    port = free_port()
    demo = app.create_app(assistant)
    demo.queue(default_concurrency_limit=4)
    demo.launch(
        server_name="127.0.0.1",
        server_port=port,
        prevent_thread_lock=True,
        css=app.CSS,
        **launch,
    )
    try:
        yield f"http://127.0.0.1:{port}/"
    finally:
        demo.close()


@pytest.fixture(scope="session")
def app_url(browser_assistant) -> Iterator[str]:  # type: ignore[no-untyped-def]
    yield from serve(browser_assistant)


class Page:
    """A browser tab that records console errors and writes numbered screenshots."""

    def __init__(self, page, name: str) -> None:  # type: ignore[no-untyped-def]
        self.page = page
        self.name = name
        self.errors: list[str] = []
        self.shots: list[Path] = []
        page.on("console", lambda m: m.type == "error" and self.errors.append(m.text))
        page.on("pageerror", lambda e: self.errors.append(f"page error: {e}"))

    def shot(self, step: str) -> Path:
        SHOTS.mkdir(parents=True, exist_ok=True)
        path = SHOTS / f"{self.name}-{len(self.shots) + 1:02d}-{step}.png"
        self.page.screenshot(path=str(path), full_page=True)
        assert path.stat().st_size > 10_000, f"{path} is empty"
        self.shots.append(path)
        return path


@pytest.fixture
def tab(chromium, request):  # type: ignore[no-untyped-def]
    context = chromium.new_context(viewport={"width": 1400, "height": 1000}, accept_downloads=True)
    page = Page(context.new_page(), request.node.name.removeprefix("test_")[:40])
    page.page.set_default_timeout(120_000)
    yield page
    context.close()
    assert page.errors == [], f"console errors: {page.errors}"
