"""``facilitator follow`` and ``facilitator serve``: the second screens.

``follow`` shows, read-only, a meeting that another terminal runs on the
same archive (a projector, a colleague's laptop). ``serve`` hands the room,
or the follow view, to a browser through textual-serve.
"""

from __future__ import annotations

import os
import secrets
import shlex
import socket
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from facilitator.app.access import MAX_SESSIONS, hosts_for, is_loopback
from facilitator.app.follower import POLL_SECONDS, Follower
from facilitator.app.settings import Settings
from facilitator.cli.common import command, fail, need_terminal, open_archive
from facilitator.core.i18n import current_language, t

if TYPE_CHECKING:
    from store.archive import Archive, MeetingRow


def open_read_only(settings: Settings) -> Archive:
    """The archive on a connection that SQLite itself forbids to write."""
    return open_archive(settings, read_only=True, live=True)


def meeting_to_follow(archive: Archive, reference: str | None, settings: Settings) -> MeetingRow:
    """The named meeting (open or closed), else the one in progress (or next to start)."""
    from store.errors import ArchiveError

    try:
        return archive.find(
            reference, closed=None if reference else False, now=settings.clock.now()
        )
    except ArchiveError as exc:
        archive.close()
        fail(str(exc) if reference else t("follow.no_meeting"))


def make_follower(archive: Archive, meeting_id: int, settings: Settings) -> Follower:
    reader = archive.followed(meeting_id)
    return Follower(reader, settings.clock, reader.version)


@command()
@click.argument("meeting", required=False)
@click.pass_obj
def follow(settings: Settings, meeting: str | None) -> None:
    """Show a meeting run in another terminal, read-only (latest open one by default)."""
    from facilitator.export.summary import render_summary
    from screens.follow import FollowApp

    archive = open_read_only(settings)
    row = meeting_to_follow(archive, meeting, settings)
    follower = make_follower(archive, row.id, settings)
    need_terminal()
    minutes = FollowApp(follower, POLL_SECONDS).run()
    archive.close()
    if minutes is not None:
        click.echo(render_summary(minutes))


def check_port(host: str, port: int) -> None:
    """Fail clearly (exit 2) now rather than let the server die on a taken port."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except socket.gaierror as exc:
        fail(t("serve.bad_host", host=host, reason=exc.strerror))
    family, kind, proto, _name, address = infos[0]
    probe = socket.socket(family, kind, proto)
    # The server sets SO_REUSEADDR too, so only a listening socket counts as taken.
    probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        probe.bind(address)
    except PermissionError as exc:
        fail(t("serve.bad_host", host=host, reason=exc.strerror))
    except OSError as exc:
        if exc.errno in (98, 48, 10048):  # EADDRINUSE on Linux, macOS, Windows
            fail(t("serve.port_taken", host=host, port=port))
        fail(t("serve.bad_host", host=host, reason=exc.strerror))
    finally:
        probe.close()


def facilitator_command(settings: Settings, *args: str) -> str:
    """The shell command that runs this same facilitator, for the browser's terminal.

    A server URL goes to it through the environment (textual-serve passes ours
    on), not the command line, where any user of the machine could read its
    password.
    """
    script = Path(sys.executable).parent / "facilitator"
    program = [str(script)] if script.exists() else [sys.executable, "-m", "facilitator"]
    if isinstance(settings.db, Path):
        archive = ["--db", str(settings.db.resolve())]
    else:
        os.environ["FACILITATOR_DB"] = settings.db
        archive = []
    return shlex.join([*program, *archive, "--lang", current_language(), *args])


@command()
@click.argument("meeting", required=False)
@click.option("--follow", "follow_view", is_flag=True, help="Serve the read-only follow view.")
@click.option("--host", default="127.0.0.1", help="Address to listen on.")
@click.option("--port", default=8000, type=click.IntRange(1, 65535), help="Port to listen on.")
@click.option(
    "--allow-remote",
    is_flag=True,
    help="Listen on an address other machines can reach (the token still guards it).",
)
@click.option(
    "--allow-host",
    "allow_hosts",
    multiple=True,
    metavar="NAME",
    help="Also answer to this host name (a proxy's).",
)
@click.option(
    "--max-sessions", default=MAX_SESSIONS, type=click.IntRange(1, 64), help="Tabs at once."
)
@click.pass_obj
def serve(
    settings: Settings,
    meeting: str | None,
    follow_view: bool,
    host: str,
    port: int,
    allow_remote: bool,
    allow_hosts: tuple[str, ...],
    max_sessions: int,
) -> None:
    """Serve the room (or, with --follow, the follow view) to a browser.

    Each browser tab runs its own room or follow view on the same archive,
    so several screens can show one meeting. Only the URL printed (with its
    random token) opens it, and only on this machine unless --allow-remote.
    """
    from store.errors import ArchiveError

    check_port(host, port)
    if not is_loopback(host) and not allow_remote:
        fail(t("serve.remote_needs_flag", host=host))
    if not follow_view and isinstance(settings.db, Path) and not settings.db.exists():
        fail(t("archive.no_open"))
    archive = open_read_only(settings) if follow_view else open_archive(settings)
    if follow_view:
        row = meeting_to_follow(archive, meeting, settings)
    else:
        try:
            row = archive.find(meeting, closed=False, now=settings.clock.now())
        except ArchiveError as exc:
            archive.close()
            fail(str(exc))
    archive.close()
    command = facilitator_command(settings, "follow" if follow_view else "open", str(row.id))
    from facilitator.cli.web import GuardedServer

    token = secrets.token_urlsafe(16)
    server = GuardedServer(
        command,
        host=host,
        port=port,
        title=t("serve.page_title", title=row.title),
        token=token,
        hosts=hosts_for(host, port, (*allow_hosts, *_machine_names(host))),
        max_sessions=max_sessions,
    )
    if not is_loopback(host):
        click.echo(t("serve.remote_warning", host=host), err=True)
    what = t("serve.follow") if follow_view else t("serve.room")
    url = f"http://{url_host(host)}:{port}/?token={token}"
    click.echo(t("serve.serving_url", what=what, url=url), err=True)
    server.serve()


def _machine_names(host: str) -> tuple[str, ...]:
    """Listening on every address, the names and addresses others reach this machine by."""
    if host not in ("0.0.0.0", "::"):
        return ()
    names = {socket.gethostname(), socket.getfqdn()}
    try:
        for *_rest, address in socket.getaddrinfo(socket.gethostname(), None):
            names.add(str(address[0]))
    except OSError:
        pass
    return tuple(sorted(names))


def url_host(host: str) -> str:
    """``host`` as written in a URL: an IPv6 address goes in brackets (``[::1]``)."""
    return f"[{host}]" if ":" in host and not host.startswith("[") else host
