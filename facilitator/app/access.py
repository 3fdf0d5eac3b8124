"""Who may drive a served room: the rule ``facilitator serve`` checks on every request.

A served room types into the meeting, so a page from elsewhere must never
reach it. Three checks, each closing one door:

- the ``Host`` header names this server (a loopback name, or an address the
  host chose to serve on): a page on ``evil.example`` that re-binds its name
  to 127.0.0.1 is refused (DNS rebinding);
- an ``Origin``, when the browser sends one (it does for websockets), is this
  server too: another page's script cannot open our websocket;
- the page, the websocket and downloads need the run's random token, which
  only the person who started ``serve`` has (it is printed in the URL).
"""

from __future__ import annotations

import hmac
import ipaddress
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal
from urllib.parse import urlsplit

LOOPBACK_NAMES = ("127.0.0.1", "localhost", "[::1]", "::1")
MAX_SESSIONS = 4
"""Browser tabs driving rooms at once: each runs its own program (~50 MB)."""


def needs_token(path: str) -> bool:
    """The page, the websocket (``/ws/TOKEN``) and downloads show or drive the
    meeting; static files and the icon do not."""
    return path == "/" or path == "/ws" or path.startswith(("/ws/", "/download/"))


Refusal = Literal["host", "origin", "token"]


@dataclass(frozen=True)
class Verdict:
    """Whether a request may go on, and if not, which check refused it."""

    allowed: bool
    refused: Refusal | None = None


ADMITTED = Verdict(True)


def is_loopback(host: str) -> bool:
    """127.0.0.1, ::1, localhost: only this machine can reach the server there."""
    name = host.strip("[]")
    if name == "localhost":
        return True
    try:
        return ipaddress.ip_address(name).is_loopback
    except ValueError:
        return False


def hosts_for(bound: str, port: int, extra: Iterable[str] = ()) -> frozenset[str]:
    """The ``Host`` values this server answers to: loopback names, the address it
    listens on (unless that is "any address"), and names the user added."""
    ours = {*LOOPBACK_NAMES}
    if bound not in ("0.0.0.0", "::", ""):
        ours.add(bound)
    ours_bracketed = {_bracketed(n) for n in ours}
    extra_bracketed = {_bracketed(n) for n in extra}
    with_port = frozenset(f"{name}:{port}" for name in ours_bracketed | extra_bracketed)
    # A name without a port means port 80: a page on http://localhost is another
    # program's page unless this server is the one on port 80. A proxy the user
    # named may send its own name alone (https on 443), so those stay bare too.
    bare = ours_bracketed if port == 80 else set()
    return with_port | frozenset(bare) | frozenset(extra_bracketed)


def _bracketed(name: str) -> str:
    return f"[{name}]" if ":" in name and not name.startswith("[") else name


def _origin_host(origin: str) -> str:
    parts = urlsplit(origin)
    return parts.netloc if parts.scheme in ("http", "https") else ""


def admit(
    path: str,
    host: str | None,
    origin: str | None,
    token: str | None,
    expected_token: str,
    hosts: frozenset[str],
) -> Verdict:
    """May this request reach the served room? (See the module's docstring.)"""
    if not host or host.lower() not in hosts:
        return Verdict(False, "host")
    # "null" is a sandboxed page or a file: never this server.
    if origin is not None and (origin == "null" or _origin_host(origin).lower() not in hosts):
        return Verdict(False, "origin")
    known = bool(token) and hmac.compare_digest((token or "").encode(), expected_token.encode())
    if needs_token(path) and not known:
        return Verdict(False, "token")
    return ADMITTED
