"""``facilitator archive copy`` and every command on a ``postgresql://`` archive.

Moving up is one command; the commands then run on the server as they ran on
the file; bad URLs, unreachable servers and a destination that is another
archive are one line and exit 2, with nothing changed.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from facilitator.cli.main import main
from facilitator.core.clock import FakeClock
from facilitator.core.i18n import catalogue
from store.archive import Archive
from store.followup import tasks
from tests.support import (
    FACILITATOR,
    LAUNCH_EN,
    LAUNCH_EN_LINES,
    LAUNCH_ZH,
    LAUNCH_ZH_LINES,
    PostgresServer,
    cli,
    held_meeting,
    hold_meeting,
)

NOW = "2026-03-06T10:00:00+01:00"


def _two_meetings(path: Path) -> Path:
    hold_meeting(path, LAUNCH_EN, LAUNCH_EN_LINES)
    hold_meeting(path, LAUNCH_ZH, LAUNCH_ZH_LINES)
    return path


def test_one_command_moves_an_archive_to_the_server_and_the_commands_follow(
    tmp_path: Path, pg_url: str
) -> None:
    source = _two_meetings(tmp_path / "archive.db")
    before = cli(source, "tasks", now=NOW).output
    # As a person runs it: the installed command, the URL on its command line.
    moved = subprocess.run(
        [str(FACILITATOR), "archive", "copy", str(source), pg_url],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "FACILITATOR_LANG": "en"},
    )
    assert moved.returncode == 0, moved.stderr
    assert "2 meetings" in moved.stdout and "as many rows as the source" in moved.stdout
    assert cli(pg_url, "tasks", now=NOW).output == before
    again = cli(source, "archive", "copy", str(source), pg_url)
    assert again.exit_code == 0 and "0 of them new" in again.output
    report = cli(pg_url, "report", now=NOW)
    assert report.exit_code == 0
    assert "submit the test resource form" in report.output
    assert "提交测试资源申请表" in report.output
    minutes = cli(pg_url, "minutes", "Q3新产品上线协调会")
    assert minutes.exit_code == 0 and "推广时间调整为9月20日" in minutes.output


def test_the_archive_comes_back_from_the_server_to_a_file(
    tmp_path: Path, pg_url: str, clock: FakeClock
) -> None:
    held_meeting(pg_url, clock)  # held on the server
    back = tmp_path / "back" / "archive.db"
    back.parent.mkdir()
    result = cli(back, "archive", "copy", pg_url, str(back))
    assert result.exit_code == 0, result.output
    with Archive.open(back, read_only=True) as archive, Archive.open(pg_url) as server:
        assert [m.title for m in archive.meetings()] == [m.title for m in server.meetings()]
        assert tasks(archive) == tasks(server)
    backup = tmp_path / "backup.db"
    result = cli(pg_url, "backup", str(backup))
    assert result.exit_code == 0 and "backed up 1 meeting to" in result.output
    assert cli(backup, "minutes").exit_code == 0


def test_copying_into_another_archive_is_refused_and_leaves_both_as_they_were(
    tmp_path: Path, pg_url: str, clock: FakeClock
) -> None:
    held_meeting(pg_url, clock)
    held_meeting(pg_url, FakeClock(clock.now().add(days=1)))
    source = _two_meetings(tmp_path / "archive.db")
    before = cli(pg_url, "tasks", now=NOW).output
    result = cli(source, "archive", "copy", str(source), pg_url)
    assert result.exit_code == 2
    assert "another archive, not a copy" in result.output
    assert len(result.output.strip().splitlines()) == 1
    assert cli(pg_url, "tasks", now=NOW).output == before


def test_a_copy_that_fails_leaves_no_new_file(tmp_path: Path, pg_url: str) -> None:
    source = _two_meetings(tmp_path / "archive.db")
    assert cli(source, "archive", "copy", str(source), pg_url).exit_code == 0
    # Another team's archive with as many meetings: the same ids, other rows.
    other = tmp_path / "other.db"
    hold_meeting(other, LAUNCH_ZH, LAUNCH_ZH_LINES)
    hold_meeting(other, LAUNCH_EN.replace("Q3 launch", "Q4 launch"), LAUNCH_EN_LINES)
    before = cli(pg_url, "tasks", now=NOW).output
    refused = cli(other, "archive", "copy", str(other), pg_url)
    assert refused.exit_code == 2 and "another archive" in refused.output
    assert cli(pg_url, "tasks", now=NOW).output == before
    target = tmp_path / "new.db"
    missing = cli(source, "archive", "copy", str(tmp_path / "missing.db"), str(target))
    assert missing.exit_code == 2 and "no archive at" in missing.output
    assert not target.exists()


def test_urls_the_archive_cannot_use_are_one_line_and_exit_2(
    tmp_path: Path, postgres: PostgresServer
) -> None:
    for url, said in (
        ("mysql://db.example.com/facilitator", "neither an archive file nor a postgresql://"),
        ("postgresql://postgres@127.0.0.1:1/facilitator", "cannot reach the archive server"),
        (postgres.url("no_such_database"), "does not exist"),
    ):
        result = CliRunner().invoke(main, ["--db", url, "tasks"])
        assert result.exit_code == 2, result.output
        assert said in result.output and len(result.output.strip().splitlines()) == 1
        assert "Traceback" not in result.output
    # A password in the URL is never printed back.
    secret = "postgresql://postgres:hunter2@127.0.0.1:1/facilitator"
    result = CliRunner().invoke(main, ["--db", secret, "tasks"])
    assert result.exit_code == 2 and "hunter2" not in result.output and ":***@" in result.output


def test_an_empty_server_database_says_how_to_fill_it(pg_url: str) -> None:
    result = cli(pg_url, "tasks")
    assert result.exit_code == 2
    assert "facilitator archive copy FILE" in result.output


def test_the_server_url_may_come_from_the_environment(pg_url: str, clock: FakeClock) -> None:
    held_meeting(pg_url, clock)
    result = CliRunner().invoke(main, ["minutes"], env={"FACILITATOR_DB": pg_url})
    assert result.exit_code == 0 and "go live on 20 Sept" in result.output
    upgraded = CliRunner().invoke(main, ["upgrade"], env={"FACILITATOR_DB": pg_url})
    assert upgraded.exit_code == 0 and "is up to date" in upgraded.output


def test_leaving_a_room_on_the_server_names_the_server_but_not_its_password() -> None:
    from facilitator.cli.room import resume_command

    url = "postgresql://ana:s3cret@db.example.com/facilitator"
    assert resume_command(url, 3, "facilitator") == (
        "facilitator --db 'postgresql://ana:***@db.example.com/facilitator' open 3"
    )


def test_the_archive_commands_have_help_in_both_languages() -> None:
    for language in ("en", "zh"):
        assert {"cli_help.archive", "cli_help.copy"} <= set(catalogue(language))
    english = CliRunner().invoke(main, ["--lang", "en", "archive", "--help"])
    assert english.exit_code == 0
    assert all(name in english.output for name in ("copy", "backup", "upgrade"))
    chinese = CliRunner().invoke(main, ["--lang", "zh", "archive", "copy", "--help"])
    assert "逐表核对行数" in chinese.output


def test_serve_hands_the_server_url_to_each_tab_through_the_environment(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from facilitator.app.settings import Settings
    from facilitator.cli.follow import facilitator_command

    url = "postgresql://ana:s3cret@db.example.com/facilitator"
    monkeypatch.delenv("FACILITATOR_DB", raising=False)
    command = facilitator_command(Settings(db=url, clock=FakeClock()), "open", "3")
    # Not on the command line, where every user of the machine can read it.
    assert "s3cret" not in command and "--db" not in command
    assert os.environ["FACILITATOR_DB"] == url


def test_a_server_url_without_the_postgres_extra_says_what_to_install(pg_url: str) -> None:
    code = (
        "import sys; sys.modules['psycopg'] = None\n"
        "from facilitator.cli.main import main\n"
        f"main(['--db', {pg_url!r}, 'tasks'])\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "FACILITATOR_LANG": "en"},
    )
    assert result.returncode == 2
    assert "pip install 'facilitator[postgres]'" in result.stderr
    assert "Traceback" not in result.stderr


def test_follow_up_search_and_the_meetings_list_read_the_same_on_the_server(
    tmp_path: Path, pg_url: str
) -> None:
    """issues 15-17's commands after the move: items, item, confirm, search,
    meetings, tasks by status answer on the server as on the file."""
    source = _two_meetings(tmp_path / "source.db")
    assert cli(source, "archive", "copy", str(source), pg_url).exit_code == 0
    for command in (
        ("items", "--format", "csv"),
        ("search", "预算"),
        ("search", "test resource"),
        ("meetings",),
        ("tasks", "--status", "delayed"),
    ):
        on_file, on_server = cli(source, *command, now=NOW), cli(pg_url, *command, now=NOW)
        assert on_server.exit_code == 0, on_server.output
        assert on_server.output == on_file.output, command
    assert "预算审批" in cli(pg_url, "search", "预算").output
    item = cli(pg_url, "item", "1", "resolved", "--note", "settled", now=NOW)
    assert item.exit_code == 0, item.output
    confirmed = cli(pg_url, "confirm", "2", "--by", "李雷", now=NOW)
    assert confirmed.exit_code == 0, confirmed.output
    with Archive.open(pg_url, read_only=True) as archive:
        from store.confirmations import confirmations
        from store.items import item

        assert item(archive, 1).status == "resolved"
        assert [c.name for c in confirmations(archive, 2)] == ["李雷"]


def test_datasette_on_a_server_says_to_take_a_snapshot_first(pg_url: str) -> None:
    Archive.open(pg_url).close()
    result = cli(pg_url, "datasette")
    assert result.exit_code == 2
    assert "backup FILE" in result.output and "datasette" in result.output
