"""Minutes as JSON: a stable, documented shape (``"format": "facilitator.minutes/1"``).

Keys are only ever added within a format version; a change that removes or
renames a key gets a new version. The README documents every key.
"""

from __future__ import annotations

import json
from typing import Any

from pendulum import Date, DateTime

from facilitator.core.text import clean
from facilitator.core.zones import zone_of
from facilitator.followup.briefs import Brief, briefs
from facilitator.meeting.minutes import Minutes, TopicMinutes

FORMAT = "facilitator.minutes/1"


def _instant(value: DateTime | None) -> str | None:
    return value.isoformat() if value is not None else None


def _local(value: DateTime | None, like: DateTime) -> DateTime | None:
    return value.in_timezone(zone_of(like)) if value is not None else None


def _date(value: Date | None) -> str | None:
    return value.isoformat() if value is not None else None


def _section(section: TopicMinutes) -> dict[str, Any]:
    return {
        "points": list(section.points),
        "said": [{"speaker": speaker or None, "text": text} for speaker, text in section.said()],
        "disputes": [
            {
                "text": dispute.text,
                "sides": [{"party": s.party, "position": s.position} for s in dispute.sides],
            }
            for dispute in section.disputes
        ],
        "decisions": list(section.decisions),
        # The topic owner's report (added within facilitator.minutes/1).
        "progress": list(section.progress),
        "risks": list(section.risks),
        "proposals": list(section.proposals),
    }


def _brief(brief: Brief) -> dict[str, Any]:
    return {
        "for": brief.absentee,
        "department": brief.department,
        "briefer": brief.briefer or None,
        "decisions": [{"text": text, "topic": topic or None} for topic, text in brief.decisions],
        "tasks": [
            {
                "id": task.id,
                "title": task.title,
                "owner": task.owner,
                "due": _date(task.due),
                "status": task.status,
            }
            for task in brief.tasks
        ],
        "open_items": [
            {
                "id": item.id,
                "text": item.text,
                "owner": item.owner,
                "deadline": _date(item.deadline),
                "status": item.status,
            }
            for item in brief.open_items
        ],
        "disputes": [
            {
                "text": dispute.text,
                "sides": [{"party": s.party, "position": s.position} for s in dispute.sides],
                "topic": topic or None,
            }
            for topic, dispute in brief.disputes
        ],
    }


def minutes_document(minutes: Minutes) -> dict[str, Any]:
    """The minutes as plain JSON-ready data."""
    agenda = minutes.agenda
    totals = minutes.speaking_by_department()
    return {
        "format": FORMAT,
        "meeting": {
            "key": agenda.key,
            "title": agenda.title,
            "goal": agenda.goal,
            "kind": agenda.kind,
            "language": agenda.language,
            "start": agenda.start.isoformat(),
            "end": agenda.end.isoformat(),
            "timezone": agenda.timezone,
            "place": agenda.place,
            "online": agenda.online,
            # In the meeting's zone, like start and end (the journal keeps UTC).
            "opened_at": _instant(_local(minutes.opened_at, agenda.start)),
            "closed_at": _instant(_local(minutes.closed_at, agenda.start)),
            "host": [p.name for p in agenda.with_role("host")],
            "recorder": [p.name for p in agenda.with_role("recorder")],
        },
        "attendance": [
            {
                "name": line.name,
                "department": line.department,
                "role": line.role,
                "status": line.status,
                "briefer": line.briefer or None,
            }
            for line in minutes.attendance
        ],
        "general": _section(minutes.general),
        "topics": [
            {
                "id": topic.id,
                "position": topic.position,
                "title": topic.title,
                "owner": topic.owner,
                "planned_minutes": topic.planned_minutes,
                "extra_minutes": topic.extra_minutes,
                "actual_seconds": topic.actual_seconds,
                "status": topic.status,
                **_section(topic),
            }
            for topic in minutes.topics
        ],
        "open_items": [
            {
                "text": item.text,
                "owner": item.owner,
                "deadline": _date(item.deadline),
                "topic": item.topic,
                # Added within facilitator.minutes/1: the id `facilitator item ID` takes,
                # where the item stands as of the export, and the owner's department.
                "id": item.id,
                "status": item.status,
                "department": item.department,
            }
            for item in minutes.open_items
        ],
        "tasks": [
            {
                "id": task.id,
                "title": task.title,
                "owner": task.owner,
                "department": task.department,
                "due": _date(task.due),
                "status": task.status,
                "topic": task.topic,
            }
            for task in minutes.tasks
        ],
        "speaking": [
            {"department": dept, "seconds": round(seconds, 1)} for dept, seconds in totals.items()
        ],
        # Added within facilitator.minutes/1, after the keys it began with:
        # topics not reached or skipped, by id.
        "topics_left": [topic.id for topic in minutes.topics_left],
        # What each absentee's briefer passes on (facilitator.followup.briefs).
        "briefs": [_brief(brief) for brief in briefs(minutes)],
        # Each participant's latest word on these minutes; null where nobody asked.
        "confirmations": None
        if minutes.confirmations is None
        else [
            {
                "name": c.name,
                "verdict": c.verdict,
                "at": _instant(_local(c.at, agenda.start)),
                "note": c.note,
            }
            for c in minutes.confirmations
        ],
    }


def _cleaned(value: Any) -> Any:
    """Every string in the document without control or invisible direction characters."""
    if isinstance(value, str):
        return clean(value)
    if isinstance(value, dict):
        return {key: _cleaned(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_cleaned(item) for item in value]
    return value


def render_minutes_json(minutes: Minutes) -> str:
    """The minutes as pretty-printed UTF-8 JSON (keys in a fixed order)."""
    document = _cleaned(minutes_document(minutes))
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"
