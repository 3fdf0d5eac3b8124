"""The notebook API: plan a meeting, read the archive, watch a meeting live."""

from __future__ import annotations

import datetime
import json
import shutil
import subprocess
import time
import uuid
from pathlib import Path

import pendulum
import pytest
from rich.cells import cell_len

from facilitator.app.live import LiveMeeting
from facilitator.app.settings import Location
from facilitator.core.clock import FakeClock
from facilitator.meeting.agenda import Agenda, Person, Topic
from facilitator.notebook import LiveView, Notebook, open_archive
from facilitator.planning.agenda_file import AgendaError
from facilitator.planning.demo import demo_agenda
from store.archive import Archive
from store.items import update_item
from tests.support import (
    LAUNCH_EN,
    LAUNCH_EN_LINES,
    LAUNCH_ZH,
    START,
    TWENTY_MEETINGS,
    cli,
    held_meeting,
    hold_meeting,
    twenty_meetings,
    type_lines,
)

SCRIPT = "<script>x</script>"


@pytest.fixture
def nb(location: Location, clock: FakeClock):
    """A notebook on an archive with one meeting held: a file, then a PostgreSQL database."""
    held_meeting(location, clock)
    with open_archive(location, clock=clock) as opened:
        yield opened


def test_the_archive_lists_its_meetings(nb: Notebook):
    meetings = nb.meetings()
    assert [m["title"] for m in meetings.to_records()] == ["Q3 product launch coordination"]
    assert "Q3 product launch coordination" in meetings._repr_html_()
    assert "Q3 product launch coordination" in repr(meetings)
    # Stored in UTC, shown (and recorded) in the meeting's own zone.
    (record,) = meetings.to_records()
    agenda = nb.meeting(record["id"]).state.agenda
    assert record["start"] == agenda.start.isoformat()
    assert record["timezone"] == agenda.timezone


def test_open_items_come_back_with_their_id_and_where_they_stand(db_path, clock):
    held_meeting(db_path, clock)  # u: @Legal compliance opinion in 3 workdays: Thu 5 Mar
    with open_archive(db_path, clock=clock) as nb:
        (item,) = nb.open_items().to_records()
        assert (item["id"], item["status"], item["department"]) == (1, "open", "Legal")
        clock.set(pendulum.datetime(2026, 3, 9, 9, tz="Europe/Berlin"))
        assert [r["text"] for r in nb.open_items(status="OVERDUE")] == ["compliance opinion"]
        assert "Overdue" in nb.open_items()._repr_html_()
        assert nb.meeting(1).open_items.to_records()[0]["status"] == "overdue"
        with pytest.raises(ValueError, match="unknown status 'settled'"):
            nb.open_items(status="settled")
    with Archive.open(db_path) as archive:
        update_item(archive, 1, clock.now(), status="resolved", note="opinion received")
    with open_archive(db_path, clock=clock) as nb:
        assert nb.open_items(status="resolved")[0]["id"] == 1
        assert nb.open_items(status="overdue").to_records() == []
        # As `facilitator items` lists them: settled ones only when asked for.
        assert nb.open_items().to_records() == []
        assert [r["status"] for r in nb.open_items(status="all")] == ["resolved"]
        assert "Resolved" in nb.meeting(1)._repr_html_()


def test_open_archive_reads_facilitator_db_from_the_environment(db_path, clock, monkeypatch):
    held_meeting(db_path, clock)
    monkeypatch.setenv("FACILITATOR_DB", str(db_path))
    with open_archive() as nb:
        assert nb.path == db_path


def test_a_closed_meeting_shows_its_minutes(nb: Notebook):
    meeting = nb.meeting("launch")
    html = meeting._repr_html_()
    assert "Minutes: Q3 product launch coordination" in html
    assert "go live on 20 Sept" in html and "training build" in html
    assert "compliance opinion" in html
    assert repr(meeting) == "<Meeting 1: Q3 product launch coordination (closed)>"


