"""The web server behind ``facilitator serve``: textual-serve, admitting only its user.

textual-serve runs one program per browser tab behind a websocket and checks
nothing: any page could open that websocket and type into the meeting. Every
request here passes :func:`facilitator.app.access.admit` first (Host, Origin,
the run's token), and no more than a few tabs run at once.
"""

from __future__ import annotations

from importlib import resources
from typing import Any

from aiohttp import web
from textual_serve.server import Server

from facilitator.app.access import MAX_SESSIONS, admit
from facilitator.core.i18n import t

_REFUSED_STATUS = {"host": 421, "origin": 403, "token": 403}


class GuardedServer(Server):
    """textual-serve with our page, our checks, a cap on sessions and no banner."""

    def __init__(
        self,
        command: str,
        *,
        host: str,
        port: int,
        title: str,
        token: str,
        hosts: frozenset[str],
        max_sessions: int = MAX_SESSIONS,
    ) -> None:
        templates = resources.files("screens").joinpath("web")
        super().__init__(command, host=host, port=port, title=title, templates_path=str(templates))
        self.token = token
        self.hosts = hosts
        self.max_sessions = max_sessions
        self.sessions = 0

    async def on_startup(self, app: object) -> None:
        """No banner: the command prints the one line (with the URL and its token)."""

    async def _make_app(self) -> web.Application:
        app = await super()._make_app()
        app.middlewares.append(self._guard)
        # The page opens its websocket at ws/TOKEN: textual.js appends "?width=..."
        # to the address it is given, so a token in the query would be mangled.
        app.router.add_get("/ws/{token}", self.handle_websocket)
        app.router.add_get("/favicon.ico", self._favicon)
        return app

    @web.middleware
    async def _guard(self, request: web.Request, handler: Any) -> web.StreamResponse:
        verdict = admit(
            request.path,
            request.headers.get("Host"),
            request.headers.get("Origin"),
            request.match_info.get("token") or request.query.get("token"),
            self.token,
            self.hosts,
        )
        if not verdict.allowed and verdict.refused is not None:
            return _page(_REFUSED_STATUS[verdict.refused], t(f"serve.refused_{verdict.refused}"))
        if not request.path.startswith("/ws"):
            response: web.StreamResponse = await handler(request)
            return response
        if self.sessions >= self.max_sessions:
            return _page(503, t("serve.full", count=self.max_sessions))
        self.sessions += 1
        try:
            response = await handler(request)
            return response
        finally:
            self.sessions -= 1

    async def _favicon(self, request: web.Request) -> web.Response:
        icon = resources.files("screens").joinpath("web", "favicon.svg").read_bytes()
        return web.Response(body=icon, content_type="image/svg+xml")


def _page(status: int, message: str) -> web.Response:
    """A refusal a person can read, in a browser or a log."""
    from html import escape

    body = (
        "<!DOCTYPE html><html><head><meta charset='utf-8'><title>Facilitator</title></head>"
        f"<body style='font-family:sans-serif;margin:3em'><p>{escape(message)}</p></body></html>"
    )
    return web.Response(status=status, text=body, content_type="text/html")
