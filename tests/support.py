"""What the tests share: fixed values, meetings, the room, typing, hostile text, tmux.

One module for every helper (fixtures live in tests/conftest.py). The lanes
under tests/ (meeting/, line/, store/, screens/, ...) import from here only,
never from one another. Sections, in order:

- paths and fixed values (``START``, ``AGENDA_TOML``, ``DATA``, ``GOLDEN``)
- lines typed into the domain (``type_lines``) and meetings held and closed
- the room on a fixed agenda (``room_app``) and driving it with Pilot
- hostile text (``HOSTILE_TEXTS``) for every screen and export
- the real program in tmux (``terminal``)
- a throwaway PostgreSQL server (``PostgresServer``, ``postgres_binaries``)

``tests/driver.py`` is not here: it is a program the crash and two-writer
tests run in a process of their own.
"""

from __future__ import annotations

import contextlib
import csv
import io
import json
import shutil
import sqlite3
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pendulum
import pytest
from click.testing import CliRunner, Result
from markdown_it import MarkdownIt
from rich.cells import cell_len
from textual.pilot import Pilot

from facilitator.app.live import LiveMeeting
from facilitator.app.settings import Location
from facilitator.cli.main import main
from facilitator.core.clock import FakeClock
from facilitator.core.text import clean
from facilitator.meeting.agenda import Agenda
from facilitator.meeting.minutes import Minutes
from facilitator.meeting.state import Captured
from facilitator.planning.agenda_file import load_agenda, parse_agenda
from facilitator.planning.demo import demo_agenda
from screens.app import FacilitatorApp
from store.archive import Archive

# -- paths and fixed values ---------------------------------------------------------

TESTS = Path(__file__).resolve().parent
ROOT = TESTS.parent
"""The repository (the working directory of programs the tests start)."""
DATA = TESTS / "data"
GOLDEN = TESTS / "golden"
FACILITATOR = Path(sys.executable).parent / "facilitator"
"""The installed ``facilitator`` command, as a person runs it."""

START = pendulum.datetime(2026, 3, 2, 10, 0, tz="Europe/Berlin")
"""The fake clock's first instant (the ``clock`` fixture)."""

AGENDA_TOML = """\
[meeting]
title = "Weekly ops sync"
goal = "Agree the release checklist"
kind = "sync"
start = 2026-03-02T10:00:00+01:00
end = 2026-03-02T11:00:00+01:00
place = "Room 2"
rsvp_by = 2026-02-26T17:00:00+01:00
materials = ["checklist.pdf"]

[[people]]
name = "Ana"
department = "Ops"
role = "host"

[[people]]
name = "Ben"
department = "R&D"
role = "recorder"

[[people]]
name = "李雷"
department = "Sales"

[[topics]]
title = "Release checklist"
owner = "Ana"
minutes = 20

[[topics]]
title = "Support rota"
owner = "Ben"
minutes = 15
"""

# -- lines typed into the domain, meetings held ---------------------------------------


def type_lines(meeting: LiveMeeting, *lines: str) -> None:
    """Type lines into the room, asserting each was accepted."""
    for line in lines:
        outcome = meeting.submit(line)
        assert outcome.accepted, (line, [n.text() for n in outcome.notices])


LAUNCH_EN = """\
[meeting]
title = "Q3 launch coordination"
goal = "Agree the Q3 launch timetable"
kind = "kickoff"
timezone = "Europe/Berlin"
start = 2026-03-02T10:00:00
end = 2026-03-02T11:00:00
place = "Room 3A"
online = "https://meet.example.com/q3"
rsvp_by = 2026-02-26T17:00:00
materials = ["Development plan", "Campaign draft"]
language = "en"

[[people]]
name = "Ana"
department = "Project office"
role = "host"
email = "ana@example.com"

[[people]]
name = "Zhao"
department = "Project office"
role = "recorder"
email = "zhao@example.com"

[[people]]
name = "Li"
department = "R&D"
email = "li@example.com"

[[people]]
name = "Marta"
department = "Marketing"

[[people]]
name = "Wang"
department = "Sales"
email = "wang@example.com"

[[topics]]
title = "R&D progress and risks"
owner = "Li"
minutes = 15

[[topics]]
title = "Launch campaign"
owner = "Marta"
minutes = 15

[[topics]]
title = "Sales training"
owner = "Wang"
minutes = 10
"""