def test_tasks_open_items_and_decisions_become_records(nb: Notebook):
    meeting = nb.meeting(closed=True)
    # The ids follow a row up (`facilitator task 1`); the status as a code and as words.
    assert meeting.tasks.to_records() == [
        {
            "id": 1,
            "meeting_id": meeting.id,
            "meeting": "Q3 product launch coordination",
            "topic": "R&D progress and risks",
            "title": "training build",
            "owner": "Li",
            "department": "R&D",
            "due": "2026-09-10",
            "status": "open",
            "status_label": "Open",
        }
    ]
    assert "<table" in meeting.tasks._repr_html_() and "Open" in meeting.tasks._repr_html_()
    assert [r["owner"] for r in meeting.open_items.to_records()] == ["Legal"]
    assert meeting.decisions.to_records() == [
        {"meeting_id": meeting.id, "topic": "R&D progress and risks", "text": "go live on 20 Sept"}
    ]
    across = nb.tasks().to_records()
    assert across[0]["meeting"] == "Q3 product launch coordination"
    assert nb.tasks(status="done").to_records() == []
    assert nb.open_items().to_records()[0]["topic"] == "R&D progress and risks"


def test_speaking_time_per_person_and_department_shows_as_bars(nb: Notebook):
    speaking = nb.meeting().speaking
    # Everyone present is on both charts; who never spoke shows at 0, as their department.
    silent = {"Ana": 0.0, "Zhao": 0.0, "Wang": 0.0}
    assert speaking.by_person() == {"Li": 240.0, "Marta": 180.0, **silent}
    assert speaking.by_department()["R&D"] == 240.0
    assert speaking.by_department()["Sales"] == 0.0
    html = speaking._repr_html_()
    assert "Speaking time per department" in html
    assert 'aria-label="Li: 57%"' in html and "width:100.0%" in html
    assert 'aria-label="Wang: 0%"' in html
    assert {r["person"] for r in speaking.to_records()} == {"Li", "Marta"}
    assert nb.speaking().by_person() == {"Li": 240.0, "Marta": 180.0, **silent}
    assert nb.speaking().by_department()["Sales"] == 0.0
    assert "Li" in repr(speaking) and "#" in repr(speaking) and "Wang" in repr(speaking)


def test_speaking_per_department_shows_itself_and_turns_into_records(nb: Notebook):
    departments = nb.speaking().by_department()
    # A mapping still (totals["R&D"]), but one that shows time and share, not float seconds.
    assert dict(departments)["R&D"] == 240.0
    assert "4 min 00 s" in departments._repr_html_() and "57%" in departments._repr_html_()
    assert repr(departments).startswith("Speaking time per department\n")
    assert departments.to_records()[0] == {
        "department": "R&D",
        "seconds": 240.0,
        "minutes": 4.0,
        "share": 0.571,
    }
    assert [r["person"] for r in nb.speaking().by_person().to_records()][:2] == ["Li", "Marta"]


def test_the_agenda_shows_planned_against_actual_minutes(nb: Notebook):
    agenda = nb.meeting().agenda
    rows = agenda.to_records()
    assert [(r["planned_minutes"], r["actual_minutes"]) for r in rows] == [
        (15, 6.0),
        (15, 1.0),
        (10, 0.0),
    ]
    # Records keep the stable codes; the table shows each as a topic's status reads.
    assert [r["status"] for r in rows] == ["done", "done", "pending"]
    html = agenda._repr_html_()
    assert "Actual (min)" in html and ">done<" in html and ">not reached<" in html
    assert ">Done<" not in html


def test_every_piece_of_text_from_people_is_escaped(db_path: Path, clock: FakeClock):
    agenda = Agenda(
        title=f"Plan {SCRIPT}",
        start=START,
        end=START.add(hours=1),
        people=(Person(SCRIPT, f"R&D {SCRIPT}", "host"), Person("Ana", "Ops")),
        topics=(Topic("t1", f"Topic {SCRIPT}", SCRIPT, 20),),
        place=SCRIPT,
    )
    with open_archive(db_path, clock=clock, create=True) as nb:
        meeting = nb.plan(agenda)
        # The room writes through its own connection: the notebook only reads.
        writer = Archive.open(db_path)
        room = LiveMeeting(writer.journal(meeting.id), clock)
        type_lines(room, "/next", f"d: {SCRIPT}", f"a: @Ana {SCRIPT} by 9/10")
        clock.advance(minutes=3)
        shown = [
            meeting._repr_html_(),
            meeting.now()._repr_html_(),
            meeting.agenda._repr_html_(),
            meeting.tasks._repr_html_(),
            meeting.speaking._repr_html_(),
            meeting.entries._repr_html_(),
            meeting.notice()._repr_html_(),
            nb.meetings()._repr_html_(),
            nb._repr_html_(),
        ]
        room.close()
        shown += [meeting._repr_html_(), nb.tasks()._repr_html_()]
    for html in shown:
        assert "<script>" not in html
    assert "&lt;script&gt;x&lt;/script&gt;" in shown[0]


