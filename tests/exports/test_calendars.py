"""Every .ics the program writes, read by calendar code that is not ours.

Besides ``icalendar`` (which writes them), each file is read by ``vobject``
(a second, independent Python parser) and by libical, the C library behind
Evolution and KDE's calendars, whose RFC 5546 restriction check
(``icalrestriction_check``) is the one a calendar server runs: an invitation
(METHOD:REQUEST) must carry what iTIP requires, a to-do list (no METHOD,
a plain RFC 5545 object) what RFC 5545 requires.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import datetime as dt
from pathlib import Path

import pytest
import vobject
from icalendar import Calendar

from tests.support import (
    LAUNCH_EN,
    LAUNCH_EN_LINES,
    LAUNCH_ZH,
    LAUNCH_ZH_LINES,
    ROOT,
    cli,
    hold_meeting,
)

DAY_AFTER = "2026-03-03T09:00:00+01:00"
WEEKS_LATER = "2026-03-25T09:00:00+01:00"


def _libical() -> ctypes.CDLL | None:
    name = ctypes.util.find_library("ical") or "libical.so.3"
    try:
        lib = ctypes.CDLL(name)
    except OSError:
        return None
    lib.icalparser_parse_string.restype = ctypes.c_void_p
    lib.icalparser_parse_string.argtypes = [ctypes.c_char_p]
    lib.icalrestriction_check.restype = ctypes.c_int
    lib.icalrestriction_check.argtypes = [ctypes.c_void_p]
    lib.icalcomponent_count_errors.restype = ctypes.c_int
    lib.icalcomponent_count_errors.argtypes = [ctypes.c_void_p]
    lib.icalcomponent_as_ical_string.restype = ctypes.c_char_p
    lib.icalcomponent_as_ical_string.argtypes = [ctypes.c_void_p]
    lib.icalcomponent_free.argtypes = [ctypes.c_void_p]
    return lib


LIBICAL = _libical()
needs_libical = pytest.mark.skipif(
    LIBICAL is None, reason="libical is not installed (.ci/run installs libical3)"
)


def libical_errors(data: bytes) -> list[str]:
    """What libical's parser and its RFC 5546 restriction check object to (none: [])."""
    assert LIBICAL is not None
    component = LIBICAL.icalparser_parse_string(data)
    assert component, "libical could not parse the file at all"
    try:
        LIBICAL.icalrestriction_check(component)
        if LIBICAL.icalcomponent_count_errors(component) == 0:
            return []
        text = LIBICAL.icalcomponent_as_ical_string(component).decode("utf-8")
        unfolded = text.replace("\r\n ", "").replace("\n ", "")
        return [line for line in unfolded.splitlines() if line.startswith("X-LIC-ERROR")]
    finally:
        LIBICAL.icalcomponent_free(component)


def read_by_vobject(data: bytes) -> vobject.base.Component:
    """The file as vobject reads it, every line validated."""
    calendar = vobject.readOne(data.decode("utf-8"), validate=True)
    calendar.validate()
    return calendar


def written(tmp_path: Path, db_path: Path, name: str, *args: str, now: str = DAY_AFTER) -> bytes:
    out = tmp_path / name
    result = cli(db_path, *args, "-o", str(out), now=now)
    assert result.exit_code == 0, result.output
    return out.read_bytes()


@pytest.fixture
def every_ics(tmp_path: Path, db_path: Path) -> dict[str, bytes]:
    """Each kind of .ics the program writes, as a user would make them."""
    hold_meeting(db_path, LAUNCH_EN, LAUNCH_EN_LINES)
    hold_meeting(db_path, LAUNCH_ZH, LAUNCH_ZH_LINES)
    cli(db_path, "task", "1", "doing", now=DAY_AFTER)  # overdue by WEEKS_LATER, still doing
    cli(db_path, "task", "2", "done", "--note", "sent", now=DAY_AFTER)
    hand_written = tmp_path / "hand.toml"
    # A Chinese title, no uid, a fixed offset, no zone name: the hardest invitation.
    hand_written.write_text(
        LAUNCH_ZH.replace('timezone = "Asia/Shanghai"\n', "")
        .replace("2026-03-02T14:00:00", "2026-03-02T14:00:00+08:00")
        .replace("2026-03-02T16:00:00", "2026-03-02T16:00:00+08:00")
        .replace("2026-02-26T17:00:00", "2026-02-26T17:00:00+08:00"),
        encoding="utf-8",
    )
    files = {
        "invitation.en": ("notice", str(ROOT / "examples" / "launch.en.toml"), "--format", "ics"),
        "invitation.zh": ("notice", str(ROOT / "examples" / "launch.zh.toml"), "--format", "ics"),
        "invitation.hand": ("notice", str(hand_written), "--format", "ics"),
        "tasks.open": ("tasks", "--format", "ics"),
        "tasks.all": ("tasks", "--status", "all", "--format", "ics"),
        "minutes.en": ("minutes", "Q3 launch", "--format", "ics"),
        "minutes.zh": ("minutes", "Q3新产品", "--format", "ics"),
    }
    return {
        name: written(tmp_path, db_path, f"{name}.ics", *args, now=WEEKS_LATER)
        for name, args in files.items()
    }