LAUNCH_EN_LINES = (
    "/absent @Wang @Marta",
    "/next",
    "Front end 80% done, back end in integration",
    "x: R&D: longer tests | Marketing: keep the date",
    "d: ship on 20 Sept",
    "a: @Li submit the test resource form by 3/10",
    "/next",
    "u: @Marta budget approval in 3 workdays",
    "a: @Marta campaign draft by 3/20",
)

LAUNCH_ZH = """\
[meeting]
title = "Q3新产品上线协调会"
goal = "确定Q3产品上线时间表"
kind = "kickoff"
timezone = "Asia/Shanghai"
start = 2026-03-02T14:00:00
end = 2026-03-02T16:00:00
place = "公司3楼会议室A"
rsvp_by = 2026-02-26T17:00:00
materials = ["产品开发计划表", "市场推广初稿"]
language = "zh"

[[people]]
name = "周敏"
department = "项目部"
role = "host"
email = "zhoumin@example.com"

[[people]]
name = "赵芳"
department = "项目部"
role = "recorder"

[[people]]
name = "李雷"
department = "研发部"

[[people]]
name = "韩梅梅"
department = "市场部"

[[topics]]
title = "研发进度汇报"
owner = "李雷"
minutes = 20

[[topics]]
title = "推广方案确认"
owner = "韩梅梅"
minutes = 20
"""

LAUNCH_ZH_LINES = (
    "/next",
    "前端开发完成80%，后端接口联调中",
    "争议: 研发部: 需延长测试周期 | 市场部: 担心影响推广节奏",
    "决定: 推广时间调整为9月20日",
    "任务: @李雷 提交测试资源申请表 3月10日",
    "/next",
    "待定: @韩梅梅 预算审批 3个工作日内",
)

SPEAKERS_EN_LINES = (
    "/absent @Wang @Marta",
    "/next",  # Li reports on R&D
    "Front end 80% done",
    "Back end in integration",
    "/speak @Marta",
    "/speak @Zhao reply",
    "/speak @Ana order",
    "/done",  # Ana: the point of order goes first
    "Keep to the agenda: risks first",
    "/done",  # Zhao replies
    "Integration tests need another week",
    "@Li: the week fits before the freeze",
    "/done",  # Marta
    "Campaign needs the date fixed",
    "-: room booked until 11:00",
    "d: ship on 20 Sept",
    "/next",  # Marta reports on the campaign
    "Draft ready",
    "/next",  # Wang is absent: Marta reports for him
    "Training can start in April",
)
"""A meeting where a point of order, a reply and a briefer speak: the minutes say who said what."""

SPEAKERS_ZH_LINES = (
    "/到 全体",
    "/下一项",
    "前端开发完成80%",
    "后端接口联调中",
    "/发言 @韩梅梅",
    "/发言 @赵芳 回应",
    "/发言 @周敏 程序问题",
    "/结束发言",
    "先谈风险",
    "/结束发言",
    "联调还需要一周",
    "@李雷：冻结前来得及",
    "/结束发言",
    "推广需要确定日期",
    "-: 会议室订到16:00",
    "决定: 推广时间调整为9月20日",
    "/下一项",
    "初稿已完成",
)


def hold_meeting(
    db_path: Location, agenda_text: str, lines: tuple[str, ...], minutes_per_line: float = 2
) -> tuple[int, FakeClock]:
    """Run a meeting from its agenda on a fake clock and close it; (meeting id, clock)."""
    agenda = parse_agenda(agenda_text)
    clock = FakeClock(agenda.start)
    with Archive.open(db_path) as archive:
        meeting = LiveMeeting(archive.create_meeting(agenda, clock.now()), clock)
        for line in lines:
            type_lines(meeting, line)
            clock.advance(minutes=minutes_per_line)
        meeting.close()
        return meeting.meeting_id, clock


