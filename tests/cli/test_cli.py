"""The facilitator command, through click's runner, on real archive files."""

from __future__ import annotations

from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from facilitator.app.live import LiveMeeting
from facilitator.cli.main import main
from facilitator.planning.demo import demo_agenda
from store.archive import Archive
from tests.support import FACILITATOR, type_lines


def invoke(*args: str, env: dict | None = None):
    return CliRunner().invoke(main, list(args), env=env, catch_exceptions=False)


def test_check_accepts_a_good_agenda(agenda_file: Path) -> None:
    result = invoke("check", str(agenda_file))
    assert result.exit_code == 0
    assert "Weekly ops sync" in result.output and "35 of 60 minutes" in result.output


def test_check_rejects_a_bad_agenda_with_exit_2(agenda_file: Path) -> None:
    agenda_file.write_text(agenda_file.read_text().replace('owner = "Ben"', 'owner = "Bob"'))
    result = invoke("check", str(agenda_file))
    assert result.exit_code == 2
    assert f"{agenda_file}:" in result.output and "topics[2].owner" in result.output


def test_check_of_a_missing_file_exits_2(tmp_path: Path) -> None:
    result = invoke("check", str(tmp_path / "missing.toml"))
    assert result.exit_code == 2
    # The file, what is wrong, and how to make one: no "file:" as if it were a field.
    assert f"{tmp_path / 'missing.toml'}: no such agenda file" in result.output
    assert "facilitator new KIND -o agenda.toml" in result.output


def _closed_meeting(db_path: Path, clock) -> int:
    with Archive.open(db_path) as archive:
        journal = archive.create_meeting(demo_agenda(clock.now()), clock.now())
        meeting = LiveMeeting(journal, clock)
        type_lines(meeting, "/next", "d: go live on 20 Sept", "a: @Li training build by 9/10")
        clock.advance(minutes=3)
        meeting.close()
        return meeting.meeting_id


def test_minutes_prints_the_latest_closed_meeting(db_path: Path, clock) -> None:
    _closed_meeting(db_path, clock)
    # The task status is the current follow-up status: as of the meeting day, still open.
    result = invoke("--db", str(db_path), "minutes", env={"FACILITATOR_NOW": str(clock.now())})
    assert result.exit_code == 0
    assert "# Minutes: Q3 product launch coordination" in result.output
    assert "go live on 20 Sept" in result.output
    assert "| 1 | training build | Li | Thu 10 Sep 2026 | Open |" in result.output


def test_db_falls_back_to_the_environment(db_path: Path, clock) -> None:
    _closed_meeting(db_path, clock)
    result = invoke("minutes", env={"FACILITATOR_DB": str(db_path)})
    assert result.exit_code == 0 and "go live on 20 Sept" in result.output


def test_default_archive_lives_in_the_user_data_directory(tmp_path: Path) -> None:
    from facilitator.app.settings import default_archive_path

    path = default_archive_path()
    assert path.name == "archive.db" and "facilitator" in str(path)


