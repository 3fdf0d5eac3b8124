"""The issue's "done when", as a new user would try it with the installed command: three
meetings of one series over three weeks, an item left open in the first and settled in
the third, a task rescheduled, two participants confirming the minutes, the .eml files
parsed back, and the weekly report read at each step until every loop is closed."""

from __future__ import annotations

import email
import os
import subprocess
from email import policy
from pathlib import Path

from icalendar import Calendar

from tests.support import FACILITATOR, hold_meeting


class User:
    """Runs ``facilitator`` as a person would, on one archive, at a given instant."""

    def __init__(self, db: Path, folder: Path) -> None:
        self.db = db
        self.folder = folder

    def run(self, *args: str, now: str) -> str:
        env = {**os.environ, "FACILITATOR_DB": str(self.db), "FACILITATOR_NOW": now}
        env |= {"COLUMNS": "200", "FACILITATOR_LANG": "en"}
        done = subprocess.run(
            [str(FACILITATOR), *args],
            env=env,
            cwd=self.folder,
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )
        assert done.returncode == 0, (args, done.stdout, done.stderr)
        return done.stdout

    def report(self, now: str) -> dict[str, str]:
        """The weekly report, by section heading (the words before the count)."""
        sections: dict[str, str] = {}
        heading = ""
        for line in self.run("report", "--week", now=now).splitlines()[1:]:
            if line and not line.startswith((" ", "┏", "┃", "┡", "│", "└")):
                heading = line.rsplit(" (", 1)[0]
                sections[heading] = line
            elif heading:
                sections[heading] += "\n" + line
        return sections


def test_three_weeks_of_a_series_close_every_loop(db_path: Path, tmp_path: Path) -> None:
    user = User(db_path, tmp_path)
    user.run(
        "new",
        "sync",
        "-o",
        "m1.toml",
        "--timezone",
        "Europe/Berlin",
        now="2026-02-25T09:00:00+01:00",
    )
    # Week 1, Mon 2 Mar: Wang is away (Marta briefs him); Legal owes an opinion.
    hold_meeting(
        db_path,
        (tmp_path / "m1.toml").read_text(encoding="utf-8"),
        (
            "/absent @Wang @Marta",
            "/present all",
            "/next",
            "progress: front end 80% done",
            "risk: test rigs are short",
            "u: @Legal compliance opinion in 3 workdays",
            "a: @Li test plan by 3/6",
            "a: @Wang price list by 3/13",
            "x: R&D: longer tests | Sales: keep the date",
            "d: launch stays on 20 Sept",
        ),
    )
    outbox = tmp_path / "outbox"
    outbox.mkdir()
    said = user.run("mail", "Progress sync", "-o", str(outbox), now="2026-03-02T16:00:00+01:00")
    assert "the minutes to Alex, Sam, Li, Marta, Wang" in said
    minutes = email.message_from_bytes(
        (outbox / "1-minutes.eml").read_bytes(), policy=policy.default
    )
    assert len(minutes["To"].addresses) == 5 and minutes["Subject"] == "Minutes: Progress sync"
    ics = next(p for p in minutes.walk() if p.get_content_type() == "text/calendar")
    assert len(Calendar.from_ical(ics.get_content()).walk("VTODO")) == 2
    brief = email.message_from_bytes(
        (outbox / "1-brief-marta.eml").read_bytes(), policy=policy.default
    )
    assert brief["To"].addresses[0].addr_spec == "marta@example.com"
    assert "price list" in brief.get_body(("plain",)).get_content()

    # Two of the participants confirm; the others have not by Wednesday.
    user.run("confirm", "Progress sync", "--by", "Alex", now="2026-03-02T17:00:00+01:00")
    user.run("confirm", "Progress sync", "--by", "Li", now="2026-03-03T09:00:00+01:00")
    week = user.report("2026-03-04T17:00:00+01:00")
    assert "compliance opinion" in week["Open items, overdue first — chase"]
    assert (
        "confirmed: Alex, Li; not yet: Sam, Marta"
        in week["Minutes not confirmed two working days after the close"]
    )

    # Week 2: the follow-up carries everything; Li's test plan moves, in the open.
    user.run(
        "new", "sync", "--from", "Progress sync", "-o", "m2.toml", now="2026-03-05T09:00:00+01:00"
    )
    second = (tmp_path / "m2.toml").read_text(encoding="utf-8")
    assert 'title = "Progress sync · follow-up 2026-03-10"' in second
    assert 'carries = "item 1"' in second and 'carries = "task 1"' in second
    user.run(
        "task", "1", "--due", "3/13", "--note", "rigs arrive late", now="2026-03-06T09:00:00+01:00"
    )
    hold_meeting(db_path, second, ("/present all", "/next", "d: rigs ordered"))
    week = user.report("2026-03-11T09:00:00+01:00")
    assert "Overdue" in week["Open items, overdue first — chase"]
    assert "rigs arrive late" in week["Not started yet"]
    for name in ("Marta", "Sam"):
        user.run("confirm", "1", "--by", name, now="2026-03-11T10:00:00+01:00")

    # Week 3: the opinion is still open, so it is carried again; settled in the third meeting.
    user.run(
        "new", "sync", "--from", "Progress sync", "-o", "m3.toml", now="2026-03-12T09:00:00+01:00"
    )
    third = (tmp_path / "m3.toml").read_text(encoding="utf-8")
    assert 'carries = "item 1"' in third
    hold_meeting(db_path, third, ("/present all", "/next", "d: opinion received: compliant"))
    user.run("item", "1", "resolved", "--note", "opinion received", now="2026-03-17T11:00:00+01:00")
    user.run("task", "1", "done", now="2026-03-17T12:00:00+01:00")  # due Fri 13 Mar
    user.run("task", "2", "done", now="2026-03-13T12:00:00+01:00")  # on time
    week = user.report("2026-03-18T09:00:00+01:00")
    done = week["Done this week"]
    assert "Tue 17 Mar 2026, 4 days late (first due Fri 6 Mar 2026)" in done
    assert "Fri 13 Mar 2026" in done
    assert week["Open items, overdue first — chase"].strip().endswith("(0)\n  None")
    assert "compliance opinion" in week["Open items settled this week"]
    # And the next follow-up has nothing left to carry.
    user.run(
        "new", "sync", "--from", "Progress sync", "-o", "m4.toml", now="2026-03-19T09:00:00+01:00"
    )
    assert "carries" not in (tmp_path / "m4.toml").read_text(encoding="utf-8")
    trend = user.run("metrics", "--series", "Progress sync", now="2026-03-19T09:00:00+01:00")
    assert "1 of 1 settled" in trend
