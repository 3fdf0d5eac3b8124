"""A topic of the minutes is laid out once (facilitator/render/topics.py): the notebook
and the exports give its timing in the same words and its items in the same order."""

from __future__ import annotations

import re

from facilitator.app.live import LiveMeeting
from facilitator.export.markdown import render_minutes
from facilitator.meeting.events import Side
from facilitator.meeting.minutes import Dispute, TopicMinutes
from facilitator.notebook import open_archive
from facilitator.planning.agenda_file import load_agenda
from facilitator.render.topics import topic_blocks, topic_timing
from tests.support import ROOM_AGENDA, type_lines


def _topic(**changes: object) -> TopicMinutes:
    fields: dict = {
        "id": "t1",
        "position": 1,
        "title": "R&D progress",
        "owner": "Li",
        "planned_minutes": 15,
        "extra_minutes": 0,
        "actual_seconds": 510.0,
        "status": "done",
        "started_at": None,
        "ended_at": None,
        "points": (),
        "decisions": (),
        "disputes": (),
    }
    return TopicMinutes(**{**fields, **changes})


def test_an_extended_topic_says_its_plan_and_the_extension_apart() -> None:
    extended = _topic(extra_minutes=2, actual_seconds=17 * 60)
    assert topic_timing(extended, "en") == "planned 15 min (+2 extended), took 17 min 00 s"
    assert topic_timing(extended, "zh") == "计划15分钟（延长2分钟），实际17分00秒"
    assert topic_timing(_topic(), "en") == "planned 15 min, took 8 min 30 s"
    assert topic_timing(_topic(status="skipped", actual_seconds=0.0), "en") == "skipped"
    assert topic_timing(_topic(status="pending"), "zh") == "未讨论"


def test_a_topic_discussed_then_skipped_says_how_long_it_took() -> None:
    skipped = _topic(status="skipped", actual_seconds=16.0)
    assert topic_timing(skipped, "en") == "skipped after 0 min 16 s"
    assert topic_timing(skipped, "zh") == "讨论0分16秒后跳过"


def test_a_topic_reads_points_then_disputes_then_decisions() -> None:
    topic = _topic(
        points=("build on track",),
        decisions=("go live on 20 Sept",),
        disputes=(Dispute("dates", (Side("R&D", "test more"), Side("Sales", "ship"))),),
    )
    blocks = topic_blocks(topic, "en")
    assert [block.label for block in blocks] == ["Points", "Disputes", "Decisions"]
    assert blocks[1].bullets[0].label == "Dispute 1:"
    assert topic_blocks(_topic(points=("only a point",)), "en")[0].label == "Points"
    assert len(topic_blocks(_topic(points=("only a point",)), "en")) == 1


def _in_order(text: str, words: list[str]) -> list[str]:
    """``words`` in the order they first appear in ``text``."""
    return sorted(words, key=text.index)


def test_the_notebook_and_the_markdown_minutes_read_a_topic_alike(db_path, archive, clock):
    room = LiveMeeting(archive.create_meeting(load_agenda(ROOM_AGENDA), clock.now()), clock)
    # Captured as decision, point, dispute: the minutes still read points, disputes, decisions.
    type_lines(
        room,
        "/present all",
        "/next",
        "d: go live on 20 Sept",
        "build on track",
        "x: R&D: test more | Sales: ship",
        "/extend 2",
    )
    clock.advance(minutes=22)
    type_lines(room, "/next")
    room.close()
    markdown = render_minutes(archive.minutes(room.meeting_id))
    with open_archive(db_path, clock=clock) as nb:
        notebook = re.sub(r"<[^>]+>", "\n", nb.meeting(room.meeting_id)._repr_html_())
    first = [
        "1. R&D progress and risks",
        "Owner: Li · planned 20 min (+2 extended), took 22 min 00 s",
        "Points",
        "build on track",
        "Disputes",
        "Dispute 1:",
        "R&D: test more",
        "Sales: ship",
        "Decisions",
        "go live on 20 Sept",
    ]
    topic = markdown[markdown.index("### 1.") : markdown.index("### 2.")].replace("\\", "")
    shown = notebook[notebook.index("1. R&amp;D") : notebook.index("2. Launch")].replace(
        "&amp;", "&"
    )
    assert _in_order(topic, first) == first
    assert _in_order(shown, first) == first
    # Said once each, in the same words: no "planned 22 min" in the notebook.
    assert "planned 22 min" not in shown
