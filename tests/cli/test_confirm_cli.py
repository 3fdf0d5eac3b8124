"""Minutes confirmed by those who were there: ``confirm MEETING --by NAME``, objections
with a note, the minutes showing who confirmed, and the weekly report chasing minutes
still unconfirmed two working days after the close."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pendulum
import pytest

from facilitator.core.workdays import WEEKENDS
from facilitator.followup.confirmations import (
    MinutesToConfirm,
    awaiting_confirmation,
    standing,
    standing_text,
)
from facilitator.meeting.minutes import Confirmation
from tests.support import LAUNCH_EN, LAUNCH_EN_LINES, LAUNCH_ZH, LAUNCH_ZH_LINES, cli, hold_meeting

# LAUNCH_EN closes Mon 2 Mar 2026 10:18 (Berlin); Ana, Zhao, Li and Marta attend, Wang
# is absent (Marta briefs him).
TUESDAY = "2026-03-03T10:00:00+01:00"
WEDNESDAY = "2026-03-04T10:00:00+01:00"


def test_participants_confirm_or_object_and_the_minutes_say_who(db_path: Path) -> None:
    hold_meeting(db_path, LAUNCH_EN, LAUNCH_EN_LINES)
    first = cli(db_path, "confirm", "Q3 launch", "--by", "ana", now=TUESDAY)
    assert (
        first.output == "Ana confirmed the minutes of 'Q3 launch coordination' (1 of 4 confirmed)\n"
    )
    objection = cli(
        db_path,
        "confirm",
        "1",
        "--by",
        "Li",
        "--objection",
        "--note",
        "the form is due 3/12",
        now=TUESDAY,
    )
    assert objection.output == (
        "Li objected to the minutes of 'Q3 launch coordination': the form is due 3/12\n"
    )
    text = cli(db_path, "minutes", now=TUESDAY).stdout
    assert (
        "| Confirmed by | confirmed: Ana; objected: Li (the form is due 3/12); "
        "not yet: Zhao, Marta |"
    ) in text
    # Li's later confirmation replaces the objection: the latest word counts.
    cli(db_path, "confirm", "1", "--by", "Li", "--note", "fixed in the task list", now=WEDNESDAY)
    document = json.loads(cli(db_path, "minutes", "--format", "json", now=WEDNESDAY).stdout)
    assert [(c["name"], c["verdict"]) for c in document["confirmations"]] == [
        ("Ana", "confirmed"),
        ("Li", "confirmed"),
    ]
    assert document["confirmations"][0]["at"] == "2026-03-03T10:00:00+01:00"
    html = cli(db_path, "minutes", "--format", "html", now=WEDNESDAY).stdout
    assert "<th>Confirmed by</th><td>confirmed: Ana, Li; not yet: Zhao, Marta</td>" in html
    with sqlite3.connect(db_path) as conn:
        rows = conn.execute("SELECT name, verdict, note FROM confirmations ORDER BY id").fetchall()
    assert rows == [
        ("Ana", "confirmed", ""),
        ("Li", "objected", "the form is due 3/12"),
        ("Li", "confirmed", "fixed in the task list"),
    ]


def test_chinese_minutes_say_who_confirmed_in_chinese(db_path: Path) -> None:
    hold_meeting(db_path, LAUNCH_ZH, LAUNCH_ZH_LINES)
    said = cli(db_path, "confirm", "1", "--by", "lilei", lang="zh", now=TUESDAY)
    assert said.output == "李雷已确认“Q3新产品上线协调会”的会议纪要（已确认1/4）\n"
    text = cli(db_path, "minutes", now=TUESDAY).stdout
    assert "| 纪要确认 | 已确认：李雷；尚未确认：赵芳、周敏、韩梅梅 |" in text


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (("--by", "Wang"), "Wang was absent from 'Q3 launch coordination'"),
        (
            ("--by", "Bob"),
            "Bob did not attend 'Q3 launch coordination': one of Ana, Zhao, Li, Marta",
        ),
        (("--by", "Li", "--objection"), "an objection needs --note saying what to correct"),
    ],
)
def test_a_confirmation_that_cannot_be_is_one_clear_line(
    db_path: Path, args: tuple[str, ...], said: str
) -> None:
    hold_meeting(db_path, LAUNCH_EN, LAUNCH_EN_LINES)
    result = cli(db_path, "confirm", "1", *args, now=TUESDAY)
    assert result.exit_code == 2 and result.output.count("\n") == 1 and said in result.output
    with sqlite3.connect(db_path) as conn:
        assert conn.execute("SELECT count(*) FROM confirmations").fetchone() == (0,)


def test_confirming_a_meeting_still_open_or_unknown_is_refused(db_path: Path) -> None:
    assert cli(db_path, "confirm", "1", "--by", "Ana").exit_code == 2  # no archive yet
    hold_meeting(db_path, LAUNCH_EN, LAUNCH_EN_LINES)
    unknown = cli(db_path, "confirm", "budget", "--by", "Ana")
    assert unknown.exit_code == 2 and "no meeting matches 'budget'" in unknown.output


def test_the_report_chases_minutes_unconfirmed_after_two_working_days(db_path: Path) -> None:
    hold_meeting(db_path, LAUNCH_EN, LAUNCH_EN_LINES)  # closed Monday 2 March
    heading = "Minutes not confirmed two working days after the close"
    assert f"{heading} (0)" in cli(db_path, "report", now=TUESDAY).output
    wednesday = cli(db_path, "report", now=WEDNESDAY).output.split(heading)[1]
    assert "(1)" in wednesday and "not yet: Ana, Zhao, Li, Marta" in wednesday
    for name in ("Ana", "Li", "Marta"):
        cli(db_path, "confirm", "1", "--by", name, now=WEDNESDAY)
    thursday = cli(db_path, "report", now="2026-03-05T10:00:00+01:00").output.split(heading)[1]
    assert "confirmed: Ana, Li, Marta; not yet: Zhao" in thursday
    cli(db_path, "confirm", "1", "--by", "Zhao", now="2026-03-05T11:00:00+01:00")
    assert f"{heading} (0)" in cli(db_path, "report", now="2026-03-06T10:00:00+01:00").output
    zh = cli(db_path, "report", lang="zh", now=WEDNESDAY).output
    assert "会后两个工作日仍未确认的会议纪要（1）" in zh


def test_working_days_and_four_weeks_bound_the_chase() -> None:
    closed = pendulum.datetime(2026, 3, 6, 16, tz="Europe/Berlin")  # a Friday

    def meeting(*words: Confirmation) -> MinutesToConfirm:
        return MinutesToConfirm(1, "Sync", closed, WEEKENDS, "Europe/Berlin", ("Ana", "Li"), words)

    monday = pendulum.datetime(2026, 3, 9, 9, tz="Europe/Berlin")
    assert awaiting_confirmation([meeting()], monday) == []  # one working day
    assert len(awaiting_confirmation([meeting()], monday.add(days=1))) == 1
    assert awaiting_confirmation([meeting()], closed.add(weeks=5)) == []
    both = (
        Confirmation("Ana", "confirmed", closed.add(hours=1)),
        Confirmation("Li", "confirmed", closed.add(hours=2)),
    )
    assert awaiting_confirmation([meeting(*both)], monday.add(days=1)) == []
    objection = Confirmation("Li", "objected", closed.add(hours=3), "date wrong")
    found = standing(("Ana", "Li"), (*both, objection))
    assert standing_text(found, "en") == "confirmed: Ana; objected: Li (date wrong)"
    assert not found.complete
