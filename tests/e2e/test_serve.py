"""`facilitator serve` hands the room or the follow view to a browser."""

from __future__ import annotations

import socket
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from click.testing import CliRunner

from facilitator.cli.main import main
from facilitator.core.clock import FakeClock
from facilitator.planning.demo import demo_agenda
from store.archive import Archive
from tests.support import FACILITATOR

# Real servers on real ports, found free a moment before they are taken.
pytestmark = pytest.mark.serial


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def fetch(url: str, tries: int = 150) -> str:
    """The page at ``url``, once the server is up (bounded retries)."""
    for _ in range(tries):
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                assert response.status == 200
                return response.read().decode("utf-8")
        except (urllib.error.URLError, ConnectionError):
            time.sleep(0.2)
    raise AssertionError(f"{url} never answered")


async def terminal_output(port: int, wanted: bytes, tries: int = 100) -> bytes:
    """What the browser's terminal receives over the websocket, until ``wanted`` shows."""
    import aiohttp

    received = b""
    async with (
        aiohttp.ClientSession() as session,
        session.ws_connect(f"http://127.0.0.1:{port}/ws?width=100&height=30") as ws,
    ):
        await ws.send_json(["resize", {"width": 100, "height": 30}])
        for _ in range(tries):
            try:
                message = await ws.receive(timeout=0.5)
            except TimeoutError:
                continue
            if message.type == aiohttp.WSMsgType.BINARY:
                received += message.data
            elif message.type == aiohttp.WSMsgType.TEXT:
                received += message.data.encode()
            else:
                break
            if wanted in received:
                break
    return received


@pytest.fixture
def planned(db_path: Path, clock: FakeClock) -> Path:
    with Archive.open(db_path) as archive:
        archive.create_meeting(demo_agenda(clock.now()), clock.now())
    return db_path


@pytest.mark.parametrize("view", [[], ["--follow"]], ids=["room", "follow"])
async def test_served_page_answers_on_localhost_without_the_internet(
    planned: Path, view: list[str]
):
    port = free_port()
    server = subprocess.Popen(
        [str(FACILITATOR), "--db", str(planned), "serve", "--port", str(port), *view],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        page = fetch(f"http://127.0.0.1:{port}/")
        shown = await terminal_output(port, b"Q3 product launch coordination")
    finally:
        server.terminate()
        _out, err = server.communicate(timeout=30)
    assert "<title>Facilitator — Q3 product launch coordination</title>" in page
    assert "googleapis" not in page and "https://" not in page
    # One line says where: ours, not textual-serve's banner as well.
    assert err.count("Serving") == 1 and f"http://127.0.0.1:{port}/" in err
    # The page's terminal runs the real app on the archive.
    assert b"Q3 product launch coordination" in shown


def test_a_taken_port_is_refused_with_a_clear_message(planned: Path):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = CliRunner().invoke(main, ["--db", str(planned), "serve", "--port", str(port)])
    assert result.exit_code == 2
    assert f"port {port} on 127.0.0.1 is already in use" in result.output


def test_an_unknown_host_is_refused(planned: Path):
    result = CliRunner().invoke(
        main, ["--db", str(planned), "serve", "--host", "no-such-host.invalid"]
    )
    assert result.exit_code == 2
    assert "cannot listen on no-such-host.invalid" in result.output


def test_serving_the_room_needs_an_open_meeting(db_path: Path):
    Archive.open(db_path).close()
    result = CliRunner().invoke(main, ["--db", str(db_path), "serve", "--port", str(free_port())])
    assert result.exit_code == 2
    assert "no open meeting" in result.output


@pytest.mark.parametrize("view", [[], ["--follow"]], ids=["room", "follow"])
def test_serving_a_missing_archive_creates_nothing(tmp_path: Path, view: list[str]):
    missing = tmp_path / "nothing.db"
    port = str(free_port())
    result = CliRunner().invoke(main, ["--db", str(missing), "serve", "--port", port, *view])
    assert result.exit_code == 2
    assert not missing.exists()


def serve_in_background(db: Path, host: str, port: int) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [
            str(FACILITATOR),
            "--db",
            str(db),
            "serve",
            "--follow",
            "--host",
            host,
            "--port",
            str(port),
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def test_a_page_served_on_every_address_loads_from_another_machine(planned: Path):
    # Listening on 0.0.0.0, the page is opened through some other name (here 127.0.0.1;
    # on a LAN the machine's address, through an SSH tunnel another port): nothing in it
    # may point at the address the server listens on.
    port = free_port()
    server = serve_in_background(planned, "0.0.0.0", port)
    try:
        page = fetch(f"http://127.0.0.1:{port}/")
        script = fetch(f"http://127.0.0.1:{port}/static/js/textual.js")
    finally:
        server.terminate()
        _out, err = server.communicate(timeout=30)
    assert "0.0.0.0" not in page and "127.0.0.1" not in page
    assert "http://" not in page and "ws://" not in page
    assert '<script src="static/js/textual.js">' in page
    # The websocket address comes from the page's own location, in the browser.
    assert 'new URL("ws", window.location.href)' in page
    assert "sessionWebsocketUrl" in script
    assert f"http://0.0.0.0:{port}/" in err


def test_an_ipv6_address_is_written_in_brackets(planned: Path):
    from facilitator.cli.follow import url_host

    assert url_host("::1") == "[::1]" and url_host("127.0.0.1") == "127.0.0.1"
    try:
        with socket.socket(socket.AF_INET6) as probe:
            probe.bind(("::1", 0))
    except OSError:
        pytest.skip("no IPv6 loopback here")
    port = free_port()
    server = serve_in_background(planned, "::1", port)
    try:
        page = fetch(f"http://[::1]:{port}/")
    finally:
        server.terminate()
        _out, err = server.communicate(timeout=30)
    assert f"http://[::1]:{port}/" in err and "http://::1" not in err
    assert "::1" not in page