def migrated_until(location: Location, stop_before: str) -> None:
    """An archive at ``location`` as an older version left it: its migrations applied
    up to, not including, ``stop_before`` (on either engine)."""
    from store.migrate import apply
    from store.schema import MIGRATIONS
    from store.versions import MIGRATION_SET

    older = MIGRATIONS[: [m.name for m in MIGRATIONS].index(stop_before)]
    if isinstance(location, Path):
        conn = sqlite3.connect(location, isolation_level=None)
        conn.execute("BEGIN")
        apply(conn, "sqlite", MIGRATION_SET, older)
        conn.execute("COMMIT")
        conn.close()
        return
    from store.pg_connection import PgConnection

    server = PgConnection(location, read_only=False, busy_ms=5000)
    with server.transaction(True) as bound:
        apply(bound, "postgres", MIGRATION_SET, older)
    server.close()


def held_meeting(db_path: Path, clock: FakeClock) -> int:
    """A closed meeting with a decision, a task, an open item and speaking turns."""
    with Archive.open(db_path) as archive:
        journal = archive.create_meeting(demo_agenda(clock.now()), clock.now())
        room = LiveMeeting(journal, clock)
        type_lines(room, "/next", "d: go live on 20 Sept", "a: @Li training build by 9/10")
        clock.advance(minutes=4)
        type_lines(room, "/call @Marta", "u: @Legal compliance opinion in 3 workdays")
        clock.advance(minutes=2)
        type_lines(room, "/next")
        clock.advance(minutes=1)
        room.close()
        return journal.meeting_id


TWENTY_MEETINGS = 20


def twenty_meetings(path: Location) -> None:
    """Ten Chinese and ten English meetings, a day apart, each saying 预算 once."""
    for day in range(TWENTY_MEETINGS):
        date = f"2026-04-{day + 1:02d}"
        if day % 2:
            agenda = LAUNCH_EN.replace("2026-03-02", date)
            lines = (*LAUNCH_EN_LINES, "d: the 预算 stays frozen until May")
        else:
            agenda = LAUNCH_ZH.replace("2026-03-02", date)
            lines = LAUNCH_ZH_LINES  # 待定: @韩梅梅 预算审批 3个工作日内
        hold_meeting(path, agenda, lines)


def cli(
    db_path: Path,
    *args: str,
    now: str | None = None,
    lang: str | None = None,
    env: dict[str, str] | None = None,
) -> Result:
    """The facilitator command on ``db_path``, at ``now`` (FACILITATOR_NOW)."""
    # A wide terminal, so tables do not wrap long titles.
    env = {"COLUMNS": "160", **({"FACILITATOR_NOW": now} if now else {}), **(env or {})}
    prefix = ["--db", str(db_path)] + (["--lang", lang] if lang else [])
    return CliRunner().invoke(main, [*prefix, *args], env=env, catch_exceptions=False)


def csv_records(text: str) -> list[dict[str, str]]:
    """A CSV export as a spreadsheet reads it: one dict per line, by the header's names."""
    return list(csv.DictReader(io.StringIO(text.removeprefix("\ufeff"))))


def column_starts(line: str, cells: list[str]) -> list[int]:
    """The screen column (display width, 李 is two) where each of ``cells`` starts in
    ``line``, searched left to right: the same list for every line means aligned."""
    starts, at = [], 0
    for cell in cells:
        index = line.index(cell, at)
        starts.append(cell_len(line[:index]))
        at = index + len(cell)
    return starts


# -- the room, driven as a person at the keyboard would ------------------------------

ROOM_AGENDA = DATA / "room.toml"
ROOM_AGENDA_ZH = DATA / "room_zh.toml"


def room_app(
    archive: Archive, clock: FakeClock, theme: str | None = None, agenda_file: Path = ROOM_AGENDA
) -> FacilitatorApp:
    """A fresh meeting on tests/data/room.toml (or ``agenda_file``), opened in the app.

    The room on a fixed agenda (fixed zone and times) for screen tests and snapshots.
    """
    agenda = load_agenda(agenda_file)
    journal = archive.create_meeting(agenda, clock.now())
    return FacilitatorApp(LiveMeeting(journal, clock), theme=theme)


_KEYS = {" ": "space"}


