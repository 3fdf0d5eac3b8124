"""The closing summary is built once (facilitator/render/summary.py) and read the same
in the room's closing screen, on the follow view and in the terminal."""

from __future__ import annotations

import pendulum

from facilitator.app.live import LiveMeeting
from facilitator.export.summary import render_summary
from facilitator.planning.agenda_file import load_agenda
from facilitator.render.summary import closing_summary
from screens.closing import summary_options
from screens.follow import summary_sections
from tests.support import ROOM_AGENDA, ROOM_AGENDA_ZH, type_lines

# The room goes back to the first topic after the second: captured order and
# agenda order differ, which is where the three summaries used to disagree.
BACK_AND_FORTH = (
    "/present all",
    "/next",
    "d: test plan agreed",
    "/next",
    "d: campaign starts on 20 Sept",
    "a: @Marta flyers by 9/12",
    "x: Marketing: keep the date | Sales: more time",
    "/back",
    "d: freeze the build on 9/1",
    "a: @Li training build by 9/10",
    "x: R&D: test more | Marketing: ship",
    "u: @Wang export rules",
)

SHARED = [
    # Never reached: said first, so closing with the agenda unfinished cannot pass unseen.
    ("Topics not reached or skipped (1)", ["3. Sales training needs — not reached"]),
    (
        "Decisions (3)",
        ["test plan agreed", "freeze the build on 9/1", "campaign starts on 20 Sept"],
    ),
    (
        "Disputes (2)",
        ["R&D: test more | Marketing: ship", "Marketing: keep the date | Sales: more time"],
    ),
    ("Open items (1)", ["export rules — Wang, no date"]),
    (
        "Tasks (2)",
        ["training build — Li, Thu 10 Sep 2026", "flyers — Marta, Sat 12 Sep 2026"],
    ),
]


def _meeting(archive, clock, agenda=ROOM_AGENDA, lines=BACK_AND_FORTH) -> LiveMeeting:
    meeting = LiveMeeting(archive.create_meeting(load_agenda(agenda), clock.now()), clock)
    type_lines(meeting, *lines)
    return meeting


def _read(sections) -> list[tuple[str, list[str]]]:
    return [
        (
            section.heading,
            [item.text + (f" — {item.owned.text}" if item.owned else "") for item in section.items],
        )
        for section in sections
    ]


def test_the_summary_reads_topic_by_topic_as_the_minutes_do(archive, clock) -> None:
    meeting = _meeting(archive, clock)
    assert _read(closing_summary(meeting.minutes())) == SHARED


def test_the_room_the_follow_view_and_the_terminal_list_the_summary_alike(archive, clock):
    meeting = _meeting(archive, clock)
    # The room, before confirming: one bullet per item under each heading.
    room = [str(option.prompt) for option in summary_options(meeting)]
    expected = [
        line for heading, items in SHARED for line in [heading, *(f"  • {i}" for i in items)]
    ]
    assert room == expected
    minutes = meeting.close()
    # The follow view's last screen: the same sections, the same lines.
    follow = [text.plain for _heading, text in summary_sections(minutes)]
    assert follow == [
        "\n".join([heading, *(f"  • {i}" for i in items)]) for heading, items in SHARED
    ]
    # The terminal: the same order; a dispute's sides each on a line of their own.
    printed = render_summary(minutes).splitlines()[2:]
    assert [line for line in printed if not line.startswith("    ")] == [
        line
        for heading, items in SHARED
        for line in [heading, *(f"  - {i.split(' | ')[0]}" for i in items)]
    ]


def test_a_fix_in_the_room_corrects_the_task_the_summary_shows(archive, clock) -> None:
    meeting = _meeting(archive, clock)
    options = summary_options(meeting)
    training = next(o for o in options if "training build" in str(o.prompt))
    assert meeting.state.entry(int(training.id)).entry.text == "training build"


