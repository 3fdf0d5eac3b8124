"""Every keystroke counts: lines typed and pasted into the real program in tmux.

Each test reads the journal, not only the screen: a line is recorded when
its event is in the archive, exactly once, with its kind, in order.
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from tests.support import entries, needs_tmux, room_command, terminal, wait_for_entries

pytestmark = needs_tmux

TITLE = "Q3 product launch coordination"

LINES = (
    ("Budget approved", "point", "Budget approved"),
    ("d: go live 1 Dec", "decision", "go live 1 Dec"),
    ("a: @Li training build by 12/10", "action", "training build"),
    ("u: @Legal compliance opinion in 3 workdays", "unresolved", "compliance opinion"),
    ("x: R&D: longer tests | Marketing: keep the date", "dispute", "R&D: longer tests"),
    ("Front end is 80% done", "point", "Front end is 80% done"),
    ("决定：9月20日上线", "decision", "9月20日上线"),
    ("double check the venue", "point", "double check the venue"),
    ("d: budget capped at 20k", "decision", "budget capped at 20k"),
    ("the last line", "point", "the last line"),
)


def _kinds_and_texts(db: Path, count: int) -> list[tuple[str, str]]:
    return [(c.entry.kind, c.entry.text) for c in wait_for_entries(db, count)]


def _assert_recorded(found: list[tuple[str, str]], lines=LINES) -> None:
    assert len(found) == len(lines), found
    for (kind, text), (typed, want_kind, want_text) in zip(found, lines, strict=True):
        assert kind == want_kind, (typed, kind, text)
        assert text.startswith(want_text), (typed, text)


@pytest.mark.parametrize("round_", [1, 2, 3])
def test_lines_typed_every_50_ms_from_the_first_frame_are_each_recorded_once(
    tmp_path: Path, round_: int
) -> None:
    db = tmp_path / "archive.db"
    with terminal(room_command(db, "demo")) as room:
        room.wait_for(TITLE, seconds=60)  # and not a moment more: type at once
        for typed, _kind, _text in LINES:
            room.type_line(typed)
            time.sleep(0.05)
        _assert_recorded(_kinds_and_texts(db, len(LINES)))


def test_a_bracketed_paste_of_three_lines_records_three_entries(tmp_path: Path) -> None:
    db = tmp_path / "archive.db"
    with terminal(room_command(db, "demo")) as room:
        room.wait_for(TITLE, seconds=60)
        room.paste("first pasted\nd: second pasted\na: @Li third pasted by 12/20\n")
        found = _kinds_and_texts(db, 3)
        assert found == [
            ("point", "first pasted"),
            ("decision", "second pasted"),
            ("action", "third pasted"),
        ]
        room.wait_for("paste: 3 recorded")


def test_a_paste_without_a_final_newline_leaves_its_last_line_to_finish(tmp_path: Path) -> None:
    db = tmp_path / "archive.db"
    with terminal(room_command(db, "demo")) as room:
        room.wait_for(TITLE, seconds=60)
        room.paste("one\nd: two\nstill typing")
        assert [c.entry.text for c in wait_for_entries(db, 2)] == ["one", "two"]
        room.wait_for("still typing")
        room.type_line(" and done")
        assert [c.entry.text for c in wait_for_entries(db, 3)][-1] == "still typing and done"


def test_escape_sequences_in_a_paste_stay_literal_text_in_order(tmp_path: Path) -> None:
    db = tmp_path / "archive.db"
    with terminal(room_command(db, "demo")) as room:
        room.wait_for(TITLE, seconds=60)
        room.paste("colour \x1b[31mred\x1b[0m here\nd: after it\n")
        found = _kinds_and_texts(db, 2)
        assert found == [("point", "colour ␛[31mred␛[0m here"), ("decision", "after it")]


def test_an_unbracketed_paste_records_each_line_once(tmp_path: Path) -> None:
    db = tmp_path / "archive.db"
    with terminal(room_command(db, "demo")) as room:
        room.wait_for(TITLE, seconds=60)
        room.paste("first typed\nd: second typed\nthird typed\n", bracketed=False)
        assert _kinds_and_texts(db, 3) == [
            ("point", "first typed"),
            ("decision", "second typed"),
            ("point", "third typed"),
        ]


def test_two_enters_in_one_burst_record_the_line_once(tmp_path: Path) -> None:
    db = tmp_path / "archive.db"
    with terminal(room_command(db, "demo")) as room:
        room.wait_for(TITLE, seconds=60)
        room.type("double enter test")
        room.send("Enter", "Enter")
        room.type_line("next line")
        assert _kinds_and_texts(db, 2) == [("point", "double enter test"), ("point", "next line")]


def test_backspace_typed_fast_deletes_the_letter_before_it(tmp_path: Path) -> None:
    db = tmp_path / "archive.db"
    with terminal(room_command(db, "demo")) as room:
        room.wait_for(TITLE, seconds=60)
        room.type("abc")
        room.send("BSpace")
        room.type("d")
        room.send("Enter")
        assert _kinds_and_texts(db, 1) == [("point", "abd")]


def test_enter_with_the_completion_list_open_records_the_line_as_typed(tmp_path: Path) -> None:
    db = tmp_path / "archive.db"
    with terminal(room_command(db, "demo")) as room:
        room.wait_for(TITLE, seconds=60)
        room.type("a: @Ma")
        room.wait_for("@Marketing")  # the list is open: Marta, Marketing
        room.send("Enter")
        room.type_line("right after")
        found = wait_for_entries(db, 2)
        # "@Ma" could be Marta or Marketing: recorded as typed (a point, saying why).
        assert [c.entry.raw for c in found] == ["a: @Ma", "right after"]


def test_down_then_enter_picks_from_the_list_and_a_second_enter_records(tmp_path: Path) -> None:
    db = tmp_path / "archive.db"
    with terminal(room_command(db, "demo")) as room:
        room.wait_for(TITLE, seconds=60)
        room.type("/absent @Wang @Mar")
        room.wait_for("▊ @Marta ▎")  # the list is open (people only: Marta)
        room.send("Down", "Enter")  # into the list, and take Marta
        room.send("Enter")  # records the completed line
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            from store.archive import Archive

            with Archive.open(db) as archive:
                state = archive.state(archive.meetings()[-1].id)
            wang = state.attendance.get("Wang")
            if wang is not None:
                break
            time.sleep(0.1)
        assert wang is not None and wang.status == "absent" and wang.briefer == "Marta"
        assert entries(db) == []


def test_a_command_alias_runs_what_the_preview_says_not_the_ghost(tmp_path: Path) -> None:
    db = tmp_path / "archive.db"
    with terminal(room_command(db, "demo")) as room:
        room.wait_for(TITLE, seconds=60)
        room.type("/s")  # /s is /speak; /skip merely starts with s
        shown = room.wait_for("/speak")
        assert "/skip " not in shown.splitlines()[-5]  # no ghost text after "/s"
        room.send("Enter")
        room.wait_for("/speak needs a name")  # what /s does: ask for a name


def test_a_refused_line_never_swallows_the_lines_typed_after_it(tmp_path: Path) -> None:
    db = tmp_path / "archive.db"
    with terminal(room_command(db, "demo")) as room:
        room.wait_for(TITLE, seconds=60)
        room.type_line("/goto 9")  # refused: there is no topic 9
        room.type_line("Budget approved")
        room.type_line("d: go live 1 Dec")
        assert _kinds_and_texts(db, 2) == [
            ("point", "Budget approved"),
            ("decision", "go live 1 Dec"),
        ]
        room.wait_for("↑ brings")  # the refused line is kept, and the room keeps saying so
        room.send("Up")  # the refused line waits under ↑, to fix
        room.wait_for("▊  /goto 9 ")


def test_lines_typed_at_a_recorders_pace_after_a_refused_one_are_each_recorded(
    tmp_path: Path,
) -> None:
    # Slower than the refused line takes to come back: it is back, selected,
    # and the next line typed starts afresh instead of piling onto it.
    db = tmp_path / "archive.db"
    with terminal(room_command(db, "demo")) as room:
        room.wait_for(TITLE, seconds=60)
        room.type_line("/goto 9")
        room.wait_for("back in the line")
        time.sleep(0.6)  # back in the line to fix, once typing has paused
        for typed in ("Budget approved", "d: go live 1 Dec", "the last line"):
            room.type_line(typed)
            time.sleep(0.8)
        assert _kinds_and_texts(db, 3) == [
            ("point", "Budget approved"),
            ("decision", "go live 1 Dec"),
            ("point", "the last line"),
        ]
        room.send("Up")
        room.wait_for("▊  /goto 9 ")


def test_a_refused_line_fixed_with_end_is_carried_out_as_fixed(tmp_path: Path) -> None:
    db = tmp_path / "archive.db"
    with terminal(room_command(db, "demo")) as room:
        room.wait_for(TITLE, seconds=60)
        room.type_line("/present @Lii")  # refused: nobody is called Lii
        room.wait_for("back in the line")
        time.sleep(0.6)  # it is back once typing has paused (QUIET_SECONDS)
        room.wait_for("▊  /present @Lii ")
        room.send("End")
        room.send("BSpace")
        room.send("Enter")
        room.wait_for("✓ Li ")  # marked present in the roll call


def test_a_paste_after_escape_on_a_refused_line_replaces_it(tmp_path: Path) -> None:
    db = tmp_path / "archive.db"
    with terminal(room_command(db, "demo")) as room:
        room.wait_for(TITLE, seconds=60)
        room.type_line("/present all")
        room.send("F2")
        room.wait_for("R&D progress and risks")
        room.type_line("/extend 2.5")  # refused: not a whole number of minutes
        room.wait_for("back in the line")
        time.sleep(0.6)  # it is back once typing has paused (QUIET_SECONDS)
        room.wait_for("▊  /extend 2.5 ")
        room.send("Escape")
        time.sleep(0.5)  # a recorder's pause before pasting
        room.paste("d: ship on 20 Sept\nsecond line\n")
        assert _kinds_and_texts(db, 2) == [
            ("decision", "ship on 20 Sept"),
            ("point", "second line"),
        ]


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
def test_ten_lines_typed_and_five_pasted_reach_the_room_the_journal_and_the_minutes(
    tmp_path: Path, size: tuple[int, int]
) -> None:
    from store.archive import Archive

    db = tmp_path / "archive.db"
    pasted = (
        ("p1 pasted point", "point", "p1 pasted point"),
        ("d: p2 pasted decision", "decision", "p2 pasted decision"),
        ("a: @Wang p3 pasted task by 12/24", "action", "p3 pasted task"),
        ("u: @Marta p4 pasted item by 12/30", "unresolved", "p4 pasted item"),
        ("p5 pasted point", "point", "p5 pasted point"),
    )
    with terminal(room_command(db, "demo"), size=size) as room:
        room.wait_for(TITLE, seconds=60)
        room.type_line("/next")
        for typed, _kind, _text in LINES:
            room.type_line(typed)
        room.paste("".join(typed + "\n" for typed, _k, _t in pasted))
        _assert_recorded(_kinds_and_texts(db, 15), LINES + pasted)
        room.wait_for("p5 pasted point")  # in the room too
        room.type_line("/close")
        room.wait_for("Confirm")
        room.send("Enter")
        # The last lines printed (at 80x24 the summary above has scrolled away).
        room.wait_for("Tasks: ")
    with Archive.open(db) as archive:
        decisions = [r["text"] for r in archive.db["decisions"].rows]
        tasks = [r["title"] for r in archive.db["tasks"].rows]
        points = [r["text"] for r in archive.db["points"].rows]
    assert decisions == [
        "go live 1 Dec",
        "9月20日上线",
        "budget capped at 20k",
        "p2 pasted decision",
    ]
    assert tasks == ["training build", "p3 pasted task"]
    assert points.count("p1 pasted point") == 1 and points.count("Budget approved") == 1