async def type_text(pilot: Pilot, text: str) -> None:
    """Type ``text`` key by key into the focused widget."""
    for char in text:
        await pilot.press(_KEYS.get(char, char))


async def enter_line(pilot: Pilot, text: str) -> None:
    """Type a line into the room and press Enter."""
    await type_text(pilot, text)
    await pilot.press("enter")
    await pilot.pause()


async def submit_lines(pilot: Pilot, *lines: str) -> None:
    """Carry out lines in the room as if each were typed and entered, without the keys.

    The room's own path for a line (``RoomScreen.submit_text``, as the palette
    uses): it is recorded, the status line confirms it, the entries and the
    preview show what they show after Enter. Key by key, a line costs a tenth
    of a second a character; use this where the typing is not what is tested.
    """
    from screens.room import RoomScreen

    room = pilot.app.screen
    assert isinstance(room, RoomScreen), room
    for line in lines:
        room.submit_text(line)
    await pilot.pause()


async def after_refusal(pilot: Pilot) -> None:
    """Wait until a refused line is back in the input (it returns once typing stops)."""
    from screens.widgets.capture import QUIET_SECONDS

    await pilot.pause(QUIET_SECONDS + 0.2)


# -- hostile text ---------------------------------------------------------------------

# Text that tries to be markup: the one list every output is tested against.
#
# Names, topics and notes come from people; each of these must come out of
# every screen and export exactly as typed (minus control characters, which no
# output may pass through). To test a new export, parametrize its test over
# ``HOSTILE_TEXTS`` and check ``visible(text)`` shows literally in it.

HOSTILE_TEXTS: tuple[str, ...] = (
    # Rich / Textual console markup
    "[bold red]x[/]",
    "[link=https://e.x]y[/link]",
    "[@click=app.quit]quit[/]",
    "\\[not escaped\\] [/]",
    # ANSI escape sequences: colour, a terminal hyperlink (OSC 8), clear screen
    "\x1b[31mred\x1b[0m text",
    "\x1b]8;;https://e.x\x1b\\click\x1b]8;;\x1b\\ here",
    "\x1b[2J\x1b[Hwiped",
    # HTML
    "<script>alert(1)</script>",
    '<a href="https://e.x">y</a> &amp; &lt;b&gt; R&D',
    # Markdown control characters, inline and at the start of a line
    "**bold** _em_ `code` ~~gone~~",
    "# Heading",
    "- item",
    "1. first",
    "> quoted",
    "| a | b |",
    "[y](https://e.x) ![i](https://e.x/i.png) <https://e.x>",
    "---",
    # Spreadsheet formulas (CSV injection)
    '=HYPERLINK("https://e.x","click")',
    "+SUM(1,2)",
    "-2+3",
    "@SUM(A1:A2)",
    # Chinese text with brackets of both widths
    "【重要】[red]李雷[/red]",
    # Text that lies about its order: a right-to-left override, isolates, a
    # line separator (each must be neutralised, the words kept)
    "ship \u202eevil\u202c now",
    "\u2066approved\u2069 \u2028 budget",
)
"""Hostile strings for names, topics and notes; one line each, no edge spaces."""


def visible(text: str) -> str:
    """What a reader must see of ``text``: all of it, minus control characters and
    invisible direction marks (never what they would make it look like)."""
    return clean(text)


def hostile_agenda_toml(text: str) -> str:
    """An agenda file with ``text`` as its title, goal, place, first topic, and a
    person (that topic's owner) whose name and department are ``text``."""
    value = json.dumps(text, ensure_ascii=False)  # a JSON string is a TOML basic string
    return f"""\
[meeting]
title = {value}
goal = {value}
place = {value}
start = 2026-03-02T10:00:00+01:00
end = 2026-03-02T11:00:00+01:00

[[people]]
name = "Ana"
department = "Ops"
role = "host"

[[people]]
name = {value}
department = {value}

[[topics]]
title = {value}
owner = {value}
minutes = 15

[[topics]]
title = "Support rota"
owner = "Ana"
minutes = 15
"""