@needs_libical
def test_libical_finds_nothing_to_object_to_in_any_file(every_ics: dict[str, bytes]) -> None:
    for name, data in every_ics.items():
        assert libical_errors(data) == [], name


@needs_libical
def test_libical_does_object_to_what_rfc_5546_forbids() -> None:
    # The check is real: the task list as it used to be written (PUBLISH without
    # DTSTART, ORGANIZER and PRIORITY) fails it.
    old = (
        b"BEGIN:VCALENDAR\r\nPRODID:-//x//y//EN\r\nVERSION:2.0\r\nMETHOD:PUBLISH\r\n"
        b"BEGIN:VTODO\r\nUID:1@x\r\nDTSTAMP:20260302T090000Z\r\nSUMMARY:form\r\n"
        b"END:VTODO\r\nEND:VCALENDAR\r\n"
    )
    assert libical_errors(old)


def test_vobject_reads_every_file_and_finds_what_icalendar_wrote(
    every_ics: dict[str, bytes],
) -> None:
    for name, data in every_ics.items():
        calendar = read_by_vobject(data)
        ours = Calendar.from_ical(data)
        components = [c for c in calendar.getChildren() if c.name in ("VEVENT", "VTODO")]
        assert len(components) == len(ours.walk("VEVENT")) + len(ours.walk("VTODO")), name
        for component in components:
            uid = component.uid.value
            assert uid.isascii() and " " not in uid, (name, uid)


def test_a_to_do_list_is_plain_icalendar_without_a_method(every_ics: dict[str, bytes]) -> None:
    for name in ("tasks.open", "tasks.all", "minutes.en", "minutes.zh"):
        calendar = read_by_vobject(every_ics[name])
        assert "method" not in calendar.contents, name
    for name in ("invitation.en", "invitation.zh", "invitation.hand"):
        assert read_by_vobject(every_ics[name]).method.value == "REQUEST"


def test_a_task_in_progress_stays_in_progress_when_overdue_and_a_done_one_says_when(
    every_ics: dict[str, bytes],
) -> None:
    todos = {t.summary.value: t for t in read_by_vobject(every_ics["tasks.all"]).vtodo_list}
    overdue = todos["submit the test resource form"]  # due 3/10, in progress, asked on 3/25
    assert overdue.status.value == "IN-PROCESS"
    assert overdue.due.value == dt.date(2026, 3, 10)
    done = todos["campaign draft"]
    assert done.status.value == "COMPLETED"
    assert done.completed.value == dt.datetime(2026, 3, 3, 8, 0, tzinfo=dt.UTC)
    assert done.percent_complete.value == "100"
    # calcurse keeps a to-do's text but not its DUE: the date is in the text too.
    assert "Tue 10 Mar 2026" in overdue.description.value
    open_only = {t.summary.value for t in read_by_vobject(every_ics["tasks.open"]).vtodo_list}
    assert "campaign draft" not in open_only and "submit the test resource form" in open_only


def test_a_meetings_to_do_list_has_its_tasks_and_its_open_items(
    every_ics: dict[str, bytes],
) -> None:
    todos = read_by_vobject(every_ics["minutes.zh"]).vtodo_list
    assert {t.summary.value for t in todos} == {"提交测试资源申请表", "预算审批"}
    item = next(t for t in todos if t.summary.value == "预算审批")
    assert item.categories.value == ["未决事项"]
    assert item.due.value == dt.date(2026, 3, 5)
    assert "推广方案确认" in item.description.value  # the topic it came from


def test_the_host_organises_and_is_never_asked_to_reply(every_ics: dict[str, bytes]) -> None:
    event = read_by_vobject(every_ics["invitation.zh"]).vevent
    assert event.organizer.value == "mailto:zhoumin@example.com"
    attendees = {a.value: a.params for a in event.attendee_list}
    host = attendees["mailto:zhoumin@example.com"]
    assert host["PARTSTAT"] == ["ACCEPTED"] and host.get("RSVP", ["FALSE"]) == ["FALSE"]
    others = [params for address, params in attendees.items() if "zhoumin" not in address]
    assert others and all(p["RSVP"] == ["TRUE"] for p in others)


def test_a_hand_written_chinese_agenda_gets_an_ascii_uid_that_stays_the_same(
    every_ics: dict[str, bytes], tmp_path: Path, db_path: Path
) -> None:
    uid = read_by_vobject(every_ics["invitation.hand"]).vevent.uid.value
    assert uid.isascii() and uid.startswith("20260302T0600Z-q3-") and "@" in uid
    again = written(
        tmp_path, db_path, "again.ics", "notice", str(tmp_path / "hand.toml"), "--format", "ics"
    )
    assert read_by_vobject(again).vevent.uid.value == uid


def test_the_rsvp_deadline_says_its_zone(every_ics: dict[str, bytes]) -> None:
    event = read_by_vobject(every_ics["invitation.zh"]).vevent
    assert "2026年8月8日 星期六 17:00（北京时间）" in event.description.value
    assert "（北京时间）" in event.comment.value
