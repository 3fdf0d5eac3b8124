"""Every host command says what it did (✓ ...), /speak and /drop included."""

from __future__ import annotations

from facilitator.app.live import LiveMeeting
from tests.support import enter_line, room_app, type_lines


def said(meeting: LiveMeeting, line: str) -> list[str]:
    outcome = meeting.submit(line)
    assert outcome.accepted, [n.text() for n in outcome.notices]
    return [n.text() for n in outcome.notices]


def test_speak_says_who_speaks_and_who_waits(meeting):
    type_lines(meeting, "/present all", "/next")  # Li, the owner, reports
    assert said(meeting, "/speak @Marta @Wang") == ["waiting: Marta, Wang"]
    assert said(meeting, "/drop @Wang") == ["removed from the queue: Wang"]
    assert said(meeting, "/done") == ["Marta speaks"]
    assert said(meeting, "/done") == ["speaker done; nobody is waiting"]
    assert said(meeting, "/speak @Zhao @Ana") == ["Zhao speaks", "waiting: Ana"]


async def test_the_status_line_confirms_a_speaker_added_by_line(archive, clock):
    from io import StringIO

    from rich.console import Console

    app = room_app(archive, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await enter_line(pilot, "/present all")
        await pilot.press("f2")
        await enter_line(pilot, "/speak @Marta")
        out = StringIO()
        Console(width=200, file=out, color_system=None).print(
            app.screen.query_one("#message").render()
        )
        assert "✓ waiting: Marta" in out.getvalue()