def hostile_agenda(text: str) -> Agenda:
    """The agenda of :func:`hostile_agenda_toml`, read as an agenda file is."""
    return parse_agenda(hostile_agenda_toml(text), source="hostile.toml")


def hostile_meeting(archive: Archive, clock: FakeClock, text: str) -> LiveMeeting:
    """A meeting whose title, first topic, its owner and notes are all ``text``."""
    agenda = hostile_agenda(text)
    meeting = LiveMeeting(archive.create_meeting(agenda, clock.now()), clock)
    type_lines(meeting, "/next", text, "d: " + text)
    outcome = meeting.submit(f"a: @{visible(text)} check the figures by 9/10")
    assert outcome.events[-1].entry.owner == visible(text)
    clock.advance(minutes=3)
    return meeting


def hostile_minutes(archive: Archive, clock: FakeClock, text: str) -> Minutes:
    """The minutes of :func:`hostile_meeting`, closed."""
    return hostile_meeting(archive, clock, text).close()


def rendered_markdown_lines(markdown: str, linkify: bool = False) -> list[str]:
    """What a Markdown renderer (CommonMark + tables) shows, line by line.

    Fails if anything typed became an image, raw HTML or a link that shows
    other text than where it goes: the only links allowed are web addresses
    shown as themselves (autolinks). ``linkify``: as GitHub's renderer, which
    also links bare addresses.
    """
    parser = MarkdownIt("commonmark").enable(["table", "strikethrough"])
    if linkify:
        parser = MarkdownIt("gfm-like").enable(["table", "strikethrough"])
    shown: list[str] = []
    for token in parser.parse(markdown):
        assert token.type not in ("html_block",), token
        children = list(token.children or ())
        for index, child in enumerate(children):
            assert child.type not in ("image", "html_inline", "s_open"), child
            if child.type == "link_open":
                assert child.markup in ("autolink", "linkify"), child
                text = children[index + 1]
                assert text.type == "text" and child.attrs["href"].endswith(text.content), child
        if token.type == "inline":
            shown.append(
                "".join(
                    c.content if c.type in ("text", "text_special", "code_inline") else " "
                    for c in children
                    if not c.type.endswith(("_open", "_close"))
                )
            )
    return shown


def rendered_links(markdown: str, linkify: bool = False) -> list[str]:
    """The addresses a Markdown renderer links (CommonMark, or GitHub-like with ``linkify``)."""
    parser = MarkdownIt("gfm-like" if linkify else "commonmark")
    return [
        str(child.attrs["href"])
        for token in parser.parse(markdown)
        for child in token.children or ()
        if child.type == "link_open"
    ]


# -- the real program in tmux ---------------------------------------------------------

# Driving the real program in tmux, as a person at a real terminal would.
#
# Keys go through tmux's own terminal emulation (``send-keys``, ``paste-buffer``),
# so the program reads exactly the bytes a recorder's keyboard or clipboard
# sends: the only place where typing fast, pasting and Enter are proven.

needs_tmux = [
    pytest.mark.tmux,
    pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed"),
]


class Terminal:
    """One tmux session running a command, on a tmux server of its own.

    A server per test: tests never share one, and one ending (its last session
    killed) can never take another's down while it starts.
    """

    def __init__(self, name: str) -> None:
        self.name = name

    def tmux(self, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            ["tmux", "-L", self.name, *args], capture_output=True, text=True, check=check
        )

    def send(self, *keys: str) -> None:
        self.tmux("send-keys", "-t", self.name, *keys)

    def type(self, text: str) -> None:
        """Type ``text`` literally (no key names)."""
        self.send("-l", text)

    def type_line(self, text: str) -> None:
        self.type(text)
        self.send("Enter")

    def paste(self, text: str, bracketed: bool = True) -> None:
        """Paste ``text`` as a terminal does: one bracketed paste (Ctrl+Shift+V, a
        middle click), or, with ``bracketed=False``, as if typed (newlines as Enter)."""
        buffer = f"b{uuid.uuid4().hex[:8]}"
        self.tmux("set-buffer", "-b", buffer, "--", text)
        flags = ["-p"] if bracketed else []
        self.tmux("paste-buffer", "-d", *flags, "-b", buffer, "-t", self.name)

    def screen(self) -> str:
        return self.tmux("capture-pane", "-p", "-t", self.name, check=False).stdout

    def wait_for(self, text: str, seconds: float = 30) -> str:
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            shown = self.screen()
            if text in shown:
                return shown
            time.sleep(0.02)
        raise AssertionError(f"{text!r} never appeared; screen was:\n{self.screen()}")