def test_an_agenda_built_in_code_is_checked_like_a_file(nb: Notebook, tmp_path: Path):
    plan = nb.agenda(
        "Release review",
        pendulum.datetime(2026, 3, 9, 10, tz="Europe/Berlin"),
        "2026-03-09T10:30:00+01:00",
        people=[("Ana", "Ops", "host"), {"name": "李雷", "department": "销售部"}],
        topics=[("Checklist", "Ana", 40)],
        goal="Agree the checklist",
    )
    assert plan.ok
    assert plan.agenda.people[1].name == "李雷"
    found = [r["message"] for r in plan.check().to_records()]
    assert "topic 'Checklist' is planned for 40 minutes: over 30, split it or it will drift" in (
        found
    )
    assert "the topics need 40 minutes but the meeting has 30" in found
    assert "no recorder" in " ".join(found)
    saved = plan.save(tmp_path / "review.toml")
    assert nb.load_agenda(saved).agenda == plan.agenda


def test_a_broken_agenda_lists_every_problem_without_raising(nb: Notebook, tmp_path: Path):
    plan = nb.agenda("", "not a date", "2026-03-09T10:30:00+01:00", people=[], topics=[])
    assert not plan.ok
    fields = {r["field"] for r in plan.check().to_records()}
    assert {"meeting.title", "meeting.start", "people", "topics"} <= fields
    assert "Problem" in plan._repr_html_()
    with pytest.raises(AgendaError):
        nb.plan(plan)
    missing = nb.load_agenda(tmp_path / "nope.toml")
    assert missing.check().to_records()[0]["message"].startswith("no such agenda file")
    latin1 = tmp_path / "latin1.toml"
    latin1.write_bytes('[meeting]\ntitle = "Réunion"\n'.encode("latin-1"))
    assert nb.load_agenda(latin1).check().to_records()[0]["field"] == "file"


def test_an_agenda_file_is_loaded_and_planned_once(nb: Notebook, agenda_file: Path):
    plan = nb.load_agenda(agenda_file)
    # Checked after the meeting's start (the fixture's meeting ran first): the only
    # warning says the meeting has passed, not that "0 working days" are left.
    (warning,) = plan.check().to_records()
    assert warning["message"].startswith("the meeting has already started or passed")
    first = nb.plan(plan)
    again = nb.plan(plan)
    assert first.id == again.id == 2
    assert not first.is_closed
    assert "Not closed yet" in first._repr_html_()
    assert "Weekly ops sync" in plan._repr_html_() and "李雷" in plan._repr_html_()


def test_the_notice_is_the_one_that_is_sent(nb: Notebook, agenda_file: Path):
    from facilitator.export.notice import render_notice

    plan = nb.load_agenda(agenda_file)
    notice = plan.notice()
    assert repr(notice) == notice._repr_markdown_() == render_notice(plan.agenda)
    html = notice._repr_html_()
    # Jupyter right-aligns table cells of its own accord: each cell says left.
    left = 'style="text-align:left;vertical-align:top"'
    assert "<table>" in html and f"<td {left}>Weekly ops sync</td>" in html
    assert html.count("<td ") == html.count(left) - html.count("<th ")
    assert "Release checklist" in html


def test_the_room_command_opens_the_planned_meeting(nb: Notebook, agenda_file: Path):
    meeting = nb.plan(nb.load_agenda(agenda_file))
    launch = meeting.open_room(tmux=False)
    archive = str(nb.path.resolve()) if isinstance(nb.path, Path) else nb.path
    assert launch.command[-4:] == ("--db", archive, "open", str(meeting.id))
    assert launch.shell_command in repr(launch)
    # tmux was not asked for: nothing is "not available", just the command to run.
    assert "Run this in a terminal to open the room:" in launch._repr_html_()
    assert "tmux" not in repr(launch).splitlines()[0]


