"""A dispute's sides and an entry's line are worded once (facilitator/render/entries.py),
from the catalogue's patterns, and read the same wherever people see them."""

from __future__ import annotations

import re

import pendulum
from pendulum import Date

from facilitator.app.live import LiveMeeting
from facilitator.core.i18n import set_language
from facilitator.export.html import render_minutes_html
from facilitator.export.markdown import render_minutes
from facilitator.meeting.events import Entry, Side
from facilitator.notebook import open_archive
from facilitator.notebook.live import entry_text
from facilitator.planning.agenda_file import load_agenda
from facilitator.render.entries import dispute_text, entry_line, side_parts, side_text
from facilitator.render.patterns import Part
from screens.widgets.entries import describe
from tests.support import ROOM_AGENDA_ZH, type_lines

SIDES = (Side("研发部", "需延长测试周期"), Side("市场部", "担心影响推广节奏"))
ONE_LINE = "研发部：需延长测试周期；市场部：担心影响推广节奏"


def test_a_side_takes_the_catalogues_punctuation_in_each_language() -> None:
    assert side_text(Side("R&D", "test more"), "en") == "R&D: test more"
    assert side_text(SIDES[0], "zh") == "研发部：需延长测试周期"
    # The party stays a part of its own, for the room's bold and the page's <strong>.
    assert side_parts(SIDES[0], "zh") == (
        Part("研发部", "party"),
        Part("："),
        Part("需延长测试周期", "position"),
    )


def test_a_side_without_a_party_is_just_its_position() -> None:
    assert side_text(Side("", "keep the date"), "en") == "keep the date"


def test_a_dispute_reads_as_its_sides_or_else_its_text() -> None:
    assert dispute_text("研发部 vs 市场部", SIDES, "zh") == ONE_LINE
    assert dispute_text("dates", (), "en") == "dates"


def test_a_task_line_names_its_kind_owner_and_date() -> None:
    task = Entry("action", "training build", owner="Li", due=Date(2026, 9, 10))
    line = entry_line(task, "en")
    assert line.plain == "training build  @Li  Thu 10 Sep 2026"
    assert line.full == "Task training build  @Li  Thu 10 Sep 2026"
    assert entry_line(Entry("point", "on track"), "en").full == "Point on track"


def test_a_chinese_dispute_reads_the_same_in_the_room_and_the_minutes(db_path, archive, clock):
    set_language("zh")
    clock.set(pendulum.datetime(2026, 3, 2, 10, 0, tz="Asia/Shanghai"))
    room = LiveMeeting(archive.create_meeting(load_agenda(ROOM_AGENDA_ZH), clock.now()), clock)
    type_lines(room, "/到 全体", "/next", "争议: 研发部: 需延长测试周期 | 市场部: 担心影响推广节奏")
    dispute = room.state.entries[-1].entry
    # The room's entry list (and the follow view, which shows the same lines).
    assert describe(dispute).plain == f"争议 {ONE_LINE}"
    minutes = room.close()
    # The notebook: the entries table, the live room, the minutes.
    assert entry_text(dispute) == ONE_LINE
    with open_archive(db_path, clock=clock, language="zh") as nb:
        meeting = nb.meeting(room.meeting_id)
        assert meeting.entries.to_records()[-1]["text"] == ONE_LINE
        notebook = meeting._repr_html_()
    # The minutes, as Markdown and as a page: one side per line under its number.
    markdown = render_minutes(minutes)
    page = re.sub(r"<[^>]+>", "", render_minutes_html(minutes))
    for side in ONE_LINE.split("；"):
        assert f"  - {side}\n" in markdown
        assert side in page
        assert f"<li>{side}</li>" in notebook
    assert "研发部:" not in markdown + page + notebook
