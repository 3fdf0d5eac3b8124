"""What ↑ and ↓ bring back to the recorder's line."""

from __future__ import annotations

from screens.widgets.line_history import LineHistory


def test_recorder_walks_back_through_sent_lines_and_returns_to_the_draft() -> None:
    history = LineHistory()
    for line in ("Budget approved", "d: go live 1 Dec"):
        history.remember(line)
    assert history.recall(-1, "half typ") == "d: go live 1 Dec"
    assert history.recall(-1, "d: go live 1 Dec") == "Budget approved"
    assert history.recall(-1, "Budget approved") == "Budget approved"
    assert history.recall(+1, "Budget approved") == "d: go live 1 Dec"
    assert history.recall(+1, "d: go live 1 Dec") == "half typ"


def test_refused_line_comes_first_under_up_and_only_once() -> None:
    history = LineHistory()
    history.remember("point one")
    history.keep("a: @Nobody fix it")
    history.remember("point two")
    assert history.recall(-1, "") == "a: @Nobody fix it"
    assert history.kept == []
    history.restart()
    assert history.recall(-1, "") == "point two"


def test_the_same_line_twice_is_remembered_once_and_old_lines_drop_off() -> None:
    history = LineHistory(size=3)
    for line in ("a", "a", "b", "c", "d"):
        history.remember(line)
    assert history.lines == ["b", "c", "d"]


def test_down_with_nothing_recalled_brings_nothing() -> None:
    history = LineHistory()
    history.remember("point")
    assert history.recall(+1, "draft") is None
    assert LineHistory().recall(-1, "draft") is None


def test_forgetting_the_refused_lines_keeps_them_among_the_lines_sent() -> None:
    history = LineHistory()
    history.keep("/goto 9")
    history.forget_kept()
    assert history.kept == [] and history.recall(-1, "") == "/goto 9"