@pytest.mark.tmux
@pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed")
def test_the_room_opens_in_a_tmux_session(nb: Notebook, agenda_file: Path, monkeypatch):
    monkeypatch.delenv("TMUX", raising=False)
    meeting = nb.plan(nb.load_agenda(agenda_file))
    session = f"facilitator-test-{uuid.uuid4().hex[:8]}"
    launch = meeting.open_room(session=session)
    try:
        assert launch.tmux_target is not None and launch.tmux_target.startswith(f"{session}:")
        assert f"tmux attach -t {session}" in repr(launch)
        deadline = time.monotonic() + 30
        screen = ""
        while "Weekly ops sync" not in screen and time.monotonic() < deadline:
            time.sleep(0.2)
            screen = subprocess.run(
                ["tmux", "capture-pane", "-p", "-t", session], capture_output=True, text=True
            ).stdout
        assert "Weekly ops sync" in screen
    finally:
        subprocess.run(["tmux", "kill-session", "-t", session], capture_output=True)


def test_following_live_shows_what_another_connection_writes(location: Location, clock: FakeClock):
    with Archive.open(location) as archive:
        meeting_id = archive.create_meeting(demo_agenda(clock.now()), clock.now()).meeting_id
    room_archive = Archive.open(location)
    room = LiveMeeting(room_archive.journal(meeting_id), clock)
    lines = iter(["/next", "d: ship it", "/call @Marta"])
    shown: list[LiveView] = []

    class Cell:
        """A notebook output: each update is what the reader would see; the room types on."""

        def update(self, view: LiveView) -> None:
            shown.append(view)
            line = next(lines, None)
            if line is not None:
                type_lines(room, line)
            elif not room.state.is_closed:
                room.close()

    def display(view: LiveView, display_id: bool = False) -> Cell:
        assert display_id
        shown.append(view)
        type_lines(room, next(lines))
        return Cell()

    with open_archive(location, clock=clock) as nb:
        nb.follow(duration=60, interval=0.01, display=display)
    room_archive.close()
    final = shown[-1]
    assert final.state.is_closed
    assert final.state.entries_of("decision")[0].entry.text == "ship it"
    assert any(v.state.speaker and v.state.speaker.person == "Marta" for v in shown)
    assert "The meeting is closed." in final._repr_html_()
    assert "ship it" in repr(shown[-1])


def test_following_stops_after_its_duration(db_path: Path, clock: FakeClock):
    with Archive.open(db_path) as archive:
        archive.create_meeting(demo_agenda(clock.now()), clock.now())
    views: list[LiveView] = []

    class Cell:
        def update(self, view: LiveView) -> None:
            views.append(view)

    def display(view: LiveView, display_id: bool = False) -> Cell:
        views.append(view)
        return Cell()

    with open_archive(db_path, clock=clock) as nb:
        nb.follow(duration=0.05, interval=0.01, display=display)
    final = views[-1]
    assert not final.state.is_closed
    assert "Waiting for the room" in final._repr_html_()


def test_following_an_archive_deleted_under_the_cell_says_so_and_stops(
    tmp_path: Path, clock: FakeClock
):
    db = tmp_path / "archive.db"
    with Archive.open(db) as archive:
        archive.create_meeting(demo_agenda(clock.now()), clock.now())
    views: list[LiveView] = []

    class Cell:
        def update(self, view: LiveView) -> None:
            views.append(view)

    def display(view: LiveView, display_id: bool = False) -> Cell:
        views.append(view)
        for path in tmp_path.glob("archive.db*"):
            path.unlink()  # someone tidies the folder while the cell runs
        return Cell()

    started = time.monotonic()
    with open_archive(db, clock=clock) as nb:
        nb.follow(duration=30, interval=0.01, display=display)
    assert time.monotonic() - started < 10  # stopped, not left waiting for 30 s
    final = views[-1]
    assert final.gone is not None and "was deleted" in final.gone
    assert "was deleted while it was being followed" in final._repr_html_()
    assert repr(final).startswith("⚠ the archive")


def test_a_meeting_turns_into_plain_lists_and_dicts(nb: Notebook):
    data = nb.meeting().to_dict()
    # Plain values only: JSON takes the whole meeting, dates as ISO text.
    assert json.loads(json.dumps(data)) == data
    assert data["open_items"][0]["deadline"] == "2026-03-05"
    assert data["tasks"][0]["due"] == "2026-09-10"
    assert data["status"] == "closed"
    assert [t["title"] for t in data["tasks"]] == ["training build"]
    assert data["agenda"][0]["planned_minutes"] == 15
    assert sum(line["seconds"] for line in data["speaking"]) == 420.0
    kinds = [e["kind"] for e in nb.meeting().entries.to_records()]
    assert kinds == ["decision", "action", "unresolved"]


