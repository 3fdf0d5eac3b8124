"""`facilitator serve` hands the room or the follow view to a browser."""

from __future__ import annotations

import re
import socket
import subprocess
import time
import urllib.error
import urllib.parse
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


def fetch(url: str, tries: int = 150, headers: dict[str, str] | None = None) -> str:
    """The page at ``url``, once the server is up (bounded retries)."""
    for _ in range(tries):
        try:
            request = urllib.request.Request(url, headers=headers or {})
            with urllib.request.urlopen(request, timeout=5) as response:
                assert response.status == 200
                return response.read().decode("utf-8")
        except urllib.error.HTTPError:
            raise
        except (urllib.error.URLError, ConnectionError):
            time.sleep(0.2)
    raise AssertionError(f"{url} never answered")


def refused(url: str, headers: dict[str, str] | None = None) -> int:
    """The HTTP status with which the server turns ``url`` away (fails if it serves it)."""
    try:
        fetch(url, headers=headers)
    except urllib.error.HTTPError as error:
        return error.code
    raise AssertionError(f"{url} was served")


def start_serving(db: Path, *args: str) -> tuple[subprocess.Popen[str], str]:
    """``facilitator serve`` in the background, and the URL it printed (with its token)."""
    server = subprocess.Popen(
        [str(FACILITATOR), "--db", str(db), "serve", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert server.stderr is not None
    printed = []
    for line in server.stderr:
        printed.append(line)
        found = re.search(r"http://\S+", line)
        if found:
            server.printed = "".join(printed)  # type: ignore[attr-defined]
            return server, found.group(0)
    server.wait(timeout=30)
    raise AssertionError(f"serve printed no URL (exit {server.returncode})")


def token_of(url: str) -> str:
    return urllib.parse.parse_qs(urllib.parse.urlsplit(url).query)["token"][0]


async def terminal_output(
    port: int, wanted: bytes, token: str, tries: int = 100, headers: dict[str, str] | None = None
) -> bytes:
    """What the browser's terminal receives over the websocket, until ``wanted`` shows."""
    import aiohttp

    received = b""
    async with (
        aiohttp.ClientSession() as session,
        session.ws_connect(
            f"http://127.0.0.1:{port}/ws?width=100&height=30&token={token}", headers=headers
        ) as ws,
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
    server, url = start_serving(planned, "--port", str(port), *view)
    try:
        page = fetch(url)
        shown = await terminal_output(port, b"Q3 product launch coordination", token_of(url))
    finally:
        server.terminate()
        _out, err = server.communicate(timeout=30)
    assert url.startswith(f"http://127.0.0.1:{port}/?token=")
    assert "<title>Facilitator — Q3 product launch coordination</title>" in page
    assert "googleapis" not in page and "https://" not in page
    # One line said where (read above): ours, not textual-serve's banner as well.
    assert "Serving" not in err
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


def test_a_page_served_on_every_address_loads_from_another_machine(planned: Path):
    # Listening on 0.0.0.0, the page is opened through some other name (here 127.0.0.1;
    # on a LAN the machine's address, through an SSH tunnel another port): nothing in it
    # may point at the address the server listens on.
    port = free_port()
    server, url = start_serving(
        planned, "--follow", "--host", "0.0.0.0", "--allow-remote", "--port", str(port)
    )
    try:
        page = fetch(f"http://127.0.0.1:{port}/?token={token_of(url)}")
        script = fetch(f"http://127.0.0.1:{port}/static/js/textual.js")
    finally:
        server.terminate()
        server.communicate(timeout=30)
    assert "0.0.0.0" not in page and "127.0.0.1" not in page
    assert "http://" not in page and "ws://" not in page
    assert '<script src="static/js/textual.js">' in page
    # The websocket address comes from the page's own location, in the browser.
    assert "new URL(window.location.href)" in page and 'new URL("ws/"' in page
    assert "sessionWebsocketUrl" in script
    assert url.startswith(f"http://0.0.0.0:{port}/?token=")
    # Anyone on the network with the URL can drive the meeting: said loudly.
    assert "WARNING" in server.printed  # type: ignore[attr-defined]


def test_an_ipv6_address_is_written_in_brackets(planned: Path):
    from facilitator.cli.follow import url_host

    assert url_host("::1") == "[::1]" and url_host("127.0.0.1") == "127.0.0.1"
    try:
        with socket.socket(socket.AF_INET6) as probe:
            probe.bind(("::1", 0))
    except OSError:
        pytest.skip("no IPv6 loopback here")
    port = free_port()
    server, url = start_serving(planned, "--follow", "--host", "::1", "--port", str(port))
    try:
        page = fetch(url)
    finally:
        server.terminate()
        server.communicate(timeout=30)
    assert url.startswith(f"http://[::1]:{port}/?token=")
    assert "::1" not in page


def test_serving_on_another_machine_s_address_needs_allow_remote(planned: Path):
    result = CliRunner().invoke(main, ["--db", str(planned), "serve", "--host", "0.0.0.0"])
    assert result.exit_code == 2
    assert "--allow-remote" in result.output


async def test_a_hostile_page_gets_nothing_and_drives_nothing(planned: Path):
    port = free_port()
    server, url = start_serving(planned, "--port", str(port))
    token = token_of(url)
    try:
        fetch(url)  # up
        base = f"http://127.0.0.1:{port}"
        # No token, a wrong one: the page is refused.
        assert refused(f"{base}/") == 403
        assert refused(f"{base}/?token=guess") == 403
        # DNS rebinding: evil.example resolved to 127.0.0.1, the Host header says so.
        assert refused(url, {"Host": f"evil.example:{port}"}) == 421
        # Another site's script opening our websocket, even with the token.
        import aiohttp

        async with aiohttp.ClientSession() as session:
            for headers in (
                {"Origin": "http://evil.example"},
                {"Origin": "http://evil.example", "Host": f"evil.example:{port}"},
            ):
                with pytest.raises(aiohttp.WSServerHandshakeError) as handshake:
                    await session.ws_connect(f"{base}/ws?token={token}", headers=headers)
                assert handshake.value.status in (403, 421)
            with pytest.raises(aiohttp.WSServerHandshakeError):
                await session.ws_connect(f"{base}/ws")  # no token
        # The page's own origin with the token works.
        shown = await terminal_output(port, b"Q3 product", token, headers={"Origin": base})
        assert b"Q3 product" in shown
        assert fetch(f"{base}/favicon.ico").startswith("<svg")
    finally:
        server.terminate()
        server.communicate(timeout=30)
    with Archive.open(planned) as archive:
        state = archive.state(archive.meetings()[-1].id)
    assert state.entries == ()


async def test_more_tabs_than_allowed_get_a_clear_refusal(planned: Path):
    import aiohttp

    port = free_port()
    server, url = start_serving(planned, "--port", str(port), "--max-sessions", "1")
    token = token_of(url)
    base = f"http://127.0.0.1:{port}"
    try:
        fetch(url)
        async with aiohttp.ClientSession() as session:
            first = await session.ws_connect(f"{base}/ws?token={token}")
            await first.send_json(["resize", {"width": 80, "height": 24}])
            await first.receive(timeout=30)  # the first tab's room is running
            with pytest.raises(aiohttp.WSServerHandshakeError) as second:
                await session.ws_connect(f"{base}/ws?token={token}")
            assert second.value.status == 503
            await first.close()
    finally:
        server.terminate()
        server.communicate(timeout=30)