def test_leaving_the_room_says_how_to_resume_from_the_same_archive(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from facilitator.app.settings import default_archive_path
    from facilitator.cli.room import resume_command

    assert resume_command(default_archive_path(), 3, "facilitator") == "facilitator open 3"
    other = tmp_path / "team archive.db"
    assert resume_command(other, 3, "facilitator") == f"facilitator --db '{other}' open 3"
    # A room run in Chinese reopens in Chinese, whatever the next shell's LANG says.
    from facilitator.core.i18n import set_language

    set_language("zh")
    assert resume_command(other, 3, "facilitator") == (
        f"facilitator --db '{other}' --lang zh open 3"
    )
    # And a room run in English where the shell speaks Chinese reopens in English.
    set_language("en")
    monkeypatch.setenv("FACILITATOR_LANG", "zh")
    assert resume_command(other, 3, "facilitator").endswith("--lang en open 3")


def test_the_resume_command_names_the_program_by_its_path_when_no_path_finds_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from facilitator.cli.room import resume_command

    # As after `make run`: .venv/bin/facilitator, run from the repository, not on PATH.
    monkeypatch.setattr("sys.argv", [str(FACILITATOR)])
    monkeypatch.setenv("PATH", "/usr/bin:/bin")
    monkeypatch.chdir(tmp_path)
    command = resume_command(Path("var/demo.db"), 1)
    assert command == f"{FACILITATOR} --db {tmp_path}/var/demo.db open 1"
    monkeypatch.setenv("PATH", f"{FACILITATOR.parent}:/usr/bin:/bin")
    assert resume_command(Path("var/demo.db"), 1).startswith("facilitator --db ")


def test_minutes_without_a_closed_meeting_is_a_clear_error(db_path: Path) -> None:
    Archive.open(db_path).close()
    result = invoke("--db", str(db_path), "minutes")
    assert result.exit_code == 2 and "no closed meeting" in result.output


def test_minutes_of_an_unknown_meeting(db_path: Path, clock) -> None:
    _closed_meeting(db_path, clock)
    result = invoke("--db", str(db_path), "minutes", "budget review")
    assert result.exit_code == 2 and "no meeting matches 'budget review'" in result.output


def test_open_with_nothing_open_says_how_to_start(db_path: Path) -> None:
    Archive.open(db_path).close()
    result = invoke("--db", str(db_path), "open")
    assert result.exit_code == 2 and "facilitator demo" in result.output


def test_a_corrupt_archive_gives_one_clear_message(tmp_path: Path) -> None:
    bad = tmp_path / "bad.db"
    bad.write_bytes(b"\x89PNG not a database")
    result = invoke("--db", str(bad), "minutes")
    assert result.exit_code == 2
    assert result.output.count("\n") == 1 and "not a Facilitator archive" in result.output
    assert bad.read_bytes() == b"\x89PNG not a database"


def test_run_refuses_a_meeting_already_closed(db_path: Path, agenda_file: Path, clock) -> None:
    from facilitator.planning.agenda_file import load_agenda

    with Archive.open(db_path) as archive:
        journal = archive.create_meeting(load_agenda(agenda_file), clock.now())
        LiveMeeting(journal, clock).close()
    result = invoke("--db", str(db_path), "run", str(agenda_file))
    assert result.exit_code == 2 and "already held and closed" in result.output


def test_chinese_interface_from_lang_option(agenda_file: Path) -> None:
    result = invoke("--lang", "zh", "check", str(agenda_file))
    assert result.exit_code == 0 and result.output.startswith("通过")


def test_help_is_in_chinese_with_lang_or_locale() -> None:
    by_option = invoke("--lang", "zh", "--help")
    assert "用法：" in by_option.output and "检查议程文件" in by_option.output
    assert "显示本帮助并退出" in by_option.output
    by_locale = invoke("minutes", "--help", env={"LANG": "zh_CN.UTF-8"})
    assert "输出已结束会议的纪要" in by_locale.output


def test_a_mistyped_command_line_is_answered_in_chinese() -> None:
    wrong_format = invoke("--lang", "zh", "tasks", "--format", "xlsx")
    assert wrong_format.exit_code == 2
    assert "错误：'--format' 的值无效：'xlsx' 不在" in wrong_format.output
    assert "tasks --help' 查看帮助。" in wrong_format.output
    assert "没有命令 'meet'" in invoke("--lang", "zh", "meet").output
    listing = invoke("--lang", "zh", "datasette", "--help").output
    assert "选项：" in listing and "[默认：8001]" in listing
    english = invoke("--lang", "en", "tasks", "--format", "xlsx").output
    assert "Error: Invalid value for '--format'" in english


def test_every_command_and_option_has_help_in_both_languages() -> None:
    from facilitator.cli.main import COMMANDS
    from facilitator.core.i18n import catalogue

    context = click.Context(main)
    commands = {name: main.get_command(context, name) for name in COMMANDS}
    for language in ("en", "zh"):
        messages = catalogue(language)
        # Every command (they load lazily: main.commands alone is empty).
        for name, command in commands.items():
            assert f"cli_help.{name.replace('-', '_')}" in messages, name
            for param in command.params:
                if param.param_type_name == "option":
                    assert f"cli_help.option_{param.name}" in messages, (name, param.name)


def test_open_without_an_archive_says_how_to_start(db_path: Path) -> None:
    result = invoke("--db", str(db_path), "open")
    assert result.exit_code == 2 and "facilitator demo" in result.output
    assert not db_path.exists()