def test_the_notebook_speaks_chinese(db_path: Path, clock: FakeClock, monkeypatch):
    held_meeting(db_path, clock)
    monkeypatch.setenv("FACILITATOR_LANG", "zh")
    with open_archive(db_path, clock=clock) as nb:
        meeting = nb.meeting()
        assert "各部门发言时长" in meeting.speaking._repr_html_()
        assert "未开始" in meeting.tasks._repr_html_()
        assert "已结束" in nb.meetings()._repr_html_()
        assert "2026年9月10日" in meeting.tasks._repr_html_()
        # The minutes keep their meeting's language, as `facilitator minutes` writes them.
        assert "Minutes: Q3 product launch coordination" in meeting._repr_html_()
        assert "各部门发言时长" in meeting.speaking._repr_html_()


def test_a_chinese_meetings_minutes_are_in_chinese_whatever_the_notebook_speaks(
    db_path: Path, clock: FakeClock
):
    from tests.support import LAUNCH_ZH, LAUNCH_ZH_LINES, hold_meeting

    hold_meeting(db_path, LAUNCH_ZH, LAUNCH_ZH_LINES)
    with open_archive(db_path, clock=clock, language="en") as nb:
        meeting = nb.meeting()
        html = meeting._repr_html_()
        assert "会议纪要：Q3新产品上线协调会" in html and "未决事项" in html
        # The tables around it stay in the notebook's language.
        assert "Open items" in repr(meeting.open_items)
        assert "Speaking time per person" in meeting.speaking._repr_html_()


def test_a_task_past_its_due_date_reads_delayed(nb: Notebook, clock: FakeClock):
    clock.set(pendulum.datetime(2026, 9, 11, 9, tz="Europe/Berlin"))
    assert [r["status"] for r in nb.tasks().to_records()] == ["delayed"]
    assert [r["title"] for r in nb.tasks(status="delayed").to_records()] == ["training build"]
    assert nb.tasks(status="open").to_records() == []
    assert "Delayed" in nb.meeting().tasks._repr_html_()


def test_minutes_and_notice_name_the_zone_alike(nb: Notebook):
    # A server whose local zone is Etc/UTC, an agenda written in UTC, one as +00:00:
    # one zone, so one label wherever the time is shown.
    from facilitator.export.markdown import render_minutes
    from facilitator.render.times import zone_label

    for zone in ("Etc/UTC", "UTC", pendulum.fixed_timezone(0), "Etc/GMT"):
        assert zone_label(pendulum.datetime(2026, 3, 2, 10, tz=zone)) == "UTC"
    eight = pendulum.fixed_timezone(8 * 3600)
    assert zone_label(pendulum.datetime(2026, 3, 2, 10, tz=eight)) == "UTC+08:00"
    plan = nb.agenda(
        "Zone check",
        pendulum.datetime(2026, 3, 9, 10, tz="Etc/UTC"),
        pendulum.datetime(2026, 3, 9, 11, tz="Etc/UTC"),
        people=[{"name": "Ana", "department": "Ops", "role": "host"}],
        topics=[{"title": "Checklist", "owner": "Ana", "minutes": 20}],
    )
    meeting = nb.plan(plan)
    assert "10:00–11:00 (UTC)" in plan.notice().text
    assert "10:00–11:00 (UTC)" in meeting._repr_html_()
    assert "10:00–11:00 (UTC)" in render_minutes(meeting.minutes())


def test_every_record_is_plain_json_and_alike_across_calls(nb: Notebook, clock: FakeClock):
    held = nb.meeting(closed=True)
    running = nb.plan(demo_agenda(clock.now().add(days=1)))
    room = LiveMeeting(Archive.open(nb.path).journal(running.id), clock)
    type_lines(room, "/next", "u: @Legal export rules in 3 workdays", "a: @Li flyers by 9/10")
    tables = [
        held.agenda,
        held.entries,
        held.decisions,
        held.open_items,
        held.tasks,
        running.agenda,
        running.entries,
        running.open_items,
        running.tasks,
        nb.meetings(),
        nb.tasks(),
        nb.open_items(),
    ]
    for table in tables:
        records = table.to_records()
        assert json.loads(json.dumps(records)) == records
    assert json.dumps(held.speaking.to_records()) and json.dumps(running.to_dict())
    # One type per field, whichever call it comes from: dates as ISO text.
    assert held.open_items[0]["deadline"] == nb.open_items()[0]["deadline"] == "2026-03-05"
    assert running.tasks.to_records()[0]["due"] == nb.tasks().to_records()[0]["due"]
    assert pendulum.parse(held.entries.to_records()[0]["at"]) == START
    # Shown as dates all the same.
    assert "Thu 5 Mar 2026" in held.open_items._repr_html_()
    assert "Mon 2 Mar 2026, 09:00" in held.entries._repr_html_()  # the demo keeps UTC


