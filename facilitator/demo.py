"""The built-in demo: a cross-department launch meeting starting now."""

from __future__ import annotations

import pendulum
from pendulum import DateTime

from facilitator.agenda import Agenda, Person, Topic

DEMO_TITLE = {"en": "Q3 product launch coordination", "zh": "Q3新产品上线协调会"}


def demo_agenda(now: DateTime, language: str = "en") -> Agenda:
    """The demo meeting, starting at ``now`` (to the minute) in the local zone."""
    start = now.in_timezone(pendulum.local_timezone()).start_of("minute")
    if language == "zh":
        people = (
            Person("周敏", "项目部", "host", "zhoumin@example.com"),
            Person("李雷", "研发部", "attendee", "lilei@example.com"),
            Person("韩梅梅", "市场部", "attendee", "hanmeimei@example.com"),
            Person("王强", "销售部", "attendee", "wangqiang@example.com"),
            Person("赵芳", "运营部", "recorder", "zhaofang@example.com"),
        )
        topics = (
            Topic("t1", "研发部汇报开发进度及风险", "李雷", 15),
            Topic("t2", "市场部确认推广方案及时间节点", "韩梅梅", 15),
            Topic("t3", "销售部培训需求反馈", "王强", 10),
        )
        return Agenda(
            title=DEMO_TITLE["zh"],
            goal="确定Q3产品上线时间表",
            kind="kickoff",
            start=start,
            end=start.add(minutes=50),
            place="公司3楼会议室A",
            online="https://meet.example.com/q3-launch",
            rsvp_by=start.subtract(days=2),
            materials=("产品开发计划表", "市场推广初稿", "销售培训需求调研报告"),
            language="zh",
            rules=("对事不对人", "聚焦解决方案", "每人发言不超过3分钟"),
            people=people,
            topics=topics,
        )
    people = (
        Person("Ana", "Operations", "host", "ana@example.com"),
        Person("Li", "R&D", "attendee", "li@example.com"),
        Person("Marta", "Marketing", "attendee", "marta@example.com"),
        Person("Wang", "Sales", "attendee", "wang@example.com"),
        Person("Zhao", "R&D", "recorder", "zhao@example.com"),
    )
    topics = (
        Topic("t1", "R&D progress and risks", "Li", 15),
        Topic("t2", "Launch campaign plan", "Marta", 15),
        Topic("t3", "Sales training needs", "Wang", 10),
    )
    return Agenda(
        title=DEMO_TITLE["en"],
        goal="Agree the Q3 launch timetable",
        kind="kickoff",
        start=start,
        end=start.add(minutes=50),
        place="Room 3A",
        online="https://meet.example.com/q3-launch",
        rsvp_by=start.subtract(days=2),
        materials=("Product development plan", "Campaign draft", "Sales training survey"),
        language="en",
        rules=("Issues, not people", "Aim for solutions", "3 minutes a turn"),
        people=people,
        topics=topics,
    )