def test_what_is_missing_is_said_in_the_meetings_language(archive, clock) -> None:
    clock.set(pendulum.datetime(2026, 3, 2, 10, 0, tz="Asia/Shanghai"))
    meeting = _meeting(
        archive,
        clock,
        ROOM_AGENDA_ZH,
        ("/到 全体", "/next", "争议: 研发部: 多测一轮 | 市场部: 保持日期", "任务: @李雷 培训版本"),
    )
    sections = closing_summary(meeting.minutes(), "zh")
    assert _read(sections)[0][0] == "未讨论或已跳过的议题（2）"
    assert _read(sections)[2:] == [
        ("争议（1）", ["研发部：多测一轮；市场部：保持日期"]),
        ("未决事项（0）", []),
        ("待办任务（1）", ["培训版本 — 李雷，无日期"]),
    ]
    assert sections[4].items[0].owned.date_missing and not sections[4].items[0].owned.owner_missing


def test_topics_skipped_or_never_reached_are_listed_first_with_how_they_were_left(
    archive, clock
) -> None:
    meeting = _meeting(archive, clock, lines=("/present all", "/next", "/skip 3", "/next"))
    left, *_rest = closing_summary(meeting.minutes())
    assert (left.kind, left.heading) == ("left", "Topics not reached or skipped (1)")
    assert [item.text for item in left.items] == ["3. Sales training needs — skipped"]
    everything = _meeting(archive, clock, lines=("/present all", "/next", "/next", "/next"))
    assert closing_summary(everything.minutes())[0].kind == "decision"


def test_task_and_item_lines_kept_as_points_are_flagged_in_every_summary(archive, clock) -> None:
    # @Mar is Marta or Marketing: unread, a point. A date that is none keeps the task.
    lines = ("/present all", "/next", "u: @Mar budget numbers by 9/30", "a: @Li deck by 31/2")
    meeting = _meeting(archive, clock, lines=lines)
    sections = {s.kind: s for s in closing_summary(meeting.minutes())}
    assert _read([sections["unread"]]) == [
        ("Kept as points, not read as tasks or open items (1)", ["u: @Mar budget numbers by 9/30"])
    ]
    assert _read([sections["action"]]) == [("Tasks (1)", ["deck by 31/2 — Li, no date"])]
    zh = next(s for s in closing_summary(meeting.minutes(), "zh") if s.kind == "unread")
    assert zh.heading == "未能识别、按普通要点保存的任务或未决事项（1）"
    # Printed at the close too: the minutes keep it as a point, and say nothing more.
    printed = render_summary(meeting.close())
    assert "Kept as points, not read as tasks or open items (1)" in printed
    assert "  - u: @Mar budget numbers by 9/30" in printed


def test_a_due_date_over_before_the_meeting_is_said_at_the_close(archive, clock) -> None:
    lines = ("/present all", "/next", "a: @Li send slides by 1/1/2020", "a: @Li deck by 9/10")
    meeting = _meeting(archive, clock, lines=lines)
    tasks = next(s for s in closing_summary(meeting.minutes()) if s.kind == "action")
    assert [item.owned.text for item in tasks.items] == [
        "Li, Wed 1 Jan 2020, already passed",
        "Li, Thu 10 Sep 2026",
    ]
    assert [item.owned.date_passed for item in tasks.items] == [True, False]
    zh = next(s for s in closing_summary(meeting.minutes(), "zh") if s.kind == "action")
    assert zh.items[0].owned.text.endswith("2020年1月1日 星期三（已过期）")


def test_a_date_is_judged_by_the_day_the_meeting_ran_not_the_day_planned(archive, clock) -> None:
    # Planned for Monday 2 March, held on Thursday 5 March: a task due on the 4th
    # was late before the room met; one due on the 6th was not.
    clock.set(pendulum.datetime(2026, 3, 5, 10, tz="Europe/Berlin"))
    lines = ("/present all", "/next", "a: @Li deck by 3/4", "a: @Li flyers by 3/6")
    meeting = _meeting(archive, clock, lines=lines)
    tasks = next(s for s in closing_summary(meeting.minutes()) if s.kind == "action")
    assert [item.owned.date_passed for item in tasks.items] == [True, False]