@contextmanager
def terminal(command: str, size: tuple[int, int] = (120, 40)) -> Iterator[Terminal]:
    """A tmux session of ``size`` running ``command`` (kept open after it ends)."""
    session = Terminal(f"facilitator-test-{uuid.uuid4().hex[:8]}")
    columns, rows = size
    started = session.tmux(
        "new-session",
        "-d",
        "-s",
        session.name,
        "-x",
        str(columns),
        "-y",
        str(rows),
        f"{command}; sleep 600",
        check=False,
    )
    assert started.returncode == 0, started.stderr
    try:
        yield session
    finally:
        session.tmux("kill-server", check=False)


def room_command(db: Path, *args: str) -> str:
    """The shell command that opens the room on the archive ``db``."""
    return f"FACILITATOR_LANG=en {FACILITATOR} --db '{db}' {' '.join(args)}"


def entries(db: Path) -> list[Captured]:
    """The entries of the archive's latest meeting, as its journal holds them."""
    with Archive.open(db) as archive:
        meeting = archive.meetings()[-1]
        return list(archive.state(meeting.id).entries)


def wait_for_entries(db: Path, count: int, seconds: float = 30) -> list[Captured]:
    """The entries once there are at least ``count`` (then a moment more, so a
    doubled line would show up too)."""
    deadline = time.monotonic() + seconds
    found: list[Captured] = []
    while time.monotonic() < deadline:
        found = entries(db) if db.exists() else []
        if len(found) >= count:
            time.sleep(0.5)
            return entries(db)
        time.sleep(0.05)
    raise AssertionError(f"{count} entries never arrived; the journal holds {found}")


# -- a throwaway PostgreSQL server ----------------------------------------------------

# The organisation's archive is a real server, so the tests run one: initdb and
# pg_ctl into a temporary directory, listening on loopback only (a free port,
# no Unix socket), trusting local connections. One per pytest process (each
# xdist worker has its own); every test gets a database of its own in it.
# benchmarks/ starts one the same way.


def postgres_binaries() -> Path | None:
    """The directory of the newest installed PostgreSQL's server programs, if any."""
    import os

    candidates = [Path(p) for p in (os.environ.get("FACILITATOR_PG_BIN", ""),) if p]
    candidates += sorted(
        Path("/usr/lib/postgresql").glob("*/bin"),
        key=lambda p: int(p.parent.name) if p.parent.name.isdigit() else 0,
        reverse=True,
    )
    on_path = shutil.which("initdb")
    if on_path:
        candidates.append(Path(on_path).parent)
    return next(
        (p for p in candidates if (p / "initdb").exists() and (p / "pg_ctl").exists()), None
    )


NO_POSTGRES = (
    "PostgreSQL's server programs (initdb, pg_ctl) are not installed: "
    "apt-get install postgresql (.ci/run does), or set FACILITATOR_PG_BIN"
)