def test_a_typo_in_the_archive_name_does_not_start_a_new_archive(tmp_path: Path):
    typo = tmp_path / "missing" / "typo.db"
    with pytest.raises(FileNotFoundError, match=r"no archive at .*typo\.db.*create=True"):
        open_archive(typo)
    assert not typo.parent.exists()
    with open_archive(typo, create=True) as nb:
        assert len(nb.meetings()) == 0
    assert typo.exists()


def test_a_meeting_already_held_is_not_planned_again(nb: Notebook, clock: FakeClock):
    from store.errors import ArchiveError

    held = nb.meeting(closed=True)
    with pytest.raises(ArchiveError, match="already held and closed"):
        nb.plan(demo_agenda(START))
    assert len(nb.meetings()) == 1
    # Nor does the room open on it: it would refuse, and the tmux window would just vanish.
    with pytest.raises(ArchiveError, match=r"is closed: the room cannot open it again"):
        held.open_room(tmux=False)


def test_the_room_inside_tmux_is_a_window_to_switch_to_not_a_session_to_attach():
    from facilitator.notebook.cells import RoomLaunch

    command = ("facilitator", "open", "3")
    inside = RoomLaunch(command, "it:1", inside_tmux=True)
    assert repr(inside).splitlines()[-1] == "tmux select-window -t it:1"
    assert "attach" not in repr(inside) and "Switch to it with" in inside._repr_html_()
    outside = RoomLaunch(command, "facilitator-3:0")
    assert repr(outside).splitlines()[-1] == "tmux attach -t facilitator-3"
    missing = RoomLaunch(command, without_tmux="missing")
    assert repr(missing).startswith("tmux is not available")
    assert repr(missing).splitlines()[-1] == "facilitator open 3"


def test_task_statuses_are_checked_and_read_in_any_case(nb: Notebook):
    assert [r["status"] for r in nb.tasks(status="Open").to_records()] == ["open"]
    assert nb.tasks(status="DONE").to_records() == []
    with pytest.raises(ValueError, match="unknown status 'bogus': choose one of open, doing"):
        nb.tasks(status="bogus")


def test_an_agenda_in_code_says_what_is_wrong_with_the_arguments(nb: Notebook):
    def agenda(**changes):
        arguments = {
            "title": "Release review",
            "start": pendulum.datetime(2026, 11, 26, 10, tz="Asia/Shanghai"),
            "end": pendulum.datetime(2026, 11, 26, 11, tz="Asia/Shanghai"),
            "people": [("Ana", "Ops", "host"), Person("李雷", "Sales")],
            "topics": [("Checklist", "Ana", 20)],
        }
        return nb.agenda(**(arguments | changes))

    # A person as a bare name is not spelled out letter by letter.
    with pytest.raises(TypeError, match=r"people\[0\] is 'Ana', not one of the people"):
        agenda(people=["Ana"])
    with pytest.raises(TypeError, match=r"topics\[1\] is 'Budget'"):
        agenda(topics=[("Checklist", "Ana", 20), "Budget"])
    # A typo in a keyword is not dropped without a word.
    with pytest.raises(TypeError, match=r"unknown meeting field.*golaa, plase"):
        agenda(golaa="Agree", plase="Room 2")
    # A day without a time is not a meeting from midnight to 11:00.
    for day in (datetime.date(2026, 11, 26), "2026-11-26"):
        plan = agenda(start=day)
        assert not plan.ok
        (problem,) = plan.check().to_records()
        assert problem["field"] == "meeting.start" and "has no time of day" in problem["message"]
        assert problem["where"] == "start"
    # The zone keeps its name (summer time, the notice, the invitation), not just +08:00.
    plan = agenda()
    assert plan.ok and plan.agenda.timezone == "Asia/Shanghai"
    assert plan.agenda.people[1].name == "李雷"
    # Problems point at the argument, not at a line of TOML nobody wrote.
    broken = agenda(topics=[("Checklist", "Nobody", 20)]).check().to_records()
    assert [(r["where"], r["field"]) for r in broken] == [("topics, item 1", "topics[1].owner")]


