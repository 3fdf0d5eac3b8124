"""``facilitator mail MEETING -o DIR``: ready-to-send .eml files, parsed back with the
standard ``email`` package (headers, recipients, parts) and their tasks attachment
read by ``icalendar``, as a mail program and a calendar would."""

from __future__ import annotations

import email
from email import policy
from email.message import EmailMessage
from pathlib import Path

import pytest
from icalendar import Calendar

from tests.support import LAUNCH_EN, LAUNCH_ZH, cli, hold_meeting

# Every participant has an address but Marta in LAUNCH_EN; give her one here.
WITH_MARTA = LAUNCH_EN.replace(
    'name = "Marta"\ndepartment = "Marketing"',
    'name = "Marta"\ndepartment = "Marketing"\nemail = "marta@example.com"',
)
LINES = (
    "/absent @Wang @Marta",
    "/next",
    "x: R&D: longer tests | Sales: keep the date",
    "d: ship on 20 Sept",
    "a: @Wang price list by 3/20",
    "a: @Li test form by 3/10",
    "/next",
    "u: @Sales discount policy in 3 workdays",
)
TUESDAY = "2026-03-03T09:00:00+01:00"


def _read(path: Path) -> EmailMessage:
    message = email.message_from_bytes(path.read_bytes(), policy=policy.default)
    assert isinstance(message, EmailMessage)
    return message


def _addresses(message: EmailMessage, header: str) -> list[str]:
    return [address.addr_spec for address in message[header].addresses]


def _parts(message: EmailMessage) -> dict[str, EmailMessage]:
    return {part.get_content_type(): part for part in message.walk() if not part.is_multipart()}


def test_the_minutes_go_to_every_participant_with_an_address(db_path: Path, tmp_path: Path):
    hold_meeting(db_path, WITH_MARTA, LINES)
    out = tmp_path / "outbox"
    out.mkdir()
    result = cli(db_path, "mail", "Q3 launch", "-o", str(out), now=TUESDAY)
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in out.iterdir()) == ["1-brief-marta.eml", "1-minutes.eml"]
    assert all(p.stat().st_mode & 0o777 == 0o600 for p in out.iterdir())
    minutes = _read(out / "1-minutes.eml")
    assert minutes["Subject"] == "Minutes: Q3 launch coordination"
    assert minutes["From"].addresses[0].addr_spec == "zhao@example.com"  # the recorder
    # Absent or not, everyone invited gets the minutes.
    assert _addresses(minutes, "To") == [
        "ana@example.com",
        "zhao@example.com",
        "li@example.com",
        "marta@example.com",
        "wang@example.com",
    ]
    assert minutes["Date"].datetime.isoformat() == "2026-03-03T08:00:00+00:00"
    assert minutes["Message-ID"].endswith("@example.com>")
    parts = _parts(minutes)
    assert set(parts) == {"text/plain", "text/html", "text/calendar"}
    text = parts["text/plain"].get_content()
    assert text.startswith(
        "Please read these minutes and confirm them, or say what to correct, "
        "by Thu 5 Mar 2026 (reply to Zhao)."
    )
    assert "# Minutes: Q3 launch coordination" in text and "| 1 | price list | Wang |" in text
    html = parts["text/html"].get_content()
    assert "<h1>Minutes: Q3 launch coordination</h1>" in html
    attachment = parts["text/calendar"]
    assert attachment.get_filename() == "tasks.ics" and attachment.is_attachment()
    todos = Calendar.from_ical(attachment.get_content()).walk("VTODO")
    by_title = {str(todo["SUMMARY"]): todo for todo in todos}  # in due date order
    assert sorted(by_title) == ["price list", "test form"]
    assert by_title["price list"].decoded("DUE").isoformat() == "2026-03-20"


def test_each_briefer_gets_the_brief_of_those_they_brief(db_path: Path, tmp_path: Path):
    hold_meeting(db_path, WITH_MARTA, LINES)
    cli(db_path, "mail", "1", "-o", str(tmp_path), now=TUESDAY)
    brief = _read(tmp_path / "1-brief-marta.eml")
    assert _addresses(brief, "To") == ["marta@example.com"]
    assert brief["Subject"] == "Brief for Wang: Q3 launch coordination"
    parts = _parts(brief)
    text = parts["text/plain"].get_content()
    assert text.startswith("You agreed to brief Wang, absent from 'Q3 launch coordination'.")
    assert "| 1 | price list | Wang |" in text and "test form" not in text
    assert "discount policy" in text and "Sales: keep the date" in text
    assert "<h2>Tasks of Wang or Sales (1)</h2>" in parts["text/html"].get_content()
    # Only Wang's task goes in the brief's calendar.
    todos = Calendar.from_ical(parts["text/calendar"].get_content()).walk("VTODO")
    assert [str(todo["SUMMARY"]) for todo in todos] == ["price list"]