def _free_port() -> int:
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class PostgresServer:
    """A PostgreSQL server of our own in a temporary directory, on 127.0.0.1.

    initdb refuses to run as root: as root, the server runs as the
    ``postgres`` system user, on a directory it owns.
    """

    def __init__(self, binaries: Path, *, durable: bool = False) -> None:
        import os
        import tempfile

        self.binaries = binaries
        self.port = _free_port()
        self.root = Path(tempfile.mkdtemp(prefix="facilitator-pg-"))
        self.data = self.root / "data"
        self.as_root = os.geteuid() == 0
        if self.as_root:
            shutil.chown(self.root, "postgres", "postgres")
        self._run(
            "initdb",
            "-D",
            str(self.data),
            "-U",
            "postgres",
            "--auth=trust",
            "-E",
            "UTF8",
            "--locale=C.UTF-8",
            "--no-sync",
        )
        settings = [
            "listen_addresses = '127.0.0.1'",
            f"port = {self.port}",
            "unix_socket_directories = ''",
            "max_connections = 300",
            "shared_buffers = 128MB",
        ]
        if not durable:
            # Test runs need no crash safety; the benchmark's server keeps it.
            settings += ["fsync = off", "full_page_writes = off"]
        with (self.data / "postgresql.conf").open("a") as conf:
            conf.write("\n".join(settings) + "\n")
        self._run("pg_ctl", "-D", str(self.data), "-l", str(self.root / "log"), "-w", "start")
        self._databases = 0

    def _run(self, program: str, *args: str) -> None:
        command = [str(self.binaries / program), *args]
        if self.as_root:
            command = ["runuser", "-u", "postgres", "--", *command]
        done = subprocess.run(command, capture_output=True, text=True, timeout=120)
        if done.returncode != 0:
            raise RuntimeError(f"{program} failed: {done.stdout}{done.stderr}")

    def url(self, database: str = "postgres") -> str:
        return f"postgresql://postgres@127.0.0.1:{self.port}/{database}"

    def new_database(self) -> str:
        """The URL of a new, empty database on this server."""
        import psycopg

        self._databases += 1
        name = f"archive_{self._databases}_{uuid.uuid4().hex[:6]}"
        with psycopg.connect(self.url(), autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{name}"')
        return self.url(name)

    def sql(self, url: str, statement: str) -> list[tuple]:
        """Run one statement as the server's superuser (a test's hand on the server)."""
        import psycopg

        with psycopg.connect(url, autocommit=True) as conn:
            cursor = conn.execute(statement)
            return cursor.fetchall() if cursor.description else []

    def stop(self) -> None:
        try:
            self._run("pg_ctl", "-D", str(self.data), "-m", "immediate", "stop")
        finally:
            shutil.rmtree(self.root, ignore_errors=True)


class CuttingProxy:
    """A TCP relay to a server that can cut one connection at the worst moment.

    ``cut = "answer"``: the next COMMIT reaches the server, which commits, but
    its answer never reaches the client (the link drops just then). ``cut =
    "commit"``: the COMMIT itself is lost with the link (the server rolls back).
    Either way the client cannot know which happened. Used once, then it relays.
    """

    def __init__(self, port: int) -> None:
        import socket
        import threading

        self.upstream = port
        self.cut: str | None = None
        self.cuts = 0
        self._muted: set[object] = set()
        self._listener = socket.create_server(("127.0.0.1", 0))
        self.port = int(self._listener.getsockname()[1])
        threading.Thread(target=self._accept, daemon=True).start()

    def url(self, database_url: str) -> str:
        """``database_url`` (on the upstream server) reached through this relay."""
        return database_url.replace(f":{self.upstream}/", f":{self.port}/")

    def _accept(self) -> None:
        import socket
        import threading

        while True:
            try:
                client, _ = self._listener.accept()
            except OSError:
                return
            server = socket.create_connection(("127.0.0.1", self.upstream))
            threading.Thread(target=self._pump, args=(client, server, True), daemon=True).start()
            threading.Thread(target=self._pump, args=(server, client, False), daemon=True).start()

    def _pump(self, source, target, to_server: bool) -> None:  # type: ignore[no-untyped-def]
        import socket

        while True:
            try:
                chunk = source.recv(65536)
            except OSError:
                chunk = b""
            if not chunk:
                break
            if not to_server and target in self._muted:
                break  # the answer to the COMMIT: lost with the link
            if to_server and self.cut and b"COMMIT" in chunk:
                cut, self.cut = self.cut, None
                self.cuts += 1
                self._muted.add(source)
                if cut == "answer":
                    target.sendall(chunk)
                    time.sleep(0.3)  # the server commits; its answer goes nowhere
                for end in (source, target):
                    with contextlib.suppress(OSError):
                        end.shutdown(socket.SHUT_RDWR)
                break
            try:
                target.sendall(chunk)
            except OSError:
                break
        for end in (source, target):
            with contextlib.suppress(OSError):
                end.close()

    def close(self) -> None:
        self._listener.close()