def test_console_tables_line_up_in_chinese(db_path: Path, clock: FakeClock):
    from facilitator.notebook.display import bars_text, table_text
    from tests.support import LAUNCH_ZH, LAUNCH_ZH_LINES, hold_meeting

    hold_meeting(db_path, LAUNCH_ZH, LAUNCH_ZH_LINES)
    with open_archive(db_path, clock=clock, language="zh") as nb:
        text = repr(nb.meeting().agenda)
    lines = text.splitlines()[1:]
    owners = [
        line.index(owner)
        for line in lines
        for owner in ("议题负责人", "李雷", "韩梅梅")
        if owner in line
    ]
    # The owner column starts at the same terminal column on every line.
    assert len({cell_len(line[:at]) for line, at in zip(lines, owners, strict=True)}) == 1
    table = table_text(
        (("a", "A"), ("b", "B")), [{"a": "研发部汇报", "b": "x"}, {"a": "ab", "b": "y"}]
    )
    assert table.splitlines() == ["A           B", "研发部汇报  x", "ab          y"]
    bars = bars_text({"李雷": 60.0, "Ana": 30.0}, width=4).splitlines()
    assert [cell_len(line.split("#")[0]) for line in bars] == [6, 6]


def test_the_archive_is_named_once(nb: Notebook):
    assert nb._repr_html_().count(str(nb.path)) == 1


def test_a_meeting_written_with_a_fixed_offset_shows_its_entries(
    db_path: Path, clock: FakeClock, agenda_file: Path
):
    # The README's agenda: start = 2026-03-02T10:00:00+01:00, no timezone line.
    from facilitator.planning.agenda_file import load_agenda

    with Archive.open(db_path) as archive:
        room = LiveMeeting(archive.create_meeting(load_agenda(agenda_file), clock.now()), clock)
        type_lines(room, "/next", "d: checklist agreed")
        room.close()
    with open_archive(db_path, clock=clock) as opened:
        records = opened.meeting(closed=True).entries.to_records()
    assert [r["text"] for r in records] == ["checklist agreed"]
    assert records[0]["at"].endswith("+01:00")


def test_a_closed_meeting_gives_its_briefs_and_who_confirmed(db_path, clock):
    hold_meeting(db_path, LAUNCH_EN, LAUNCH_EN_LINES)  # Wang absent, Marta briefs him
    cli(db_path, "confirm", "1", "--by", "Ana", now="2026-03-03T09:00:00+01:00")
    with open_archive(db_path, clock=clock) as nb:
        held = nb.meeting(1)
        brief = held.brief()
        assert brief.text.startswith("# Brief for Wang: Q3 launch coordination")
        assert "<h1>Brief for Wang: Q3 launch coordination</h1>" in brief._repr_html_()
        assert held.brief("nobody").text == ""
        assert "confirmed: Ana; not yet: Zhao, Li, Marta" in held._repr_html_()


def test_search_finds_a_chinese_word_in_every_meeting_with_ids_and_marks_it(db_path: Path) -> None:
    twenty_meetings(db_path)
    with open_archive(db_path) as nb:
        found = nb.search("预算")
        records = found.to_records()
        assert len(records) == TWENTY_MEETINGS
        first = records[0]
        assert first["meeting_id"] == TWENTY_MEETINGS and first["date"] == "2026-04-20"
        assert (first["kind"], first["kind_label"]) == ("decision", "Decision")
        assert isinstance(first["id"], int)
        page = found._repr_html_()
        assert "<mark>预算</mark>审批" in page and "Mon 20 Apr 2026" in page
        assert "预算" in repr(found)
        assert len(nb.search("预算", meeting=3, kind="open_item")) == 1
        assert len(nb.search("预算", kind=["decision", "待定"])) == TWENTY_MEETINGS
        with pytest.raises(ValueError, match="'minutes' is not a kind"):
            nb.search("预算", kind="minutes")


def test_meetings_read_in_their_own_zone_though_stored_in_utc(db_path: Path) -> None:
    hold_meeting(db_path, LAUNCH_ZH, ())
    with open_archive(db_path) as nb:
        (record,) = nb.meetings().to_records()
        assert record["start"] == "2026-03-02T14:00:00+08:00"
        assert record["closed_at"].endswith("+08:00")
        assert "2026, 14:00" in repr(nb.meetings())