def test_chinese_mail_has_an_encoded_utf8_subject_and_chinese_names(
    db_path: Path, tmp_path: Path
) -> None:
    agenda = LAUNCH_ZH.replace(
        'name = "赵芳"\ndepartment = "项目部"',
        'name = "赵芳"\ndepartment = "项目部"\nemail = "zf@example.cn"',
    )
    hold_meeting(db_path, agenda, ("/absent @韩梅梅 @赵芳", "/next", "决定: 推广时间调整为9月20日"))
    result = cli(db_path, "mail", "-o", str(tmp_path), now="2026-03-03T09:00:00+08:00")
    assert result.exit_code == 0
    raw = (tmp_path / "1-minutes.eml").read_bytes()
    assert raw.isascii()  # any mail server carries it: the subject is in encoded words
    assert b"Subject: =?utf-8?" in raw
    minutes = _read(tmp_path / "1-minutes.eml")
    assert minutes["Subject"] == "会议纪要：Q3新产品上线协调会"
    assert minutes["From"].addresses[0].display_name == "赵芳"
    assert (
        "请阅读本会议纪要，并于2026年3月5日 星期四前确认无误"
        in _parts(minutes)["text/plain"].get_content()
    )
    brief = _read(tmp_path / "1-brief-赵芳.eml")
    assert brief["Subject"] == "会后传达（韩梅梅）：Q3新产品上线协调会"
    # No tasks in this meeting: nothing to attach.
    assert "text/calendar" not in _parts(brief)
    # 李雷 and 韩梅梅 have no address: said, not mailed.
    assert "no e-mail address, not mailed: 李雷, 韩梅梅" in result.stderr


def test_mailing_the_minutes_counts_as_sending_them(db_path: Path, tmp_path: Path) -> None:
    hold_meeting(db_path, WITH_MARTA, LINES)
    reminder = "were closed over 24 hours ago and never exported"
    assert reminder in cli(db_path, "tasks", now="2026-03-04T09:00:00+01:00").output
    cli(db_path, "mail", "-o", str(tmp_path), now="2026-03-04T09:00:00+01:00")
    assert reminder not in cli(db_path, "tasks", now="2026-03-05T09:00:00+01:00").output


def test_a_sender_can_be_named(db_path: Path, tmp_path: Path) -> None:
    hold_meeting(db_path, WITH_MARTA, LINES)
    result = cli(
        db_path, "mail", "-o", str(tmp_path), "--sender", "PMO <pmo@example.org>", now=TUESDAY
    )
    assert result.exit_code == 0
    sender = _read(tmp_path / "1-minutes.eml")["From"].addresses[0]
    assert (sender.display_name, sender.addr_spec) == ("PMO", "pmo@example.org")


@pytest.mark.parametrize(
    ("agenda", "args", "said"),
    [
        (WITH_MARTA, ("--sender", "not an address"), "'not an address' is not an e-mail address"),
        (
            WITH_MARTA.replace('email = "zhao@example.com"', "").replace(
                'email = "ana@example.com"', ""
            ),
            (),
            "the e-mails need a sender",
        ),
        (LAUNCH_ZH.replace('email = "zhoumin@example.com"', ""), (), "has an e-mail address"),
    ],
    ids=["bad sender", "no sender", "nobody reachable"],
)
def test_mail_that_cannot_be_written_is_one_clear_line(
    db_path: Path, tmp_path: Path, agenda: str, args: tuple[str, ...], said: str
) -> None:
    hold_meeting(db_path, agenda, ("/next", "d: ship it"))
    out = tmp_path / "outbox"
    out.mkdir()
    result = cli(db_path, "mail", "-o", str(out), *args, now=TUESDAY)
    assert result.exit_code == 2 and result.output.count("\n") == 1 and said in result.output
    assert list(out.iterdir()) == []


def test_mail_needs_an_existing_directory(db_path: Path, tmp_path: Path) -> None:
    hold_meeting(db_path, WITH_MARTA, LINES)
    missing = tmp_path / "nowhere"
    result = cli(db_path, "mail", "-o", str(missing), now=TUESDAY)
    assert result.exit_code == 2 and "is not a directory" in result.output
    assert not missing.exists()
