"""A file is written in the format its name says, or refused with the reason."""

from __future__ import annotations

from pathlib import PurePath

import pytest

from facilitator.export.formats import LIST_FORMATS, MINUTES_FORMATS, FormatRefused, format_for


def test_minutes_named_json_are_written_as_json() -> None:
    assert format_for(PurePath("minutes.JSON"), None, MINUTES_FORMATS, "md") == "json"
    assert format_for(PurePath("minutes.htm"), None, MINUTES_FORMATS, "md") == "html"


def test_a_name_that_says_nothing_keeps_the_default_or_the_format_asked_for() -> None:
    assert format_for(PurePath("minutes.txt"), None, MINUTES_FORMATS, "md") == "md"
    assert format_for(PurePath("minutes"), "html", MINUTES_FORMATS, "md") == "html"
    assert format_for(None, "json", MINUTES_FORMATS, "md") == "json"


def test_a_format_asked_for_that_the_name_contradicts_is_refused() -> None:
    with pytest.raises(FormatRefused) as refused:
        format_for(PurePath("minutes.json"), "html", MINUTES_FORMATS, "md")
    assert refused.value.notice.text("en") == (
        "minutes.json names the json format but --format says html: change one of them"
    )


def test_a_task_list_named_md_is_refused_naming_what_it_can_be() -> None:
    with pytest.raises(FormatRefused) as refused:
        format_for(PurePath("tasks.md"), None, LIST_FORMATS, "table")
    assert "choose --format table | csv | ics" in refused.value.notice.text("en")
