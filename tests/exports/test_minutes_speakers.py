"""The minutes say who said what (golden files), in Markdown, HTML and JSON."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from facilitator.meeting.minutes import TopicMinutes
from facilitator.render.topics import point_bullets
from tests.support import (
    GOLDEN,
    LAUNCH_EN,
    LAUNCH_ZH,
    SPEAKERS_EN_LINES,
    SPEAKERS_ZH_LINES,
    cli,
    hold_meeting,
)

AFTER_MEETING = "2026-03-02T18:00:00+01:00"


@pytest.mark.parametrize(
    ("name", "agenda", "lines"),
    [
        ("minutes_speakers_en.md", LAUNCH_EN, SPEAKERS_EN_LINES),
        ("minutes_speakers_zh.md", LAUNCH_ZH, SPEAKERS_ZH_LINES),
    ],
    ids=["en", "zh"],
)
def test_minutes_with_speakers_match_the_golden_file(db_path: Path, name, agenda, lines) -> None:
    hold_meeting(db_path, agenda, lines)
    result = cli(db_path, "minutes", "--format", "md", now=AFTER_MEETING)
    assert result.exit_code == 0
    golden = GOLDEN / name
    if os.environ.get("UPDATE_GOLDEN"):
        golden.write_text(result.output, encoding="utf-8")
    assert result.output == golden.read_text(encoding="utf-8")


def test_the_json_minutes_pair_each_point_with_its_speaker(db_path: Path) -> None:
    hold_meeting(db_path, LAUNCH_EN, SPEAKERS_EN_LINES)
    document = json.loads(cli(db_path, "minutes", "--format", "json", now=AFTER_MEETING).output)
    first = document["topics"][0]
    assert first["points"][:2] == ["Front end 80% done", "Back end in integration"]
    assert first["said"][:2] == [
        {"speaker": "Li", "text": "Front end 80% done"},
        {"speaker": "Li", "text": "Back end in integration"},
    ]
    assert {"speaker": None, "text": "room booked until 11:00"} in first["said"]
    assert document["topics"][2]["said"] == [
        {"speaker": "Marta", "text": "Training can start in April"}
    ]


def test_the_html_minutes_name_the_speaker_escaped(db_path: Path) -> None:
    hold_meeting(db_path, LAUNCH_EN, SPEAKERS_EN_LINES)
    html = cli(db_path, "minutes", "--format", "html", now=AFTER_MEETING).output
    assert (
        "<li>Li:<ul><li>Front end 80% done</li><li>Back end in integration</li></ul></li>" in html
    )
    assert "<li>Ana: Keep to the agenda: risks first</li>" in html


def _topic(points: tuple[str, ...], speakers: tuple[str, ...]) -> TopicMinutes:
    return TopicMinutes(
        "t1", 1, "T", "Li", 10, 0, 600.0, "done", None, None, points, (), (), speakers
    )


def test_points_in_a_row_by_one_speaker_are_grouped_under_their_name() -> None:
    bullets = point_bullets(_topic(("a", "b", "c", "d"), ("Li", "Li", "", "Marta")))
    assert [(b.label, b.text) for b in bullets] == [
        ("Li:", ""),
        ("", "c"),
        ("", "Marta: d"),
    ]
    assert [side[0].text for side in bullets[0].sides] == ["a", "b"]
    # Before anyone spoke (or a journal before attribution): plain points.
    assert [b.text for b in point_bullets(_topic(("a",), ()))] == ["a"]
