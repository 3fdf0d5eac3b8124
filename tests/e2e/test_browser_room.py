"""The served room in a real browser: headless Chromium, nothing leaving 127.0.0.1."""

from __future__ import annotations

import shutil
import time
from urllib.parse import urlsplit

import pytest

from facilitator.app.settings import Location
from facilitator.core.clock import FakeClock
from facilitator.planning.demo import demo_agenda
from store.archive import Archive
from tests.e2e.test_serve import free_port, start_serving

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(CHROMIUM is None, reason="Chromium is not installed (.ci/run installs it)"),
]

CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture
def planned(location: Location, clock: FakeClock) -> Location:
    """A meeting planned in an archive: a file, then a PostgreSQL database (whose URL
    serve hands to each tab's room through the environment)."""
    with Archive.open(location) as archive:
        archive.create_meeting(demo_agenda(clock.now()), clock.now())
    return location


def test_typing_into_the_served_room_works_without_a_click(planned: Location) -> None:
    from playwright.sync_api import sync_playwright

    port = free_port()
    server, url = start_serving(planned, "--port", str(port))  # type: ignore[arg-type]
    hosts: set[str] = set()
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
            page = browser.new_page()
            page.on("request", lambda request: hosts.add(urlsplit(request.url).hostname or ""))
            page.goto(url)
            page.wait_for_selector("body.-first-byte", timeout=60_000)
            deadline = time.monotonic() + 60
            entries: tuple = ()
            # The room may still be drawing its first screen: type, then look in the journal.
            page.keyboard.type("Budget typed in the browser")
            page.keyboard.press("Enter")
            while time.monotonic() < deadline and not entries:
                time.sleep(0.3)
                with Archive.open(planned) as archive:
                    entries = archive.state(archive.meetings()[-1].id).entries
            browser.close()
    finally:
        server.terminate()
        server.communicate(timeout=30)
    assert [c.entry.text for c in entries] == ["Budget typed in the browser"]
    assert hosts == {"127.0.0.1"}
