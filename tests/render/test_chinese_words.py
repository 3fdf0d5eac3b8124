"""Words as a Chinese colleague writes them: zones by the name people say,
topics and disputes counted in Chinese numerals, the projected end read as a
sentence, the language `check` announces, the sides before Enter."""

from __future__ import annotations

from pathlib import Path

import pendulum

from facilitator.app.live import LiveMeeting
from facilitator.core.clock import FakeClock
from facilitator.core.i18n import set_language
from facilitator.planning.agenda_file import load_agenda
from facilitator.render.numbers import heading_number
from facilitator.render.times import format_span, zone_label, zone_name_label
from screens.widgets.bar import projection
from tests.support import ROOM_AGENDA_ZH, cli, type_lines


def test_beijing_time_is_called_beijing_time_in_chinese_and_by_its_name_in_english() -> None:
    start = pendulum.datetime(2026, 9, 28, 14, 0, tz="Asia/Shanghai")
    assert zone_label(start, "zh") == "北京时间"
    assert zone_label(start, "en") == "Asia/Shanghai"
    assert (
        format_span(start, start.add(hours=2), "zh")
        == "2026年9月28日 星期一 14:00–16:00（北京时间）"
    )
    # A zone without a Chinese name keeps its IANA name; offsets and UTC stay as they were.
    assert zone_name_label("America/Chicago", "zh") == "America/Chicago"
    assert zone_name_label("+08:00", "zh") == "UTC+08:00"
    assert zone_name_label("Etc/UTC", "zh") == "UTC"


def test_topics_are_counted_in_chinese_numerals_in_chinese() -> None:
    assert [heading_number(n, "zh") for n in (1, 2, 10, 12, 20)] == [
        "一",
        "二",
        "十",
        "十二",
        "二十",
    ]
    assert heading_number(12, "en") == "12"


def test_the_projected_end_reads_as_a_chinese_sentence(archive) -> None:
    set_language("zh")
    agenda = load_agenda(ROOM_AGENDA_ZH)
    clock = FakeClock(agenda.start)
    room = LiveMeeting(archive.create_meeting(agenda, clock.now()), clock)
    type_lines(room, "/present all", "/next")
    on_time = projection(room.state, clock.now()).plain
    assert on_time.startswith("预计") and "结束（计划" in on_time and "，" not in on_time
    type_lines(room, "/skip")
    early = projection(room.state, clock.now()).plain
    assert early.startswith("预计") and "分钟）" in early and "，提前" in early, early
    set_language("en")
    assert "' " not in projection(room.state, clock.now()).plain


def test_check_says_which_language_the_notice_and_minutes_will_use(
    db_path: Path, tmp_path: Path
) -> None:
    agenda = tmp_path / "agenda.toml"
    text = ROOM_AGENDA_ZH.read_text(encoding="utf-8")
    agenda.write_text(
        "\n".join(line for line in text.splitlines() if not line.startswith("language")),
        encoding="utf-8",
    )
    said = cli(db_path, "check", str(agenda), lang="zh").output.splitlines()
    assert said[1] == '通知和会议纪要将使用中文（language = "zh"）'
    said = cli(db_path, "check", str(agenda), lang="en").output.splitlines()
    assert said[1] == 'The notice and minutes will be in English (language = "en")'
