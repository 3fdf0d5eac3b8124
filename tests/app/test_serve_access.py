"""Who may drive a served room: the rule behind every request to ``facilitator serve``."""

from __future__ import annotations

from facilitator.app.access import admit, hosts_for, is_loopback

TOKEN = "s3cret-token"
HOSTS = hosts_for("127.0.0.1", 8000)


def test_the_page_with_the_run_s_token_is_admitted() -> None:
    assert admit("/", "127.0.0.1:8000", None, TOKEN, TOKEN, HOSTS).allowed
    assert admit("/", "localhost:8000", None, TOKEN, TOKEN, HOSTS).allowed


def test_the_page_without_the_token_or_with_a_guess_is_refused() -> None:
    assert admit("/", "127.0.0.1:8000", None, None, TOKEN, HOSTS).refused == "token"
    assert admit("/", "127.0.0.1:8000", None, "guess", TOKEN, HOSTS).refused == "token"
    assert admit(f"/ws/{TOKEN}x", "127.0.0.1:8000", None, "x", TOKEN, HOSTS).refused == "token"


def test_a_rebound_host_name_is_refused_even_with_the_token() -> None:
    assert admit("/", "evil.example:8000", None, TOKEN, TOKEN, HOSTS).refused == "host"


def test_another_site_s_websocket_is_refused_even_with_the_token() -> None:
    for origin in ("http://evil.example", "null", "file://"):
        verdict = admit("/ws", "127.0.0.1:8000", origin, TOKEN, TOKEN, HOSTS)
        assert verdict.refused == "origin", origin
    assert admit("/ws", "127.0.0.1:8000", "http://127.0.0.1:8000", TOKEN, TOKEN, HOSTS).allowed


def test_static_files_need_no_token_but_the_right_host() -> None:
    assert admit("/static/js/textual.js", "127.0.0.1:8000", None, None, TOKEN, HOSTS).allowed
    assert not admit("/static/js/textual.js", "evil.example", None, None, TOKEN, HOSTS).allowed


def test_loopback_addresses_are_recognised() -> None:
    assert is_loopback("127.0.0.1") and is_loopback("::1") and is_loopback("localhost")
    assert not is_loopback("0.0.0.0") and not is_loopback("192.168.1.5")


def test_a_server_on_every_address_answers_to_the_names_it_was_given() -> None:
    hosts = hosts_for("0.0.0.0", 8000, ("meeting-pc", "192.168.1.5"))
    assert "meeting-pc:8000" in hosts and "192.168.1.5:8000" in hosts
    assert "0.0.0.0:8000" not in hosts


def test_a_page_on_another_port_of_this_machine_is_another_site() -> None:
    # http://localhost is port 80: some other program's page, not this server's.
    for origin in ("http://localhost", "http://127.0.0.1", "http://localhost:3000"):
        verdict = admit("/ws", "127.0.0.1:8000", origin, TOKEN, TOKEN, HOSTS)
        assert verdict.refused == "origin", origin
    assert admit("/", "localhost", None, TOKEN, TOKEN, HOSTS).refused == "host"
    on_80 = hosts_for("127.0.0.1", 80)
    assert admit("/ws", "localhost", "http://localhost", TOKEN, TOKEN, on_80).allowed


def test_a_proxy_s_name_is_answered_with_or_without_a_port() -> None:
    hosts = hosts_for("127.0.0.1", 8000, ("meeting.example",))
    assert admit("/ws", "meeting.example", "https://meeting.example", TOKEN, TOKEN, hosts).allowed
    assert admit("/", "meeting.example:8000", None, TOKEN, TOKEN, hosts).allowed
